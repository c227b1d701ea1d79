package org.migrationkit.sms.migration;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.migration.internal.FleetEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fleet migration running in the background, from {@link FleetMigration#start()}.
 *
 * <pre>{@code
 * FleetRun run = fleet.start();
 * while (run.await(Duration.ofSeconds(30)) == null) {
 *   System.out.println(run.progress());
 * }
 * }</pre>
 *
 * <p>Thread-safe. The fleet's threads end when it does: after {@link #await()} returns, after
 * {@link #cancel()} and {@link #await()}, nothing of it runs.
 */
public final class FleetRun {
  private static final Logger log = LoggerFactory.getLogger(FleetRun.class);
  private static final Duration THREADS_END = Duration.ofSeconds(5);

  private final FleetEngine engine;
  private final SmsClient sms;
  private final int maxConcurrent;
  private final FleetListener listener;

  FleetRun(FleetEngine engine, SmsClient sms, int maxConcurrent, FleetListener listener) {
    this.engine = engine;
    this.sms = sms;
    this.maxConcurrent = maxConcurrent;
    this.listener = listener;
  }

  /** {@return the fleet's counts as they are now} */
  public FleetProgress progress() {
    return engine.progress();
  }

  /** {@return whether the fleet has ended: every server ended, or it was cancelled} */
  public boolean isDone() {
    return engine.done().isDone();
  }

  /**
   * Waits until every server has succeeded or failed (or the run was cancelled) and returns the
   * report.
   *
   * @return the report; after a cancel, servers not ended are {@code PENDING} or {@code RUNNING}
   * @throws InterruptedException when the waiting thread is interrupted (the fleet goes on)
   * @throws SmsClientException when the state file could not be written (the fleet stopped then)
   */
  public FleetReport await() throws InterruptedException {
    try {
      FleetReport report = engine.done().get();
      engine.awaitThreads(THREADS_END);
      return report;
    } catch (ExecutionException e) {
      engine.awaitThreads(THREADS_END);
      throw rethrown(e);
    }
  }

  /**
   * Waits at most {@code timeout} for the fleet to end.
   *
   * @param timeout how long to wait
   * @return the report, or {@code null} when the fleet has not ended within {@code timeout}
   * @throws InterruptedException when the waiting thread is interrupted (the fleet goes on)
   * @throws SmsClientException when the state file could not be written (the fleet stopped then)
   */
  public @Nullable FleetReport await(Duration timeout) throws InterruptedException {
    Objects.requireNonNull(timeout, "timeout");
    try {
      FleetReport report = engine.done().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      engine.awaitThreads(THREADS_END);
      return report;
    } catch (TimeoutException e) {
      return null;
    } catch (ExecutionException e) {
      engine.awaitThreads(THREADS_END);
      throw rethrown(e);
    }
  }

  private static RuntimeException rethrown(ExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException) {
      return (RuntimeException) cause;
    }
    return new SmsClientException("The fleet failed: " + cause, cause);
  }

  /**
   * Stops creating, starting and polling tasks; tasks on the service keep running there, and a run
   * resumed with the same state file goes on polling them. Returns at once; {@link #await()} then
   * returns the report. Idempotent.
   */
  public void cancel() {
    engine.cancel();
  }

  /**
   * Cancels the run ({@link #cancel()}), waits for it to end, then sends {@code stop} to every task
   * of this fleet that is still running, {@code maxConcurrent} at a time; each is told to the
   * listener as {@link FleetEvent.Kind#STOPPED} (on the calling thread).
   *
   * @return the ids of the tasks stop was sent to
   * @throws SmsClientException when some stops fail (how many, and the first failure), or when the
   *     calling thread is interrupted (its flag is set again)
   */
  public List<String> stopRunningTasks() {
    cancel();
    FleetReport report;
    try {
      report = await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SmsClientException("Stopping the fleet's tasks was interrupted", e);
    }
    return FleetEngine.stopRunning(
        sms,
        report,
        maxConcurrent,
        event -> {
          try {
            listener.onServerEvent(event);
          } catch (RuntimeException | Error e) { // as on the fleet's own listener thread
            log.warn("FleetListener threw {} in onServerEvent; stopping goes on", e.toString());
          }
        });
  }

  /** {@return how many throttled answers the fleet saw (each paused the whole fleet)} */
  public long throttledAnswers() {
    return engine.throttles();
  }

  @Override
  public String toString() {
    return "FleetRun{" + progress() + (isDone() ? ", done" : "") + "}";
  }
}
