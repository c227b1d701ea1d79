package org.migrationkit.sms.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sms fleet}: migrate many servers at once, resumable from a state file. */
@Command(
    name = "fleet",
    mixinStandardHelpOptions = true,
    description = "Migrates many servers at once: run, status and resume from a state file.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {FleetRunCommand.class, FleetStatusCommand.class, FleetResumeCommand.class})
final class FleetCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing a command: run, status or resume");
  }
}
