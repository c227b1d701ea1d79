package org.migrationkit.sms.internal;

import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.internal.json.DocumentFailure;

/**
 * Makes a model's {@code fromJson} throw {@link SmsClientException}; a service (see module-info and
 * {@code META-INF/services}), so that the JSON package need not name the client's exception.
 */
public final class ClientDocumentFailure implements DocumentFailure {
  /** Creates the service; {@link java.util.ServiceLoader} calls it. */
  public ClientDocumentFailure() {}

  @Override
  public RuntimeException unreadable(String message, Exception cause) {
    return new SmsClientException(message, cause);
  }
}
