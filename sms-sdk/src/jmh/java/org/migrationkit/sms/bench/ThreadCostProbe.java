package org.migrationkit.sms.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.migrationkit.sms.SmsClient;

/**
 * Counts, per call, the CPU time and the context switches of every thread of this JVM, grouped by
 * thread name: where a client's work beyond the caller's own thread goes (a watchdog ticking, a
 * pool's cleanup thread woken on every call, a completion hop). Context switches are counted by the
 * kernel ({@code /proc/self/task/<tid>/status}), so they hardly move with the machine's load,
 * unlike throughput. Linux only.
 *
 * <pre>{@code
 * java -cp benchmarks.jar org.migrationkit.sms.bench.ThreadCostProbe ours 8 20
 * }</pre>
 *
 * <p>Arguments: the client ({@code ours}, {@code floor}, or {@code both}: that many callers of each
 * at the same time, so that a shared machine's load falls on both alike), the number of calling
 * threads, and the seconds to measure (after as many seconds of warm-up).
 */
public final class ThreadCostProbe {
  private ThreadCostProbe() {}

  /** Runs the probe; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    String who = args.length > 0 ? args[0] : "ours";
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    try (LoopbackServer server = LoopbackServer.start(Fixtures.smallBody())) {
      SmsClient ours = Clients.ours(server.url());
      FloorClient floor = Clients.floor(server.url());
      Runnable oursCall = () -> ours.showTask(Fixtures.TASK_ID);
      Runnable floorCall =
          () -> {
            try {
              floor.showTask(Fixtures.TASK_ID);
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          };
      // "both": half the callers each, at the same moment, so the machine's load hits both alike
      List<String> groups =
          who.equals("both")
              ? List.of("ours", "floor")
              : List.of(who.equals("floor") ? "floor" : "ours");
      Map<String, LongAdder> calls = new TreeMap<>();
      AtomicBoolean stop = new AtomicBoolean();
      CountDownLatch done = new CountDownLatch(threads * groups.size());
      for (String group : groups) {
        LongAdder counter = calls.computeIfAbsent(group, k -> new LongAdder());
        Runnable call = group.equals("floor") ? floorCall : oursCall;
        for (int i = 0; i < threads; i++) {
          Thread t =
              new Thread(
                  () -> {
                    while (!stop.get()) {
                      call.run();
                      counter.increment();
                    }
                    done.countDown();
                  },
                  "probe-" + group + "-" + i);
          t.setDaemon(true);
          t.start();
        }
      }
      Thread.sleep(seconds * 1000L);
      Map<String, long[]> before = sample();
      Map<String, Long> callsBefore = new TreeMap<>();
      calls.forEach((k, v) -> callsBefore.put(k, v.sum()));
      long start = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      Map<String, long[]> after = sample();
      double elapsed = (System.nanoTime() - start) / 1e9;
      long n = 0;
      for (Map.Entry<String, LongAdder> e : calls.entrySet()) {
        long c = e.getValue().sum() - callsBefore.get(e.getKey());
        n += c;
        long[] b = before.getOrDefault("probe-" + e.getKey(), new long[3]);
        long[] a = after.getOrDefault("probe-" + e.getKey(), new long[3]);
        System.out.printf(
            "%s callers: %.0f calls/s, caller cpu %.2f us/call, %.3f vol cs/call%n",
            e.getKey(), c / elapsed, (a[0] - b[0]) * 10_000.0 / c, (double) (a[1] - b[1]) / c);
      }
      stop.set(true);
      done.await();
      report(who, threads, n, elapsed, before, after);
      ours.close();
      floor.close();
    }
  }

  private static void report(
      String who,
      int threads,
      long n,
      double seconds,
      Map<String, long[]> before,
      Map<String, long[]> after) {
    System.out.printf(
        "%s, %d callers: %d calls in %.1f s (%.0f/s)%n", who, threads, n, seconds, n / seconds);
    System.out.printf(
        "%-18s %12s %12s %12s%n", "threads", "cpu us/call", "vol cs/call", "invol cs/call");
    long[] total = new long[3];
    for (Map.Entry<String, long[]> e : after.entrySet()) {
      long[] b = before.getOrDefault(e.getKey(), new long[3]);
      long[] d = new long[3];
      for (int i = 0; i < 3; i++) {
        d[i] = e.getValue()[i] - b[i];
        total[i] += d[i];
      }
      if (d[0] == 0 && d[1] == 0 && d[2] == 0) {
        continue;
      }
      print(e.getKey(), d, n);
    }
    print("TOTAL", total, n);
  }

  private static void print(String name, long[] d, long n) {
    // utime + stime in clock ticks (100 Hz): 10,000 µs each
    System.out.printf(
        "%-18s %12.2f %12.3f %12.3f%n",
        name, d[0] * 10_000.0 / n, (double) d[1] / n, (double) d[2] / n);
  }

  /** Returns, per thread-name group: CPU ticks, voluntary and involuntary context switches. */
  private static Map<String, long[]> sample() throws IOException {
    Map<String, long[]> groups = new TreeMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path task : tasks) {
        try {
          String name = group(Files.readString(task.resolve("comm")).trim());
          String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          long voluntary = 0;
          long involuntary = 0;
          for (String line : Files.readAllLines(task.resolve("status"))) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
              voluntary = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
              involuntary = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
          }
          long[] g = groups.computeIfAbsent(name, k -> new long[3]);
          g[0] += ticks;
          g[1] += voluntary;
          g[2] += involuntary;
        } catch (IOException | RuntimeException e) {
          // the thread ended while it was read
        }
      }
    }
    return groups;
  }

  /** Folds numbered threads (probe-caller-3, C2 CompilerThre) into one group. */
  private static String group(String comm) {
    for (String p :
        List.of(
            "probe-ours",
            "probe-floor",
            "loopback-conn",
            "C1 Compiler",
            "C2 Compiler",
            "GC Thread")) {
      if (comm.startsWith(p)) {
        return p;
      }
    }
    return comm.replaceAll("[0-9]+$", "#");
  }
}
