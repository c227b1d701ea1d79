package org.migrationkit.sms.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read and fails once more than a limit arrive, so no body is held whole. */
final class LimitedInputStream extends FilterInputStream {
  /** Thrown when the body exceeds the limit. */
  static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(long limit) {
      super("the answer is larger than the limit of " + limit + " bytes");
    }
  }

  private final long limit;
  private long count;

  LimitedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      advance(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      advance(n);
    }
    return n;
  }

  private void advance(int n) throws IOException {
    count += n;
    if (count > limit) {
      throw new TooLargeException(limit);
    }
  }
}
