package org.migrationkit.sms;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.internal.json.JsonValues;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.SubTask;

/**
 * A waited-for task reached a failure state ({@code MIGRATE_FAIL} or {@code ABORT} by default).
 * Carries the last response, the task's {@code error_json} and the failing sub-task's {@code
 * process_trace}.
 */
public class TaskFailedException extends SmsException {
  private static final long serialVersionUID = 1L;

  private final transient ShowTaskResponse lastResponse;

  /**
   * Creates the exception for the task as last polled.
   *
   * @param lastResponse the task as last polled
   */
  public TaskFailedException(ShowTaskResponse lastResponse) {
    super(message(lastResponse), null);
    this.lastResponse = Objects.requireNonNull(lastResponse, "lastResponse");
  }

  private static String message(ShowTaskResponse task) {
    StringBuilder s =
        new StringBuilder("Task ")
            .append(task.getId())
            .append(" ended in state ")
            .append(task.getState());
    SubTask failing = failingSubTask(task);
    if (failing != null) {
      s.append(" at sub-task ").append(failing.getName());
    }
    if (task.getErrorJson() != null && !task.getErrorJson().isEmpty()) {
      s.append(": ").append(task.getErrorJson());
    }
    return JsonValues.oneLine(s.toString());
  }

  private static @Nullable SubTask failingSubTask(ShowTaskResponse task) {
    SubTask candidate = null;
    for (SubTask s : task.getSubTasks()) {
      if (s.getStartDate() != null) {
        candidate = s;
        if (s.getEndDate() == null) {
          return s;
        }
      }
    }
    return candidate;
  }

  /** {@return the task as last polled} */
  public ShowTaskResponse getLastResponse() {
    return lastResponse;
  }

  /** {@return the task's {@code error_json}, or {@code null}} */
  public @Nullable String getErrorJson() {
    return lastResponse.getErrorJson();
  }

  /** {@return the failing sub-task (the one running when the task failed), or {@code null}} */
  public @Nullable SubTask getFailingSubTask() {
    return failingSubTask(lastResponse);
  }

  /** {@return the failing sub-task's {@code process_trace}, or {@code null}} */
  public @Nullable String getProcessTrace() {
    SubTask failing = getFailingSubTask();
    return failing == null ? null : failing.getProcessTrace();
  }
}
