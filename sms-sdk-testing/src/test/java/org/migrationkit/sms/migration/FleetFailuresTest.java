package org.migrationkit.sms.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.model.TaskState;
import org.migrationkit.sms.testing.Fault;
import org.migrationkit.sms.testing.FaultPlan;
import org.migrationkit.sms.testing.SmsSimulator;
import org.migrationkit.sms.testing.TaskScript;

/**
 * Three hundred servers, each tenth failing its own way: a failed migration, a refused call, a
 * timeout. Each failure stays with its server; every other server succeeds.
 */
class FleetFailuresTest {
  private static final int SERVERS = 300;

  private final SmsSimulator simulator = FleetFixture.simulator();
  private final SmsClient sms = FleetFixture.client(simulator);

  @AfterEach
  void stop() {
    sms.close();
    simulator.close();
  }

  @Test
  void run_scriptedFailuresPerServer_recordedPerServer_restOfFleetSucceeds() {
    List<String> servers = FleetFixture.addServers(simulator, SERVERS);
    FaultPlan.Builder faults = FaultPlan.builder();
    for (int i = 0; i < SERVERS; i++) {
      String id = servers.get(i);
      switch (i % 10) {
        case 3:
          simulator.scriptServer(
              id,
              TaskScript.builder()
                  .subTask("MIGRATE_LINUX_FILE", 2)
                  .fail(
                      "CONFIGURE_LINUX",
                      50,
                      "{\"error_code\":\"SMS.6201\",\"error_msg\":\"disk full\"}",
                      "grub2-mkconfig: no space left on device")
                  .build());
          break;
        case 5:
          faults.onOperation(
              "ShowServer", id, 1, Fault.status(403, "SMS.9004", "The agent is offline"));
          break;
        case 7:
          simulator.scriptServer(id, TaskScript.builder().hold(TaskState.RUNNING, 1).build());
          break;
        default:
          break;
      }
    }
    simulator.faults(faults.build());
    Map<FleetEvent.Kind, Integer> kinds = new ConcurrentHashMap<>();

    FleetReport report =
        FleetMigration.builder(sms)
            .servers(servers)
            .taskRequest(FleetFixture::request)
            .maxConcurrent(60)
            .maxRestarts(1)
            .listener(
                new FleetListener() {
                  @Override
                  public void onServerEvent(FleetEvent event) {
                    kinds.merge(event.kind(), 1, Integer::sum);
                  }
                })
            .waitOptions(
                FleetFixture.QUICK_WAITS.toBuilder().maxWait(Duration.ofSeconds(3)).build())
            .build()
            .run();

    assertThat(report.items()).hasSize(SERVERS);
    assertThat(report.succeeded()).hasSize(SERVERS * 7 / 10);
    assertThat(report.failed()).hasSize(SERVERS * 3 / 10);
    for (int i = 0; i < SERVERS; i++) {
      FleetItem item = report.items().get(i);
      switch (i % 10) {
        case 3:
          assertThat(item.outcome()).isEqualTo(FleetItem.Outcome.FAILED);
          assertThat(item.state()).isEqualTo(TaskState.MIGRATE_FAIL);
          assertThat(item.restarts()).isEqualTo(1);
          assertThat(item.error())
              .isEqualTo(
                  "task ended in MIGRATE_FAIL at sub-task CONFIGURE_LINUX: SMS.6201 disk full;"
                      + " process trace: grub2-mkconfig: no space left on device");
          break;
        case 5:
          assertThat(item.outcome()).isEqualTo(FleetItem.Outcome.FAILED);
          assertThat(item.taskId()).isNull();
          assertThat(item.error())
              .startsWith("ShowServer refused: SMS.9004 (HTTP 403, request id sim-")
              .endsWith("): The agent is offline");
          assertThat(item.requestId()).startsWith("sim-");
          break;
        case 7:
          assertThat(item.outcome()).isEqualTo(FleetItem.Outcome.FAILED);
          assertThat(item.state()).isEqualTo(TaskState.RUNNING);
          assertThat(item.error()).startsWith("timed out: Task ").contains("did not finish within");
          break;
        default:
          assertThat(item.outcome()).as(item.toString()).isEqualTo(FleetItem.Outcome.SUCCEEDED);
          assertThat(item.state()).isEqualTo(TaskState.MIGRATE_SUCCESS);
      }
      assertThat(item.error() == null || !item.error().contains("\n")).isTrue();
    }
    // one start per task, one restart per failed migration
    assertThat(kinds.get(FleetEvent.Kind.STARTED)).isEqualTo(SERVERS * 9 / 10);
    assertThat(kinds.get(FleetEvent.Kind.RESTARTED)).isEqualTo(SERVERS / 10);
    assertThat(simulator.journal())
        .noneMatch(e -> "CreateTask".equals(e.operation()) && e.status() != 200);
  }

  @Test
  void run_maxConcurrent_neverMoreServersInFlight() {
    List<String> servers = FleetFixture.addServers(simulator, 40);
    int[] most = new int[1];

    FleetMigration.builder(sms)
        .servers(servers)
        .taskRequest(FleetFixture::request)
        .maxConcurrent(7)
        .waitOptions(FleetFixture.QUICK_WAITS)
        .listener(
            new FleetListener() {
              @Override
              public void onProgress(FleetProgress progress) {
                most[0] = Math.max(most[0], progress.running());
              }
            })
        .build()
        .run();

    // progress updates a busy listener has not taken yet are merged, so 7 itself may go unseen
    assertThat(most[0]).isBetween(2, 7);
  }
}
