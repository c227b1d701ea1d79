package org.migrationkit.sms.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One client connection of the {@link HttpListener}: reads a request head and body within the
 * bounds, hands the request over, writes the answer, then waits for the next request.
 *
 * <p>State, in {@code state}: {@code IDLE} (waiting for a request's first byte) → {@code HEAD}
 * (until the blank line, at most the head timeout) → {@code BODY} (at most the body timeout) →
 * {@code HANDLING} (a handler thread owns the connection and answers) → {@code WRITING} (what did
 * not fit in the socket's buffer at once) → {@code IDLE} again, or {@code DRAINING} (the rest of a
 * refused request is read and dropped until the client stops, so that it sees the answer rather
 * than a reset) or {@code CLOSED}. Every field is the listener thread's, except while {@code
 * HANDLING}.
 */
final class Connection {
  /** The largest request head (request line and headers) accepted; past it, 431. */
  static final int MAX_HEAD_BYTES = 64 * 1024;

  private static final int INITIAL_BUFFER = 8 * 1024;
  private static final int INITIAL_BODY = 64 * 1024;
  private static final byte[] CONTINUE =
      "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NO_BODY = new byte[0];

  private enum State {
    IDLE,
    HEAD,
    BODY,
    HANDLING,
    WRITING,
    DRAINING,
    CLOSED
  }

  /** What follows a written answer. */
  private enum After {
    NEXT_REQUEST,
    DRAIN,
    CLOSE
  }

  private final HttpListener listener;
  private final SocketChannel channel;
  private final @Nullable InetAddress peer;
  private @Nullable SelectionKey key;

  private State state = State.IDLE;
  private long since;
  private long deadline;

  // bytes read and not yet consumed: in[start, end); the head's end is searched from `scanned`
  private byte[] in = new byte[INITIAL_BUFFER];
  private int start;
  private int end;
  private int scanned;

  private @Nullable RequestHead head;
  private byte[] body = NO_BODY; // a Content-Length body as it arrives, body[0, bodySize)
  private int bodySize;
  private @Nullable ChunkedBody chunked;
  private @Nullable ByteBuffer pending;
  private After after = After.CLOSE;

  // written before a request is handed to the pool, then the handler thread's
  private boolean drainAfterAnswer;
  private boolean responded;

  Connection(HttpListener listener, SocketChannel channel) {
    this.listener = listener;
    this.channel = channel;
    this.peer = peerOf(channel);
    enter(State.IDLE, HttpListener.IDLE_NANOS);
  }

  private static @Nullable InetAddress peerOf(SocketChannel channel) {
    try {
      SocketAddress remote = channel.getRemoteAddress();
      return remote instanceof InetSocketAddress ? ((InetSocketAddress) remote).getAddress() : null;
    } catch (IOException e) {
      return null; // closed already: nothing will be answered
    }
  }

  /** Returns the client's address, or {@code null} when it was gone before it could be read. */
  @Nullable InetAddress peer() {
    return peer;
  }

  void register(Selector selector) throws IOException {
    key = channel.register(selector, SelectionKey.OP_READ, this);
  }

  /** Returns when the current state began, by the listener's clock. */
  long since() {
    return since;
  }

  /** Returns when the current state ends badly, or {@link HttpListener#NO_DEADLINE}. */
  long deadline() {
    return state == State.CLOSED ? HttpListener.NO_DEADLINE : deadline;
  }

  /** Returns whether the connection waits for its client (not for an answer being made). */
  boolean waitingForClient() {
    return state == State.IDLE
        || state == State.HEAD
        || state == State.BODY
        || state == State.DRAINING;
  }

  // ---- listener thread ----

  void onReadable() throws IOException {
    switch (state) {
      case IDLE:
      case HEAD:
        if (fill()) {
          readHead();
        }
        break;
      case BODY:
        readBody();
        break;
      case DRAINING:
        if (channel.read(listener.discardBuffer()) < 0) {
          close();
        }
        break;
      default:
        break; // no read interest while answering
    }
  }

  void onWritable() {
    ByteBuffer bytes = pending;
    if (bytes == null || !writeSome(bytes)) {
      close();
    } else if (!bytes.hasRemaining()) {
      pending = null;
      answered(bytes, after);
    }
  }

  /** The deadline passed: one last look at what arrived, then give up on the client. */
  void expire() throws IOException {
    if (state == State.IDLE || state == State.HEAD || state == State.BODY) {
      State before = state;
      onReadable(); // bytes may have arrived while this thread was busy (or paused)
      if (state != before || deadline > listener.now()) {
        return;
      }
    }
    if (state == State.BODY) {
      refuse(408, "the body did not arrive within " + listener.limits().bodyTimeout());
    } else if (state != State.HANDLING) {
      close();
    }
  }

  void close() {
    if (state == State.CLOSED) {
      return;
    }
    state = State.CLOSED;
    if (key != null) {
      key.cancel();
    }
    try {
      channel.close();
    } catch (IOException e) {
      // closed anyway
    }
    listener.forget(this);
  }

  /** Reads what has arrived into {@code in}; false when the client closed (and so did this). */
  private boolean fill() throws IOException {
    if (end == in.length) {
      makeRoom();
    }
    int n = channel.read(ByteBuffer.wrap(in, end, in.length - end));
    if (n < 0) {
      close();
      return false;
    }
    end += n;
    return true;
  }

  private void makeRoom() {
    if (start > 0) {
      System.arraycopy(in, start, in, 0, end - start);
      end -= start;
      scanned = Math.max(0, scanned - start);
      start = 0;
    } else if (in.length < MAX_HEAD_BYTES) {
      in = Arrays.copyOf(in, Math.min(MAX_HEAD_BYTES, in.length * 2));
    }
  }

  private void readHead() {
    if (state == State.IDLE) {
      while (start < end && (in[start] == '\r' || in[start] == '\n')) {
        start++; // blank lines before a request line are allowed
      }
      if (start == end) {
        start = 0;
        end = 0;
        return;
      }
      enter(State.HEAD, listener.headTimeoutNanos());
      scanned = start;
    }
    int headEnd = headEnd();
    if (headEnd < 0) {
      if (end - start >= MAX_HEAD_BYTES) {
        answerMalformed(431, "Request headers too large");
      }
      return;
    }
    RequestHead parsed;
    try {
      parsed = RequestHead.parse(in, start, headEnd);
    } catch (RequestHead.Malformed e) {
      answerMalformed(e.status(), e.getMessage());
      return;
    }
    start = headEnd;
    head = parsed;
    int max = listener.limits().maxBodyBytes();
    if (!parsed.hasBody()) {
      dispatch(NO_BODY);
    } else if (parsed.contentLength() > max) {
      refuse(413, "the body is over the limit of " + max + " bytes");
    } else {
      enter(State.BODY, listener.bodyTimeoutNanos());
      if (parsed.expectContinue() && start == end && !writeAll(CONTINUE)) {
        close();
        return;
      }
      if (parsed.chunked()) {
        chunked = new ChunkedBody(max);
      } else {
        body = new byte[(int) Math.min(parsed.contentLength(), INITIAL_BODY)];
        bodySize = 0;
      }
      takeBody();
    }
  }

  /** Returns the index just past the blank line ending the head, or -1 when it has not come. */
  private int headEnd() {
    for (int i = Math.max(scanned, start); i < end; i++) {
      if (in[i] != '\n') {
        continue;
      }
      if (i + 1 == end || (in[i + 1] == '\r' && i + 2 == end)) {
        scanned = i; // may end here once more bytes come
        return -1;
      }
      if (in[i + 1] == '\n') {
        return i + 2;
      }
      if (in[i + 1] == '\r' && in[i + 2] == '\n') {
        return i + 3;
      }
    }
    scanned = end;
    return -1;
  }

  private void readBody() throws IOException {
    if (chunked != null) {
      if (fill()) {
        takeBody();
      }
      return;
    }
    // straight into the body: bytes past it stay in the socket, for the next request
    long length = head().contentLength();
    if (bodySize == body.length) {
      body = Arrays.copyOf(body, (int) Math.min(length, 2L * body.length));
    }
    int n = channel.read(ByteBuffer.wrap(body, bodySize, body.length - bodySize));
    if (n < 0) {
      close();
      return;
    }
    bodySize += n;
    if (bodySize == length) {
      dispatch(body);
    }
  }

  /** Takes what of the body is already in {@code in}. */
  private void takeBody() {
    ChunkedBody decoder = chunked;
    if (decoder != null) {
      try {
        start = decoder.feed(in, start, end);
      } catch (RequestHead.Malformed e) {
        answerMalformed(e.status(), e.getMessage());
        return;
      } catch (ChunkedBody.TooLarge e) {
        refuse(413, "the body is over the limit of " + listener.limits().maxBodyBytes() + " bytes");
        return;
      }
      if (decoder.done()) {
        dispatch(decoder.body());
      }
      return;
    }
    long length = head().contentLength();
    int n = (int) Math.min(end - start, length - bodySize);
    if (bodySize + n > body.length) {
      body = Arrays.copyOf(body, (int) Math.min(length, Math.max(bodySize + n, 2L * body.length)));
    }
    System.arraycopy(in, start, body, bodySize, n);
    start += n;
    bodySize += n;
    if (bodySize == length) {
      dispatch(body);
    }
  }

  private RequestHead head() {
    RequestHead h = head;
    if (h == null) {
      throw new IllegalStateException("no request head in state " + state);
    }
    return h;
  }

  private void dispatch(byte[] requestBody) {
    RequestHead request = head();
    handOver(() -> listener.handler().handle(request, requestBody, this));
  }

  private void refuse(int status, String why) {
    RequestHead request = head();
    drainAfterAnswer = status == 413; // the client may still be sending: let it see the 413
    handOver(() -> listener.handler().refuse(request, status, why, this));
  }

  private void handOver(Runnable task) {
    head = null;
    chunked = null;
    body = NO_BODY;
    bodySize = 0;
    responded = false;
    enter(State.HANDLING, -1);
    key().interestOps(0);
    if (!listener.dispatch(() -> runHandler(task))) {
      close();
    }
  }

  /** Runs the handler; should it fail (a simulator bug), the client gets a 500 saying so. */
  private void runHandler(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      if (!responded) {
        respond(listener.handler().plainError(500, "SMS simulator failure: " + e), false);
      }
    }
  }

  /** Answers a head that cannot be served, without a handler: it is no request to journal. */
  private void answerMalformed(int status, String message) {
    head = null;
    chunked = null;
    ByteBuffer bytes = listener.handler().plainError(status, message);
    if (!writeSome(bytes)) {
      close();
    } else {
      answered(bytes, After.DRAIN);
    }
  }

  /** Goes on after an answer was written, wholly or as far as the socket took it. */
  private void answered(ByteBuffer bytes, After then) {
    if (state == State.CLOSED) {
      return;
    }
    if (bytes.hasRemaining()) {
      pending = bytes;
      after = then;
      enter(State.WRITING, HttpListener.IDLE_NANOS);
      key().interestOps(SelectionKey.OP_WRITE);
      return;
    }
    switch (then) {
      case NEXT_REQUEST:
        enter(State.IDLE, HttpListener.IDLE_NANOS);
        key().interestOps(SelectionKey.OP_READ);
        if (start < end) {
          readHead(); // a pipelined request arrived with the previous one
        }
        break;
      case DRAIN:
        shutdownOutput();
        start = 0;
        end = 0;
        enter(State.DRAINING, listener.bodyTimeoutNanos());
        key().interestOps(SelectionKey.OP_READ);
        break;
      default:
        close();
    }
  }

  private SelectionKey key() {
    SelectionKey k = key;
    if (k == null) {
      throw new IllegalStateException("not registered");
    }
    return k;
  }

  /** Moves to {@code next}, with a deadline {@code timeoutNanos} from now (none when negative). */
  private void enter(State next, long timeoutNanos) {
    state = next;
    since = listener.now();
    deadline = timeoutNanos < 0 ? HttpListener.NO_DEADLINE : since + timeoutNanos;
    listener.noteDeadline(deadline);
  }

  // ---- the handler thread, while HANDLING ----

  /**
   * Sends the answer to the request handed over, from any thread, once: writes what the socket
   * takes at once and leaves the rest, and what follows, to the listener thread. {@code
   * nextRequest} keeps the connection for another request; otherwise it closes after the answer
   * (after reading what the client still sends of a refused body).
   */
  void respond(ByteBuffer bytes, boolean nextRequest) {
    responded = true;
    After then = nextRequest ? After.NEXT_REQUEST : drainAfterAnswer ? After.DRAIN : After.CLOSE;
    if (!writeSome(bytes)) {
      bytes.position(bytes.limit());
      then = After.CLOSE;
    } else if (then != After.NEXT_REQUEST && !bytes.hasRemaining()) {
      shutdownOutput(); // the client sees the end now, not after a trip through the listener
    }
    After finalThen = then;
    listener.onListenerThread(() -> answered(bytes, finalThen));
  }

  // ---- either thread, never both at once ----

  /** Writes what the socket takes now; false when the client is gone. */
  private boolean writeSome(ByteBuffer bytes) {
    try {
      while (bytes.hasRemaining() && channel.write(bytes) > 0) {
        // the socket took some; offer the rest
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private boolean writeAll(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    return writeSome(buffer) && !buffer.hasRemaining();
  }

  private void shutdownOutput() {
    try {
      channel.shutdownOutput();
    } catch (IOException e) {
      // the client is gone already
    }
  }
}
