package org.migrationkit.sms;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A call ran out of time; {@link #getTimeout()} says which of the configured timeouts fired. */
public class SmsTimeoutException extends SmsClientException {
  private static final long serialVersionUID = 1L;

  /** The timeout that fired. */
  public enum Timeout {
    /** Establishing the TCP (and TLS) connection took longer than the connect timeout. */
    CONNECT,
    /** The server sent nothing for longer than the read timeout. */
    READ,
    /** The whole call, every attempt and wait included, took longer than the call timeout. */
    CALL
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
   * Returns whether another attempt may help: after a connect or read timeout, not a whole-call
   * one.
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
