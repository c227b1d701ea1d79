package org.migrationkit.sms.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP relay in front of another loopback port that counts the connections it accepts:
 * with one shared connection pool, sequential calls from many clients arrive on one connection.
 *
 * <pre>{@code
 * try (TcpRelay relay = TcpRelay.to(wm.port())) {
 *   ... "http://127.0.0.1:" + relay.port() ...
 *   assertThat(relay.connections()).isEqualTo(1);
 * }
 * }</pre>
 */
public final class TcpRelay implements AutoCloseable {
  /**
   * Every relay and proxy thread carries this prefix, so thread-leak checks can tell them apart.
   */
  public static final String THREAD_PREFIX = "config-test-relay";

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ServerSocket server;
  private final int targetPort;
  private final AtomicInteger connections = new AtomicInteger();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  private TcpRelay(ServerSocket server, int targetPort) {
    this.server = server;
    this.targetPort = targetPort;
    start(this::accept);
  }

  /** Starts a relay on a free loopback port to {@code 127.0.0.1:targetPort}. */
  public static TcpRelay to(int targetPort) {
    try {
      return new TcpRelay(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the port the relay listens on. */
  public int port() {
    return server.getLocalPort();
  }

  /** Returns how many connections the relay has accepted. */
  public int connections() {
    return connections.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        connections.incrementAndGet();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        client.setTcpNoDelay(true); // relayed small writes must not wait for delayed ACKs
        upstream.setTcpNoDelay(true);
        open.add(client);
        open.add(upstream);
        start(() -> splice(client, upstream));
      } catch (IOException e) {
        // closed
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
  }

  /** Starts a daemon thread named with {@link #THREAD_PREFIX}. */
  static void start(Runnable task) {
    Thread t = new Thread(task, THREAD_PREFIX + "-" + THREADS.incrementAndGet());
    t.setDaemon(true);
    t.start();
  }

  /**
   * Copies bytes both ways until either side ends, then closes both; returns when the copy from
   * {@code b} to {@code a} ends.
   */
  static void splice(Socket a, Socket b) {
    start(() -> copy(a, b));
    copy(b, a);
  }

  private static void copy(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (from;
        to) {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side closed: closing both ends the other direction too
    }
  }
}
