package org.migrationkit.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.migrationkit.sms.testsupport.Fixtures;

/**
 * What {@code SmsClient.create()} does ({@code builder().build()}: credentials from the default
 * chain, region from {@code HUAWEICLOUD_SDK_REGION}), with the environment injected and an empty
 * temporary home.
 */
class ConfigMissingCredentialsTest {
  private static final String TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";
  private static final String SK = "s3cr3tK3yExample0123456789abcdefghijklmno";

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

  private SmsClient.Builder likeCreate(Map<String, String> env) {
    return SmsClient.builder().environment(env).homeDirectory(home);
  }

  @Test
  void build_noCredentialsAnywhere_listsEveryStepTried() {
    Map<String, String> env = Map.of("HUAWEICLOUD_SDK_REGION", "ap-southeast-1");

    assertThatThrownBy(() -> likeCreate(env).build())
        .isInstanceOf(SmsClientException.class)
        .hasMessageStartingWith("no credentials found")
        .hasMessageContaining("environment (HUAWEICLOUD_SDK_AK/SK and CLOUD_SDK_AK/SK not set)")
        .hasMessageContaining(
            "profile file " + home.resolve(".huaweicloud").resolve("credentials") + " (not found)")
        .hasMessageContaining("ECS metadata (disabled: set HUAWEICLOUD_SDK_METADATA_ENABLED=true)")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void build_onlySecretKeySet_saysWhichHalfIsMissingWithoutTheValue() {
    Map<String, String> env =
        Map.of("HUAWEICLOUD_SDK_REGION", "ap-southeast-1", "HUAWEICLOUD_SDK_SK", SK);

    assertThatThrownBy(() -> likeCreate(env).build())
        .isInstanceOf(SmsClientException.class)
        .hasMessageContaining("HUAWEICLOUD_SDK_SK set but HUAWEICLOUD_SDK_AK not")
        .hasMessageNotContaining(SK);
  }

  @Test
  void build_noRegionAndNoCredentials_namesTheRegionFirst() {
    assertThatThrownBy(() -> likeCreate(Map.of()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("HUAWEICLOUD_SDK_REGION");
  }

  @Test
  void showTask_credentialsAndRegionFromEnvironment_signsWithThem() {
    wm.stubFor(
        get(urlPathEqualTo("/v3/tasks/" + TASK_ID))
            .willReturn(
                aResponse().withStatus(200).withBody(Fixtures.text(Fixtures.SHOW_TASK_200))));
    Map<String, String> env =
        Map.of(
            "HUAWEICLOUD_SDK_REGION", "ap-southeast-1",
            "HUAWEICLOUD_SDK_REGION_SMS_AP_SOUTHEAST_1", baseUrl(wm),
            "HUAWEICLOUD_SDK_AK", "HPUA6QWERTYASDF1234Z",
            "HUAWEICLOUD_SDK_SK", SK,
            "HUAWEICLOUD_SDK_DOMAIN_ID", "d-env");

    try (SmsClient client = likeCreate(env).build()) {
      assertThat(client.showTask(TASK_ID).getName()).isEqualTo("MigrationTask");
    }

    var request = wm.findAll(getRequestedFor(urlPathEqualTo("/v3/tasks/" + TASK_ID))).get(0);
    assertThat(request.getHeader("Authorization")).contains("Access=HPUA6QWERTYASDF1234Z");
    assertThat(request.getHeader("X-Domain-Id")).isEqualTo("d-env");
  }
}
