package org.migrationkit.sms.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.SmsConnectionException;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.SmsTimeoutException;
import org.migrationkit.sms.auth.AkSkSigner;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.internal.json.JsonReadException;
import org.migrationkit.sms.internal.json.JsonValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one operation: builds the URL, signs afresh, executes on OkHttp, and turns the answer into
 * the model or one {@link SmsException}. Thread-safe; shared by every call of one client.
 */
public final class Transport {
  private static final Logger log = LoggerFactory.getLogger("org.migrationkit.sms.SmsClient");

  private final OkHttpClient http;
  private final HttpUrl endpoint;
  private final String basePath;
  private final Credentials credentials;
  private final Clock clock;
  private final String userAgent;
  private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** Creates a transport; {@code endpoint} has been validated by the builder. */
  public Transport(
      OkHttpClient http, HttpUrl endpoint, Credentials credentials, Clock clock, String userAgent) {
    this.http = http;
    this.endpoint = endpoint;
    String path = endpoint.encodedPath();
    this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    this.credentials = credentials;
    this.clock = clock;
    this.userAgent = userAgent;
  }

  /** Executes {@code operation}; the request has been validated by its builder. */
  public <Q, R> R execute(Operation<Q, R> operation, Q request) {
    if (closed) {
      throw new SmsClientException(operation.name() + " refused: the client is closed");
    }
    HttpUrl url = endpoint.newBuilder().encodedPath(basePath + operation.encodedPath(request)).build();
    Request.Builder builder =
        new Request.Builder()
            .url(url)
            .method(operation.method(), null)
            .header("User-Agent", userAgent)
            .header("Accept", "application/json");
    Map<String, String> auth =
        AkSkSigner.sign(operation.method(), url.uri(), Map.of(), null, credentials, clock);
    for (Map.Entry<String, String> h : auth.entrySet()) {
      builder.header(h.getKey(), h.getValue());
    }
    Call call = http.newCall(builder.build());
    long start = System.nanoTime();
    inFlight.add(call);
    try (Response response = call.execute()) {
      R result = read(operation, response);
      logCall(operation, url, response.code(), response.header("X-Request-Id"), start);
      return result;
    } catch (SmsException e) {
      logFailure(operation, url, e, start);
      throw e;
    } catch (IOException e) {
      SmsClientException mapped = mapIoException(operation, url, call, e);
      logFailure(operation, url, mapped, start);
      throw mapped;
    } finally {
      inFlight.remove(call);
    }
  }

  private <Q, R> R read(Operation<Q, R> operation, Response response) throws IOException {
    int status = response.code();
    String requestId = response.header("X-Request-Id");
    ResponseBody body = response.body();
    if (status < 200 || status > 299) {
      byte[] buffer = new byte[ErrorResponses.MAX_ERROR_BODY];
      int length = body == null ? 0 : readAtMost(body.byteStream(), buffer);
      throw ErrorResponses.toException(status, requestId, buffer, length);
    }
    if (body == null) {
      throw unreadable(operation, status, requestId, "the body is empty", null);
    }
    try {
      return JsonValues.readObjectDocument(body.byteStream(), operation.responseReader());
    } catch (JsonReadException e) {
      throw unreadable(operation, status, requestId, e.getMessage(), e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw unreadable(
          operation, status, requestId, "malformed or truncated JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static SmsClientException unreadable(
      Operation<?, ?> operation,
      int status,
      @Nullable String requestId,
      String problem,
      @Nullable Throwable cause) {
    return new SmsClientException(
        JsonValues.oneLine(
            operation.name()
                + " answer cannot be read (HTTP "
                + status
                + (requestId != null ? ", request id " + requestId : "")
                + "): "
                + problem),
        cause);
  }

  private static int readAtMost(InputStream in, byte[] buffer) throws IOException {
    int n = 0;
    int read;
    while (n < buffer.length && (read = in.read(buffer, n, buffer.length - n)) > 0) {
      n += read;
    }
    return n;
  }

  private SmsClientException mapIoException(
      Operation<?, ?> operation, HttpUrl url, Call call, IOException e) {
    String target = operation.name() + " " + operation.method() + " " + url.host() + ":" + url.port();
    String detail = JsonValues.oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    if (closed) {
      return new SmsClientException(target + " cancelled: the client was closed", e);
    }
    if (e instanceof SocketTimeoutException) {
      boolean connect = detail.toLowerCase(java.util.Locale.ROOT).contains("connect");
      return connect
          ? new SmsTimeoutException(
              SmsTimeoutException.Timeout.CONNECT,
              target + " failed: connect timed out after " + http.connectTimeoutMillis() + " ms",
              e)
          : new SmsTimeoutException(
              SmsTimeoutException.Timeout.READ,
              target + " failed: read timed out after " + http.readTimeoutMillis() + " ms",
              e);
    }
    if (e instanceof InterruptedIOException && (call.isCanceled() || "timeout".equals(e.getMessage()))) {
      return new SmsTimeoutException(
          SmsTimeoutException.Timeout.CALL,
          target + " failed: the call timed out after " + http.callTimeoutMillis() + " ms",
          e);
    }
    if (e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException
        || e instanceof SSLException
        || e instanceof java.net.SocketException
        || e instanceof java.io.EOFException
        || e instanceof java.net.ProtocolException) {
      return new SmsConnectionException(target + " failed: " + detail, e);
    }
    return new SmsClientException(target + " failed: " + detail, e);
  }

  private void logCall(
      Operation<?, ?> operation, HttpUrl url, int status, @Nullable String requestId, long start) {
    if (log.isDebugEnabled()) {
      log.debug(
          "{} {} {} -> {} in {} ms (request id {})",
          operation.name(),
          operation.method(),
          url.encodedPath(),
          status,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
          requestId);
    }
  }

  private void logFailure(Operation<?, ?> operation, HttpUrl url, SmsException e, long start) {
    if (log.isDebugEnabled()) {
      log.debug(
          "{} {} {} -> failed in {} ms: {}",
          operation.name(),
          operation.method(),
          url.encodedPath(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
          e.getMessage());
    }
  }

  /** Cancels the calls in flight and refuses new ones; the shared pool stays open. */
  public void close() {
    closed = true;
    for (Call call : inFlight) {
      call.cancel();
    }
  }
}
