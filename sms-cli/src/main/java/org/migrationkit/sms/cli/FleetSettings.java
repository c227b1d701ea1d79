package org.migrationkit.sms.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.WaitOptions;
import org.migrationkit.sms.migration.FleetMigration;
import org.migrationkit.sms.migration.TaskRequests;
import org.migrationkit.sms.model.CreateTaskRequest;
import org.migrationkit.sms.model.ShowServerResponse;

/**
 * What {@code fleet run} needs to build each server's task and to wait for it, saved in the state
 * file as {@link FleetMigration.Builder#attribute attributes} so that {@code fleet resume} rebuilds
 * the same fleet from the file alone.
 *
 * @param regionId the target region id
 * @param projectId the target region's project id
 * @param templateId the template for servers without a target, or {@code null}
 * @param targets source server id to {@code "targetServerId,migrationIp"}, for those that have an
 *     existing target
 * @param timeout how long one task may take
 * @param poll how often each task is polled
 * @param maxRestarts how often a failed task is started again
 */
record FleetSettings(
    String regionId,
    String projectId,
    @Nullable String templateId,
    Map<String, String> targets,
    Duration timeout,
    Duration poll,
    int maxRestarts) {
  private static final String PREFIX = "sms-cli.";
  private static final String TARGET_PREFIX = PREFIX + "target.";

  FleetSettings {
    targets = Map.copyOf(targets);
  }

  /** {@return the settings as state file attributes} */
  Map<String, String> toAttributes() {
    Map<String, String> a = new LinkedHashMap<>();
    a.put(PREFIX + "region-id", regionId);
    a.put(PREFIX + "project-id", projectId);
    if (templateId != null) {
      a.put(PREFIX + "template-id", templateId);
    }
    a.put(PREFIX + "timeout", DurationConverter.format(timeout));
    a.put(PREFIX + "poll", DurationConverter.format(poll));
    a.put(PREFIX + "max-restarts", Integer.toString(maxRestarts));
    targets.forEach((source, target) -> a.put(TARGET_PREFIX + source, target));
    return a;
  }

  /**
   * {@return the settings a state file's attributes hold}
   *
   * @throws UsageException when the file was not written by {@code sms fleet run}
   */
  static FleetSettings fromAttributes(Map<String, String> a, String stateFile) {
    String regionId = a.get(PREFIX + "region-id");
    String projectId = a.get(PREFIX + "project-id");
    if (regionId == null || projectId == null) {
      throw new UsageException(
          "state file " + stateFile + " was not written by 'sms fleet run': no sms-cli settings");
    }
    Map<String, String> targets = new LinkedHashMap<>();
    a.forEach(
        (k, v) -> {
          if (k.startsWith(TARGET_PREFIX)) {
            targets.put(k.substring(TARGET_PREFIX.length()), v);
          }
        });
    try {
      return new FleetSettings(
          regionId,
          projectId,
          a.get(PREFIX + "template-id"),
          targets,
          DurationConverter.parse(a.getOrDefault(PREFIX + "timeout", "24h")),
          DurationConverter.parse(a.getOrDefault(PREFIX + "poll", "30s")),
          Integer.parseInt(a.getOrDefault(PREFIX + "max-restarts", "0")));
    } catch (RuntimeException e) {
      throw new UsageException(
          "state file " + stateFile + " holds unreadable sms-cli settings: " + e.getMessage(), e);
    }
  }

  /** {@return each server's CreateTask request: onto its target server, else from the template} */
  Function<ShowServerResponse, CreateTaskRequest> taskRequest() {
    return server -> {
      TaskRequests.Builder request =
          TaskRequests.forServer(server).regionId(regionId).projectId(projectId);
      String target = server.getId() == null ? null : targets.get(server.getId());
      if (target != null && !target.isEmpty()) {
        int comma = target.indexOf(',');
        request.targetServerId(target.substring(0, comma)).migrationIp(target.substring(comma + 1));
      } else if (templateId != null) {
        request.templateId(templateId);
      }
      return request.build();
    };
  }

  WaitOptions waitOptions() {
    return WaitOptions.builder().pollInterval(poll).maxPollInterval(poll).maxWait(timeout).build();
  }
}
