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
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
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
    SentSecrets sent = exchange.sentSecrets; // an I/O message may quote the server's status line
    String detail =
        JsonValues.oneLine(
            sent.redact(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    Throwable cause = sent.clean(e);
    if (exchange.status != 0) {
      // the status line arrived and the body broke off: keep what the caller needs to report it
      detail = "the answer (" + statusAndId(exchange) + ") broke off: " + detail;
    }
    if (exchange.transport.isClosed()) {
      return closed(exchange, cause);
    }
    if (exchange.cancelledByCaller()) {
      return new SmsClientException(prefix(exchange) + " cancelled by the caller", cause);
    }
    SmsException interruption = exchange.interruption(e);
    if (interruption != null) {
      return interruption;
    }
    if (exchange.deadlineExpired) {
      return callTimeout(exchange, cause);
    }
    boolean setup = !exchange.requestMayHaveBeenSent();
    if (exchange.setupTimedOut) {
      return connectTimeout(exchange, cause);
    }
    if (e instanceof ProxyAuthentication.Refused) {
      return new SmsClientException(prefix(exchange) + " failed: " + detail, cause);
    }
    if ("Failed to authenticate with proxy".equals(e.getMessage())) { // a caller's authenticator
      String proxy = proxyOf(exchange);
      return new SmsClientException(
          prefix(exchange)
              + " failed: the proxy "
              + (proxy != null ? proxy : "(unknown)")
              + " answered 407 Proxy Authentication Required and its authenticator gave up",
          new ProxyAuthentication.Refused(detail));
    }
    if (e instanceof SocketTimeoutException) {
      return socketTimeout(exchange, (SocketTimeoutException) e, detail, setup, cause);
    }
    if (e instanceof InterruptedIOException
        && ((call != null && call.isCanceled()) || "timeout".equals(e.getMessage()))) {
      return callTimeout(exchange, cause);
    }
    if (e instanceof UnknownHostException) {
      HttpUrl url = endpoint(exchange);
      String proxy = proxyOf(exchange);
      String what =
          proxy != null && detail.contains(proxy.substring(0, proxy.lastIndexOf(':')))
              ? "the proxy host " + proxy + " does not resolve: check the proxy setting"
              : "the host " + url.host() + " does not resolve: is the region or endpoint wrong?";
      return new SmsConnectionException(prefix(exchange) + " failed: " + what, cause);
    }
    if (e instanceof SSLException && setup) {
      return new SmsConnectionException(
          prefix(exchange) + " failed: " + tlsProblem(exchange, e, detail) + through(exchange),
          cause);
    }
    if (setup && e.getMessage() != null && e.getMessage().startsWith("Unexpected response code")) {
      String proxy = proxyOf(exchange);
      return new SmsConnectionException(
          prefix(exchange)
              + " failed: the proxy "
              + (proxy != null ? proxy : "(unknown)")
              + " did not open the tunnel ("
              + detail
              + ")",
          cause);
    }
    if (e instanceof ConnectException
        || e instanceof NoRouteToHostException
        || e instanceof SSLException
        || e instanceof SocketException
        || e instanceof EOFException
        || e instanceof ProtocolException) {
      return new SmsConnectionException(
          prefix(exchange) + " failed: " + detail + (setup ? through(exchange) : ""), cause);
    }
    if ("Canceled".equals(e.getMessage())) {
      return new SmsClientException(prefix(exchange) + " cancelled", cause);
    }
    return new SmsConnectionException(
        prefix(exchange) + " failed: " + detail + (setup ? through(exchange) : ""), cause);
  }

  /** Says what a failed TLS handshake means, in words a user can act on. */
  private static String tlsProblem(Exchange<?, ?> exchange, IOException e, String detail) {
    HttpUrl url = endpoint(exchange);
    String with = "TLS handshake with " + url.host() + " failed: ";
    if (e instanceof SSLPeerUnverifiedException) {
      return with + "the server's certificate does not name " + url.host() + " (" + detail + ")";
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof CertificateExpiredException) {
        return with + "the server's certificate has expired (" + detail + ")";
      }
      if (t instanceof CertificateNotYetValidException) {
        return with + "the server's certificate is not valid yet (" + detail + ")";
      }
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof CertPathBuilderException
          || t instanceof CertPathValidatorException
          || t instanceof CertificateException) {
        return with + "the server's certificate is not trusted (" + detail + ")";
      }
    }
    if (detail.contains("Unsupported or unrecognized SSL message")) {
      return with + "the server does not speak TLS (plain HTTP on an https port?) (" + detail + ")";
    }
    return with + detail;
  }

  private static SmsTimeoutException socketTimeout(
      Exchange<?, ?> exchange,
      SocketTimeoutException e,
      String detail,
      boolean setup,
      Throwable cause) {
    okhttp3.OkHttpClient http = exchange.transport.http;
    if (setup || detail.toLowerCase(Locale.ROOT).contains("connect")) {
      return connectTimeout(exchange, cause);
    }
    if (exchange.bodyWriting) {
      return new SmsTimeoutException(
          SmsTimeoutException.Timeout.WRITE,
          prefix(exchange)
              + " failed: write timed out"
              + after(exchange, http.writeTimeoutMillis())
              + " (the server stopped reading the request)",
          cause);
    }
    return new SmsTimeoutException(
        SmsTimeoutException.Timeout.READ,
        prefix(exchange)
            + " failed: read timed out"
            + after(exchange, http.readTimeoutMillis())
            + (exchange.status != 0 ? " (" + statusAndId(exchange) + ")" : ""),
        cause);
  }

  private static SmsTimeoutException connectTimeout(Exchange<?, ?> exchange, Throwable cause) {
    return new SmsTimeoutException(
        SmsTimeoutException.Timeout.CONNECT,
        prefix(exchange)
            + " failed: connect timed out"
            + after(exchange, exchange.transport.http.connectTimeoutMillis())
            + " (name lookup, TCP, proxy CONNECT and TLS handshake)"
            + through(exchange),
        cause);
  }

  /** Returns " through the proxy host:port" when the attempt went through one, else "". */
  private static String through(Exchange<?, ?> exchange) {
    String proxy = proxyOf(exchange);
    return proxy == null ? "" : " through the proxy " + proxy;
  }

  private static @Nullable String proxyOf(Exchange<?, ?> exchange) {
    return exchange.transport.proxyFor(endpoint(exchange));
  }

  private static HttpUrl endpoint(Exchange<?, ?> exchange) {
    EndpointSelector.Endpoint attempted = exchange.attemptEndpoint;
    return (attempted != null ? attempted : exchange.transport.endpoints.first()).url;
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
    HttpUrl endpoint = endpoint(exchange);
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
