package org.migrationkit.sms.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.migrationkit.sms.CallInfo;
import org.migrationkit.sms.RetryBudget;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.SmsEventListener;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.SmsTimeoutException;
import org.migrationkit.sms.WaitOptions;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.auth.CredentialsProvider;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.TaskState;
import org.migrationkit.sms.testing.SmsSimulator;
import org.migrationkit.sms.testing.TaskScript;
import org.migrationkit.sms.testsupport.Fixtures;

/**
 * A credentials provider, and domain id discovery, are part of the call: bounded by its deadline,
 * ended by {@code close()}, never run on the caller's thread of {@code showTaskAsync} nor on the
 * shared retry scheduler, and whatever they do ends as the same {@link SmsClientException} on both
 * paths. The blocking providers here block for a minute, twice the hang guard, so a call that waits
 * for them cannot pass.
 */
class CredentialsResolutionTest {
  private static final String TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";
  private static final Credentials CREDENTIALS =
      Credentials.akSk("HPUA6QWERTYASDF1234Z", "s3cr3tK3yExample0123456789abcdefghijklmno")
          .withDomainId("0970dd7a1300f5672ff2c003c60ae115");
  private static final Duration HANG_GUARD = Duration.ofSeconds(30);

  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void releaseProviders() {
    release.countDown();
  }

  /** A provider that blocks (a minute at most, or until the test ends) once asked. */
  private CredentialsProvider blockingProvider(CountDownLatch asked) {
    return () -> {
      asked.countDown();
      awaitQuietly(release, 60);
      return CREDENTIALS;
    };
  }

  private static void awaitQuietly(CountDownLatch latch, int seconds) {
    try {
      latch.await(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static RawServer taskServer() {
    byte[] task = Fixtures.text(Fixtures.SHOW_TASK_200).getBytes(StandardCharsets.UTF_8);
    return RawServer.answering(head -> RawServer.response(200, "OK", "", task));
  }

  private static SmsClient.Builder client(RawServer server) {
    return SmsClient.builder()
        .endpoint(server.baseUrl())
        .readTimeout(Duration.ofSeconds(60))
        .callTimeout(Duration.ofMillis(500));
  }

  @Test
  void blockingProvider_showTask_endsAtCallTimeout() {
    CountDownLatch asked = new CountDownLatch(1);
    try (RawServer server = taskServer();
        SmsClient sms = client(server).credentialsProvider(blockingProvider(asked)).build()) {
      Throwable failure =
          assertTimeoutPreemptively(HANG_GUARD, () -> catchThrowable(() -> sms.showTask(TASK_ID)));

      assertThat(failure).isInstanceOf(SmsTimeoutException.class);
      assertThat(((SmsTimeoutException) failure).getTimeout())
          .isEqualTo(SmsTimeoutException.Timeout.CALL);
      assertThat(failure).hasMessageContaining("500 ms");
      assertThat(server.connections()).isZero();
    }
  }

  @Test
  void blockingProvider_showTaskAsync_returnsAtOnceAndEndsAtCallTimeout() throws Exception {
    CountDownLatch asked = new CountDownLatch(1);
    try (RawServer server = taskServer();
        SmsClient sms = client(server).credentialsProvider(blockingProvider(asked)).build()) {
      CompletableFuture<ShowTaskResponse> call =
          assertTimeoutPreemptively(HANG_GUARD, () -> sms.showTaskAsync(TASK_ID));
      assertThat(asked.await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)).isTrue();

      Throwable failure = catchThrowable(() -> call.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS));

      assertThat(failure).isInstanceOf(ExecutionException.class);
      assertThat(failure.getCause()).isInstanceOf(SmsTimeoutException.class);
      assertThat(((SmsTimeoutException) failure.getCause()).getTimeout())
          .isEqualTo(SmsTimeoutException.Timeout.CALL);
    }
  }

  @Test
  void blockingProvider_close_endsTheWaitingCall() throws Exception {
    CountDownLatch asked = new CountDownLatch(1);
    try (RawServer server = taskServer()) {
      SmsClient sms =
          client(server)
              .callTimeout(Duration.ofMinutes(5))
              .credentialsProvider(blockingProvider(asked))
              .build();
      CompletableFuture<Throwable> call =
          CompletableFuture.supplyAsync(() -> catchThrowable(() -> sms.showTask(TASK_ID)));
      assertThat(asked.await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)).isTrue();

      sms.close();

      Throwable failure = call.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
      assertThat(failure).isExactlyInstanceOf(SmsClientException.class);
      assertThat(failure).hasMessageContaining("the client was closed");
      assertThat(server.connections()).isZero();
    }
  }

  @Test
  void silentIamEndpoint_showTask_endsAtCallTimeout() {
    CountDownLatch iamAsked = new CountDownLatch(1);
    try (RawServer iam =
            RawServer.start(
                socket -> {
                  RawServer.readHead(socket.getInputStream());
                  iamAsked.countDown();
                  RawServer.drainUntilClosed(socket.getInputStream());
                });
        RawServer server = taskServer();
        SmsClient sms =
            client(server)
                .credentials(Credentials.akSk("HPUA6QWERTYASDF1234Z", "s3cr3tK3y"))
                .iamEndpoint(iam.baseUrl())
                .build()) {
      Throwable failure =
          assertTimeoutPreemptively(HANG_GUARD, () -> catchThrowable(() -> sms.showTask(TASK_ID)));

      assertThat(failure).isInstanceOf(SmsTimeoutException.class);
      assertThat(((SmsTimeoutException) failure).getTimeout())
          .isEqualTo(SmsTimeoutException.Timeout.CALL);
      assertThat(iamAsked.getCount()).isZero();
      assertThat(server.connections()).isZero();
    }
  }

  /**
   * A provider that blocks inside a scheduled retry must not hold the shared retry thread: another
   * client's waiter, which polls through that thread, carries on to the end of its task.
   */
  @Test
  void providerBlockingInScheduledRetry_otherClientsWaiterKeepsPolling() throws Exception {
    CountDownLatch askedAgain = new CountDownLatch(1);
    AtomicInteger asks = new AtomicInteger();
    CredentialsProvider blocksOnRetry =
        () -> {
          if (asks.incrementAndGet() > 1) {
            askedAgain.countDown();
            awaitQuietly(release, 60);
          }
          return CREDENTIALS;
        };
    byte[] busy =
        "{\"error_code\":\"SMS.503\",\"error_msg\":\"busy\"}".getBytes(StandardCharsets.UTF_8);
    try (RawServer unavailable =
            RawServer.answering(head -> RawServer.response(503, "Service Unavailable", "", busy));
        SmsClient blocked =
            SmsClient.builder()
                .endpoint(unavailable.baseUrl())
                .credentialsProvider(blocksOnRetry)
                .retryPolicy(
                    RetryPolicy.builder()
                        .baseDelay(Duration.ofMillis(1))
                        .maxDelay(Duration.ofMillis(1))
                        .retryBudget(RetryBudget.unlimited())
                        .build())
                .build();
        SmsSimulator simulator = SmsSimulator.start(CREDENTIALS);
        SmsClient other =
            SmsClient.builder().endpoint(simulator.endpoint()).credentials(CREDENTIALS).build()) {
      blocked.showTaskAsync(TASK_ID);
      assertThat(askedAgain.await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)).isTrue();
      simulator.script(
          "task-2",
          TaskScript.builder()
              .hold(TaskState.READY, 1)
              .subTask("CREATE_CLOUD_SERVER", 3)
              .succeed()
              .build());

      ShowTaskResponse done =
          assertTimeoutPreemptively(
              HANG_GUARD,
              () ->
                  other.waitForTask(
                      "task-2",
                      WaitOptions.builder()
                          .pollInterval(Duration.ofMillis(5))
                          .maxPollInterval(Duration.ofMillis(5))
                          .build()));

      assertThat(done.getState()).isEqualTo(TaskState.MIGRATE_SUCCESS);
    }
  }

  // ---- what a provider does ends the same way on both paths ----

  private static Throwable failureOf(SmsClient sms, boolean async) {
    if (!async) {
      return catchThrowable(() -> sms.showTask(TASK_ID));
    }
    CompletableFuture<ShowTaskResponse> call = sms.showTaskAsync(TASK_ID); // must not throw
    Throwable t = catchThrowable(() -> call.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS));
    assertThat(t).isInstanceOf(ExecutionException.class);
    return t.getCause();
  }

  @ParameterizedTest(name = "async={0}")
  @ValueSource(booleans = {false, true})
  void providerReturningNull_failsWithSmsClientException(boolean async) {
    try (RawServer server = taskServer();
        // with domain id discovery (an IAM endpoint), as the official samples configure it
        SmsClient sms =
            client(server).iamEndpoint(server.baseUrl()).credentialsProvider(() -> null).build()) {
      Throwable failure = failureOf(sms, async);

      assertThat(failure).isExactlyInstanceOf(SmsClientException.class);
      assertThat(failure).hasMessageContaining("the credentials provider returned null");
      assertThat(server.connections()).isZero();
    }
  }

  @ParameterizedTest(name = "async={0}")
  @ValueSource(booleans = {false, true})
  void providerThrowingError_failsWithSmsClientExceptionCarryingIt(boolean async) {
    AssertionError bug = new AssertionError("provider bug");
    try (RawServer server = taskServer();
        SmsClient sms =
            client(server)
                .iamEndpoint(server.baseUrl())
                .credentialsProvider(
                    () -> {
                      throw bug;
                    })
                .build()) {
      Throwable failure = failureOf(sms, async);

      assertThat(failure).isExactlyInstanceOf(SmsClientException.class);
      assertThat(failure)
          .hasMessageContaining("the credentials provider threw java.lang.AssertionError");
      assertThat(failure.getCause()).isSameAs(bug);
    }
  }

  /**
   * A call that failed on its credentials has ended: its {@code callStart} is paired with a {@code
   * callFailed} carrying the very exception the future holds (a call left in flight never reports
   * its end).
   */
  @Test
  void providerReturningNull_asyncCall_endsWithCallFailed() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    List<SmsException> reported = new CopyOnWriteArrayList<>();
    CountDownLatch ended = new CountDownLatch(1);
    SmsEventListener listener =
        new SmsEventListener() {
          @Override
          public void callStart(CallInfo call) {
            events.add("callStart");
          }

          @Override
          public void callFailed(CallInfo call, Duration duration, SmsException failure) {
            events.add("callFailed");
            reported.add(failure);
            ended.countDown();
          }
        };
    try (RawServer server = taskServer();
        SmsClient sms =
            client(server)
                .iamEndpoint(server.baseUrl())
                .credentialsProvider(() -> null)
                .eventListener(listener)
                .build()) {
      Throwable failure = failureOf(sms, true);

      assertThat(ended.await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(events).containsExactly("callStart", "callFailed");
      assertThat(reported).containsExactly((SmsException) failure);
    }
  }
}
