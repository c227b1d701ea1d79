package org.migrationkit.sms.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.migration.FleetMigration;
import org.migrationkit.sms.migration.FleetState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sms fleet resume}: the fleet of a state file, rebuilt from the file alone. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = {
      "Goes on with the fleet of a state file after a crash or a stop: servers that ended stay",
      "as they were, running tasks are polled, and a server whose CreateTask answer was lost",
      "gets its existing task adopted, never a second one. The settings of 'fleet run' come",
      "from the file.",
      "Example: sms fleet resume --state fleet.json --report report.json"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every server succeeded",
      "1:one or more servers failed",
      "3:usage error, or a missing, corrupt or foreign state file (left as it is)",
      "4:the service refused a call for the whole fleet",
    })
final class FleetResumeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--state",
      paramLabel = "FILE",
      required = true,
      description = "The state file 'fleet run' wrote.")
  Path state;

  @Mixin FleetRunOptions run;

  @Override
  public Integer call() {
    SmsCli root = SmsCli.of(spec);
    Path reportFile = run.reportFile();
    int maxConcurrent = run.maxConcurrent();
    FleetState saved = FleetStatusCommand.read(state);
    FleetSettings settings = FleetSettings.fromAttributes(saved.attributes(), state.toString());
    try (SmsClient sms = root.client()) {
      FleetMigration.Builder fleet =
          FleetMigration.builder(sms)
              .taskRequest(settings.taskRequest())
              .waitOptions(settings.waitOptions())
              .maxConcurrent(maxConcurrent)
              .maxRestarts(settings.maxRestarts())
              .stateFile(state)
              .listener(new FleetLines(spec.commandLine().getOut(), root.verbose()));
      if (saved.waves().size() > 1) {
        fleet.waves(saved.waves());
      } else {
        fleet.servers(saved.servers());
      }
      return FleetExecution.run(fleet.build(), state, reportFile, spec);
    }
  }
}
