package org.migrationkit.sms.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The request of "Querying Details About a Migration Task" ({@code GET /v3/tasks/{task_id}}).
 *
 * <pre>{@code
 * ShowTaskResponse task = sms.showTask(ShowTaskRequest.builder().taskId(id).build());
 * }</pre>
 *
 * <p>{@link Builder#build()} checks the task id, so a bad one fails before any network I/O.
 */
public final class ShowTaskRequest {
  /** The longest task id the API accepts. */
  public static final int MAX_TASK_ID_LENGTH = 255;

  private final String taskId;

  private ShowTaskRequest(Builder builder) {
    this.taskId = checkTaskId(builder.taskId);
  }

  /**
   * {@return a request for the given task id; shorthand for the builder}
   *
   * @param taskId the migration task id
   */
  public static ShowTaskRequest of(String taskId) {
    return builder().taskId(taskId).build();
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this request's values} */
  public Builder toBuilder() {
    return new Builder().taskId(taskId);
  }

  /** {@return the migration task id (path parameter {@code task_id})} */
  public String getTaskId() {
    return taskId;
  }

  private static String checkTaskId(@Nullable String taskId) {
    if (taskId == null) {
      throw new IllegalArgumentException("taskId must not be null");
    }
    if (taskId.isBlank()) {
      throw new IllegalArgumentException("taskId must not be blank");
    }
    if (taskId.length() > MAX_TASK_ID_LENGTH) {
      throw new IllegalArgumentException(
          "taskId must be at most " + MAX_TASK_ID_LENGTH + " characters, was " + taskId.length());
    }
    for (int i = 0; i < taskId.length(); i++) {
      char c = taskId.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < taskId.length()
          && Character.isLowSurrogate(taskId.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        // it has no UTF-8 form: encoding would turn it into '?', another task's id
        throw new IllegalArgumentException("taskId has an unpaired surrogate at index " + i);
      }
    }
    if (taskId.equals(".") || taskId.equals("..")) {
      // HTTP stacks resolve these as dot segments, which would address another resource.
      throw new IllegalArgumentException("taskId must not be '.' or '..'");
    }
    return taskId;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ShowTaskRequest && ((ShowTaskRequest) o).taskId.equals(taskId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(taskId);
  }

  @Override
  public String toString() {
    return "ShowTaskRequest{taskId=" + taskId + "}";
  }

  /** Builds {@link ShowTaskRequest}s; not thread-safe. */
  public static final class Builder {
    private @Nullable String taskId;

    private Builder() {}

    /**
     * Sets the migration task id, which the request requires: 1 to 255 characters, any of them; it
     * is sent as one path segment.
     *
     * @param taskId the migration task id; required: {@link #build()} fails while it is null
     * @return this builder
     */
    public Builder taskId(@Nullable String taskId) {
      this.taskId = taskId;
      return this;
    }

    /**
     * {@return the request}
     *
     * @throws IllegalArgumentException when the task id is null, blank, longer than 255 characters,
     *     or a dot segment
     */
    public ShowTaskRequest build() {
      return new ShowTaskRequest(this);
    }
  }
}
