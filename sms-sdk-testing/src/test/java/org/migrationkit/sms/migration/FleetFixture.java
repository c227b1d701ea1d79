package org.migrationkit.sms.migration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.WaitOptions;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.CreateTaskRequest;
import org.migrationkit.sms.model.ListTasksRequest;
import org.migrationkit.sms.model.ShowServerResponse;
import org.migrationkit.sms.testing.SmsSimulator;

/** What the fleet tests share: an empty simulator, its servers, a client and quick waits. */
final class FleetFixture {
  static final Credentials CREDENTIALS =
      Credentials.akSk("fleet-test-ak", "fleet-test-sk").withDomainId("fleet-domain");

  /** Polls every 2 ms, as the simulator's per-poll scripts advance one step a poll. */
  static final WaitOptions QUICK_WAITS =
      WaitOptions.builder()
          .pollInterval(Duration.ofMillis(2))
          .maxPollInterval(Duration.ofMillis(5))
          .maxWait(Duration.ofMinutes(2))
          .build();

  private FleetFixture() {}

  static SmsSimulator simulator() {
    return SmsSimulator.builder().accept(CREDENTIALS).empty().start();
  }

  static SmsClient client(SmsSimulator simulator) {
    return SmsClient.builder()
        .endpoint(simulator.endpoint())
        .credentials(CREDENTIALS)
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  static List<String> addServers(SmsSimulator simulator, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      ids.add(simulator.addSourceServer("server-" + i).getId());
    }
    return ids;
  }

  /** The request the simulator accepts, named after the server: the same name every run. */
  static CreateTaskRequest request(ShowServerResponse server) {
    return SmsSimulator.createTaskRequestFor(server);
  }

  /** Counts the tasks the service holds for a server. */
  static int tasksOf(SmsClient sms, String serverId) {
    Integer count =
        sms.listTasks(ListTasksRequest.builder().sourceServerId(serverId).limit(100).build())
            .getCount();
    return count == null ? 0 : count;
  }
}
