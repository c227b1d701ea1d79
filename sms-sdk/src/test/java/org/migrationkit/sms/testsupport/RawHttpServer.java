package org.migrationkit.sms.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server that answers every request with the same bytes, written verbatim, and then
 * closes the connection: for answers no well-behaved server library will send, such as a {@code
 * Content-Length} longer than the body that follows.
 *
 * <pre>{@code
 * try (RawHttpServer server = RawHttpServer.answering("HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n{")) {
 *   ... "http://127.0.0.1:" + server.port() ...
 * }
 * }</pre>
 */
public final class RawHttpServer implements AutoCloseable {
  private final ServerSocket socket;
  private final byte[] answer;
  private final AtomicInteger requests = new AtomicInteger();
  private final Thread acceptor;

  private RawHttpServer(ServerSocket socket, byte[] answer) {
    this.socket = socket;
    this.answer = answer;
    this.acceptor = new Thread(this::serve, "raw-http-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * Starts a server on a free loopback port that sends {@code rawResponse} (ISO-8859-1) to each
   * request.
   */
  public static RawHttpServer answering(String rawResponse) {
    try {
      ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      return new RawHttpServer(socket, rawResponse.getBytes(StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the port it listens on. */
  public int port() {
    return socket.getLocalPort();
  }

  /** Returns how many requests it has answered. */
  public int requests() {
    return requests.get();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket connection = socket.accept()) {
        readRequestHead(connection.getInputStream());
        requests.incrementAndGet();
        OutputStream out = connection.getOutputStream();
        out.write(answer);
        out.flush();
        connection.shutdownOutput();
      } catch (IOException e) {
        // closed while accepting, or the client went away: nothing to answer
      }
    }
  }

  private static void readRequestHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    int b;
    while (matched < end.length && (b = in.read()) >= 0) {
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
      acceptor.join(2_000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
