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
  void showTaskExample_withoutCloudCredentials_printsTheExampleTaskFromTheSimulator()
      throws Exception {
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
      Class.forName(className)
          .getMethod("main", String[].class)
          .invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void waitForMigrationExample_withoutCloudCredentials_drawsProgressUntilSuccess()
      throws Exception {
    assumeTrue(System.getenv("CLOUD_SDK_AK") == null, "real credentials are set: not a smoke run");
    String output = runMain("WaitForMigration");
    assertThat(output)
        .contains("waiting on a scripted task in the embedded simulator")
        .contains("[..............................]   0%  READY")
        .contains("RUNNING  MIGRATE_LINUX_FILE 50%  85.3 MB/s  ~")
        .contains(" min left")
        .contains("[##############################] 100%  MIGRATE_SUCCESS")
        .contains("Task demo-task finished: MIGRATE_SUCCESS");
  }

  @Test
  void migrateServerExample_withoutCloudCredentials_migratesAndCleansUp() throws Exception {
    assumeTrue(System.getenv("CLOUD_SDK_AK") == null, "real credentials are set: not a smoke run");
    String output = runMain("MigrateServer");
    assertThat(output)
        .contains("migrating in the embedded simulator")
        .contains("Source server web-server-01 (192.168.0.3)")
        .contains("Created task ")
        .contains("RUNNING  MIGRATE_LINUX_FILE")
        .contains("[##############################] 100%  MIGRATE_SUCCESS")
        .contains("Migrated web-server-01: MIGRATE_SUCCESS")
        .contains("Deleted task ");
  }

  @Test
  void migrateFleetExample_withoutCloudCredentials_migratesTwelveAndReportsTheTwoFailures()
      throws Exception {
    assumeTrue(System.getenv("CLOUD_SDK_AK") == null, "real credentials are set: not a smoke run");
    String output = runMain("MigrateFleet");
    assertThat(output)
        .contains("migrating 12 servers in the simulator")
        .contains("Fleet done: 10 migrated, 2 failed")
        .contains("SMS.6201")
        .contains("No space left on device")
        .contains("source_server_id,task_id,task_name,outcome,state,error");
    assertThat(output.lines().filter(l -> l.startsWith("SUCCEEDED ")).count()).isEqualTo(10);
  }

  @Test
  void errorHandlingExample_explainsEveryKindOfFailure() throws Exception {
    String output = runMain("ErrorHandling");
    assertThat(output)
        .contains("unknown task: SmsServiceException - HTTP 404 SMS.1204")
        .contains("no permission: SmsServiceException - HTTP 403 SMS.9004")
        .contains("throttled twice, then fine: succeeded after 3 request(s)")
        .contains("service down: SmsServiceException - HTTP 503")
        .contains("3 attempt(s)): service trouble")
        .contains(
            "connection dropped every time: SmsConnectionException - no connection after 3 attempt(s)")
        .contains("too slow: SmsTimeoutException - timed out (CALL)")
        .contains("garbled answer: SmsClientException - unusable answer")
        .contains(
            "migration failed: TaskFailedException - the migration failed in MIGRATE_LINUX_FILE")
        .contains("No space left on device")
        .contains("migration still running: WaitTimeoutException - still RUNNING");
  }

  @Test
  void customHttpClientExample_withoutCloudCredentials_sendsThroughTheCallersClient()
      throws Exception {
    assumeTrue(System.getenv("CLOUD_SDK_AK") == null, "real credentials are set: not a smoke run");
    String output = runMain("CustomHttpClient");
    assertThat(output)
        .containsPattern(
            "GET /v3/tasks/ef3b9722-07a0-40ae-89b0-889ee96dfc56 -> 200 in \\d+ ms, trace [0-9a-f-]{36}")
        .contains("task MigrationTask is RUNNING")
        .containsPattern("the simulator saw X-Trace-Id [0-9a-f-]{36}, signature valid");
  }

  @Test
  void metricsExample_countsCallsAttemptsAndLatency() throws Exception {
    String output = runMain("Metrics");
    assertThat(output)
        .containsPattern("calls 200, succeeded \\d+, failed")
        .containsPattern("attempts \\d+ by status \\{200=\\d+, 503=\\d+\\}, retries \\d+")
        .containsPattern("latency ms: p50 [0-9.]+, p95 [0-9.]+, max [0-9.]+");
  }

  @Test
  void jbangScript_withoutCloudCredentials_showsTheExampleTask() throws Exception {
    assumeTrue(System.getenv("CLOUD_SDK_AK") == null, "real credentials are set: not a smoke run");
    String output = runMain("show_task");
    assertThat(output)
        .contains("MigrationTask  RUNNING  xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxx0001")
        .contains("from name-win16 (192.168.0.154, WINDOWS)");
  }

  @Test
  void uncompiledSamples_areThereAndDoNotEndInJava() throws Exception {
    java.nio.file.Path examples = java.nio.file.Path.of("");
    for (String sample :
        new String[] {
          "listeners/MicrometerTimer.java.example",
          "listeners/OpenTelemetrySpan.java.example",
          "scripts/show-task.groovy"
        }) {
      String text = java.nio.file.Files.readString(examples.resolve(sample));
      assertThat(text).as(sample).contains("org.migrationkit.sms");
    }
    assertThat(java.nio.file.Files.readString(examples.resolve("scripts/show-task.groovy")))
        .contains("task.sourceServer?.osType");
    assertThat(java.nio.file.Files.readString(examples.resolve("jbang/show_task.java")))
        .contains("//DEPS org.migrationkit:sms-sdk:0.1.0-SNAPSHOT")
        .contains("//DEPS org.migrationkit:sms-sdk-testing:0.1.0-SNAPSHOT");
  }
}
