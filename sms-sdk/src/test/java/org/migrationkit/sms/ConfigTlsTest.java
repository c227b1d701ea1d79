package org.migrationkit.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.config.LoopbackCertificate;
import org.migrationkit.sms.testsupport.Fixtures;

/**
 * TLS trust: a PEM CA bundle or a trust store makes a self-signed loopback server trusted, the
 * JVM's default trust does not. The self-signed certificate is generated for {@code 127.0.0.1}
 * because WireMock's bundled one names no host (see {@link
 * #wiremockBundledCertificate_namesNeitherLoopbackHost}).
 */
class ConfigTlsTest {
  private static final String TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";
  private static final Credentials CREDENTIALS =
      Credentials.akSk("HPUA6QWERTYASDF1234Z", "s3cr3tK3yExample0123456789abcdefghijklmno")
          .withDomainId("0970dd7a1300f5672ff2c003c60ae115");

  /** Serves a certificate for 127.0.0.1 and localhost. */
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(
              wireMockConfig()
                  .httpDisabled(true)
                  .dynamicHttpsPort()
                  .bindAddress("127.0.0.1")
                  .keystorePath(LoopbackCertificate.keystore().toString())
                  .keystorePassword(LoopbackCertificate.PASSWORD)
                  .keyManagerPassword(LoopbackCertificate.PASSWORD)
                  .keystoreType("PKCS12"))
          .build();

  /** Serves WireMock's bundled certificate. */
  @RegisterExtension
  static WireMockExtension bundled =
      WireMockExtension.newInstance()
          .options(wireMockConfig().httpDisabled(true).dynamicHttpsPort().bindAddress("127.0.0.1"))
          .build();

  @TempDir static Path certificates;
  private static Path serverPem;
  private static Path bundledPem;

  @TempDir Path home;

  @BeforeAll
  static void fetchCertificates() {
    serverPem = LoopbackCertificate.fetchPem(wm.getHttpsPort(), certificates.resolve("server.pem"));
    bundledPem =
        LoopbackCertificate.fetchPem(bundled.getHttpsPort(), certificates.resolve("bundled.pem"));
  }

  @BeforeEach
  void serveTask() {
    for (WireMockExtension server : List.of(wm, bundled)) {
      server.stubFor(
          get(urlPathEqualTo("/v3/tasks/" + TASK_ID))
              .willReturn(
                  aResponse()
                      .withStatus(200)
                      .withHeader("Content-Type", "application/json")
                      .withBody(Fixtures.text(Fixtures.SHOW_TASK_200))));
    }
  }

  private SmsClient.Builder client(String endpoint) {
    return SmsClient.builder()
        .environment(Map.of())
        .homeDirectory(home)
        .endpoint(endpoint)
        .credentials(CREDENTIALS)
        .retryPolicy(RetryPolicy.none());
  }

  private static String loopback(int port) {
    return "https://127.0.0.1:" + port;
  }

  @Test
  void wiremockBundledCertificate_namesNeitherLoopbackHost() throws Exception {
    X509Certificate certificate = LoopbackCertificate.read(bundledPem).get(0);

    assertThat(certificate.getSubjectX500Principal().getName())
        .doesNotContain("127.0.0.1", "localhost");
    assertThat(certificate.getSubjectAlternativeNames()).isNull();
  }

  @Test
  void generatedCertificate_namesBothLoopbackHosts() throws Exception {
    X509Certificate certificate = LoopbackCertificate.read(serverPem).get(0);

    assertThat(certificate.getSubjectAlternativeNames())
        .extracting(name -> String.valueOf(name.get(1)))
        .contains("127.0.0.1", "localhost");
  }

  @Test
  void caBundle_selfSignedServer_callSucceeds() {
    try (SmsClient client = client(loopback(wm.getHttpsPort())).caBundle(serverPem).build()) {
      assertThat(client.showTask(TASK_ID).getName()).isEqualTo("MigrationTask");
    }
  }

  @Test
  void caBundle_localhostName_callSucceeds() {
    try (SmsClient client =
        client("https://localhost:" + wm.getHttpsPort()).caBundle(serverPem).build()) {
      assertThat(client.showTask(TASK_ID).getName()).isEqualTo("MigrationTask");
    }
  }

  @Test
  void trustStore_selfSignedServer_callSucceeds() {
    try (SmsClient client =
        client(loopback(wm.getHttpsPort()))
            .trustStore(LoopbackCertificate.trustStore(serverPem))
            .build()) {
      assertThat(client.showTask(TASK_ID).getName()).isEqualTo("MigrationTask");
    }
  }

  @Test
  void defaultTrust_selfSignedServer_failsWithConnectionException() {
    try (SmsClient client = client(loopback(wm.getHttpsPort())).build()) {
      assertThatThrownBy(() -> client.showTask(TASK_ID))
          .isInstanceOf(SmsConnectionException.class)
          .hasCauseInstanceOf(SSLHandshakeException.class);
    }
  }

  @Test
  void caBundle_ofAnotherServer_failsWithConnectionException() {
    try (SmsClient client = client(loopback(bundled.getHttpsPort())).caBundle(serverPem).build()) {
      assertThatThrownBy(() -> client.showTask(TASK_ID))
          .isInstanceOf(SmsConnectionException.class)
          .hasCauseInstanceOf(SSLHandshakeException.class);
    }
  }

  @Test
  void caBundle_certificateWithoutTheHostName_failsHostNameCheck() {
    try (SmsClient client = client(loopback(bundled.getHttpsPort())).caBundle(bundledPem).build()) {
      assertThatThrownBy(() -> client.showTask(TASK_ID))
          .isInstanceOf(SmsConnectionException.class)
          .hasCauseInstanceOf(SSLPeerUnverifiedException.class);
    }
  }

  @Test
  void insecureSkipTlsVerify_certificateWithoutTheHostName_callSucceeds() {
    try (SmsClient client =
        client(loopback(bundled.getHttpsPort())).insecureSkipTlsVerify(true).build()) {
      assertThat(client.showTask(TASK_ID).getName()).isEqualTo("MigrationTask");
    }
  }

  @Test
  void endpoints_tlsHandshakeFailureOnFirst_failsOverToSecond() {
    try (SmsClient client =
        SmsClient.builder()
            .environment(Map.of())
            .homeDirectory(home)
            .endpoints(List.of(loopback(bundled.getHttpsPort()), loopback(wm.getHttpsPort())))
            .credentials(CREDENTIALS)
            .retryPolicy(RetryPolicy.none())
            .caBundle(serverPem)
            .build()) {
      assertThat(client.showTask(TASK_ID).getName()).isEqualTo("MigrationTask");
    }
    assertThat(bundled.getAllServeEvents()).isEmpty();
  }

  @Test
  void caBundle_fileWithoutCertificate_failsAtBuildWithOneLine() throws Exception {
    Path empty = Files.writeString(home.resolve("empty.pem"), "# no certificate here\n");

    assertThatThrownBy(() -> client(loopback(wm.getHttpsPort())).caBundle(empty).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(empty.toString());
  }

  @Test
  void caBundle_missingFile_failsAtOnce() {
    assertThatThrownBy(
            () -> client(loopback(wm.getHttpsPort())).caBundle(home.resolve("missing.pem")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing.pem");
  }
}
