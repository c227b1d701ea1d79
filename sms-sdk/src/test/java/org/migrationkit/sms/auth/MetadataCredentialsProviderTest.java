package org.migrationkit.sms.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.migrationkit.sms.SmsClientException;

/** The ECS metadata step of {@link DefaultCredentialsProvider}, against WireMock on loopback. */
class MetadataCredentialsProviderTest {
  private static final Instant EXPIRES_AT = Instant.parse("2026-11-28T10:00:00Z");
  private static final String TOKEN_PATH = "/meta-data/latest/api/token";
  private static final String KEY_PATH = "/openstack/latest/securitykey";
  private static final Credentials FIRST =
      Credentials.akSk("TMPAK1", "SECRET-sk-1").withSecurityToken("SECRET-token-1");
  private static final Credentials SECOND =
      Credentials.akSk("TMPAK2", "SECRET-sk-2").withSecurityToken("SECRET-token-2");

  private final Gate gate = new Gate();

  @RegisterExtension
  final WireMockExtension metadata =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(gate))
          .build();

  @TempDir Path home;

  private final MutableClock clock = new MutableClock(EXPIRES_AT.minus(Duration.ofHours(1)));

  /** The server's address by IP, so that no name lookup can lead anywhere but loopback. */
  private String baseUrl() {
    return "http://127.0.0.1:" + metadata.getPort();
  }

  private DefaultCredentialsProvider.Builder builder(Map<String, String> environment) {
    return DefaultCredentialsProvider.builder()
        .environment(environment)
        .homeDirectory(home)
        .metadataEndpoint(baseUrl())
        .clock(clock);
  }

  private DefaultCredentialsProvider enabled() {
    return builder(Map.of("HUAWEICLOUD_SDK_METADATA_ENABLED", "true")).build();
  }

  private static String securityKey(String ak, String sk, String token, String expiresAt) {
    return "{\"credential\":{\"access\":\""
        + ak
        + "\",\"secret\":\""
        + sk
        + "\",\"securitytoken\":\""
        + token
        + "\",\"expires_at\":\""
        + expiresAt
        + "\"}}";
  }

  /** Stubs the IMDSv2 flow: the session token, then the security key it unlocks. */
  private void stubMetadata(String sessionToken, ResponseDefinitionBuilder keyAnswer) {
    metadata.stubFor(
        put(TOKEN_PATH)
            .withHeader("X-Metadata-Token-Ttl-Seconds", matching("[0-9]+"))
            .willReturn(ok(sessionToken)));
    metadata.stubFor(
        get(KEY_PATH).withHeader("X-Metadata-Token", equalTo(sessionToken)).willReturn(keyAnswer));
  }

  private void stubFirst() {
    stubMetadata(
        "session-1",
        okJson(
            securityKey("TMPAK1", "SECRET-sk-1", "SECRET-token-1", "2026-11-28T10:00:00.000000Z")));
  }

  private ResponseDefinitionBuilder secondKey() {
    return okJson(
        securityKey("TMPAK2", "SECRET-sk-2", "SECRET-token-2", "2026-11-28T11:00:00.000000Z"));
  }

  private int tokenRequests() {
    return metadata.findAll(putRequestedFor(urlEqualTo(TOKEN_PATH))).size();
  }

  @Test
  void metadata_notEnabled_sendsNothing() {
    DefaultCredentialsProvider provider = builder(Map.of()).build();

    assertThatThrownBy(provider::resolveCredentials)
        .isInstanceOf(SmsClientException.class)
        .hasMessageEndingWith("ECS metadata (disabled: set HUAWEICLOUD_SDK_METADATA_ENABLED=true)");
    assertThat(metadata.getAllServeEvents()).isEmpty();
  }

  @Test
  void metadata_builderDisables_overridesEnvironment() {
    DefaultCredentialsProvider provider =
        builder(Map.of("HUAWEICLOUD_SDK_METADATA_ENABLED", "true")).metadataEnabled(false).build();

    assertThatThrownBy(provider::resolveCredentials).hasMessageContaining("ECS metadata (disabled");
    assertThat(metadata.getAllServeEvents()).isEmpty();
  }

  @Test
  void metadata_builderEnables_overridesEnvironment() {
    stubFirst();
    DefaultCredentialsProvider provider =
        builder(Map.of("HUAWEICLOUD_SDK_METADATA_ENABLED", "false")).metadataEnabled(true).build();

    assertThat(provider.resolveCredentials()).isEqualTo(FIRST);
  }

  @Test
  void metadata_enabled_fetchesSessionTokenThenSecurityKey() {
    stubFirst();

    assertThat(enabled().resolveCredentials()).isEqualTo(FIRST);

    metadata.verify(
        1,
        putRequestedFor(urlEqualTo(TOKEN_PATH))
            .withHeader("X-Metadata-Token-Ttl-Seconds", matching("[0-9]+")));
    metadata.verify(
        1,
        getRequestedFor(urlEqualTo(KEY_PATH)).withHeader("X-Metadata-Token", equalTo("session-1")));
  }

  @Test
  void metadata_environmentVariablesSet_environmentWinsAndNothingSent() {
    stubFirst();
    Map<String, String> environment =
        Map.of(
            "HUAWEICLOUD_SDK_METADATA_ENABLED", "true",
            "HUAWEICLOUD_SDK_AK", "ENVAK",
            "HUAWEICLOUD_SDK_SK", "ENVSK");

    assertThat(builder(environment).build().resolveCredentials())
        .isEqualTo(Credentials.akSk("ENVAK", "ENVSK"));
    assertThat(metadata.getAllServeEvents()).isEmpty();
  }

  @Test
  void metadata_profileFilePresent_profileWinsAndNothingSent() throws IOException {
    stubFirst();
    Path file = Files.createDirectories(home.resolve(".huaweicloud")).resolve("credentials");
    Files.writeString(file, "[global]\nak = FILEAK\nsk = FILESK\n");
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    assertThat(enabled().resolveCredentials()).isEqualTo(Credentials.akSk("FILEAK", "FILESK"));
    assertThat(metadata.getAllServeEvents()).isEmpty();
  }

  @Test
  void metadata_moreThanFiveMinutesLeft_heldCredentialsReused() {
    stubFirst();
    DefaultCredentialsProvider provider = enabled();
    provider.resolveCredentials();

    clock.set(EXPIRES_AT.minus(Duration.ofMinutes(6)));

    assertThat(provider.resolveCredentials()).isEqualTo(FIRST);
    assertThat(tokenRequests()).isEqualTo(1);
  }

  @Test
  void metadata_lessThanFiveMinutesLeft_refreshed() {
    stubFirst();
    DefaultCredentialsProvider provider = enabled();
    provider.resolveCredentials();
    stubMetadata("session-2", secondKey());

    clock.set(EXPIRES_AT.minus(Duration.ofMinutes(4)));

    assertThat(provider.resolveCredentials()).isEqualTo(SECOND);
    assertThat(provider.resolveCredentials()).isEqualTo(SECOND);
    assertThat(tokenRequests()).isEqualTo(2);
  }

  @Test
  void metadata_expired_refreshedBeforeAnswering() {
    stubFirst();
    DefaultCredentialsProvider provider = enabled();
    provider.resolveCredentials();
    stubMetadata("session-2", secondKey());

    clock.set(EXPIRES_AT.plusSeconds(1));

    assertThat(provider.resolveCredentials()).isEqualTo(SECOND);
  }

  @Test
  void metadata_earlyRefreshFails_heldCredentialsUsedAndRetriedLater() {
    stubFirst();
    DefaultCredentialsProvider provider = enabled();
    provider.resolveCredentials();
    metadata.stubFor(put(TOKEN_PATH).willReturn(aResponse().withStatus(500)));

    clock.set(EXPIRES_AT.minus(Duration.ofMinutes(4)));
    assertThat(provider.resolveCredentials()).isEqualTo(FIRST);
    clock.advance(Duration.ofSeconds(10));
    assertThat(provider.resolveCredentials()).isEqualTo(FIRST);
    assertThat(tokenRequests()).isEqualTo(2);

    stubMetadata("session-2", secondKey());
    clock.advance(Duration.ofSeconds(21));

    assertThat(provider.resolveCredentials()).isEqualTo(SECOND);
    assertThat(tokenRequests()).isEqualTo(3);
  }

  @Test
  void metadata_expiredAndRefreshFails_throwsWithoutSecret() {
    stubFirst();
    DefaultCredentialsProvider provider = enabled();
    provider.resolveCredentials();
    metadata.stubFor(put(TOKEN_PATH).willReturn(aResponse().withStatus(500)));

    clock.set(EXPIRES_AT);

    assertThatThrownBy(provider::resolveCredentials)
        .isInstanceOf(SmsClientException.class)
        .hasMessage(
            "ECS metadata credentials expired and could not be refreshed from "
                + baseUrl()
                + ": token request: HTTP 500");
  }

  @Test
  void metadata_serviceAnswersError_messageNamesEndpointAndStatus() {
    metadata.stubFor(put(TOKEN_PATH).willReturn(aResponse().withStatus(404)));

    assertThatThrownBy(() -> enabled().resolveCredentials())
        .hasMessageEndingWith("; ECS metadata " + baseUrl() + " (token request: HTTP 404)");
  }

  @Test
  void metadata_connectionRefused_messageSaysSo() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String endpoint = "http://127.0.0.1:" + closedPort;
    DefaultCredentialsProvider provider =
        builder(Map.of("HUAWEICLOUD_SDK_METADATA_ENABLED", "true"))
            .metadataEndpoint(endpoint)
            .build();

    assertThatThrownBy(provider::resolveCredentials)
        .hasMessageContaining("; ECS metadata " + endpoint + " (token request: connection failed");
  }

  @Test
  void metadata_truncatedAnswer_messageHasNoSecret() {
    stubMetadata(
        "session-1", okJson("{\"credential\":{\"access\":\"TMPAK1\",\"secret\":\"SECRET-x"));

    assertThatThrownBy(() -> enabled().resolveCredentials())
        .hasMessageEndingWith("(security key answer: malformed JSON)")
        .message()
        .doesNotContain("SECRET");
  }

  @Test
  void metadata_answerWithoutSecurityToken_messageNamesFields() {
    stubMetadata(
        "session-1",
        okJson(
            "{\"credential\":{\"access\":\"TMPAK1\",\"secret\":\"SECRET-y\","
                + "\"expires_at\":\"2026-11-28T10:00:00.000000Z\"}}"));

    assertThatThrownBy(() -> enabled().resolveCredentials())
        .hasMessageEndingWith(
            "(security key answer: credential needs access, secret, securitytoken and expires_at)")
        .message()
        .doesNotContain("SECRET");
  }

  @Test
  void metadata_refreshInFlight_otherCallersGetHeldCredentialsAtOnce() throws Exception {
    stubFirst();
    DefaultCredentialsProvider provider = enabled();
    provider.resolveCredentials();
    stubMetadata("session-2", secondKey().withTransformers(Gate.NAME));
    clock.set(EXPIRES_AT.minus(Duration.ofMinutes(4)));
    ExecutorService refresher = Executors.newSingleThreadExecutor();
    try {
      Future<Credentials> refreshed = refresher.submit(provider::resolveCredentials);
      assertThat(gate.arrived.await(5, TimeUnit.SECONDS)).isTrue();

      List<Credentials> meanwhile = new ArrayList<>();
      assertTimeoutPreemptively(
          Duration.ofSeconds(1),
          () -> {
            for (int i = 0; i < 20; i++) {
              meanwhile.add(provider.resolveCredentials());
            }
          });
      gate.open.countDown();

      assertThat(meanwhile).hasSize(20).containsOnly(FIRST);
      assertThat(refreshed.get(5, TimeUnit.SECONDS)).isEqualTo(SECOND);
      assertThat(provider.resolveCredentials()).isEqualTo(SECOND);
      assertThat(tokenRequests()).isEqualTo(2);
    } finally {
      gate.open.countDown();
      refresher.shutdownNow();
    }
  }

  @Test
  void metadata_fiftyConcurrentFirstCalls_fetchOnce() throws Exception {
    stubMetadata(
        "session-1",
        okJson(
                securityKey(
                    "TMPAK1", "SECRET-sk-1", "SECRET-token-1", "2026-11-28T10:00:00.000000Z"))
            .withTransformers(Gate.NAME));
    DefaultCredentialsProvider provider = enabled();
    int callers = 50;
    CountDownLatch calling = new CountDownLatch(callers);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<Credentials>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(
            pool.submit(
                () -> {
                  calling.countDown();
                  return provider.resolveCredentials();
                }));
      }
      assertThat(calling.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(gate.arrived.await(5, TimeUnit.SECONDS)).isTrue();
      gate.open.countDown();

      Map<Credentials, Integer> seen = new HashMap<>();
      for (Future<Credentials> result : results) {
        seen.merge(result.get(5, TimeUnit.SECONDS), 1, Integer::sum);
      }
      assertThat(seen).containsExactly(Map.entry(FIRST, callers));
      assertThat(tokenRequests()).isEqualTo(1);
    } finally {
      gate.open.countDown();
      pool.shutdownNow();
    }
  }

  /** Holds a response until the test opens it, so a test can act while a fetch is in flight. */
  static final class Gate implements ResponseDefinitionTransformerV2 {
    static final String NAME = "gate";
    final CountDownLatch arrived = new CountDownLatch(1);
    final CountDownLatch open = new CountDownLatch(1);

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      arrived.countDown();
      try {
        open.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return serveEvent.getResponseDefinition();
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

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
