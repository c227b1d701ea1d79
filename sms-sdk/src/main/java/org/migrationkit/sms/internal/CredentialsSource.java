package org.migrationkit.sms.internal;

import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.auth.Credentials;

/**
 * Where a call gets the credentials for each attempt. Resolving never blocks the calling thread: a
 * provider that may block runs elsewhere, so the call's deadline, {@code close()} and interrupts
 * still reach a caller waiting for it, and a retry scheduled on a shared thread never stalls it.
 */
public interface CredentialsSource {
  /**
   * Returns the credentials when they are known without any work (fixed credentials), else {@code
   * null}: the caller then uses {@link #resolve()}.
   */
  @Nullable Credentials immediate();

  /**
   * Starts resolving the credentials and returns at once. The future fails with an {@code
   * SmsException} when there are none; it is shared by concurrent callers, who must not complete
   * it.
   */
  CompletableFuture<Credentials> resolve();

  /** Stops work in flight for a closed client (an IAM request, say). */
  default void close() {}
}
