package org.migrationkit.sms.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.internal.PercentEncoding;

/**
 * One operation of the SMS v3 API description as the simulator routes it: method and path template
 * (such as {@code /v3/tasks/{task_id}}). {@link #match} finds the operation a request is for; a
 * literal segment wins over a variable one, so {@code POST /v3/tasks/delete} is DeleteTasks.
 */
record Route(String operation, String method, String template) {
  /** Every operation of src/codegen/sms-v3.json, generated into {@link DescribedRoutes}. */
  static final List<Route> ALL = sorted(DescribedRoutes.ALL);

  /** A route that matched, with its path parameters decoded, in template order. */
  record Match(Route route, List<String> params) {
    String param(int index) {
      return params.get(index);
    }
  }

  /** Returns the names of the template's path variables, in template order. */
  List<String> variables() {
    List<String> names = new ArrayList<>(2);
    for (String part : template.split("/", -1)) {
      if (part.startsWith("{")) {
        names.add(part.substring(1, part.length() - 1));
      }
    }
    return names;
  }

  private static List<Route> sorted(List<Route> routes) {
    List<Route> copy = new ArrayList<>(routes);
    copy.sort(Comparator.comparingInt(r -> variables(r.template())));
    return List.copyOf(copy);
  }

  private static int variables(String template) {
    int n = 0;
    for (int i = 0; i < template.length(); i++) {
      n += template.charAt(i) == '{' ? 1 : 0;
    }
    return n;
  }

  /** Returns the operation {@code method rawPath} is for, or {@code null} when none is. */
  static @Nullable Match match(String method, String rawPath) {
    String[] segments = rawPath.split("/", -1);
    for (Route route : ALL) {
      if (!route.method().equals(method)) {
        continue;
      }
      List<String> params = route.bind(segments);
      if (params != null) {
        return new Match(route, params);
      }
    }
    return null;
  }

  private @Nullable List<String> bind(String[] segments) {
    String[] parts = template.split("/", -1);
    if (parts.length != segments.length) {
      return null;
    }
    List<String> params = new ArrayList<>(2);
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].startsWith("{")) {
        if (segments[i].isEmpty()) {
          return null;
        }
        params.add(PercentEncoding.decode(segments[i]));
      } else if (!parts[i].equals(segments[i])) {
        return null;
      }
    }
    return params;
  }
}
