package org.migrationkit.sms.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.AttemptOutcome;
import org.migrationkit.sms.CallInfo;
import org.migrationkit.sms.SmsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a call to the client's {@link org.migrationkit.sms.SmsEventListener} and to the debug
 * log: callStart, then per attempt attemptStart and attemptEnd (and retryScheduled between
 * attempts), then exactly one of callEnd and callFailed. With no listener, {@code info} is null and
 * no event object is made.
 */
final class CallEvents {
  private static final Logger log = LoggerFactory.getLogger("org.migrationkit.sms.SmsClient");

  private CallEvents() {}

  static void callStart(Exchange<?, ?> exchange) {
    CallInfo info = exchange.info;
    if (info != null) {
      exchange.transport.listener.callStart(info);
    }
  }

  static void attemptStart(Exchange<?, ?> exchange) {
    CallInfo info = exchange.info;
    if (info != null) {
      exchange.transport.listener.attemptStart(info, exchange.attempt);
    }
  }

  static void attemptEnd(Exchange<?, ?> exchange, @Nullable SmsException failure) {
    long nanos = System.nanoTime() - exchange.attemptStartNanos;
    if (log.isDebugEnabled()) {
      log.debug(
          "{} {} {} attempt {} of {} -> {} in {} ms (request id {})",
          exchange.operation.name(),
          exchange.operation.method(),
          exchange.encodedPath,
          exchange.attempt,
          exchange.transport.retryPolicy.maxAttempts(),
          failure == null ? String.valueOf(exchange.status) : failure.getMessage(),
          TimeUnit.NANOSECONDS.toMillis(nanos),
          exchange.requestId);
    }
    CallInfo info = exchange.info;
    if (info != null) {
      exchange.transport.listener.attemptEnd(
          info,
          new AttemptOutcome(
              exchange.attempt,
              exchange.status,
              exchange.requestId,
              Duration.ofNanos(nanos),
              exchange.responseBytes,
              failure));
    }
  }

  /** Reports the retry after {@code failure}, which the final failure will carry as suppressed. */
  static void retryScheduled(Exchange<?, ?> exchange, SmsException failure, long delayNanos) {
    exchange.keepEarlierFailure(failure);
    if (log.isDebugEnabled()) {
      log.debug(
          "{} {} retrying in {} ms",
          exchange.operation.name(),
          exchange.encodedPath,
          TimeUnit.NANOSECONDS.toMillis(delayNanos));
    }
    CallInfo info = exchange.info;
    if (info != null) {
      exchange.transport.listener.retryScheduled(
          info, exchange.attempt + 1, Duration.ofNanos(delayNanos), failure);
    }
  }

  /** Reports the call's success: it refills the retry budget, and callEnd is reported once. */
  static void succeeded(Exchange<?, ?> exchange) {
    exchange.transport.retryBudget.onSuccess();
    CallInfo info = exchange.info;
    if (info != null && exchange.markEnded()) {
      exchange.transport.listener.callEnd(
          info, Duration.ofNanos(System.nanoTime() - exchange.startNanos));
    }
  }

  /**
   * Returns {@code failure} as the call's final failure, with the attempt count and the earlier
   * attempts' failures; reports callFailed once.
   */
  static SmsException finalFailure(Exchange<?, ?> exchange, SmsException failure) {
    Attempts.record(failure, exchange.attempt);
    exchange.suppressEarlierFailures(failure);
    callFailed(exchange, failure);
    return failure;
  }

  /** Reports callFailed unless the call's end was reported already. */
  static void callFailed(Exchange<?, ?> exchange, SmsException failure) {
    CallInfo info = exchange.info;
    if (info != null && exchange.markEnded()) {
      exchange.transport.listener.callFailed(
          info, Duration.ofNanos(System.nanoTime() - exchange.startNanos), failure);
    }
  }
}
