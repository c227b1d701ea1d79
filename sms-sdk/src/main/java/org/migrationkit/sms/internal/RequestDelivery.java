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

  /**
   * Returns whether the attempt's request was provably never written: the connection set-up (name
   * lookup, TCP, proxy {@code CONNECT}, TLS handshake) failed or timed out, as the {@link
   * ConnectionSetupWatch} saw, or the failure itself proves it never connected. Another endpoint
   * may then be tried, and the request repeated, for any operation, {@code POST} included. A
   * configuration error (a proxy that refuses the client) is not such a failure: it ends the call.
   */
  static boolean notSent(Exchange<?, ?> exchange, SmsException failure) {
    if (failure instanceof SmsTimeoutException) {
      SmsTimeoutException.Timeout timeout = ((SmsTimeoutException) failure).getTimeout();
      return timeout == SmsTimeoutException.Timeout.CONNECT
          || (timeout != SmsTimeoutException.Timeout.CALL && !exchange.requestMayHaveBeenSent());
    }
    if (!(failure instanceof SmsConnectionException)) {
      return false;
    }
    return !exchange.requestMayHaveBeenSent() || neverConnected(failure);
  }

  /** Returns whether the failure is a host name that does not resolve: retrying will not help. */
  static boolean unresolvedHost(SmsException failure) {
    return failure instanceof SmsConnectionException
        && failure.getCause() instanceof UnknownHostException;
  }

  /** Returns whether a proxy refused the client: a configuration error, never retried. */
  static boolean proxyRefused(SmsException failure) {
    return failure.getCause() instanceof ProxyAuthentication.Refused;
  }

  /** Returns whether the call's operation may be sent again after {@code failure}. */
  static boolean mayRepeat(Exchange<?, ?> exchange, SmsException failure) {
    return exchange.operation.idempotent() || neverProcessed(failure) || notSent(exchange, failure);
  }
}
