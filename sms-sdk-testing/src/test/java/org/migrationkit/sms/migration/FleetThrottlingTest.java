package org.migrationkit.sms.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.testing.Fault;
import org.migrationkit.sms.testing.FaultPlan;
import org.migrationkit.sms.testing.JournalEntry;
import org.migrationkit.sms.testing.SmsSimulator;

/** A throttled answer pauses the whole fleet, every worker, not only the one that got it. */
class FleetThrottlingTest {
  private static final Duration BACKOFF = Duration.ofMillis(400);

  private final SmsSimulator simulator = FleetFixture.simulator();
  private final SmsClient sms = FleetFixture.client(simulator);

  @AfterEach
  void stop() {
    sms.close();
    simulator.close();
  }

  @Test
  void http429_pausesEveryWorker_thenTheFleetSucceeds() throws Exception {
    List<String> servers = FleetFixture.addServers(simulator, 10);
    // the third CreateTask is throttled while the other servers are being created and polled
    simulator.faults(
        FaultPlan.builder()
            .onOperation("CreateTask", 2, Fault.latency(Duration.ZERO))
            .onOperation("CreateTask", 1, Fault.status(429))
            .build());

    FleetRun run =
        FleetMigration.builder(sms)
            .servers(servers)
            .taskRequest(FleetFixture::request)
            .maxConcurrent(10)
            .throttleBackoff(BACKOFF)
            .waitOptions(FleetFixture.QUICK_WAITS)
            .build()
            .start();
    FleetReport report = run.await();

    assertThat(report.succeeded()).hasSize(10);
    assertThat(run.throttledAnswers()).isEqualTo(1);
    List<JournalEntry> journal = simulator.journal();
    Instant throttled =
        journal.stream().filter(e -> e.status() == 429).findFirst().orElseThrow().receivedAt();
    // calls sent before the fleet heard of the 429 may still arrive just after it; then silence
    Instant quietFrom = throttled.plusMillis(100);
    Instant quietUntil = throttled.plus(BACKOFF).minusMillis(20);
    assertThat(journal)
        .filteredOn(e -> e.receivedAt().isAfter(quietFrom) && e.receivedAt().isBefore(quietUntil))
        .as("requests while the fleet paused")
        .isEmpty();
    assertThat(journal).anyMatch(e -> e.receivedAt().isAfter(quietUntil));
    // no server failed for it: the throttled CreateTask was sent again, and created one task
    assertThat(journal)
        .filteredOn(e -> "CreateTask".equals(e.operation()) && e.status() == 200)
        .hasSize(10);
  }

  @Test
  void throttledPolls_pauseTheFleet_waitsGoOnAfterwards() throws Exception {
    List<String> servers = FleetFixture.addServers(simulator, 6);
    simulator.faults(FaultPlan.builder().onOperation("ShowTask", 3, Fault.status(429)).build());
    FleetEvent[] throttledEvent = new FleetEvent[1];

    FleetReport report =
        FleetMigration.builder(sms)
            .servers(servers)
            .taskRequest(FleetFixture::request)
            .throttleBackoff(Duration.ofMillis(50))
            .waitOptions(FleetFixture.QUICK_WAITS)
            .listener(
                new FleetListener() {
                  @Override
                  public void onServerEvent(FleetEvent event) {
                    if (event.kind() == FleetEvent.Kind.THROTTLED) {
                      throttledEvent[0] = event;
                    }
                  }
                })
            .build()
            .run();

    assertThat(report.succeeded()).hasSize(6);
    assertThat(throttledEvent[0]).isNotNull();
    assertThat(throttledEvent[0].message()).contains("ShowTask throttled, the fleet pauses");
  }
}
