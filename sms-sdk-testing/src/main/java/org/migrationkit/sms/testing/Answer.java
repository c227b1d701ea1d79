package org.migrationkit.sms.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The simulator's decided answer to one request, written at once or after a fault's latency. A
 * dropped or truncated answer closes the connection after what it sends.
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

  /** Returns whether the connection closes after this answer, whatever the request asked. */
  boolean closesConnection() {
    return mode != Mode.COMPLETE;
  }

  /**
   * Returns the bytes to send, head and body in one buffer so that one write sends both (the body
   * never waits for the client's delayed ACK); empty for a dropped connection. A truncated answer
   * declares the whole body and holds half of it: closing after it ends the connection short.
   */
  ByteBuffer encode(String requestId, boolean headRequest, boolean close) {
    if (mode == Mode.DROP) {
      return ByteBuffer.allocate(0);
    }
    StringBuilder head = new StringBuilder(256);
    head.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    header(head, "Date", HttpDate.now());
    header(head, "Content-Type", contentType);
    header(head, "X-Request-Id", requestId);
    if (retryAfter != null) {
      long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
      header(head, "Retry-After", Long.toString(seconds));
    }
    boolean bodyAllowed = status >= 200 && status != 204 && status != 304;
    if (bodyAllowed) {
      header(head, "Content-Length", Integer.toString(body.length));
    }
    if (close) {
      header(head, "Connection", "close");
    }
    head.append("\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    int bodyBytes =
        headRequest || !bodyAllowed ? 0 : mode == Mode.TRUNCATE ? body.length / 2 : body.length;
    return ByteBuffer.allocate(headBytes.length + bodyBytes)
        .put(headBytes)
        .put(body, 0, bodyBytes)
        .flip();
  }

  private static void header(StringBuilder head, String name, String value) {
    head.append(name).append(": ");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      head.append(c < ' ' && c != '\t' ? ' ' : c); // a line break would end the header early
    }
    head.append("\r\n");
  }

  private static String reason(int status) {
    switch (status) {
      case 200:
        return "OK";
      case 201:
        return "Created";
      case 400:
        return "Bad Request";
      case 401:
        return "Unauthorized";
      case 403:
        return "Forbidden";
      case 404:
        return "Not Found";
      case 405:
        return "Method Not Allowed";
      case 408:
        return "Request Timeout";
      case 409:
        return "Conflict";
      case 413:
        return "Payload Too Large";
      case 429:
        return "Too Many Requests";
      case 431:
        return "Request Header Fields Too Large";
      case 500:
        return "Internal Server Error";
      case 501:
        return "Not Implemented";
      case 502:
        return "Bad Gateway";
      case 503:
        return "Service Unavailable";
      case 504:
        return "Gateway Timeout";
      case 505:
        return "HTTP Version Not Supported";
      default:
        return "Unknown"; // the phrase carries no meaning; clients read the code
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
