package org.migrationkit.sms.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.migrationkit.sms.CallInfo;
import org.migrationkit.sms.RetryBudget;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.SmsConnectionException;
import org.migrationkit.sms.SmsEventListener;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.SmsTimeoutException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.testing.Fault;
import org.migrationkit.sms.testing.FaultPlan;
import org.migrationkit.sms.testing.JournalEntry;
import org.migrationkit.sms.testing.SmsSimulator;
import org.migrationkit.sms.testsupport.ClosedPort;

/**
 * {@code showTaskAsync} against the simulator: results, errors, cancellation, completion threads,
 * load.
 */
class ShowTaskAsyncTest {
  private static final Credentials CREDENTIALS =
      Credentials.akSk("async-test-ak", "async-test-sk").withDomainId("async-domain");
  private static final String TASK = SmsSimulator.EXAMPLE_TASK_ID;

  private final SmsSimulator simulator = SmsSimulator.start(CREDENTIALS);

  @AfterEach
  void stop() {
    simulator.close();
  }

  private SmsClient.Builder client() {
    return SmsClient.builder()
        .endpoint(simulator.endpoint())
        .credentials(CREDENTIALS)
        .retryPolicy(RetryPolicy.none());
  }

  private static RetryPolicy quickRetries() {
    return RetryPolicy.builder()
        .baseDelay(Duration.ofMillis(1))
        .maxDelay(Duration.ofMillis(5))
        .retryBudget(RetryBudget.unlimited())
        .build();
  }

  // ---- results and errors ----

  @Test
  void showTaskAsync_http200_completesWithTheTask() throws Exception {
    try (SmsClient sms = client().build()) {
      ShowTaskResponse task = sms.showTaskAsync(TASK).get(10, TimeUnit.SECONDS);

      assertThat(task).isEqualTo(SmsSimulator.exampleTask());
    }
  }

  @Test
  void showTaskAsync_http404_failsWithTheServiceExceptionItselfAsCause() throws Exception {
    try (SmsClient sms = client().build()) {
      CompletableFuture<ShowTaskResponse> call = sms.showTaskAsync("no-such-task");

      Throwable viaGet = catchThrowable(() -> call.get(10, TimeUnit.SECONDS));
      Throwable viaJoin = catchThrowable(call::join);
      AtomicReference<Throwable> viaHandle = new AtomicReference<>();
      call.handle((r, e) -> viaHandle.getAndSet(e)).join();

      assertThat(viaGet).isInstanceOf(ExecutionException.class);
      assertThat(viaGet.getCause()).isInstanceOf(SmsServiceException.class);
      assertThat(((SmsServiceException) viaGet.getCause()).getStatusCode()).isEqualTo(404);
      assertThat(viaGet.getCause().getCause()).isNull();
      assertThat(viaJoin).isInstanceOf(CompletionException.class);
      assertThat(viaJoin.getCause()).isSameAs(viaGet.getCause());
      assertThat(viaHandle.get()).isSameAs(viaGet.getCause());
    }
  }

  static Stream<Fault> faults() {
    return Stream.of(
        Fault.status(403),
        Fault.status(404),
        Fault.tooManyRequests(Duration.ofSeconds(1)),
        Fault.status(500),
        Fault.status(503),
        Fault.malformedJson(),
        Fault.truncatedBody(),
        Fault.dropConnection(),
        Fault.response(502, "text/html", "<html>Bad Gateway</html>"));
  }

  @ParameterizedTest
  @MethodSource("faults")
  void showTaskAsync_fault_failsLikeTheBlockingCall(Fault fault) {
    simulator.faults(FaultPlan.builder().onRequests(1, 2, fault).build());
    try (SmsClient sms = client().build()) {
      Throwable blocking = catchThrowable(() -> sms.showTask(TASK));
      Throwable async =
          catchThrowable(() -> sms.showTaskAsync(TASK).get(10, TimeUnit.SECONDS)).getCause();

      assertThat(async).isInstanceOf(SmsException.class).hasSameClassAs(blocking);
      assertThat(async.getMessage().replaceAll("sim-[0-9a-f]+-\\d+", "ID"))
          .isEqualTo(blocking.getMessage().replaceAll("sim-[0-9a-f]+-\\d+", "ID"));
      if (blocking instanceof SmsServiceException) {
        assertThat(((SmsServiceException) async).getErrorCode())
            .isEqualTo(((SmsServiceException) blocking).getErrorCode());
      }
    }
  }

  @Test
  void showTaskAsync_retryableFailures_areRetriedWithoutBlocking() throws Exception {
    simulator.faults(FaultPlan.builder().onRequests(1, 2, Fault.status(503)).build());
    try (SmsClient sms = client().retryPolicy(quickRetries()).build()) {
      ShowTaskResponse task = sms.showTaskAsync(TASK).get(10, TimeUnit.SECONDS);

      assertThat(task.getName()).isEqualTo("MigrationTask");
      assertThat(simulator.requestCount()).isEqualTo(3);
    }
  }

  @Test
  void showTaskAsync_retriesExhausted_failsWithTheLastErrorAndTheAttemptCount() {
    simulator.faults(FaultPlan.builder().always(Fault.status(503)).build());
    try (SmsClient sms = client().retryPolicy(quickRetries()).build()) {
      Throwable cause =
          catchThrowable(() -> sms.showTaskAsync(TASK).get(10, TimeUnit.SECONDS)).getCause();

      assertThat(cause).isInstanceOf(SmsServiceException.class);
      assertThat(((SmsException) cause).getAttempts()).isEqualTo(3);
      assertThat(cause.getSuppressed()).hasSize(2);
    }
  }

  @Test
  void showTaskAsync_invalidTaskId_throwsAtOnce() {
    try (SmsClient sms = client().build()) {
      assertThatThrownBy(() -> sms.showTaskAsync("")).isInstanceOf(IllegalArgumentException.class);
      assertThat(simulator.requestCount()).isZero();
    }
  }

  @Test
  void showTaskAsync_connectionRefused_failsWithAConnectionException() {
    try (SmsClient sms =
        SmsClient.builder()
            .endpoint("http://127.0.0.1:" + ClosedPort.find())
            .credentials(CREDENTIALS)
            .retryPolicy(RetryPolicy.none())
            .build()) {
      Throwable cause =
          catchThrowable(() -> sms.showTaskAsync(TASK).get(10, TimeUnit.SECONDS)).getCause();

      assertThat(cause).isInstanceOf(SmsConnectionException.class);
    }
  }

  @Test
  void showTaskAsync_callTimeout_failsWithACallTimeout() {
    simulator.faults(FaultPlan.builder().always(Fault.latency(Duration.ofSeconds(3))).build());
    try (SmsClient sms = client().callTimeout(Duration.ofMillis(200)).build()) {
      Throwable cause =
          catchThrowable(() -> sms.showTaskAsync(TASK).get(10, TimeUnit.SECONDS)).getCause();

      assertThat(cause).isInstanceOf(SmsTimeoutException.class);
      assertThat(((SmsTimeoutException) cause).getTimeout())
          .isEqualTo(SmsTimeoutException.Timeout.CALL);
    }
  }

  @Test
  void showTaskAsync_clientClosed_failsTheCallsInFlight() throws Exception {
    simulator.faults(FaultPlan.builder().always(Fault.latency(Duration.ofSeconds(3))).build());
    SmsClient sms = client().build();
    CompletableFuture<ShowTaskResponse> call = sms.showTaskAsync(TASK);
    assertThat(simulator.awaitRequests(1, Duration.ofSeconds(10))).isTrue();

    sms.close();

    Throwable cause = catchThrowable(() -> call.get(10, TimeUnit.SECONDS)).getCause();
    assertThat(cause).isInstanceOf(SmsClientException.class).hasMessageContaining("closed");
  }

  // ---- cancellation ----

  @Test
  void cancel_duringTheCall_cancelsTheHttpCall() throws Exception {
    simulator.faults(FaultPlan.builder().always(Fault.latency(Duration.ofSeconds(5))).build());
    CountDownLatch sent = new CountDownLatch(1);
    CountDownLatch canceled = new CountDownLatch(1);
    OkHttpClient http =
        new OkHttpClient.Builder()
            .eventListener(
                new EventListener() {
                  @Override
                  public void requestHeadersEnd(Call call, Request request) {
                    sent.countDown();
                  }

                  @Override
                  public void canceled(Call call) {
                    canceled.countDown();
                  }
                })
            .build();
    AtomicReference<SmsException> callFailed = new AtomicReference<>();
    CountDownLatch ended = new CountDownLatch(1);
    try (SmsClient sms =
        client()
            .httpClient(http)
            .retryPolicy(quickRetries())
            .eventListener(
                new SmsEventListener() {
                  @Override
                  public void callFailed(CallInfo call, Duration duration, SmsException failure) {
                    callFailed.set(failure);
                    ended.countDown();
                  }
                })
            .build()) {
      CompletableFuture<ShowTaskResponse> call = sms.showTaskAsync(TASK);
      assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(simulator.awaitRequests(1, Duration.ofSeconds(10))).isTrue();

      assertThat(call.cancel(true)).isTrue();

      // the server answers after 5 s, and then neither event would come: each latch opens on its
      // event, the 30 s are only a guard
      assertThat(canceled.await(30, TimeUnit.SECONDS)).as("OkHttp call cancelled").isTrue();
      assertThat(call).isCancelled();
      assertThat(ended.await(30, TimeUnit.SECONDS)).as("callFailed").isTrue();
      assertThat(callFailed.get())
          .isInstanceOf(SmsClientException.class)
          .hasMessageContaining("cancelled");
      assertThat(simulator.requestCount()).isEqualTo(1);
    } finally {
      http.dispatcher().executorService().shutdown();
    }
  }

  /** Retries a few times, waiting {@code maxDelay} whatever longer wait the server asks for. */
  private static RetryPolicy retriesAfter(Duration maxDelay) {
    return RetryPolicy.builder()
        .maxAttempts(5)
        .maxDelay(maxDelay)
        .retryBudget(RetryBudget.unlimited())
        .build();
  }

  @Test
  void cancel_duringTheRetryWait_sendsNoFurtherAttempt() throws Exception {
    // requests 1 and 2 ask for a retry in 30 s, which each client cuts to its own maxDelay
    simulator.faults(
        FaultPlan.builder()
            .onRequests(1, 2, Fault.status(503).withRetryAfter(Duration.ofSeconds(30)))
            .build());
    CountDownLatch retryScheduled = new CountDownLatch(1);
    AtomicInteger attempts = new AtomicInteger();
    SmsEventListener recording =
        new SmsEventListener() {
          @Override
          public void attemptStart(CallInfo call, int attempt) {
            attempts.incrementAndGet();
          }

          @Override
          public void retryScheduled(
              CallInfo call, int nextAttempt, Duration delay, SmsException reason) {
            retryScheduled.countDown();
          }
        };
    try (SmsClient sms =
            client()
                .retryPolicy(retriesAfter(Duration.ofSeconds(1)))
                .eventListener(recording)
                .build();
        SmsClient marker = client().retryPolicy(retriesAfter(Duration.ofSeconds(2))).build()) {
      CompletableFuture<ShowTaskResponse> call = sms.showTaskAsync(TASK);
      assertThat(retryScheduled.await(30, TimeUnit.SECONDS)).isTrue();

      assertThat(call.cancel(true)).isTrue();
      // a marker call whose retry is due a second after the cancelled call's retry was: once the
      // marker has its answer, that retry's time has long passed
      ShowTaskResponse answer = marker.showTaskAsync(TASK).get(30, TimeUnit.SECONDS);

      assertThat(answer.getName()).isEqualTo("MigrationTask");
      assertThat(attempts.get()).as("attempts of the cancelled call").isEqualTo(1);
      assertThat(simulator.requestCount()).as("1 cancelled + 2 marker requests").isEqualTo(3);
    }
  }

  // ---- completion threads ----

  @Test
  void completionExecutor_completesTheFutureThere() throws Exception {
    simulator.faults(FaultPlan.builder().always(Fault.latency(Duration.ofMillis(50))).build());
    AtomicInteger executed = new AtomicInteger();
    ExecutorService completions =
        Executors.newSingleThreadExecutor(r -> new Thread(r, "my-completions"));
    try (SmsClient sms =
        client()
            .completionExecutor(
                command -> {
                  executed.incrementAndGet();
                  completions.execute(command);
                })
            .build()) {
      String thread =
          sms.showTaskAsync(TASK)
              .thenApply(t -> Thread.currentThread().getName())
              .get(10, TimeUnit.SECONDS);

      assertThat(thread).isEqualTo("my-completions");
      assertThat(executed.get()).isEqualTo(1);
    } finally {
      completions.shutdown();
    }
  }

  @Test
  void completionExecutor_completesFailuresThereToo() throws Exception {
    simulator.faults(
        FaultPlan.builder().always(Fault.status(404).withLatency(Duration.ofMillis(50))).build());
    ExecutorService completions =
        Executors.newSingleThreadExecutor(r -> new Thread(r, "my-completions"));
    try (SmsClient sms = client().completionExecutor(completions).build()) {
      String thread =
          sms.showTaskAsync(TASK)
              .handle((t, e) -> Thread.currentThread().getName())
              .get(10, TimeUnit.SECONDS);

      assertThat(thread).isEqualTo("my-completions");
    } finally {
      completions.shutdown();
    }
  }

  @Test
  void withoutCompletionExecutor_completesOnAnOkHttpThread() throws Exception {
    simulator.faults(FaultPlan.builder().always(Fault.latency(Duration.ofMillis(50))).build());
    try (SmsClient sms = client().build()) {
      String thread =
          sms.showTaskAsync(TASK)
              .thenApply(t -> Thread.currentThread().getName())
              .get(10, TimeUnit.SECONDS);

      assertThat(thread).startsWith("OkHttp");
    }
  }

  // ---- load ----

  /**
   * Returns the most requests the simulator received within any {@code window}: for requests each
   * answered {@code window} after it arrived, calls one after another show 1.
   */
  private static int mostArrivalsWithin(List<JournalEntry> journal, Duration window) {
    List<Instant> arrivals = journal.stream().map(JournalEntry::receivedAt).sorted().toList();
    int most = 0;
    int first = 0;
    for (int last = 0; last < arrivals.size(); last++) {
      while (!arrivals.get(first).plus(window).isAfter(arrivals.get(last))) {
        first++;
      }
      most = Math.max(most, last - first + 1);
    }
    return most;
  }

  @Test
  void thousandConcurrentCalls_slowServer_runOnABoundedNumberOfThreads() throws Exception {
    Duration latency = Duration.ofMillis(200);
    simulator.faults(FaultPlan.builder().always(Fault.latency(latency)).build());
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (SmsClient sms = client().retryPolicy(quickRetries()).build()) {
      sms.showTask(TASK); // warm up: connection pool, classes
      int before = threads.getThreadCount();
      threads.resetPeakThreadCount();
      long start = System.nanoTime();

      List<CompletableFuture<ShowTaskResponse>> calls = new ArrayList<>();
      for (int i = 0; i < 1_000; i++) {
        calls.add(sms.showTaskAsync(TASK));
      }
      int whileRunning = threads.getThreadCount();
      CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      int peak = threads.getPeakThreadCount();
      int overlap = mostArrivalsWithin(simulator.journal(), latency);

      assertThat(calls).allSatisfy(c -> assertThat(c.join().getName()).isEqualTo("MigrationTask"));
      assertThat(peak - before)
          .as("threads added at the peak (before %d, peak %d)", before, peak)
          .isLessThan(100);
      assertThat(whileRunning).isLessThan(before + 100);
      // the calls overlap at the server: one after another would show 1, and OkHttp's default
      // dispatcher (5 per host) at most 5
      assertThat(overlap).as("requests arrived within one answer's latency").isGreaterThan(5);
      System.out.printf(
          "1000 async calls x 200 ms: %d ms, threads %d before, %d peak, %d requests within 200 ms%n",
          millis, before, peak, overlap);
    }
  }
}
