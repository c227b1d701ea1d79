package org.migrationkit.sms.testing.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ListServersRequest;
import org.migrationkit.sms.testing.SmsSimulator;

class JournalReportTest {
  private static final Credentials CREDENTIALS =
      Credentials.akSk("report-ak", "report-sk").withDomainId("report-domain");

  @Test
  void describe_longJournal_showsTheLatestEntriesInOrder() {
    try (SmsSimulator simulator = SmsSimulator.builder().accept(CREDENTIALS).empty().start();
        SmsClient sms =
            SmsClient.builder().endpoint(simulator.endpoint()).credentials(CREDENTIALS).build()) {
      for (int i = 0; i < 3; i++) {
        sms.listServers(ListServersRequest.builder().offset(i).build());
      }

      String report = JournalReport.describe("T t()", "http://x", simulator.journal(), 2);

      assertThat(report.lines())
          .containsExactly(
              "SmsSimulator journal of failed test T t() (http://x): last 2 of 3 requests",
              "  #2 GET /v3/sources?offset -> 200 ListServers [" + requestId(simulator, 1) + "]",
              "  #3 GET /v3/sources?offset -> 200 ListServers [" + requestId(simulator, 2) + "]");
    }
  }

  @Test
  void describe_emptyJournal_saysSo() {
    assertThat(JournalReport.describe("T t()", "http://x", java.util.List.of(), 20))
        .isEqualTo("SmsSimulator journal of failed test T t() (http://x): no requests");
  }

  private static String requestId(SmsSimulator simulator, int index) {
    return simulator.journal().get(index).requestId();
  }
}
