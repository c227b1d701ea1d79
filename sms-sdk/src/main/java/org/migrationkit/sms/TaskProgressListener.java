package org.migrationkit.sms;

/**
 * Told about a task while {@link SmsClient#waitForTask} polls it. Called on the thread that ran the
 * poll; keep it quick. An exception it throws is ignored (logged once at DEBUG).
 */
@FunctionalInterface
public interface TaskProgressListener {
  /**
   * The task's progress changed (state, percentages, speed or remaining time); not called
   * otherwise.
   *
   * @param progress the progress derived from the latest poll
   */
  void onProgress(TaskProgress progress);

  /**
   * A poll failed with a retryable error (after the client's own retries) and polling goes on.
   *
   * @param consecutiveFailures how many polls in a row have failed, from 1
   * @param failure the failure, after the client's own retries
   */
  default void onPollFailed(SmsException failure, int consecutiveFailures) {}
}
