package org.migrationkit.sms.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.model.ListTasksRequest;
import org.migrationkit.sms.model.SourceServerAssociatedWithTask;
import org.migrationkit.sms.model.TaskState;
import org.migrationkit.sms.model.TasksResponseBody;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sms tasks list}: one line per task, oldest first, fetched page by page. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "Lists migration tasks, oldest first: the first --limit (default 50), or --all.",
      "Example: sms tasks list --state MIGRATE_FAIL --output json"
    })
final class TasksListCommand implements Callable<Integer> {
  static final int DEFAULT_LIMIT = 50;
  private static final int PAGE = 100;

  @Spec CommandSpec spec;

  @Option(
      names = "--state",
      paramLabel = "STATE",
      converter = TaskStates.class,
      completionCandidates = TaskStates.class,
      description = "Only tasks in this state: ${COMPLETION-CANDIDATES}.")
  @Nullable TaskState state;

  @Option(
      names = "--name",
      paramLabel = "TEXT",
      description = "Only tasks whose name contains this text.")
  @Nullable String name;

  @Option(
      names = "--source-server",
      paramLabel = "ID",
      description = "Only the task of this source server.")
  @Nullable String sourceServer;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Print at most N tasks (default " + DEFAULT_LIMIT + ").")
  @Nullable Integer limit;

  @Option(names = "--all", description = "Print every task, fetching as many pages as it takes.")
  boolean all;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "table (default) or json: an array of the service's task objects.")
  OutputFormat output = OutputFormat.TABLE;

  @Override
  public Integer call() {
    if (all && limit != null) {
      throw new ParameterException(spec.commandLine(), "--all conflicts with --limit: give one");
    }
    if (limit != null && limit < 1) {
      throw new ParameterException(spec.commandLine(), "--limit must be at least 1, was " + limit);
    }
    int max = all ? Integer.MAX_VALUE : limit != null ? limit : DEFAULT_LIMIT;
    ListTasksRequest request =
        ListTasksRequest.builder()
            .state(state)
            .name(name)
            .sourceServerId(sourceServer)
            .limit(Math.min(PAGE, all ? PAGE : max + 1))
            .build();
    List<TasksResponseBody> tasks;
    try (SmsClient sms = SmsCli.of(spec).client()) {
      // one more than asked for tells whether the list was cut
      tasks =
          sms.listTasksPaginator(request).stream()
              .limit(all ? Long.MAX_VALUE : (long) max + 1)
              .collect(Collectors.toList());
    }
    boolean cut = tasks.size() > max;
    if (cut) {
      tasks = tasks.subList(0, max);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (output == OutputFormat.JSON) {
      out.println(
          tasks.stream().map(TasksResponseBody::toJson).collect(Collectors.joining(",", "[", "]")));
    } else {
      TextTable table = new TextTable("ID", "NAME", "STATE", "TYPE", "SOURCE SERVER", "CREATED");
      for (TasksResponseBody t : tasks) {
        table.row(t.getId(), t.getName(), t.getState(), t.getType(), source(t), t.getCreateDate());
      }
      table.print(out);
    }
    out.flush();
    if (cut) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("sms: more than " + max + " tasks match; give --all or a larger --limit");
      err.flush();
    }
    return ExitCodes.OK;
  }

  private static @Nullable String source(TasksResponseBody task) {
    SourceServerAssociatedWithTask s = task.getSourceServer();
    if (s == null) {
      return null;
    }
    return s.getName() != null ? s.getName() + " (" + s.getId() + ")" : s.getId();
  }
}
