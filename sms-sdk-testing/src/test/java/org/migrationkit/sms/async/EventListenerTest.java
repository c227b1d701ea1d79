package org.migrationkit.sms.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.migrationkit.sms.AttemptOutcome;
import org.migrationkit.sms.CallInfo;
import org.migrationkit.sms.RetryBudget;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsConnectionException;
import org.migrationkit.sms.SmsEventListener;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.testing.Fault;
import org.migrationkit.sms.testing.FaultPlan;
import org.migrationkit.sms.testing.JournalEntry;
import org.migrationkit.sms.testing.SmsSimulator;

/**
 * The {@link SmsEventListener} contract, blocking and asynchronous: order, pairing, what each event
 * carries, and isolation from a listener that throws.
 */
class EventListenerTest {
  private static final Credentials CREDENTIALS =
      Credentials.akSk("listener-test-ak", "listener-test-sk").withDomainId("listener-domain");
  private static final String TASK = SmsSimulator.EXAMPLE_TASK_ID;

  private final SmsSimulator simulator = SmsSimulator.start(CREDENTIALS);
  private final Recorder events = new Recorder();

  @AfterEach
  void stop() {
    simulator.close();
  }

  /** Writes each event as one line, and keeps the raw values for closer checks. */
  static class Recorder implements SmsEventListener {
    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<AttemptOutcome> outcomes = new CopyOnWriteArrayList<>();
    final List<SmsException> failures = new CopyOnWriteArrayList<>();
    final List<Duration> callDurations = new CopyOnWriteArrayList<>();
    final CountDownLatch ended = new CountDownLatch(1);

    @Override
    public void callStart(CallInfo call) {
      lines.add("callStart " + call.operation() + " " + call.method());
    }

    @Override
    public void attemptStart(CallInfo call, int attempt) {
      lines.add("attemptStart " + attempt);
    }

    @Override
    public void attemptEnd(CallInfo call, AttemptOutcome outcome) {
      outcomes.add(outcome);
      lines.add(
          "attemptEnd "
              + outcome.attempt()
              + " "
              + outcome.statusCode()
              + (outcome.failure() == null
                  ? ""
                  : " " + outcome.failure().getClass().getSimpleName()));
    }

    @Override
    public void retryScheduled(
        CallInfo call, int nextAttempt, Duration delay, SmsException reason) {
      lines.add("retryScheduled " + nextAttempt + " " + reason.getClass().getSimpleName());
    }

    @Override
    public void callEnd(CallInfo call, Duration duration) {
      callDurations.add(duration);
      lines.add("callEnd");
      ended.countDown();
    }

    @Override
    public void callFailed(CallInfo call, Duration duration, SmsException failure) {
      callDurations.add(duration);
      failures.add(failure);
      lines.add("callFailed " + failure.getClass().getSimpleName());
      ended.countDown();
    }
  }

  private SmsClient client(RetryPolicy retryPolicy, SmsEventListener listener) {
    return SmsClient.builder()
        .endpoint(simulator.endpoint())
        .credentials(CREDENTIALS)
        .retryPolicy(retryPolicy)
        .eventListener(listener)
        .build();
  }

  private static RetryPolicy quickRetries() {
    return RetryPolicy.builder()
        .baseDelay(Duration.ofMillis(1))
        .maxDelay(Duration.ofMillis(5))
        .retryBudget(RetryBudget.unlimited())
        .build();
  }

  private static ShowTaskResponse call(SmsClient sms, boolean async) throws Exception {
    return async ? sms.showTaskAsync(TASK).get(10, TimeUnit.SECONDS) : sms.showTask(TASK);
  }

  private static Throwable failureOf(SmsClient sms, boolean async) {
    Throwable t = catchThrowable(() -> call(sms, async));
    return async ? t.getCause() : t;
  }

  // ---- order and content ----

  @ParameterizedTest(name = "async={0}")
  @ValueSource(booleans = {false, true})
  void success_firesStartAttemptAndEndInOrder(boolean async) throws Exception {
    try (SmsClient sms = client(RetryPolicy.none(), events)) {
      call(sms, async);

      assertThat(events.lines)
          .containsExactly(
              "callStart ShowTask GET", "attemptStart 1", "attemptEnd 1 200", "callEnd");
    }
  }

  @ParameterizedTest(name = "async={0}")
  @ValueSource(booleans = {false, true})
  void success_attemptEndCarriesStatusRequestIdDurationAndBytes(boolean async) throws Exception {
    try (SmsClient sms = client(RetryPolicy.none(), events)) {
      call(sms, async);

      AttemptOutcome outcome = events.outcomes.get(0);
      JournalEntry served = simulator.journal().get(0);
      assertThat(outcome.isSuccess()).isTrue();
      assertThat(outcome.statusCode()).isEqualTo(200);
      assertThat(outcome.requestId()).isEqualTo(served.requestId());
      assertThat(outcome.responseBytes())
          .isEqualTo(SmsSimulator.exampleTask().toJson().getBytes(StandardCharsets.UTF_8).length);
      assertThat(outcome.duration()).isPositive().isLessThanOrEqualTo(events.callDurations.get(0));
    }
  }

  @Test
  void success_requestIdIsReachableOnlyThroughTheListener() throws Exception {
    List<String> requestIds = new ArrayList<>();
    SmsEventListener captureRequestId =
        new SmsEventListener() {
          @Override
          public void attemptEnd(CallInfo call, AttemptOutcome outcome) {
            if (outcome.isSuccess()) {
              requestIds.add(outcome.requestId());
            }
          }
        };
    try (SmsClient sms = client(RetryPolicy.none(), captureRequestId)) {
      sms.showTask(TASK);

      assertThat(requestIds).containsExactly(simulator.journal().get(0).requestId());
    }
  }

  @ParameterizedTest(name = "async={0}")
  @ValueSource(booleans = {false, true})
  void retryThenSuccess_firesRetryScheduledBetweenAttempts(boolean async) throws Exception {
    simulator.faults(FaultPlan.builder().onRequest(1, Fault.status(503)).build());
    try (SmsClient sms = client(quickRetries(), events)) {
      call(sms, async);

      assertThat(events.lines)
          .containsExactly(
              "callStart ShowTask GET",
              "attemptStart 1",
              "attemptEnd 1 503 SmsServiceException",
              "retryScheduled 2 SmsServiceException",
              "attemptStart 2",
              "attemptEnd 2 200",
              "callEnd");
      assertThat(events.outcomes.get(0).requestId())
          .isEqualTo(simulator.journal().get(0).requestId());
      assertThat(events.outcomes.get(0).responseBytes()).isPositive();
    }
  }

  @ParameterizedTest(name = "async={0}")
  @ValueSource(booleans = {false, true})
  void failure_firesCallFailedWithTheExceptionTheCallerGets(boolean async) {
    simulator.faults(FaultPlan.builder().onRequest(1, Fault.status(404)).build());
    try (SmsClient sms = client(quickRetries(), events)) {
      Throwable thrown = failureOf(sms, async);

      assertThat(events.lines)
          .containsExactly(
              "callStart ShowTask GET",
              "attemptStart 1",
              "attemptEnd 1 404 SmsServiceException",
              "callFailed SmsServiceException");
      assertThat(events.failures.get(0)).isSameAs(thrown);
      assertThat(events.outcomes.get(0).failure()).isSameAs(thrown);
      assertThat(events.outcomes.get(0).requestId())
          .isEqualTo(((SmsServiceException) thrown).getRequestId());
    }
  }

  @ParameterizedTest(name = "async={0}")
  @ValueSource(booleans = {false, true})
  void retriesExhausted_pairEveryAttemptAndEndOnce(boolean async) {
    simulator.faults(FaultPlan.builder().always(Fault.status(503)).build());
    try (SmsClient sms = client(quickRetries(), events)) {
      failureOf(sms, async);

      assertThat(events.lines)
          .containsExactly(
              "callStart ShowTask GET",
              "attemptStart 1",
              "attemptEnd 1 503 SmsServiceException",
              "retryScheduled 2 SmsServiceException",
              "attemptStart 2",
              "attemptEnd 2 503 SmsServiceException",
              "retryScheduled 3 SmsServiceException",
              "attemptStart 3",
              "attemptEnd 3 503 SmsServiceException",
              "callFailed SmsServiceException");
    }
  }

  @ParameterizedTest(name = "async={0}")
  @ValueSource(booleans = {false, true})
  void droppedConnection_attemptEndHasNoStatusAndTheFailure(boolean async) {
    simulator.faults(FaultPlan.builder().onRequest(1, Fault.dropConnection()).build());
    try (SmsClient sms = client(RetryPolicy.none(), events)) {
      failureOf(sms, async);

      AttemptOutcome outcome = events.outcomes.get(0);
      assertThat(outcome.statusCode()).isZero();
      assertThat(outcome.requestId()).isNull();
      assertThat(outcome.failure()).isInstanceOf(SmsConnectionException.class);
      assertThat(events.lines).last().isEqualTo("callFailed SmsConnectionException");
    }
  }

  // ---- pairing under cancellation and load ----

  private Recorder cancelDuringTheCall(CountDownLatch attemptEnded) throws Exception {
    simulator.faults(FaultPlan.builder().always(Fault.latency(Duration.ofSeconds(5))).build());
    Recorder recorder =
        new Recorder() {
          @Override
          public void attemptEnd(CallInfo call, AttemptOutcome outcome) {
            super.attemptEnd(call, outcome);
            attemptEnded.countDown();
          }
        };
    try (SmsClient sms = client(quickRetries(), recorder)) {
      CompletableFuture<ShowTaskResponse> call = sms.showTaskAsync(TASK);
      assertThat(simulator.awaitRequests(1, Duration.ofSeconds(10))).isTrue();

      call.cancel(true);

      assertThat(recorder.ended.await(2, TimeUnit.SECONDS)).as("callFailed").isTrue();
      assertThat(attemptEnded.await(2, TimeUnit.SECONDS)).as("attemptEnd").isTrue();
    }
    return recorder;
  }

  @Test
  void cancelDuringTheCall_endsTheAttemptBeforeTheCall() throws Exception {
    Recorder recorder = cancelDuringTheCall(new CountDownLatch(1));

    assertThat(recorder.lines).hasSize(4);
    assertThat(recorder.lines.get(2)).startsWith("attemptEnd 1 0");
    assertThat(recorder.lines.get(3)).isEqualTo("callFailed SmsClientException");
  }

  @Test
  void cancelDuringTheCall_attemptFailureIsTheCancellationNotAConnectionFailure() throws Exception {
    Recorder recorder = cancelDuringTheCall(new CountDownLatch(1));

    SmsException attemptFailure = recorder.outcomes.get(0).failure();
    assertThat(attemptFailure)
        .isNotInstanceOf(SmsConnectionException.class)
        .hasMessageContaining("cancelled");
    assertThat(attemptFailure.isRetryable()).isFalse();
  }

  @Test
  void retryPolicyNone_brokenPooledConnection_everyWireAttemptIsAnEvent() throws Exception {
    simulator.faults(FaultPlan.builder().onRequest(2, Fault.dropConnection()).build());
    try (SmsClient sms = client(RetryPolicy.none(), events)) {
      sms.showTask(TASK); // leaves a pooled connection
      events.lines.clear();

      catchThrowable(() -> sms.showTask(TASK));

      // RetryPolicy.none() promises one attempt; each request the server saw should be an attempt
      // event
      long attemptEvents = events.lines.stream().filter(l -> l.startsWith("attemptStart")).count();
      assertThat(simulator.requestCount() - 1)
          .as("requests on the wire for the second call")
          .isEqualTo(attemptEvents);
    }
  }

  @Test
  void cancelDuringTheRetryWait_endsTheCallOnce() throws Exception {
    simulator.faults(
        FaultPlan.builder()
            .always(Fault.status(503).withRetryAfter(Duration.ofSeconds(5)))
            .build());
    CountDownLatch retryScheduled = new CountDownLatch(1);
    Recorder recorder =
        new Recorder() {
          @Override
          public void retryScheduled(
              CallInfo call, int nextAttempt, Duration delay, SmsException reason) {
            super.retryScheduled(call, nextAttempt, delay, reason);
            retryScheduled.countDown();
          }
        };
    RetryPolicy fiveSecondWait =
        RetryPolicy.builder()
            .maxDelay(Duration.ofSeconds(5))
            .retryBudget(RetryBudget.unlimited())
            .build();
    try (SmsClient sms = client(fiveSecondWait, recorder)) {
      CompletableFuture<ShowTaskResponse> call = sms.showTaskAsync(TASK);
      assertThat(retryScheduled.await(10, TimeUnit.SECONDS)).isTrue();

      call.cancel(true);

      assertThat(recorder.ended.await(2, TimeUnit.SECONDS)).isTrue();
      assertThat(recorder.lines)
          .containsExactly(
              "callStart ShowTask GET",
              "attemptStart 1",
              "attemptEnd 1 503 SmsServiceException",
              "retryScheduled 2 SmsServiceException",
              "callFailed SmsClientException");
    }
  }

  @Test
  void concurrentCallsWithRandomFaults_everyStartHasOneEnd() throws Exception {
    simulator.faults(
        FaultPlan.builder()
            .randomly(0.3, Fault.status(503))
            .randomly(0.1, Fault.dropConnection())
            .randomly(0.1, Fault.latency(Duration.ofMillis(30)))
            .seed(99)
            .build());
    Map<CallInfo, List<String>> byCall = new IdentityHashMap<>();
    SmsEventListener perCall =
        new SmsEventListener() {
          private synchronized void add(CallInfo call, String event) {
            byCall.computeIfAbsent(call, c -> new ArrayList<>()).add(event);
          }

          @Override
          public void callStart(CallInfo call) {
            add(call, "callStart");
          }

          @Override
          public void attemptStart(CallInfo call, int attempt) {
            add(call, "attemptStart");
          }

          @Override
          public void attemptEnd(CallInfo call, AttemptOutcome outcome) {
            add(call, "attemptEnd");
          }

          @Override
          public void retryScheduled(
              CallInfo call, int nextAttempt, Duration delay, SmsException reason) {
            add(call, "retryScheduled");
          }

          @Override
          public void callEnd(CallInfo call, Duration duration) {
            add(call, "end");
          }

          @Override
          public void callFailed(CallInfo call, Duration duration, SmsException failure) {
            add(call, "end");
          }
        };
    try (SmsClient sms = client(quickRetries(), perCall)) {
      List<CompletableFuture<?>> calls = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        calls.add(sms.showTaskAsync(TASK).exceptionally(e -> null));
      }
      CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);

      synchronized (perCall) {
        assertThat(byCall).hasSize(200);
        for (List<String> events : byCall.values()) {
          assertThat(events.get(0)).isEqualTo("callStart");
          assertThat(events).last().isEqualTo("end");
          assertThat(events.stream().filter("end"::equals).count()).isEqualTo(1);
          assertThat(events.stream().filter("attemptStart"::equals).count())
              .isEqualTo(events.stream().filter("attemptEnd"::equals).count());
        }
      }
    }
  }

  // ---- isolation ----

  @ParameterizedTest(name = "async={0}")
  @ValueSource(booleans = {false, true})
  void throwingListener_neverBreaksTheCall(boolean async) throws Exception {
    SmsEventListener throwing =
        new SmsEventListener() {
          @Override
          public void callStart(CallInfo call) {
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void attemptStart(CallInfo call, int attempt) {
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void attemptEnd(CallInfo call, AttemptOutcome outcome) {
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void retryScheduled(
              CallInfo call, int nextAttempt, Duration delay, SmsException reason) {
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void callEnd(CallInfo call, Duration duration) {
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void callFailed(CallInfo call, Duration duration, SmsException failure) {
            throw new IllegalStateException("listener bug");
          }
        };
    simulator.faults(
        FaultPlan.builder()
            .onRequest(1, Fault.status(503))
            .onRequest(3, Fault.status(404))
            .build());
    try (SmsClient sms = client(quickRetries(), throwing)) {
      assertThat(call(sms, async).getName()).isEqualTo("MigrationTask");

      Throwable failure = failureOf(sms, async);
      assertThat(failure).isInstanceOf(SmsServiceException.class);
      assertThat(((SmsServiceException) failure).getStatusCode()).isEqualTo(404);
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void throwingListener_error_isIsolatedLikeAnException(boolean async) throws Exception {
    // an Error (say, an AssertionError in a test's listener) must not hang or break the call
    SmsEventListener failingAssertion =
        new SmsEventListener() {
          @Override
          public void callStart(CallInfo call) {
            throw new AssertionError("assertion in callStart");
          }

          @Override
          public void attemptEnd(CallInfo call, AttemptOutcome outcome) {
            throw new AssertionError("assertion in attemptEnd");
          }

          @Override
          public void callEnd(CallInfo call, Duration duration) {
            throw new AssertionError("assertion in callEnd");
          }

          @Override
          public void callFailed(CallInfo call, Duration duration, SmsException failure) {
            throw new AssertionError("assertion in callFailed");
          }
        };
    simulator.faults(FaultPlan.builder().onRequest(2, Fault.status(404)).build());
    try (SmsClient sms = client(RetryPolicy.none(), failingAssertion)) {
      assertThat(call(sms, async).getName()).isEqualTo("MigrationTask");
      Throwable failure = failureOf(sms, async);
      assertThat(failure).isInstanceOf(SmsServiceException.class);
      assertThat(((SmsServiceException) failure).getStatusCode()).isEqualTo(404);
    }
  }
}
