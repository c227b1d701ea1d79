package org.migrationkit.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.migrationkit.sms.auth.Credentials;

/** Regions and their endpoints, and the builder's refusals of incomplete or conflicting options. */
class SmsRegionTest {
  private static final List<String> KNOWN_IDS =
      List.of("ap-southeast-1", "ap-southeast-3", "my-kualalumpur-1", "ru-moscow-1", "cn-north-4");
  private static final Credentials CREDENTIALS =
      Credentials.akSk("HPUA6QWERTYASDF1234Z", "s3cr3tK3yExample0123456789abcdefghijklmno");

  @TempDir Path emptyHome;

  // ---- the table ----

  @Test
  void constants_haveTheirIdsAndSmsEndpoints() {
    assertThat(SmsRegion.AP_SOUTHEAST_1.id()).isEqualTo("ap-southeast-1");
    assertThat(SmsRegion.AP_SOUTHEAST_1.endpoint())
        .isEqualTo("https://sms.ap-southeast-1.myhuaweicloud.com");
    assertThat(SmsRegion.AP_SOUTHEAST_3.id()).isEqualTo("ap-southeast-3");
    assertThat(SmsRegion.AP_SOUTHEAST_3.endpoint())
        .isEqualTo("https://sms.ap-southeast-3.myhuaweicloud.com");
    assertThat(SmsRegion.MY_KUALALUMPUR_1.id()).isEqualTo("my-kualalumpur-1");
    assertThat(SmsRegion.MY_KUALALUMPUR_1.endpoint())
        .isEqualTo("https://sms.my-kualalumpur-1.myhuaweicloud.com");
    assertThat(SmsRegion.CN_NORTH_4.id()).isEqualTo("cn-north-4");
    assertThat(SmsRegion.CN_NORTH_4.endpoint())
        .isEqualTo("https://sms.cn-north-4.myhuaweicloud.com");
  }

  @Test
  void ruMoscow1_usesTheSmsApiHost() {
    assertThat(SmsRegion.RU_MOSCOW_1.id()).isEqualTo("ru-moscow-1");
    assertThat(SmsRegion.RU_MOSCOW_1.endpoint())
        .isEqualTo("https://sms-api.ru-moscow-1.myhuaweicloud.com");
  }

  @Test
  void knownRegions_areTheFiveConstantsInOrder() {
    assertThat(SmsRegion.knownRegions())
        .containsExactly(
            SmsRegion.AP_SOUTHEAST_1,
            SmsRegion.AP_SOUTHEAST_3,
            SmsRegion.MY_KUALALUMPUR_1,
            SmsRegion.RU_MOSCOW_1,
            SmsRegion.CN_NORTH_4);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ap-southeast-1",
        "ap-southeast-3",
        "my-kualalumpur-1",
        "ru-moscow-1",
        "cn-north-4"
      })
  void of_knownId_returnsTheConstant(String id) {
    SmsRegion region = SmsRegion.of(id);

    assertThat(SmsRegion.knownRegions()).contains(region);
    assertThat(region).isSameAs(SmsRegion.knownRegions().get(KNOWN_IDS.indexOf(id)));
  }

  @Test
  void of_unknownWellFormedId_derivesTheEndpoint() {
    SmsRegion region = SmsRegion.of("la-south-2", Map.of(), emptyHome);

    assertThat(region.id()).isEqualTo("la-south-2");
    assertThat(region.endpoint()).isEqualTo("https://sms.la-south-2.myhuaweicloud.com");
    assertThat(region.endpoints()).containsExactly("https://sms.la-south-2.myhuaweicloud.com");
  }

  @Test
  void of_sameUnknownIdTwice_givesEqualRegions() {
    assertThat(SmsRegion.of("af-south-1", Map.of(), emptyHome))
        .isEqualTo(SmsRegion.of("af-south-1", Map.of(), emptyHome))
        .hasSameHashCodeAs(SmsRegion.of("af-south-1", Map.of(), emptyHome));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"AP_SOUTHEAST_1", "", "x", "Ap-Southeast-1", "ap southeast 1", "ap-", "-ap-1"})
  void of_malformedId_failsListingTheKnownIds(String id) {
    Throwable t = catchThrowable(() -> SmsRegion.of(id, Map.of(), emptyHome));

    assertThat(t).isInstanceOf(IllegalArgumentException.class);
    assertThat(t.getMessage()).contains(KNOWN_IDS).doesNotContain("\n");
  }

  @Test
  void of_publicLookupOfMalformedId_failsListingTheKnownIds() {
    assertThatThrownBy(() -> SmsRegion.of("AP_SOUTHEAST_1"))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .contains(KNOWN_IDS);
  }

  @Test
  void of_null_failsListingTheKnownIds() {
    assertThatThrownBy(() -> SmsRegion.of(null))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .contains(KNOWN_IDS);
  }

  // ---- the builder's refusals ----

  private SmsClient.Builder hermeticBuilder() {
    return SmsClient.builder().environment(Map.of()).homeDirectory(emptyHome);
  }

  private static void assertOneLine(Throwable t, String... mentions) {
    assertThat(t).isNotNull();
    assertThat(t.getMessage()).isNotBlank().doesNotContain("\n", "\r").contains(mentions);
  }

  @Test
  void build_withoutCredentials_failsNamingCredentials() {
    Throwable t = catchThrowable(() -> hermeticBuilder().endpoint("http://127.0.0.1:1").build());

    assertThat(t).isInstanceOfAny(IllegalStateException.class, SmsClientException.class);
    assertOneLine(t, "credentials");
  }

  @Test
  void build_withoutEndpointOrRegion_failsNamingBoth() {
    Throwable t = catchThrowable(() -> hermeticBuilder().credentials(CREDENTIALS).build());

    assertThat(t).isInstanceOf(IllegalStateException.class);
    assertOneLine(t, "region", "endpoint");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not a url",
        "sms.ap-southeast-1.myhuaweicloud.com",
        "ftp://sms.example.com",
        "http://",
        "https://sms.example.com?x=1",
        "https://sms.example.com/#top"
      })
  void endpoint_malformed_failsNamingTheEndpoint(String endpoint) {
    Throwable t = catchThrowable(() -> SmsClient.builder().endpoint(endpoint));

    assertThat(t).isInstanceOf(IllegalArgumentException.class);
    assertOneLine(t, endpoint);
  }

  @Test
  void build_plainHttpToAPublicHost_isRefused() {
    Throwable t =
        catchThrowable(
            () ->
                hermeticBuilder()
                    .endpoint("http://sms.example.com")
                    .credentials(CREDENTIALS)
                    .build());

    assertThat(t).isInstanceOf(IllegalArgumentException.class);
    assertOneLine(t, "http://sms.example.com");
  }

  static Stream<Arguments> timeoutsAndBadValues() {
    Map<String, BiConsumer<SmsClient.Builder, Duration>> options =
        Map.of(
            "connectTimeout", SmsClient.Builder::connectTimeout,
            "readTimeout", SmsClient.Builder::readTimeout,
            "writeTimeout", SmsClient.Builder::writeTimeout,
            "callTimeout", SmsClient.Builder::callTimeout);
    List<Duration> bad = List.of(Duration.ZERO, Duration.ofSeconds(-1), Duration.ofNanos(1));
    return options.entrySet().stream()
        .flatMap(o -> bad.stream().map(d -> Arguments.of(o.getKey(), o.getValue(), d)));
  }

  @ParameterizedTest(name = "{0}({2})")
  @MethodSource("timeoutsAndBadValues")
  void timeout_notPositive_failsNamingTheOption(
      String option, BiConsumer<SmsClient.Builder, Duration> setter, Duration value) {
    Throwable t = catchThrowable(() -> setter.accept(SmsClient.builder(), value));

    assertThat(t).isInstanceOf(IllegalArgumentException.class);
    assertOneLine(t, option);
  }

  @Test
  void timeout_null_failsNamingTheOption() {
    Throwable t = catchThrowable(() -> SmsClient.builder().readTimeout(null));

    assertThat(t).isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class);
    assertOneLine(t, "readTimeout");
  }

  @Test
  void endpoint_afterRegion_failsNamingBoth() {
    Throwable t =
        catchThrowable(
            () ->
                SmsClient.builder()
                    .region(SmsRegion.AP_SOUTHEAST_1)
                    .endpoint("https://sms.example.com"));

    assertThat(t).isInstanceOf(IllegalStateException.class);
    assertOneLine(t, "ap-southeast-1", "https://sms.example.com");
  }

  @Test
  void region_afterEndpoint_failsNamingBoth() {
    Throwable t =
        catchThrowable(
            () ->
                SmsClient.builder()
                    .endpoint("https://sms.example.com")
                    .region(SmsRegion.CN_NORTH_4));

    assertThat(t).isInstanceOf(IllegalStateException.class);
    assertOneLine(t, "cn-north-4", "https://sms.example.com");
  }

  @Test
  void regionId_afterEndpoint_failsNamingBoth() {
    Throwable t =
        catchThrowable(
            () -> SmsClient.builder().endpoint("https://sms.example.com").region("ap-southeast-3"));

    assertThat(t).isInstanceOf(IllegalStateException.class);
    assertOneLine(t, "ap-southeast-3", "https://sms.example.com");
  }

  @Test
  void build_region_usesItsEndpoint() {
    try (SmsClient sms =
        hermeticBuilder().region(SmsRegion.RU_MOSCOW_1).credentials(CREDENTIALS).build()) {
      assertThat(sms.toString()).contains("https://sms-api.ru-moscow-1.myhuaweicloud.com");
    }
  }
}
