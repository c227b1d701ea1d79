package org.migrationkit.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.migrationkit.sms.ConnectionSetupTest.millisSince;
import static org.migrationkit.sms.ConnectionSetupTest.timed;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.CreateMigprojectRequest;
import org.migrationkit.sms.model.TaskType;
import org.migrationkit.sms.network.TlsServer;

/** A server that stops reading a large body: the write timeout fires and is named as such. */
class WriteTimeoutTest {
  @Test
  void serverNeverReadingA64MiBBody_isWriteTimeoutWithItsValue() throws Exception {
    try (TlsServer server = TlsServer.neverReadingBody();
        SmsClient sms =
            SmsClient.builder()
                .environment(Map.of())
                .credentials(
                    Credentials.akSk("HPUA6QWERTYASDF1234Z", "s3cr3tK3yExample0123456789abcdef")
                        .withDomainId("0970dd7a1300f5672ff2c003c60ae115"))
                .endpoint(server.url())
                .writeTimeout(Duration.ofSeconds(1))
                .readTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.none())
                .build()) {
      CreateMigprojectRequest request =
          CreateMigprojectRequest.builder()
              .name("x".repeat(64 * 1024 * 1024))
              .region("ap-southeast-1")
              .usePublicIp(true)
              .existServer(false)
              .type(TaskType.MIGRATE_BLOCK)
              .syncing(false)
              .build();
      long start = System.nanoTime();
      Throwable e =
          timed("64 MiB POST to a server that never reads it", () -> sms.createMigproject(request));
      assertThat(millisSince(start)).isLessThan(4_000);
      assertThat(e)
          .isInstanceOf(SmsTimeoutException.class)
          .hasMessageContaining("write timed out after 1000 ms");
      assertThat(((SmsTimeoutException) e).getTimeout())
          .isEqualTo(SmsTimeoutException.Timeout.WRITE);
      assertThat(server.requests()).containsExactly("POST /v3/migprojects HTTP/1.1");
    }
  }
}
