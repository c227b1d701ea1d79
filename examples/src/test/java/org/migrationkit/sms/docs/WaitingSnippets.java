package org.migrationkit.sms.docs;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.WaitOptions;
import org.migrationkit.sms.model.ShowTaskResponse;

/** The waiting and async guide's examples. */
final class WaitingSnippets {
  private WaitingSnippets() {}

  /** Run by DocSnippetsTest against the simulator. */
  static CompletableFuture<ShowTaskResponse> async(SmsClient sms, String taskId) {
    // [START async]
    CompletableFuture<ShowTaskResponse> task = sms.showTaskAsync(taskId);
    task.thenAccept(t -> System.out.println(t.getState()));
    // [END async]
    return task;
  }

  /** Compiled, not run: it waits for a real migration. */
  static ShowTaskResponse waitForTask(SmsClient sms, String taskId) {
    // [START wait-for-task]
    ShowTaskResponse done =
        sms.waitForTask(
            taskId,
            WaitOptions.builder()
                .pollInterval(Duration.ofSeconds(10))
                .maxWait(Duration.ofHours(12))
                .progressListener(
                    p ->
                        System.out.printf(
                            "%3d%% %s %s%n", p.overallPercent(), p.state(), p.currentSubTask()))
                .build());
    // [END wait-for-task]
    return done;
  }
}
