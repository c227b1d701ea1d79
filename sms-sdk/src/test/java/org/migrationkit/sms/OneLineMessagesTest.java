package org.migrationkit.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationkit.sms.auth.Credentials;

/**
 * Messages are one line whatever the caller or the service put into them (CR, LF, U+2028), and an
 * endpoint never carries a password into a message or {@code toString()}.
 */
class OneLineMessagesTest {
  private static final Credentials CREDENTIALS =
      Credentials.akSk("HPUA6QWERTYASDF1234Z", "s3cr3tK3yExample0123456789abcdefghijklmno")
          .withDomainId("0970dd7a1300f5672ff2c003c60ae115");

  @TempDir Path home;

  private static void assertOneLine(Throwable failure) {
    assertThat(failure.getMessage()).doesNotContain("\n", "\r", "\u2028", "\u2029", "\u0085");
  }

  @Test
  void regionIdWithCrLf_buildFails_messageEscapesIt() {
    Throwable failure =
        catchThrowable(
            () ->
                SmsClient.builder()
                    .environment(Map.of())
                    .homeDirectory(home)
                    .credentials(CREDENTIALS)
                    .region("ap-southeast-1\r\nX-Injected: yes")
                    .build());

    assertThat(failure).isInstanceOf(IllegalArgumentException.class);
    assertOneLine(failure);
    assertThat(failure).hasMessageContaining("ap-southeast-1\\r\\nX-Injected: yes");
  }

  @Test
  void endpointWithCrLf_fails_messageEscapesIt() {
    Throwable failure =
        catchThrowable(() -> SmsClient.builder().endpoint("https://sms.example.com\r\n/evil"));

    assertThat(failure).isInstanceOf(IllegalArgumentException.class);
    assertOneLine(failure);
    assertThat(failure).hasMessageContaining("\\r\\n");
  }

  @Test
  void taskIdWithLineBreaks_waitTimeoutMessage_isOneLine() throws Exception {
    HttpServer silent =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    silent.createContext("/", exchange -> {}); // never answers
    silent.start();
    try (SmsClient sms =
        SmsClient.builder()
            .endpoint("http://127.0.0.1:" + silent.getAddress().getPort())
            .credentials(CREDENTIALS)
            .build()) {
      Throwable failure =
          catchThrowable(
              () ->
                  sms.waitForTask(
                      "task\r\nline\u2028two",
                      WaitOptions.builder().maxWait(Duration.ofMillis(200)).build()));

      assertThat(failure).isInstanceOf(WaitTimeoutException.class);
      assertOneLine(failure);
      assertThat(failure).hasMessageContaining("'task\\r\\nline\\u2028two'");
    } finally {
      silent.stop(0);
    }
  }

  @Test
  void serviceErrorMessageWithLineSeparators_isOneLine() throws Exception {
    byte[] body =
        "{\"error_code\":\"SMS.1204\",\"error_msg\":\"first\\u2028second\\u2029third\\nfourth\\u0085fifth\"}"
            .getBytes(StandardCharsets.UTF_8);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(404, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try (SmsClient sms =
        SmsClient.builder()
            .endpoint("http://127.0.0.1:" + server.getAddress().getPort())
            .credentials(CREDENTIALS)
            .build()) {
      Throwable failure = catchThrowable(() -> sms.showTask("task-1"));

      assertThat(failure).isInstanceOf(SmsServiceException.class);
      assertOneLine(failure);
      assertThat(failure).hasMessageContaining("first second third fourth fifth");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void endpointWithUserInfo_refused_passwordNeverShown() {
    assertThatThrownBy(() -> SmsClient.builder().endpoint("https://admin:hunter2@sms.example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user info")
        .hasMessageNotContaining("hunter2")
        .hasMessageNotContaining("admin");
  }

  @Test
  void regionEndpointWithUserInfo_buildFails_passwordNeverShown() {
    Throwable failure =
        catchThrowable(
            () ->
                SmsClient.builder()
                    .environment(
                        Map.of(
                            "HUAWEICLOUD_SDK_REGION_SMS_MY_REGION_1",
                            "https://admin:hunter2@sms.example.com"))
                    .homeDirectory(home)
                    .credentials(CREDENTIALS)
                    .region("my-region-1")
                    .build());

    assertThat(failure).isInstanceOf(IllegalArgumentException.class);
    assertThat(failure).hasMessageNotContaining("hunter2");
  }
}
