package org.migrationkit.sms;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link SmsClient#waitForTask} waits for: the options' success and failure predicates, with
 * the progress listener told of every change of progress.
 */
final class TaskGoal implements Poller.Goal<ShowTaskResponse> {
  private static final Logger log = LoggerFactory.getLogger(TaskGoal.class);

  private final String taskId;
  private final WaitOptions options;
  private final AtomicBoolean listenerFailureLogged = new AtomicBoolean();
  private @Nullable ShowTaskResponse previous;
  private @Nullable TaskProgress lastProgress;

  TaskGoal(String taskId, WaitOptions options) {
    this.taskId = taskId;
    this.options = options;
  }

  @Override
  public boolean reached(ShowTaskResponse task) {
    TaskProgress progress = TaskProgress.of(task, previous == null ? null : previous.getState());
    previous = task;
    if (!progress.sameProgressAs(lastProgress)) {
      lastProgress = progress;
      notifyProgress(progress);
    }
    if (options.failWhen().test(task)) {
      throw new TaskFailedException(task);
    }
    return options.successWhen().test(task);
  }

  @Override
  public RuntimeException timedOut(Duration maxWait, @Nullable ShowTaskResponse last) {
    return new WaitTimeoutException(taskId, maxWait, last);
  }

  private void notifyProgress(TaskProgress progress) {
    TaskProgressListener listener = options.progressListener();
    if (listener == null) {
      return;
    }
    try {
      listener.onProgress(progress);
    } catch (Throwable e) { // isolated, an Error too: a listener cannot stop the wait
      if (listenerFailureLogged.compareAndSet(false, true)) {
        log.debug("TaskProgressListener threw {}; further failures are not logged", e.toString());
      }
    }
  }
}
