package org.migrationkit.sms;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.internal.RetryScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one resource (a task, a source server) until its {@link Goal} says the wait is over,
 * without holding a thread between polls: each poll is an asynchronous call, each wait a scheduled
 * task. The blocking {@link SmsClient#waitForTask} and {@link SmsClient#waitForServer} wait on the
 * future this builds.
 *
 * <p>State: {@code interval} grows by half after each poll up to the maximum; {@code last} is the
 * last successful response.
 *
 * @param <T> the polled response type
 */
final class Poller<T> {
  private static final Logger log = LoggerFactory.getLogger(Poller.class);

  /** What the wait is for: how one successful poll is judged, and how a timeout is reported. */
  interface Goal<T> {
    /**
     * Judges one successful poll: returns {@code true} when the wait succeeded with it, {@code
     * false} to poll again, or throws what the wait ends with (a failure state, a caller's
     * predicate's own exception or error).
     */
    boolean reached(T polled);

    /** Returns the exception of a wait whose {@code maxWait} passed; {@code last} may be null. */
    RuntimeException timedOut(Duration maxWait, @Nullable T last);
  }

  private final Function<String, CompletableFuture<T>> poll;
  private final String id;
  private final WaitOptions options;
  private final Goal<T> goal;
  private final long deadlineNanos;
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private final AtomicBoolean listenerFailureLogged = new AtomicBoolean();

  private long intervalNanos;
  private volatile @Nullable T last;
  private int consecutiveFailures;
  private volatile @Nullable ScheduledFuture<?> scheduled;
  private volatile @Nullable CompletableFuture<T> inFlight;

  Poller(
      Function<String, CompletableFuture<T>> poll, String id, WaitOptions options, Goal<T> goal) {
    this.poll = poll;
    this.id = id;
    this.options = options;
    this.goal = goal;
    this.deadlineNanos = System.nanoTime() + options.maxWait().toNanos();
    this.intervalNanos = options.pollInterval().toNanos();
  }

  CompletableFuture<T> start() {
    // maxWait bounds a poll in flight too, not only the waits between polls
    ScheduledFuture<?> deadline =
        RetryScheduler.get()
            .schedule(
                () -> {
                  if (result.completeExceptionally(goal.timedOut(options.maxWait(), last))) {
                    CompletableFuture<T> p = inFlight;
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
            CompletableFuture<T> p = inFlight;
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
      result.completeExceptionally(goal.timedOut(options.maxWait(), last));
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
      result.completeExceptionally(goal.timedOut(options.maxWait(), last));
      return;
    }
    CompletableFuture<T> call;
    try {
      call = poll.apply(id);
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
  private void onPolled(@Nullable T polled, @Nullable Throwable error) {
    try {
      handlePoll(polled, error);
    } catch (Throwable e) {
      result.completeExceptionally(e);
    }
  }

  private void handlePoll(@Nullable T polled, @Nullable Throwable error) {
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
    T current = Objects.requireNonNull(polled, "polled");
    last = current;
    boolean reached;
    try {
      reached = goal.reached(current);
    } catch (Throwable e) { // an Error too: a failure state or the caller's predicate ends the wait
      result.completeExceptionally(e);
      return;
    }
    if (reached) {
      result.complete(current);
    } else {
      schedule(nextInterval());
    }
  }

  private long nextInterval() {
    long current = intervalNanos;
    intervalNanos = Math.min(options.maxPollInterval().toNanos(), current + current / 2);
    double jitter = 0.9 + 0.2 * ThreadLocalRandom.current().nextDouble();
    return (long) (current * jitter);
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
      log.debug(
          "TaskProgressListener threw {} in onPollFailed; further failures are not logged",
          e.toString());
    }
  }
}
