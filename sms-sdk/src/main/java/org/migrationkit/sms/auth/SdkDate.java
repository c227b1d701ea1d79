package org.migrationkit.sms.auth;

import java.time.Instant;

/**
 * Formats {@code X-Sdk-Date} ({@code yyyyMMdd'T'HHmmss'Z'}, UTC) with arithmetic instead of a
 * {@code DateTimeFormatter}: it runs on every attempt, and this makes one 16-character string.
 */
final class SdkDate {
  private SdkDate() {}

  static String format(Instant instant) {
    long seconds = instant.getEpochSecond();
    long days = Math.floorDiv(seconds, 86_400L);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
    // civil-from-days (H. Hinnant): proleptic Gregorian date of a day count since 1970-01-01
    long z = days + 719_468L;
    long era = Math.floorDiv(z, 146_097L);
    long dayOfEra = z - era * 146_097L;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long mp = (5 * dayOfYear + 2) / 153;
    int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    char[] out = new char[16];
    put(out, 0, (int) (year / 100), 2);
    put(out, 2, (int) (year % 100), 2);
    put(out, 4, month, 2);
    put(out, 6, day, 2);
    out[8] = 'T';
    put(out, 9, secondOfDay / 3600, 2);
    put(out, 11, secondOfDay / 60 % 60, 2);
    put(out, 13, secondOfDay % 60, 2);
    out[15] = 'Z';
    return new String(out);
  }

  private static void put(char[] out, int at, int value, int digits) {
    for (int i = at + digits - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
