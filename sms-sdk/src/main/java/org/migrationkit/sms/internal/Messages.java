package org.migrationkit.sms.internal;

import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.internal.json.JsonValues;

/**
 * Puts caller-supplied text (a task id, a region id, an endpoint) into a one-line message: quoted,
 * with line breaks and other control characters escaped, so that what was wrong stays visible and a
 * log line stays one line.
 */
public final class Messages {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Messages() {}

  /** Returns {@code 'text'} with CR, LF, tab, other controls and line separators escaped. */
  public static String quote(@Nullable String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder s = new StringBuilder(text.length() + 2).append('\'');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (breaksLine(c)) {
            s.append("\\u")
                .append(HEX[(c >> 12) & 0xF])
                .append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.append('\'').toString();
  }

  /**
   * Returns a URL-like text (an endpoint, a proxy variable) with its user info, anything between
   * the scheme (or the start) and the last {@code @} before the path, shown as {@code ***}.
   */
  public static @Nullable String redactUserInfo(@Nullable String url) {
    if (url == null) {
      return null;
    }
    int scheme = url.indexOf("://");
    int start = scheme < 0 ? 0 : scheme + 3;
    int end = url.length();
    for (int i = start; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    int at = url.lastIndexOf('@', end - 1);
    if (at < start) {
      return url;
    }
    return url.substring(0, start) + "***@" + url.substring(at + 1);
  }

  /** Returns whether {@code c} is a control character or a Unicode line or paragraph separator. */
  public static boolean breaksLine(char c) {
    return JsonValues.breaksLine(c); // one definition, in the package that depends on nothing
  }
}
