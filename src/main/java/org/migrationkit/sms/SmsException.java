package org.migrationkit.sms;

import org.jspecify.annotations.Nullable;

/**
 * The base of every exception the SDK throws for a failed call: catch this to handle them all.
 *
 * <p>{@link SmsServiceException} means the service answered with an error; {@link
 * SmsClientException} means no usable answer arrived (I/O, timeout, unreadable body). Unchecked.
 * Messages are one line and never contain a secret.
 */
public abstract class SmsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SmsException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
