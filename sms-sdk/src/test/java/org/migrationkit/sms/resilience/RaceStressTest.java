package org.migrationkit.sms.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.AttemptOutcome;
import org.migrationkit.sms.CallInfo;
import org.migrationkit.sms.RetryBudget;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.SmsEventListener;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.SmsTimeoutException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.testsupport.Fixtures;

/**
 * Many calls racing with {@code close()} and with their own deadlines: every call ends exactly
 * once, with one exception whose suppressed list was built by one thread, and every event that
 * starts is ended.
 */
class RaceStressTest {
  private static final String TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";
  private static final Credentials CREDENTIALS =
      Credentials.akSk("HPUA6QWERTYASDF1234Z", "s3cr3tK3yExample0123456789abcdefghijklmno")
          .withDomainId("0970dd7a1300f5672ff2c003c60ae115");
  private static final long HANG_GUARD_SECONDS = 30;

  /** Counts events; every start must have its end. */
  private static final class Balance implements SmsEventListener {
    final AtomicInteger callStarts = new AtomicInteger();
    final AtomicInteger callEnds = new AtomicInteger();
    final AtomicInteger attemptStarts = new AtomicInteger();
    final AtomicInteger attemptEnds = new AtomicInteger();

    @Override
    public void callStart(CallInfo call) {
      callStarts.incrementAndGet();
    }

    @Override
    public void attemptStart(CallInfo call, int attempt) {
      attemptStarts.incrementAndGet();
    }

    @Override
    public void attemptEnd(CallInfo call, AttemptOutcome outcome) {
      attemptEnds.incrementAndGet();
    }

    @Override
    public void callEnd(CallInfo call, Duration duration) {
      callEnds.incrementAndGet();
    }

    @Override
    public void callFailed(CallInfo call, Duration duration, SmsException failure) {
      callEnds.incrementAndGet();
    }
  }

  @Test
  void closeWhileAsyncCallsRetry_everyCallEndsOnce() throws Exception {
    byte[] busy =
        "{\"error_code\":\"SMS.503\",\"error_msg\":\"busy\"}".getBytes(StandardCharsets.UTF_8);
    Random random = new Random(20261203);
    try (RawServer server =
        RawServer.answering(head -> RawServer.response(503, "Service Unavailable", "", busy))) {
      for (int round = 0; round < 20; round++) {
        Balance events = new Balance();
        SmsClient sms =
            SmsClient.builder()
                .endpoint(server.baseUrl())
                .credentials(CREDENTIALS)
                .eventListener(events)
                .retryPolicy(
                    RetryPolicy.builder()
                        .maxAttempts(1000)
                        .baseDelay(Duration.ZERO)
                        .retryBudget(RetryBudget.unlimited())
                        .build())
                .build();
        List<CompletableFuture<ShowTaskResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          calls.add(sms.showTaskAsync(TASK_ID));
        }
        Thread.sleep(random.nextInt(20)); // close at a random point of the retries

        assertThatCode(sms::close).doesNotThrowAnyException();

        for (CompletableFuture<ShowTaskResponse> call : calls) {
          Throwable failure = call.handle((r, e) -> e).get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
          Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
          assertThat(cause).isInstanceOfAny(SmsClientException.class, SmsServiceException.class);
          assertThat(cause.getSuppressed()).allMatch(s -> s instanceof SmsException);
        }
        assertThat(events.callEnds.get()).isEqualTo(events.callStarts.get());
        assertThat(events.attemptEnds.get()).isEqualTo(events.attemptStarts.get());
      }
    }
  }

  /**
   * Deadlines of a few milliseconds against answers of a few milliseconds: whether a call ends on
   * its answer or its deadline, it ends, and never by a read timeout (the watchdog must not miss an
   * attempt that started just after it looked).
   */
  @Test
  void shortDeadlines_manyCalls_everyCallEndsByAnswerOrDeadline() throws Exception {
    byte[] task = Fixtures.text(Fixtures.SHOW_TASK_200).getBytes(StandardCharsets.UTF_8);
    Random delays = new Random(42);
    try (RawServer server =
        RawServer.answering(
            head -> {
              try {
                Thread.sleep(nextDelay(delays));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return RawServer.response(200, "OK", "", task);
            })) {
      Balance events = new Balance();
      ExecutorService callers = Executors.newFixedThreadPool(8);
      try (SmsClient sms =
          SmsClient.builder()
              .endpoint(server.baseUrl())
              .credentials(CREDENTIALS)
              .eventListener(events)
              .readTimeout(Duration.ofSeconds(60))
              .callTimeout(Duration.ofMillis(25))
              .build()) {
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
          boolean async = i % 2 == 0;
          calls.add(
              callers.submit(
                  () -> {
                    try {
                      if (async) {
                        sms.showTaskAsync(TASK_ID).join();
                      } else {
                        sms.showTask(TASK_ID);
                      }
                    } catch (CompletionException e) {
                      assertEndedByDeadline(e.getCause());
                    } catch (SmsException e) {
                      assertEndedByDeadline(e);
                    }
                    return null;
                  }));
        }
        for (Future<?> call : calls) {
          call.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        }
      } finally {
        callers.shutdownNow();
      }
      assertThat(events.callStarts.get()).isEqualTo(200);
      assertThat(events.callEnds.get()).isEqualTo(200);
    }
  }

  private static synchronized long nextDelay(Random random) {
    return random.nextInt(40);
  }

  private static void assertEndedByDeadline(Throwable failure) {
    assertThat(failure).isInstanceOf(SmsTimeoutException.class);
    assertThat(((SmsTimeoutException) failure).getTimeout())
        .isEqualTo(SmsTimeoutException.Timeout.CALL);
  }
}
