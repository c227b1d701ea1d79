package org.migrationkit.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.testsupport.ThrowableText;

/**
 * A hostile or debugging server that echoes the request's headers in its error body: none of the
 * credential values the client sent ({@code Authorization} and its signature, {@code
 * X-Security-Token}, {@code X-Auth-Token}) reaches an exception's message, cause or {@code
 * toString()}, on the IAM domain-discovery path and on the service's own.
 */
class EchoedCredentialsTest {
  private static final String TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";
  private static final String AK = "HPUA6ECHOTESTAK00001";
  private static final String SK = "echo-SK-secret-0123456789abcdefghijklmn";
  private static final String SECURITY_TOKEN = "echo-ST-" + "gQoJb3JpZ2luX2VjE".repeat(30);
  private static final String X_AUTH_TOKEN = "echo-XAT-MIIZa1b2c3d4e5f6g7h8i9j0";

  private HttpServer server;
  private final List<Map<String, List<String>>> seen = new CopyOnWriteArrayList<>();
  private volatile String shape = "json";

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          seen.add(Map.copyOf(exchange.getRequestHeaders()));
          StringBuilder echo = new StringBuilder();
          exchange
              .getRequestHeaders()
              .forEach(
                  (name, values) -> echo.append(name).append(": ").append(values).append("; "));
          String text = echo.toString().replace("\"", "'");
          String body =
              shape.equals("json")
                  ? "{\"error\":{\"code\":\"IAM.0001\",\"message\":\"you sent "
                      + text
                      + "\"},"
                      + "\"error_param\":[\""
                      + text
                      + "\"]}"
                  : "<html>you sent " + text + "</html>";
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("X-Request-Id", "echo " + text);
          exchange.sendResponseHeaders(403, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void assertNoSentSecret(Throwable e) {
    String text = ThrowableText.of(e);
    assertThat(seen).isNotEmpty();
    for (Map<String, List<String>> headers : seen) {
      headers.forEach(
          (name, values) -> {
            if (name.equalsIgnoreCase("Authorization")) {
              String value = values.get(0);
              assertThat(text).doesNotContain(value);
              assertThat(text).doesNotContain(value.substring(value.indexOf("Signature=") + 10));
            }
          });
    }
    assertThat(text)
        .contains("****") // the server's text is there, with the values masked
        .doesNotContain(SECURITY_TOKEN.substring(0, 40))
        .doesNotContain(X_AUTH_TOKEN)
        .doesNotContain(SK);
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "html"})
  void iamDomainDiscovery_403EchoingHeaders_masksWhatWasSent(String shape) {
    this.shape = shape;
    try (SmsClient sms =
        SmsClient.builder()
            .environment(Map.of())
            .credentials(Credentials.akSk(AK, SK).withSecurityToken(SECURITY_TOKEN))
            .endpoint(url())
            .iamEndpoint(url())
            .retryPolicy(RetryPolicy.none())
            .build()) {
      Throwable e = catchThrowable(() -> sms.showTask(TASK_ID));
      assertThat(e).isInstanceOf(SmsClientException.class).hasMessageContaining("domain id");
      assertNoSentSecret(e);
    }
  }

  @Test
  void service403EchoingHeaders_akSk_masksWhatWasSent() {
    try (SmsClient sms =
        SmsClient.builder()
            .environment(Map.of())
            .credentials(
                Credentials.akSk(AK, SK)
                    .withSecurityToken(SECURITY_TOKEN)
                    .withDomainId("0970dd7a1300f5672ff2c003c60ae115"))
            .endpoint(url())
            .retryPolicy(RetryPolicy.none())
            .build()) {
      Throwable e = catchThrowable(() -> sms.showTask(TASK_ID));
      assertThat(e).isInstanceOf(SmsServiceException.class);
      SmsServiceException service = (SmsServiceException) e;
      assertThat(service.getErrorParams().toString() + service.getRequestId()).contains("****");
      assertNoSentSecret(e);
    }
  }

  @Test
  void service403EchoingHeaders_token_masksTheToken() {
    shape = "html";
    try (SmsClient sms =
        SmsClient.builder()
            .environment(Map.of())
            .credentials(Credentials.token(X_AUTH_TOKEN))
            .endpoint(url())
            .retryPolicy(RetryPolicy.none())
            .build()) {
      Throwable e = catchThrowable(() -> sms.showTask(TASK_ID));
      assertThat(((SmsServiceException) e).getRequestId()).contains("****");
      assertNoSentSecret(e);
    }
  }
}
