package org.migrationkit.sms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code NO_PROXY} entries as curl and Go read them; nothing is ever looked up to match. */
class NoProxyEntryTest {
  private static boolean matches(String entry, String host, int port) {
    NoProxyEntry parsed = NoProxyEntry.parse(entry);
    return parsed != null && parsed.matches(host, port);
  }

  @Test
  void cidrV4_matchesAddressesInTheBlockOnly() {
    assertThat(matches("127.0.0.0/8", "127.1.2.3", 443)).isTrue();
    assertThat(matches("10.20.0.0/16", "10.20.255.1", 443)).isTrue();
    assertThat(matches("10.20.0.0/16", "10.21.0.1", 443)).isFalse();
    assertThat(matches("127.0.0.0/8", "localhost", 443)).isFalse(); // a name is not looked up
    assertThat(matches("0.0.0.0/0", "192.0.2.1", 443)).isTrue();
  }

  @Test
  void cidrV6_matchesAddressesInTheBlockOnly() {
    assertThat(matches("fd00::/8", "fd12:3456::1", 443)).isTrue();
    assertThat(matches("fd00::/8", "fe80::1", 443)).isFalse();
    assertThat(matches("::1/128", "0:0:0:0:0:0:0:1", 443)).isTrue();
    assertThat(matches("::ffff:10.0.0.0/104", "::ffff:10.1.2.3", 443)).isTrue();
  }

  @Test
  void hostAndPort_matchThatPortOnly() {
    assertThat(matches("sms.example.com:8443", "sms.example.com", 8443)).isTrue();
    assertThat(matches("sms.example.com:8443", "sms.example.com", 443)).isFalse();
    assertThat(matches("[::1]:8443", "::1", 8443)).isTrue();
    assertThat(matches("[::1]:8443", "::1", 443)).isFalse();
    assertThat(matches("127.0.0.1:1", "127.0.0.1", 1)).isTrue();
  }

  @Test
  void namesAndStar_matchAsBefore() {
    assertThat(matches(".example.com", "sms.example.com", 443)).isTrue();
    assertThat(matches("example.com", "example.com", 443)).isTrue();
    assertThat(matches("example.com", "notexample.com", 443)).isFalse();
    assertThat(matches("*", "anything", 1)).isTrue();
    assertThat(NoProxyEntry.parse("  ")).isNull();
  }

  @Test
  void malformedLiterals_matchNothingAndLookNothingUp() {
    assertThat(NoProxyEntry.literal("1.2.3.999")).isNull();
    assertThat(NoProxyEntry.literal("fe80::1::2")).isNull();
    assertThat(matches("1.2.3.999/8", "1.2.3.4", 443)).isFalse();
  }
}
