package org.migrationkit.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.auth.SignatureVerifier;
import org.migrationkit.sms.config.ChallengingProxy;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.testsupport.Fixtures;

/**
 * Discovery of a missing domain id through IAM ({@code GET /v3/auth/domains}), against two WireMock
 * servers on loopback: one plays IAM, the other SMS. The environment is injected and empty.
 */
class ConfigDomainIdTest {
  private static final String TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";
  private static final String AK = "HPUA6QWERTYASDF1234Z";
  private static final String SK = "s3cr3tK3yExample0123456789abcdefghijklmno";
  private static final String DOMAINS = "{\"domains\":[{\"id\":\"d-123\",\"name\":\"x\"}]}";

  private static final HeldAnswers held = new HeldAnswers();

  @RegisterExtension
  static WireMockExtension iam =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(held))
          .build();

  @RegisterExtension
  static WireMockExtension sms =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(60))
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
    sms.stubFor(
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
        .endpoint(baseUrl(sms))
        .credentials(Credentials.akSk(AK, SK));
  }

  private static void serveDomains() {
    iam.stubFor(
        get(urlPathEqualTo("/v3/auth/domains"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withFixedDelay(200) // keeps the first callers waiting while the rest arrive
                    .withBody(DOMAINS)));
  }

  private static SignatureVerifier.Result verify(LoggedRequest request) {
    String url = request.getUrl();
    int q = url.indexOf('?');
    return SignatureVerifier.create(List.of(Credentials.akSk(AK, SK)), Clock.systemUTC())
        .verify(
            request.getMethod().getName(),
            q < 0 ? url : url.substring(0, q),
            q < 0 ? null : url.substring(q + 1),
            request::getHeader,
            null);
  }

  @Test
  void discovery_50ConcurrentFirstCalls_oneIamRequest() throws Exception {
    serveDomains();
    int callers = 50;
    try (SmsClient client = client().iamEndpoint(baseUrl(iam)).build()) {
      ExecutorService pool = Executors.newFixedThreadPool(callers);
      try {
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ShowTaskResponse>> calls = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
          calls.add(
              pool.submit(
                  () -> {
                    ready.countDown();
                    go.await();
                    return client.showTask(TASK_ID);
                  }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        for (Future<ShowTaskResponse> call : calls) {
          assertThat(call.get(20, TimeUnit.SECONDS).getName()).isEqualTo("MigrationTask");
        }
      } finally {
        pool.shutdownNow();
      }
    }

    iam.verify(1, getRequestedFor(urlPathEqualTo("/v3/auth/domains")));
    List<LoggedRequest> smsRequests =
        sms.findAll(getRequestedFor(urlPathEqualTo("/v3/tasks/" + TASK_ID)));
    assertThat(smsRequests).hasSize(callers);
    for (LoggedRequest request : smsRequests) {
      assertThat(request.getHeader("X-Domain-Id")).isEqualTo("d-123");
      assertThat(request.getHeader("Authorization")).contains("x-domain-id");
      assertThat(verify(request).isValid()).as(verify(request).reason()).isTrue();
    }
  }

  @Test
  void discovery_iamRequest_isSignedAndCarriesNoDomainId() {
    serveDomains();
    try (SmsClient client = client().iamEndpoint(baseUrl(iam)).build()) {
      client.showTask(TASK_ID);
    }

    LoggedRequest discovery =
        iam.findAll(getRequestedFor(urlPathEqualTo("/v3/auth/domains"))).get(0);
    assertThat(discovery.getHeader("X-Domain-Id")).isNull();
    assertThat(verify(discovery).isValid()).as(verify(discovery).reason()).isTrue();
  }

  @Test
  void discovery_cachedPerClient_laterCallsAskNoMore() {
    serveDomains();
    try (SmsClient client = client().iamEndpoint(baseUrl(iam)).build()) {
      client.showTask(TASK_ID);
      client.showTask(TASK_ID);
      client.showTaskAsync(TASK_ID).join();
    }

    iam.verify(1, getRequestedFor(urlPathEqualTo("/v3/auth/domains")));
    assertThat(sms.findAll(getRequestedFor(urlPathEqualTo("/v3/tasks/" + TASK_ID))))
        .extracting(r -> r.getHeader("X-Domain-Id"))
        .containsExactly("d-123", "d-123", "d-123");
  }

  /** A client's behaviour depends on its own configuration: no process-wide cache of ids. */
  @Test
  void discovery_secondClient_asksForItself() {
    serveDomains();
    try (SmsClient first = client().iamEndpoint(baseUrl(iam)).build();
        SmsClient second = client().iamEndpoint(baseUrl(iam)).build()) {
      first.showTask(TASK_ID);
      second.showTask(TASK_ID);
    }

    iam.verify(2, getRequestedFor(urlPathEqualTo("/v3/auth/domains")));
  }

  @Test
  void discovery_iamEndpointFromEnvironment_isUsed() {
    serveDomains();
    try (SmsClient client =
        client().environment(Map.of("HUAWEICLOUD_SDK_IAM_ENDPOINT", baseUrl(iam))).build()) {
      client.showTask(TASK_ID);
    }

    iam.verify(1, getRequestedFor(urlPathEqualTo("/v3/auth/domains")));
    assertThat(
            sms.findAll(getRequestedFor(urlPathEqualTo("/v3/tasks/" + TASK_ID)))
                .get(0)
                .getHeader("X-Domain-Id"))
        .isEqualTo("d-123");
  }

  @Test
  void discovery_iam403_messageTellsToSetDomainIdAndNamesStatusAndCode() {
    iam.stubFor(
        get(urlPathEqualTo("/v3/auth/domains"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error_code\":\"IAM.0002\",\"error_msg\":\"You do not have permission to"
                            + " perform the requested operation.\"}")));

    try (SmsClient client = client().iamEndpoint(baseUrl(iam)).build()) {
      assertThatThrownBy(() -> client.showTask(TASK_ID))
          .isInstanceOf(SmsClientException.class)
          .hasMessageContaining("domain id")
          .hasMessageContaining("HUAWEICLOUD_SDK_DOMAIN_ID")
          .hasMessageContaining("HTTP 403")
          .hasMessageContaining("IAM.0002")
          .hasMessageNotContaining(SK);
    }
    assertThat(sms.getAllServeEvents()).isEmpty();
  }

  @Test
  void discovery_failureIsNotCached_nextCallAsksAgain() {
    iam.stubFor(
        get(urlPathEqualTo("/v3/auth/domains"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody("{\"error_code\":\"IAM.0002\",\"error_msg\":\"denied\"}")));

    try (SmsClient client = client().iamEndpoint(baseUrl(iam)).build()) {
      assertThatThrownBy(() -> client.showTask(TASK_ID)).isInstanceOf(SmsClientException.class);
      serveDomains();
      assertThat(client.showTask(TASK_ID).getName()).isEqualTo("MigrationTask");
    }

    iam.verify(2, getRequestedFor(urlPathEqualTo("/v3/auth/domains")));
  }

  @Test
  void domainIdDiscoveryFalse_sendsNoIamRequest() {
    serveDomains();
    try (SmsClient client = client().iamEndpoint(baseUrl(iam)).domainIdDiscovery(false).build()) {
      client.showTask(TASK_ID);
    }

    assertThat(iam.getAllServeEvents()).isEmpty();
    assertThat(
            sms.findAll(getRequestedFor(urlPathEqualTo("/v3/tasks/" + TASK_ID)))
                .get(0)
                .getHeader("X-Domain-Id"))
        .isNull();
  }

  @Test
  void credentialsWithDomainId_sendNoIamRequest() {
    serveDomains();
    try (SmsClient client =
        client()
            .credentials(Credentials.akSk(AK, SK).withDomainId("d-own"))
            .iamEndpoint(baseUrl(iam))
            .build()) {
      client.showTask(TASK_ID);
    }

    assertThat(iam.getAllServeEvents()).isEmpty();
    assertThat(
            sms.findAll(getRequestedFor(urlPathEqualTo("/v3/tasks/" + TASK_ID)))
                .get(0)
                .getHeader("X-Domain-Id"))
        .isEqualTo("d-own");
  }

  @Test
  void showTaskAsync_firstCallWithDiscovery_returnsBeforeIamAnswers() throws Exception {
    held.release = new CountDownLatch(1);
    iam.stubFor(
        get(urlPathEqualTo("/v3/auth/domains"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(DOMAINS)
                    .withTransformers(HeldAnswers.NAME)));
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try (SmsClient client = client().iamEndpoint(baseUrl(iam)).build()) {
      Future<CompletableFuture<ShowTaskResponse>> started =
          caller.submit(() -> client.showTaskAsync(TASK_ID));
      CompletableFuture<ShowTaskResponse> task = null;
      try {
        task = started.get(2, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        // asserted below, once IAM has been let go
      } finally {
        held.release.countDown();
      }

      assertThat(task).as("showTaskAsync returned while IAM had not answered yet").isNotNull();
      assertThat(task.get(10, TimeUnit.SECONDS).getName()).isEqualTo("MigrationTask");
    } finally {
      held.release.countDown();
      caller.shutdownNow();
    }
  }

  @Test
  void loopbackEndpointWithoutIamEndpoint_ownHttpClient_noDiscovery() {
    // Any host name the client looks up is refused and recorded, so a call to the public IAM would
    // fail here instead of leaving the machine.
    List<String> lookedUp = new CopyOnWriteArrayList<>();
    OkHttpClient loopbackOnly =
        new OkHttpClient.Builder()
            .dns(
                host -> {
                  lookedUp.add(host);
                  throw new UnknownHostException("this test resolves no host name: " + host);
                })
            .build();
    try (SmsClient client = client().httpClient(loopbackOnly).build()) {
      client.showTask(TASK_ID);
    } finally {
      loopbackOnly.dispatcher().executorService().shutdown();
      loopbackOnly.connectionPool().evictAll();
    }

    assertThat(lookedUp).isEmpty();
    assertThat(iam.getAllServeEvents()).isEmpty();
    assertThat(
            sms.findAll(getRequestedFor(urlPathEqualTo("/v3/tasks/" + TASK_ID)))
                .get(0)
                .getHeader("X-Domain-Id"))
        .isNull();
  }

  @Test
  void loopbackEndpointWithoutIamEndpoint_sharedHttpClient_noDiscovery() throws Exception {
    // Every request goes through a loopback proxy that records it and forwards only to loopback,
    // so a call to the public IAM would show up here instead of leaving the machine.
    try (ChallengingProxy proxy = ChallengingProxy.open();
        SmsClient client = client().proxy("127.0.0.1", proxy.port()).build()) {
      client.showTask(TASK_ID);

      assertThat(proxy.requests())
          .extracting(ChallengingProxy.Seen::target)
          .containsExactly(baseUrl(sms) + "/v3/tasks/" + TASK_ID);
    }
    assertThat(
            sms.findAll(getRequestedFor(urlPathEqualTo("/v3/tasks/" + TASK_ID)))
                .get(0)
                .getHeader("X-Domain-Id"))
        .isNull();
  }

  /** Holds the answers of stubs that name it until {@link #release} is counted down. */
  static final class HeldAnswers implements ResponseTransformerV2 {
    static final String NAME = "held-until-released";
    volatile CountDownLatch release = new CountDownLatch(0);

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return response;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public String getName() {
      return NAME;
    }
  }
}
