package org.migrationkit.sms.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sms task}: one migration task. */
@Command(
    name = "task",
    mixinStandardHelpOptions = true,
    description = "One migration task: show it, or wait until it ends.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {TaskShowCommand.class, TaskWaitCommand.class})
final class TaskCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing a command: show or wait");
  }
}
