package org.migrationkit.sms;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A call ran out of time; {@link #getTimeout()} says which of the configured timeouts fired. */
public class SmsTimeoutException extends SmsClientException {
  private static final long serialVersionUID = 1L;

  /** The timeout that fired. */
  public enum Timeout {
    /**
     * Setting up the connection (name lookup, TCP connect, a proxy's {@code CONNECT}, the TLS
     * handshake) took longer than the connect timeout. Nothing of the request was sent.
     */
    CONNECT,
    /** The server sent nothing for longer than the read timeout. */
    READ,
    /** The whole call, every attempt and wait included, took longer than the call timeout. */
    CALL,
    /**
     * The server took nothing of the request body for longer than the write timeout. Part of the
     * request may have reached it.
     */
    WRITE
  }

  /** Which timeout fired. */
  private final Timeout timeout;

  /**
   * Creates an exception for the given timeout, with a one-line message and its cause.
   *
   * @param timeout which timeout fired
   * @param message what timed out, on one line
   * @param cause the underlying failure, or {@code null}
   */
  public SmsTimeoutException(Timeout timeout, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * Returns whether another attempt may help: after a connect, read or write timeout, not a
   * whole-call one.
   */
  @Override
  public boolean isRetryable() {
    return timeout != Timeout.CALL;
  }

  /** {@return which timeout fired} */
  public Timeout getTimeout() {
    return timeout;
  }
}
