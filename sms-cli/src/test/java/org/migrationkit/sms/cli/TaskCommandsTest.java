package org.migrationkit.sms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationkit.sms.model.TaskState;
import org.migrationkit.sms.testing.SmsSimulator;
import org.migrationkit.sms.testing.TaskScript;

/** {@code tasks list}, {@code task show} and {@code task wait} against a simulator over HTTP. */
class TaskCommandsTest {
  private static SmsSimulator sim;

  @TempDir Path home;
  private CliRun cli;

  @BeforeAll
  static void startSimulator() {
    sim = CliRun.simulator();
  }

  @AfterAll
  static void stopSimulator() {
    sim.close();
  }

  @BeforeEach
  void setUp() {
    sim.reset();
    cli = CliRun.withKeys(home);
  }

  private String endpoint() {
    return sim.endpoint();
  }

  private static TaskScript succeeding() {
    return TaskScript.builder()
        .hold(TaskState.READY, 1)
        .subTask("CREATE_CLOUD_SERVER", 2)
        .subTask("MIGRATE_LINUX_FILE", 2)
        .succeed()
        .build();
  }

  @Test
  void tasksList_table_oneLinePerTask() {
    sim.script("task-a", succeeding());
    sim.script("task-b", succeeding());

    CliRun.Result r = cli.run("--endpoint", endpoint(), "tasks", "list");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    String[] lines = r.out().split("\n");
    assertThat(lines[0]).startsWith("ID").contains("NAME", "STATE", "SOURCE SERVER", "CREATED");
    assertThat(lines).hasSize(3);
    assertThat(r.out()).contains("task-a", "task-b");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void tasksList_json_anArrayOfTheServicesTasks() {
    sim.script("task-a", succeeding());

    CliRun.Result r = cli.run("tasks", "list", "--endpoint", endpoint(), "--output", "json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().strip()).startsWith("[{").endsWith("}]").contains("\"id\":\"task-a\"");
  }

  @Test
  void tasksList_limit_cutsAndSaysSoOnStandardError() {
    for (int i = 1; i <= 4; i++) {
      sim.script("task-" + i, succeeding());
    }

    CliRun.Result r = cli.run("--endpoint", endpoint(), "tasks", "list", "--limit", "2");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out().split("\n")).hasSize(3);
    assertThat(r.err()).isEqualTo("sms: more than 2 tasks match; give --all or a larger --limit\n");
    CliRun.Result all = cli.run("--endpoint", endpoint(), "tasks", "list", "--all");
    assertThat(all.out().split("\n")).hasSize(5);
    assertThat(all.err()).isEmpty();
  }

  @Test
  void tasksList_stateFilter_sentToTheService() {
    sim.script("task-a", succeeding());

    CliRun.Result r = cli.run("--endpoint", endpoint(), "tasks", "list", "--state", "migrate_fail");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out().split("\n")).hasSize(1);
    assertThat(sim.journal().get(sim.journal().size() - 1).query()).contains("state=MIGRATE_FAIL");
  }

  @Test
  void taskShow_summary_stateSubTasksAndSource() {
    sim.script("task-a", succeeding());

    CliRun.Result r = cli.run("--endpoint", endpoint(), "task", "show", "task-a");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("Task:      task-a")
        .contains("State:     READY")
        .contains("Sub-tasks:")
        .contains("CREATE_CLOUD_SERVER", "MIGRATE_LINUX_FILE");
  }

  @Test
  void taskShow_json_theShowTaskAnswer() {
    sim.script("task-a", succeeding());

    CliRun.Result r = cli.run("--endpoint", endpoint(), "task", "show", "task-a", "-o", "json");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("{").contains("\"id\":\"task-a\"", "\"state\":\"READY\"");
  }

  @Test
  void taskShow_unknownTask_exit4_oneLineWithTheErrorCode() {
    CliRun.Result r = cli.run("--endpoint", endpoint(), "task", "show", "no-such-task");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.SERVICE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("sms: ").contains("404", "SMS.1204");
  }

  @Test
  void taskWait_success_exit0_plainLinePerChange() {
    sim.script("task-a", succeeding());

    CliRun.Result r = cli.run("--endpoint", endpoint(), "task", "wait", "task-a", "--poll", "5ms");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).doesNotContain("\r");
    assertThat(r.out().lines()).first().asString().startsWith("READY 0%");
    assertThat(r.out()).contains("RUNNING", "MIGRATE_LINUX_FILE");
    assertThat(r.out().lines().reduce((a, b) -> b).orElseThrow())
        .isEqualTo("Task task-a succeeded: MIGRATE_SUCCESS");
  }

  @Test
  void taskWait_onATerminal_oneLineRewrittenWithCarriageReturns() {
    sim.script("task-a", succeeding());

    CliRun.Result r =
        cli.terminal(true).run("--endpoint", endpoint(), "task", "wait", "task-a", "--poll", "5ms");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("\rREADY 0%").contains("\rRUNNING");
    // String.lines() would split at each \r too
    assertThat(r.out().split("\n", -1)).hasSize(3);
    assertThat(r.out()).endsWith("\nTask task-a succeeded: MIGRATE_SUCCESS\n");
  }

  @Test
  void taskWait_migrateFail_exit1_printsTheTasksErrorAndTrace() {
    sim.script(
        "task-f",
        TaskScript.builder()
            .subTask("CREATE_CLOUD_SERVER", 1)
            .fail(
                "MIGRATE_LINUX_FILE",
                40,
                "{\"error_code\":\"SMS.6707\",\"error_msg\":\"disk full\"}",
                "rsync: write failed")
            .build());

    CliRun.Result r = cli.run("--endpoint", endpoint(), "task", "wait", "task-f", "--poll", "5ms");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err())
        .startsWith("sms: Task task-f ended in state MIGRATE_FAIL")
        .contains("SMS.6707", "disk full", "trace: rsync: write failed");
  }

  @Test
  void taskWait_timeout_exit2_namesTheLastState() {
    // a script without an ending never ends
    sim.script("task-t", TaskScript.builder().subTask("MIGRATE_LINUX_FILE", 1_000_000).build());

    CliRun.Result r =
        cli.run(
            "--endpoint",
            endpoint(),
            "task",
            "wait",
            "task-t",
            "--poll",
            "5ms",
            "--timeout",
            "150ms");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.TIMED_OUT);
    assertThat(r.err())
        .isEqualTo("sms: task task-t did not end within 150ms; last state RUNNING\n");
  }

  @Test
  void verbose_printsEachCall_neverTheSecret() {
    sim.script("task-a", succeeding());

    CliRun.Result r = cli.run("--endpoint", endpoint(), "--verbose", "task", "show", "task-a");

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).contains("sms: ShowTask GET ", "-> 200 in ", "request id ");
    assertThat(r.out() + r.err()).doesNotContain(CliRun.SK);
  }
}
