package org.migrationkit.sms.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.RetryBudget;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.SmsEventListener;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.testsupport.Fixtures;

/**
 * {@code close()} ends the calls in flight at once, whether they wait for an answer or for a retry,
 * with an {@link SmsClientException} that says the client was closed; later calls fail before any
 * I/O.
 *
 * <p>Every call here would otherwise wait far longer than the tests' guards ({@link #GUARD}): the
 * servers never answer, or ask for a retry in minutes, and the clients' own timeouts are longer
 * still. So a call that ends within a guard, saying the client was closed, was ended by {@code
 * close()}, however slow the machine.
 */
class CloseTest {
  private static final String TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";
  private static final String AK = "HPUA6QWERTYASDF1234Z";
  private static final String SK = "s3cr3tK3yExample0123456789abcdefghijklmno";
  private static final int CALLERS = 4;
  private static final Duration GUARD = Duration.ofSeconds(30);
  private static final Duration CLIENT_TIMEOUTS = Duration.ofSeconds(300);
  private static final Duration RETRY_AFTER = Duration.ofSeconds(120);

  private final ExecutorService callers = Executors.newFixedThreadPool(CALLERS);

  @AfterEach
  void stopCallers() throws InterruptedException {
    callers.shutdownNow();
    assertThat(callers.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  /** Loads the SDK's and OkHttp's classes once, so no guard is spent on class loading. */
  @BeforeAll
  static void warmUp() {
    byte[] task = Fixtures.text(Fixtures.SHOW_TASK_200).getBytes(StandardCharsets.UTF_8);
    try (RawServer server = RawServer.answering(head -> RawServer.response(200, "OK", "", task));
        SmsClient sms = client(server, RetryPolicy.none())) {
      sms.showTask(TASK_ID);
    }
  }

  /**
   * A server that reads each request, opens the latch, and never answers (as if it took forever).
   */
  private static RawServer silentServer(CountDownLatch requestsArrived) {
    return RawServer.start(
        socket -> {
          RawServer.readHead(socket.getInputStream());
          requestsArrived.countDown();
          RawServer.drainUntilClosed(socket.getInputStream());
        });
  }

  /** A server that answers 503 and asks for a retry in {@link #RETRY_AFTER}. */
  private static RawServer unavailableServer() {
    byte[] body =
        "{\"error_code\":\"SMS.503\",\"error_msg\":\"busy\"}".getBytes(StandardCharsets.UTF_8);
    String retryAfter = "Retry-After: " + RETRY_AFTER.toSeconds() + "\r\n";
    return RawServer.answering(
        head -> RawServer.response(503, "Service Unavailable", retryAfter, body));
  }

  private static SmsClient client(RawServer server, RetryPolicy policy) {
    return client(server, policy, SmsEventListener.NONE);
  }

  private static SmsClient client(RawServer server, RetryPolicy policy, SmsEventListener listener) {
    return SmsClient.builder()
        .endpoint(server.baseUrl())
        .credentials(Credentials.akSk(AK, SK))
        .retryPolicy(policy)
        .eventListener(listener)
        .readTimeout(CLIENT_TIMEOUTS)
        .callTimeout(CLIENT_TIMEOUTS)
        .build();
  }

  /** Retries once, honouring the server's whole {@link #RETRY_AFTER}. */
  private static RetryPolicy honoursRetryAfter() {
    return RetryPolicy.builder()
        .maxAttempts(2)
        .maxDelay(RETRY_AFTER)
        .retryBudget(RetryBudget.unlimited())
        .build();
  }

  private static void assertClosedFailure(Throwable failure) {
    assertThat(failure)
        .isInstanceOf(SmsClientException.class)
        .hasMessageContaining("client was closed")
        .hasMessageNotContaining("\n");
  }

  // ---- calls waiting for an answer ----

  @Test
  void close_whileSyncCallsAwaitAnswers_endsThemPromptly() throws Exception {
    CountDownLatch arrived = new CountDownLatch(CALLERS);
    try (RawServer server = silentServer(arrived)) {
      SmsClient sms = client(server, RetryPolicy.none());
      List<Future<Throwable>> calls = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        calls.add(
            callers.submit(
                () -> catchThrowableOfType(SmsClientException.class, () -> sms.showTask(TASK_ID))));
      }
      assertThat(arrived.await(GUARD.toSeconds(), TimeUnit.SECONDS))
          .as("all requests reached the server")
          .isTrue();

      sms.close();
      List<Throwable> failures = new ArrayList<>();
      for (Future<Throwable> call : calls) {
        failures.add(call.get(GUARD.toSeconds(), TimeUnit.SECONDS));
      }

      assertThat(failures).hasSize(CALLERS).allSatisfy(CloseTest::assertClosedFailure);
    }
  }

  @Test
  void close_whileAsyncCallsAwaitAnswers_completesThemPromptly() throws Exception {
    CountDownLatch arrived = new CountDownLatch(CALLERS);
    try (RawServer server = silentServer(arrived)) {
      SmsClient sms = client(server, RetryPolicy.none());
      List<CompletableFuture<ShowTaskResponse>> calls = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        calls.add(sms.showTaskAsync(TASK_ID));
      }
      assertThat(arrived.await(GUARD.toSeconds(), TimeUnit.SECONDS))
          .as("all requests reached the server")
          .isTrue();

      sms.close();
      List<Throwable> failures = new ArrayList<>();
      for (CompletableFuture<ShowTaskResponse> call : calls) {
        failures.add(
            catchThrowableOfType(
                    ExecutionException.class, () -> call.get(GUARD.toSeconds(), TimeUnit.SECONDS))
                .getCause());
      }

      assertThat(failures).hasSize(CALLERS).allSatisfy(CloseTest::assertClosedFailure);
    }
  }

  // ---- calls waiting to retry ----

  @Test
  void close_whileSyncCallWaitsToRetry_endsItPromptly() throws Exception {
    RecordingListener events = new RecordingListener();
    try (RawServer server = unavailableServer()) {
      SmsClient sms = client(server, honoursRetryAfter(), events);
      Future<Throwable> call =
          callers.submit(
              () -> catchThrowableOfType(SmsClientException.class, () -> sms.showTask(TASK_ID)));
      assertThat(events.firstRetryScheduled().await(GUARD.toSeconds(), TimeUnit.SECONDS)).isTrue();

      sms.close();
      Throwable failure = call.get(GUARD.toSeconds(), TimeUnit.SECONDS);

      assertThat(events.retryDelays()).containsExactly(RETRY_AFTER);
      assertClosedFailure(failure);
      assertThat(failure.getSuppressed()).hasSize(1); // the 503 it was waiting to retry
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void close_whileAsyncCallWaitsToRetry_completesItPromptly() throws Exception {
    RecordingListener events = new RecordingListener();
    try (RawServer server = unavailableServer()) {
      SmsClient sms = client(server, honoursRetryAfter(), events);
      CompletableFuture<ShowTaskResponse> call = sms.showTaskAsync(TASK_ID);
      assertThat(events.firstRetryScheduled().await(GUARD.toSeconds(), TimeUnit.SECONDS)).isTrue();

      sms.close();
      Throwable failure =
          catchThrowableOfType(
                  ExecutionException.class, () -> call.get(GUARD.toSeconds(), TimeUnit.SECONDS))
              .getCause();

      assertThat(events.retryDelays()).containsExactly(RETRY_AFTER);
      assertClosedFailure(failure);
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  /**
   * A call that passed its "is the client open?" check and closes a moment later, before its
   * request reaches OkHttp: the request must still never be sent.
   */
  @Test
  void close_whileSyncCallResolvesCredentials_sendsNoRequest() throws Exception {
    AtomicBoolean holdNext = new AtomicBoolean();
    CountDownLatch resolving = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch arrived = new CountDownLatch(1);
    try (RawServer server = silentServer(arrived)) {
      SmsClient sms =
          SmsClient.builder()
              .endpoint(server.baseUrl())
              .credentialsProvider(
                  () -> {
                    if (holdNext.get()) {
                      resolving.countDown();
                      awaitUninterruptibly(release);
                    }
                    return Credentials.akSk(AK, SK);
                  })
              .retryPolicy(RetryPolicy.none())
              .readTimeout(CLIENT_TIMEOUTS)
              .callTimeout(CLIENT_TIMEOUTS)
              .build();
      holdNext.set(true);
      Future<Throwable> call =
          callers.submit(
              () -> catchThrowableOfType(SmsClientException.class, () -> sms.showTask(TASK_ID)));
      assertThat(resolving.await(GUARD.toSeconds(), TimeUnit.SECONDS)).isTrue();

      sms.close();
      release.countDown();

      assertClosedFailure(call.get(GUARD.toSeconds(), TimeUnit.SECONDS));
      assertThat(arrived.getCount()).as("no request reached the server").isEqualTo(1);
    }
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- calls after close ----

  @Test
  void showTask_afterClose_failsAtOnceWithoutRequest() {
    try (RawServer server = silentServer(new CountDownLatch(1))) {
      SmsClient sms = client(server, RetryPolicy.defaults());
      sms.close();

      // a request to this silent server would wait for the client's timeouts, past the guard
      SmsClientException e =
          assertTimeoutPreemptively(
              GUARD,
              () -> catchThrowableOfType(SmsClientException.class, () -> sms.showTask(TASK_ID)));

      assertClosedFailure(e);
      assertThat(e.getAttempts()).isEqualTo(1);
      assertThat(server.connections()).isZero();
    }
  }

  @Test
  void showTaskAsync_afterClose_failsAtOnceWithoutRequest() {
    try (RawServer server = silentServer(new CountDownLatch(1))) {
      SmsClient sms = client(server, RetryPolicy.defaults());
      sms.close();

      CompletableFuture<ShowTaskResponse> call = sms.showTaskAsync(TASK_ID);

      assertThat(call).isCompletedExceptionally();
      Throwable failure = catchThrowableOfType(ExecutionException.class, call::get).getCause();
      assertClosedFailure(failure);
      assertThat(server.connections()).isZero();
    }
  }

  @Test
  void close_twice_isHarmless() {
    try (RawServer server = silentServer(new CountDownLatch(1))) {
      SmsClient sms = client(server, RetryPolicy.none());
      sms.close();
      sms.close();

      assertClosedFailure(
          catchThrowableOfType(SmsClientException.class, () -> sms.showTask(TASK_ID)));
    }
  }
}
