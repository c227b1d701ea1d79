package org.migrationkit.sms.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.internal.PercentEncoding;

/**
 * Signs requests with SDK-HMAC-SHA256, the AK/SK scheme Huawei Cloud's API gateway verifies.
 *
 * <pre>{@code
 * Map<String, String> auth = AkSkSigner.sign(
 *     "GET", URI.create("https://sms.ap-southeast-1.myhuaweicloud.com/v3/tasks/abc"),
 *     Map.of(), null, Credentials.akSk(ak, sk).withDomainId(domainId), Clock.systemUTC());
 * // auth: X-Domain-Id, X-Sdk-Date, Authorization - add them to the request as they are
 * }</pre>
 *
 * <p>A pure function: the same inputs and clock give the same headers. Thread-safe.
 */
public final class AkSkSigner {
  /** The header that carries the signing time, {@code yyyyMMdd'T'HHmmss'Z'} in UTC. */
  public static final String X_SDK_DATE = "X-Sdk-Date";

  static final DateTimeFormatter SDK_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private AkSkSigner() {}

  /**
   * {@return the headers that authenticate a request, to be added to it unchanged}
   *
   * <p>For AK/SK credentials: {@code X-Domain-Id} and {@code X-Security-Token} when the credentials
   * carry them, {@code X-Sdk-Date} (unless {@code headers} already has one, which is then used) and
   * {@code Authorization}; every header in {@code headers}, the added ones and {@code host} (from
   * the URL's authority) are signed. For token credentials: {@code X-Auth-Token} only, nothing
   * signed.
   *
   * @param url the request URL exactly as sent, with its path and query percent-encoded; the path
   *     is decoded before it is canonicalised, as the client and {@link SignatureVerifier} do, so
   *     {@code /v3/tasks/a%20b} is signed as the official client signs the task id {@code a b}
   * @param headers the headers to sign besides {@code host}; names in any case
   * @param body the request body, or {@code null} for none
   * @param method the HTTP method
   * @param credentials the credentials to authenticate with
   * @param clock the clock that dates the signature
   */
  public static Map<String, String> sign(
      String method,
      URI url,
      Map<String, String> headers,
      byte @Nullable [] body,
      Credentials credentials,
      Clock clock) {
    return sign(
        method,
        hostHeader(url),
        url.getRawPath(),
        url.getRawQuery(),
        headers,
        body,
        credentials,
        clock.instant());
  }

  /**
   * {@return the headers that authenticate a request; the allocation-light form of {@link
   * #sign(String, URI, Map, byte[], Credentials, Clock)} for callers that already hold the parts}
   *
   * @param hostHeader the {@code Host} header as sent: host, and {@code :port} when not the default
   * @param rawPath the path as sent, percent-encoded (decoded before it is canonicalised, see
   *     {@link #sign(String, URI, Map, byte[], Credentials, Clock)})
   * @param rawQuery the query as sent, percent-encoded, or {@code null}
   * @param signingTime the time to sign with, unless {@code headers} already holds {@code
   *     X-Sdk-Date}
   * @param method the HTTP method
   * @param headers the headers to sign besides {@code host}; names in any case
   * @param body the request body, or {@code null} for none
   * @param credentials the credentials to authenticate with
   */
  public static Map<String, String> sign(
      String method,
      String hostHeader,
      @Nullable String rawPath,
      @Nullable String rawQuery,
      Map<String, String> headers,
      byte @Nullable [] body,
      Credentials credentials,
      Instant signingTime) {
    if (!credentials.isAkSk()) {
      return Map.of("X-Auth-Token", credentials.authToken());
    }
    SignedHeaders signed = SignedHeaders.of(hostHeader, headers, 3);
    Map<String, String> added = new LinkedHashMap<>(8);
    String domainId = credentials.getDomainId();
    if (domainId != null) {
      added.put("X-Domain-Id", domainId);
      signed.put("x-domain-id", domainId);
    }
    String securityToken = credentials.securityToken();
    if (securityToken != null) {
      added.put("X-Security-Token", securityToken);
      signed.put("x-security-token", securityToken);
    }
    if (signed.get("x-sdk-date") == null) {
      String date = SdkDate.format(signingTime);
      added.put(X_SDK_DATE, date);
      signed.put("x-sdk-date", date);
    }
    Signature signature =
        signature(method, signedPath(rawPath), rawQuery, signed.sorted(), body, credentials);
    added.put("Authorization", signature.authorization);
    return Collections.unmodifiableMap(added);
  }

  /**
   * Returns the path the signature covers for a path as sent: decoded, so that each segment is
   * percent-encoded exactly once in the canonical request. The official client signs path
   * parameters before it encodes them, and the gateway canonicalises the decoded path; the signer
   * and {@link SignatureVerifier} both go through here, so they cannot drift apart.
   */
  static String signedPath(@Nullable String rawPath) {
    return rawPath == null ? "" : PercentEncoding.decode(rawPath);
  }

  /** The intermediate results of one signature, kept for tests and the verifier. */
  static final class Signature {
    final String canonicalRequest;
    final String stringToSign;
    final String signedHeaders;
    final String signatureHex;
    final String authorization;

    private Signature(
        String canonicalRequest,
        String stringToSign,
        SignedHeaders headers,
        String signatureHex,
        String accessKey) {
      this.canonicalRequest = canonicalRequest;
      this.stringToSign = stringToSign;
      this.signatureHex = signatureHex;
      StringBuilder s = new StringBuilder(160);
      CanonicalRequest.appendSignedHeaders(s, headers);
      this.signedHeaders = s.toString();
      s.setLength(0);
      s.append(CanonicalRequest.ALGORITHM)
          .append(" Access=")
          .append(accessKey)
          .append(", SignedHeaders=")
          .append(signedHeaders)
          .append(", Signature=")
          .append(signatureHex);
      this.authorization = s.toString();
    }
  }

  /** Signs with {@code host} and {@code headers} (names in any case) as the signed headers. */
  static Signature signature(
      String method,
      @Nullable String rawPath,
      @Nullable String rawQuery,
      String host,
      Map<String, String> headers,
      byte @Nullable [] body,
      Credentials credentials) {
    return signature(
        method, rawPath, rawQuery, SignedHeaders.of(host, headers, 0).sorted(), body, credentials);
  }

  /**
   * Signs with the headers {@code signedHeaderNames} lists, valued from {@code lowerCaseHeaders}.
   */
  static Signature signature(
      String method,
      @Nullable String rawPath,
      @Nullable String rawQuery,
      List<String> signedHeaderNames,
      Map<String, String> lowerCaseHeaders,
      byte @Nullable [] body,
      Credentials credentials) {
    SignedHeaders signed = new SignedHeaders(signedHeaderNames.size());
    for (String name : signedHeaderNames) {
      String value = lowerCaseHeaders.get(name);
      signed.put(name, value == null ? "" : value);
    }
    return signature(method, rawPath, rawQuery, signed.sorted(), body, credentials);
  }

  private static Signature signature(
      String method,
      @Nullable String rawPath,
      @Nullable String rawQuery,
      SignedHeaders sortedHeaders,
      byte @Nullable [] body,
      Credentials credentials) {
    String canonical =
        CanonicalRequest.build(
            method, rawPath == null ? "" : rawPath, rawQuery, sortedHeaders, body);
    String date = sortedHeaders.get("x-sdk-date");
    String stringToSign = CanonicalRequest.stringToSign(date == null ? "" : date, canonical);
    byte[] mac = credentials.newMac().doFinal(stringToSign.getBytes(StandardCharsets.UTF_8));
    return new Signature(
        canonical,
        stringToSign,
        sortedHeaders,
        CanonicalRequest.hex(mac),
        credentials.getAccessKey());
  }

  /**
   * Returns the {@code Host} header for a URL: the host, and the port when it is not the default.
   */
  static String hostHeader(URI url) {
    String host = url.getHost();
    int port = url.getPort();
    boolean defaultPort =
        port == -1
            || ("https".equalsIgnoreCase(url.getScheme()) && port == 443)
            || ("http".equalsIgnoreCase(url.getScheme()) && port == 80);
    return defaultPort ? host : host + ":" + port;
  }
}
