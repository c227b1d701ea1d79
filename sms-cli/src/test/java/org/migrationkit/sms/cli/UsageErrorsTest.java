package org.migrationkit.sms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad usage and configuration: exit 3, one line on standard error, no call, no secret. */
class UsageErrorsTest {
  @TempDir Path home;

  private static void assertUsageError(CliRun.Result r, String... fragments) {
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).contains(fragments).doesNotContain(CliRun.SK);
  }

  @Test
  void unknownOption_exit3_namesItAndTheHelp() {
    CliRun.Result r = CliRun.withKeys(home).run("tasks", "list", "--colour");

    assertUsageError(r, "sms tasks list: Unknown option: '--colour'", "sms tasks list --help");
  }

  @Test
  void missingTaskId_exit3() {
    assertUsageError(CliRun.withKeys(home).run("task", "wait"), "Missing required parameter: 'ID'");
  }

  @Test
  void noCommand_exit3() {
    assertUsageError(CliRun.withKeys(home).run(), "sms: missing a command");
  }

  @Test
  void badDuration_exit3_saysWhatIsAccepted() {
    assertUsageError(
        CliRun.withKeys(home).run("task", "wait", "t-1", "--timeout", "30"),
        "'30' is not a duration such as 30m");
  }

  @Test
  void unknownState_exit3_listsTheStates() {
    assertUsageError(
        CliRun.withKeys(home).run("tasks", "list", "--state", "DONE"),
        "'DONE' is not a task state",
        "MIGRATE_SUCCESS");
  }

  @Test
  void noRegionNoEndpoint_exit3() {
    assertUsageError(
        CliRun.withKeys(home).run("tasks", "list"), "sms: no region: give --region ID");
  }

  @Test
  void endpointAndRegion_exit3_conflict() {
    assertUsageError(
        CliRun.withKeys(home)
            .run("--endpoint", "http://127.0.0.1:9", "--region", "ap-southeast-1", "tasks", "list"),
        "--endpoint conflicts with --region");
  }

  @Test
  void noCredentials_exit3_listsWhereTheSdkLooked() {
    assertUsageError(
        CliRun.bare(home).run("--endpoint", "http://127.0.0.1:9", "tasks", "list"),
        "sms: no credentials found",
        "HUAWEICLOUD_SDK_AK");
  }

  @Test
  void profileFile_readAsTheSdkReadsIt_secretNeverPrinted() throws Exception {
    Path dir = Files.createDirectories(home.resolve(".huaweicloud"));
    Files.writeString(
        dir.resolve("credentials"), "[ops]\nak = " + CliRun.AK + "\nsk = " + CliRun.SK + "\n");
    try (var sim = CliRun.simulator()) {
      CliRun.Result wrongProfile =
          CliRun.bare(home).run("--endpoint", sim.endpoint(), "--profile", "dev", "tasks", "list");
      CliRun.Result right =
          CliRun.bare(home).run("--endpoint", sim.endpoint(), "--profile", "ops", "tasks", "list");

      assertUsageError(wrongProfile, "no credentials found");
      assertThat(right.exitCode()).as(right.toString()).isZero();
      assertThat(right.out()).startsWith("ID");
    }
  }

  @Test
  void help_listsTheExitCodes() {
    CliRun.Result r = CliRun.bare(home).run("--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("Exit codes:", "0   success", "2   timed out", "3   usage or configuration")
        .contains("  tasks ", "  task ", "  fleet ", "  generate-completion ");
  }

  @Test
  void generateCompletion_printsABashScript() {
    CliRun.Result r = CliRun.bare(home).run("generate-completion");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_sms");
  }
}
