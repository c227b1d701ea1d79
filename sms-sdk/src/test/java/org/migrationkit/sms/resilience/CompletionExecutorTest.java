package org.migrationkit.sms.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.testsupport.Fixtures;

/**
 * A completion executor that refuses work (full, or shut down) never leaves a future pending: the
 * future then completes on the thread that has the outcome, and {@code close()} does not throw.
 */
class CompletionExecutorTest {
  private static final String TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";
  private static final Credentials CREDENTIALS =
      Credentials.akSk("HPUA6QWERTYASDF1234Z", "s3cr3tK3yExample0123456789abcdefghijklmno")
          .withDomainId("0970dd7a1300f5672ff2c003c60ae115");
  private static final long HANG_GUARD_SECONDS = 30;

  private static final Executor FULL =
      task -> {
        throw new RejectedExecutionException("queue full");
      };

  private static SmsClient client(RawServer server, Executor executor) {
    return SmsClient.builder()
        .endpoint(server.baseUrl())
        .credentials(CREDENTIALS)
        .retryPolicy(RetryPolicy.none())
        .completionExecutor(executor)
        .build();
  }

  @Test
  void rejectingExecutor_success_futureCompletes() throws Exception {
    byte[] task = Fixtures.text(Fixtures.SHOW_TASK_200).getBytes(StandardCharsets.UTF_8);
    try (RawServer server = RawServer.answering(head -> RawServer.response(200, "OK", "", task));
        SmsClient sms = client(server, FULL)) {
      ShowTaskResponse answer =
          sms.showTaskAsync(TASK_ID).get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);

      assertThat(answer.getName()).isEqualTo("MigrationTask");
    }
  }

  @Test
  void shutDownExecutor_errorAnswer_futureFailsWithIt() {
    ExecutorService shutDown = Executors.newSingleThreadExecutor();
    shutDown.shutdown();
    byte[] body =
        "{\"error_code\":\"SMS.1204\",\"error_msg\":\"no such task\"}"
            .getBytes(StandardCharsets.UTF_8);
    try (RawServer server =
            RawServer.answering(head -> RawServer.response(404, "Not Found", "", body));
        SmsClient sms = client(server, shutDown)) {
      Throwable failure =
          catchThrowable(
              () -> sms.showTaskAsync(TASK_ID).get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));

      assertThat(failure).isInstanceOf(ExecutionException.class);
      assertThat(failure.getCause()).isInstanceOf(SmsServiceException.class);
      assertThat(((SmsServiceException) failure.getCause()).getStatusCode()).isEqualTo(404);
    }
  }

  @Test
  void rejectingExecutor_closeWithCallInFlight_doesNotThrow_futureFails() throws Exception {
    CountDownLatch requestArrived = new CountDownLatch(1);
    try (RawServer server =
        RawServer.start(
            socket -> {
              RawServer.readHead(socket.getInputStream());
              requestArrived.countDown();
              RawServer.drainUntilClosed(socket.getInputStream());
            })) {
      SmsClient sms = client(server, FULL);
      CompletableFuture<ShowTaskResponse> call = sms.showTaskAsync(TASK_ID);
      assertThat(requestArrived.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();

      assertThatCode(sms::close).doesNotThrowAnyException();

      Throwable failure = catchThrowable(() -> call.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
      assertThat(failure).isInstanceOf(ExecutionException.class);
      assertThat(failure.getCause()).isExactlyInstanceOf(SmsClientException.class);
      assertThat(failure.getCause()).hasMessageContaining("the client was closed");
    }
  }
}
