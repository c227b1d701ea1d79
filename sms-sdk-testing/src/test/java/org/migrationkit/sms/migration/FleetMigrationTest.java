package org.migrationkit.sms.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    assertThat(report.items())
        .extracting(FleetItem::sourceServerId)
        .containsExactlyElementsOf(servers);
    assertThat(report.items())
        .allSatisfy(
            item -> {
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

  @Test
  void builder_serversChosenTwice_namesBoth() {
    FleetMigration.Builder builder = FleetMigration.builder(sms).servers(List.of("a"));

    assertThatThrownBy(builder::allServers)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "The fleet's servers are chosen by servers(List) already, not also by allServers()");
  }

  @Test
  void builder_nothingSet_namesEveryMissingSetting() {
    assertThatThrownBy(() -> FleetMigration.builder(sms).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("FleetMigration needs servers (servers, waves or allServers) and taskRequest");
  }

  @Test
  void builder_maxConcurrentOver100_refused() {
    assertThatThrownBy(() -> FleetMigration.builder(sms).maxConcurrent(101))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxConcurrent must be 1 to 100, was 101");
  }

  @Test
  void builder_serverInTwoWaves_refused() {
    assertThatThrownBy(
            () -> FleetMigration.builder(sms).waves(List.of(List.of("a"), List.of("b", "a"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("server a is in the fleet twice");
  }

  @Test
  void allServers_selectsFromListServers() {
    List<String> servers = FleetFixture.addServers(simulator, 3);

    FleetReport report =
        FleetMigration.builder(sms)
            .servers(server -> !"server-2".equals(server.getName()))
            .taskRequest(FleetFixture::request)
            .waitOptions(FleetFixture.QUICK_WAITS)
            .build()
            .run();

    assertThat(report.succeeded())
        .extracting(FleetItem::sourceServerId)
        .containsExactly(servers.get(0), servers.get(2));
  }

  @Test
  void taskRequestThatThrows_failsThatServerOnly() {
    List<String> servers = FleetFixture.addServers(simulator, 3);

    FleetReport report =
        FleetMigration.builder(sms)
            .servers(servers)
            .taskRequest(
                server -> {
                  if ("server-2".equals(server.getName())) {
                    throw new IllegalArgumentException("no target for server-2");
                  }
                  return FleetFixture.request(server);
                })
            .waitOptions(FleetFixture.QUICK_WAITS)
            .build()
            .run();

    assertThat(report.succeeded()).hasSize(2);
    assertThat(report.failed())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.sourceServerId()).isEqualTo(servers.get(1));
              assertThat(item.error())
                  .isEqualTo(
                      "taskRequest failed for the server: java.lang.IllegalArgumentException: no target for server-2");
            });
  }
}
