package org.migrationkit.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.testsupport.ClosedPort;
import org.migrationkit.sms.testsupport.Fixtures;

/**
 * Region lookup with injected environment and home directory: {@code
 * HUAWEICLOUD_SDK_REGION_SMS_<ID>} before {@code ~/.huaweicloud/regions.yaml} before the built-in
 * table before the derived endpoint, and fail-over between a region's endpoints.
 */
class ConfigRegionTest {
  private static final String TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";
  private static final String VARIABLE = "HUAWEICLOUD_SDK_REGION_SMS_AP_SOUTHEAST_1";
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

  private final List<String> attempts = new CopyOnWriteArrayList<>();

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

  private SmsClient.Builder client(Map<String, String> env) {
    return SmsClient.builder()
        .environment(env)
        .homeDirectory(home)
        .credentials(CREDENTIALS)
        .retryPolicy(RetryPolicy.none()) // a fail-over is not a retry: it must work without any
        .eventListener(
            new SmsEventListener() {
              @Override
              public void attemptEnd(CallInfo call, AttemptOutcome outcome) {
                attempts.add(outcome.isSuccess() ? "HTTP " + outcome.statusCode() : "failed");
              }
            });
  }

  private Path regionsFile(String yaml) throws IOException {
    Path dir = Files.createDirectories(home.resolve(".huaweicloud"));
    return Files.writeString(dir.resolve("regions.yaml"), yaml);
  }

  private static String closedEndpoint() {
    return "http://127.0.0.1:" + ClosedPort.find();
  }

  // ---- fail-over ----

  @Test
  void showTask_regionVariableWithTwoEndpoints_failsOverWhenFirstRefuses() {
    Map<String, String> env = Map.of(VARIABLE, closedEndpoint() + "," + baseUrl(wm));
    try (SmsClient client = client(env).region(SmsRegion.AP_SOUTHEAST_1).build()) {
      assertThat(client.showTask(TASK_ID).getName()).isEqualTo("MigrationTask");
      assertThat(client.showTask(TASK_ID).getName()).isEqualTo("MigrationTask");
    }

    // the second call goes straight to the endpoint that answered
    assertThat(attempts).containsExactly("failed", "HTTP 200", "HTTP 200");
    wm.verify(2, getRequestedFor(urlPathEqualTo("/v3/tasks/" + TASK_ID)));
  }

  @Test
  void showTaskAsync_regionVariableWithTwoEndpoints_failsOverWhenFirstRefuses() throws Exception {
    Map<String, String> env = Map.of(VARIABLE, closedEndpoint() + "," + baseUrl(wm));
    try (SmsClient client = client(env).region(SmsRegion.AP_SOUTHEAST_1).build()) {
      assertThat(client.showTaskAsync(TASK_ID).get(10, TimeUnit.SECONDS).getName())
          .isEqualTo("MigrationTask");
    }

    assertThat(attempts).containsExactly("failed", "HTTP 200");
  }

  @Test
  void showTask_regionIdString_honoursVariable() {
    try (SmsClient client =
        client(Map.of(VARIABLE, baseUrl(wm))).region("ap-southeast-1").build()) {
      assertThat(client.showTask(TASK_ID).getName()).isEqualTo("MigrationTask");
    }
  }

  @Test
  void showTask_regionFromRegionsFile_isUsed() throws IOException {
    regionsFile("SMS:\n  - id: ap-southeast-1\n    endpoint: " + baseUrl(wm) + "\n");
    try (SmsClient client = client(Map.of()).region(SmsRegion.AP_SOUTHEAST_1).build()) {
      assertThat(client.showTask(TASK_ID).getName()).isEqualTo("MigrationTask");
    }
  }

  @Test
  void showTask_allEndpointsRefuse_failsWithConnectionException() {
    Map<String, String> env = Map.of(VARIABLE, closedEndpoint() + "," + closedEndpoint());
    try (SmsClient client = client(env).region(SmsRegion.AP_SOUTHEAST_1).build()) {
      assertThatThrownBy(() -> client.showTask(TASK_ID)).isInstanceOf(SmsConnectionException.class);
    }
    assertThat(attempts).containsExactly("failed", "failed");
  }

  // ---- SmsRegion.of and its precedence ----

  @Test
  void of_variable_givesEveryEndpointInOrder() {
    SmsRegion region =
        SmsRegion.of(
            "ap-southeast-1", Map.of(VARIABLE, " https://a.example , ,https://b.example"), home);

    assertThat(region.id()).isEqualTo("ap-southeast-1");
    assertThat(region.endpoints()).containsExactly("https://a.example", "https://b.example");
    assertThat(region.endpoint()).isEqualTo("https://a.example");
  }

  @Test
  void of_variableName_isUpperCaseWithUnderscores() {
    SmsRegion region =
        SmsRegion.of(
            "la-south-2",
            Map.of("HUAWEICLOUD_SDK_REGION_SMS_LA_SOUTH_2", "https://la.example"),
            home);

    assertThat(region.endpoints()).containsExactly("https://la.example");
  }

  @Test
  void of_regionsFile_endpointAndEndpointsLists() throws IOException {
    regionsFile(
        "# regions of the tools\n"
            + "ECS:\n"
            + "  - id: ap-southeast-1\n"
            + "    endpoint: https://ecs.example\n"
            + "sms:\n"
            + "  - id: ap-southeast-1\n"
            + "    endpoint: https://sms-file.example\n"
            + "  - id: my-lab-1\n"
            + "    endpoints:\n"
            + "      - https://lab-a.example\n"
            + "      - https://lab-b.example\n");

    assertThat(SmsRegion.of("ap-southeast-1", Map.of(), home).endpoints())
        .containsExactly("https://sms-file.example");
    assertThat(SmsRegion.of("my-lab-1", Map.of(), home).endpoints())
        .containsExactly("https://lab-a.example", "https://lab-b.example");
  }

  @Test
  void of_regionsFileKey_isCaseInsensitive() throws IOException {
    regionsFile("Sms:\n  - id: cn-north-4\n    endpoint: https://mixed-case.example\n");

    assertThat(SmsRegion.of("cn-north-4", Map.of(), home).endpoints())
        .containsExactly("https://mixed-case.example");
  }

  @Test
  void of_regionsFileVariable_pointsAnywhere() throws IOException {
    Path elsewhere =
        Files.writeString(
            home.resolve("my-regions.yaml"),
            "SMS:\n  - id: ap-southeast-3\n    endpoint: https://hk.example\n");

    SmsRegion region =
        SmsRegion.of(
            "ap-southeast-3", Map.of("HUAWEICLOUD_SDK_REGIONS_FILE", elsewhere.toString()), home);

    assertThat(region.endpoints()).containsExactly("https://hk.example");
  }

  @Test
  void of_variableBeatsRegionsFile() throws IOException {
    regionsFile("SMS:\n  - id: ap-southeast-1\n    endpoint: https://file.example\n");

    assertThat(
            SmsRegion.of("ap-southeast-1", Map.of(VARIABLE, "https://env.example"), home)
                .endpoints())
        .containsExactly("https://env.example");
  }

  @Test
  void of_regionsFileBeatsTable() throws IOException {
    regionsFile("SMS:\n  - id: ru-moscow-1\n    endpoint: https://file.example\n");

    assertThat(SmsRegion.of("ru-moscow-1", Map.of(), home).endpoints())
        .containsExactly("https://file.example");
  }

  @Test
  void of_regionsFileWithoutTheRegion_fallsBackToTable() throws IOException {
    regionsFile("SMS:\n  - id: cn-north-4\n    endpoint: https://file.example\n");

    assertThat(SmsRegion.of("ru-moscow-1", Map.of(), home)).isEqualTo(SmsRegion.RU_MOSCOW_1);
    assertThat(SmsRegion.RU_MOSCOW_1.endpoint())
        .isEqualTo("https://sms-api.ru-moscow-1.myhuaweicloud.com");
  }

  @Test
  void of_nothingConfigured_tableThenDerived() {
    assertThat(SmsRegion.of("ap-southeast-1", Map.of(), home)).isEqualTo(SmsRegion.AP_SOUTHEAST_1);
    assertThat(SmsRegion.of("la-south-2", Map.of(), home).endpoints())
        .containsExactly("https://sms.la-south-2.myhuaweicloud.com");
  }

  @Test
  void of_malformedId_listsKnownIds() {
    assertThatThrownBy(() -> SmsRegion.of("AP_SOUTHEAST_1", Map.of(), home))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("malformed")
        .hasMessageContaining("ap-southeast-1");
  }

  @Test
  void of_unreadableRegionsFile_failsWithOneLineNamingTheFile() throws IOException {
    Path file = regionsFile("SMS: [ {id: ap-southeast-1, endpoint: \n");

    assertThatThrownBy(() -> SmsRegion.of("ap-southeast-1", Map.of(), home))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("cannot be read")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void build_regionFromEnvironmentOnly_likeCreate() {
    Map<String, String> env =
        Map.of("HUAWEICLOUD_SDK_REGION", "ap-southeast-1", VARIABLE, baseUrl(wm));
    try (SmsClient client = client(env).build()) {
      assertThat(client.showTask(TASK_ID).getName()).isEqualTo("MigrationTask");
    }
  }

  @Test
  void build_noRegionAnywhere_namesEveryWayToSetOne() {
    assertThatThrownBy(() -> client(Map.of()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("region(")
        .hasMessageContaining("endpoint(")
        .hasMessageContaining("HUAWEICLOUD_SDK_REGION");
  }
}
