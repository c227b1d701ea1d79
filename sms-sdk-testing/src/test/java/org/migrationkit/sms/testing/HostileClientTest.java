package org.migrationkit.sms.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.WaitOptions;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.DeleteTaskRequest;
import org.migrationkit.sms.model.ShowServerResponse;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.TaskOperation;
import org.migrationkit.sms.model.TaskState;
import org.migrationkit.sms.model.UpdateTaskStatusRequest;

/**
 * Clients that never finish a request, or send far too much, over real loopback sockets: each kind
 * is opened on more connections than the simulator has handler threads, and a well-formed client
 * must still get its answer. Timeouts here are hang guards, never expectations.
 */
class HostileClientTest {
  private static final Credentials PERMANENT =
      Credentials.akSk("HPUAPERMANENTKEY0001", "permanent-secret-key-value")
          .withDomainId("domain-1");
  private static final Duration HANG_GUARD = Duration.ofSeconds(90);
  private static final int HOSTILE_CONNECTIONS = 16; // the simulator has 8 handler threads
  private static final long ONE_GIB = 1L << 30;

  private final List<RawConnection> hostile = new ArrayList<>();
  private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void closeHostileConnections() throws IOException {
    trickle.shutdownNow();
    for (RawConnection connection : hostile) {
      connection.close();
    }
  }

  private void openHostile(SmsSimulator simulator, String firstBytes) throws IOException {
    for (int i = 0; i < HOSTILE_CONNECTIONS; i++) {
      RawConnection connection = RawConnection.open(simulator);
      hostile.add(connection);
      connection.send(firstBytes);
    }
  }

  /**
   * A real client runs a migration through the stateful operations (the example task, then create,
   * start, poll to success, delete), with a call timeout that is a hang guard only.
   */
  private static void assertServesAWellFormedClient(SmsSimulator simulator) {
    try (SmsClient sms =
        SmsClient.builder()
            .endpoint(simulator.endpoint())
            .credentials(PERMANENT)
            .retryPolicy(RetryPolicy.none())
            .callTimeout(Duration.ofSeconds(30))
            .build()) {
      assertThat(sms.showTask(SmsSimulator.EXAMPLE_TASK_ID)).isEqualTo(SmsSimulator.exampleTask());
      ShowServerResponse server = simulator.addSourceServer("web-1");
      String taskId = sms.createTask(SmsSimulator.createTaskRequestFor(server)).getId();
      sms.updateTaskStatus(
          UpdateTaskStatusRequest.builder().taskId(taskId).operation(TaskOperation.START).build());
      ShowTaskResponse done =
          sms.waitForTask(taskId, WaitOptions.builder().pollInterval(Duration.ofMillis(1)).build());
      sms.deleteTask(DeleteTaskRequest.builder().taskId(taskId).build());

      assertThat(done.getState()).isEqualTo(TaskState.MIGRATE_SUCCESS);
      assertThat(simulator.task(taskId)).isNull();
    }
  }

  private static void assertTooLarge(RawConnection.Response response) {
    assertThat(response.status()).isEqualTo(413);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    String requestId = response.header("X-Request-Id");
    assertThat(requestId).startsWith("sim-");
    assertThat(response.body())
        .contains("\"error_code\":\"APIGW.0201\"")
        .contains("\"request_id\":\"" + requestId + "\"");
  }

  @Test
  void requestLineOnly_onMoreConnectionsThanHandlerThreads_wellFormedClientIsAnswered() {
    assertTimeoutPreemptively(
        HANG_GUARD,
        () -> {
          try (SmsSimulator simulator = SmsSimulator.start(PERMANENT)) {
            openHostile(simulator, "GET /v3/tasks/x HTTP/1.1\r\n");

            assertServesAWellFormedClient(simulator);
          }
        });
  }

  @Test
  void headersTricklingOneByteASecond_wellFormedClientIsAnswered() {
    assertTimeoutPreemptively(
        HANG_GUARD,
        () -> {
          try (SmsSimulator simulator = SmsSimulator.start(PERMANENT)) {
            openHostile(simulator, "GET /v3/tasks/x HTTP/1.1\r\nHost: sim\r\nX-Slow: ");
            trickle.scheduleAtFixedRate(
                () -> hostile.forEach(c -> sendQuietly(c, "a")), 0, 1, TimeUnit.SECONDS);

            assertServesAWellFormedClient(simulator);
          }
        });
  }

  @Test
  void bodyThatNeverEnds_wellFormedClientIsAnswered() {
    assertTimeoutPreemptively(
        HANG_GUARD,
        () -> {
          try (SmsSimulator simulator = SmsSimulator.start(PERMANENT)) {
            openHostile(
                simulator,
                "POST /v3/tasks/x HTTP/1.1\r\nHost: sim\r\nContent-Length: 1000\r\n\r\n{\"a\":");

            assertServesAWellFormedClient(simulator);
          }
        });
  }

  @Test
  void declaredOneGibBody_answers413AndTheSimulatorKeepsServing() {
    assertTimeoutPreemptively(
        HANG_GUARD,
        () -> {
          try (SmsSimulator simulator = SmsSimulator.start(PERMANENT);
              RawConnection connection = RawConnection.open(simulator)) {
            connection.send(
                "POST /v3/tasks/x HTTP/1.1\r\nHost: sim\r\nContent-Type: application/json\r\n"
                    + "Content-Length: "
                    + ONE_GIB
                    + "\r\n\r\n");

            assertTooLarge(connection.streamZerosUntilAnswered(ONE_GIB, false));
            assertServesAWellFormedClient(simulator);
            assertThat(simulator.journal()).extracting(JournalEntry::status).containsOnly(413, 200);
          }
        });
  }

  @Test
  void chunkedOneGibBody_answers413AndTheSimulatorKeepsServing() {
    assertTimeoutPreemptively(
        HANG_GUARD,
        () -> {
          try (SmsSimulator simulator = SmsSimulator.start(PERMANENT);
              RawConnection connection = RawConnection.open(simulator)) {
            connection.send(
                "POST /v3/tasks/x HTTP/1.1\r\nHost: sim\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");

            assertTooLarge(connection.streamZerosUntilAnswered(ONE_GIB, true));
            assertServesAWellFormedClient(simulator);
          }
        });
  }

  private static void sendQuietly(RawConnection connection, String text) {
    try {
      connection.send(text);
    } catch (IOException e) {
      // closed by the simulator: exactly what a bound on the head's time does
    }
  }
}
