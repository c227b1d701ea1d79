package org.migrationkit.sms;

import org.jspecify.annotations.Nullable;

/**
 * A call failed on the client side: the request was refused before sending, the connection or a
 * timeout failed, or the answer could not be read. The cause, when there is one, is attached.
 */
public class SmsClientException extends SmsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a one-line message.
   *
   * @param message what failed, on one line
   */
  public SmsClientException(String message) {
    super(message, null);
  }

  /**
   * Creates an exception with a one-line message and its cause.
   *
   * @param message what failed, on one line
   * @param cause the underlying failure, or {@code null}
   */
  public SmsClientException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
