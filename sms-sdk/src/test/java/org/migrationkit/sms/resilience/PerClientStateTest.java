package org.migrationkit.sms.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.RetryBudget;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.auth.Credentials;

/**
 * What a client does depends on its own configuration: one client's outage does not spend the
 * retries of another, unless the caller shares a budget on purpose.
 */
class PerClientStateTest {
  private static final String TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";
  private static final Credentials CREDENTIALS =
      Credentials.akSk("HPUA6QWERTYASDF1234Z", "s3cr3tK3yExample0123456789abcdefghijklmno")
          .withDomainId("0970dd7a1300f5672ff2c003c60ae115");
  private static final byte[] BUSY =
      "{\"error_code\":\"SMS.503\",\"error_msg\":\"busy\"}".getBytes(StandardCharsets.UTF_8);

  private static SmsClient client(RawServer server, RetryPolicy policy) {
    return SmsClient.builder()
        .endpoint(server.baseUrl())
        .credentials(CREDENTIALS)
        .retryPolicy(policy)
        .build();
  }

  /** Spends a whole default budget: 500 tokens at 5 per retry, 2 retries per call. */
  private static void exhaustBudget(SmsClient sms) {
    for (int i = 0; i < RetryBudget.DEFAULT_CAPACITY / 10 + 1; i++) {
      catchThrowable(() -> sms.showTask(TASK_ID));
    }
  }

  @Test
  void defaultBudget_oneClientExhaustsIt_anotherStillRetries() {
    RetryPolicy quick = RetryPolicy.builder().baseDelay(Duration.ZERO).build();
    try (RawServer server =
            RawServer.answering(head -> RawServer.response(503, "Service Unavailable", "", BUSY));
        SmsClient noisy = client(server, quick);
        SmsClient quiet = client(server, quick)) {
      exhaustBudget(noisy);
      Throwable noisyFailure = catchThrowable(() -> noisy.showTask(TASK_ID));
      assertThat(((SmsException) noisyFailure).getAttempts())
          .as("its own budget is spent")
          .isEqualTo(1);

      Throwable quietFailure = catchThrowable(() -> quiet.showTask(TASK_ID));

      assertThat(((SmsException) quietFailure).getAttempts()).isEqualTo(3);
    }
  }

  @Test
  void sharedBudget_setOnPurpose_isShared() {
    RetryPolicy shared =
        RetryPolicy.builder().baseDelay(Duration.ZERO).retryBudget(RetryBudget.create(10)).build();
    try (RawServer server =
            RawServer.answering(head -> RawServer.response(503, "Service Unavailable", "", BUSY));
        SmsClient first = client(server, shared);
        SmsClient second = client(server, shared)) {
      catchThrowable(() -> first.showTask(TASK_ID)); // two retries: the 10 tokens are gone

      Throwable failure = catchThrowable(() -> second.showTask(TASK_ID));

      assertThat(((SmsException) failure).getAttempts()).isEqualTo(1);
    }
  }
}
