package org.migrationkit.sms.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsConnectionException;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.auth.AkSkSigner;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.testsupport.SimulatorClients;

/**
 * The simulator's routes, credentials, journal and lifecycle, through the real client or raw HTTP.
 */
class SmsSimulatorTest {
  private static final Credentials PERMANENT =
      Credentials.akSk("HPUAPERMANENTKEY0001", "permanent-secret-key-value")
          .withDomainId("domain-1");
  private static final Credentials TEMPORARY =
      Credentials.akSk("HPUATEMPORARYKEY0002", "temporary-secret-key-value")
          .withSecurityToken("security-token-value-0123456789");
  private static final Credentials TOKEN = Credentials.token("MIIZ-iam-token-value-0123456789");

  private static SmsClient client(SmsSimulator simulator, Credentials credentials) {
    return SimulatorClients.withoutRetries(simulator, credentials);
  }

  private static HttpResponse<String> rawGet(
      SmsSimulator simulator, String path, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(simulator.endpoint() + path)).GET();
    headers.forEach(request::header);
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, String> signed(
      SmsSimulator simulator, String path, Credentials c, Instant at) {
    URI uri = URI.create(simulator.endpoint() + path);
    return AkSkSigner.sign("GET", uri, Map.of(), null, c, Clock.fixed(at, ZoneOffset.UTC));
  }

  // ---- tasks ----

  @Test
  void exampleTask_isServedUnderTheRequestIdAndItsOwnId() {
    try (SmsSimulator simulator = SmsSimulator.start(PERMANENT);
        SmsClient sms = client(simulator, PERMANENT)) {
      ShowTaskResponse byRequestId = sms.showTask(SmsSimulator.EXAMPLE_TASK_ID);
      ShowTaskResponse byOwnId = sms.showTask(SmsSimulator.exampleTask().getId());

      assertThat(byRequestId).isEqualTo(SmsSimulator.exampleTask());
      assertThat(byOwnId).isEqualTo(SmsSimulator.exampleTask());
    }
  }

  @Test
  void putTask_addsAndReplaces() {
    try (SmsSimulator simulator = SmsSimulator.start(PERMANENT);
        SmsClient sms = client(simulator, PERMANENT)) {
      simulator.putTask("task-a", SmsSimulator.exampleTask().toBuilder().name("first").build());
      assertThat(sms.showTask("task-a").getName()).isEqualTo("first");

      simulator.putTask("task-a", SmsSimulator.exampleTask().toBuilder().name("second").build());
      assertThat(sms.showTask("task-a").getName()).isEqualTo("second");
      assertThat(simulator.task("task-a").getName()).isEqualTo("second");
    }
  }

  @Test
  void removeTask_answers404InTheServiceShape() {
    try (SmsSimulator simulator = SmsSimulator.start(PERMANENT);
        SmsClient sms = client(simulator, PERMANENT)) {
      simulator.removeTask(SmsSimulator.EXAMPLE_TASK_ID);

      SmsServiceException e =
          catchThrowableOfType(
              () -> sms.showTask(SmsSimulator.EXAMPLE_TASK_ID), SmsServiceException.class);
      assertThat(e.getStatusCode()).isEqualTo(404);
      assertThat(e.getErrorCode()).isEqualTo("SMS.1204");
      assertThat(e.getRequestId()).startsWith("sim-");
      assertThat(simulator.task(SmsSimulator.EXAMPLE_TASK_ID)).isNull();
    }
  }

  @Test
  void taskId_withReservedCharacters_isDecodedFromOneSegment() {
    try (SmsSimulator simulator = SmsSimulator.start(PERMANENT);
        SmsClient sms = client(simulator, PERMANENT)) {
      simulator.putTask("a b/c?d", SmsSimulator.exampleTask().toBuilder().name("odd").build());

      assertThat(sms.showTask("a b/c?d").getName()).isEqualTo("odd");
      assertThat(simulator.journal().get(0).taskId()).isEqualTo("a b/c?d");
    }
  }

  @Test
  void unknownRoute_answersGatewayNotFound() throws Exception {
    try (SmsSimulator simulator = SmsSimulator.start(PERMANENT)) {
      String path = "/v3/no-such-resource";
      HttpResponse<String> response =
          rawGet(simulator, path, signed(simulator, path, PERMANENT, Instant.now()));

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.body()).contains("\"error_code\":\"APIGW.0101\"");
      assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }
  }

  // ---- credentials ----

  @Test
  void severalCredentials_eachKindIsAccepted() {
    try (SmsSimulator simulator =
            SmsSimulator.builder().accept(PERMANENT).accept(TEMPORARY).accept(TOKEN).start();
        SmsClient permanent = client(simulator, PERMANENT);
        SmsClient temporary = client(simulator, TEMPORARY);
        SmsClient token = client(simulator, TOKEN)) {
      permanent.showTask(SmsSimulator.EXAMPLE_TASK_ID);
      temporary.showTask(SmsSimulator.EXAMPLE_TASK_ID);
      token.showTask(SmsSimulator.EXAMPLE_TASK_ID);

      assertThat(simulator.journal()).allSatisfy(e -> assertThat(e.signatureValid()).isTrue());
      assertThat(simulator.journal())
          .extracting(JournalEntry::accessKey)
          .containsExactly("HPUAPERMANENTKEY0001", "HPUATEMPORARYKEY0002", null);
    }
  }

  @Test
  void wrongSecretKey_answers401WithTheGatewayShape() {
    try (SmsSimulator simulator = SmsSimulator.start(PERMANENT);
        SmsClient sms =
            client(
                simulator,
                Credentials.akSk("HPUAPERMANENTKEY0001", "not-the-secret")
                    .withDomainId("domain-1"))) {
      SmsServiceException e =
          catchThrowableOfType(
              () -> sms.showTask(SmsSimulator.EXAMPLE_TASK_ID), SmsServiceException.class);

      assertThat(e.getStatusCode()).isEqualTo(401);
      assertThat(e.getErrorCode()).isEqualTo("APIGW.0301");
      assertThat(e.getErrorMsg())
          .isEqualTo(
              "Incorrect IAM authentication information: the signature does not match the request");
      JournalEntry entry = simulator.journal().get(0);
      assertThat(entry.signatureValid()).isFalse();
      assertThat(entry.signatureReason()).isEqualTo("the signature does not match the request");
      assertThat(entry.status()).isEqualTo(401);
    }
  }

  @Test
  void unknownAccessKey_answers401() {
    try (SmsSimulator simulator = SmsSimulator.start(PERMANENT);
        SmsClient sms = client(simulator, Credentials.akSk("HPUAUNKNOWNKEY000009", "whatever"))) {
      SmsServiceException e =
          catchThrowableOfType(
              () -> sms.showTask(SmsSimulator.EXAMPLE_TASK_ID), SmsServiceException.class);

      assertThat(e.getStatusCode()).isEqualTo(401);
      assertThat(simulator.journal().get(0).signatureReason())
          .isEqualTo("the access key is not known");
    }
  }

  @Test
  void unknownToken_answers401() {
    try (SmsSimulator simulator = SmsSimulator.start(PERMANENT);
        SmsClient sms = client(simulator, Credentials.token("some-other-token"))) {
      SmsServiceException e =
          catchThrowableOfType(
              () -> sms.showTask(SmsSimulator.EXAMPLE_TASK_ID), SmsServiceException.class);

      assertThat(e.getStatusCode()).isEqualTo(401);
      assertThat(simulator.journal().get(0).signatureReason())
          .isEqualTo("the X-Auth-Token is not valid");
    }
  }

  @Test
  void staleSignature_answers401() throws Exception {
    try (SmsSimulator simulator = SmsSimulator.start(PERMANENT)) {
      String path = "/v3/tasks/" + SmsSimulator.EXAMPLE_TASK_ID;
      Instant sixteenMinutesAgo = Instant.now().minus(Duration.ofMinutes(16));
      HttpResponse<String> response =
          rawGet(simulator, path, signed(simulator, path, PERMANENT, sixteenMinutesAgo));

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.body())
          .contains("\"error_code\":\"APIGW.0301\"")
          .contains("the signature expired");
      assertThat(simulator.journal().get(0).signatureReason()).startsWith("the signature expired");
    }
  }

  @Test
  void signatureClock_aheadOfTheClient_makesEveryRequestStale() {
    Clock twentyMinutesAhead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20));
    try (SmsSimulator simulator =
            SmsSimulator.builder().accept(PERMANENT).signatureClock(twentyMinutesAhead).start();
        SmsClient sms = client(simulator, PERMANENT)) {
      SmsServiceException e =
          catchThrowableOfType(
              () -> sms.showTask(SmsSimulator.EXAMPLE_TASK_ID), SmsServiceException.class);

      assertThat(e.getStatusCode()).isEqualTo(401);
      assertThat(simulator.journal().get(0).signatureReason()).startsWith("the signature expired");
    }
  }

  @Test
  void maxClockSkew_widened_acceptsAnOldSignature() throws Exception {
    try (SmsSimulator simulator =
        SmsSimulator.builder().accept(PERMANENT).maxClockSkew(Duration.ofHours(1)).start()) {
      String path = "/v3/tasks/" + SmsSimulator.EXAMPLE_TASK_ID;
      Instant halfAnHourAgo = Instant.now().minus(Duration.ofMinutes(30));

      assertThat(
              rawGet(simulator, path, signed(simulator, path, PERMANENT, halfAnHourAgo))
                  .statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void missingAuthentication_answers401() throws Exception {
    try (SmsSimulator simulator = SmsSimulator.start(PERMANENT)) {
      HttpResponse<String> response = rawGet(simulator, "/v3/tasks/x", Map.of());

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(simulator.journal().get(0).signatureReason())
          .isEqualTo("the request has neither Authorization nor X-Auth-Token");
    }
  }

  @Test
  void accept_atRuntime_admitsNewCredentials() {
    try (SmsSimulator simulator = SmsSimulator.start(PERMANENT);
        SmsClient sms = client(simulator, TOKEN)) {
      assertThatThrownBy(() -> sms.showTask(SmsSimulator.EXAMPLE_TASK_ID))
          .isInstanceOf(SmsServiceException.class);

      simulator.accept(TOKEN);

      assertThat(sms.showTask(SmsSimulator.EXAMPLE_TASK_ID).getName()).isEqualTo("MigrationTask");
    }
  }

  @Test
  void revoke_rejectsCredentialsFromNowOn() {
    try (SmsSimulator simulator =
            SmsSimulator.builder().accept(PERMANENT).accept(TEMPORARY).start();
        SmsClient sms = client(simulator, TEMPORARY)) {
      sms.showTask(SmsSimulator.EXAMPLE_TASK_ID);

      simulator.revoke(TEMPORARY);

      SmsServiceException e =
          catchThrowableOfType(
              () -> sms.showTask(SmsSimulator.EXAMPLE_TASK_ID), SmsServiceException.class);
      assertThat(e.getStatusCode()).isEqualTo(401);
    }
  }

  // ---- journal ----

  @Test
  void journal_recordsTheRequestLineHeadersAndVerdict() {
    try (SmsSimulator simulator = SmsSimulator.start(PERMANENT);
        SmsClient sms = client(simulator, PERMANENT)) {
      sms.showTask(SmsSimulator.EXAMPLE_TASK_ID);

      JournalEntry entry = simulator.journal().get(0);
      assertThat(entry.number()).isEqualTo(1);
      assertThat(entry.method()).isEqualTo("GET");
      assertThat(entry.path()).isEqualTo("/v3/tasks/" + SmsSimulator.EXAMPLE_TASK_ID);
      assertThat(entry.query()).isNull();
      assertThat(entry.taskId()).isEqualTo(SmsSimulator.EXAMPLE_TASK_ID);
      assertThat(entry.header("x-domain-id")).isEqualTo("domain-1");
      assertThat(entry.header("X-Sdk-Date")).matches("\\d{8}T\\d{6}Z");
      assertThat(entry.header("user-agent")).startsWith("migrationkit-sms");
      assertThat(entry.signatureValid()).isTrue();
      assertThat(entry.signatureReason()).isEqualTo("valid");
      assertThat(entry.status()).isEqualTo(200);
      assertThat(entry.fault()).isNull();
      assertThat(entry.receivedAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
    }
  }

  @Test
  void journal_masksAuthorizationAndSecurityToken() {
    try (SmsSimulator simulator = SmsSimulator.start(TEMPORARY);
        SmsClient sms = client(simulator, TEMPORARY)) {
      sms.showTask(SmsSimulator.EXAMPLE_TASK_ID);

      JournalEntry entry = simulator.journal().get(0);
      assertThat(entry.header("Authorization")).isEqualTo(JournalEntry.MASK);
      assertThat(entry.header("X-Security-Token")).isEqualTo(JournalEntry.MASK);
      assertThat(entry.accessKey()).isEqualTo("HPUATEMPORARYKEY0002");
      assertThat(entry.headers().toString() + entry)
          .doesNotContain("security-token-value")
          .doesNotContain("Signature=")
          .doesNotContain("temporary-secret-key-value");
    }
  }

  @Test
  void journal_masksTheAuthToken() {
    try (SmsSimulator simulator = SmsSimulator.start(TOKEN);
        SmsClient sms = client(simulator, TOKEN)) {
      sms.showTask(SmsSimulator.EXAMPLE_TASK_ID);

      JournalEntry entry = simulator.journal().get(0);
      assertThat(entry.header("X-Auth-Token")).isEqualTo(JournalEntry.MASK);
      assertThat(entry.headers().toString()).doesNotContain("MIIZ-iam-token-value");
    }
  }

  @Test
  void clearJournal_forgetsEntriesButNumbersGoOn() {
    try (SmsSimulator simulator = SmsSimulator.start(PERMANENT);
        SmsClient sms = client(simulator, PERMANENT)) {
      sms.showTask(SmsSimulator.EXAMPLE_TASK_ID);
      simulator.clearJournal();
      sms.showTask(SmsSimulator.EXAMPLE_TASK_ID);

      assertThat(simulator.journal()).extracting(JournalEntry::number).containsExactly(2L);
      assertThat(simulator.requestCount()).isEqualTo(2);
    }
  }

  @Test
  void requestCount_countsRejectedRequestsToo() {
    try (SmsSimulator simulator = SmsSimulator.start(PERMANENT);
        SmsClient sms = client(simulator, TOKEN)) {
      catchThrowableOfType(
          () -> sms.showTask(SmsSimulator.EXAMPLE_TASK_ID), SmsServiceException.class);

      assertThat(simulator.requestCount()).isEqualTo(1);
    }
  }

  // ---- lifecycle and builder ----

  @Test
  void close_refusesConnectionsAndIsIdempotent() {
    SmsSimulator simulator = SmsSimulator.start(PERMANENT);
    try (SmsClient sms = client(simulator, PERMANENT)) {
      simulator.close();
      simulator.close();

      assertThatThrownBy(() -> sms.showTask(SmsSimulator.EXAMPLE_TASK_ID))
          .isInstanceOf(SmsConnectionException.class);
    }
  }

  @Test
  void endpoint_isLoopbackHttp() {
    try (SmsSimulator simulator = SmsSimulator.start(PERMANENT)) {
      assertThat(simulator.endpoint()).matches("http://127\\.0\\.0\\.1:\\d+");
      assertThat(simulator.toString()).contains(simulator.endpoint());
    }
  }

  @Test
  void builder_withoutCredentials_failsAtStart() {
    assertThatThrownBy(() -> SmsSimulator.builder().start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("accept(Credentials)");
  }

  @Test
  void builder_optionSetTwice_failsNamingBoth() {
    assertThatThrownBy(
            () ->
                SmsSimulator.builder()
                    .signatureClock(Clock.systemUTC())
                    .signatureClock(Clock.systemDefaultZone()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("conflicts with signatureClock");
    assertThatThrownBy(
            () -> SmsSimulator.builder().virtualStart(Instant.EPOCH).virtualStart(Instant.EPOCH))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void advance_movesTheVirtualClockOnly() {
    Instant start = Instant.parse("2030-01-01T00:00:00Z");
    try (SmsSimulator simulator =
            SmsSimulator.builder().accept(PERMANENT).virtualStart(start).start();
        SmsClient sms = client(simulator, PERMANENT)) {
      simulator.advance(Duration.ofDays(3));

      assertThat(simulator.now()).isEqualTo(start.plus(Duration.ofDays(3)));
      assertThat(sms.showTask(SmsSimulator.EXAMPLE_TASK_ID).getName()).isEqualTo("MigrationTask");
      assertThatThrownBy(() -> simulator.advance(Duration.ofSeconds(-1)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
