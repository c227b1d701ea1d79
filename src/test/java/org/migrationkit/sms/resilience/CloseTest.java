package org.migrationkit.sms.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.testsupport.Fixtures;

/**
 * {@code close()} ends the calls in flight at once, whether they wait for an answer or for a retry,
 * with an {@link SmsClientException} that says the client was closed; later calls fail before any
 * I/O.
 */
class CloseTest {
  private static final String TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";
  private static final String AK = "HPUA6QWERTYASDF1234Z";
  private static final String SK = "s3cr3tK3yExample0123456789abcdefghijklmno";
  private static final int CALLERS = 4;

  private final ExecutorService callers = Executors.newFixedThreadPool(CALLERS);

  @AfterEach
  void stopCallers() throws InterruptedException {
    callers.shutdownNow();
    assertThat(callers.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  /** Loads the SDK's and OkHttp's classes once, so the timing assertions measure closing only. */
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

  /** A server that answers 503 and asks for a retry in 30 s. */
  private static RawServer unavailableServer() {
    byte[] body =
        "{\"error_code\":\"SMS.503\",\"error_msg\":\"busy\"}".getBytes(StandardCharsets.UTF_8);
    return RawServer.answering(
        head -> RawServer.response(503, "Service Unavailable", "Retry-After: 30\r\n", body));
  }

  private static SmsClient client(RawServer server, RetryPolicy policy) {
    return SmsClient.builder()
        .endpoint(server.baseUrl())
        .credentials(Credentials.akSk(AK, SK))
        .retryPolicy(policy)
        .readTimeout(Duration.ofSeconds(30))
        .callTimeout(Duration.ofSeconds(30))
        .build();
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
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
      assertThat(arrived.await(10, TimeUnit.SECONDS))
          .as("all requests reached the server")
          .isTrue();

      long start = System.nanoTime();
      sms.close();
      List<Throwable> failures = new ArrayList<>();
      for (Future<Throwable> call : calls) {
        failures.add(call.get(2, TimeUnit.SECONDS));
      }
      long elapsed = millisSince(start);

      assertThat(failures).hasSize(CALLERS).allSatisfy(CloseTest::assertClosedFailure);
      assertThat(elapsed).isLessThan(2000);
      System.out.println("close_whileSyncCallsAwaitAnswers: " + elapsed + " ms");
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
      assertThat(arrived.await(10, TimeUnit.SECONDS))
          .as("all requests reached the server")
          .isTrue();

      long start = System.nanoTime();
      sms.close();
      List<Throwable> failures = new ArrayList<>();
      for (CompletableFuture<ShowTaskResponse> call : calls) {
        failures.add(
            catchThrowableOfType(ExecutionException.class, () -> call.get(2, TimeUnit.SECONDS))
                .getCause());
      }
      long elapsed = millisSince(start);

      assertThat(failures).hasSize(CALLERS).allSatisfy(CloseTest::assertClosedFailure);
      assertThat(elapsed).isLessThan(2000);
      System.out.println("close_whileAsyncCallsAwaitAnswers: " + elapsed + " ms");
    }
  }

  // ---- calls waiting to retry ----

  @Test
  void close_whileSyncCallWaitsToRetry_endsItPromptly() throws Exception {
    RecordingListener events = new RecordingListener();
    try (RawServer server = unavailableServer()) {
      SmsClient sms =
          SmsClient.builder()
              .endpoint(server.baseUrl())
              .credentials(Credentials.akSk(AK, SK))
              .retryPolicy(RetryPolicy.builder().retryBudget(RetryBudget.unlimited()).build())
              .eventListener(events)
              .build();
      Future<Throwable> call =
          callers.submit(
              () -> catchThrowableOfType(SmsClientException.class, () -> sms.showTask(TASK_ID)));
      assertThat(events.firstRetryScheduled().await(10, TimeUnit.SECONDS)).isTrue();

      long start = System.nanoTime();
      sms.close();
      Throwable failure = call.get(2, TimeUnit.SECONDS);
      long elapsed = millisSince(start);

      assertClosedFailure(failure);
      assertThat(failure.getSuppressed()).hasSize(1); // the 503 it was waiting to retry
      assertThat(elapsed).isLessThan(2000);
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void close_whileAsyncCallWaitsToRetry_completesItPromptly() throws Exception {
    RecordingListener events = new RecordingListener();
    try (RawServer server = unavailableServer()) {
      SmsClient sms =
          SmsClient.builder()
              .endpoint(server.baseUrl())
              .credentials(Credentials.akSk(AK, SK))
              .retryPolicy(RetryPolicy.builder().retryBudget(RetryBudget.unlimited()).build())
              .eventListener(events)
              .build();
      CompletableFuture<ShowTaskResponse> call = sms.showTaskAsync(TASK_ID);
      assertThat(events.firstRetryScheduled().await(10, TimeUnit.SECONDS)).isTrue();

      long start = System.nanoTime();
      sms.close();
      Throwable failure =
          catchThrowableOfType(ExecutionException.class, () -> call.get(2, TimeUnit.SECONDS))
              .getCause();
      long elapsed = millisSince(start);

      assertClosedFailure(failure);
      assertThat(elapsed).isLessThan(2000);
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
              .callTimeout(Duration.ofSeconds(30))
              .build();
      holdNext.set(true);
      Future<Throwable> call =
          callers.submit(
              () -> catchThrowableOfType(SmsClientException.class, () -> sms.showTask(TASK_ID)));
      assertThat(resolving.await(10, TimeUnit.SECONDS)).isTrue();

      sms.close();
      release.countDown();

      assertClosedFailure(call.get(5, TimeUnit.SECONDS));
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

      long start = System.nanoTime();
      SmsClientException e =
          catchThrowableOfType(SmsClientException.class, () -> sms.showTask(TASK_ID));
      long elapsed = millisSince(start);

      assertClosedFailure(e);
      assertThat(e.getAttempts()).isEqualTo(1);
      assertThat(elapsed).isLessThan(500);
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
