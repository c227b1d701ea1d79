package org.migrationkit.sms;

import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.internal.Attempts;
import org.migrationkit.sms.internal.json.JsonValues;

/**
 * The base of every exception the SDK throws for a failed call: catch this to handle them all.
 *
 * <p>{@link SmsServiceException} means the service answered with an error; {@link
 * SmsClientException} means no usable answer arrived (I/O, timeout, unreadable body). Unchecked.
 * Messages are one line, carry the status, error code and request id when there are any, and never
 * contain a secret. When a call was retried, {@link #getAttempts()} counts its attempts and the
 * earlier attempts' failures are attached as {@linkplain #getSuppressed() suppressed} exceptions.
 */
public abstract class SmsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  static {
    Attempts.register((failure, attempts) -> failure.attempts = attempts);
  }

  /** How many attempts the failed call made; set by the client once the call gives up. */
  private volatile int attempts = 1;

  SmsException(String message, @Nullable Throwable cause) {
    // one line whatever went into it: a service's error_msg, an id, an endpoint
    super(JsonValues.oneLine(message), cause);
  }

  /** {@return how many attempts the failed call made, 1 when it was not retried} */
  public int getAttempts() {
    return attempts;
  }

  /**
   * {@return whether trying the same call again may succeed: throttling, 5xx gateway errors, broken
   * connections and connect or read timeouts} The default {@link RetryPolicy} retries exactly
   * these.
   */
  public boolean isRetryable() {
    return false;
  }

  @Override
  public String getMessage() {
    String message = super.getMessage();
    return attempts > 1 ? message + " (after " + attempts + " attempts)" : message;
  }
}
