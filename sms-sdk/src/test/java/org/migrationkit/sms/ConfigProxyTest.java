package org.migrationkit.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.config.ChallengingProxy;
import org.migrationkit.sms.config.ChallengingProxy.Seen;
import org.migrationkit.sms.config.LoopbackCertificate;
import org.migrationkit.sms.testsupport.Fixtures;

/**
 * Proxies: a raw-socket proxy on loopback that demands Basic credentials with a real {@code 407},
 * in front of WireMock's http and https ports (the https one with a certificate for {@code
 * 127.0.0.1}, trusted through a PEM bundle).
 */
class ConfigProxyTest {
  private static final String TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";
  private static final String PATH = "/v3/tasks/" + TASK_ID;
  private static final String USER = "proxy-user";
  private static final String PASSWORD = "proxy-pa55";
  private static final String BASIC =
      "Basic "
          + Base64.getEncoder()
              .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  private static final Credentials CREDENTIALS =
      Credentials.akSk("HPUA6QWERTYASDF1234Z", "s3cr3tK3yExample0123456789abcdefghijklmno")
          .withDomainId("0970dd7a1300f5672ff2c003c60ae115");

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(
              wireMockConfig()
                  .dynamicPort()
                  .dynamicHttpsPort()
                  .bindAddress("127.0.0.1")
                  .keystorePath(LoopbackCertificate.keystore().toString())
                  .keystorePassword(LoopbackCertificate.PASSWORD)
                  .keyManagerPassword(LoopbackCertificate.PASSWORD)
                  .keystoreType("PKCS12"))
          .build();

  @TempDir static Path certificates;
  private static Path serverPem;

  @TempDir Path home;

  /**
   * WireMock's own {@code baseUrl()} names {@code localhost} (a name lookup), or the https port
   * when one is on.
   */
  private static String baseUrl(WireMockExtension server) {
    return "http://127.0.0.1:" + server.getPort();
  }

  @BeforeAll
  static void fetchCertificate() {
    serverPem = LoopbackCertificate.fetchPem(wm.getHttpsPort(), certificates.resolve("server.pem"));
  }

  @BeforeEach
  void serveTask() {
    wm.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.text(Fixtures.SHOW_TASK_200))));
  }

  private static String httpsBaseUrl() {
    return "https://127.0.0.1:" + wm.getHttpsPort();
  }

  private SmsClient.Builder client(Map<String, String> env) {
    return SmsClient.builder()
        .environment(env)
        .homeDirectory(home)
        .credentials(CREDENTIALS)
        .retryPolicy(RetryPolicy.none());
  }

  @Test
  void https_proxyAnswering407_tunnelsWithCredentialsOnSecondConnect() throws Exception {
    try (ChallengingProxy proxy = ChallengingProxy.requiringBasic(USER, PASSWORD);
        SmsClient client =
            client(Map.of())
                .endpoint(httpsBaseUrl())
                .caBundle(serverPem)
                .proxy("127.0.0.1", proxy.port())
                .proxyCredentials(USER, PASSWORD)
                .build()) {
      assertThat(client.showTask(TASK_ID).getName()).isEqualTo("MigrationTask");

      assertThat(proxy.requests())
          .containsExactly(
              new Seen("CONNECT", "127.0.0.1:" + wm.getHttpsPort(), null),
              new Seen("CONNECT", "127.0.0.1:" + wm.getHttpsPort(), BASIC));
    }
    wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void https_proxyAnswering407_insecureSkipTlsVerifyAlsoTunnels() throws Exception {
    try (ChallengingProxy proxy = ChallengingProxy.requiringBasic(USER, PASSWORD);
        SmsClient client =
            client(Map.of())
                .endpoint(httpsBaseUrl())
                .insecureSkipTlsVerify(true)
                .proxy("127.0.0.1", proxy.port())
                .proxyCredentials(USER, PASSWORD)
                .build()) {
      assertThat(client.showTask(TASK_ID).getName()).isEqualTo("MigrationTask");

      assertThat(proxy.requests()).extracting(Seen::method).containsOnly("CONNECT");
      assertThat(proxy.requests().get(proxy.requests().size() - 1).proxyAuthorization())
          .isEqualTo(BASIC);
    }
  }

  @Test
  void https_proxyRejectingTheCredentials_failsWithoutLooping() throws Exception {
    try (ChallengingProxy proxy = ChallengingProxy.requiringBasic(USER, "another-password");
        SmsClient client =
            client(Map.of())
                .endpoint(httpsBaseUrl())
                .caBundle(serverPem)
                .proxy("127.0.0.1", proxy.port())
                .proxyCredentials(USER, PASSWORD)
                .build()) {
      assertThatThrownBy(() -> client.showTask(TASK_ID))
          .isInstanceOf(SmsClientException.class)
          .hasMessageNotContaining(PASSWORD);

      assertThat(proxy.requests()).hasSizeLessThanOrEqualTo(2);
    }
    wm.verify(0, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void http_proxyAnswering407_sendsCredentialsOnRetry() throws Exception {
    try (ChallengingProxy proxy = ChallengingProxy.requiringBasic(USER, PASSWORD);
        SmsClient client =
            client(Map.of())
                .endpoint(baseUrl(wm))
                .proxy("127.0.0.1", proxy.port())
                .proxyCredentials(USER, PASSWORD)
                .build()) {
      assertThat(client.showTask(TASK_ID).getName()).isEqualTo("MigrationTask");

      assertThat(proxy.requests())
          .containsExactly(
              new Seen("GET", baseUrl(wm) + PATH, null),
              new Seen("GET", baseUrl(wm) + PATH, BASIC));
    }
    wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void httpsProxyVariable_routesThroughTheProxy() throws Exception {
    try (ChallengingProxy proxy = ChallengingProxy.open();
        SmsClient client =
            client(Map.of("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port()))
                .endpoint(httpsBaseUrl())
                .caBundle(serverPem)
                .build()) {
      assertThat(client.showTask(TASK_ID).getName()).isEqualTo("MigrationTask");

      assertThat(proxy.requests())
          .containsExactly(new Seen("CONNECT", "127.0.0.1:" + wm.getHttpsPort(), null));
    }
  }

  @Test
  void httpsProxyVariableWithUserInfo_answers407() throws Exception {
    try (ChallengingProxy proxy = ChallengingProxy.requiringBasic(USER, PASSWORD);
        SmsClient client =
            client(
                    Map.of(
                        "https_proxy",
                        "http://" + USER + ":" + PASSWORD + "@127.0.0.1:" + proxy.port()))
                .endpoint(httpsBaseUrl())
                .caBundle(serverPem)
                .build()) {
      assertThat(client.showTask(TASK_ID).getName()).isEqualTo("MigrationTask");

      assertThat(proxy.requests()).extracting(Seen::method).containsOnly("CONNECT");
      assertThat(proxy.requests().get(proxy.requests().size() - 1).proxyAuthorization())
          .isEqualTo(BASIC);
    }
  }

  @Test
  void httpProxyVariable_routesPlainHttpThroughTheProxy() throws Exception {
    try (ChallengingProxy proxy = ChallengingProxy.open();
        SmsClient client =
            client(Map.of("HTTP_PROXY", "http://127.0.0.1:" + proxy.port()))
                .endpoint(baseUrl(wm))
                .build()) {
      assertThat(client.showTask(TASK_ID).getName()).isEqualTo("MigrationTask");

      assertThat(proxy.requests()).containsExactly(new Seen("GET", baseUrl(wm) + PATH, null));
    }
  }

  @Test
  void httpAndHttpsProxyVariables_eachProxyGetsItsOwnCredentials() throws Exception {
    String otherBasic =
        "Basic "
            + Base64.getEncoder().encodeToString("other:secret2".getBytes(StandardCharsets.UTF_8));
    try (ChallengingProxy httpsProxy = ChallengingProxy.requiringBasic(USER, PASSWORD);
        ChallengingProxy httpProxy = ChallengingProxy.requiringBasic("other", "secret2");
        SmsClient client =
            client(
                    Map.of(
                        "HTTPS_PROXY",
                            "http://" + USER + ":" + PASSWORD + "@127.0.0.1:" + httpsProxy.port(),
                        "HTTP_PROXY", "http://other:secret2@127.0.0.1:" + httpProxy.port()))
                .endpoint(baseUrl(wm))
                .build()) {
      Throwable failure = catchThrowable(() -> client.showTask(TASK_ID));

      assertThat(httpProxy.requests())
          .extracting(Seen::proxyAuthorization)
          .as("Proxy-Authorization values the HTTP_PROXY received")
          .doesNotContain(BASIC)
          .contains(otherBasic);
      assertThat(failure).isNull();
      assertThat(httpsProxy.connections()).isZero();
    }
  }

  @Test
  void noProxyVariable_bypassesTheProxy() throws Exception {
    try (ChallengingProxy proxy = ChallengingProxy.open();
        SmsClient client =
            client(
                    Map.of(
                        "HTTPS_PROXY",
                        "http://127.0.0.1:" + proxy.port(),
                        "NO_PROXY",
                        "localhost,127.0.0.1"))
                .endpoint(httpsBaseUrl())
                .caBundle(serverPem)
                .build()) {
      assertThat(client.showTask(TASK_ID).getName()).isEqualTo("MigrationTask");

      assertThat(proxy.connections()).isZero();
    }
    wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void builderProxy_winsOverProxyVariable() throws Exception {
    try (ChallengingProxy chosen = ChallengingProxy.open();
        ChallengingProxy fromEnvironment = ChallengingProxy.open();
        SmsClient client =
            client(Map.of("HTTPS_PROXY", "http://127.0.0.1:" + fromEnvironment.port()))
                .endpoint(httpsBaseUrl())
                .caBundle(serverPem)
                .proxy("127.0.0.1", chosen.port())
                .build()) {
      client.showTask(TASK_ID);

      assertThat(chosen.requests()).hasSize(1);
      assertThat(fromEnvironment.connections()).isZero();
    }
  }
}
