package org.migrationkit.sms.internal;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.auth.Credentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An asynchronous call: each attempt is enqueued on OkHttp's dispatcher (this is its callback), a
 * retry is scheduled on the {@link RetryScheduler}, and no thread ever blocks on the call. The
 * future completes exactly once, and the call stops being tracked, whatever happens: the answer, a
 * failure, close() or the caller cancelling the future.
 */
final class AsyncExchange<Q, R> extends Exchange<Q, R> implements Callback {
  private static final Logger log = LoggerFactory.getLogger("org.migrationkit.sms.SmsClient");
  private static final VarHandle FINISHED;

  static {
    try {
      FINISHED = MethodHandles.lookup().findVarHandle(AsyncExchange.class, "finished", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final CompletableFuture<R> future = new CompletableFuture<>();
  private volatile @Nullable Future<?> scheduledRetry;

  /** 1 once whoever ends the call (its answer, its failure, close() or cancel) has claimed it. */
  @SuppressWarnings("unused")
  private volatile int finished;

  /**
   * Set from attemptStart to attemptEnd: a cancellation or close() ends the call itself only while
   * no attempt is open; otherwise the attempt's end does, so attemptEnd comes before callFailed.
   */
  private volatile boolean attemptOpen;

  AsyncExchange(Transport transport, Operation<Q, R> operation, Q request) {
    super(transport, operation, request);
  }

  /** Starts the call and returns its future at once. */
  CompletableFuture<R> run() {
    CompletableFuture<R> f = future;
    try {
      f.whenComplete(
          (result, failure) -> {
            if (f.isCancelled() && claimFinish()) {
              cancelInFlight();
              transport.untrack(this);
              if (!attemptOpen) {
                CallEvents.callFailed(this, FailureMapper.cancelled(this));
              }
            }
          });
      transport.track(this);
      CallEvents.callStart(this);
      startAttempt();
    } catch (Throwable e) {
      finish(null, FailureMapper.unexpected(this, e));
    }
    return f;
  }

  /** Starts the next attempt; runs on the caller's thread, then on the retry scheduler's. */
  private void startAttempt() {
    if (future.isDone()) {
      return;
    }
    try {
      beginAttempt();
      checkOpenAndInTime();
      Credentials immediate = transport.credentials.immediate();
      if (immediate != null) {
        send(immediate);
        return;
      }
      awaitCredentials()
          .whenComplete(
              (c, error) -> {
                credentialsWait = null;
                if (error != null) {
                  attemptFailed(FailureMapper.fromCredentials(this, error));
                } else {
                  send(c);
                }
              });
    } catch (Throwable e) {
      attemptFailed(FailureMapper.unexpected(this, e));
    }
  }

  @Override
  void beginAttempt() {
    attemptOpen = true;
    super.beginAttempt();
  }

  private void send(Credentials credentials) {
    Call call;
    try {
      call = newCall(credentials);
    } catch (Throwable e) {
      attemptFailed(FailureMapper.unexpected(this, e));
      return;
    }
    if (future.isDone()) {
      call.cancel();
    }
    call.enqueue(this);
  }

  /** Reads the answer on OkHttp's dispatcher thread. */
  @Override
  public void onResponse(Call call, Response response) {
    R result;
    try (response) {
      result = ReadStage.read(this, response);
    } catch (IOException e) {
      attemptFailed(FailureMapper.fromIo(this, e, call));
      return;
    } catch (Throwable e) {
      attemptFailed(FailureMapper.unexpected(this, e));
      return;
    }
    attemptEnd(null);
    if (future.isCancelled()) {
      CallEvents.callFailed(this, FailureMapper.cancelled(this));
      return;
    }
    finish(result, null);
  }

  @Override
  public void onFailure(Call call, IOException e) {
    attemptFailed(FailureMapper.fromIo(this, e, call));
  }

  private void attemptEnd(@Nullable SmsException failure) {
    CallEvents.attemptEnd(this, failure);
    attemptOpen = false;
  }

  /** Ends the attempt with {@code failure}, then retries or ends the call. */
  private void attemptFailed(SmsException failure) {
    attemptEnd(failure);
    CompletableFuture<R> f = future;
    if (f.isDone() || finished != 0) {
      if (f.isCancelled()) {
        // the attempt has ended, so now the call may
        CallEvents.callFailed(this, FailureMapper.cancelled(this));
      }
      return;
    }
    long delay = RetryStage.nextDelayNanos(this, failure);
    if (delay < 0) {
      finish(null, failure);
      return;
    }
    CallEvents.retryScheduled(this, failure, delay);
    try {
      scheduledRetry =
          RetryScheduler.get().schedule(this::startAttempt, delay, TimeUnit.NANOSECONDS);
    } catch (RuntimeException e) {
      finish(null, FailureMapper.unexpected(this, e));
      return;
    }
    if (f.isCancelled()) {
      cancelInFlight();
      CallEvents.callFailed(this, FailureMapper.cancelled(this));
    } else if (f.isDone() || transport.isClosed()) {
      cancelInFlight(); // close() ended the call while this retry was being scheduled
      finish(null, FailureMapper.closed(this, null));
    }
  }

  private boolean claimFinish() {
    return FINISHED.compareAndSet(this, 0, 1);
  }

  /** Ends the call once: reports it, stops tracking it, completes the future. */
  private void finish(@Nullable R result, @Nullable SmsException failure) {
    if (!claimFinish()) {
      return;
    }
    CompletableFuture<R> f = future;
    transport.untrack(this);
    if (failure == null) {
      CallEvents.succeeded(this);
      complete(() -> f.complete(result));
    } else {
      SmsException finalFailure = CallEvents.finalFailure(this, failure);
      complete(() -> f.completeExceptionally(finalFailure));
    }
  }

  /**
   * Completes the future on the completion executor, or on this thread when there is none or it
   * refuses (full or shut down): a future is never left pending.
   */
  private void complete(Runnable completion) {
    Executor executor = transport.completionExecutor;
    if (executor != null) {
      try {
        executor.execute(completion);
        return;
      } catch (RuntimeException e) {
        log.debug(
            "{} completion executor refused ({}); completing on this thread",
            FailureMapper.prefix(this),
            e);
      }
    }
    completion.run();
  }

  private void cancelInFlight() {
    Future<?> scheduled = scheduledRetry;
    if (scheduled != null) {
      scheduled.cancel(false);
    }
    cancelCall();
    if (credentialsWait != null) {
      stopWaitingForCredentials(
          transport.isClosed() ? FailureMapper.closed(this, null) : FailureMapper.cancelled(this));
    }
  }

  @Override
  void abortClosed() {
    if (!future.isDone()) {
      cancelInFlight();
      if (!attemptOpen) {
        finish(null, FailureMapper.closed(this, null));
      } // else the attempt ends as cancelled, sees the client closed, and ends the call
    }
  }

  @Override
  void checkNotInterrupted() {}

  @Override
  boolean interruptNoticed() {
    return false;
  }

  @Override
  boolean noticeInterrupt() {
    return false;
  }

  @Override
  boolean cancelledByCaller() {
    return future.isCancelled();
  }

  @Override
  @Nullable SmsException interruption(IOException e) {
    return null;
  }
}
