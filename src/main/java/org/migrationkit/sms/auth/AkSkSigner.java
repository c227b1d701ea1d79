package org.migrationkit.sms.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

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
   * Returns the headers that authenticate a request, to be added to it unchanged.
   *
   * <p>For AK/SK credentials: {@code X-Domain-Id} and {@code X-Security-Token} when the credentials
   * carry them, {@code X-Sdk-Date} (unless {@code headers} already has one, which is then used) and
   * {@code Authorization}; every header in {@code headers}, the added ones and {@code host} (from
   * the URL's authority) are signed. For token credentials: {@code X-Auth-Token} only, nothing
   * signed.
   *
   * @param url the request URL exactly as sent, with its path and query percent-encoded
   * @param headers the headers to sign besides {@code host}; names in any case
   * @param body the request body, or {@code null} for none
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
   * Returns the headers that authenticate a request; the allocation-light form of {@link
   * #sign(String, URI, Map, byte[], Credentials, Clock)} for callers that already hold the parts.
   *
   * @param hostHeader the {@code Host} header as sent: host, and {@code :port} when not the default
   * @param rawPath the path as sent, percent-encoded
   * @param rawQuery the query as sent, percent-encoded, or {@code null}
   * @param signingTime the time to sign with, unless {@code headers} already holds {@code
   *     X-Sdk-Date}
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
    Map<String, String> added = new LinkedHashMap<>(8);
    if (credentials.getDomainId() != null) {
      added.put("X-Domain-Id", credentials.getDomainId());
    }
    if (credentials.securityToken() != null) {
      added.put("X-Security-Token", credentials.securityToken());
    }
    String date = headerValue(headers, X_SDK_DATE);
    if (date == null) {
      date = SdkDate.format(signingTime);
      added.put(X_SDK_DATE, date);
    }
    Map<String, String> all;
    if (headers.isEmpty()) {
      all = added;
    } else {
      all = new LinkedHashMap<>(headers);
      all.putAll(added);
    }
    Signature signature = signature(method, rawPath, rawQuery, hostHeader, all, body, credentials);
    added.put("Authorization", signature.authorization);
    return Collections.unmodifiableMap(added);
  }

  /** The intermediate results of one signature; kept for tests and the verifier. */
  static final class Signature {
    final String canonicalRequest;
    final String stringToSign;
    final String signedHeaders;
    final String signatureHex;
    final String authorization;

    Signature(
        String canonicalRequest, String stringToSign, String signedHeaders, String hex, String ak) {
      this.canonicalRequest = canonicalRequest;
      this.stringToSign = stringToSign;
      this.signedHeaders = signedHeaders;
      this.signatureHex = hex;
      this.authorization =
          CanonicalRequest.ALGORITHM
              + " Access="
              + ak
              + ", SignedHeaders="
              + signedHeaders
              + ", Signature="
              + hex;
    }
  }

  static Signature signature(
      String method,
      @Nullable String rawPath,
      @Nullable String rawQuery,
      String host,
      Map<String, String> headers,
      byte @Nullable [] body,
      Credentials credentials) {
    TreeMap<String, String> lower = new TreeMap<>();
    lower.put("host", host);
    for (Map.Entry<String, String> h : headers.entrySet()) {
      lower.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue());
    }
    List<String> names = new ArrayList<>(lower.keySet());
    return signature(method, rawPath, rawQuery, names, lower, body, credentials);
  }

  static Signature signature(
      String method,
      @Nullable String rawPath,
      @Nullable String rawQuery,
      List<String> signedHeaders,
      Map<String, String> lowerCaseHeaders,
      byte @Nullable [] body,
      Credentials credentials) {
    String canonical =
        CanonicalRequest.build(
            method,
            rawPath == null ? "" : rawPath,
            rawQuery,
            signedHeaders,
            lowerCaseHeaders,
            body);
    String date = lowerCaseHeaders.get("x-sdk-date");
    String stringToSign = CanonicalRequest.stringToSign(date == null ? "" : date, canonical);
    StringBuilder names = new StringBuilder();
    CanonicalRequest.appendSignedHeaders(names, signedHeaders);
    String hex = CanonicalRequest.hex(hmacSha256(credentials, stringToSign));
    return new Signature(
        canonical, stringToSign, names.toString(), hex, credentials.getAccessKey());
  }

  static byte[] hmacSha256(Credentials credentials, String data) {
    return credentials.newMac().doFinal(data.getBytes(StandardCharsets.UTF_8));
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

  private static @Nullable String headerValue(Map<String, String> headers, String name) {
    for (Map.Entry<String, String> h : headers.entrySet()) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return h.getValue();
      }
    }
    return null;
  }
}
