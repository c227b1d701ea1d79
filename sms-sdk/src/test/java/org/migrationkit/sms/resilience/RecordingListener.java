package org.migrationkit.sms.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.migrationkit.sms.AttemptOutcome;
import org.migrationkit.sms.CallInfo;
import org.migrationkit.sms.SmsEventListener;
import org.migrationkit.sms.SmsException;

/**
 * Records the events of a client's calls, thread-safely, with the {@link System#nanoTime()} of the
 * call's start and of each attempt's end, and opens a latch at the first retry.
 */
final class RecordingListener implements SmsEventListener {
  private final List<Long> callStartNanos = new ArrayList<>();
  private final List<Integer> attemptStarts = new ArrayList<>();
  private final List<AttemptOutcome> attemptEnds = new ArrayList<>();
  private final List<Long> attemptEndNanos = new ArrayList<>();
  private final List<Duration> retryDelays = new ArrayList<>();
  private final AtomicInteger callEnds = new AtomicInteger();
  private final AtomicInteger callFailures = new AtomicInteger();
  private final CountDownLatch firstRetryScheduled = new CountDownLatch(1);

  @Override
  public synchronized void callStart(CallInfo call) {
    callStartNanos.add(System.nanoTime());
  }

  @Override
  public synchronized void attemptStart(CallInfo call, int attempt) {
    attemptStarts.add(attempt);
  }

  @Override
  public synchronized void attemptEnd(CallInfo call, AttemptOutcome outcome) {
    attemptEnds.add(outcome);
    attemptEndNanos.add(System.nanoTime());
  }

  @Override
  public void retryScheduled(CallInfo call, int nextAttempt, Duration delay, SmsException reason) {
    synchronized (this) {
      retryDelays.add(delay);
    }
    firstRetryScheduled.countDown();
  }

  @Override
  public void callEnd(CallInfo call, Duration duration) {
    callEnds.incrementAndGet();
  }

  @Override
  public void callFailed(CallInfo call, Duration duration, SmsException failure) {
    callFailures.incrementAndGet();
  }

  synchronized List<Integer> attemptStarts() {
    return List.copyOf(attemptStarts);
  }

  synchronized List<AttemptOutcome> attemptEnds() {
    return List.copyOf(attemptEnds);
  }

  /** Returns when each call started, by {@link System#nanoTime()}: no earlier than its clock. */
  synchronized List<Long> callStartNanos() {
    return List.copyOf(callStartNanos);
  }

  /**
   * Returns when each attempt ended, by {@link System#nanoTime()}: before the decision about a
   * retry was taken.
   */
  synchronized List<Long> attemptEndNanos() {
    return List.copyOf(attemptEndNanos);
  }

  synchronized List<Duration> retryDelays() {
    return List.copyOf(retryDelays);
  }

  int callEnds() {
    return callEnds.get();
  }

  int callFailures() {
    return callFailures.get();
  }

  /** Opens when the first retry of any call is scheduled. */
  CountDownLatch firstRetryScheduled() {
    return firstRetryScheduled;
  }
}
