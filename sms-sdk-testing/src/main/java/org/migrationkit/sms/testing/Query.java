package org.migrationkit.sms.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.internal.PercentEncoding;

/** A request's query: filters compared exactly (name: contained), limit and item offset. */
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

  /** Limit 0 to 100 (default 50) and offset 0 to 65535 (default 0), as the API page documents. */
  <T> List<T> page(List<T> all) {
    int limit = number("limit", 50, 0, 100);
    int offset = number("offset", 0, 0, 65535);
    int from = Math.min(offset, all.size());
    return all.subList(from, Math.min(all.size(), from + limit));
  }

  private int number(String name, int absent, int min, int max) {
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
    throw new BadRequest(name + " must be " + min + " to " + max + ", was " + text);
  }
}
