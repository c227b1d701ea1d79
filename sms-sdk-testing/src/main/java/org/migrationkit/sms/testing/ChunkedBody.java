package org.migrationkit.sms.testing;

import java.util.Arrays;

/**
 * Decodes a chunked request body as its bytes arrive, refusing it the moment it would pass the size
 * limit. State: {@code step} is where in the chunk grammar the next byte falls, {@code chunkLeft}
 * how many data bytes the current chunk still has.
 */
final class ChunkedBody {
  /** The longest chunk-size line (extensions included) and the most trailer bytes accepted. */
  static final int MAX_LINE = 4096;

  private enum Step {
    SIZE,
    DATA,
    DATA_END,
    TRAILERS,
    DONE
  }

  /** Thrown when the decoded body would pass the limit. */
  static final class TooLarge extends Exception {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super(null, null, false, false);
    }
  }

  private final int limit;
  private Step step = Step.SIZE;
  private long chunkLeft;
  private int trailerBytes;
  private byte[] body = new byte[256];
  private int size;

  ChunkedBody(int limit) {
    this.limit = limit;
  }

  /**
   * Decodes what it can of {@code bytes[from, to)} and returns where it stopped: at {@code to}, at
   * the body's end, or at the start of a line not complete yet.
   */
  int feed(byte[] bytes, int from, int to) throws RequestHead.Malformed, TooLarge {
    int at = from;
    while (at < to && step != Step.DONE) {
      switch (step) {
        case SIZE:
          {
            int newline = indexOf(bytes, at, to, (byte) '\n');
            if (newline < 0) {
              return incompleteLine(at, to, 0);
            }
            chunkLeft = chunkSize(bytes, at, newline);
            at = newline + 1;
            if (chunkLeft == 0) {
              step = Step.TRAILERS;
            } else if (chunkLeft > limit - size) {
              throw new TooLarge();
            } else {
              step = Step.DATA;
            }
            break;
          }
        case DATA:
          {
            int n = (int) Math.min(chunkLeft, to - at);
            append(bytes, at, n);
            at += n;
            chunkLeft -= n;
            if (chunkLeft == 0) {
              step = Step.DATA_END;
            }
            break;
          }
        case DATA_END:
          if (bytes[at] == '\n') {
            at++;
          } else if (bytes[at] == '\r' && to - at < 2) {
            return at;
          } else if (bytes[at] == '\r' && bytes[at + 1] == '\n') {
            at += 2;
          } else {
            throw new RequestHead.Malformed(400, "Bad chunk end");
          }
          step = Step.SIZE;
          break;
        case TRAILERS:
          {
            int newline = indexOf(bytes, at, to, (byte) '\n');
            if (newline < 0) {
              return incompleteLine(at, to, trailerBytes);
            }
            boolean blank = newline == at || (newline == at + 1 && bytes[at] == '\r');
            trailerBytes += newline + 1 - at;
            if (trailerBytes > MAX_LINE) {
              throw new RequestHead.Malformed(400, "Trailers too large");
            }
            at = newline + 1;
            if (blank) {
              step = Step.DONE;
            }
            break;
          }
        default:
          throw new IllegalStateException(step.toString());
      }
    }
    return at;
  }

  /** Returns whether the last chunk and the trailers have arrived. */
  boolean done() {
    return step == Step.DONE;
  }

  /** Returns the body decoded so far. */
  byte[] body() {
    return Arrays.copyOf(body, size);
  }

  private static int incompleteLine(int at, int to, int before) throws RequestHead.Malformed {
    if (before + to - at > MAX_LINE) {
      throw new RequestHead.Malformed(400, "Chunk line too long");
    }
    return at;
  }

  private static long chunkSize(byte[] bytes, int from, int newline)
      throws RequestHead.Malformed, TooLarge {
    long value = 0;
    int at = from;
    for (; at < newline; at++) {
      int digit = Character.digit(bytes[at], 16);
      if (digit < 0) {
        break;
      }
      if (value > (Long.MAX_VALUE >> 4)) {
        throw new TooLarge();
      }
      value = (value << 4) | digit;
    }
    if (at == from
        || (at < newline
            && bytes[at] != ';'
            && bytes[at] != ' '
            && bytes[at] != '\t'
            && !(bytes[at] == '\r' && at == newline - 1))) {
      throw new RequestHead.Malformed(400, "Bad chunk size");
    }
    return value;
  }

  private void append(byte[] bytes, int from, int n) {
    if (size + n > body.length) {
      body = Arrays.copyOf(body, Math.min(limit, Math.max(size + n, body.length * 2)));
    }
    System.arraycopy(bytes, from, body, size, n);
    size += n;
  }

  private static int indexOf(byte[] bytes, int from, int to, byte b) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
