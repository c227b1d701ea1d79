package org.migrationkit.sms.resilience;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP/1.1 server of raw sockets on 127.0.0.1, for the faults WireMock cannot stage: resets in
 * the middle of a body, dribbling, silence, closing before the status line.
 *
 * <pre>{@code
 * try (RawServer server = RawServer.start(socket -> {
 *   RawServer.readHead(socket.getInputStream());
 *   socket.close();
 * })) {
 *   SmsClient.builder().endpoint(server.baseUrl())...
 * }
 * }</pre>
 *
 * <p>Every connection runs its handler on its own daemon thread; {@link #close()} closes the
 * listening socket and every open connection, which ends the handlers.
 */
final class RawServer implements AutoCloseable {
  /** Serves one accepted connection; the socket is closed when it returns. */
  interface Handler {
    void handle(Socket socket) throws IOException, InterruptedException;
  }

  private final ServerSocket listener;
  private final ExecutorService workers;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connections = new AtomicInteger();

  private RawServer(Handler handler) throws IOException {
    listener = new ServerSocket(0, 128, InetAddress.getByName("127.0.0.1"));
    AtomicInteger n = new AtomicInteger();
    workers =
        Executors.newCachedThreadPool(
            r -> {
              Thread t =
                  new Thread(
                      r, "raw-server-" + listener.getLocalPort() + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    workers.execute(() -> acceptLoop(handler));
  }

  /** Starts a server that hands every connection to {@code handler}. */
  static RawServer start(Handler handler) {
    try {
      return new RawServer(handler);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts a keep-alive server that answers every request with the bytes {@code answer} returns for
   * its request head.
   */
  static RawServer answering(Function<String, byte[]> answer) {
    return start(
        socket -> {
          InputStream in = socket.getInputStream();
          OutputStream out = socket.getOutputStream();
          String head;
          while ((head = readHead(in)) != null) {
            out.write(answer.apply(head));
            out.flush();
          }
        });
  }

  private void acceptLoop(Handler handler) {
    while (!listener.isClosed()) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      connections.incrementAndGet();
      open.add(socket);
      try {
        workers.execute(() -> serve(handler, socket));
      } catch (RuntimeException e) {
        closeQuietly(socket); // shutting down
      }
    }
  }

  private void serve(Handler handler, Socket socket) {
    try {
      handler.handle(socket);
    } catch (IOException e) {
      // the client went away: that is what most of these tests provoke
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(socket);
      open.remove(socket);
    }
  }

  /** Returns the port listened on. */
  int port() {
    return listener.getLocalPort();
  }

  /** Returns {@code http://127.0.0.1:port}. */
  String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** Returns how many connections were accepted so far. */
  int connections() {
    return connections.get();
  }

  @Override
  public void close() {
    closeQuietly(listener);
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Reads one request head (request line and headers, up to the empty line) as ISO-8859-1, so that
   * every byte the client sent shows; {@code null} when the client closed first.
   */
  static @Nullable String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream(512);
    int matched = 0;
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }

  /** Returns the request line of a head {@link #readHead} returned. */
  static String requestLine(String head) {
    int end = head.indexOf("\r\n");
    return end < 0 ? head : head.substring(0, end);
  }

  /** Reads until the client closes the connection (or it breaks); returns the bytes skipped. */
  static long drainUntilClosed(InputStream in) {
    long n = 0;
    try {
      while (in.read() >= 0) {
        n++;
      }
    } catch (IOException e) {
      // closed or reset: the same for a server that only waits
    }
    return n;
  }

  /** Returns a complete response with a {@code Content-Length}, JSON typed. */
  static byte[] response(int status, String reason, String extraHeaders, byte[] body) {
    String head =
        "HTTP/1.1 "
            + status
            + " "
            + reason
            + "\r\n"
            + "Content-Type: application/json;charset=UTF-8\r\n"
            + extraHeaders
            + "Content-Length: "
            + body.length
            + "\r\n\r\n";
    byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[h.length + body.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return all;
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // nothing more to do
    }
  }
}
