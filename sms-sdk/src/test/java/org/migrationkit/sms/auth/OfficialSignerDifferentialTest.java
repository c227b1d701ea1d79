package org.migrationkit.sms.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.internal.PercentEncoding;
import org.migrationkit.sms.testsupport.WirePath;

/**
 * Our {@link AkSkSigner} against Huawei Cloud's own {@code AKSKSigner} (huaweicloud-sdk-core
 * 3.1.143): the same request, headers and {@code X-Sdk-Date} must give the same {@code
 * Authorization}.
 *
 * <p>Both sides get the request as it goes on the wire: the path and query already percent-encoded
 * (the official signer reads {@code java.net.URL.getPath()}, which does not decode, and re-encodes
 * each raw segment, exactly as {@link CanonicalRequest} does), the query also as the decoded
 * parameters the official {@code HttpRequest} is built from. The random domain is the one both
 * define the same way; the tests at the end pin down, one each, where they do not.
 */
class OfficialSignerDifferentialTest {
  private static final long SEED = 0x51_6E_E5_D1FFL;
  private static final int CASES = 3000;

  private static final String UNRESERVED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";

  /** Legal unencoded in a path segment (RFC 3986 pchar) besides the unreserved ones. */
  private static final String PATH_RAW_OK = "!$&'()*+,;=:@";

  /** Legal unencoded in a query value here: '&' separates pairs, so it is never left raw. */
  private static final String QUERY_RAW_OK = "!$'()*+,;=:@/?";

  private static final String[] TEXT_POOL = {
    "a", "Z", "0", "-", "_", ".", "~", " ", "%", "/", "?", "#", "&", "=", "+", "*", "!", "$", "'",
    "(", ")", ",", ";", ":", "@", "[", "]", "\"", "<", ">", "\\", "^", "`", "{", "|", "}", "é", "ü",
    "任务", "迁移", "😀", "\u00a0", "%41", "%2F", "%zz", "task", "id-1"
  };
  private static final String[] HOSTS = {
    "https://sms.ap-southeast-1.myhuaweicloud.com",
    "https://sms.cn-north-4.myhuaweicloud.com",
    "http://127.0.0.1:18080",
    "https://localhost:8443",
    "http://[::1]:9000"
  };
  private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE"};
  private static final String HEADER_NAME_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-";
  private static final DateTimeFormatter SDK_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Test
  void randomRequests_authorizationEqualsOfficialSigner() {
    Random random = new Random(SEED);
    List<String> mismatches = new ArrayList<>();
    Set<String> signedHeaderSets = new HashSet<>();
    int withQuery = 0;
    int withBody = 0;
    int withEncodedPath = 0;
    for (int i = 0; i < CASES; i++) {
      WireRequest request = WireRequest.random(random);
      String ours = request.ourAuthorization();
      CapturingSigner official = new CapturingSigner();
      String theirs = request.officialAuthorization(official);
      if (!ours.equals(theirs) && mismatches.size() < 5) {
        mismatches.add(
            "case "
                + i
                + ": "
                + request
                + "\n  ours:     "
                + ours
                + "\n  official: "
                + theirs
                + "\n  our canonical request:\n"
                + request.ourCanonicalRequest()
                + "\n  official canonical request:\n"
                + official.canonicalRequest);
      }
      signedHeaderSets.add(
          ours.substring(ours.indexOf("SignedHeaders="), ours.indexOf(", Signature")));
      withQuery += request.rawQuery == null ? 0 : 1;
      withBody += request.body == null ? 0 : 1;
      withEncodedPath += request.rawPath.indexOf('%') >= 0 ? 1 : 0;
    }
    assertThat(mismatches).as("requests signed differently").isEmpty();
    // The generator really reached the interesting parts of the space.
    assertThat(withQuery).isGreaterThan(CASES / 2);
    assertThat(withBody).isGreaterThan(CASES / 4);
    assertThat(withEncodedPath).isGreaterThan(CASES / 2);
    assertThat(signedHeaderSets.size()).isGreaterThan(CASES / 2);
  }

  @Test
  @SuppressWarnings("unchecked")
  void signingVectors_officialSignerGivesTheRecordedAuthorization() throws IOException {
    Map<String, Object> vectors;
    try (InputStream in = getClass().getResourceAsStream("/fixtures/vectors.json")) {
      vectors = new ObjectMapper().readValue(in, new TypeReference<Map<String, Object>>() {});
    }
    String ak = (String) vectors.get("access_key");
    String sk = (String) vectors.get("secret_key");
    int checked = 0;
    for (Map<String, Object> c : (List<Map<String, Object>>) vectors.get("cases")) {
      String name = (String) c.get("name");
      URI url = URI.create((String) c.get("url"));
      Map<String, String> headers = new LinkedHashMap<>((Map<String, String>) c.get("headers"));
      String body = (String) c.get("body");
      WireRequest request =
          new WireRequest(
              (String) c.get("method"),
              url.getScheme() + "://" + url.getRawAuthority(),
              AkSkSigner.hostHeader(url),
              url.getRawPath(),
              url.getRawQuery(),
              decodedParameters(url.getRawQuery()),
              headers,
              body,
              Credentials.akSk(ak, sk));
      String expected = (String) c.get("authorization");

      assertThat(request.officialAuthorization(new CapturingSigner()))
          .as(name + " official")
          .isEqualTo(expected);
      assertThat(request.ourAuthorization()).as(name + " ours").isEqualTo(expected);
      // the vector's url is the official signer's input; our URI form takes the URL as sent
      URI wireUrl =
          URI.create(
              url.getScheme()
                  + "://"
                  + url.getRawAuthority()
                  + WirePath.of(url.getRawPath())
                  + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
      assertThat(
              AkSkSigner.sign(
                      request.method,
                      wireUrl,
                      headers,
                      bytes(body),
                      Credentials.akSk(ak, sk),
                      Clock.systemUTC())
                  .get("Authorization"))
          .as(name + " ours, URI form")
          .isEqualTo(expected);
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(10);
  }

  // ---- Where the two legitimately differ: each test pins one difference down. ----

  /**
   * Repeated query keys: we sort by name, then value (as the API gateway's reference signers do);
   * the official signer keeps the values of one key in the order they were added. Our client never
   * sends a repeated key, so this never shows on the wire today.
   */
  @Test
  void repeatedQueryKey_valuesOutOfOrder_officialKeepsInsertionOrder() {
    WireRequest request =
        WireRequest.simple(
            "GET", "/v3/tasks", "state=b&state=a", Map.of("state", List.of("b", "a")));
    CapturingSigner official = new CapturingSigner();
    String theirs = request.officialAuthorization(official);

    assertThat(request.ourCanonicalRequest()).contains("\nstate=a&state=b\n");
    assertThat(official.canonicalRequest).contains("\nstate=b&state=a\n");
    assertThat(request.ourAuthorization()).isNotEqualTo(theirs);
  }

  /**
   * A query key outside the unreserved characters: the official {@code HttpRequest} writes the key
   * into its URL unencoded, and its signer then reads that URL back and keeps the raw key beside
   * the encoded one from the parameter map, so the key is signed twice. The request it sends cannot
   * match any gateway's canonical form; ours signs the key once, encoded.
   */
  @Test
  void queryKeyNeedingEncoding_officialSignsTheKeyTwice() {
    WireRequest request =
        WireRequest.simple("GET", "/v3/tasks", "a%2Cb=1", Map.of("a,b", List.of("1")));
    CapturingSigner official = new CapturingSigner();
    String theirs = request.officialAuthorization(official);

    assertThat(request.ourCanonicalRequest()).contains("\na%2Cb=1\n");
    assertThat(official.canonicalRequest).contains("\na%2Cb=1&a,b=1\n");
    assertThat(request.ourAuthorization()).isNotEqualTo(theirs);
  }

  /** Header values: we trim them (the gateway's rule); the official signer signs them as given. */
  @Test
  void headerValueWithOuterSpaces_oursTrimsOfficialDoesNot() {
    WireRequest request = WireRequest.withHeader("X-Custom", "  padded value ");
    CapturingSigner official = new CapturingSigner();
    String theirs = request.officialAuthorization(official);

    assertThat(request.ourCanonicalRequest()).contains("\nx-custom:padded value\n");
    assertThat(official.canonicalRequest).contains("\nx-custom:  padded value \n");
    assertThat(request.ourAuthorization()).isNotEqualTo(theirs);
  }

  /**
   * The official signer never signs {@code Content-Type} nor a header whose name holds {@code _};
   * ours signs every header it is given. Our client gives it only {@code X-Domain-Id}, {@code
   * X-Security-Token} and {@code X-Sdk-Date} (besides {@code host}), so nothing differs on the
   * wire.
   */
  @Test
  void contentTypeAndUnderscoreHeaders_officialLeavesThemUnsigned() {
    for (String name : List.of("Content-Type", "X_Custom")) {
      WireRequest request = WireRequest.withHeader(name, "application/json");
      CapturingSigner official = new CapturingSigner();
      String theirs = request.officialAuthorization(official);

      assertThat(theirs).as(name).contains("SignedHeaders=host;x-sdk-date,");
      assertThat(request.ourCanonicalRequest())
          .as(name)
          .contains("\n" + name.toLowerCase(Locale.ROOT) + ":application/json\n");
      assertThat(request.ourAuthorization()).as(name).isNotEqualTo(theirs);
    }
  }

  /**
   * An endpoint with an explicit default port: the official signer signs {@code host:443} (the
   * URL's authority) while OkHttp sends {@code Host: host}; we sign the {@code Host} header as
   * sent.
   */
  @Test
  void explicitDefaultPort_officialSignsThePortOkHttpDoesNotSend() {
    URI url = URI.create("https://sms.ap-southeast-1.myhuaweicloud.com:443/v3/tasks/abc");
    WireRequest request =
        new WireRequest(
            "GET",
            "https://sms.ap-southeast-1.myhuaweicloud.com:443",
            AkSkSigner.hostHeader(url),
            url.getRawPath(),
            null,
            Map.of(),
            Map.of("X-Sdk-Date", "20250124T081500Z"),
            null,
            Credentials.akSk("AK", "SK"));
    CapturingSigner official = new CapturingSigner();
    request.officialAuthorization(official);

    assertThat(request.ourCanonicalRequest())
        .contains("\nhost:sms.ap-southeast-1.myhuaweicloud.com\n");
    assertThat(official.canonicalRequest)
        .contains("\nhost:sms.ap-southeast-1.myhuaweicloud.com:443\n");
  }

  /**
   * A path ending in empty segments ({@code /a//}): Java's {@code String.split} drops them in the
   * official signer, we keep them. No SMS path ends that way.
   */
  @Test
  void trailingEmptyPathSegments_officialDropsThem() {
    WireRequest request = WireRequest.simple("GET", "/v3/tasks//", null, Map.of());
    CapturingSigner official = new CapturingSigner();
    request.officialAuthorization(official);

    assertThat(request.ourCanonicalRequest()).startsWith("GET\n/v3/tasks//\n");
    assertThat(official.canonicalRequest).startsWith("GET\n/v3/tasks/\n");
  }

  /**
   * {@code X-Sdk-Content-Sha256}: the official signer takes its value as the payload hash (for
   * {@code UNSIGNED-PAYLOAD} uploads); we always hash the body. Our client never sends the header.
   */
  @Test
  void contentSha256Header_officialUsesItInsteadOfHashingTheBody() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Sdk-Date", "20250124T081500Z");
    headers.put("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD");
    WireRequest request =
        new WireRequest(
            "PUT",
            "https://obs.example.com",
            "obs.example.com",
            "/bucket/key",
            null,
            Map.of(),
            headers,
            "payload",
            Credentials.akSk("AK", "SK"));
    CapturingSigner official = new CapturingSigner();
    request.officialAuthorization(official);

    assertThat(official.canonicalRequest).endsWith("\nUNSIGNED-PAYLOAD");
    assertThat(request.ourCanonicalRequest())
        .endsWith("\n" + CanonicalRequest.hex(CanonicalRequest.sha256(bytes("payload"))));
  }

  // ---- The request both signers see, and how each is asked to sign it. ----

  /** The official signer, keeping the canonical request of its last signature for diagnostics. */
  static final class CapturingSigner extends AKSKSigner {
    String canonicalRequest = "";

    @Override
    protected String buildCanonicalRequest(String... segments) {
      canonicalRequest = super.buildCanonicalRequest(segments);
      return canonicalRequest;
    }
  }

  /** One request as it goes on the wire, with the decoded query parameters it was built from. */
  static final class WireRequest {
    final String method;
    final String endpoint;
    final String hostHeader;
    final String rawPath;
    final @Nullable String rawQuery;
    final Map<String, List<String>> parameters;
    final Map<String, String> headers;
    final @Nullable String body;
    final Credentials credentials;

    WireRequest(
        String method,
        String endpoint,
        String hostHeader,
        String rawPath,
        @Nullable String rawQuery,
        Map<String, List<String>> parameters,
        Map<String, String> headers,
        @Nullable String body,
        Credentials credentials) {
      this.method = method;
      this.endpoint = endpoint;
      this.hostHeader = hostHeader;
      this.rawPath = rawPath;
      this.rawQuery = rawQuery;
      this.parameters = parameters;
      this.headers = headers;
      this.body = body;
      this.credentials = credentials;
    }

    static WireRequest simple(
        String method,
        String rawPath,
        @Nullable String rawQuery,
        Map<String, List<String>> parameters) {
      return new WireRequest(
          method,
          HOSTS[0],
          HOSTS[0].substring("https://".length()),
          rawPath,
          rawQuery,
          parameters,
          Map.of("X-Sdk-Date", "20250124T081500Z"),
          null,
          Credentials.akSk("AK", "SK"));
    }

    static WireRequest withHeader(String name, String value) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("X-Sdk-Date", "20250124T081500Z");
      headers.put(name, value);
      return new WireRequest(
          "GET",
          HOSTS[0],
          HOSTS[0].substring("https://".length()),
          "/v3/tasks/t",
          null,
          Map.of(),
          headers,
          null,
          Credentials.akSk("AK", "SK"));
    }

    static WireRequest random(Random random) {
      String method = METHODS[random.nextInt(METHODS.length)];
      String endpoint = HOSTS[random.nextInt(HOSTS.length)];
      String hostHeader = AkSkSigner.hostHeader(URI.create(endpoint));

      String rawPath = randomPath(random);

      Map<String, List<String>> parameters = new LinkedHashMap<>();
      String rawQuery = null;
      if (random.nextInt(10) < 7) {
        List<String> pairs = new ArrayList<>();
        int keys = 1 + random.nextInt(5);
        for (int k = 0; k < keys; k++) {
          String key = randomToken(random, UNRESERVED, 1 + random.nextInt(8));
          if (parameters.containsKey(key)) {
            continue;
          }
          List<String> values = new ArrayList<>();
          int count = random.nextInt(6) == 0 ? 2 + random.nextInt(2) : 1;
          for (int v = 0; v < count; v++) {
            values.add(random.nextInt(8) == 0 ? "" : randomText(random, 1 + random.nextInt(6)));
          }
          // Both sort by key; only we sort the values of a repeated key (see the test above).
          values.sort((a, b) -> PercentEncoding.encode(a).compareTo(PercentEncoding.encode(b)));
          parameters.put(key, values);
          for (String value : values) {
            String encodedKey = wireEncode(random, key, QUERY_RAW_OK);
            if (value.isEmpty() && random.nextBoolean()) {
              pairs.add(encodedKey);
            } else {
              pairs.add(encodedKey + "=" + wireEncode(random, value, QUERY_RAW_OK));
            }
          }
        }
        Collections.shuffle(pairs, random);
        if (random.nextInt(10) == 0) {
          pairs.add(random.nextInt(pairs.size() + 1), "");
        }
        rawQuery = String.join("&", pairs);
      }

      Map<String, String> headers = new LinkedHashMap<>();
      Instant date = Instant.ofEpochSecond(946684800L + (long) (random.nextDouble() * 3155760000L));
      headers.put("X-Sdk-Date", SDK_DATE.format(date));
      int extra = random.nextInt(5);
      Set<String> lowerNames =
          new HashSet<>(List.of("x-sdk-date", "x-domain-id", "x-security-token"));
      for (int h = 0; h < extra; h++) {
        String name = "X-" + randomToken(random, HEADER_NAME_CHARS, 1 + random.nextInt(10));
        if (lowerNames.add(name.toLowerCase(Locale.ROOT))) {
          headers.put(name, randomHeaderValue(random));
        }
      }

      String body = null;
      if (method.equals("POST") || method.equals("PUT") || random.nextInt(10) == 0) {
        body =
            random.nextInt(10) == 0
                ? ""
                : "{\"v\":\"" + randomText(random, random.nextInt(40)) + "\"}";
      }

      Credentials credentials =
          Credentials.akSk(
              randomToken(random, UNRESERVED.substring(0, 36), 20),
              randomToken(random, UNRESERVED.substring(0, 62), 40));
      if (random.nextBoolean()) {
        credentials = credentials.withDomainId(randomToken(random, "0123456789abcdef", 32));
      }
      if (random.nextInt(4) == 0) {
        credentials =
            credentials.withSecurityToken(randomToken(random, UNRESERVED.substring(0, 62), 60));
      }
      return new WireRequest(
          method, endpoint, hostHeader, rawPath, rawQuery, parameters, headers, body, credentials);
    }

    /** Signs the request as it travels: the official signer's path encoded once for the wire. */
    String ourAuthorization() {
      return AkSkSigner.sign(
              method,
              hostHeader,
              WirePath.of(rawPath),
              rawQuery,
              headers,
              bytes(body),
              credentials,
              Instant.EPOCH)
          .get("Authorization");
    }

    String ourCanonicalRequest() {
      Map<String, String> all = new LinkedHashMap<>(headers);
      all.putAll(addedByCredentials());
      return AkSkSigner.signature(
              method, rawPath, rawQuery, hostHeader, all, bytes(body), credentials)
          .canonicalRequest;
    }

    String officialAuthorization(CapturingSigner signer) {
      HttpRequest.HttpRequestBuilder builder =
          HttpRequest.newBuilder()
              .withEndpoint(endpoint)
              .withPath(rawPath)
              .withMethod(HttpMethod.valueOf(method));
      headers.forEach(builder::addHeader);
      addedByCredentials().forEach(builder::addHeader);
      parameters.forEach(builder::addQueryParam);
      if (body != null) {
        builder.withBodyAsString(body);
      }
      BasicCredentials official =
          new BasicCredentials().withAk(credentials.getAccessKey()).withSk(credentials.secretKey());
      return signer.sign(builder.build(), official).get("Authorization");
    }

    /** What our signer adds from the credentials, and the official client adds as plain headers. */
    private Map<String, String> addedByCredentials() {
      Map<String, String> added = new TreeMap<>();
      if (credentials.getDomainId() != null) {
        added.put("X-Domain-Id", credentials.getDomainId());
      }
      if (credentials.securityToken() != null) {
        added.put("X-Security-Token", credentials.securityToken());
      }
      return added;
    }

    @Override
    public String toString() {
      return method
          + " "
          + endpoint
          + rawPath
          + (rawQuery == null ? "" : "?" + rawQuery)
          + " headers="
          + headers
          + " body="
          + body;
    }
  }

  // ---- Generators ----

  private static String randomPath(Random random) {
    if (random.nextInt(50) == 0) {
      return "/";
    }
    StringBuilder path = new StringBuilder(random.nextBoolean() ? "/v3/tasks" : "");
    int segments = 1 + random.nextInt(4);
    for (int s = 0; s < segments; s++) {
      path.append('/');
      if (s > 0 && s < segments - 1 && random.nextInt(25) == 0) {
        continue; // an empty segment inside the path, /a//b (trailing ones differ: see below)
      }
      path.append(wireEncode(random, randomText(random, 1 + random.nextInt(5)), PATH_RAW_OK));
    }
    if (random.nextInt(8) == 0) {
      path.append('/');
    }
    return path.toString();
  }

  /**
   * Percent-encodes {@code text} the way some client might put it on the wire: characters that must
   * be encoded always are, with upper- or lower-case hex; the unreserved ones and those in {@code
   * rawOk} sometimes are and sometimes not. Every form decodes to {@code text}.
   */
  private static String wireEncode(Random random, String text, String rawOk) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              String ch = new String(Character.toChars(cp));
              boolean mayStayRaw =
                  cp < 128 && (UNRESERVED.indexOf(cp) >= 0 || rawOk.indexOf(cp) >= 0);
              if (mayStayRaw && random.nextInt(5) != 0) {
                out.append(ch);
                return;
              }
              boolean lower = random.nextInt(4) == 0;
              for (byte b : ch.getBytes(StandardCharsets.UTF_8)) {
                String hex = String.format("%02X", b & 0xFF);
                out.append('%').append(lower ? hex.toLowerCase(Locale.ROOT) : hex);
              }
            });
    return out.toString();
  }

  private static String randomText(Random random, int pieces) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      s.append(TEXT_POOL[random.nextInt(TEXT_POOL.length)]);
    }
    return s.toString();
  }

  private static String randomToken(Random random, String alphabet, int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private static String randomHeaderValue(Random random) {
    switch (random.nextInt(4)) {
      case 0:
        return "";
      case 1:
        return randomToken(random, UNRESERVED, 1 + random.nextInt(30));
      case 2:
        return "v " + randomText(random, 1 + random.nextInt(4)).trim() + " v";
      default:
        return "application/json;charset=UTF-8";
    }
  }

  private static Map<String, List<String>> decodedParameters(@Nullable String rawQuery) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (rawQuery == null) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = PercentEncoding.decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : PercentEncoding.decode(pair.substring(eq + 1));
      parameters.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return parameters;
  }

  private static byte @Nullable [] bytes(@Nullable String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }
}
