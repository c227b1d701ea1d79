package org.migrationkit.sms;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.SubTask;
import org.migrationkit.sms.model.TaskState;

/**
 * A migration task's progress, derived from one poll.
 *
 * <p>How {@link #overallPercent()} is computed: the mean of the sub-tasks' {@code progress}, where
 * a sub-task with an {@code end_date} counts as 100 and one without a progress value as 0, rounded
 * down; 100 once the task is {@code MIGRATE_SUCCESS}; 0 while the task has no sub-tasks. The
 * current sub-task is the first one started and not ended, else the last one started.
 */
public final class TaskProgress {
  private final ShowTaskResponse task;
  private final @Nullable TaskState state;
  private final @Nullable TaskState previousState;
  private final int overallPercent;
  private final @Nullable String currentSubTask;
  private final @Nullable Integer currentSubTaskPercent;
  private final @Nullable Double migrateSpeed;
  private final @Nullable Duration remaining;

  private TaskProgress(ShowTaskResponse task, @Nullable TaskState previousState) {
    this.task = task;
    this.state = task.getState();
    this.previousState = previousState;
    SubTask current = currentSubTask(task.getSubTasks());
    this.overallPercent = overallPercent(task);
    this.currentSubTask = current == null ? null : current.getName();
    this.currentSubTaskPercent = current == null ? null : percentOf(current);
    this.migrateSpeed = task.getMigrateSpeed();
    this.remaining =
        task.getRemainSeconds() == null ? null : Duration.ofSeconds(task.getRemainSeconds());
  }

  /**
   * Derives the progress of {@code task}; {@code previousState} is the state of the poll before, if
   * any.
   *
   * @param task the task as just polled
   * @param previousState the state of the poll before, or {@code null} on the first poll
   * @return the progress
   */
  public static TaskProgress of(ShowTaskResponse task, @Nullable TaskState previousState) {
    return new TaskProgress(Objects.requireNonNull(task, "task"), previousState);
  }

  private static int overallPercent(ShowTaskResponse task) {
    if (TaskState.MIGRATE_SUCCESS.equals(task.getState())) {
      return 100;
    }
    List<SubTask> subTasks = task.getSubTasks();
    if (subTasks.isEmpty()) {
      return 0;
    }
    long sum = 0;
    for (SubTask s : subTasks) {
      sum += percentOf(s);
    }
    return (int) (sum / subTasks.size());
  }

  private static int percentOf(SubTask s) {
    if (s.getEndDate() != null) {
      return 100;
    }
    Integer p = s.getProgress();
    return p == null ? 0 : Math.max(0, Math.min(100, p));
  }

  private static @Nullable SubTask currentSubTask(List<SubTask> subTasks) {
    SubTask lastStarted = null;
    for (SubTask s : subTasks) {
      if (s.getStartDate() != null) {
        if (s.getEndDate() == null) {
          return s;
        }
        lastStarted = s;
      }
    }
    return lastStarted;
  }

  /** {@return the task as polled} */
  public ShowTaskResponse task() {
    return task;
  }

  /** {@return the task state, or {@code null} when the service sent none} */
  public @Nullable TaskState state() {
    return state;
  }

  /** {@return the state of the previous poll, or {@code null} on the first} */
  public @Nullable TaskState previousState() {
    return previousState;
  }

  /**
   * {@return whether the state differs from the previous poll's (always {@code true} on the first)}
   */
  public boolean stateChanged() {
    return previousState == null || !previousState.equals(state);
  }

  /** {@return the overall progress, 0 to 100; see the class comment for the rule} */
  public int overallPercent() {
    return overallPercent;
  }

  /** {@return the name of the sub-task running now (or last run), or {@code null}} */
  public @Nullable String currentSubTask() {
    return currentSubTask;
  }

  /** {@return the current sub-task's progress, 0 to 100, or {@code null}} */
  public @Nullable Integer currentSubTaskPercent() {
    return currentSubTaskPercent;
  }

  /** {@return the task's migration rate in MB/s, or {@code null}} */
  public @Nullable Double migrateSpeed() {
    return migrateSpeed;
  }

  /**
   * {@return the remaining time the service estimates ({@code remain_seconds}), or {@code null}}
   */
  public @Nullable Duration remaining() {
    return remaining;
  }

  /** Returns whether {@code other} reports the same progress (the task's other fields aside). */
  boolean sameProgressAs(@Nullable TaskProgress other) {
    return other != null
        && Objects.equals(state, other.state)
        && overallPercent == other.overallPercent
        && Objects.equals(currentSubTask, other.currentSubTask)
        && Objects.equals(currentSubTaskPercent, other.currentSubTaskPercent)
        && Objects.equals(migrateSpeed, other.migrateSpeed)
        && Objects.equals(remaining, other.remaining);
  }

  @Override
  public String toString() {
    return "TaskProgress{state="
        + state
        + ", overall="
        + overallPercent
        + "%"
        + (currentSubTask != null
            ? ", subTask=" + currentSubTask + " " + currentSubTaskPercent + "%"
            : "")
        + (migrateSpeed != null ? ", speed=" + migrateSpeed + " MB/s" : "")
        + (remaining != null ? ", remaining=" + remaining : "")
        + "}";
  }
}
