package org.migrationkit.sms.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulator's task time: it stands still until {@link SmsSimulator#advance(Duration)} moves it,
 * so a test plays hours of a migration in microseconds. Signature checks never read it.
 * Thread-safe.
 */
final class VirtualClock {
  private final AtomicReference<Instant> now;

  VirtualClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  Instant now() {
    return now.get();
  }

  void set(Instant instant) {
    now.set(instant);
  }

  Instant advance(Duration duration) {
    return now.updateAndGet(t -> t.plus(duration));
  }

  @Override
  public String toString() {
    return "VirtualClock{" + now.get() + "}";
  }
}
