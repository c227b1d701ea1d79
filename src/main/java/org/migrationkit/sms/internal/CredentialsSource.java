package org.migrationkit.sms.internal;

import java.util.concurrent.CompletableFuture;
import org.migrationkit.sms.auth.Credentials;

/**
 * Where the transport gets the credentials for each attempt: blocking for the synchronous path, as
 * a future for the asynchronous one, so that slow work (domain id discovery) never blocks a caller
 * of {@code showTaskAsync}.
 */
public interface CredentialsSource {
  /** Returns the credentials; may block. Throws {@code SmsException} when there are none. */
  Credentials get();

  /** Returns the credentials as a future; by default {@link #get()} on the calling thread. */
  default CompletableFuture<Credentials> getAsync() {
    try {
      return CompletableFuture.completedFuture(get());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
