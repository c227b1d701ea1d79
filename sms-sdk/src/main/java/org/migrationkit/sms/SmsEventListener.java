package org.migrationkit.sms;

import java.time.Duration;

/**
 * Hooks into every call a client makes, for metrics and tracing; every method does nothing unless
 * overridden.
 *
 * <pre>{@code
 * SmsClient sms = SmsClient.builder()
 *     .eventListener(new SmsEventListener() {
 *       @Override public void attemptEnd(CallInfo call, AttemptOutcome outcome) {
 *         metrics.record(call.operation(), outcome.statusCode(), outcome.duration());
 *       }
 *     })
 *     ...
 * }</pre>
 *
 * <p>Order per call: {@code callStart}, then per attempt {@code attemptStart} and {@code
 * attemptEnd} (with {@code retryScheduled} between attempts), then exactly one of {@code callEnd}
 * or {@code callFailed}. Starts and ends always pair. Events of one call never overlap, but calls
 * run concurrently, so implementations must be thread-safe. An exception thrown by a listener is
 * caught, logged once at DEBUG and never breaks the call. Without a listener nothing is computed
 * for it.
 */
public interface SmsEventListener {
  /** The listener that does nothing; the default. */
  SmsEventListener NONE = new SmsEventListener() {};

  /**
   * A call begins, before the first attempt (and before credentials are resolved).
   *
   * @param call the call, as described when it started
   */
  default void callStart(CallInfo call) {}

  /**
   * An attempt is about to be sent; {@code attempt} counts from 1.
   *
   * @param call the call, as described when it started
   * @param attempt the attempt number, from 1
   */
  default void attemptStart(CallInfo call, int attempt) {}

  /**
   * An attempt ended: with an answer (status, request id, bytes) or a failure.
   *
   * @param call the call, as described when it started
   * @param outcome what the attempt got back
   */
  default void attemptEnd(CallInfo call, AttemptOutcome outcome) {}

  /**
   * A failed attempt will be tried again after {@code delay}; {@code reason} is its failure.
   *
   * @param call the call, as described when it started
   * @param nextAttempt the number of the attempt that will follow, from 2
   * @param delay the wait before it
   * @param reason the failure of the attempt that ended
   */
  default void retryScheduled(
      CallInfo call, int nextAttempt, Duration delay, SmsException reason) {}

  /**
   * The call succeeded; {@code duration} spans every attempt and wait.
   *
   * @param call the call, as described when it started
   * @param duration the time from the call's start, every attempt and wait included
   */
  default void callEnd(CallInfo call, Duration duration) {}

  /**
   * The call failed with {@code failure}, the exception the caller receives.
   *
   * @param call the call, as described when it started
   * @param duration the time from the call's start, every attempt and wait included
   * @param failure the exception the caller receives
   */
  default void callFailed(CallInfo call, Duration duration, SmsException failure) {}
}
