package org.migrationkit.sms.migration;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.WaitOptions;
import org.migrationkit.sms.model.TaskState;
import org.migrationkit.sms.testing.SmsSimulator;
import org.migrationkit.sms.testing.TaskScript;

/**
 * The fleet's cost: 1,000 servers at {@code maxConcurrent} 100 against the simulator, with a state
 * file. Each task needs {@value #POLLS} polls {@value #POLL_MS} ms apart, so the simulated work is
 * 10 rounds of {@code (POLLS - 1) * POLL_MS}; what the run takes beyond that is the fleet's (and
 * the simulator's, and HTTP's) own cost. Prints the threads the run added, the peak heap, the wall
 * time and the time beyond the simulated work. A main, not a test: run it on a quiet machine.
 *
 * <pre>
 * java -cp "$(test class path)" org.migrationkit.sms.migration.FleetBenchmark
 * </pre>
 */
public final class FleetBenchmark {
  private static final int SERVERS = 1_000;
  private static final int MAX_CONCURRENT = 100;
  private static final int POLLS = 10;
  private static final int POLL_MS = 50;

  private FleetBenchmark() {}

  /**
   * Runs the benchmark once and prints its figures.
   *
   * @param args {@code --no-state-file} to run without a state file (to see what saving costs)
   * @throws Exception when the run fails
   */
  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("fleet-benchmark");
    Path state = dir.resolve("fleet.json");
    boolean saving = !List.of(args).contains("--no-state-file");
    try (SmsSimulator simulator = FleetFixture.simulator();
        SmsClient sms = FleetFixture.client(simulator)) {
      List<String> servers = FleetFixture.addServers(simulator, SERVERS);
      simulator.startedTaskScript(
          TaskScript.builder().hold(TaskState.RUNNING, POLLS - 1).succeed().build());
      WaitOptions waits =
          WaitOptions.builder()
              .pollInterval(Duration.ofMillis(POLL_MS))
              .maxPollInterval(Duration.ofMillis(POLL_MS))
              .maxWait(Duration.ofMinutes(10))
              .build();
      sms.listServers(org.migrationkit.sms.model.ListServersRequest.builder().limit(1).build());

      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      System.gc();
      Set<String> before = threadNames();
      int threadsBefore = threads.getThreadCount();
      threads.resetPeakThreadCount();
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        pool.resetPeakUsage();
      }
      AtomicInteger events = new AtomicInteger();
      Set<String> added = new HashSet<>();

      long start = System.nanoTime();
      FleetMigration.Builder fleet = FleetMigration.builder(sms);
      if (saving) {
        fleet.stateFile(state);
      }
      FleetReport report =
          fleet
              .servers(servers)
              .taskRequest(FleetFixture::request)
              .maxConcurrent(MAX_CONCURRENT)
              .waitOptions(waits)
              .listener(
                  new FleetListener() {
                    @Override
                    public void onServerEvent(FleetEvent event) {
                      if (events.incrementAndGet() % 500 == 0) {
                        for (String name : threadNames()) {
                          if (!before.contains(name)) {
                            added.add(name);
                          }
                        }
                      }
                    }
                  })
              .build()
              .run();
      long wallNanos = System.nanoTime() - start;

      long peakHeap = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          peakHeap += pool.getPeakUsage().getUsed();
        }
      }
      double simulatedMs = (double) SERVERS / MAX_CONCURRENT * (POLLS - 1) * POLL_MS;
      double wallMs = wallNanos / 1e6;
      System.out.printf(
          "servers %d, maxConcurrent %d, succeeded %d, failed %d, events %d, requests %d%n",
          SERVERS,
          MAX_CONCURRENT,
          report.succeeded().size(),
          report.failed().size(),
          events.get(),
          simulator.requestCount());
      System.out.printf(
          "threads: %d before, peak %d during the run (+%d, the simulator's included)%n",
          threadsBefore,
          threads.getPeakThreadCount(),
          threads.getPeakThreadCount() - threadsBefore);
      System.out.println("threads the run started, by name: " + byPrefix(added));
      System.out.printf("peak heap (all heap pools): %.1f MiB%n", peakHeap / 1048576.0);
      System.out.printf(
          "wall %.0f ms, simulated work %.0f ms, beyond it %.0f ms (%.1f ms per server)%n",
          wallMs, simulatedMs, wallMs - simulatedMs, (wallMs - simulatedMs) / SERVERS);
      if (saving) {
        System.out.printf("state file %d bytes%n", Files.size(state));
      } else {
        System.out.println("no state file");
      }
      Thread.sleep(100);
      System.out.println("fleet threads alive after run(): " + FleetFixture.fleetThreadsAlive());
    } finally {
      Files.deleteIfExists(state);
      Files.deleteIfExists(dir);
    }
  }

  private static Set<String> threadNames() {
    Set<String> names = new HashSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      names.add(t.getName());
    }
    return names;
  }

  /** Counts thread names by their prefix before the last {@code -number}. */
  private static Map<String, Integer> byPrefix(Set<String> names) {
    Map<String, Integer> counts = new TreeMap<>();
    for (String name : names) {
      String prefix = name.replaceAll("-\\d+$", "-N");
      counts.merge(prefix, 1, Integer::sum);
    }
    return counts;
  }
}
