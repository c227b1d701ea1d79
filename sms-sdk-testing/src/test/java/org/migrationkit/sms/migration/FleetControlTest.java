package org.migrationkit.sms.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.model.TaskState;
import org.migrationkit.sms.testing.SmsSimulator;

/** Cancelling a fleet, stopping its tasks, waves, and listeners that throw or hang. */
class FleetControlTest {
  private final SmsSimulator simulator = FleetFixture.simulator();
  private final SmsClient sms = FleetFixture.client(simulator);

  @AfterEach
  void stop() {
    sms.close();
    simulator.close();
  }

  private FleetMigration.Builder fleet(List<String> servers) {
    return FleetMigration.builder(sms)
        .servers(servers)
        .taskRequest(FleetFixture::request)
        .waitOptions(FleetFixture.QUICK_WAITS);
  }

  /** A listener counting down once per event of a kind. */
  private static FleetListener countDown(FleetEvent.Kind kind, CountDownLatch latch) {
    return new FleetListener() {
      @Override
      public void onServerEvent(FleetEvent event) {
        if (event.kind() == kind) {
          latch.countDown();
        }
      }
    };
  }

  @Test
  void cancel_stopsCreatingAndPolling_tasksKeepRunning_threadsEnd() throws Exception {
    List<String> servers = FleetFixture.addServers(simulator, 20);
    simulator.startedTaskScript(FleetFixture.runsOnVirtualClock());
    CountDownLatch started = new CountDownLatch(5);
    FleetRun run =
        fleet(servers)
            .maxConcurrent(5)
            .listener(countDown(FleetEvent.Kind.STARTED, started))
            .build()
            .start();
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    run.cancel();
    FleetReport report = run.await();
    long requests = simulator.requestCount();

    assertThat(report.items())
        .filteredOn(i -> i.outcome() == FleetItem.Outcome.RUNNING)
        .hasSize(5)
        .allSatisfy(
            // started on the service: READY until its agent's first poll picks it up, then RUNNING
            i ->
                assertThat(simulator.task(i.taskId()).getState())
                    .isIn(TaskState.READY, TaskState.RUNNING));
    assertThat(report.items())
        .filteredOn(i -> i.outcome() == FleetItem.Outcome.PENDING)
        .hasSize(15)
        .allSatisfy(i -> assertThat(i.taskId()).isNull());
    assertThat(FleetFixture.fleetThreadsAlive()).isEmpty();
    // a poll sent just before the cancel may still arrive (one per task at most); polling on
    // would send one every few milliseconds per task
    assertThat(simulator.awaitRequests(requests + 6, Duration.ofMillis(500)))
        .as("requests after the cancel")
        .isFalse();
    assertThat(run.isDone()).isTrue();
  }

  @Test
  void stopRunningTasks_sendsStopToTheRunsRunningTasks() throws Exception {
    List<String> servers = FleetFixture.addServers(simulator, 8);
    simulator.startedTaskScript(FleetFixture.runsOnVirtualClock());
    CountDownLatch started = new CountDownLatch(3);
    FleetRun run =
        fleet(servers)
            .maxConcurrent(3)
            .listener(countDown(FleetEvent.Kind.STARTED, started))
            .build()
            .start();
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    List<String> stopped = run.stopRunningTasks();

    assertThat(stopped).hasSize(3);
    for (String taskId : stopped) {
      // stop passes through ABORTING, for one poll, before ABORT
      assertThat(simulator.task(taskId).getState()).isIn(TaskState.ABORTING, TaskState.ABORT);
    }
    assertThat(simulator.journal()).filteredOn(e -> "CreateTask".equals(e.operation())).hasSize(3);
  }

  @Test
  void waves_eachWaveEndsBeforeTheNextBegins() {
    List<String> servers = FleetFixture.addServers(simulator, 12);
    List<List<String>> waves =
        List.of(servers.subList(0, 4), servers.subList(4, 9), servers.subList(9, 12));
    List<FleetEvent> events = new CopyOnWriteArrayList<>();

    FleetReport report =
        FleetMigration.builder(sms)
            .waves(waves)
            .taskRequest(FleetFixture::request)
            .waitOptions(FleetFixture.QUICK_WAITS)
            .maxConcurrent(10)
            .listener(
                new FleetListener() {
                  @Override
                  public void onServerEvent(FleetEvent event) {
                    events.add(event);
                  }
                })
            .build()
            .run();

    assertThat(report.succeeded()).hasSize(12);
    for (int w = 1; w < waves.size(); w++) {
      List<String> before = waves.get(w - 1);
      List<String> current = waves.get(w);
      int lastEnd = -1;
      int firstCreate = Integer.MAX_VALUE;
      for (int i = 0; i < events.size(); i++) {
        FleetEvent e = events.get(i);
        if (before.contains(e.sourceServerId()) && e.kind() == FleetEvent.Kind.SUCCEEDED) {
          lastEnd = Math.max(lastEnd, i);
        }
        if (current.contains(e.sourceServerId()) && e.kind() == FleetEvent.Kind.CREATED) {
          firstCreate = Math.min(firstCreate, i);
        }
      }
      assertThat(lastEnd)
          .as("wave %d ended before wave %d began", w, w + 1)
          .isLessThan(firstCreate);
      FleetItem firstOfWave = report.item(current.get(0));
      for (String server : before) {
        assertThat(report.item(server).finishedAt()).isBeforeOrEqualTo(firstOfWave.startedAt());
      }
    }
  }

  @Test
  void listenerThatThrows_fleetGoesOn() throws Exception {
    List<String> servers = FleetFixture.addServers(simulator, 10);
    int[] calls = new int[1];

    FleetReport report =
        fleet(servers)
            .listener(
                new FleetListener() {
                  @Override
                  public void onServerEvent(FleetEvent event) {
                    calls[0]++;
                    throw new AssertionError("listener broke on " + event);
                  }

                  @Override
                  public void onProgress(FleetProgress progress) {
                    throw new IllegalStateException("progress broke");
                  }
                })
            .build()
            .run();

    assertThat(report.succeeded()).hasSize(10);
    assertThat(calls[0]).isGreaterThanOrEqualTo(30); // created, started, succeeded at least
    assertThat(FleetFixture.fleetThreadsAlive()).isEmpty();
  }

  @Test
  void listenerThatHangs_fleetEndsAll_theSame() throws Exception {
    List<String> servers = FleetFixture.addServers(simulator, 10);
    CountDownLatch never = new CountDownLatch(1);

    FleetReport report =
        fleet(servers)
            .listener(
                new FleetListener() {
                  @Override
                  public void onServerEvent(FleetEvent event) {
                    try {
                      never.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                })
            .build()
            .run();

    assertThat(report.succeeded()).hasSize(10);
    assertThat(FleetFixture.fleetThreadsAlive()).isEmpty();
  }
}
