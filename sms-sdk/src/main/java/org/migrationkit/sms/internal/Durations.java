package org.migrationkit.sms.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Checks of the durations builders take, with one-line messages naming the option. */
public final class Durations {
  private Durations() {}

  /** Returns {@code d} when it is positive (at least 1 ms), else throws naming {@code option}. */
  public static Duration requirePositive(@Nullable Duration d, String option) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(option + " must be positive, was " + d);
    }
    if (d.toMillis() == 0) {
      throw new IllegalArgumentException(option + " must be at least 1 ms, was " + d);
    }
    return d;
  }

  /** Returns {@code d} when it is zero or positive, else throws naming {@code option}. */
  public static Duration requireNotNegative(@Nullable Duration d, String option) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException(option + " must be zero or positive, was " + d);
    }
    return d;
  }
}
