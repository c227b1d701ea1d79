package org.migrationkit.sms.internal;

import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding as both the API gateway's canonical form and our path segments need it:
 * the unreserved characters ({@code A-Z a-z 0-9 - _ . ~}) stay, every other UTF-8 byte becomes
 * {@code %XX} with upper-case hex.
 */
public final class PercentEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentEncoding() {}

  /** Appends {@code value} to {@code s}, percent-encoded. */
  public static void append(StringBuilder s, String value) {
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (isUnreserved(c)) {
        s.append(c);
        i++;
        continue;
      }
      int length = Character.isHighSurrogate(c) && i + 1 < value.length() ? 2 : 1;
      for (byte b : value.substring(i, i + length).getBytes(StandardCharsets.UTF_8)) {
        s.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
      i += length;
    }
  }

  /** Returns {@code value} percent-encoded. */
  public static String encode(String value) {
    StringBuilder s = new StringBuilder(value.length() + 16);
    append(s, value);
    return s.toString();
  }

  static boolean isUnreserved(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.'
        || c == '~';
  }
}
