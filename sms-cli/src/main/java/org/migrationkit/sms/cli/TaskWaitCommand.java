package org.migrationkit.sms.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.TaskFailedException;
import org.migrationkit.sms.WaitOptions;
import org.migrationkit.sms.WaitTimeoutException;
import org.migrationkit.sms.model.ShowTaskResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sms task wait ID}: polls until the task ends; the exit code says how. */
@Command(
    name = "wait",
    mixinStandardHelpOptions = true,
    description = {
      "Polls a task until it ends, printing its progress: one line that rewrites itself on a",
      "terminal, one line per change otherwise. Success is MIGRATE_SUCCESS or",
      "SYNC_F_ROLLBACK_SUCCESS; MIGRATE_FAIL and ABORT are failures, printed with the task's",
      "error and the failing sub-task's trace.",
      "Example: sms task wait 3c5e1c9a-... --timeout 6h --poll 30s && echo migrated"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the task succeeded",
      "1:the task failed (MIGRATE_FAIL, ABORT)",
      "2:--timeout passed before it ended",
      "3:usage or configuration error",
      "4:the service refused a call (e.g. unknown task) or could not be reached",
    })
final class TaskWaitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "The task id.")
  String taskId;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "24h",
      description = "Give up after this long, e.g. 30m, 6h, 1h30m (default ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--poll",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "10s",
      description = "Poll the task this often (default ${DEFAULT-VALUE}).")
  Duration poll;

  @Override
  public Integer call() {
    SmsCli root = SmsCli.of(spec);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ProgressLine progress = new ProgressLine(out, root.environment().terminal());
    WaitOptions options =
        WaitOptions.builder()
            .pollInterval(poll)
            .maxPollInterval(poll)
            .maxWait(timeout)
            .progressListener(progress)
            .build();
    try (SmsClient sms = root.client()) {
      ShowTaskResponse done = sms.waitForTask(taskId, options);
      progress.finish();
      out.println("Task " + taskId + " succeeded: " + done.getState());
      out.flush();
      return ExitCodes.OK;
    } catch (TaskFailedException e) {
      progress.finish();
      String trace = e.getProcessTrace();
      err.println(
          "sms: "
              + Failures.oneLine(e.getMessage())
              + (trace == null || trace.isBlank() ? "" : "; trace: " + Failures.oneLine(trace)));
      err.flush();
      return ExitCodes.FAILED;
    } catch (WaitTimeoutException e) {
      progress.finish();
      ShowTaskResponse last = e.getLastResponse();
      err.println(
          "sms: task "
              + taskId
              + " did not end within "
              + DurationConverter.format(timeout)
              + (last != null ? "; last state " + last.getState() : "; no poll succeeded"));
      err.flush();
      return ExitCodes.TIMED_OUT;
    } catch (RuntimeException e) {
      progress.finish();
      throw e;
    }
  }
}
