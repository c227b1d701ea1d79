package org.migrationkit.sms.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.model.TaskState;
import org.migrationkit.sms.testing.SmsSimulator;

/** A fleet end to end against the simulator's default lifecycle. */
class FleetMigrationTest {
  private final SmsSimulator simulator = FleetFixture.simulator();
  private final SmsClient sms = FleetFixture.client(simulator);

  @AfterEach
  void stop() {
    sms.close();
    simulator.close();
  }

  @Test
  void run_everyServerSucceeds_oneTaskEach() {
    List<String> servers = FleetFixture.addServers(simulator, 12);

    FleetReport report =
        FleetMigration.builder(sms)
            .servers(servers)
            .taskRequest(FleetFixture::request)
            .maxConcurrent(5)
            .waitOptions(FleetFixture.QUICK_WAITS)
            .build()
            .run();

    assertThat(report.succeeded()).hasSize(12);
    assertThat(report.items()).extracting(FleetItem::sourceServerId).containsExactlyElementsOf(servers);
    assertThat(report.items()).allSatisfy(item -> {
      assertThat(item.state()).isEqualTo(TaskState.MIGRATE_SUCCESS);
      assertThat(item.taskId()).isNotNull();
      assertThat(item.error()).isNull();
      assertThat(item.startedAt()).isNotNull();
      assertThat(item.finishedAt()).isAfterOrEqualTo(item.startedAt());
    });
    for (String server : servers) {
      assertThat(FleetFixture.tasksOf(sms, server)).as(server).isEqualTo(1);
    }
  }
}
