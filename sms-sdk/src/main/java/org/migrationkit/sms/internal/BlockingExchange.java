package org.migrationkit.sms.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import okhttp3.Call;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.auth.Credentials;

/**
 * A blocking call: its attempts run one after another on the caller's thread, which also waits
 * between them. Interrupting that thread ends the call with an {@link SmsClientException} and
 * leaves the thread's interrupt flag set; the {@link DeadlineWatchdog} notices an interrupt that
 * arrives while the thread is blocked in a socket read, and cancels the read.
 */
final class BlockingExchange<Q, R> extends Exchange<Q, R> {
  private final Thread caller = Thread.currentThread();

  /** Set by the watchdog when it saw the caller interrupted (OkHttp may clear the flag). */
  private volatile boolean interruptSeen;

  BlockingExchange(Transport transport, Operation<Q, R> operation, Q request) {
    super(transport, operation, request);
  }

  /** Runs the call to its end: returns the result or throws its one failure. */
  R run() {
    transport.track(this);
    try {
      return attempts();
    } finally {
      transport.untrack(this);
    }
  }

  @SuppressWarnings("java:S1181") // OkHttp may throw a checked InterruptedException undeclared
  private R attempts() {
    CallEvents.callStart(this);
    while (true) {
      beginAttempt();
      SmsException failure;
      Call call = null;
      try {
        checkOpenAndInTime();
        call = newCall(credentials());
        try (Response response = call.execute()) {
          R result = ReadStage.read(this, response);
          CallEvents.attemptEnd(this, null);
          CallEvents.succeeded(this);
          return result;
        }
      } catch (SmsException e) {
        failure = e;
      } catch (IOException e) {
        failure = FailureMapper.fromIo(this, e, call);
      } catch (Exception e) {
        failure =
            e instanceof InterruptedException
                ? interrupted(e)
                : new SmsClientException(
                    FailureMapper.prefix(this) + " failed: " + e.getClass().getName(), e);
      }
      if (!interruptedCall && callerInterrupted()) {
        failure = interrupted(failure);
      }
      CallEvents.attemptEnd(this, failure);
      long delay = RetryStage.nextDelayNanos(this, failure);
      if (delay < 0) {
        throw CallEvents.finalFailure(this, failure);
      }
      CallEvents.retryScheduled(this, failure, delay);
      if (delay > 0) {
        waitBeforeRetry(delay);
      }
    }
  }

  private Credentials credentials() {
    Credentials immediate = transport.credentials.immediate();
    if (immediate != null) {
      return immediate;
    }
    CompletableFuture<Credentials> wait = awaitCredentials();
    try {
      return wait.get();
    } catch (InterruptedException e) {
      throw interrupted(e);
    } catch (ExecutionException e) {
      throw FailureMapper.fromCredentials(this, e.getCause());
    } finally {
      credentialsWait = null;
    }
  }

  private void waitBeforeRetry(long delayNanos) {
    try {
      if (transport.awaitClose(delayNanos)) {
        throw CallEvents.finalFailure(this, FailureMapper.closed(this, null));
      }
    } catch (InterruptedException e) {
      throw CallEvents.finalFailure(this, interrupted(e));
    }
  }

  /** Returns whether the caller was interrupted during this attempt. */
  private boolean callerInterrupted() {
    return interruptSeen || Thread.currentThread().isInterrupted();
  }

  /**
   * Returns the failure of an interrupted call, and sets the thread's interrupt flag again (OkHttp,
   * or the wait that threw, may have cleared it).
   */
  private SmsClientException interrupted(Throwable cause) {
    interruptedCall = true;
    Thread.currentThread().interrupt();
    return new SmsClientException(FailureMapper.prefix(this) + " interrupted", cause);
  }

  @Override
  void checkNotInterrupted() {
    if (Thread.currentThread().isInterrupted()) {
      throw interrupted(new InterruptedException("interrupted before the attempt"));
    }
  }

  @Override
  boolean interruptNoticed() {
    return interruptSeen;
  }

  @Override
  boolean noticeInterrupt() {
    if (caller.isInterrupted()) {
      interruptSeen = true;
      return true;
    }
    return false;
  }

  @Override
  boolean cancelledByCaller() {
    return false;
  }

  @Override
  @Nullable SmsException interruption(IOException e) {
    boolean interrupt =
        callerInterrupted()
            || e instanceof ClosedByInterruptException
            || (e instanceof InterruptedIOException
                && !(e instanceof SocketTimeoutException)
                && "interrupted".equals(e.getMessage()));
    return interrupt ? interrupted(e) : null;
  }

  /** The caller's thread sees its call or its wait for credentials fail, and maps it. */
  @Override
  void abortClosed() {
    cancelCall();
    if (credentialsWait != null) {
      stopWaitingForCredentials(FailureMapper.closed(this, null));
    }
  }
}
