package org.migrationkit.sms.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.migrationkit.sms.testsupport.Fixtures;
import org.migrationkit.sms.testsupport.ReferenceSignatureVerifier;
import org.migrationkit.sms.testsupport.WirePath;

/**
 * SDK-HMAC-SHA256 signing, checked byte for byte against the vectors of the official SDK (fixtures/
 * vectors.json), and the verifier that shares its canonical form.
 */
class AkSkSignerTest {
  private static final JsonNode VECTORS = readVectors();
  private static final String AK = VECTORS.get("access_key").asText();
  private static final String SK = VECTORS.get("secret_key").asText();
  private static final Instant VECTOR_TIME = Instant.parse("2025-01-24T08:15:00Z");
  private static final Clock VECTOR_CLOCK = Clock.fixed(VECTOR_TIME, ZoneOffset.UTC);
  private static final String TASK_URL =
      "https://sms.ap-southeast-1.myhuaweicloud.com/v3/tasks/ef3b9722-07a0-40ae-89b0-889ee96dfc56";
  private static final String DOMAIN_ID = "0970dd7a1300f5672ff2c003c60ae115";
  private static final String SECURITY_TOKEN = "gQpjbi1ub3J0aC00RjQ0c2VjdXJpdHlUb2tlbg==";
  private static final DateTimeFormatter BASIC_ISO =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** One case of vectors.json. */
  record Vector(
      String name,
      String method,
      URI url,
      Map<String, String> headers,
      byte[] body,
      String signedHeaders,
      String canonicalRequest,
      String stringToSign,
      String authorization) {
    @Override
    public String toString() {
      return name + " " + method + " " + url;
    }
  }

  private static JsonNode readVectors() {
    try {
      return new ObjectMapper().readTree(Fixtures.text(Fixtures.SIGNING_VECTORS));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<Vector> vectors() {
    List<Vector> vectors = new ArrayList<>();
    for (JsonNode c : VECTORS.get("cases")) {
      Map<String, String> headers = new LinkedHashMap<>();
      // fieldNames(), not properties() (2.15+): this also compiles against databind 2.14
      // (-Pokhttp4)
      JsonNode given = c.get("headers");
      given.fieldNames().forEachRemaining(name -> headers.put(name, given.get(name).asText()));
      JsonNode body = c.get("body");
      vectors.add(
          new Vector(
              c.get("name").asText(),
              c.get("method").asText(),
              URI.create(c.get("url").asText()),
              headers,
              body.isNull() ? null : body.asText().getBytes(StandardCharsets.UTF_8),
              c.get("signed_headers").asText(),
              c.get("canonical_request").asText(),
              c.get("string_to_sign").asText(),
              c.get("authorization").asText()));
    }
    return vectors.stream();
  }

  private static Vector vector(String name) {
    return vectors().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
  }

  private static AkSkSigner.Signature signatureOf(Vector v) {
    return AkSkSigner.signature(
        v.method(),
        v.url().getRawPath(),
        v.url().getRawQuery(),
        v.url().getRawAuthority(),
        v.headers(),
        v.body(),
        Credentials.akSk(AK, SK));
  }

  // ---- the vectors, byte for byte ----

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void signature_vector_reproducesCanonicalRequest(Vector v) {
    assertThat(signatureOf(v).canonicalRequest).isEqualTo(v.canonicalRequest());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void signature_vector_reproducesStringToSign(Vector v) {
    assertThat(signatureOf(v).stringToSign).isEqualTo(v.stringToSign());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void signature_vector_reproducesAuthorization(Vector v) {
    AkSkSigner.Signature signature = signatureOf(v);

    assertThat(signature.signedHeaders).isEqualTo(v.signedHeaders());
    assertThat(signature.authorization).isEqualTo(v.authorization());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void sign_vectorHeadersWithTheirSdkDate_reproduceAuthorization(Vector v) {
    Clock elsewhen = Clock.fixed(VECTOR_TIME.plus(Duration.ofDays(400)), ZoneOffset.UTC);

    // the vector's url is the official signer's input; sign(URI) takes the URL as sent
    URI wireUrl =
        URI.create(
            v.url().getScheme()
                + "://"
                + v.url().getRawAuthority()
                + WirePath.of(v.url().getRawPath())
                + (v.url().getRawQuery() == null ? "" : "?" + v.url().getRawQuery()));
    Map<String, String> added =
        AkSkSigner.sign(
            v.method(), wireUrl, v.headers(), v.body(), Credentials.akSk(AK, SK), elsewhen);

    assertThat(added).containsOnlyKeys("Authorization");
    assertThat(added.get("Authorization")).isEqualTo(v.authorization());
  }

  /** The test suite's own verifier agrees with the vectors, so it can judge what the SDK sends. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void referenceVerifier_vector_reproducesCanonicalRequestAndSignature(Vector v) {
    TreeMap<String, String> signed = new TreeMap<>();
    signed.put("host", v.url().getRawAuthority());
    v.headers().forEach((name, value) -> signed.put(name.toLowerCase(Locale.ROOT), value));

    String canonical =
        ReferenceSignatureVerifier.canonicalRequest(
            v.method(), v.url().getRawPath(), v.url().getRawQuery(), signed, v.body());
    String stringToSign =
        ReferenceSignatureVerifier.stringToSign(v.headers().get("X-Sdk-Date"), canonical);

    assertThat(canonical).isEqualTo(v.canonicalRequest());
    assertThat(stringToSign).isEqualTo(v.stringToSign());
    assertThat(v.authorization())
        .endsWith("Signature=" + ReferenceSignatureVerifier.signatureHex(SK, stringToSign));
  }

  // ---- the public sign(...) ----

  @Test
  void sign_fixedClock_addsSdkDateInBasicIsoFormat() {
    Map<String, String> added =
        AkSkSigner.sign(
            "GET", URI.create(TASK_URL), Map.of(), null, Credentials.akSk(AK, SK), VECTOR_CLOCK);

    assertThat(added.get("X-Sdk-Date")).isEqualTo("20250124T081500Z").matches("\\d{8}T\\d{6}Z");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "1970-01-01T00:00:00Z",
        "1999-12-31T23:59:59Z",
        "2000-02-29T12:34:56Z",
        "2024-02-29T23:59:59.999Z",
        "2024-03-01T00:00:00Z",
        "2025-12-31T23:59:59Z",
        "2038-01-19T03:14:08Z",
        "2100-02-28T23:59:59Z",
        "2100-03-01T00:00:00Z",
        "2400-02-29T08:00:00Z"
      })
  void sign_calendarEdge_writesSdkDateOfThatUtcInstant(String instant) {
    Clock clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);

    Map<String, String> added =
        AkSkSigner.sign(
            "GET", URI.create(TASK_URL), Map.of(), null, Credentials.akSk(AK, SK), clock);

    assertThat(added.get("X-Sdk-Date")).isEqualTo(BASIC_ISO.format(Instant.parse(instant)));
  }

  @Test
  void sign_manyInstantsOverTwoCenturies_writeTheSameSdkDateAsDateTimeFormatter() {
    Random random = new Random(20250124L);
    long from = Instant.parse("1970-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("2199-12-31T23:59:59Z").getEpochSecond();
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < 2_000 && mismatches.size() < 5; i++) {
      Instant instant = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)));
      String sdkDate =
          AkSkSigner.sign(
                  "GET",
                  URI.create(TASK_URL),
                  Map.of(),
                  null,
                  Credentials.akSk(AK, SK),
                  Clock.fixed(instant, ZoneOffset.UTC))
              .get("X-Sdk-Date");
      if (!sdkDate.equals(BASIC_ISO.format(instant))) {
        mismatches.add(instant + " -> " + sdkDate);
      }
    }

    assertThat(mismatches).isEmpty();
  }

  @Test
  void sign_clockInAnotherZone_stillWritesUtc() {
    Clock shanghai = Clock.fixed(VECTOR_TIME, ZoneId.of("Asia/Shanghai"));

    Map<String, String> added =
        AkSkSigner.sign(
            "GET", URI.create(TASK_URL), Map.of(), null, Credentials.akSk(AK, SK), shanghai);

    assertThat(added.get("X-Sdk-Date")).isEqualTo("20250124T081500Z");
  }

  @Test
  void sign_fixedClock_reproducesVectorAuthorization() {
    Map<String, String> added =
        AkSkSigner.sign(
            "GET", URI.create(TASK_URL), Map.of(), null, Credentials.akSk(AK, SK), VECTOR_CLOCK);

    assertThat(added).containsOnlyKeys("X-Sdk-Date", "Authorization");
    assertThat(added.get("Authorization")).isEqualTo(vector("case-01").authorization());
  }

  @Test
  void sign_loopbackUrlWithPort_signsHostWithPort() {
    Map<String, String> added =
        AkSkSigner.sign(
            "GET",
            URI.create("http://127.0.0.1:18080/v3/tasks/abc"),
            Map.of(),
            null,
            Credentials.akSk(AK, SK),
            VECTOR_CLOCK);

    assertThat(added.get("Authorization")).isEqualTo(vector("case-04").authorization());
  }

  @Test
  void sign_domainIdCredentials_addAndSignXDomainId() {
    Map<String, String> added =
        AkSkSigner.sign(
            "GET",
            URI.create(TASK_URL),
            Map.of(),
            null,
            Credentials.akSk(AK, SK).withDomainId(DOMAIN_ID),
            VECTOR_CLOCK);

    assertThat(added).containsOnlyKeys("X-Domain-Id", "X-Sdk-Date", "Authorization");
    assertThat(added.get("X-Domain-Id")).isEqualTo(DOMAIN_ID);
    assertThat(added.get("Authorization")).isEqualTo(vector("case-02").authorization());
  }

  @Test
  void sign_securityTokenCredentials_addAndSignXSecurityToken() {
    Map<String, String> added =
        AkSkSigner.sign(
            "GET",
            URI.create(TASK_URL),
            Map.of(),
            null,
            Credentials.akSk(AK, SK).withDomainId(DOMAIN_ID).withSecurityToken(SECURITY_TOKEN),
            VECTOR_CLOCK);

    assertThat(added)
        .containsOnlyKeys("X-Domain-Id", "X-Security-Token", "X-Sdk-Date", "Authorization");
    assertThat(added.get("X-Security-Token")).isEqualTo(SECURITY_TOKEN);
    assertThat(added.get("Authorization")).isEqualTo(vector("case-03").authorization());
  }

  @Test
  void sign_tokenCredentials_returnOnlyXAuthToken() {
    Map<String, String> added =
        AkSkSigner.sign(
            "GET",
            URI.create(TASK_URL),
            Map.of(),
            null,
            Credentials.token("iam-token-1"),
            VECTOR_CLOCK);

    assertThat(added).containsExactly(Map.entry("X-Auth-Token", "iam-token-1"));
  }

  @Test
  void sign_callerSdkDateInAnyCase_isUsedAsIs() {
    Map<String, String> added =
        AkSkSigner.sign(
            "GET",
            URI.create(TASK_URL),
            Map.of("x-sdk-date", "20250124T081500Z"),
            null,
            Credentials.akSk(AK, SK),
            Clock.systemUTC());

    assertThat(added).containsOnlyKeys("Authorization");
    assertThat(added.get("Authorization")).isEqualTo(vector("case-01").authorization());
  }

  // ---- SignatureVerifier ----

  private static final Clock NOW = VECTOR_CLOCK;

  /** A signed request as the server sees it: headers by lower-case name, with Host. */
  private static Map<String, String> signedRequest(Credentials credentials, URI url) {
    Map<String, String> headers = new HashMap<>();
    headers.put("host", url.getRawAuthority());
    AkSkSigner.sign("GET", url, Map.of(), null, credentials, NOW)
        .forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
    return headers;
  }

  private static SignatureVerifier.Result verify(
      SignatureVerifier verifier, URI url, Map<String, String> headers) {
    return verifier.verify(
        "GET",
        url.getRawPath(),
        url.getRawQuery(),
        name -> headers.get(name.toLowerCase(Locale.ROOT)),
        null);
  }

  @Test
  void verify_freshSignature_isAccepted() {
    Credentials credentials = Credentials.akSk(AK, SK).withDomainId(DOMAIN_ID);
    URI url = URI.create(TASK_URL);

    SignatureVerifier.Result result =
        verify(
            SignatureVerifier.create(List.of(credentials), NOW),
            url,
            signedRequest(credentials, url));

    assertThat(result.isValid()).as(result.reason()).isTrue();
    assertThat(result.credentials()).isEqualTo(credentials);
  }

  @Test
  void verify_securityTokenSignature_isAccepted() {
    Credentials credentials = Credentials.akSk(AK, SK).withSecurityToken(SECURITY_TOKEN);
    URI url = URI.create(TASK_URL);

    SignatureVerifier.Result result =
        verify(
            SignatureVerifier.create(List.of(credentials), NOW),
            url,
            signedRequest(credentials, url));

    assertThat(result.isValid()).as(result.reason()).isTrue();
  }

  @Test
  void verify_tamperedPath_isRejected() {
    Credentials credentials = Credentials.akSk(AK, SK);
    Map<String, String> headers = signedRequest(credentials, URI.create(TASK_URL));

    SignatureVerifier.Result result =
        verify(
            SignatureVerifier.create(List.of(credentials), NOW),
            URI.create("https://sms.ap-southeast-1.myhuaweicloud.com/v3/tasks/another-task"),
            headers);

    assertThat(result.isValid()).isFalse();
    assertThat(result.reason()).contains("signature");
  }

  @Test
  void verify_tamperedSignedHeader_isRejected() {
    Credentials credentials = Credentials.akSk(AK, SK).withDomainId(DOMAIN_ID);
    URI url = URI.create(TASK_URL);
    Map<String, String> headers = signedRequest(credentials, url);
    headers.put("x-domain-id", "someone-else");

    SignatureVerifier.Result result =
        verify(SignatureVerifier.create(List.of(credentials), NOW), url, headers);

    assertThat(result.isValid()).isFalse();
  }

  @Test
  void verify_wrongSecretKey_isRejected() {
    URI url = URI.create(TASK_URL);
    Map<String, String> headers = signedRequest(Credentials.akSk(AK, "not-" + SK), url);

    SignatureVerifier.Result result =
        verify(SignatureVerifier.create(List.of(Credentials.akSk(AK, SK)), NOW), url, headers);

    assertThat(result.isValid()).isFalse();
    assertThat(result.reason()).contains("signature");
  }

  @Test
  void verify_unknownAccessKey_isRejected() {
    URI url = URI.create(TASK_URL);
    Map<String, String> headers = signedRequest(Credentials.akSk("UNKNOWNAK0000000", SK), url);

    SignatureVerifier.Result result =
        verify(SignatureVerifier.create(List.of(Credentials.akSk(AK, SK)), NOW), url, headers);

    assertThat(result.isValid()).isFalse();
    assertThat(result.reason()).contains("access key");
  }

  @Test
  void verify_sdkDateSixteenMinutesOld_isRejected() {
    Credentials credentials = Credentials.akSk(AK, SK);
    URI url = URI.create(TASK_URL);
    Clock later = Clock.offset(NOW, Duration.ofMinutes(16));

    SignatureVerifier.Result result =
        verify(
            SignatureVerifier.create(List.of(credentials), later),
            url,
            signedRequest(credentials, url));

    assertThat(result.isValid()).isFalse();
    assertThat(result.reason()).contains("expired");
  }

  @Test
  void verify_sdkDateSixteenMinutesAhead_isRejected() {
    Credentials credentials = Credentials.akSk(AK, SK);
    URI url = URI.create(TASK_URL);
    Clock earlier = Clock.offset(NOW, Duration.ofMinutes(-16));

    SignatureVerifier.Result result =
        verify(
            SignatureVerifier.create(List.of(credentials), earlier),
            url,
            signedRequest(credentials, url));

    assertThat(result.isValid()).isFalse();
  }

  @Test
  void verify_sdkDateFourteenMinutesOld_isAccepted() {
    Credentials credentials = Credentials.akSk(AK, SK);
    URI url = URI.create(TASK_URL);
    Clock later = Clock.offset(NOW, Duration.ofMinutes(14));

    SignatureVerifier.Result result =
        verify(
            SignatureVerifier.create(List.of(credentials), later),
            url,
            signedRequest(credentials, url));

    assertThat(result.isValid()).as(result.reason()).isTrue();
  }

  @Test
  void verify_missingAuthorization_isRejected() {
    Credentials credentials = Credentials.akSk(AK, SK);
    URI url = URI.create(TASK_URL);
    Map<String, String> headers = signedRequest(credentials, url);
    headers.remove("authorization");

    SignatureVerifier.Result result =
        verify(SignatureVerifier.create(List.of(credentials), NOW), url, headers);

    assertThat(result.isValid()).isFalse();
  }

  @Test
  void verify_missingSdkDate_isRejected() {
    Credentials credentials = Credentials.akSk(AK, SK);
    URI url = URI.create(TASK_URL);
    Map<String, String> headers = signedRequest(credentials, url);
    headers.remove("x-sdk-date");

    SignatureVerifier.Result result =
        verify(SignatureVerifier.create(List.of(credentials), NOW), url, headers);

    assertThat(result.isValid()).isFalse();
  }

  @Test
  void verify_missingSignedDomainId_isRejected() {
    Credentials credentials = Credentials.akSk(AK, SK).withDomainId(DOMAIN_ID);
    URI url = URI.create(TASK_URL);
    Map<String, String> headers = signedRequest(credentials, url);
    headers.remove("x-domain-id");

    SignatureVerifier.Result result =
        verify(SignatureVerifier.create(List.of(credentials), NOW), url, headers);

    assertThat(result.isValid()).isFalse();
    assertThat(result.reason()).contains("x-domain-id");
  }

  @Test
  void verify_missingSecurityToken_isRejected() {
    Credentials credentials = Credentials.akSk(AK, SK).withSecurityToken(SECURITY_TOKEN);
    URI url = URI.create(TASK_URL);
    Map<String, String> headers = signedRequest(credentials, url);
    headers.remove("x-security-token");

    SignatureVerifier.Result result =
        verify(SignatureVerifier.create(List.of(credentials), NOW), url, headers);

    assertThat(result.isValid()).isFalse();
  }

  @Test
  void verify_rejection_neverQuotesTheSecretKey() {
    URI url = URI.create(TASK_URL);
    Map<String, String> headers = signedRequest(Credentials.akSk(AK, "not-" + SK), url);

    SignatureVerifier.Result result =
        verify(SignatureVerifier.create(List.of(Credentials.akSk(AK, SK)), NOW), url, headers);

    assertThat(result.reason()).doesNotContain(SK);
    assertThat(result.toString()).doesNotContain(SK);
  }

  @Test
  void verify_knownXAuthToken_isAccepted() {
    Credentials token = Credentials.token("iam-token-1");

    SignatureVerifier.Result result =
        verify(
            SignatureVerifier.create(List.of(token), NOW),
            URI.create(TASK_URL),
            Map.of("x-auth-token", "iam-token-1"));

    assertThat(result.isValid()).isTrue();
  }

  @Test
  void verify_unknownXAuthToken_isRejected() {
    SignatureVerifier.Result result =
        verify(
            SignatureVerifier.create(List.of(Credentials.token("iam-token-1")), NOW),
            URI.create(TASK_URL),
            Map.of("x-auth-token", "iam-token-2"));

    assertThat(result.isValid()).isFalse();
    assertThat(result.reason()).doesNotContain("iam-token");
  }
}
