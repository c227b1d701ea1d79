package org.migrationkit.sms.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.migration.FleetMigration;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sms fleet run}: one task per server, at most N at a time, saved to a state file. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Migrates every listed server (or --all): builds each task from the server's proposed",
      "target, creates and starts it, and waits, at most --max-concurrent at a time. Each step",
      "is saved in --state; after a crash, 'sms fleet resume --state FILE' goes on without",
      "creating a second task for any server. The flags are saved there too.",
      "Servers file: one 'sourceServerId' (a new target from --template-id) or",
      "'sourceServerId,targetServerId,migrationIp' (an existing ECS and the IP the agent",
      "reaches it at) per line; # starts a comment.",
      "Example: sms fleet run --servers servers.txt --state fleet.json --project-id 0a1b...",
      "  --template-id 7c2d... --max-concurrent 50 --report report.csv"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every server succeeded",
      "1:one or more servers failed (each is named on standard error and in the report)",
      "3:usage or configuration error, or a state file of another fleet",
      "4:the service refused a call for the whole fleet (e.g. listing servers)",
    })
final class FleetRunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  static final class Selection {
    @Option(
        names = "--servers",
        paramLabel = "FILE",
        required = true,
        description = "The servers: sourceServerId[,targetServerId,migrationIp] per line.")
    @Nullable Path servers;

    @Option(
        names = "--all",
        required = true,
        description = "Every source server the account has registered.")
    boolean all;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Selection selection;

  @Option(
      names = "--state",
      paramLabel = "FILE",
      required = true,
      description = "The fleet's state file, created when missing; give it to resume.")
  Path state;

  @Mixin FleetRunOptions run;

  @Option(
      names = "--region-id",
      paramLabel = "ID",
      description = "The target region of the tasks; default: --region or HUAWEICLOUD_SDK_REGION.")
  @Nullable String regionId;

  @Option(
      names = "--project-id",
      paramLabel = "ID",
      required = true,
      description = "The target region's project id (console: My Credentials > API Credentials).")
  String projectId;

  @Option(
      names = "--template-id",
      paramLabel = "ID",
      description = "Template for the new target server of every server without a target.")
  @Nullable String templateId;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "24h",
      description = "Longest one migration may take (default ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--poll",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "30s",
      description = "Poll each task this often (default ${DEFAULT-VALUE}).")
  Duration poll;

  @Option(
      names = "--max-restarts",
      paramLabel = "N",
      defaultValue = "0",
      description = "Start a failed task again up to N times (default ${DEFAULT-VALUE}).")
  int maxRestarts;

  @Override
  public Integer call() {
    SmsCli root = SmsCli.of(spec);
    Path reportFile = run.reportFile();
    int maxConcurrent = run.maxConcurrent();
    if (maxRestarts < 0) {
      throw new UsageException("--max-restarts must not be negative, was " + maxRestarts);
    }
    Map<String, String> servers =
        selection.servers != null ? ServersFile.read(selection.servers) : Map.of();
    List<String> withoutTarget = new ArrayList<>();
    servers.forEach(
        (source, target) -> {
          if (target.isEmpty()) {
            withoutTarget.add(source);
          }
        });
    if (templateId == null && (selection.all || !withoutTarget.isEmpty())) {
      throw new UsageException(
          "--template-id is needed for servers without a target server"
              + (selection.all ? " (--all)" : ": " + String.join(", ", first(withoutTarget))));
    }
    String region = regionId != null ? regionId : root.taskRegion();
    Map<String, String> targets = new java.util.LinkedHashMap<>(servers);
    targets.values().removeIf(String::isEmpty);
    FleetSettings settings =
        new FleetSettings(region, projectId, templateId, targets, timeout, poll, maxRestarts);
    try (SmsClient sms = root.client()) {
      FleetMigration.Builder fleet =
          FleetMigration.builder(sms)
              .taskRequest(settings.taskRequest())
              .waitOptions(settings.waitOptions())
              .maxConcurrent(maxConcurrent)
              .maxRestarts(maxRestarts)
              .stateFile(state)
              .listener(new FleetLines(spec.commandLine().getOut(), root.verbose()));
      settings.toAttributes().forEach(fleet::attribute);
      if (selection.all) {
        fleet.allServers();
      } else {
        fleet.servers(List.copyOf(servers.keySet()));
      }
      return FleetExecution.run(fleet.build(), state, reportFile, spec);
    }
  }

  private static List<String> first(List<String> ids) {
    return ids.size() <= 5 ? ids : List.of(String.join(", ", ids.subList(0, 5)) + " ...");
  }
}
