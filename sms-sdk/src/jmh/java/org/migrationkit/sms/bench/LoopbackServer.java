package org.migrationkit.sms.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 server on loopback that answers every request with the same canned 200: no routing,
 * no verification, nothing allocated per request, so that what a benchmark measures is the client.
 *
 * <pre>{@code
 * try (LoopbackServer server = LoopbackServer.start(Fixtures.smallBody())) {
 *   SmsClient sms = Clients.ours(server.url());
 * }
 * }</pre>
 *
 * <p>One thread per connection, keep-alive. A request ends at its blank line: only body-less
 * requests (GET) are understood, which is all {@code ShowTask} sends.
 */
public final class LoopbackServer implements AutoCloseable {
  private final ServerSocket socket;
  private final byte[] answer;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private volatile boolean capture;
  private volatile String captured;
  private volatile boolean closed;

  private LoopbackServer(ServerSocket socket, byte[] body) {
    this.socket = socket;
    byte[] head =
        ("HTTP/1.1 200 OK\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: "
                + body.length
                + "\r\n"
                + "X-Request-Id: 0e5f2b6d4c3a41d09b8e7f6a5c4d3e2f\r\n"
                + "\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    answer = new byte[head.length + body.length];
    System.arraycopy(head, 0, answer, 0, head.length);
    System.arraycopy(body, 0, answer, head.length, body.length);
  }

  /** Starts a server on an ephemeral loopback port that answers every request with {@code body}. */
  public static LoopbackServer start(byte[] body) throws IOException {
    return start(body, 0);
  }

  static LoopbackServer start(byte[] body, int port) throws IOException {
    ServerSocket socket = new ServerSocket(port, 128, InetAddress.getLoopbackAddress());
    LoopbackServer server = new LoopbackServer(socket, body);
    Thread acceptor = new Thread(server::acceptLoop, "loopback-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    return server;
  }

  /** Returns the base URL, {@code http://127.0.0.1:<port>}. */
  public String url() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  /** Returns how many connections clients have opened: more than their callers means pool churn. */
  public int acceptedConnections() {
    return accepted.get();
  }

  /**
   * Returns the head of the next request that arrives after this call, as text; used once per
   * client, outside any measurement, to check that its signature verifies.
   */
  String captureNextRequest(Runnable call) throws InterruptedException {
    captured = null;
    capture = true;
    call.run();
    for (int i = 0; i < 500 && captured == null; i++) {
      Thread.sleep(2); // the head is recorded before the answer is written, so this rarely waits
    }
    capture = false;
    if (captured == null) {
      throw new IllegalStateException("no request reached the loopback server");
    }
    return captured;
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket connection = socket.accept();
        accepted.incrementAndGet();
        connections.add(connection);
        Thread worker = new Thread(() -> serve(connection), "loopback-conn");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException e) {
        if (!closed) {
          System.err.println("loopback server: accept failed: " + e);
        }
      }
    }
  }

  /** Answers each request on one connection; a state machine finds the blank line across reads. */
  private void serve(Socket connection) {
    byte[] buffer = new byte[16 * 1024];
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    try (connection;
        InputStream in = connection.getInputStream();
        OutputStream out = connection.getOutputStream()) {
      connection.setTcpNoDelay(true);
      int matched = 0; // how much of "\r\n\r\n" the bytes read so far end with
      int n;
      while ((n = in.read(buffer)) > 0) {
        int from = 0;
        for (int i = 0; i < n; i++) {
          matched = nextMatched(matched, buffer[i]);
          if (matched == 4) {
            if (capture) {
              head.write(buffer, from, i + 1 - from);
              captured = head.toString(StandardCharsets.ISO_8859_1);
              capture = false;
            }
            head.reset();
            from = i + 1;
            matched = 0;
            out.write(answer);
          }
        }
        if (capture) {
          head.write(buffer, from, n - from);
        }
      }
    } catch (IOException e) {
      // the client closed or reset the connection: nothing to do
    } finally {
      connections.remove(connection);
    }
  }

  private static int nextMatched(int matched, byte b) {
    if (b == '\r') {
      return matched == 2 ? 3 : 1;
    }
    if (b == '\n' && (matched == 1 || matched == 3)) {
      return matched + 1;
    }
    return 0;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    socket.close();
    for (Socket connection : connections) {
      connection.close();
    }
  }

  /**
   * Serves a canned body until killed, for the cold-start script: prints the base URL on the first
   * line of standard output.
   *
   * <p>Usage: {@code LoopbackServer small|large|<path to a JSON file> [port]}
   */
  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0] : "small";
    byte[] body =
        switch (which) {
          case "small" -> Fixtures.smallBody();
          case "large" -> Fixtures.largeBody();
          default -> Files.readAllBytes(Path.of(which));
        };
    LoopbackServer server = start(body, args.length > 1 ? Integer.parseInt(args[1]) : 0);
    System.out.println(server.url());
    System.out.flush();
    Thread.currentThread().join(); // runs until the script ends this process
  }
}
