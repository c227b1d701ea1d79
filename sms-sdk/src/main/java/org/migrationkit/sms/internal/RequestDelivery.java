package org.migrationkit.sms.internal;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.migrationkit.sms.SmsConnectionException;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.SmsTimeoutException;

/**
 * What a failed attempt proves about its request's delivery, which decides whether the attempt may
 * be repeated (see {@link Operation} for the rule) and whether another endpoint may be tried.
 */
final class RequestDelivery {
  private RequestDelivery() {}

  /**
   * Returns whether no connection to the endpoint was ever made: refused, unknown host, no route,
   * TLS handshake failed. Another endpoint may then be tried for any operation.
   */
  static boolean neverConnected(SmsException failure) {
    if (!(failure instanceof SmsConnectionException)) {
      return false;
    }
    Throwable cause = failure.getCause();
    return cause instanceof ConnectException
        || cause instanceof UnknownHostException
        || cause instanceof NoRouteToHostException
        || cause instanceof SSLHandshakeException;
  }

  /**
   * Returns whether the service provably never acted on the request: it never connected, the
   * connection timed out before it was made, or the gateway refused it as throttled (429).
   */
  static boolean neverProcessed(SmsException failure) {
    if (failure instanceof SmsTimeoutException) {
      return ((SmsTimeoutException) failure).getTimeout() == SmsTimeoutException.Timeout.CONNECT;
    }
    if (failure instanceof SmsServiceException) {
      return ((SmsServiceException) failure).isThrottling();
    }
    return neverConnected(failure);
  }

  /** Returns whether {@code operation} may be sent again after {@code failure}. */
  static boolean mayRepeat(Operation<?, ?> operation, SmsException failure) {
    return operation.idempotent() || neverProcessed(failure);
  }
}
