package org.migrationkit.sms.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The signing clock: the client's clock plus the offset learned from the gateway's {@code Date}
 * header after a signature was rejected as expired. One per client, read on every attempt. (The
 * {@code Date} header has one-second resolution, so the offset is right to within a second, far
 * inside the gateway's 15-minute window.)
 */
final class SkewedClock extends Clock {
  private final Clock base;
  private final AtomicLong offsetMillis = new AtomicLong();

  SkewedClock(Clock base) {
    this.base = base;
  }

  /**
   * Sets the offset so that this clock reads {@code serverMillis} now. Absolute, as AWS's
   * ClockSkewAdjuster does: every call that learns the same server time sets the same offset, so
   * concurrent corrections never compound.
   */
  void syncTo(long serverMillis) {
    offsetMillis.set(serverMillis - base.millis());
  }

  @Override
  public Instant instant() {
    long offset = offsetMillis.get();
    Instant now = base.instant();
    return offset == 0 ? now : now.plusMillis(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
