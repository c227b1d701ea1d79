package org.migrationkit.sms.interop;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.auth.SignatureVerifier;
import org.migrationkit.sms.testsupport.Fixtures;

/**
 * A loopback HTTP server that records each request line (and body) exactly as it arrived, judges
 * its signature with our {@link SignatureVerifier}, and answers every request with the example
 * task, whatever the path: it shows what a client put on the wire, not what a service would make of
 * it.
 *
 * <pre>{@code
 * try (RecordingServer server = RecordingServer.start(credentials)) {
 *   // call server.endpoint() ...
 *   RecordingServer.Received last = server.received().get(0);
 * }
 * }</pre>
 */
final class RecordingServer implements AutoCloseable {
  /** One request as received; header names lower-cased, first values only. */
  record Received(
      String method,
      String rawPath,
      @Nullable String rawQuery,
      Map<String, String> headers,
      boolean signatureValid,
      String body) {
    /** Returns the request target: the raw path, and {@code ?query} when there is one. */
    String target() {
      return rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
    }

    @Nullable String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final HttpServer server;
  private final SignatureVerifier verifier;
  private final byte[] answer;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private RecordingServer(HttpServer server, SignatureVerifier verifier, String answer) {
    this.server = server;
    this.verifier = verifier;
    this.answer = answer.getBytes(StandardCharsets.UTF_8);
  }

  static RecordingServer start(Credentials accepted) {
    return start(accepted, Fixtures.text(Fixtures.SHOW_TASK_200));
  }

  /** Starts a server that answers every request with {@code answer}, a JSON text. */
  static RecordingServer start(Credentials accepted, String answer) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
      RecordingServer recorder =
          new RecordingServer(
              server, SignatureVerifier.create(List.of(accepted), Clock.systemUTC()), answer);
      server.createContext("/", recorder::handle);
      server.start();
      return recorder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Received> received() {
    return received;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String rawPath = exchange.getRequestURI().getRawPath();
      String rawQuery = exchange.getRequestURI().getRawQuery();
      boolean valid =
          verifier
              .verify(
                  exchange.getRequestMethod(),
                  rawPath,
                  rawQuery,
                  name -> exchange.getRequestHeaders().getFirst(name),
                  body)
              .isValid();
      Map<String, String> headers = new HashMap<>();
      exchange
          .getRequestHeaders()
          .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
      received.add(
          new Received(
              exchange.getRequestMethod(),
              rawPath,
              rawQuery,
              Map.copyOf(headers),
              valid,
              new String(body, StandardCharsets.UTF_8)));
      exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
      exchange.sendResponseHeaders(200, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
