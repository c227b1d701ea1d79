package org.migrationkit.sms.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.migration.FleetItem;
import org.migrationkit.sms.migration.FleetMigration;
import org.migrationkit.sms.migration.FleetReport;
import org.migrationkit.sms.migration.FleetState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sms fleet status}: what a state file says, without calling the service. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Shows each server of a fleet as its state file last saved it (no call to the service):",
      "outcome, task, state, restarts and error.",
      "Example: sms fleet status --state fleet.json --output json"
    })
final class FleetStatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--state",
      paramLabel = "FILE",
      required = true,
      description = "The state file 'fleet run' wrote.")
  Path state;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "table (default), or json: the report as 'fleet run --report x.json' writes.")
  OutputFormat output = OutputFormat.TABLE;

  @Override
  public Integer call() {
    FleetReport report = read(state).report();
    PrintWriter out = spec.commandLine().getOut();
    if (output == OutputFormat.JSON) {
      out.println(report.toJson());
    } else {
      TextTable table = new TextTable("SERVER", "OUTCOME", "TASK", "STATE", "RESTARTS", "ERROR");
      for (FleetItem item : report.items()) {
        table.row(
            item.sourceServerId(),
            item.outcome(),
            item.taskId(),
            item.state(),
            item.restarts(),
            item.error());
      }
      table.print(out);
      out.println(FleetLines.counts(report.progress()));
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** {@return the state file's content; a missing, corrupt or foreign one is a usage error} */
  static FleetState read(Path stateFile) {
    try {
      return FleetMigration.readState(stateFile);
    } catch (SmsClientException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }
}
