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
    append(s, value, 0, value.length());
  }

  /** Appends {@code value}'s characters from {@code start} to {@code end}, percent-encoded. */
  public static void append(StringBuilder s, String value, int start, int end) {
    int i = start;
    while (i < end) {
      char c = value.charAt(i);
      if (isUnreserved(c)) {
        s.append(c);
        i++;
        continue;
      }
      int length = 1;
      if (Character.isSurrogate(c)) {
        if (!Character.isHighSurrogate(c)
            || i + 1 >= end
            || !Character.isLowSurrogate(value.charAt(i + 1))) {
          throw new IllegalArgumentException(
              "unpaired surrogate at index " + i + " cannot be encoded");
        }
        length = 2;
      }
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

  /**
   * Decodes {@code %XX} sequences as UTF-8; {@code +} stays {@code +}, malformed escapes stay as
   * they are.
   */
  public static String decode(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    byte[] out = new byte[value.length()];
    int n = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%' && i + 2 < value.length()) {
        int hi = Character.digit(value.charAt(i + 1), 16);
        int lo = Character.digit(value.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          out[n++] = (byte) ((hi << 4) | lo);
          i += 2;
          continue;
        }
      }
      byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
      if (n + raw.length > out.length) {
        byte[] bigger = new byte[out.length * 2 + raw.length];
        System.arraycopy(out, 0, bigger, 0, n);
        out = bigger;
      }
      for (byte b : raw) {
        out[n++] = b;
      }
    }
    return new String(out, 0, n, StandardCharsets.UTF_8);
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
