package org.migrationkit.sms.docs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.WaitOptions;
import org.migrationkit.sms.migration.FleetEvent;
import org.migrationkit.sms.migration.FleetItem;
import org.migrationkit.sms.migration.FleetListener;
import org.migrationkit.sms.migration.FleetMigration;
import org.migrationkit.sms.migration.FleetProgress;
import org.migrationkit.sms.migration.FleetReport;
import org.migrationkit.sms.migration.FleetRun;
import org.migrationkit.sms.migration.FleetState;
import org.migrationkit.sms.migration.TaskRequests;
import org.migrationkit.sms.model.CreateTaskRequest;
import org.migrationkit.sms.model.ShowServerRequest;
import org.migrationkit.sms.model.ShowServerResponse;

/** The code of src/site/markdown/migrations.md; compiled with the examples, so it cannot drift. */
@SuppressWarnings("unused")
final class MigrationSnippets {
  private MigrationSnippets() {}

  static String oneServer(SmsClient sms, String sourceId, String projectId, String templateId) {
    // [START one-server]
    ShowServerResponse server =
        sms.showServer(ShowServerRequest.builder().sourceId(sourceId).build());
    CreateTaskRequest request =
        TaskRequests.forServer(server)
            .regionId("ap-southeast-1") // the region the server moves to
            .projectId(projectId) // that region's IAM project id
            .templateId(templateId) // or .targetServerId(ecsId).migrationIp(eip)
            .build();
    String taskId = sms.createTask(request).getId();
    // [END one-server]
    return taskId;
  }

  static void invalid(ShowServerResponse server) {
    // [START invalid]
    try {
      TaskRequests.forServer(server).build();
    } catch (SmsClientException e) {
      // CreateTask request for source server web-01 is invalid: regionId is missing;
      // projectId is missing; targetServerId or templateId is missing (an existing ECS, or a
      // template)
      System.err.println(e.getMessage());
    }
    // [END invalid]
  }

  static FleetReport fleet(SmsClient sms, List<String> serverIds, String projectId, String tpl) {
    // [START fleet]
    FleetReport report =
        FleetMigration.builder(sms)
            .servers(serverIds)
            .taskRequest(
                server ->
                    TaskRequests.forServer(server)
                        .regionId("ap-southeast-1")
                        .projectId(projectId)
                        .templateId(tpl)
                        .build())
            .maxConcurrent(20) // the default; never more than 100
            .maxRestarts(1) // a failed task is restarted once
            .waitOptions(WaitOptions.builder().maxWait(Duration.ofHours(48)).build())
            .stateFile(Path.of("fleet-state.json"))
            .build()
            .run();
    report.writeTo(Path.of("report.csv")); // or report.json
    for (FleetItem failed : report.failed()) {
      System.out.println(failed.sourceServerId() + ": " + failed.error());
    }
    // [END fleet]
    return report;
  }

  static void waves(
      SmsClient sms,
      List<String> databases,
      List<String> appServers,
      java.util.function.Function<ShowServerResponse, CreateTaskRequest> request) {
    // [START waves]
    FleetMigration.builder(sms)
        .waves(List.of(databases, appServers)) // the databases first, then the rest
        .taskRequest(request)
        .build()
        .run();
    // [END waves]
  }

  static void handle(SmsClient sms, FleetMigration.Builder builder) throws InterruptedException {
    // [START handle]
    FleetRun run =
        builder
            .listener(
                new FleetListener() {
                  @Override
                  public void onServerEvent(FleetEvent e) {
                    System.out.println(e.kind() + " " + e.sourceServerId() + " " + e.message());
                  }

                  @Override
                  public void onProgress(FleetProgress p) {
                    System.out.println(p.succeeded() + p.failed() + "/" + p.total() + " done");
                  }
                })
            .build()
            .start();
    FleetReport soFar = run.await(Duration.ofHours(1)); // null while still running
    if (soFar == null) {
      run.cancel(); // stop creating, starting and polling: tasks go on in the service
      List<String> stopped = run.stopRunningTasks(); // or stop them too, explicitly
    }
    // [END handle]
  }

  static void status() {
    // [START status]
    FleetState state = FleetMigration.readState(Path.of("fleet-state.json"));
    FleetReport report = state.report(); // where each server is, without calling the service
    Map<String, String> settings = state.attributes(); // what the run saved with attribute(k, v)
    // [END status]
  }
}
