package org.migrationkit.sms.testsupport;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks an SDK-HMAC-SHA256 signature the way Huawei Cloud's API gateway does, written from the
 * gateway's published rules and sharing no code with the SDK's signer or verifier, so a test can
 * tell whether what the SDK put on the wire would really be accepted.
 *
 * <pre>{@code
 * ReferenceSignatureVerifier verifier = new ReferenceSignatureVerifier(AK, SK);
 * Verdict verdict = verifier.verify(wm.getAllServeEvents().get(0).getRequest());
 * assertThat(verdict.valid()).as(verdict.reason()).isTrue();
 * }</pre>
 *
 * <p>Rules: canonical URI = the received path decoded, split at {@code /}, each segment
 * percent-encoded once, ending in {@code /} (as the gateway canonicalises a request; the signing
 * vectors, which start from a URL, are checked through {@link #canonicalRequest} directly);
 * canonical query = parameters decoded, re-encoded (RFC 3986 unreserved kept) and sorted by name
 * then value; canonical headers = the signed headers, lower-case, values trimmed, sorted; payload =
 * hex SHA-256 of the body. String to sign = algorithm, X-Sdk-Date and hex SHA-256 of the canonical
 * request, one per line; signature = hex HMAC-SHA256 of it under the secret key.
 */
public final class ReferenceSignatureVerifier {
  /** The algorithm name that opens the Authorization header. */
  public static final String ALGORITHM = "SDK-HMAC-SHA256";

  /** The gateway's allowance between X-Sdk-Date and its own clock. */
  public static final Duration MAX_SKEW = Duration.ofMinutes(15);

  private static final DateTimeFormatter SDK_DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Map<String, String> secretKeysByAccessKey = new HashMap<>();
  private final Clock clock;

  /** Accepts signatures by this one key pair, checked against the system clock. */
  public ReferenceSignatureVerifier(String accessKey, String secretKey) {
    this(accessKey, secretKey, Clock.systemUTC());
  }

  /** Accepts signatures by this one key pair, checked against {@code clock}. */
  public ReferenceSignatureVerifier(String accessKey, String secretKey, Clock clock) {
    secretKeysByAccessKey.put(accessKey, secretKey);
    this.clock = clock;
  }

  /** The outcome of one check: valid, or the first rule the request broke. */
  public record Verdict(boolean valid, String reason) {
    static Verdict accept() {
      return new Verdict(true, "valid");
    }

    static Verdict reject(String reason) {
      return new Verdict(false, reason);
    }
  }

  /** Verifies a request WireMock recorded, from its raw (still percent-encoded) URL. */
  public Verdict verify(LoggedRequest request) {
    String url = request.getUrl();
    int q = url.indexOf('?');
    String rawPath = q < 0 ? url : url.substring(0, q);
    String rawQuery = q < 0 ? null : url.substring(q + 1);
    byte[] body = request.getBody() == null ? new byte[0] : request.getBody();
    return verify(
        request.getMethod().value(),
        rawPath,
        rawQuery,
        name -> request.containsHeader(name) ? request.getHeader(name) : null,
        body);
  }

  /**
   * Verifies one request.
   *
   * @param header looks a header up by name, case-insensitively; {@code null} when absent
   */
  public Verdict verify(
      String method,
      String rawPath,
      String rawQuery,
      Function<String, String> header,
      byte[] body) {
    String authorization = header.apply("Authorization");
    if (authorization == null) {
      return Verdict.reject("no Authorization header");
    }
    if (!authorization.startsWith(ALGORITHM + " ")) {
      return Verdict.reject("Authorization is not " + ALGORITHM);
    }
    Map<String, String> parts = new HashMap<>();
    for (String part : authorization.substring(ALGORITHM.length() + 1).split(",")) {
      String[] nameValue = part.trim().split("=", 2);
      if (nameValue.length == 2) {
        parts.put(nameValue[0], nameValue[1]);
      }
    }
    String accessKey = parts.get("Access");
    String signedHeaderList = parts.get("SignedHeaders");
    String signature = parts.get("Signature");
    if (accessKey == null || signedHeaderList == null || signature == null) {
      return Verdict.reject("Authorization lacks Access, SignedHeaders or Signature");
    }
    String secretKey = secretKeysByAccessKey.get(accessKey);
    if (secretKey == null) {
      return Verdict.reject("unknown access key");
    }
    List<String> signedHeaders = List.of(signedHeaderList.split(";"));
    if (!signedHeaders.contains("host") || !signedHeaders.contains("x-sdk-date")) {
      return Verdict.reject("host and x-sdk-date must be signed, signed: " + signedHeaderList);
    }
    SortedMap<String, String> values = new TreeMap<>();
    for (String name : signedHeaders) {
      if (!name.equals(name.toLowerCase(Locale.ROOT))) {
        return Verdict.reject("signed header name not lower-case: " + name);
      }
      String value = header.apply(name);
      if (value == null) {
        return Verdict.reject("signed header missing from the request: " + name);
      }
      values.put(name, value);
    }
    if (!new ArrayList<>(values.keySet()).equals(signedHeaders)) {
      return Verdict.reject("SignedHeaders not sorted or repeated: " + signedHeaderList);
    }
    String sdkDate = values.get("x-sdk-date");
    Instant signedAt;
    try {
      signedAt = SDK_DATE.parse(sdkDate, Instant::from);
    } catch (DateTimeParseException e) {
      return Verdict.reject("X-Sdk-Date is not yyyyMMdd'T'HHmmss'Z': " + sdkDate);
    }
    if (Duration.between(signedAt, clock.instant()).abs().compareTo(MAX_SKEW) > 0) {
      return Verdict.reject("X-Sdk-Date too far from now: " + sdkDate);
    }
    String canonical =
        canonicalRequest(method, PercentDecoder.decode(rawPath), rawQuery, values, body);
    String expected = signatureHex(secretKey, stringToSign(sdkDate, canonical));
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII))) {
      return Verdict.reject("signature mismatch; canonical request was:\n" + canonical);
    }
    return Verdict.accept();
  }

  /**
   * Returns the canonical request.
   *
   * @param signedHeaders the signed headers by lower-case name, values as sent
   */
  public static String canonicalRequest(
      String method,
      String rawPath,
      String rawQuery,
      SortedMap<String, String> signedHeaders,
      byte[] body) {
    StringBuilder s = new StringBuilder();
    s.append(method).append('\n');
    s.append(canonicalUri(rawPath)).append('\n');
    s.append(canonicalQuery(rawQuery)).append('\n');
    for (Map.Entry<String, String> h : signedHeaders.entrySet()) {
      s.append(h.getKey()).append(':').append(h.getValue().trim()).append('\n');
    }
    s.append('\n');
    s.append(String.join(";", signedHeaders.keySet())).append('\n');
    s.append(hex(sha256(body == null ? new byte[0] : body)));
    return s.toString();
  }

  /** Returns the string to sign for a canonical request. */
  public static String stringToSign(String sdkDate, String canonicalRequest) {
    return ALGORITHM
        + "\n"
        + sdkDate
        + "\n"
        + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
  }

  /** Returns the hex HMAC-SHA256 of {@code stringToSign} under {@code secretKey}. */
  public static String signatureHex(String secretKey, String stringToSign) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return hex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  static String canonicalUri(String rawPath) {
    String[] segments = (rawPath == null ? "" : rawPath).split("/", -1);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        s.append('/');
      }
      s.append(encode(segments[i].getBytes(StandardCharsets.UTF_8)));
    }
    if (s.length() == 0 || s.charAt(s.length() - 1) != '/') {
      s.append('/');
    }
    return s.toString();
  }

  static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String parameter : rawQuery.split("&")) {
      if (parameter.isEmpty()) {
        continue;
      }
      String[] nameValue = parameter.split("=", 2);
      String name = encode(PercentDecoder.decodeToBytes(nameValue[0]));
      String value =
          nameValue.length == 2 ? encode(PercentDecoder.decodeToBytes(nameValue[1])) : "";
      pairs.add(new String[] {name, value});
    }
    pairs.sort(
        (a, b) -> {
          int byName = a[0].compareTo(b[0]);
          return byName != 0 ? byName : a[1].compareTo(b[1]);
        });
    StringBuilder s = new StringBuilder();
    for (String[] pair : pairs) {
      if (s.length() > 0) {
        s.append('&');
      }
      s.append(pair[0]).append('=').append(pair[1]);
    }
    return s.toString();
  }

  /** RFC 3986: unreserved bytes stay, every other byte becomes %XX with upper-case hex. */
  static String encode(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte b : bytes) {
      int c = b & 0xFF;
      boolean unreserved =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.'
              || c == '~';
      if (unreserved) {
        out.write(c);
      } else {
        out.writeBytes(String.format(Locale.ROOT, "%%%02X", c).getBytes(StandardCharsets.US_ASCII));
      }
    }
    return out.toString(StandardCharsets.US_ASCII);
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(Objects.requireNonNull(data));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder s = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      s.append(String.format(Locale.ROOT, "%02x", b & 0xFF));
    }
    return s.toString();
  }
}
