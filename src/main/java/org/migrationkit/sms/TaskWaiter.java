package org.migrationkit.sms;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.internal.RetryScheduler;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one task until it ends, without holding a thread between polls: each poll is an
 * asynchronous call, each wait a scheduled task. The blocking {@link SmsClient#waitForTask} waits
 * on the future this builds.
 *
 * <p>State: {@code interval} grows by half after each poll up to the maximum; {@code last} is the
 * last successful response; {@code lastProgress} the last progress reported.
 */
final class TaskWaiter {
  private static final Logger log = LoggerFactory.getLogger(TaskWaiter.class);

  private final Function<String, CompletableFuture<ShowTaskResponse>> poll;
  private final String taskId;
  private final WaitOptions options;
  private final long deadlineNanos;
  private final CompletableFuture<ShowTaskResponse> result = new CompletableFuture<>();
  private final AtomicBoolean listenerFailureLogged = new AtomicBoolean();

  private long intervalNanos;
  private volatile @Nullable ShowTaskResponse last;
  private @Nullable TaskProgress lastProgress;
  private int consecutiveFailures;
  private volatile @Nullable ScheduledFuture<?> scheduled;
  private volatile @Nullable CompletableFuture<ShowTaskResponse> inFlight;

  TaskWaiter(
      Function<String, CompletableFuture<ShowTaskResponse>> poll,
      String taskId,
      WaitOptions options) {
    this.poll = poll;
    this.taskId = taskId;
    this.options = options;
    this.deadlineNanos = System.nanoTime() + options.maxWait().toNanos();
    this.intervalNanos = options.pollInterval().toNanos();
  }

  CompletableFuture<ShowTaskResponse> start() {
    // maxWait bounds a poll in flight too, not only the waits between polls
    ScheduledFuture<?> deadline =
        RetryScheduler.get()
            .schedule(
                () -> {
                  if (result.completeExceptionally(
                      new WaitTimeoutException(taskId, options.maxWait(), last))) {
                    CompletableFuture<ShowTaskResponse> p = inFlight;
                    if (p != null) {
                      p.cancel(true);
                    }
                  }
                },
                options.maxWait().toNanos(),
                TimeUnit.NANOSECONDS);
    result.whenComplete(
        (r, e) -> {
          deadline.cancel(false);
          if (result.isCancelled()) {
            ScheduledFuture<?> s = scheduled;
            if (s != null) {
              s.cancel(false);
            }
            CompletableFuture<ShowTaskResponse> p = inFlight;
            if (p != null) {
              p.cancel(true);
            }
          }
        });
    schedule(options.initialDelay().toNanos());
    return result;
  }

  private void schedule(long delayNanos) {
    if (result.isDone()) {
      return;
    }
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining <= 0) {
      result.completeExceptionally(new WaitTimeoutException(taskId, options.maxWait(), last));
      return;
    }
    scheduled =
        RetryScheduler.get()
            .schedule(this::pollOnce, Math.min(delayNanos, remaining), TimeUnit.NANOSECONDS);
  }

  private void pollOnce() {
    if (result.isDone()) {
      return;
    }
    if (System.nanoTime() >= deadlineNanos) {
      result.completeExceptionally(new WaitTimeoutException(taskId, options.maxWait(), last));
      return;
    }
    CompletableFuture<ShowTaskResponse> call;
    try {
      call = poll.apply(taskId);
    } catch (Throwable e) {
      result.completeExceptionally(e);
      return;
    }
    inFlight = call;
    call.whenComplete(this::onPolled);
  }

  /**
   * Handles one poll's outcome. Whatever goes wrong here ends the wait with it: a stage's own
   * exception would only be swallowed by CompletableFuture and leave the wait pending.
   */
  private void onPolled(@Nullable ShowTaskResponse task, @Nullable Throwable error) {
    try {
      handlePoll(task, error);
    } catch (Throwable e) {
      result.completeExceptionally(e);
    }
  }

  private void handlePoll(@Nullable ShowTaskResponse task, @Nullable Throwable error) {
    if (result.isDone()) {
      return;
    }
    if (error != null) {
      Throwable cause =
          error instanceof CompletionException && error.getCause() != null
              ? error.getCause()
              : error;
      if (cause instanceof SmsException && ((SmsException) cause).isRetryable()) {
        consecutiveFailures++;
        notifyPollFailed((SmsException) cause);
        schedule(nextInterval());
      } else {
        result.completeExceptionally(cause);
      }
      return;
    }
    consecutiveFailures = 0;
    TaskProgress progress = TaskProgress.of(task, last == null ? null : last.getState());
    last = task;
    if (!progress.sameProgressAs(lastProgress)) {
      lastProgress = progress;
      notifyProgress(progress);
    }
    try {
      if (options.failWhen().test(task)) {
        result.completeExceptionally(new TaskFailedException(task));
        return;
      }
      if (options.successWhen().test(task)) {
        result.complete(task);
        return;
      }
    } catch (Throwable e) { // an Error too: the caller's predicate failed, the wait ends with it
      result.completeExceptionally(e);
      return;
    }
    schedule(nextInterval());
  }

  private long nextInterval() {
    long current = intervalNanos;
    intervalNanos = Math.min(options.maxPollInterval().toNanos(), current + current / 2);
    double jitter = 0.9 + 0.2 * ThreadLocalRandom.current().nextDouble();
    return (long) (current * jitter);
  }

  private void notifyProgress(TaskProgress progress) {
    TaskProgressListener listener = options.progressListener();
    if (listener != null) {
      try {
        listener.onProgress(progress);
      } catch (Throwable e) { // isolated, an Error too: a listener cannot stop the wait
        logListenerFailure(e);
      }
    }
  }

  private void notifyPollFailed(SmsException failure) {
    TaskProgressListener listener = options.progressListener();
    if (listener != null) {
      try {
        listener.onPollFailed(failure, consecutiveFailures);
      } catch (Throwable e) {
        logListenerFailure(e);
      }
    }
  }

  private void logListenerFailure(Throwable e) {
    if (listenerFailureLogged.compareAndSet(false, true)) {
      log.debug("TaskProgressListener threw {}; further failures are not logged", e.toString());
    }
  }
}
