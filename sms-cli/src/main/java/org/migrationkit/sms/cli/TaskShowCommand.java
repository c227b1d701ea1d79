package org.migrationkit.sms.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.model.ShowTaskResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sms task show ID}: a readable summary of one task, or its JSON. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Shows one task: state, progress, source and target, dates, error and sub-tasks.",
      "Example: sms task show 3c5e1c9a-... --output json"
    })
final class TaskShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "The task id.")
  String taskId;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "table (default): a summary; json: the service's ShowTask answer.")
  OutputFormat output = OutputFormat.TABLE;

  @Override
  public Integer call() {
    ShowTaskResponse task;
    try (SmsClient sms = SmsCli.of(spec).client()) {
      task = sms.showTask(taskId);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (output == OutputFormat.JSON) {
      out.println(task.toJson());
    } else {
      TaskSummary.print(task, out);
    }
    out.flush();
    return ExitCodes.OK;
  }
}
