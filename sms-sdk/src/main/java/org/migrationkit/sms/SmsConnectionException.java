package org.migrationkit.sms;

/**
 * The client could not reach the service, or the connection broke: refused, reset, DNS or TLS
 * failure, or the peer closed before answering.
 */
public class SmsConnectionException extends SmsClientException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a one-line message naming the host, and its cause.
   *
   * @param message what failed, on one line, naming the host
   * @param cause the I/O failure
   */
  public SmsConnectionException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Returns {@code true}: the SMS operations are idempotent reads, safe to send again. */
  @Override
  public boolean isRetryable() {
    return true;
  }
}
