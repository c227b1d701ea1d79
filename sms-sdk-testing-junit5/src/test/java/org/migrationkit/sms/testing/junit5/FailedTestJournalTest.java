package org.migrationkit.sms.testing.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ListServersRequest;
import org.migrationkit.sms.testing.SmsSimulator;

class FailedTestJournalTest {
  static final String SECRET_KEY = "journal-secret-key-0123456789";
  static final String WRONG_SECRET_KEY = "journal-wrong-secret-key-9876";
  static final String QUERY_VALUE = "query-value-that-may-be-secret";
  static final String TOKEN = "journal-token-abcdefghijklmnop";

  @LaunchedByKit
  static class Failing {
    static final Credentials CREDENTIALS =
        Credentials.akSk("journal-ak", SECRET_KEY).withDomainId("journal-domain");

    @RegisterExtension
    static final SmsSimulatorExtension SMS =
        SmsSimulatorExtension.builder()
            .credentials(CREDENTIALS)
            .configureClient(client -> client.retryPolicy(RetryPolicy.none()))
            .build();

    @Test
    void fails(SmsSimulator simulator, SmsClient sms) {
      sms.listServers(ListServersRequest.builder().name(QUERY_VALUE).limit(10).build());
      assertThrows(SmsServiceException.class, () -> sms.showTask("no-such-task"));
      try (SmsClient wrong = client(simulator, Credentials.akSk("journal-ak", WRONG_SECRET_KEY))) {
        assertThrows(SmsServiceException.class, () -> wrong.showTask("any-task"));
      }
      try (SmsClient token = client(simulator, Credentials.token(TOKEN))) {
        assertThrows(SmsServiceException.class, () -> token.showTask("token-task"));
      }
      fail("on purpose");
    }

    @Test
    void passes(SmsClient sms) {
      sms.listServers(ListServersRequest.builder().build());
    }

    @Test
    void aborted(SmsClient sms) {
      sms.listServers(ListServersRequest.builder().build());
      Assumptions.abort("skipped on purpose");
    }

    private static SmsClient client(SmsSimulator simulator, Credentials credentials) {
      return SmsClient.builder()
          .endpoint(simulator.endpoint())
          .credentials(credentials)
          .retryPolicy(RetryPolicy.none())
          .build();
    }
  }

  @Test
  void failingTest_printsItsRequestsToStderrAndTheReport_withoutSecrets() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    EngineExecutionResults results;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      results = Kit.run(Failing.class);
    } finally {
      System.setErr(stderr);
    }
    String printed = captured.toString(StandardCharsets.UTF_8);

    results.testEvents().assertStatistics(s -> s.succeeded(1).failed(1).aborted(1));
    List<String> reports =
        results.allEvents().reportingEntryPublished().stream()
            .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
            .map(pairs -> pairs.get(SmsSimulatorExtension.REPORT_KEY))
            .collect(Collectors.toList());
    assertThat(reports).as("one report, for the failed test only").hasSize(1);
    String report = reports.get(0);
    assertThat(printed).contains(report);
    assertThat(report.lines())
        .hasSize(5)
        .first()
        .asString()
        .startsWith("SmsSimulator journal of failed test " + Failing.class.getName() + " fails(")
        .endsWith("all 4 of 4 requests");
    assertThat(report)
        .containsPattern("#\\d+ GET /v3/sources\\?(name&limit|limit&name) -> 200 ListServers")
        .contains("GET /v3/tasks/no-such-task -> 404 ShowTask")
        .contains("GET /v3/tasks/any-task -> 401 ShowTask (signature refused: ")
        .contains("GET /v3/tasks/token-task -> 401 ShowTask (signature refused: ");
    for (String secret :
        List.of(
            SECRET_KEY, WRONG_SECRET_KEY, TOKEN, QUERY_VALUE, "SDK-HMAC-SHA256", "Signature=")) {
      assertThat(printed).doesNotContain(secret);
    }
  }
}
