package org.migrationkit.sms.migration.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.migration.FleetEvent;
import org.migrationkit.sms.migration.FleetListener;
import org.migrationkit.sms.migration.FleetProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands events to the caller's {@link FleetListener} on a thread of its own, so that a listener
 * that is slow or throws can neither stall nor break the fleet. At most {@link #MAX_QUEUED} events
 * wait; more are dropped (logged once). Progress is merged: only the latest waits.
 */
final class ListenerDispatcher {
  private static final Logger log = LoggerFactory.getLogger(ListenerDispatcher.class);
  static final int MAX_QUEUED = 10_000;

  private final FleetListener listener;
  private final @Nullable ThreadPoolExecutor thread;
  private final AtomicReference<@Nullable FleetProgress> latestProgress = new AtomicReference<>();
  private final AtomicBoolean failureLogged = new AtomicBoolean();
  private final AtomicBoolean dropLogged = new AtomicBoolean();

  ListenerDispatcher(FleetListener listener, String threadName) {
    this.listener = listener;
    this.thread =
        listener == FleetListener.NONE
            ? null
            : new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(MAX_QUEUED),
                r -> FleetThreads.daemon(r, threadName));
  }

  void event(FleetEvent event) {
    submit(
        () -> {
          try {
            listener.onServerEvent(event);
          } catch (Throwable e) { // an Error too: a listener cannot break the fleet
            failed("onServerEvent", e);
          }
        });
  }

  void progress(FleetProgress progress) {
    if (thread != null && latestProgress.getAndSet(progress) == null) {
      submit(
          () -> {
            FleetProgress latest = latestProgress.getAndSet(null);
            if (latest == null) {
              return;
            }
            try {
              listener.onProgress(latest);
            } catch (Throwable e) { // an Error too: a listener cannot break the fleet
              failed("onProgress", e);
            }
          });
    }
  }

  private void submit(Runnable task) {
    if (thread == null) {
      return;
    }
    try {
      thread.execute(task);
    } catch (RejectedExecutionException e) {
      if (dropLogged.compareAndSet(false, true)) {
        log.warn(
            "FleetListener {} is too slow: {} events wait, later ones are dropped",
            listener.getClass().getName(),
            MAX_QUEUED);
      }
    }
  }

  private void failed(String method, Throwable e) {
    if (failureLogged.compareAndSet(false, true)) {
      log.warn(
          "FleetListener {} threw {} in {}; the fleet goes on, further failures are not logged",
          listener.getClass().getName(),
          e.toString(),
          method);
    } else {
      log.debug("FleetListener threw {} in {}", e.toString(), method);
    }
  }

  /**
   * Delivers what waits, for at most {@code timeout}; then drops the rest, so that the fleet's end
   * does not wait for a stuck listener.
   */
  void close(long timeout, TimeUnit unit) throws InterruptedException {
    if (thread == null) {
      return;
    }
    thread.shutdown();
    if (!thread.awaitTermination(timeout, unit)) {
      int dropped = thread.shutdownNow().size();
      log.warn(
          "FleetListener {} did not take the fleet's last {} events within {} ms; they are dropped",
          listener.getClass().getName(),
          dropped,
          unit.toMillis(timeout));
    }
  }
}
