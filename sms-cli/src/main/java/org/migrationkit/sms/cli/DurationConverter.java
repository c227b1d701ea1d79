package org.migrationkit.sms.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations as people write them: {@code 30m}, {@code 10s}, {@code 1h30m}, {@code 500ms},
 * {@code 2d}, or ISO-8601 ({@code PT30M}). Must be positive.
 */
final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    Duration d = parse(value);
    if (d.isZero() || d.isNegative()) {
      throw new TypeConversionException("'" + value + "' is not a positive duration");
    }
    return d;
  }

  /** {@return the duration; a number without unit is refused, so {@code 30} is never ambiguous} */
  static Duration parse(String value) {
    String text = value.strip().toLowerCase(Locale.ROOT);
    if (text.startsWith("p")) {
      try {
        return Duration.parse(text.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw invalid(value);
      }
    }
    Duration total = Duration.ZERO;
    int i = 0;
    if (text.isEmpty()) {
      throw invalid(value);
    }
    while (i < text.length()) {
      int start = i;
      while (i < text.length() && Character.isDigit(text.charAt(i))) {
        i++;
      }
      if (i == start || i - start > 9) {
        throw invalid(value);
      }
      long amount = Long.parseLong(text.substring(start, i));
      int unitStart = i;
      while (i < text.length() && Character.isLetter(text.charAt(i))) {
        i++;
      }
      switch (text.substring(unitStart, i)) {
        case "ms":
          total = total.plusMillis(amount);
          break;
        case "s":
          total = total.plusSeconds(amount);
          break;
        case "m":
          total = total.plusMinutes(amount);
          break;
        case "h":
          total = total.plusHours(amount);
          break;
        case "d":
          total = total.plusDays(amount);
          break;
        default:
          throw invalid(value);
      }
    }
    return total;
  }

  private static TypeConversionException invalid(String value) {
    return new TypeConversionException(
        "'" + value + "' is not a duration such as 30m, 10s, 1h30m, 500ms or PT30M");
  }

  /** {@return the duration as {@link #parse} reads it back, e.g. {@code 1h30m} or {@code 500ms}} */
  static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder s = new StringBuilder();
    long days = d.toDaysPart();
    if (days > 0) {
      s.append(days).append('d');
    }
    if (d.toHoursPart() > 0) {
      s.append(d.toHoursPart()).append('h');
    }
    if (d.toMinutesPart() > 0) {
      s.append(d.toMinutesPart()).append('m');
    }
    if (d.toSecondsPart() > 0) {
      s.append(d.toSecondsPart()).append('s');
    }
    if (d.toMillisPart() > 0) {
      s.append(d.toMillisPart()).append("ms");
    }
    return s.toString();
  }
}
