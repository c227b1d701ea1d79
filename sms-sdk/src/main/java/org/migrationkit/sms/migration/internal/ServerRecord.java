package org.migrationkit.sms.migration.internal;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.migration.FleetItem;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.TaskState;

/**
 * One server of a running fleet. Touched only on the fleet's engine thread.
 *
 * <p>State: {@code outcome} PENDING until the server's turn, RUNNING from then until it ended.
 * While RUNNING, {@code taskName} set with {@code taskId} null means the fleet recorded its intent
 * to create the task and may have sent {@code CreateTask}: the task may exist.
 */
final class ServerRecord {
  final String id;
  final int wave;
  @Nullable String taskId;
  @Nullable String taskName;
  FleetItem.Outcome outcome;
  @Nullable TaskState state;
  @Nullable String error;
  @Nullable String requestId;
  @Nullable Instant startedAt;
  @Nullable Instant finishedAt;
  int restarts;

  /** Throttled answers in a row for the current step. */
  int throttles;

  /** The wait polling the task, while one runs. */
  @Nullable CompletableFuture<ShowTaskResponse> wait;

  /** Whether {@link #wait} was cancelled by the fleet's backoff, to go on once it is over. */
  boolean waitPaused;

  /** When the current wait gives up ({@link System#nanoTime()}); 0 before a wait began. */
  long waitDeadlineNanos;

  ServerRecord(FleetItem item, int wave) {
    this.id = item.sourceServerId();
    this.wave = wave;
    this.taskId = item.taskId();
    this.taskName = item.taskName();
    this.outcome = item.outcome();
    this.state = item.state();
    this.error = item.error();
    this.requestId = item.requestId();
    this.startedAt = item.startedAt();
    this.finishedAt = item.finishedAt();
    this.restarts = item.restarts();
  }

  boolean ended() {
    return outcome == FleetItem.Outcome.SUCCEEDED || outcome == FleetItem.Outcome.FAILED;
  }

  FleetItem toItem() {
    return FleetItem.builder(id)
        .taskId(taskId)
        .taskName(taskName)
        .outcome(outcome)
        .state(state)
        .error(error)
        .requestId(requestId)
        .startedAt(startedAt)
        .finishedAt(finishedAt)
        .restarts(restarts)
        .build();
  }
}
