package org.migrationkit.sms.internal;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.SmsTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, after a failed attempt, whether the call tries again and after what wait. In order: a
 * closed client or an interrupted caller ends the call; a signature refused for clock skew is
 * re-signed at once (once); a proxy that refuses the client ends the call; a request that was never
 * written (its connection set-up failed) moves to the next endpoint at once; a host that does not
 * resolve ends the call; otherwise the request must be safe to repeat ({@link RequestDelivery}),
 * and the retry policy, the call's deadline and the client's retry budget must all allow it.
 */
final class RetryStage {
  private static final Logger log = LoggerFactory.getLogger("org.migrationkit.sms.SmsClient");
  private static final long SKEW_LIMIT_MILLIS = TimeUnit.MINUTES.toMillis(5);

  private RetryStage() {}

  /** Returns the wait before the next attempt, or -1 to give up with {@code failure}. */
  static long nextDelayNanos(Exchange<?, ?> exchange, SmsException failure) {
    Transport transport = exchange.transport;
    if (transport.isClosed() || exchange.interruptedCall || RequestDelivery.proxyRefused(failure)) {
      return -1;
    }
    if (shouldCorrectSkew(exchange, failure)) {
      return 0;
    }
    if (RequestDelivery.notSent(exchange, failure)
        && exchange.failovers < transport.endpoints.size() - 1) {
      exchange.failovers++;
      transport.endpoints.markUnreachable(exchange.attemptEndpoint);
      return 0;
    }
    if (RequestDelivery.unresolvedHost(failure)) {
      return -1; // the name will not resolve in a second either: the region or endpoint is wrong
    }
    if (!RequestDelivery.mayRepeat(exchange, failure)) {
      log.debug(
          "{} not repeated: it is not idempotent and may have reached the service",
          FailureMapper.prefix(exchange));
      return -1;
    }
    RetryPolicy policy = transport.retryPolicy;
    if (exchange.policyRetries + 1 >= policy.maxAttempts() || !policyAllowsRetry(policy, failure)) {
      return -1;
    }
    boolean throttled =
        failure instanceof SmsServiceException && ((SmsServiceException) failure).isThrottling();
    long delay =
        policy
            .backoff(
                exchange.policyRetries + 1, throttled, ThreadLocalRandom.current().nextDouble())
            .toNanos();
    if (exchange.retryAfterNanos >= 0) {
      delay = Math.min(exchange.retryAfterNanos, policy.maxDelay().toNanos());
    }
    if (System.nanoTime() + delay >= exchange.deadlineNanos) {
      return -1;
    }
    if (!transport.retryBudget.tryAcquire(failure instanceof SmsTimeoutException)) {
      log.debug(
          "{} retry budget exhausted ({}); not retrying",
          FailureMapper.prefix(exchange),
          transport.retryBudget);
      return -1;
    }
    exchange.policyRetries++;
    return delay;
  }

  /** Asks the caller's retry predicate; one that throws means no retry, and is kept. */
  private static boolean policyAllowsRetry(RetryPolicy policy, SmsException failure) {
    try {
      return policy.shouldRetry(failure);
    } catch (Throwable e) {
      failure.addSuppressed(e);
      return false;
    }
  }

  /**
   * Returns whether the gateway refused the signature for a clock skew of over five minutes, which
   * has not been corrected yet in this call; sets the client's signing clock to the gateway's.
   */
  private static boolean shouldCorrectSkew(Exchange<?, ?> exchange, SmsException failure) {
    if (exchange.skewCorrected
        || exchange.serverDate == null
        || exchange.signedAt == null
        || !(failure instanceof SmsServiceException)) {
      return false;
    }
    int code = ((SmsServiceException) failure).getStatusCode();
    long serverMillis = exchange.serverDate.getTime();
    long skew = serverMillis - exchange.signedAt.toEpochMilli();
    if ((code != 401 && code != 403) || Math.abs(skew) <= SKEW_LIMIT_MILLIS) {
      return false;
    }
    exchange.skewCorrected = true;
    // absolute, not added: concurrent calls refused for the same skew must not add it up
    exchange.transport.signingClock.syncTo(serverMillis);
    log.debug(
        "{} clock skew of {} ms learned from the gateway's Date header; re-signing",
        FailureMapper.prefix(exchange),
        skew);
    return true;
  }
}
