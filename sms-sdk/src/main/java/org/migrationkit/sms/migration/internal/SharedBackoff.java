package org.migrationkit.sms.migration.internal;

/**
 * The pause the whole fleet keeps after a throttled answer: every worker asks {@link
 * #remainingNanos()} before its next call. Each throttled answer that arrives after the pause ended
 * doubles it (up to 64 times the first); one that arrives during the pause (a call sent before it
 * began) does not; a successful call after the pause lets it start from the first again.
 *
 * <p>State: {@code untilNanos} is when the current pause ends ({@link System#nanoTime()}), {@code
 * level} how many pauses in a row there were.
 */
final class SharedBackoff {
  private static final int MAX_LEVEL = 7;

  private final long initialNanos;
  private long untilNanos;
  private int level;
  private long throttles;

  SharedBackoff(long initialNanos) {
    this.initialNanos = initialNanos;
    this.untilNanos = System.nanoTime();
  }

  /** Returns how long every worker still waits before its next call; zero or less: none. */
  synchronized long remainingNanos() {
    return untilNanos - System.nanoTime();
  }

  /** Records a throttled answer and returns the pause now in force. */
  synchronized long throttled() {
    throttles++;
    long now = System.nanoTime();
    if (untilNanos - now <= 0) {
      level = Math.min(level + 1, MAX_LEVEL);
      untilNanos = now + (initialNanos << (level - 1));
    }
    return untilNanos - now;
  }

  /** Records a successful answer: the next pause starts from the first again. */
  synchronized void succeeded() {
    if (untilNanos - System.nanoTime() <= 0) {
      level = 0;
    }
  }

  /** Returns how many throttled answers the fleet saw. */
  synchronized long throttles() {
    return throttles;
  }
}
