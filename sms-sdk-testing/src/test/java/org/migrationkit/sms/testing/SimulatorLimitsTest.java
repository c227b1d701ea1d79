package org.migrationkit.sms.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.testsupport.SimulatorClients;

/**
 * The builder's bounds on clients (head and body time, body size) and on the journal, over raw
 * loopback sockets. Short bounds make the simulator give up soon; the tests then wait for that with
 * hang guards only, never asserting how soon.
 */
class SimulatorLimitsTest {
  private static final Credentials PERMANENT =
      Credentials.akSk("HPUAPERMANENTKEY0001", "permanent-secret-key-value")
          .withDomainId("domain-1");
  private static final Duration HANG_GUARD = Duration.ofSeconds(60);
  private static final Duration SHORT = Duration.ofMillis(200);

  private static SmsSimulator.Builder builder() {
    return SmsSimulator.builder().accept(PERMANENT);
  }

  private static String post(int contentLength) {
    return "POST /v3/tasks/x HTTP/1.1\r\nHost: sim\r\nContent-Length: "
        + contentLength
        + "\r\n\r\n";
  }

  // ---- head timeout ----

  @Test
  void requestHeadTimeout_requestLineOnly_closesWithoutAnAnswer() {
    assertTimeoutPreemptively(
        HANG_GUARD,
        () -> {
          try (SmsSimulator simulator = builder().requestHeadTimeout(SHORT).start();
              RawConnection connection = RawConnection.open(simulator)) {
            connection.send("GET /v3/tasks/x HTTP/1.1\r\n");

            assertThat(connection.awaitClosedByPeer()).isTrue();
            assertThat(simulator.requestCount()).isZero();
          }
        });
  }

  @Test
  void requestHeadTimeout_countsFromTheFirstByte_soATrickleCannotExtendIt() throws Exception {
    ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    try {
      assertTimeoutPreemptively(
          HANG_GUARD,
          () -> {
            try (SmsSimulator simulator = builder().requestHeadTimeout(SHORT).start();
                RawConnection connection = RawConnection.open(simulator)) {
              connection.send("GET /v3/tasks/x HTTP/1.1\r\nX-Slow: ");
              trickle.scheduleAtFixedRate(
                  () -> sendQuietly(connection, "a"), 0, 20, TimeUnit.MILLISECONDS);

              assertThat(connection.awaitClosedByPeer()).isTrue();
            }
          });
    } finally {
      trickle.shutdownNow();
    }
  }

  // ---- body timeout ----

  @Test
  void requestBodyTimeout_answers408InTheGatewayShapeAndCloses() {
    assertTimeoutPreemptively(
        HANG_GUARD,
        () -> {
          try (SmsSimulator simulator = builder().requestBodyTimeout(SHORT).start();
              RawConnection connection = RawConnection.open(simulator)) {
            connection.send(post(100) + "{\"a\":");

            RawConnection.Response response = connection.readResponse();
            assertThat(response.status()).isEqualTo(408);
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(response.body())
                .contains("\"error_code\":\"APIGW.0201\"")
                .contains("\"request_id\":\"" + response.header("X-Request-Id") + "\"");
            assertThat(connection.awaitClosedByPeer()).isTrue();

            JournalEntry entry = simulator.journal().get(0);
            assertThat(entry.status()).isEqualTo(408);
            assertThat(entry.method()).isEqualTo("POST");
            assertThat(entry.signatureValid()).isFalse();
            assertThat(entry.signatureReason()).startsWith("not checked: the body did not arrive");
            assertThat(entry.requestId()).isEqualTo(response.header("X-Request-Id"));
          }
        });
  }

  // ---- body size ----

  @Test
  void maxRequestBodyBytes_aBodyAtTheLimitIsRead() throws Exception {
    try (SmsSimulator simulator = builder().maxRequestBodyBytes(16).start();
        RawConnection connection = RawConnection.open(simulator)) {
      connection.send(post(16) + "0123456789abcdef");

      assertThat(connection.readResponse().status()).isEqualTo(401); // unsigned, but read
    }
  }

  @Test
  void maxRequestBodyBytes_oneByteMore_answers413AndJournalsIt() throws Exception {
    try (SmsSimulator simulator = builder().maxRequestBodyBytes(16).start();
        RawConnection connection = RawConnection.open(simulator)) {
      connection.send(post(17) + "0123456789abcdefg");

      RawConnection.Response response = connection.readResponse();
      assertThat(response.status()).isEqualTo(413);
      assertThat(response.body()).contains("Request entity too large");
      JournalEntry entry = simulator.journal().get(0);
      assertThat(entry.status()).isEqualTo(413);
      assertThat(entry.signatureReason())
          .isEqualTo("not checked: the body is over the limit of 16 bytes");
      assertThat(simulator.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void maxRequestBodyBytes_chunkedBodyPassingIt_answers413() throws Exception {
    try (SmsSimulator simulator = builder().maxRequestBodyBytes(16).start();
        RawConnection connection = RawConnection.open(simulator)) {
      connection.send(
          "POST /v3/tasks/x HTTP/1.1\r\nHost: sim\r\nTransfer-Encoding: chunked\r\n\r\n"
              + "a\r\n0123456789\r\n"
              + "7\r\nabcdefg\r\n");

      assertThat(connection.readResponse().status()).isEqualTo(413);
    }
  }

  @Test
  void maxRequestBodyBytes_zero_refusesAnyBody() throws Exception {
    try (SmsSimulator simulator = builder().maxRequestBodyBytes(0).start();
        RawConnection connection = RawConnection.open(simulator)) {
      connection.send(post(1) + "x");

      assertThat(connection.readResponse().status()).isEqualTo(413);
    }
  }

  @Test
  void expectContinue_withABodyOverTheLimit_answers413InsteadOfContinue() throws Exception {
    try (SmsSimulator simulator = builder().maxRequestBodyBytes(16).start();
        RawConnection connection = RawConnection.open(simulator)) {
      connection.send(
          "POST /v3/tasks/x HTTP/1.1\r\nHost: sim\r\nExpect: 100-continue\r\n"
              + "Content-Length: 17\r\n\r\n");

      assertThat(connection.readResponse().status()).isEqualTo(413);
    }
  }

  @Test
  void expectContinue_withABodyWithinTheLimit_getsContinueThenTheAnswer() throws Exception {
    try (SmsSimulator simulator = SmsSimulator.start(PERMANENT);
        RawConnection connection = RawConnection.open(simulator)) {
      connection.send(
          "POST /v3/tasks/x HTTP/1.1\r\nHost: sim\r\nExpect: 100-continue\r\n"
              + "Content-Length: 2\r\n\r\n");

      assertThat(connection.readResponse().status()).isEqualTo(100);
      connection.send("{}");
      assertThat(connection.readResponse().status()).isEqualTo(401);
    }
  }

  // ---- journal ----

  @Test
  void maxJournalEntries_keepsTheLatestAndCountsAll() {
    try (SmsSimulator simulator = builder().maxJournalEntries(3).start();
        SmsClient sms = client(simulator)) {
      for (int i = 0; i < 5; i++) {
        sms.showTask(SmsSimulator.EXAMPLE_TASK_ID);
      }

      assertThat(simulator.journal()).extracting(JournalEntry::number).containsExactly(3L, 4L, 5L);
      assertThat(simulator.requestCount()).isEqualTo(5);
    }
  }

  @Test
  void maxJournalEntries_zero_keepsNone() {
    try (SmsSimulator simulator = builder().maxJournalEntries(0).start();
        SmsClient sms = client(simulator)) {
      sms.showTask(SmsSimulator.EXAMPLE_TASK_ID);

      assertThat(simulator.journal()).isEmpty();
      assertThat(simulator.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void maxJournalEntries_byDefault_tenThousand() {
    assertThat(SmsSimulator.DEFAULT_MAX_JOURNAL_ENTRIES).isEqualTo(10_000);
    assertThat(SmsSimulator.DEFAULT_MAX_REQUEST_BODY_BYTES).isEqualTo(1024 * 1024);
  }

  // ---- builder ----

  @Test
  void builder_nonPositiveTimeouts_fail() {
    assertThatThrownBy(() -> builder().requestHeadTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("requestHeadTimeout must be positive, was PT0S");
    assertThatThrownBy(() -> builder().requestBodyTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("requestBodyTimeout must be positive, was PT-1S");
  }

  @Test
  void builder_negativeSizes_fail() {
    assertThatThrownBy(() -> builder().maxRequestBodyBytes(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("maxRequestBodyBytes must be 0 to ");
    assertThatThrownBy(() -> builder().maxJournalEntries(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxJournalEntries must be zero or positive, was -1");
  }

  @Test
  void builder_limitSetTwice_failsNamingBoth() {
    assertThatThrownBy(() -> builder().maxRequestBodyBytes(10).maxRequestBodyBytes(20))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("maxRequestBodyBytes(20) conflicts with maxRequestBodyBytes(10): set it once");
    assertThatThrownBy(
            () -> builder().requestHeadTimeout(SHORT).requestHeadTimeout(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "requestHeadTimeout(PT1S) conflicts with requestHeadTimeout(PT0.2S): set it once");
  }

  private static SmsClient client(SmsSimulator simulator) {
    return SimulatorClients.withoutRetries(simulator, PERMANENT);
  }

  private static void sendQuietly(RawConnection connection, String text) {
    try {
      connection.send(text);
    } catch (IOException e) {
      // closed by the simulator, as it should
    }
  }
}
