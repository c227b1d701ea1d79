package org.migrationkit.sms.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.model.TaskState;
import org.migrationkit.sms.testing.SmsSimulator;

/** The state file: refused when corrupt or foreign and then left byte for byte; read back whole. */
class FleetStateFileTest {
  private final SmsSimulator simulator = FleetFixture.simulator();
  private final SmsClient sms = FleetFixture.client(simulator);
  @TempDir Path dir;

  @AfterEach
  void stop() {
    sms.close();
    simulator.close();
  }

  private FleetMigration fleet(List<String> servers, Path state) {
    return FleetMigration.builder(sms)
        .servers(servers)
        .taskRequest(FleetFixture::request)
        .waitOptions(FleetFixture.QUICK_WAITS)
        .stateFile(state)
        .attribute("cli.max-concurrent", "20")
        .build();
  }

  private void assertRefusedUntouched(List<String> servers, Path state, String why)
      throws Exception {
    byte[] before = Files.readAllBytes(state);

    assertThatThrownBy(() -> fleet(servers, state).run())
        .isInstanceOf(SmsClientException.class)
        .hasMessageStartingWith("Fleet state file " + state)
        .hasMessageContaining(why)
        .hasMessageNotContaining("\n");

    assertThat(Files.readAllBytes(state)).isEqualTo(before);
    assertThat(simulator.journal()).isEmpty();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(state); // no temporary file left either
    }
  }

  @Test
  void corruptStateFile_refused_leftByteIdentical() throws Exception {
    List<String> servers = FleetFixture.addServers(simulator, 2);
    Path state = dir.resolve("fleet.json");
    Files.writeString(state, "{\"format\":\"migrationkit-sms-fleet-state\",\"version\":1,\"fle");

    assertRefusedUntouched(servers, state, "is refused and left as it is: it is not JSON");
    assertThatThrownBy(() -> FleetMigration.readState(state))
        .isInstanceOf(SmsClientException.class)
        .hasMessageContaining(state.toString());
  }

  @Test
  void otherJsonFile_refused_leftByteIdentical() throws Exception {
    List<String> servers = FleetFixture.addServers(simulator, 2);
    Path state = dir.resolve("package.json");
    Files.writeString(state, "{\"name\":\"my-app\",\"version\":\"1.0.0\"}");

    assertRefusedUntouched(servers, state, "it has no \"format\":\"migrationkit-sms-fleet-state\"");
  }

  @Test
  void stateFileOfAnotherVersion_refused() throws Exception {
    List<String> servers = FleetFixture.addServers(simulator, 2);
    Path state = dir.resolve("fleet.json");
    Files.writeString(
        state,
        "{\"format\":\"migrationkit-sms-fleet-state\",\"version\":2,\"fleet_id\":\"f\",\"waves\":[[\""
            + servers.get(0)
            + "\"]],\"items\":[]}");

    assertRefusedUntouched(servers, state, "its version is 2, this SDK reads version 1");
  }

  @Test
  void stateFileOfAnotherFleet_refused_leftByteIdentical() throws Exception {
    List<String> servers = FleetFixture.addServers(simulator, 4);
    Path state = dir.resolve("fleet.json");
    fleet(servers.subList(0, 2), state).run();
    simulator.clearJournal();

    assertRefusedUntouched(servers.subList(2, 4), state, "belongs to another fleet");
  }

  @Test
  void readState_afterARun_holdsServersAttributesAndReport() {
    List<String> servers = FleetFixture.addServers(simulator, 3);
    Path state = dir.resolve("fleet.json");
    FleetReport report = fleet(servers, state).run();

    FleetState read = FleetMigration.readState(state);

    assertThat(read.servers()).containsExactlyElementsOf(servers);
    assertThat(read.waves()).containsExactly(servers);
    assertThat(read.attributes()).containsEntry("cli.max-concurrent", "20");
    assertThat(read.report()).isEqualTo(report);
    assertThat(read.report().succeeded()).hasSize(3);
  }

  @Test
  void rerun_ofAFinishedFleet_callsNothingAndReportsTheSame() {
    List<String> servers = FleetFixture.addServers(simulator, 3);
    Path state = dir.resolve("fleet.json");
    FleetReport first = fleet(servers, state).run();
    simulator.clearJournal();

    FleetReport again = fleet(servers, state).run();

    assertThat(again).isEqualTo(first);
    assertThat(simulator.journal()).isEmpty();
  }

  @Test
  void readState_missingFile_namesIt() {
    Path state = dir.resolve("missing.json");

    assertThatThrownBy(() -> FleetMigration.readState(state))
        .isInstanceOf(SmsClientException.class)
        .hasMessage("Fleet state file " + state + " does not exist");
  }

  @Test
  void report_toCsv_headerAndEscapedRows_toJson_writeToByExtension() throws Exception {
    FleetReport report =
        new FleetReport(
            List.of(
                FleetItem.builder("s-1")
                    .taskId("t-1")
                    .taskName("migrate-a")
                    .outcome(FleetItem.Outcome.SUCCEEDED)
                    .state(TaskState.MIGRATE_SUCCESS)
                    .startedAt(Instant.parse("2026-01-01T00:00:00Z"))
                    .finishedAt(Instant.parse("2026-01-01T01:00:00Z"))
                    .build(),
                FleetItem.builder("s-2")
                    .outcome(FleetItem.Outcome.FAILED)
                    .error("CreateTask refused: SMS.1303 (HTTP 400): a task, \"again\"")
                    .requestId("req-2")
                    .restarts(1)
                    .build()));

    assertThat(report.toCsv())
        .isEqualTo(
            "source_server_id,task_id,task_name,outcome,state,error,request_id,started_at,finished_at,restarts\r\n"
                + "s-1,t-1,migrate-a,SUCCEEDED,MIGRATE_SUCCESS,,,2026-01-01T00:00:00Z,2026-01-01T01:00:00Z,0\r\n"
                + "s-2,,,FAILED,,\"CreateTask refused: SMS.1303 (HTTP 400): a task, \"\"again\"\"\",req-2,,,1\r\n");
    assertThat(report.toJson())
        .startsWith(
            "{\"total\":2,\"succeeded\":1,\"failed\":1,\"pending\":0,\"running\":0,\"items\":[")
        .contains(
            "{\"source_server_id\":\"s-2\",\"outcome\":\"FAILED\",\"error\":\"CreateTask refused: SMS.1303 (HTTP 400): a task, \\\"again\\\"\",\"request_id\":\"req-2\",\"restarts\":1}");

    report.writeTo(dir.resolve("report.CSV"));
    report.writeTo(dir.resolve("report.json"));
    assertThat(Files.readString(dir.resolve("report.CSV"), StandardCharsets.UTF_8))
        .isEqualTo(report.toCsv());
    assertThat(Files.readString(dir.resolve("report.json"), StandardCharsets.UTF_8))
        .isEqualTo(report.toJson());
    assertThatThrownBy(() -> report.writeTo(dir.resolve("report.txt")))
        .isInstanceOf(SmsClientException.class)
        .hasMessageContaining("must end with .json or .csv");
    assertThat(Arrays.asList(dir.toFile().list()))
        .containsExactlyInAnyOrder("report.CSV", "report.json");
  }
}
