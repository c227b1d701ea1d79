package org.migrationkit.sms.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A plain socket to the simulator that writes whatever a test says, well-formed or hostile, and
 * reads answers byte by byte. Reads give up after 60 s, a hang guard only.
 */
final class RawConnection implements Closeable {
  private static final int HANG_GUARD_MILLIS = 60_000;

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;

  private RawConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.in = new BufferedInputStream(socket.getInputStream());
  }

  static RawConnection open(SmsSimulator simulator) throws IOException {
    URI endpoint = URI.create(simulator.endpoint());
    Socket socket = new Socket(endpoint.getHost(), endpoint.getPort());
    socket.setSoTimeout(HANG_GUARD_MILLIS);
    return new RawConnection(socket);
  }

  void send(String ascii) throws IOException {
    send(ascii.getBytes(StandardCharsets.ISO_8859_1));
  }

  void send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /**
   * Writes zeros (as 64 KiB chunks when {@code chunked}) until the simulator answers, the
   * connection breaks or {@code total} bytes are out (then a chunked body gets its last chunk), and
   * returns the answer. Nothing of the body is ever held in memory.
   */
  Response streamZerosUntilAnswered(long total, boolean chunked) throws Exception {
    CompletableFuture<Response> answer = CompletableFuture.supplyAsync(this::readResponseUnchecked);
    byte[] zeros = new byte[64 * 1024];
    byte[] chunkHead =
        (Integer.toHexString(zeros.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] crlf = {'\r', '\n'};
    try {
      for (long sent = 0; sent < total && !answer.isDone(); sent += zeros.length) {
        if (chunked) {
          out.write(chunkHead);
        }
        out.write(zeros);
        if (chunked) {
          out.write(crlf);
        }
      }
      if (chunked && !answer.isDone()) {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();
    } catch (IOException e) {
      // the simulator stopped reading and closed: its answer, if any, is already on its way
    }
    try {
      return answer.get();
    } catch (ExecutionException e) {
      throw new AssertionError("no answer to the streamed body", e.getCause());
    }
  }

  private Response readResponseUnchecked() {
    try {
      return readResponse();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads one answer: status line, headers (by lower-case name) and a Content-Length body. */
  Response readResponse() throws IOException {
    return readResponse(false);
  }

  /** Reads the answer to a {@code HEAD} request, which has no body whatever its Content-Length. */
  Response readHeadResponse() throws IOException {
    return readResponse(true);
  }

  private Response readResponse(boolean headRequest) throws IOException {
    String statusLine = readLine();
    if (statusLine == null) {
      throw new IOException("the connection closed before an answer");
    }
    String[] parts = statusLine.split(" ", 3);
    int status = Integer.parseInt(parts[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
      headers.put(
          line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).trim());
    }
    String length = headers.get("content-length");
    int bodyLength = headRequest || length == null ? 0 : Integer.parseInt(length);
    byte[] body = in.readNBytes(bodyLength);
    if (body.length < bodyLength) {
      throw new IOException("the body ended after " + body.length + " of " + bodyLength + " bytes");
    }
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  /** Reads until the simulator closes the connection; true when it did (end of stream or reset). */
  boolean awaitClosedByPeer() throws IOException {
    try {
      while (in.read() >= 0) {
        // whatever is still sent before the close
      }
      return true;
    } catch (SocketException e) {
      return true; // reset: closed with our unread bytes still in its buffer
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** One answer as read off the wire. */
  record Response(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }
}
