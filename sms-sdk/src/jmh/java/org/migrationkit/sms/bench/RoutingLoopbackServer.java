package org.migrationkit.sms.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback HTTP/1.1 server for the operation benchmarks: it reads each request's head and, when
 * there is one, its {@code Content-Length} body, then answers {@code GET} with one canned body and
 * any other method with another. Buffers are per connection and reused, so the server allocates
 * nothing per request and {@code -prof gc} measures the client.
 */
final class RoutingLoopbackServer implements AutoCloseable {
  private static final byte[] CONTENT_LENGTH =
      "\ncontent-length:".getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket socket;
  private final byte[] getAnswer;
  private final byte[] otherAnswer;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private RoutingLoopbackServer(ServerSocket socket, byte[] getBody, byte[] otherBody) {
    this.socket = socket;
    this.getAnswer = answer(getBody);
    this.otherAnswer = answer(otherBody);
  }

  static RoutingLoopbackServer start(byte[] getBody, byte[] otherBody) throws IOException {
    ServerSocket socket = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    RoutingLoopbackServer server = new RoutingLoopbackServer(socket, getBody, otherBody);
    Thread acceptor = new Thread(server::acceptLoop, "routing-loopback-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    return server;
  }

  String url() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  private static byte[] answer(byte[] body) {
    byte[] head =
        ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length
                + "\r\nX-Request-Id: 0e5f2b6d4c3a41d09b8e7f6a5c4d3e2f\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket connection = socket.accept();
        connections.add(connection);
        Thread worker = new Thread(() -> serve(connection), "routing-loopback-conn");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException e) {
        if (!closed) {
          System.err.println("routing loopback server: accept failed: " + e);
        }
      }
    }
  }

  /**
   * Per connection: {@code ended} counts the matched bytes of the blank line, {@code lengthMatch}
   * those of {@code \ncontent-length:}, {@code length} the digits after it, {@code skip} the body
   * bytes still to read, {@code get} whether the request line started with {@code G}.
   */
  private void serve(Socket connection) {
    byte[] buffer = new byte[16 * 1024];
    try (connection;
        InputStream in = connection.getInputStream();
        OutputStream out = connection.getOutputStream()) {
      connection.setTcpNoDelay(true);
      int ended = 0;
      int lengthMatch = 0;
      boolean inLength = false;
      long length = 0;
      long skip = 0;
      boolean first = true;
      boolean get = false;
      int n;
      while ((n = in.read(buffer)) > 0) {
        for (int i = 0; i < n; i++) {
          if (skip > 0) {
            long take = Math.min(skip, n - i);
            skip -= take;
            i += (int) take - 1;
            if (skip == 0) {
              out.write(get ? getAnswer : otherAnswer);
            }
            continue;
          }
          byte b = buffer[i];
          if (first) {
            get = b == 'G';
            first = false;
          }
          byte lower = (byte) (b >= 'A' && b <= 'Z' ? b + 32 : b);
          if (inLength) {
            if (b >= '0' && b <= '9') {
              length = length * 10 + (b - '0');
            } else if (b != ' ') {
              inLength = false;
            }
          }
          lengthMatch =
              lower == CONTENT_LENGTH[lengthMatch] ? lengthMatch + 1 : (lower == '\n' ? 1 : 0);
          if (lengthMatch == CONTENT_LENGTH.length) {
            inLength = true;
            length = 0;
            lengthMatch = 0;
          }
          ended = (b == "\r\n\r\n".charAt(ended)) ? ended + 1 : (b == '\r' ? 1 : 0);
          if (ended == 4) {
            ended = 0;
            first = true;
            inLength = false;
            if (length > 0) {
              skip = length;
              length = 0;
            } else {
              out.write(get ? getAnswer : otherAnswer);
            }
          }
        }
      }
    } catch (IOException e) {
      // the client closed or reset the connection
    } finally {
      connections.remove(connection);
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    socket.close();
    for (Socket s : connections) {
      s.close();
    }
  }
}
