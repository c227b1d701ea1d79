package org.migrationkit.sms.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.SmsConnectionException;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.SmsTimeoutException;
import org.migrationkit.sms.internal.json.JsonValues;

/**
 * Maps whatever ended an attempt, other than an answer, to the one {@link SmsException} the caller
 * sees: what the client itself did (closed, cancelled, the call's deadline) comes before what the
 * socket reports, so a cancelled call never reads as a network failure. Messages are one line and
 * start with the operation and the endpoint.
 */
final class FailureMapper {
  private FailureMapper() {}

  /** Maps an I/O failure of {@code call}. */
  static SmsException fromIo(Exchange<?, ?> exchange, IOException e, @Nullable Call call) {
    String detail =
        JsonValues.oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    if (exchange.status != 0) {
      // the status line arrived and the body broke off: keep what the caller needs to report it
      detail = "the answer (" + statusAndId(exchange) + ") broke off: " + detail;
    }
    if (exchange.transport.isClosed()) {
      return closed(exchange, e);
    }
    if (exchange.cancelledByCaller()) {
      return new SmsClientException(prefix(exchange) + " cancelled by the caller", e);
    }
    SmsException interruption = exchange.interruption(e);
    if (interruption != null) {
      return interruption;
    }
    if (exchange.deadlineExpired) {
      return callTimeout(exchange, e);
    }
    if (e instanceof SocketTimeoutException) {
      return socketTimeout(exchange, (SocketTimeoutException) e, detail);
    }
    if (e instanceof InterruptedIOException
        && ((call != null && call.isCanceled()) || "timeout".equals(e.getMessage()))) {
      return callTimeout(exchange, e);
    }
    if (e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException
        || e instanceof SSLException
        || e instanceof SocketException
        || e instanceof EOFException
        || e instanceof ProtocolException) {
      return new SmsConnectionException(prefix(exchange) + " failed: " + detail, e);
    }
    if ("Canceled".equals(e.getMessage())) {
      return new SmsClientException(prefix(exchange) + " cancelled", e);
    }
    return new SmsConnectionException(prefix(exchange) + " failed: " + detail, e);
  }

  private static SmsTimeoutException socketTimeout(
      Exchange<?, ?> exchange, SocketTimeoutException e, String detail) {
    okhttp3.OkHttpClient http = exchange.transport.http;
    if (detail.toLowerCase(Locale.ROOT).contains("connect")) {
      return new SmsTimeoutException(
          SmsTimeoutException.Timeout.CONNECT,
          prefix(exchange)
              + " failed: connect timed out"
              + after(exchange, http.connectTimeoutMillis()),
          e);
    }
    return new SmsTimeoutException(
        SmsTimeoutException.Timeout.READ,
        prefix(exchange)
            + " failed: read timed out"
            + after(exchange, http.readTimeoutMillis())
            + (exchange.status != 0 ? " (" + statusAndId(exchange) + ")" : ""),
        e);
  }

  /** " after N ms", when the timeout is the SDK's; a caller's Call.Factory keeps its own. */
  private static String after(Exchange<?, ?> exchange, int millis) {
    return exchange.transport.calls == exchange.transport.http ? " after " + millis + " ms" : "";
  }

  /** Maps a failure to get credentials to this call's own exception (the source is shared). */
  static SmsException fromCredentials(Exchange<?, ?> exchange, Throwable error) {
    Throwable e =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (e instanceof Exchange.StopWaiting) {
      return ((Exchange.StopWaiting) e).reason;
    }
    if (exchange.deadlineNanos - System.nanoTime() <= 0) {
      return callTimeout(exchange, e); // what gave up (an IAM request, say) did so at the deadline
    }
    String problem =
        e instanceof SmsException
            ? e.getMessage()
            : "the credentials provider threw " + e.getClass().getName();
    return new SmsClientException(prefix(exchange) + " failed: " + problem, e);
  }

  /** Maps anything thrown inside the call path to one SmsException, so a future always ends. */
  static SmsException unexpected(Exchange<?, ?> exchange, Throwable e) {
    if (e instanceof SmsException) {
      return (SmsException) e;
    }
    if (e instanceof Exchange.StopWaiting) {
      return ((Exchange.StopWaiting) e).reason;
    }
    return new SmsClientException(prefix(exchange) + " failed: " + e.getClass().getName(), e);
  }

  static SmsTimeoutException callTimeout(Exchange<?, ?> exchange, @Nullable Throwable cause) {
    return new SmsTimeoutException(
        SmsTimeoutException.Timeout.CALL,
        prefix(exchange)
            + " failed: the call timed out after "
            + TimeUnit.NANOSECONDS.toMillis(exchange.transport.callTimeoutNanos)
            + " ms",
        cause);
  }

  static SmsClientException cancelled(Exchange<?, ?> exchange) {
    return new SmsClientException(prefix(exchange) + " cancelled by the caller");
  }

  static SmsClientException closed(Exchange<?, ?> exchange, @Nullable Throwable cause) {
    return new SmsClientException(prefix(exchange) + " cancelled: the client was closed", cause);
  }

  /** Returns what every message starts with: the operation, its method and the endpoint. */
  static String prefix(Exchange<?, ?> exchange) {
    EndpointSelector.Endpoint attempted = exchange.attemptEndpoint;
    HttpUrl endpoint = (attempted != null ? attempted : exchange.transport.endpoints.first()).url;
    return exchange.operation.name()
        + " "
        + exchange.operation.method()
        + " "
        + endpoint.host()
        + ":"
        + endpoint.port();
  }

  private static String statusAndId(Exchange<?, ?> exchange) {
    return "HTTP "
        + exchange.status
        + (exchange.requestId != null ? ", request id " + exchange.requestId : "");
  }
}
