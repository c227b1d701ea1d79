package org.migrationkit.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.internal.SdkInfo;
import org.migrationkit.sms.testsupport.Fixtures;

/**
 * Plain {@code http://} only to loopback unless {@code allowInsecureHttp(true)}; and the {@code
 * User-Agent} suffix. Nothing here sends a request off loopback: clients are built, not called,
 * unless their endpoint is WireMock.
 */
class ConfigEndpointSecurityTest {
  private static final String TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";
  private static final Credentials CREDENTIALS =
      Credentials.akSk("HPUA6QWERTYASDF1234Z", "s3cr3tK3yExample0123456789abcdefghijklmno")
          .withDomainId("0970dd7a1300f5672ff2c003c60ae115");

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

  private SmsClient.Builder client(Map<String, String> env) {
    return SmsClient.builder().environment(env).homeDirectory(home).credentials(CREDENTIALS);
  }

  @Test
  void build_plainHttpOnPublicHost_refusedNamingAllowInsecureHttp() {
    assertThatThrownBy(() -> client(Map.of()).endpoint("http://example.com").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http://example.com")
        .hasMessageContaining("allowInsecureHttp");
  }

  @Test
  void build_plainHttpOnPublicHost_allowedWithAllowInsecureHttp() {
    assertThatCode(
            () ->
                client(Map.of())
                    .endpoint("http://example.com")
                    .allowInsecureHttp(true)
                    .build()
                    .close())
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8080",
        "http://localhost:8080",
        "http://127.1.2.3",
        "http://[::1]:8080"
      })
  void build_plainHttpOnLoopback_allowed(String endpoint) {
    assertThatCode(() -> client(Map.of()).endpoint(endpoint).build().close())
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.example.com",
        "http://127.0.0.1.example.com",
        "http://localhost.example.com"
      })
  void build_plainHttpOnNameThatOnlyLooksLikeLoopback_refused(String endpoint) {
    assertThatThrownBy(() -> client(Map.of()).endpoint(endpoint).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowInsecureHttp");
  }

  @Test
  void build_plainHttpSecondEndpoint_refused() {
    assertThatThrownBy(
            () ->
                client(Map.of())
                    .endpoints(
                        java.util.List.of(
                            "https://sms.example.com", "http://sms-backup.example.com"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http://sms-backup.example.com")
        .hasMessageContaining("allowInsecureHttp");
  }

  @Test
  void build_plainHttpFromRegionVariable_refused() {
    Map<String, String> env =
        Map.of("HUAWEICLOUD_SDK_REGION_SMS_AP_SOUTHEAST_1", "http://sms.example.com");

    assertThatThrownBy(() -> client(env).region(SmsRegion.AP_SOUTHEAST_1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowInsecureHttp");
  }

  @Test
  void build_plainHttpIamEndpoint_refused() {
    // The domain id discovery request is signed with the access key like any SMS request.
    assertThatThrownBy(
            () ->
                client(Map.of())
                    .credentials(
                        Credentials.akSk(
                            "HPUA6QWERTYASDF1234Z", "s3cr3tK3yExample0123456789abcdefghijklmno"))
                    .endpoint("https://sms.example.com")
                    .iamEndpoint("http://iam.example.com")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http://iam.example.com")
        .hasMessageContaining("allowInsecureHttp");
  }

  @Test
  void build_plainHttpIamEndpointFromEnvironment_refused() {
    Map<String, String> env = Map.of("HUAWEICLOUD_SDK_IAM_ENDPOINT", "http://iam.example.com");

    assertThatThrownBy(
            () ->
                client(env)
                    .credentials(
                        Credentials.akSk(
                            "HPUA6QWERTYASDF1234Z", "s3cr3tK3yExample0123456789abcdefghijklmno"))
                    .endpoint("https://sms.example.com")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowInsecureHttp");
  }

  @Test
  void showTask_userAgentSuffix_appendedToSdkUserAgent() {
    wm.stubFor(
        get(urlPathEqualTo("/v3/tasks/" + TASK_ID))
            .willReturn(
                aResponse().withStatus(200).withBody(Fixtures.text(Fixtures.SHOW_TASK_200))));

    try (SmsClient client =
        client(Map.of()).endpoint(baseUrl(wm)).userAgentSuffix("my-tool/1.2").build()) {
      client.showTask(TASK_ID);
    }

    String userAgent =
        wm.findAll(getRequestedFor(urlPathEqualTo("/v3/tasks/" + TASK_ID)))
            .get(0)
            .getHeader("User-Agent");
    assertThat(userAgent).isEqualTo(SdkInfo.USER_AGENT + " my-tool/1.2");
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "tool\r\nX-Injected: 1", "caf\u00e9/1"})
  void userAgentSuffix_notPrintableAscii_refused(String suffix) {
    assertThatThrownBy(() -> SmsClient.builder().userAgentSuffix(suffix))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userAgentSuffix");
  }
}
