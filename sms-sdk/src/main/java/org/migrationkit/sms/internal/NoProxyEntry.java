package org.migrationkit.sms.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One {@code NO_PROXY} entry, read as curl and Go read them: {@code *}, a host name (its subdomains
 * included), an IP address, {@code host:port} or {@code [v6]:port}, or a CIDR block that covers
 * hosts written as IP addresses. No name is ever looked up.
 */
final class NoProxyEntry {
  private final @Nullable String host; // null: every host
  private final int port; // -1: every port
  private final byte @Nullable [] network; // set for a CIDR block
  private final int prefix;

  private NoProxyEntry(@Nullable String host, int port, byte @Nullable [] network, int prefix) {
    this.host = host;
    this.port = port;
    this.network = network;
    this.prefix = prefix;
  }

  /** Returns the entry {@code text} describes, or null for an empty one. */
  static @Nullable NoProxyEntry parse(String text) {
    String entry = text.trim().toLowerCase(Locale.ROOT);
    if (entry.isEmpty()) {
      return null;
    }
    if (entry.equals("*")) {
      return new NoProxyEntry(null, -1, null, 0);
    }
    int slash = entry.indexOf('/');
    if (slash > 0) {
      byte[] network = literal(entry.substring(0, slash));
      Integer bits = number(entry.substring(slash + 1));
      if (network != null && bits != null && bits <= network.length * 8) {
        return new NoProxyEntry(null, -1, network, bits);
      }
      return new NoProxyEntry(entry, -1, null, 0); // not a block: matches nothing real
    }
    int port = -1;
    String host = entry;
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      if (close > 0) {
        Integer p =
            close + 2 <= host.length() && host.charAt(close + 1) == ':'
                ? number(host.substring(close + 2))
                : null;
        port = p != null ? p : -1;
        host = host.substring(1, close);
      }
    } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') > 0) {
      Integer p = number(host.substring(host.indexOf(':') + 1));
      if (p != null) {
        port = p;
        host = host.substring(0, host.indexOf(':'));
      }
    }
    if (host.startsWith(".")) {
      host = host.substring(1);
    }
    return new NoProxyEntry(host, port, null, 0);
  }

  /**
   * Returns whether a request to {@code host} (lower case, no brackets) on {@code port} goes
   * direct.
   */
  boolean matches(String host, int port) {
    if (this.port != -1 && this.port != port) {
      return false;
    }
    if (network != null) {
      byte[] address = literal(host);
      return address != null && address.length == network.length && inBlock(address);
    }
    return this.host == null || host.equals(this.host) || host.endsWith("." + this.host);
  }

  private boolean inBlock(byte[] address) {
    byte[] net = network;
    for (int bit = 0; net != null && bit < prefix; bit++) {
      int mask = 0x80 >> (bit % 8);
      if ((address[bit / 8] & mask) != (net[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  /** Returns the bytes of an IPv4 or IPv6 literal, or null for anything else; never a lookup. */
  static byte @Nullable [] literal(String text) {
    return text.indexOf(':') >= 0 ? v6(text) : v4(text);
  }

  private static byte @Nullable [] v4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] address = new byte[4];
    for (int i = 0; i < 4; i++) {
      Integer n = parts[i].length() <= 3 ? number(parts[i]) : null;
      if (n == null || n > 255) {
        return null;
      }
      address[i] = (byte) (int) n;
    }
    return address;
  }

  private static byte @Nullable [] v6(String text) {
    int gap = text.indexOf("::");
    if (gap != text.lastIndexOf("::")) {
      return null;
    }
    String head = gap >= 0 ? text.substring(0, gap) : text;
    String tail = gap >= 0 ? text.substring(gap + 2) : "";
    int[] front = groups(head);
    int[] back = groups(tail);
    if (front == null || back == null) {
      return null;
    }
    int words = (front.length + back.length);
    if (gap < 0 ? words != 8 : words > 7) {
      return null;
    }
    byte[] address = new byte[16];
    for (int i = 0; i < front.length; i++) {
      address[2 * i] = (byte) (front[i] >> 8);
      address[2 * i + 1] = (byte) front[i];
    }
    for (int i = 0; i < back.length; i++) {
      int at = 8 - back.length + i;
      address[2 * at] = (byte) (back[i] >> 8);
      address[2 * at + 1] = (byte) back[i];
    }
    return address;
  }

  /** Returns the 16-bit groups of one side of an IPv6 literal (a last dotted IPv4 part as two). */
  private static int @Nullable [] groups(String side) {
    if (side.isEmpty()) {
      return new int[0];
    }
    String[] parts = side.split(":", -1);
    byte[] v4 = parts[parts.length - 1].indexOf('.') >= 0 ? v4(parts[parts.length - 1]) : null;
    int count = v4 != null ? parts.length + 1 : parts.length;
    int[] words = new int[count];
    for (int i = 0; i < (v4 != null ? parts.length - 1 : parts.length); i++) {
      String part = parts[i];
      if (part.isEmpty() || part.length() > 4) {
        return null;
      }
      int value = 0;
      for (int k = 0; k < part.length(); k++) {
        int digit = Character.digit(part.charAt(k), 16);
        if (digit < 0) {
          return null;
        }
        value = value * 16 + digit;
      }
      words[i] = value;
    }
    if (v4 != null) {
      words[count - 2] = ((v4[0] & 0xFF) << 8) | (v4[1] & 0xFF);
      words[count - 1] = ((v4[2] & 0xFF) << 8) | (v4[3] & 0xFF);
    } else if (parts[parts.length - 1].indexOf('.') >= 0) {
      return null;
    }
    return words;
  }

  private static @Nullable Integer number(String text) {
    if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    return Integer.parseInt(text);
  }
}
