package org.migrationkit.sms.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.auth.AkSkSigner;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.testsupport.SimulatorClients;

/** The simulator's own HTTP/1.1 server, as clients other than ours may use it: raw sockets. */
class SimulatorHttpTest {
  private static final Credentials PERMANENT =
      Credentials.akSk("HPUAPERMANENTKEY0001", "permanent-secret-key-value")
          .withDomainId("domain-1");
  private static final String TASK = "/v3/tasks/" + SmsSimulator.EXAMPLE_TASK_ID;

  private static String get(String path, String... headers) {
    return "GET " + path + " HTTP/1.1\r\nHost: sim\r\n" + String.join("", headers) + "\r\n";
  }

  @Test
  void pipelinedRequests_areAnsweredInOrderOnOneConnection() throws Exception {
    try (SmsSimulator simulator = SmsSimulator.start(PERMANENT);
        RawConnection connection = RawConnection.open(simulator)) {
      connection.send(get("/v3/tasks/a") + get("/v3/tasks/b") + get("/v3/tasks/c"));

      List<String> requestIds = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        RawConnection.Response response = connection.readResponse();
        assertThat(response.status()).isEqualTo(401);
        requestIds.add(response.header("X-Request-Id"));
      }
      assertThat(simulator.journal())
          .extracting(JournalEntry::path)
          .containsExactly("/v3/tasks/a", "/v3/tasks/b", "/v3/tasks/c");
      assertThat(simulator.journal()).extracting(JournalEntry::requestId).isEqualTo(requestIds);
    }
  }

  @Test
  void headRequest_getsTheHeadOnly_andTheConnectionStaysUsable() throws Exception {
    try (SmsSimulator simulator = SmsSimulator.start(PERMANENT);
        RawConnection connection = RawConnection.open(simulator)) {
      connection.send("HEAD " + TASK + " HTTP/1.1\r\nHost: sim\r\n\r\n");
      RawConnection.Response head = connection.readHeadResponse();
      connection.send(get(TASK));
      RawConnection.Response next = connection.readResponse();

      assertThat(head.status()).isEqualTo(401); // unsigned
      assertThat(Integer.parseInt(head.header("Content-Length"))).isPositive();
      assertThat(next.status()).isEqualTo(401);
      assertThat(next.body()).contains("APIGW.0301");
    }
  }

  @Test
  void answers_carryDateContentTypeAndRequestId() throws Exception {
    try (SmsSimulator simulator = SmsSimulator.start(PERMANENT);
        RawConnection connection = RawConnection.open(simulator)) {
      connection.send(get(TASK));
      RawConnection.Response response = connection.readResponse();

      assertThat(response.header("Date")).matches("\\w{3}, \\d{2} \\w{3} \\d{4} [\\d:]{8} GMT");
      assertThat(response.header("Content-Type")).isEqualTo("application/json;charset=UTF-8");
      assertThat(response.header("X-Request-Id")).matches("sim-[0-9a-f]+-1");
    }
  }

  @Test
  void http10_withoutKeepAlive_closesAfterTheAnswer() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          try (SmsSimulator simulator = SmsSimulator.start(PERMANENT);
              RawConnection connection = RawConnection.open(simulator)) {
            connection.send("GET " + TASK + " HTTP/1.0\r\n\r\n");

            assertThat(connection.readResponse().status()).isEqualTo(401);
            assertThat(connection.awaitClosedByPeer()).isTrue();
          }
        });
  }

  @Test
  void chunkedBody_isDecodedBeforeTheSignatureIsChecked() throws Exception {
    try (SmsSimulator simulator = SmsSimulator.start(PERMANENT);
        RawConnection connection = RawConnection.open(simulator)) {
      byte[] body = "{\"name\":\"task\"}".getBytes(StandardCharsets.UTF_8);
      URI uri = URI.create(simulator.endpoint() + "/v3/tasks");
      Map<String, String> signed =
          AkSkSigner.sign(
              "POST",
              uri,
              Map.of("Content-Type", "application/json"),
              body,
              PERMANENT,
              Clock.systemUTC());
      StringBuilder request =
          new StringBuilder("POST /v3/tasks HTTP/1.1\r\nHost: " + uri.getAuthority() + "\r\n");
      request.append("Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n");
      signed.forEach(
          (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      request.append("\r\n5;ext=1\r\n{\"nam\r\n").append("a\r\ne\":\"task\"}\r\n0\r\n\r\n");

      connection.send(request.toString());

      // signed well, routed to CreateTask, refused for want of source_server
      assertThat(connection.readResponse().status()).isEqualTo(400);
      JournalEntry entry = simulator.journal().get(0);
      assertThat(entry.signatureValid()).as(entry.signatureReason()).isTrue();
    }
  }

  @Test
  void malformedRequestLine_answers400AndIsNoRequest() throws Exception {
    try (SmsSimulator simulator = SmsSimulator.start(PERMANENT);
        RawConnection connection = RawConnection.open(simulator)) {
      connection.send("NONSENSE\r\n\r\n");

      RawConnection.Response response = connection.readResponse();
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.body()).contains("\"error_code\":\"APIGW.0201\"");
      assertThat(response.header("X-Request-Id")).startsWith("sim-");
      assertThat(simulator.requestCount()).isZero();
    }
  }

  @Test
  void headOver64KiB_answers431() throws Exception {
    try (SmsSimulator simulator = SmsSimulator.start(PERMANENT);
        RawConnection connection = RawConnection.open(simulator)) {
      connection.send("GET " + TASK + " HTTP/1.1\r\nX-Big: " + "x".repeat(70 * 1024) + "\r\n\r\n");

      assertThat(connection.readResponse().status()).isEqualTo(431);
    }
  }

  @Test
  void contentLengthWithChunked_answers400() throws Exception {
    try (SmsSimulator simulator = SmsSimulator.start(PERMANENT);
        RawConnection connection = RawConnection.open(simulator)) {
      connection.send(
          "POST /v3/tasks HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n");

      assertThat(connection.readResponse().status()).isEqualTo(400);
    }
  }

  @Test
  void unknownTransferCoding_answers501() throws Exception {
    try (SmsSimulator simulator = SmsSimulator.start(PERMANENT);
        RawConnection connection = RawConnection.open(simulator)) {
      connection.send("POST /v3/tasks HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n");

      assertThat(connection.readResponse().status()).isEqualTo(501);
    }
  }

  @Test
  void silentConnectionsPastTheCap_theLongestWaitingIsClosedAndClientsAreServed() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(120),
        () -> {
          List<RawConnection> silent = new ArrayList<>();
          try (SmsSimulator simulator = SmsSimulator.start(PERMANENT)) {
            for (int i = 0; i <= HttpListener.MAX_CONNECTIONS; i++) {
              silent.add(RawConnection.open(simulator));
            }

            assertThat(silent.get(0).awaitClosedByPeer()).isTrue();
            try (SmsClient sms = SimulatorClients.withoutRetries(simulator, PERMANENT)) {
              assertThat(sms.showTask(SmsSimulator.EXAMPLE_TASK_ID).getId()).isNotNull();
            }
          } finally {
            for (RawConnection connection : silent) {
              connection.close();
            }
          }
        });
  }
}
