package org.migrationkit.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.auth.SignatureVerifier;
import org.migrationkit.sms.testsupport.Fixtures;

/**
 * Clock skew correction against a gateway whose clock runs 20 minutes ahead: WireMock serves the
 * task, and a transformer plays the gateway, stamping its own {@code Date} on every answer and
 * turning requests whose signature its verifier rejects into {@code 401}.
 */
class ConfigClockSkewTest {
  private static final String TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";
  private static final Credentials CREDENTIALS =
      Credentials.akSk("HPUA6QWERTYASDF1234Z", "s3cr3tK3yExample0123456789abcdefghijklmno")
          .withDomainId("0970dd7a1300f5672ff2c003c60ae115");

  private static final SkewedGateway gateway = new SkewedGateway(Duration.ofMinutes(20));

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(
              wireMockConfig()
                  .dynamicPort()
                  .bindAddress("127.0.0.1")
                  .containerThreads(40)
                  .extensions(gateway))
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
  void setUp() {
    gateway.verdicts.clear();
    gateway.offset = Duration.ofMinutes(20);
    gateway.holdUntil = null;
    wm.stubFor(
        get(urlPathEqualTo("/v3/tasks/" + TASK_ID))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.text(Fixtures.SHOW_TASK_200))));
  }

  private SmsClient.Builder client() {
    return SmsClient.builder()
        .environment(Map.of())
        .homeDirectory(home)
        .endpoint(baseUrl(wm))
        .credentials(CREDENTIALS)
        .retryPolicy(RetryPolicy.none());
  }

  @Test
  void showTask_gatewayTwentyMinutesAhead_learnsOffsetAndResigns() {
    try (SmsClient client = client().build()) {
      assertThat(client.showTask(TASK_ID).getName()).isEqualTo("MigrationTask");

      assertThat(gateway.verdicts).hasSize(2);
      assertThat(gateway.verdicts.get(0)).startsWith("invalid: the signature expired");
      assertThat(gateway.verdicts.get(1)).startsWith("valid");
    }
  }

  @Test
  void showTask_afterOffsetLearned_secondCallSucceedsOnFirstAttempt() {
    try (SmsClient client = client().build()) {
      client.showTask(TASK_ID);
      gateway.verdicts.clear();

      assertThat(client.showTask(TASK_ID).getName()).isEqualTo("MigrationTask");

      assertThat(gateway.verdicts).hasSize(1);
      assertThat(gateway.verdicts.get(0)).startsWith("valid");
    }
  }

  @Test
  void showTaskAsync_gatewayTwentyMinutesAhead_learnsOffsetAndResigns() throws Exception {
    try (SmsClient client = client().build()) {
      assertThat(client.showTaskAsync(TASK_ID).get(10, TimeUnit.SECONDS).getName())
          .isEqualTo("MigrationTask");
      assertThat(client.showTaskAsync(TASK_ID).get(10, TimeUnit.SECONDS).getName())
          .isEqualTo("MigrationTask");

      assertThat(gateway.verdicts).hasSize(3);
      assertThat(gateway.verdicts.get(0)).startsWith("invalid");
      assertThat(gateway.verdicts.subList(1, 3)).allMatch(v -> v.startsWith("valid"));
    }
  }

  /**
   * Eight first calls all refused for the same skew each learn it: the offset is set from the
   * gateway's time, not added up (added up, the retries were signed 160 minutes off).
   */
  @Test
  void showTask_eightConcurrentFirstCalls_allSucceed() throws Exception {
    int callers = 8;
    gateway.holdUntil =
        new CountDownLatch(callers); // every first attempt is signed before any answer
    ExecutorService threads = Executors.newFixedThreadPool(callers);
    try (SmsClient client = client().build()) {
      List<Future<String>> calls = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        calls.add(threads.submit(() -> client.showTask(TASK_ID).getName()));
      }
      for (Future<String> call : calls) {
        assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo("MigrationTask");
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(gateway.verdicts).hasSize(2 * callers);
    assertThat(gateway.verdicts.stream().filter(v -> v.startsWith("valid"))).hasSize(callers);
  }

  @Test
  void showTask_gatewayTwentyMinutesBehind_learnsNegativeOffset() {
    gateway.offset = Duration.ofMinutes(-20);
    try (SmsClient client = client().build()) {
      assertThat(client.showTask(TASK_ID).getName()).isEqualTo("MigrationTask");
      assertThat(client.showTask(TASK_ID).getName()).isEqualTo("MigrationTask");
    }
    assertThat(gateway.verdicts).hasSize(3);
    assertThat(gateway.verdicts.get(0)).startsWith("invalid: the signature expired");
    assertThat(gateway.verdicts.subList(1, 3)).allMatch(v -> v.startsWith("valid"));
  }

  @Test
  void showTask_401WithDateInSync_isNotRetried() {
    gateway.offset = Duration.ZERO;
    try (SmsClient client =
        client()
            .credentials(
                Credentials.akSk("HPUA6QWERTYASDF1234Z", "not-the-secret-key").withDomainId("d"))
            .build()) {
      assertThatThrownBy(() -> client.showTask(TASK_ID))
          .isInstanceOfSatisfying(
              SmsServiceException.class, e -> assertThat(e.getStatusCode()).isEqualTo(401));
    }
    assertThat(gateway.verdicts)
        .containsExactly("invalid: the signature does not match the request");
  }

  /** Plays an API gateway whose clock is {@link #offset} ahead of this machine's. */
  static final class SkewedGateway implements ResponseTransformerV2 {
    final List<String> verdicts = new CopyOnWriteArrayList<>();
    volatile Duration offset;

    /** When set, each request waits until this many have arrived (or 10 s). */
    volatile @Nullable CountDownLatch holdUntil;

    SkewedGateway(Duration offset) {
      this.offset = offset;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
      CountDownLatch hold = holdUntil;
      if (hold != null) {
        hold.countDown();
        try {
          hold.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      Clock gatewayClock = Clock.offset(Clock.systemUTC(), offset);
      Request request = serveEvent.getRequest();
      String url = request.getUrl();
      int q = url.indexOf('?');
      SignatureVerifier.Result result =
          SignatureVerifier.create(List.of(CREDENTIALS), gatewayClock)
              .verify(
                  request.getMethod().getName(),
                  q < 0 ? url : url.substring(0, q),
                  q < 0 ? null : url.substring(q + 1),
                  request::getHeader,
                  null);
      verdicts.add(result.isValid() ? "valid" : "invalid: " + result.reason());
      HttpHeader date =
          new HttpHeader(
              "Date",
              DateTimeFormatter.RFC_1123_DATE_TIME.format(
                  gatewayClock.instant().atOffset(ZoneOffset.UTC)));
      if (result.isValid()) {
        List<HttpHeader> headers = new java.util.ArrayList<>(response.getHeaders().all());
        headers.add(date);
        return Response.Builder.like(response).but().headers(new HttpHeaders(headers)).build();
      }
      return Response.Builder.like(response)
          .but()
          .status(401)
          .headers(new HttpHeaders(new HttpHeader("Content-Type", "application/json"), date))
          .body(
              "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication"
                  + " information: "
                  + result.reason()
                  + "\"}")
          .build();
    }

    @Override
    public String getName() {
      return "skewed-gateway";
    }
  }
}
