package org.migrationkit.sms.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.auth.Credentials;

/**
 * An interrupted synchronous call ends at once with an {@link SmsClientException}, is not retried,
 * leaves the thread's interrupt flag set, and releases its connection. The server here never
 * answers and the read timeout is a minute, twice the hang guard, so a call that ignores the
 * interrupt cannot pass.
 */
class InterruptTest {
  private static final String TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";
  private static final Credentials CREDENTIALS =
      Credentials.akSk("HPUA6QWERTYASDF1234Z", "s3cr3tK3yExample0123456789abcdefghijklmno")
          .withDomainId("0970dd7a1300f5672ff2c003c60ae115");
  private static final long HANG_GUARD_SECONDS = 30;

  private static RawServer silentServer(CountDownLatch requestArrived) {
    return RawServer.start(
        socket -> {
          RawServer.readHead(socket.getInputStream());
          requestArrived.countDown();
          RawServer.drainUntilClosed(socket.getInputStream());
        });
  }

  /** What one call on its own thread saw. */
  private record Outcome(Throwable failure, boolean interruptFlagAfter) {}

  private static CompletableFuture<Outcome> callOnOwnThread(SmsClient sms, Thread[] thread) {
    CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    thread[0] =
        new Thread(
            () -> {
              Throwable failure = catchThrowable(() -> sms.showTask(TASK_ID));
              outcome.complete(new Outcome(failure, Thread.currentThread().isInterrupted()));
            },
            "interrupted-caller");
    thread[0].start();
    return outcome;
  }

  @Test
  void showTask_interruptFlagAlreadySet_failsWithoutSending_flagKept() {
    CountDownLatch requestArrived = new CountDownLatch(1);
    try (RawServer server = silentServer(requestArrived);
        SmsClient sms =
            SmsClient.builder().endpoint(server.baseUrl()).credentials(CREDENTIALS).build()) {
      Thread.currentThread().interrupt();
      Throwable failure;
      boolean flagAfter;
      try {
        failure = catchThrowable(() -> sms.showTask(TASK_ID));
      } finally {
        flagAfter = Thread.interrupted(); // clears it for the rest of the test
      }

      assertThat(failure).isExactlyInstanceOf(SmsClientException.class);
      assertThat(failure).hasMessageContaining("interrupted");
      assertThat(flagAfter).isTrue();
      assertThat(server.connections()).isZero();
    }
  }

  @Test
  void showTask_interruptedWhileWaitingForAnswer_endsPromptly_notRetried_connectionReleased()
      throws Exception {
    CountDownLatch requestArrived = new CountDownLatch(1);
    OkHttpClient http = new OkHttpClient();
    try (RawServer server = silentServer(requestArrived);
        SmsClient sms =
            SmsClient.builder()
                .endpoint(server.baseUrl())
                .credentials(CREDENTIALS)
                .httpClient(http)
                .readTimeout(Duration.ofSeconds(60))
                .callTimeout(Duration.ofMinutes(5))
                .build()) {
      Thread[] caller = new Thread[1];
      CompletableFuture<Outcome> outcome = callOnOwnThread(sms, caller);
      assertThat(requestArrived.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();

      caller[0].interrupt();

      Outcome seen = outcome.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
      assertThat(seen.failure()).isExactlyInstanceOf(SmsClientException.class);
      assertThat(seen.failure()).hasMessageContaining("interrupted");
      assertThat(((SmsException) seen.failure()).getAttempts()).isEqualTo(1);
      assertThat(seen.interruptFlagAfter()).isTrue();
      assertThat(server.connections()).as("not retried").isEqualTo(1);
      assertThat(http.dispatcher().runningCallsCount()).as("the call was released").isZero();
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Test
  void showTask_interruptedWhileWaitingToRetry_endsPromptly_flagKept() throws Exception {
    byte[] busy =
        "{\"error_code\":\"SMS.503\",\"error_msg\":\"busy\"}"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    CountDownLatch firstAnswer = new CountDownLatch(1);
    try (RawServer server =
            RawServer.answering(
                head -> {
                  firstAnswer.countDown();
                  return RawServer.response(
                      503, "Service Unavailable", "Retry-After: 20\r\n", busy);
                });
        SmsClient sms =
            SmsClient.builder()
                .endpoint(server.baseUrl())
                .credentials(CREDENTIALS)
                .callTimeout(Duration.ofMinutes(5))
                .build()) {
      Thread[] caller = new Thread[1];
      CompletableFuture<Outcome> outcome = callOnOwnThread(sms, caller);
      assertThat(firstAnswer.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();

      caller[0].interrupt();

      Outcome seen = outcome.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
      assertThat(seen.failure()).isExactlyInstanceOf(SmsClientException.class);
      assertThat(seen.failure()).hasMessageContaining("interrupted");
      assertThat(seen.interruptFlagAfter()).isTrue();
      assertThat(server.connections()).isEqualTo(1);
    }
  }
}
