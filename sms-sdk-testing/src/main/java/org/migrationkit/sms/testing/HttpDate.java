package org.migrationkit.sms.testing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The HTTP {@code Date} header's value for now, formatted once a second. */
final class HttpDate {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private record Formatted(long second, String text) {}

  private static volatile Formatted last = new Formatted(-1, "");

  private HttpDate() {}

  static String now() {
    long second = System.currentTimeMillis() / 1000;
    Formatted formatted = last;
    if (formatted.second() != second) {
      formatted = new Formatted(second, FORMAT.format(Instant.ofEpochSecond(second)));
      last = formatted;
    }
    return formatted.text();
  }
}
