package org.migrationkit.sms.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sms tasks}: the account's migration tasks. */
@Command(
    name = "tasks",
    mixinStandardHelpOptions = true,
    description = "The account's migration tasks.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = TasksListCommand.class)
final class TasksCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing a command: list");
  }
}
