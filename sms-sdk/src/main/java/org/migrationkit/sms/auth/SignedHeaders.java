package org.migrationkit.sms.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The headers a signature covers: lower-case names with their values, sorted by name once complete.
 * A request signs four or five headers, so two parallel arrays and an insertion sort beat a sorted
 * map; a later {@link #put} of a name replaces the earlier value, as a map would.
 */
final class SignedHeaders {
  private String[] names;
  private String[] values;
  private int size;

  SignedHeaders(int expected) {
    names = new String[Math.max(expected, 4)];
    values = new String[names.length];
  }

  /** Returns {@code host} and {@code headers}, with room for {@code more} headers besides. */
  static SignedHeaders of(String host, Map<String, String> headers, int more) {
    SignedHeaders signed = new SignedHeaders(1 + headers.size() + more);
    signed.put("host", host);
    for (Map.Entry<String, String> h : headers.entrySet()) {
      signed.put(h.getKey(), h.getValue());
    }
    return signed;
  }

  /** Adds or replaces a header; {@code name} in any case. */
  void put(String name, String value) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (int i = 0; i < size; i++) {
      if (names[i].equals(lower)) {
        values[i] = value;
        return;
      }
    }
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    names[size] = lower;
    values[size] = value;
    size++;
  }

  @Nullable String get(String lowerCaseName) {
    for (int i = 0; i < size; i++) {
      if (names[i].equals(lowerCaseName)) {
        return values[i];
      }
    }
    return null;
  }

  /** Sorts by name, the order both the canonical request and {@code SignedHeaders} use. */
  SignedHeaders sorted() {
    for (int i = 1; i < size; i++) {
      String name = names[i];
      String value = values[i];
      int j = i - 1;
      while (j >= 0 && names[j].compareTo(name) > 0) {
        names[j + 1] = names[j];
        values[j + 1] = values[j];
        j--;
      }
      names[j + 1] = name;
      values[j + 1] = value;
    }
    return this;
  }

  int size() {
    return size;
  }

  String name(int i) {
    return names[i];
  }

  String value(int i) {
    return values[i];
  }
}
