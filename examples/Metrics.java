import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import org.migrationkit.sms.AttemptOutcome;
import org.migrationkit.sms.CallInfo;
import org.migrationkit.sms.RetryBudget;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsEventListener;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.testing.Fault;
import org.migrationkit.sms.testing.FaultPlan;
import org.migrationkit.sms.testing.SmsSimulator;

/**
 * Counts calls, attempts, retries and failures and measures latency with a plain {@link
 * SmsEventListener}: no metrics library needed. (For Micrometer or OpenTelemetry see {@code
 * examples/listeners/}.)
 *
 * <p>Runs 200 asynchronous calls against the embedded simulator, which answers 20 % of requests
 * with a 503 and delays 10 % by 50 ms (a seeded plan: the same requests every run), then prints a
 * summary.
 */
public final class Metrics {
  public static void main(String[] args) throws Exception {
    Credentials credentials = Credentials.akSk("demo-access-key", "demo-secret-key");
    CallMetrics metrics = new CallMetrics();
    try (SmsSimulator simulator = SmsSimulator.start(credentials);
        SmsClient sms =
            SmsClient.builder()
                .endpoint(simulator.endpoint())
                .credentials(credentials)
                .eventListener(metrics)
                .retryPolicy(
                    RetryPolicy.builder()
                        .baseDelay(Duration.ofMillis(5))
                        .retryBudget(RetryBudget.unlimited())
                        .build())
                .build()) {
      simulator.faults(
          FaultPlan.builder()
              .randomly(0.2, Fault.status(503))
              .randomly(0.1, Fault.latency(Duration.ofMillis(50)))
              .seed(7)
              .build());
      List<CompletableFuture<?>> calls = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        calls.add(sms.showTaskAsync(SmsSimulator.EXAMPLE_TASK_ID).exceptionally(e -> null));
      }
      CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).join();
      System.out.println("the simulator received " + simulator.requestCount() + " requests");
    }
    System.out.print(metrics.summary());
  }

  /**
   * Thread-safe counters and a latency record per call; events of many calls arrive concurrently.
   */
  static final class CallMetrics implements SmsEventListener {
    final LongAdder calls = new LongAdder();
    final LongAdder succeeded = new LongAdder();
    final LongAdder attempts = new LongAdder();
    final LongAdder retries = new LongAdder();
    private final Map<String, LongAdder> failuresByType =
        Collections.synchronizedMap(new TreeMap<>());
    private final Map<Integer, LongAdder> attemptsByStatus =
        Collections.synchronizedMap(new TreeMap<>());
    private final List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void callStart(CallInfo call) {
      calls.increment();
    }

    @Override
    public void attemptEnd(CallInfo call, AttemptOutcome outcome) {
      attempts.increment();
      attemptsByStatus.computeIfAbsent(outcome.statusCode(), s -> new LongAdder()).increment();
    }

    @Override
    public void retryScheduled(
        CallInfo call, int nextAttempt, Duration delay, SmsException reason) {
      retries.increment();
    }

    @Override
    public void callEnd(CallInfo call, Duration duration) {
      succeeded.increment();
      latenciesMicros.add(duration.toNanos() / 1_000);
    }

    @Override
    public void callFailed(CallInfo call, Duration duration, SmsException failure) {
      failuresByType
          .computeIfAbsent(failure.getClass().getSimpleName(), t -> new LongAdder())
          .increment();
      latenciesMicros.add(duration.toNanos() / 1_000);
    }

    String summary() {
      List<Long> sorted;
      synchronized (latenciesMicros) {
        sorted = new ArrayList<>(latenciesMicros);
      }
      Collections.sort(sorted);
      StringBuilder s = new StringBuilder();
      s.append("calls ")
          .append(calls)
          .append(", succeeded ")
          .append(succeeded)
          .append(", failed ")
          .append(failuresByType)
          .append('\n');
      s.append("attempts ")
          .append(attempts)
          .append(" by status ")
          .append(attemptsByStatus)
          .append(", retries ")
          .append(retries)
          .append('\n');
      if (!sorted.isEmpty()) {
        s.append("latency ms: p50 ")
            .append(millis(percentile(sorted, 50)))
            .append(", p95 ")
            .append(millis(percentile(sorted, 95)))
            .append(", max ")
            .append(millis(sorted.get(sorted.size() - 1)))
            .append('\n');
      }
      return s.toString();
    }

    private static long percentile(List<Long> sorted, int p) {
      return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }

    private static String millis(long micros) {
      return String.valueOf(micros / 1000.0);
    }
  }
}
