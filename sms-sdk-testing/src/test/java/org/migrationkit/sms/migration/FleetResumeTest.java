package org.migrationkit.sms.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.testing.Fault;
import org.migrationkit.sms.testing.FaultPlan;
import org.migrationkit.sms.testing.JournalEntry;
import org.migrationkit.sms.testing.SmsSimulator;
import org.migrationkit.sms.testing.TaskScript;

/**
 * A fleet run in a child JVM is killed ({@code destroyForcibly}, SIGKILL) and resumed here with its
 * state file: it finishes the fleet with exactly one task per server, also when the kill came
 * between a {@code CreateTask} and its answer.
 */
class FleetResumeTest {
  private static final long LIMIT_SECONDS = 60;

  private final SmsSimulator simulator = FleetFixture.simulator();
  private final SmsClient sms = FleetFixture.client(simulator);
  private Process child;
  private Path output;

  /** The fleet to kill: {@code endpoint stateFile maxConcurrent server,server,...}. */
  public static void main(String[] args) {
    try (SmsClient client =
        SmsClient.builder().endpoint(args[0]).credentials(FleetFixture.CREDENTIALS).build()) {
      fleet(client, Path.of(args[1]), Arrays.asList(args[3].split(",")))
          .maxConcurrent(Integer.parseInt(args[2]))
          .build()
          .run();
    }
  }

  private static FleetMigration.Builder fleet(SmsClient client, Path state, List<String> servers) {
    return FleetMigration.builder(client)
        .servers(servers)
        .taskRequest(FleetFixture::request)
        .waitOptions(FleetFixture.QUICK_WAITS)
        .stateFile(state);
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (child != null && child.isAlive()) {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    sms.close();
    simulator.close();
  }

  @Test
  void resume_afterKillBetweenCreateTaskAndItsAnswer_adoptsTheTasks_createsNoSecond(
      @TempDir Path dir) throws Exception {
    List<String> servers = FleetFixture.addServers(simulator, 10);
    // the service creates the task at once, its answer never reaches the child
    simulator.faults(
        FaultPlan.builder()
            .alwaysOnOperation("CreateTask", Fault.latency(Duration.ofMinutes(5)))
            .build());
    Path state = dir.resolve("fleet.json");

    startChild(dir, state, 4, servers);
    awaitJournal(e -> "CreateTask".equals(e.operation()), 4);
    child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    FleetReport killed = FleetMigration.readState(state).report();
    simulator.clearFaults();
    simulator.clearJournal();

    List<FleetEvent> events = new CopyOnWriteArrayList<>();
    FleetReport report =
        fleet(sms, state, servers)
            .listener(
                new FleetListener() {
                  @Override
                  public void onServerEvent(FleetEvent event) {
                    events.add(event);
                  }
                })
            .build()
            .run();

    // the kill left four intents: a task name, no task id
    assertThat(killed.items())
        .filteredOn(i -> i.taskName() != null)
        .hasSize(4)
        .allSatisfy(i -> assertThat(i.taskId()).isNull());
    List<JournalEntry> resumed = simulator.journal();
    assertThat(report.succeeded()).hasSize(10);
    for (String server : servers) {
      assertThat(FleetFixture.tasksOf(sms, server)).as(server).isEqualTo(1);
    }
    assertThat(events).filteredOn(e -> e.kind() == FleetEvent.Kind.ADOPTED).hasSize(4);
    assertThat(resumed)
        .filteredOn(e -> "CreateTask".equals(e.operation()))
        .hasSize(6)
        .allSatisfy(e -> assertThat(e.status()).isEqualTo(200));
  }

  @Test
  void resume_afterKillWhilePolling_pollsTheRunningTasks_createsNone(@TempDir Path dir)
      throws Exception {
    List<String> servers = FleetFixture.addServers(simulator, 10);
    // tasks run on the virtual clock: they stay RUNNING until this test moves it
    simulator.startedTaskScript(
        TaskScript.builder()
            .stepEvery(Duration.ofMinutes(10))
            .subTask("MIGRATE_LINUX_FILE", 3)
            .succeed()
            .build());
    Path state = dir.resolve("fleet.json");

    startChild(dir, state, 10, servers);
    awaitJournal(e -> "UpdateTaskStatus".equals(e.operation()) && e.status() == 200, 10);
    awaitJournal(e -> "ShowTask".equals(e.operation()), 20);
    child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    simulator.clearJournal();

    FleetRun run = fleet(sms, state, servers).build().start();
    simulator.advance(Duration.ofHours(1));
    FleetReport report = run.await(Duration.ofSeconds(LIMIT_SECONDS));
    List<JournalEntry> resumed = simulator.journal();

    assertThat(report).isNotNull();
    assertThat(report.succeeded()).hasSize(10);
    for (String server : servers) {
      assertThat(FleetFixture.tasksOf(sms, server)).as(server).isEqualTo(1);
    }
    // the kill may come before the state file saved some task ids: those are found by ListTasks
    assertThat(resumed)
        .noneMatch(e -> "CreateTask".equals(e.operation()))
        .noneMatch(e -> "UpdateTaskStatus".equals(e.operation()))
        .extracting(JournalEntry::taskId)
        .containsAll(report.items().stream().map(FleetItem::taskId).toList());
  }

  private void startChild(Path dir, Path state, int maxConcurrent, List<String> servers)
      throws IOException {
    output = dir.resolve("child.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    child =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    FleetResumeTest.class.getName(),
                    simulator.endpoint(),
                    state.toString(),
                    String.valueOf(maxConcurrent),
                    String.join(",", servers)))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
  }

  /** Waits, by polling the journal, until {@code count} requests match. */
  private void awaitJournal(Predicate<JournalEntry> matching, int count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
    while (simulator.journal().stream().filter(matching).count() < count) {
      assertThat(child.isAlive()).as("the child runs; its output: %s", read(output)).isTrue();
      assertThat(System.nanoTime()).as("waited for the child's requests").isLessThan(deadline);
      simulator.awaitRequests(simulator.requestCount() + 1, Duration.ofMillis(200));
    }
  }

  static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
