package org.migrationkit.sms.migration;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.model.TaskState;

/**
 * What happened to one server of a fleet: its task, how it ended, and why it failed. Immutable.
 *
 * <pre>{@code
 * for (FleetItem item : report.failed()) {
 *   System.out.println(item.sourceServerId() + " " + item.error() + " (request id " + item.requestId() + ")");
 * }
 * }</pre>
 */
public final class FleetItem {
  /** Where a server's migration stands. */
  public enum Outcome {
    /** Not begun: no task was created for the server (yet). */
    PENDING,
    /**
     * Begun and not ended: the server has (or is getting) a task. After {@link FleetRun#cancel()}
     * the task may still run on the service; resuming with the state file goes on polling it.
     */
    RUNNING,
    /** The task succeeded. */
    SUCCEEDED,
    /** The task failed, or a call for the server was refused or timed out. */
    FAILED
  }

  private final String sourceServerId;
  private final @Nullable String taskId;
  private final @Nullable String taskName;
  private final Outcome outcome;
  private final @Nullable TaskState state;
  private final @Nullable String error;
  private final @Nullable String requestId;
  private final @Nullable Instant startedAt;
  private final @Nullable Instant finishedAt;
  private final int restarts;

  private FleetItem(Builder b) {
    this.sourceServerId = b.sourceServerId;
    this.taskId = b.taskId;
    this.taskName = b.taskName;
    this.outcome = b.outcome;
    this.state = b.state;
    this.error = b.error;
    this.requestId = b.requestId;
    this.startedAt = b.startedAt;
    this.finishedAt = b.finishedAt;
    this.restarts = b.restarts;
  }

  /**
   * Returns a builder of the item of one server, {@link Outcome#PENDING} until set otherwise; the
   * fleet uses it, tests of report consumers may too.
   *
   * @param sourceServerId the source server's id
   * @return the builder
   */
  public static Builder builder(String sourceServerId) {
    return new Builder(Objects.requireNonNull(sourceServerId, "sourceServerId"));
  }

  /** {@return a builder holding this item's values} */
  public Builder toBuilder() {
    Builder b = new Builder(sourceServerId);
    b.taskId = taskId;
    b.taskName = taskName;
    b.outcome = outcome;
    b.state = state;
    b.error = error;
    b.requestId = requestId;
    b.startedAt = startedAt;
    b.finishedAt = finishedAt;
    b.restarts = restarts;
    return b;
  }

  /** {@return the source server's id} */
  public String sourceServerId() {
    return sourceServerId;
  }

  /** {@return the server's task, or {@code null} when none was created} */
  public @Nullable String taskId() {
    return taskId;
  }

  /**
   * {@return the task's name, as the fleet sent it in {@code CreateTask} (or found it), or {@code
   * null} before the fleet got that far}
   */
  public @Nullable String taskName() {
    return taskName;
  }

  /** {@return where the server's migration stands} */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * {@return the task's state as last seen (its final state once the migration ended), or {@code
   * null} when the fleet saw none}
   */
  public @Nullable TaskState state() {
    return state;
  }

  /**
   * {@return why the server failed, on one line: the service's error code and message, the task's
   * {@code error_json} and the failing sub-task's {@code process_trace}, or the timeout; {@code
   * null} when it did not fail}
   */
  public @Nullable String error() {
    return error;
  }

  /** {@return the request id of the refused call that failed the server, or {@code null}} */
  public @Nullable String requestId() {
    return requestId;
  }

  /** {@return when the fleet began the server's migration, or {@code null} before} */
  public @Nullable Instant startedAt() {
    return startedAt;
  }

  /** {@return when the server's migration ended, or {@code null} while it has not} */
  public @Nullable Instant finishedAt() {
    return finishedAt;
  }

  /** {@return how many times the failed task was started again with {@code restart}} */
  public int restarts() {
    return restarts;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof FleetItem)) {
      return false;
    }
    FleetItem i = (FleetItem) o;
    return sourceServerId.equals(i.sourceServerId)
        && Objects.equals(taskId, i.taskId)
        && Objects.equals(taskName, i.taskName)
        && outcome == i.outcome
        && Objects.equals(state, i.state)
        && Objects.equals(error, i.error)
        && Objects.equals(requestId, i.requestId)
        && Objects.equals(startedAt, i.startedAt)
        && Objects.equals(finishedAt, i.finishedAt)
        && restarts == i.restarts;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        sourceServerId,
        taskId,
        taskName,
        outcome,
        state,
        error,
        requestId,
        startedAt,
        finishedAt,
        restarts);
  }

  @Override
  public String toString() {
    return "FleetItem{"
        + sourceServerId
        + ", "
        + outcome
        + (taskId != null ? ", task=" + taskId : "")
        + (state != null ? ", state=" + state : "")
        + (restarts > 0 ? ", restarts=" + restarts : "")
        + (error != null ? ", error=" + error : "")
        + (requestId != null ? ", requestId=" + requestId : "")
        + "}";
  }

  /** Builds a {@link FleetItem}; not thread-safe. */
  public static final class Builder {
    private final String sourceServerId;
    private @Nullable String taskId;
    private @Nullable String taskName;
    private Outcome outcome = Outcome.PENDING;
    private @Nullable TaskState state;
    private @Nullable String error;
    private @Nullable String requestId;
    private @Nullable Instant startedAt;
    private @Nullable Instant finishedAt;
    private int restarts;

    private Builder(String sourceServerId) {
      this.sourceServerId = sourceServerId;
    }

    /**
     * Sets the task's id.
     *
     * @param taskId the id, or {@code null}
     * @return this builder
     */
    public Builder taskId(@Nullable String taskId) {
      this.taskId = taskId;
      return this;
    }

    /**
     * Sets the task's name.
     *
     * @param taskName the name, or {@code null}
     * @return this builder
     */
    public Builder taskName(@Nullable String taskName) {
      this.taskName = taskName;
      return this;
    }

    /**
     * Sets where the migration stands; default {@link Outcome#PENDING}.
     *
     * @param outcome the outcome
     * @return this builder
     */
    public Builder outcome(Outcome outcome) {
      this.outcome = Objects.requireNonNull(outcome, "outcome");
      return this;
    }

    /**
     * Sets the task's state as last seen.
     *
     * @param state the state, or {@code null}
     * @return this builder
     */
    public Builder state(@Nullable TaskState state) {
      this.state = state;
      return this;
    }

    /**
     * Sets why the server failed.
     *
     * @param error one line, or {@code null}
     * @return this builder
     */
    public Builder error(@Nullable String error) {
      this.error = error;
      return this;
    }

    /**
     * Sets the request id of the refused call.
     *
     * @param requestId the id, or {@code null}
     * @return this builder
     */
    public Builder requestId(@Nullable String requestId) {
      this.requestId = requestId;
      return this;
    }

    /**
     * Sets when the migration began.
     *
     * @param startedAt the time, or {@code null}
     * @return this builder
     */
    public Builder startedAt(@Nullable Instant startedAt) {
      this.startedAt = startedAt;
      return this;
    }

    /**
     * Sets when the migration ended.
     *
     * @param finishedAt the time, or {@code null}
     * @return this builder
     */
    public Builder finishedAt(@Nullable Instant finishedAt) {
      this.finishedAt = finishedAt;
      return this;
    }

    /**
     * Sets how many times the task was restarted.
     *
     * @param restarts zero or more
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder restarts(int restarts) {
      if (restarts < 0) {
        throw new IllegalArgumentException("restarts must not be negative, was " + restarts);
      }
      this.restarts = restarts;
      return this;
    }

    /** {@return the item} */
    public FleetItem build() {
      return new FleetItem(this);
    }
  }
}
