package org.migrationkit.sms.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ListTasksRequest;
import org.migrationkit.sms.model.ShowServerRequest;
import org.migrationkit.sms.model.ShowServerResponse;
import org.migrationkit.sms.testing.SmsSimulator;
import org.migrationkit.sms.testing.junit5.SmsSimulatorExtension;
import org.migrationkit.sms.testing.junit5.SmsSimulatorTest;

/**
 * The JUnit 5 examples of the guides, as test classes of their own (below): surefire runs them in
 * {@code mvn verify}.
 */
final class Junit5Snippets {
  private Junit5Snippets() {}
}

// [START simulator-test]
@SmsSimulatorTest
class TaskListTest {
  @Test
  void listTasks_emptySimulator_countsNone(SmsClient sms) {
    assertEquals(0, sms.listTasks(ListTasksRequest.builder().build()).getCount());
  }

  @Test
  void showServer_addedServer_isFound(SmsSimulator simulator, SmsClient sms) {
    String id = simulator.addSourceServer("web-1").getId();
    assertEquals(
        "web-1", sms.showServer(ShowServerRequest.builder().sourceId(id).build()).getName());
  }
}

// [END simulator-test]

// [START static-extension]
class MigrationServiceTest {
  // static: one simulator for the class (and its @Nested classes), on one port, reset before
  // each test, closed after the class
  @RegisterExtension
  static final SmsSimulatorExtension SMS =
      SmsSimulatorExtension.builder()
          .credentials(Credentials.akSk("my-ak", "my-sk").withDomainId("my-domain"))
          .virtualStart(Instant.parse("2026-01-01T00:00:00Z"))
          .configureSimulator(simulator -> simulator.maxJournalEntries(1_000))
          .configureClient(client -> client.retryPolicy(RetryPolicy.none()))
          .build();

  @Test
  void start_runsTheTask() {
    SmsSimulator simulator = SMS.simulator();
    SmsClient sms = SMS.client();
    assertEquals(0, sms.listTasks(ListTasksRequest.builder().build()).getCount());
    assertEquals(1, simulator.journal().size());
  }
}

// [END static-extension]

// [START instance-extension]
class OneSimulatorPerTest {
  // instance field: a simulator started for each test and closed after it
  @RegisterExtension final SmsSimulatorExtension sms = SmsSimulatorExtension.create();
}

// [END instance-extension]

// [START migration-tool-test]
@SmsSimulatorTest
class MigrationToolTest {
  @Test
  void migratesOneServer(SmsSimulator simulator, SmsClient sms) {
    ShowServerResponse server = simulator.addSourceServer("web-1");
    String taskId = sms.createTask(SmsSimulator.createTaskRequestFor(server)).getId();
    // ... your tooling against `sms` ...
  }
}
// [END migration-tool-test]
