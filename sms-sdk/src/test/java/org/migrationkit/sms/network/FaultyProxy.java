package org.migrationkit.sms.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP proxy on loopback, on raw sockets, that fails in one chosen way: it never answers a
 * {@code CONNECT}, drops the connection, answers {@code 502}, or trickles a {@code 200} one byte at
 * a time and never ends it. (A proxy that answers {@code 407} and tunnels is {@code
 * config.ChallengingProxy}.) It records the request heads it reads.
 *
 * <pre>{@code
 * try (FaultyProxy proxy = FaultyProxy.start(FaultyProxy.Fault.STALL)) {
 *   ... proxy("127.0.0.1", proxy.port()) ...
 * }
 * }</pre>
 */
public final class FaultyProxy implements AutoCloseable {
  /** How the proxy fails. */
  public enum Fault {
    STALL,
    DROP,
    ANSWER_502,
    TRICKLE
  }

  private final ServerSocket server;
  private final Fault fault;
  private final List<List<String>> heads = new CopyOnWriteArrayList<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  private FaultyProxy(ServerSocket server, Fault fault) {
    this.server = server;
    this.fault = fault;
    Thread t = new Thread(this::accept, "faulty-proxy");
    t.setDaemon(true);
    t.start();
  }

  /** Starts a proxy that fails with {@code fault}. */
  public static FaultyProxy start(Fault fault) {
    try {
      return new FaultyProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), fault);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Returns the request heads read, each as its lines. */
  public List<List<String>> heads() {
    return List.copyOf(heads);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        open.add(socket);
        Thread t = new Thread(() -> serve(socket), "faulty-proxy-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      heads.add(TlsServer.readHead(in));
      switch (fault) {
        case STALL -> in.transferTo(OutputStream.nullOutputStream());
        case DROP -> socket.close();
        case ANSWER_502 -> {
          out.write(
              "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
          out.flush();
          socket.close();
        }
        case TRICKLE -> {
          byte[] line =
              "HTTP/1.1 200 Connection established\r\nX-Padding: "
                  .getBytes(StandardCharsets.US_ASCII);
          for (int i = 0; !socket.isClosed(); i++) {
            out.write(i < line.length ? line[i] : 'x');
            out.flush();
            Thread.sleep(200); // the fault itself: a byte every 200 ms, never the end of the head
          }
        }
      }
    } catch (IOException e) {
      // the client went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
