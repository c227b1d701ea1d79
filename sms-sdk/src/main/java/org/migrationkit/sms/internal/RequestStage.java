package org.migrationkit.sms.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.auth.AkSkSigner;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.internal.json.JsonValues;

/**
 * Builds a call's request: the body once for all attempts, then for each attempt the URL on the
 * current endpoint, the signature (dated by the client's signing clock) and the OkHttp request.
 */
final class RequestStage {
  private static final MediaType JSON = MediaType.get("application/json;charset=UTF-8");
  private static final RequestBody EMPTY_BODY = RequestBody.create(new byte[0], null);

  private RequestStage() {}

  /**
   * Writes the request's body once for all attempts; null for an operation without one.
   *
   * @throws SmsClientException when the body writer fails
   */
  static <Q> byte @Nullable [] writeBody(Exchange<Q, ?> exchange, Q request) {
    if (!exchange.operation.hasBody()) {
      return null;
    }
    try {
      return exchange.operation.body(request);
    } catch (IOException | RuntimeException e) {
      throw new SmsClientException(
          FailureMapper.prefix(exchange)
              + " failed: the request body cannot be written: "
              + JsonValues.oneLine(
                  e.getMessage() == null ? e.getClass().getName() : e.getMessage()),
          e);
    }
  }

  static @Nullable RequestBody requestBody(
      Exchange<?, ?> exchange, Operation<?, ?> operation, byte @Nullable [] bytes) {
    if (bytes != null) {
      return new WatchedBody(exchange, bytes);
    }
    // OkHttp refuses POST, PUT and PATCH without a body; an empty one is signed as no body
    return operation.needsEmptyBody() ? EMPTY_BODY : null;
  }

  /** Returns the call's URL on {@code endpoint}, below the endpoint's own path. */
  static HttpUrl url(Exchange<?, ?> exchange, EndpointSelector.Endpoint endpoint) {
    String path =
        endpoint.basePath.isEmpty()
            ? exchange.encodedPath
            : endpoint.basePath + exchange.encodedPath;
    HttpUrl.Builder url = endpoint.url.newBuilder().encodedPath(path);
    if (exchange.encodedQuery != null) {
      // only unreserved characters and %XX: OkHttp keeps it as is
      url.encodedQuery(exchange.encodedQuery);
    }
    return url.build();
  }

  /**
   * Returns the signed request of the next attempt, on the endpoint the selector picks now; records
   * the endpoint and the signing time in the exchange.
   */
  static Request signedRequest(Exchange<?, ?> exchange, Credentials credentials) {
    Transport transport = exchange.transport;
    EndpointSelector.Endpoint endpoint = transport.endpoints.current();
    exchange.attemptEndpoint = endpoint;
    HttpUrl url = url(exchange, endpoint);
    Instant now = transport.signingClock.instant();
    exchange.signedAt = now;
    String method = exchange.operation.method();
    Map<String, String> auth =
        AkSkSigner.sign(
            method,
            endpoint.hostHeader,
            url.encodedPath(),
            url.encodedQuery(),
            Map.of(),
            exchange.requestBytes,
            credentials,
            now);
    exchange.sentSecrets = SentSecrets.of(auth);
    Request.Builder builder =
        new Request.Builder()
            .url(url)
            .tag(Exchange.class, exchange) // for the ConnectionSetupWatch
            .method(method, exchange.requestBody)
            .addHeader("User-Agent", transport.userAgent)
            .addHeader("Accept", "application/json");
    for (Map.Entry<String, String> h : auth.entrySet()) {
      builder.addHeader(h.getKey(), h.getValue()); // add, not header(): no search for duplicates
    }
    return builder.build();
  }

  /**
   * A JSON body that tells its exchange while it is being written, so that a write that stalls is
   * reported as the write timeout; it flushes before it returns, so nothing of it is left to write
   * once it is no longer marked.
   */
  private static final class WatchedBody extends RequestBody {
    private final Exchange<?, ?> exchange;
    private final byte[] bytes;

    WatchedBody(Exchange<?, ?> exchange, byte[] bytes) {
      this.exchange = exchange;
      this.bytes = bytes;
    }

    @Override
    public MediaType contentType() {
      return JSON;
    }

    @Override
    public long contentLength() {
      return bytes.length;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      exchange.bodyWriting = true;
      sink.write(bytes);
      sink.flush();
      exchange.bodyWriting = false; // left set when the write fails: the mapper reads it
    }
  }
}
