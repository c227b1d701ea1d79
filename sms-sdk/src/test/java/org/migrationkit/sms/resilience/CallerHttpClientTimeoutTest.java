package org.migrationkit.sms.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsTimeoutException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.testsupport.Fixtures;

/**
 * A caller's own {@code OkHttpClient.callTimeout} does not leak into the SDK: our {@code
 * callTimeout} governs the whole call, and a timeout is reported with the limit that really ended
 * it.
 */
class CallerHttpClientTimeoutTest {
  private static final String TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";
  private static final Credentials CREDENTIALS =
      Credentials.akSk("HPUA6QWERTYASDF1234Z", "s3cr3tK3yExample0123456789abcdefghijklmno")
          .withDomainId("0970dd7a1300f5672ff2c003c60ae115");

  private final OkHttpClient callersClient =
      new OkHttpClient.Builder().callTimeout(300, TimeUnit.MILLISECONDS).build();

  @AfterEach
  void shutDown() {
    callersClient.dispatcher().executorService().shutdown();
    callersClient.connectionPool().evictAll();
  }

  @Test
  void callersCallTimeout_answerAfterIt_callSucceeds() {
    byte[] task = Fixtures.text(Fixtures.SHOW_TASK_200).getBytes(StandardCharsets.UTF_8);
    try (RawServer slow =
            RawServer.answering(
                head -> {
                  try {
                    Thread.sleep(900); // the fault: three times the caller's OkHttp call timeout
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return RawServer.response(200, "OK", "", task);
                });
        SmsClient sms =
            SmsClient.builder()
                .endpoint(slow.baseUrl())
                .credentials(CREDENTIALS)
                .httpClient(callersClient)
                .retryPolicy(RetryPolicy.none())
                .callTimeout(Duration.ofSeconds(30))
                .build()) {
      assertThat(sms.showTask(TASK_ID).getName()).isEqualTo("MigrationTask");
      assertThat(slow.connections()).isEqualTo(1);
    }
  }

  @Test
  void callersCallTimeout_silentServer_endsAtOurCallTimeoutAndSaysSo() {
    try (RawServer silent =
            RawServer.start(
                socket -> {
                  RawServer.readHead(socket.getInputStream());
                  RawServer.drainUntilClosed(socket.getInputStream());
                });
        SmsClient sms =
            SmsClient.builder()
                .endpoint(silent.baseUrl())
                .credentials(CREDENTIALS)
                .httpClient(callersClient)
                .readTimeout(Duration.ofSeconds(60))
                .callTimeout(Duration.ofMillis(1500))
                .build()) {
      Throwable failure = catchThrowable(() -> sms.showTask(TASK_ID));

      assertThat(failure).isInstanceOf(SmsTimeoutException.class);
      assertThat(((SmsTimeoutException) failure).getTimeout())
          .isEqualTo(SmsTimeoutException.Timeout.CALL);
      assertThat(failure).hasMessageContaining("1500 ms");
      // ended by our deadline, so the one attempt was the only one
      assertThat(silent.connections()).isEqualTo(1);
    }
  }
}
