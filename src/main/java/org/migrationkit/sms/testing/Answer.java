package org.migrationkit.sms.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The simulator's decided answer to one request, written at once or after a fault's latency. A
 * dropped or truncated answer relies on {@code HttpExchange.close()} closing the connection when
 * the response is missing or incomplete.
 */
final class Answer {
  private enum Mode {
    COMPLETE,
    DROP,
    TRUNCATE
  }

  private final Mode mode;
  private final int status;
  private final String contentType;
  private final byte[] body;
  private final @Nullable Duration retryAfter;

  private Answer(
      Mode mode, int status, String contentType, byte[] body, @Nullable Duration retryAfter) {
    this.mode = mode;
    this.status = status;
    this.contentType = contentType;
    this.body = body;
    this.retryAfter = retryAfter;
  }

  static Answer json(int status, String json) {
    return json(status, json, null);
  }

  static Answer json(int status, String json, @Nullable Duration retryAfter) {
    return new Answer(
        Mode.COMPLETE, status, "application/json;charset=UTF-8", utf8(json), retryAfter);
  }

  static Answer raw(int status, String contentType, String body) {
    return new Answer(Mode.COMPLETE, status, contentType, utf8(body), null);
  }

  static Answer truncated(String json) {
    return new Answer(Mode.TRUNCATE, 200, "application/json;charset=UTF-8", utf8(json), null);
  }

  static Answer drop() {
    return new Answer(Mode.DROP, 0, "", new byte[0], null);
  }

  /** Returns the status sent, 0 for a dropped connection. */
  int status() {
    return status;
  }

  void send(HttpExchange exchange, String requestId) {
    try {
      if (mode == Mode.DROP) {
        return; // closing before any header closes the connection
      }
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.getResponseHeaders().set("X-Request-Id", requestId);
      if (retryAfter != null) {
        long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
        exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
      }
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        OutputStream out = exchange.getResponseBody();
        if (mode == Mode.TRUNCATE) {
          out.write(body, 0, body.length / 2);
          out.flush(); // then closing short of Content-Length closes the connection
        } else {
          out.write(body);
        }
      }
    } catch (IOException e) {
      // the client went away first; nothing to answer
    } finally {
      exchange.close();
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
