package org.migrationkit.sms.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The simulator's HTTP/1.1 server: one thread accepts connections (on loopback unless the builder
 * named another address) and reads every request head and body without blocking, within the
 * simulator's time and size bounds, then hands whole requests to the handler pool. A client that
 * stalls, trickles or floods holds a buffer and a deadline, never a thread, so well-formed clients
 * are answered meanwhile.
 *
 * <p>Everything is set per instance, nothing per JVM: each accepted socket gets {@code
 * TCP_NODELAY}, and an answer's head and body leave in one write.
 *
 * <p>Threads: the listener thread alone owns a connection while it is read, and again after its
 * answer is written; a handler thread owns it from a whole request until it has written the answer,
 * then hands it back through {@link #onListenerThread}.
 */
final class HttpListener implements Runnable {
  /** How long a connection may wait for its next request: as long as OkHttp keeps one idle. */
  static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(5);

  /**
   * The most connections kept open; past it the one waiting longest for a request (or for the rest
   * of one) is closed, so that a flood of silent connections cannot lock well-formed clients out.
   */
  static final int MAX_CONNECTIONS = 512;

  /** A deadline that never comes. */
  static final long NO_DEADLINE = Long.MAX_VALUE;

  private static final long ACCEPT_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  /** What the listener hands requests to; {@code handle} and {@code refuse} run on the pool. */
  interface Handler {
    /** Answers a whole request through {@link Connection#respond}. */
    void handle(RequestHead head, byte[] body, Connection connection);

    /**
     * Answers a request whose body is refused ({@code 413} too large, {@code 408} too slow) through
     * {@link Connection#respond}; {@code why} says which limit, for the journal.
     */
    void refuse(RequestHead head, int status, String why, Connection connection);

    /**
     * Returns a whole error answer that is no journaled request: to a head that could not be
     * parsed, or when {@code handle} or {@code refuse} failed.
     */
    ByteBuffer plainError(int status, String message);
  }

  /** The bounds on what one client may send, from the simulator's builder. */
  record Limits(Duration headTimeout, Duration bodyTimeout, int maxBodyBytes) {}

  private final ServerSocketChannel server;
  private final InetSocketAddress address;
  private final SelectionKey serverKey;
  private final Selector selector;
  private final Handler handler;
  private final Executor handlers;
  private final Limits limits;
  private final long headTimeoutNanos;
  private final long bodyTimeoutNanos;
  private final long epoch = System.nanoTime();
  private final Thread thread;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private volatile boolean closed;

  // listener thread only
  private final Set<Connection> connections = new HashSet<>();
  private final ByteBuffer discard = ByteBuffer.allocate(64 * 1024);
  private long nextSweep = NO_DEADLINE;
  private long acceptPausedUntil = NO_DEADLINE;

  private HttpListener(
      ServerSocketChannel server,
      Selector selector,
      Limits limits,
      Handler handler,
      Executor handlers)
      throws IOException {
    this.server = server;
    this.address = (InetSocketAddress) server.getLocalAddress();
    this.selector = selector;
    this.serverKey = server.register(selector, SelectionKey.OP_ACCEPT);
    this.limits = limits;
    this.headTimeoutNanos = limits.headTimeout().toNanos();
    this.bodyTimeoutNanos = limits.bodyTimeout().toNanos();
    this.handler = handler;
    this.handlers = handlers;
    this.thread = new Thread(this, "sms-simulator-io");
    this.thread.setDaemon(true);
  }

  /** Binds {@code address} (port 0: a free one) and starts the listener thread. */
  static HttpListener start(
      InetSocketAddress address, Limits limits, Handler handler, Executor handlers)
      throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open();
    Selector selector = null;
    try {
      server.bind(address, 128);
      server.configureBlocking(false);
      selector = Selector.open();
      HttpListener listener = new HttpListener(server, selector, limits, handler, handlers);
      listener.thread.start();
      return listener;
    } catch (IOException | RuntimeException e) {
      server.close();
      if (selector != null) {
        selector.close();
      }
      throw e;
    }
  }

  /** Returns the address bound, also once closed. */
  InetSocketAddress address() {
    return address;
  }

  /**
   * Stops accepting, closes every connection (dropping answers not yet written) and releases the
   * port before returning. Idempotent.
   */
  void close() {
    closed = true;
    selector.wakeup();
    if (Thread.currentThread() != thread) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void run() {
    try {
      while (!closed) {
        long wait = nextSweep == NO_DEADLINE ? 0 : nextSweep - now();
        if (nextSweep != NO_DEADLINE && wait <= 0) {
          selector.selectNow(this::ready);
        } else {
          // select(0) waits until woken; round a wait up so that a sweep never comes early
          selector.select(this::ready, wait == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(wait) + 1);
        }
        runTasks();
        if (now() >= nextSweep) {
          sweep();
        }
      }
    } catch (IOException | RuntimeException e) {
      // the selector itself failed: nothing can be served any more
    } finally {
      closeEverything();
    }
  }

  // ---- what connections use, on the listener thread unless said otherwise ----

  /** Runs {@code task} on the listener thread soon; callable from any thread. */
  void onListenerThread(Runnable task) {
    tasks.add(task);
    selector.wakeup();
  }

  /** Hands {@code task} to the handler pool; false when the simulator is closing. */
  boolean dispatch(Runnable task) {
    try {
      handlers.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  Handler handler() {
    return handler;
  }

  Limits limits() {
    return limits;
  }

  long headTimeoutNanos() {
    return headTimeoutNanos;
  }

  long bodyTimeoutNanos() {
    return bodyTimeoutNanos;
  }

  /** Returns the listener's clock: nanoseconds since it started, never near overflow. */
  long now() {
    return System.nanoTime() - epoch;
  }

  /** Makes sure the next sweep comes no later than {@code deadline}. */
  void noteDeadline(long deadline) {
    if (deadline < nextSweep) {
      nextSweep = deadline;
    }
  }

  /** A buffer for bytes read only to be dropped; listener thread only. */
  ByteBuffer discardBuffer() {
    return discard.clear();
  }

  void forget(Connection connection) {
    connections.remove(connection);
  }

  // ---- the loop's steps ----

  private void ready(SelectionKey key) {
    Connection connection = (Connection) key.attachment();
    if (connection == null) {
      accept();
      return;
    }
    try {
      if (key.isWritable()) {
        connection.onWritable();
      } else if (key.isReadable()) {
        connection.onReadable();
      }
    } catch (IOException | RuntimeException e) {
      connection.close(); // a reset, or a cancelled key: this connection is done, the rest go on
    }
  }

  private void accept() {
    for (int i = 0; i < 64; i++) { // a burst at most, then the open connections get their turn
      SocketChannel channel;
      try {
        channel = server.accept();
      } catch (IOException e) {
        // out of file descriptors, say: try again shortly instead of spinning on a ready key
        serverKey.interestOps(0);
        acceptPausedUntil = now() + ACCEPT_PAUSE_NANOS;
        noteDeadline(acceptPausedUntil);
        return;
      }
      if (channel == null) {
        return;
      }
      try {
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        if (connections.size() >= MAX_CONNECTIONS) {
          evictLongestWaiting();
        }
        Connection connection = new Connection(this, channel);
        connection.register(selector);
        connections.add(connection);
      } catch (IOException e) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // nothing more to release
        }
      }
    }
  }

  private void evictLongestWaiting() {
    Connection longest = null;
    for (Connection c : connections) {
      if (c.waitingForClient() && (longest == null || c.since() < longest.since())) {
        longest = c;
      }
    }
    if (longest != null) {
      longest.close();
    }
  }

  private void runTasks() {
    for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
      try {
        task.run();
      } catch (RuntimeException e) {
        // a task is one connection's step; a failure there must not stop the others
      }
    }
  }

  private void sweep() {
    long now = now();
    long next = NO_DEADLINE;
    if (acceptPausedUntil <= now) {
      acceptPausedUntil = NO_DEADLINE;
      serverKey.interestOps(SelectionKey.OP_ACCEPT);
    }
    for (Connection c : new ArrayList<>(connections)) { // expiring one removes it
      if (c.deadline() <= now) {
        try {
          c.expire();
        } catch (IOException | RuntimeException e) {
          c.close();
        }
      }
      next = Math.min(next, c.deadline());
    }
    nextSweep = Math.min(next, acceptPausedUntil);
  }

  private void closeEverything() {
    for (Connection c : new ArrayList<>(connections)) {
      c.close();
    }
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    try {
      selector.close(); // deregisters every channel, which releases the port
    } catch (IOException e) {
      // closing anyway
    }
  }
}
