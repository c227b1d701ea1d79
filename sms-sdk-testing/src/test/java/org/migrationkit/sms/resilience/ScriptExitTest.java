package org.migrationkit.sms.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.WaitOptions;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.TaskState;
import org.migrationkit.sms.testing.SmsSimulator;
import org.migrationkit.sms.testing.TaskScript;

/**
 * A script that used {@code showTaskAsync} and {@code waitForTask} exits as soon as its {@code
 * main} returns: every thread the SDK starts is a daemon. Run in a child JVM, since only a JVM's
 * exit shows it; OkHttp's non-daemon dispatcher threads used to keep it up for 60 s, twice the
 * limit.
 */
class ScriptExitTest {
  private static final long EXIT_LIMIT_SECONDS = 30;

  /** The script: poll once asynchronously, wait for a task, close everything, return. */
  public static void main(String[] args) {
    Credentials credentials = Credentials.akSk("script-ak", "script-sk").withDomainId("d");
    try (SmsSimulator simulator = SmsSimulator.start(credentials);
        SmsClient sms =
            SmsClient.builder().endpoint(simulator.endpoint()).credentials(credentials).build()) {
      simulator.script(
          "task-1", TaskScript.builder().subTask("CREATE_CLOUD_SERVER", 2).succeed().build());
      sms.showTaskAsync(SmsSimulator.EXAMPLE_TASK_ID).join();
      TaskState state =
          sms.waitForTask(
                  "task-1", WaitOptions.builder().pollInterval(Duration.ofMillis(5)).build())
              .getState();
      System.out.println("script done: " + state);
    }
  }

  @Test
  void scriptUsingAsyncAndWaiter_jvmExitsWhenMainReturns(@TempDir Path dir) throws Exception {
    Path output = dir.resolve("out.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    ScriptExitTest.class.getName()))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();

    boolean exited = child.waitFor(EXIT_LIMIT_SECONDS, TimeUnit.SECONDS);
    if (!exited) {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    assertThat(exited)
        .as("exited within %d s; output: %s", EXIT_LIMIT_SECONDS, read(output))
        .isTrue();
    assertThat(child.exitValue()).as(read(output)).isZero();
    assertThat(read(output)).contains("script done: MIGRATE_SUCCESS");
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
