package org.migrationkit.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the samples in examples/ against the simulator, so they never rot. */
class ExamplesSmokeTest {
  @Test
  void showTaskExample_withoutCloudCredentials_printsTheExampleTaskFromTheSimulator() throws Exception {
    assumeTrue(System.getenv("CLOUD_SDK_AK") == null, "real credentials are set: not a smoke run");
    String output = runMain("ShowTask");
    assertThat(output)
        .contains("Task MigrationTask")
        .contains("state RUNNING")
        .contains("source server name-win16  192.168.0.154  WINDOWS WINDOWS2016_64BIT")
        .contains("disk Disk 1  OS  MBR, 42949672960 bytes")
        .contains("volume Y:  OS NTFS, 42423287808 bytes")
        .contains("MIGRATE_WINDOWS_BLOCK");
  }

  static String runMain(String className) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      Class.forName(className).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
