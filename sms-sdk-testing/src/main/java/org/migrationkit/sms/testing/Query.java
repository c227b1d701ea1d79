package org.migrationkit.sms.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.internal.PercentEncoding;

/**
 * A request's query: filters compared exactly (name: contained), limit and item offset, checked
 * against each list operation's own {@link Paging}.
 */
final class Query {
  private final Map<String, String> values = new HashMap<>();

  Query(@Nullable String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = PercentEncoding.decode(eq < 0 ? pair : pair.substring(0, eq));
      values.put(name, eq < 0 ? "" : PercentEncoding.decode(pair.substring(eq + 1)));
    }
  }

  /** Returns the decoded value of parameter {@code name}, or {@code null} when it was not sent. */
  @Nullable String value(String name) {
    return values.get(name);
  }

  boolean matches(String name, @Nullable String actual) {
    String wanted = values.get(name);
    return wanted == null || wanted.equals(actual);
  }

  boolean contains(String name, @Nullable String actual) {
    String wanted = values.get(name);
    return wanted == null || (actual != null && actual.contains(wanted));
  }

  /**
   * One list operation's paging limits, as its API page gives them: {@code limit} from 0 to {@code
   * maxLimit} ({@code defaultLimit} when absent, and also when 0 if {@code zeroMeansDefault}),
   * {@code offset} the item offset from 0 to 65535.
   */
  record Paging(String operation, int defaultLimit, int maxLimit, boolean zeroMeansDefault) {
    /** ListTasks: limit 0 to 200, default 100. */
    static final Paging TASKS = new Paging("ListTasks", 100, 200, false);

    /** ListServers: limit 0 means the default, 200; the page gives no other maximum. */
    static final Paging SERVERS = new Paging("ListServers", 200, 200, true);

    /** ListTemplates: limit 0 to 100, default 50. */
    static final Paging TEMPLATES = new Paging("ListTemplates", 50, 100, false);

    /** ListMigprojects: limit 0 to 100, default 50. */
    static final Paging PROJECTS = new Paging("ListMigprojects", 50, 100, false);

    /** ListErrorServers: limit 0 to 100, default 50. */
    static final Paging ERRORS = new Paging("ListErrorServers", 50, 100, false);
  }

  /** The largest item offset any list accepts. */
  static final int MAX_OFFSET = 65_535;

  /**
   * Returns the page of {@code all} that {@code limit} and {@code offset} ask for, refusing values
   * out of {@code paging}'s range (a {@link BadRequest}, answered 400).
   */
  <T> List<T> page(List<T> all, Paging paging) {
    int limit = number(paging.operation(), "limit", paging.defaultLimit(), 0, paging.maxLimit());
    if (limit == 0 && paging.zeroMeansDefault()) {
      limit = paging.defaultLimit();
    }
    int offset = number(paging.operation(), "offset", 0, 0, MAX_OFFSET);
    int from = Math.min(offset, all.size());
    return all.subList(from, Math.min(all.size(), from + limit));
  }

  private int number(String operation, String name, int absent, int min, int max) {
    String text = values.get(name);
    if (text == null) {
      return absent;
    }
    try {
      int n = Integer.parseInt(text);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadRequest(
        operation + ": " + name + " must be " + min + " to " + max + ", was " + text);
  }
}
