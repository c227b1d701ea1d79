package org.migrationkit.sms.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.auth.CredentialsProvider;

/**
 * Asks a {@link CredentialsProvider} for credentials off the caller's thread, because a provider
 * may block (a metadata server, a vault, a lock) and nothing a provider does may hold a call past
 * its deadline, survive {@code close()}, or stall a shared scheduler. Concurrent attempts of one
 * client share one question in flight, so a provider that hangs holds at most one thread per
 * client, not one per call. Whatever the provider does, null or an {@link Error} included, ends as
 * one {@link SmsClientException}, the same on the synchronous and asynchronous paths.
 */
public final class ProviderCredentials implements CredentialsSource {
  private static final Executor RESOLVERS =
      DaemonThreads.elastic("migrationkit-sms-credentials", 30);

  private final CredentialsProvider provider;
  private final @Nullable Credentials fixed;
  private final AtomicReference<@Nullable CompletableFuture<Credentials>> inFlight =
      new AtomicReference<>();

  private ProviderCredentials(CredentialsProvider provider, @Nullable Credentials fixed) {
    this.provider = provider;
    this.fixed = fixed;
  }

  /** Returns a source that always gives {@code credentials}, without a thread hop. */
  public static ProviderCredentials fixed(Credentials credentials) {
    return new ProviderCredentials(() -> credentials, credentials);
  }

  /** Returns a source that asks {@code provider} for every attempt. */
  public static ProviderCredentials of(CredentialsProvider provider) {
    return new ProviderCredentials(provider, null);
  }

  @Override
  public @Nullable Credentials immediate() {
    return fixed;
  }

  @Override
  public CompletableFuture<Credentials> resolve() {
    if (fixed != null) {
      return CompletableFuture.completedFuture(fixed);
    }
    while (true) {
      CompletableFuture<Credentials> running = inFlight.get();
      if (running != null) {
        return running;
      }
      CompletableFuture<Credentials> mine = new CompletableFuture<>();
      if (inFlight.compareAndSet(null, mine)) {
        try {
          RESOLVERS.execute(() -> ask(mine));
        } catch (RejectedExecutionException e) {
          inFlight.compareAndSet(mine, null);
          mine.completeExceptionally(
              new SmsClientException("cannot ask the credentials provider: " + e, e));
        }
        return mine;
      }
    }
  }

  private void ask(CompletableFuture<Credentials> answer) {
    Credentials credentials = null;
    Throwable failure = null;
    try {
      credentials = provider.resolveCredentials();
    } catch (Throwable e) { // an Error too: it must end the calls waiting, not a pool thread
      failure = e;
    }
    // forgotten before it is answered: the next attempt asks the provider again
    inFlight.compareAndSet(answer, null);
    if (failure != null) {
      answer.completeExceptionally(failure); // each call wraps it in its own exception
    } else if (credentials == null) {
      answer.completeExceptionally(
          new SmsClientException("the credentials provider returned null"));
    } else {
      answer.complete(credentials);
    }
  }
}
