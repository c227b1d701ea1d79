package org.migrationkit.sms.migration;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.model.TaskState;

/**
 * One thing that happened to one server's migration, as told to {@link
 * FleetListener#onServerEvent}. Immutable.
 */
public final class FleetEvent {
  /** What happened. */
  public enum Kind {
    /** A task that existed already for the server (from a run before) was taken over. */
    ADOPTED,
    /** The server's task was created. */
    CREATED,
    /** The server's task was started. */
    STARTED,
    /** The task's progress changed (state, percentages, speed). */
    PROGRESS,
    /** The task succeeded. */
    SUCCEEDED,
    /** The task failed, or a call for the server was refused or timed out; the message says why. */
    FAILED,
    /** A failed task was started again with {@code restart}. */
    RESTARTED,
    /** The service throttled a call for the server; the whole fleet pauses. */
    THROTTLED,
    /** {@code stop} was sent to the server's running task. */
    STOPPED
  }

  private final String sourceServerId;
  private final @Nullable String taskId;
  private final Kind kind;
  private final @Nullable TaskState state;
  private final String message;

  /**
   * Creates an event; the fleet does this, tests of listeners may too.
   *
   * @param sourceServerId the source server
   * @param taskId its task, or {@code null} when it has none yet
   * @param kind what happened
   * @param state the task's state when known, or {@code null}
   * @param message what happened, on one line (empty when there is nothing to add)
   */
  public FleetEvent(
      String sourceServerId,
      @Nullable String taskId,
      Kind kind,
      @Nullable TaskState state,
      String message) {
    this.sourceServerId = Objects.requireNonNull(sourceServerId, "sourceServerId");
    this.taskId = taskId;
    this.kind = Objects.requireNonNull(kind, "kind");
    this.state = state;
    this.message = Objects.requireNonNull(message, "message");
  }

  /** {@return the source server's id} */
  public String sourceServerId() {
    return sourceServerId;
  }

  /** {@return the task's id, or {@code null} before it has one} */
  public @Nullable String taskId() {
    return taskId;
  }

  /** {@return what happened} */
  public Kind kind() {
    return kind;
  }

  /** {@return the task's state when known, or {@code null}} */
  public @Nullable TaskState state() {
    return state;
  }

  /** {@return what happened, on one line; empty when there is nothing to add} */
  public String message() {
    return message;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof FleetEvent)) {
      return false;
    }
    FleetEvent e = (FleetEvent) o;
    return sourceServerId.equals(e.sourceServerId)
        && Objects.equals(taskId, e.taskId)
        && kind == e.kind
        && Objects.equals(state, e.state)
        && message.equals(e.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sourceServerId, taskId, kind, state, message);
  }

  @Override
  public String toString() {
    return kind
        + " "
        + sourceServerId
        + (taskId != null ? " task " + taskId : "")
        + (state != null ? " " + state : "")
        + (message.isEmpty() ? "" : ": " + message);
  }
}
