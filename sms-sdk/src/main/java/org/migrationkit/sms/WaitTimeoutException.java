package org.migrationkit.sms;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.internal.Messages;
import org.migrationkit.sms.model.ShowTaskResponse;

/** A waited-for task did not reach a terminal state within {@link WaitOptions#maxWait()}. */
public class WaitTimeoutException extends SmsException {
  private static final long serialVersionUID = 1L;

  private final transient @Nullable ShowTaskResponse lastResponse;

  /**
   * Creates the exception; {@code lastResponse} is null when no poll succeeded.
   *
   * @param taskId the task waited for
   * @param maxWait the wait that ran out
   * @param lastResponse the task as last polled, or {@code null}
   */
  public WaitTimeoutException(
      String taskId, Duration maxWait, @Nullable ShowTaskResponse lastResponse) {
    super(
        "Task "
            + Messages.quote(taskId)
            + " did not finish within "
            + maxWait
            + (lastResponse != null
                ? "; last state " + lastResponse.getState()
                : "; no poll succeeded"),
        null);
    this.lastResponse = lastResponse;
  }

  /** A wait for something other than a task (a source server): the message says what it saw. */
  WaitTimeoutException(String message) {
    super(message, null);
    this.lastResponse = null;
  }

  /**
   * {@return the task as last polled, or {@code null} when no poll succeeded or the wait was for a
   * source server}
   */
  public @Nullable ShowTaskResponse getLastResponse() {
    return lastResponse;
  }
}
