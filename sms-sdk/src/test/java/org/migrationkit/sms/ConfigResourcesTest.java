package org.migrationkit.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.config.TcpRelay;
import org.migrationkit.sms.testsupport.Fixtures;

/**
 * Clients built without their own OkHttp client share one connection pool and dispatcher: many
 * clients add no threads and no connections, and {@code close()} leaves shared and caller-owned
 * resources working.
 */
class ConfigResourcesTest {
  private static final String TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";
  private static final Credentials CREDENTIALS =
      Credentials.akSk("HPUA6QWERTYASDF1234Z", "s3cr3tK3yExample0123456789abcdefghijklmno")
          .withDomainId("0970dd7a1300f5672ff2c003c60ae115");

  /**
   * Threads a shared pool may still start once (OkHttp's task runner, a second dispatcher thread).
   */
  private static final int TOLERANCE = 3;

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @TempDir Path home;

  /**
   * WireMock's own {@code baseUrl()} names {@code localhost} (a name lookup), or the https port
   * when one is on.
   */
  private static String baseUrl(WireMockExtension server) {
    return "http://127.0.0.1:" + server.getPort();
  }

  @BeforeEach
  void serveTask() {
    wm.stubFor(
        get(urlPathEqualTo("/v3/tasks/" + TASK_ID))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.text(Fixtures.SHOW_TASK_200))));
  }

  private SmsClient client(String endpoint) {
    return SmsClient.builder()
        .environment(Map.of())
        .homeDirectory(home)
        .endpoint(endpoint)
        .credentials(CREDENTIALS)
        .build();
  }

  /** Live threads other than WireMock's (Jetty grows its pool on demand) and the test relay's. */
  private static Set<Thread> sdkSideThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(
            t -> !t.getName().startsWith("qtp") && !t.getName().startsWith(TcpRelay.THREAD_PREFIX))
        .collect(Collectors.toSet());
  }

  @Test
  void fiftyClients_builtUsedAndClosed_leaveNoExtraThreads() throws Exception {
    try (SmsClient warmUp = client(baseUrl(wm))) {
      warmUp.showTask(TASK_ID);
      warmUp.showTaskAsync(TASK_ID).get(10, TimeUnit.SECONDS);
    }
    Set<Thread> before = sdkSideThreads();

    for (int i = 0; i < 50; i++) {
      try (SmsClient client = client(baseUrl(wm))) {
        client.showTask(TASK_ID);
        client.showTaskAsync(TASK_ID).get(10, TimeUnit.SECONDS);
      }
    }

    Set<Thread> added = sdkSideThreads();
    added.removeAll(before);
    assertThat(added)
        .as("threads started by 50 clients: %s", added.stream().map(Thread::getName).toList())
        .hasSizeLessThanOrEqualTo(TOLERANCE);
  }

  @Test
  void fiftyClients_sequentialCalls_shareOneConnection() throws Exception {
    try (TcpRelay relay = TcpRelay.to(wm.getPort())) {
      for (int i = 0; i < 50; i++) {
        try (SmsClient client = client("http://127.0.0.1:" + relay.port())) {
          client.showTask(TASK_ID);
        }
      }

      assertThat(relay.connections()).isEqualTo(1);
    }
  }

  @Test
  void close_leavesTheSharedPoolWorking() {
    SmsClient first = client(baseUrl(wm));
    first.showTask(TASK_ID);
    first.close();

    try (SmsClient second = client(baseUrl(wm))) {
      assertThat(second.showTask(TASK_ID).getName()).isEqualTo("MigrationTask");
    }
  }

  @Test
  void close_leavesTheCallersOkHttpClientOpen() throws Exception {
    OkHttpClient own = new OkHttpClient();
    try {
      SmsClient client =
          SmsClient.builder()
              .environment(Map.of())
              .homeDirectory(home)
              .endpoint(baseUrl(wm))
              .credentials(CREDENTIALS)
              .httpClient(own)
              .build();
      client.showTaskAsync(TASK_ID).get(10, TimeUnit.SECONDS);
      client.close();

      assertThat(own.dispatcher().executorService().isShutdown()).isFalse();
      try (Response response =
          own.newCall(new Request.Builder().url(baseUrl(wm) + "/v3/tasks/" + TASK_ID).build())
              .execute()) {
        assertThat(response.code()).isEqualTo(200);
      }
    } finally {
      own.dispatcher().executorService().shutdown();
      own.connectionPool().evictAll();
    }
  }
}
