package org.migrationkit.sms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.migration.FleetMigration;
import org.migrationkit.sms.model.ListTasksRequest;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.testing.SmsSimulator;
import org.migrationkit.sms.testing.TaskScript;

/** {@code fleet run}, {@code status} and {@code resume} over a small fleet in a simulator. */
class FleetCommandsTest {
  private static final String PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
  private static final String TEMPLATE = "7c2d1e0f-0000-4000-8000-00000000aaaa";

  @TempDir Path dir;
  private SmsSimulator sim;
  private CliRun cli;
  private final List<String> servers = new ArrayList<>();

  @BeforeEach
  void setUp() {
    sim = CliRun.simulator();
    cli = CliRun.withKeys(dir);
    for (int i = 1; i <= 3; i++) {
      servers.add(sim.addSourceServer("web-" + i).getId());
    }
  }

  @AfterEach
  void tearDown() {
    sim.close();
  }

  private Path serversFile(String... lines) throws Exception {
    return Files.write(dir.resolve("servers.txt"), List.of(lines));
  }

  private String[] run(String... extra) {
    List<String> args = new ArrayList<>(List.of("--endpoint", sim.endpoint(), "fleet"));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  private int tasksOf(String serverId) {
    try (SmsClient sms =
        SmsClient.builder().endpoint(sim.endpoint()).credentials(CliRun.CREDENTIALS).build()) {
      Integer n =
          sms.listTasks(ListTasksRequest.builder().sourceServerId(serverId).build()).getCount();
      return n == null ? 0 : n;
    }
  }

  @Test
  void run_oneServerFails_exit1_reportHoldsEveryServer() throws Exception {
    sim.scriptServer(
        servers.get(1),
        TaskScript.builder()
            .subTask("CREATE_CLOUD_SERVER", 1)
            .fail("MIGRATE_LINUX_FILE", 30, "{\"error_code\":\"SMS.6707\"}", "disk full")
            .build());
    Path list =
        serversFile(
            "# web fleet",
            servers.get(0),
            servers.get(1) + ",target-vm-2,192.0.2.12",
            servers.get(2));
    Path csv = dir.resolve("report.csv");

    CliRun.Result r =
        cli.run(
            run(
                "run",
                "--servers",
                list.toString(),
                "--state",
                dir.resolve("fleet.json").toString(),
                "--region-id",
                "ap-southeast-1",
                "--project-id",
                PROJECT,
                "--template-id",
                TEMPLATE,
                "--max-concurrent",
                "2",
                "--poll",
                "5ms",
                "--report",
                csv.toString()));

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.out()).contains("fleet: 2 succeeded, 1 failed, 0 running, 0 pending of 3");
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err())
        .startsWith("sms: server " + servers.get(1) + " failed")
        .contains("SMS.6707");
    List<String> rows = Files.readAllLines(csv);
    assertThat(rows).hasSize(4);
    assertThat(String.join("\n", rows)).contains(servers.get(0), servers.get(1), servers.get(2));
    // web-2's target server and migration IP came from the servers file
    try (SmsClient sms =
        SmsClient.builder().endpoint(sim.endpoint()).credentials(CliRun.CREDENTIALS).build()) {
      String taskId =
          sms.listTasks(ListTasksRequest.builder().sourceServerId(servers.get(1)).build())
              .getTasks()
              .get(0)
              .getId();
      ShowTaskResponse task = sms.showTask(taskId);
      assertThat(task.getTargetServer().getVmId()).isEqualTo("target-vm-2");
      assertThat(task.getMigrationIp()).isEqualTo("192.0.2.12");
    }
  }

  @Test
  void statusAndResume_afterARun_noSecondTask_settingsFromTheFile() throws Exception {
    Path state = dir.resolve("fleet.json");
    Path list = serversFile(servers.toArray(String[]::new));
    CliRun.Result first =
        cli.run(
            run(
                "run",
                "--servers",
                list.toString(),
                "--state",
                state.toString(),
                "--region-id",
                "ap-southeast-1",
                "--project-id",
                PROJECT,
                "--template-id",
                TEMPLATE,
                "--poll",
                "5ms"));
    assertThat(first.exitCode()).as(first.toString()).isZero();

    CliRun.Result status = cli.run("fleet", "status", "--state", state.toString());
    Path json = dir.resolve("report.json");
    CliRun.Result resumed =
        cli.run(run("resume", "--state", state.toString(), "--report", json.toString()));

    assertThat(status.exitCode()).as(status.toString()).isZero();
    assertThat(status.out().split("\n")[0]).startsWith("SERVER").contains("OUTCOME", "TASK");
    assertThat(status.out()).contains("SUCCEEDED", "fleet: 3 succeeded, 0 failed");
    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    assertThat(Files.readString(json)).contains(servers.get(0), "SUCCEEDED");
    for (String server : servers) {
      assertThat(tasksOf(server)).isEqualTo(1);
    }
    assertThat(FleetMigration.readState(state).attributes())
        .containsEntry("sms-cli.project-id", PROJECT)
        .containsEntry("sms-cli.template-id", TEMPLATE);
  }

  @Test
  void run_serverWithoutTargetAndNoTemplate_exit3_beforeAnyCall() throws Exception {
    Path list = serversFile(servers.get(0) + ",vm-1,192.0.2.1", servers.get(1));
    long before = sim.requestCount();

    CliRun.Result r =
        cli.run(
            run(
                "run",
                "--servers",
                list.toString(),
                "--state",
                dir.resolve("s.json").toString(),
                "--region-id",
                "ap-southeast-1",
                "--project-id",
                PROJECT));

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .isEqualTo(
            "sms: --template-id is needed for servers without a target server: "
                + servers.get(1)
                + "\n");
    assertThat(sim.requestCount()).isEqualTo(before);
  }

  @Test
  void run_badServersFile_exit3_namesEveryBadLine() throws Exception {
    Path list = serversFile(servers.get(0), "a,b", servers.get(0));

    CliRun.Result r =
        cli.run(
            run(
                "run",
                "--servers",
                list.toString(),
                "--state",
                dir.resolve("s.json").toString(),
                "--project-id",
                PROJECT,
                "--region-id",
                "r",
                "--template-id",
                TEMPLATE));

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("line 2 is not", "line 3 repeats server " + servers.get(0));
  }

  @Test
  void serversAndAll_exit3_mutuallyExclusive() throws Exception {
    Path list = serversFile(servers.get(0));

    CliRun.Result r =
        cli.run(
            run(
                "run",
                "--servers",
                list.toString(),
                "--all",
                "--state",
                "s.json",
                "--project-id",
                PROJECT));

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("mutually exclusive");
  }

  @Test
  void statusAndResume_corruptStateFile_exit3_fileLeftAsItWas() throws Exception {
    Path state = Files.writeString(dir.resolve("fleet.json"), "{not json");

    CliRun.Result status = cli.run("fleet", "status", "--state", state.toString());
    CliRun.Result resume = cli.run(run("resume", "--state", state.toString()));

    assertThat(status.exitCode()).as(status.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(status.err().lines()).hasSize(1);
    assertThat(status.err()).contains(state.toString());
    assertThat(resume.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(Files.readString(state)).isEqualTo("{not json");
  }
}
