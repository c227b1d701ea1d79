package org.migrationkit.sms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationkit.sms.model.TaskState;
import org.migrationkit.sms.testing.SmsSimulator;
import org.migrationkit.sms.testing.TaskScript;

/**
 * The stand-alone jar as users run it: {@code java -jar} in a child process, keys in its
 * environment, {@code --endpoint} at a simulator in this JVM; and the completion script the build
 * generated. Runs in {@code integration-test}, after {@code package} built both.
 */
class StandaloneCliIT {
  private static final Path JAR = Path.of(System.getProperty("standalone.jar"));
  private static SmsSimulator sim;

  @TempDir Path home;

  @BeforeAll
  static void startSimulator() {
    sim = CliRun.simulator();
  }

  @AfterAll
  static void stopSimulator() {
    sim.close();
  }

  private record Ran(int exitCode, String out, String err) {}

  private Ran sms(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().put("HUAWEICLOUD_SDK_AK", CliRun.AK);
    builder.environment().put("HUAWEICLOUD_SDK_SK", CliRun.SK);
    builder.environment().put("HUAWEICLOUD_SDK_DOMAIN_ID", "cli-domain");
    builder.environment().put("HOME", home.toString());
    Path out = home.resolve("out.txt");
    Path err = home.resolve("err.txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("sms exits").isTrue();
    return new Ran(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void javaJar_taskWait_exit0_plainLinesWithoutATerminal() throws Exception {
    sim.script(
        "it-task",
        TaskScript.builder()
            .hold(TaskState.READY, 1)
            .subTask("MIGRATE_LINUX_FILE", 2)
            .succeed()
            .build());

    Ran r = sms("--endpoint", sim.endpoint(), "task", "wait", "it-task", "--poll", "10ms");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("\r").contains("RUNNING");
    assertThat(r.out()).endsWith("Task it-task succeeded: MIGRATE_SUCCESS\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void javaJar_tasksList_andUsageError_exit3() throws Exception {
    Ran list = sms("--endpoint", sim.endpoint(), "tasks", "list");
    Ran bad = sms("--endpoint", sim.endpoint(), "tasks", "list", "--limit", "zero");

    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out()).startsWith("ID");
    assertThat(bad.exitCode()).isEqualTo(3);
    assertThat(bad.err().lines()).hasSize(1);
    assertThat(bad.out() + bad.err() + list.out() + list.err()).doesNotContain(CliRun.SK);
  }

  @Test
  void javaJar_version() throws Exception {
    Ran r = sms("--version");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("sms ").doesNotContain("unknown");
  }

  @Test
  void completionScript_generatedByTheBuild_isValidBash() throws Exception {
    Path script = Path.of(System.getProperty("completion.script"));

    assertThat(Files.readString(script))
        .contains("complete -F _complete_sms")
        .contains("tasks", "fleet", "--max-concurrent");
    Process bash = new ProcessBuilder("bash", "-n", script.toString()).inheritIO().start();
    assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(bash.exitValue()).isZero();
  }
}
