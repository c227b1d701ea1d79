package org.migrationkit.sms.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.internal.PercentEncoding;

/**
 * The canonical form of a request under SDK-HMAC-SHA256, written once for both {@link AkSkSigner}
 * and {@link SignatureVerifier}, so that what we sign and what we check can never drift apart.
 *
 * <p>Rules, as Huawei Cloud's API gateway applies them: each raw path segment is percent-encoded
 * again and the path ends with {@code /}; query parameters are decoded, re-encoded (RFC 3986
 * unreserved characters kept, everything else {@code %XX}) and sorted by name then value; header
 * names are lower-cased, values trimmed, sorted by name; the payload is its hex SHA-256.
 */
final class CanonicalRequest {
  static final String ALGORITHM = "SDK-HMAC-SHA256";
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final MessageDigest SHA256_PROTOTYPE = newSha256();

  private CanonicalRequest() {}

  /**
   * Returns the canonical request.
   *
   * @param signedHeaders lower-case header names to sign, sorted, each present in {@code headers}
   * @param lowerCaseHeaders header values by lower-case name
   */
  static String build(
      String method,
      String rawPath,
      @Nullable String rawQuery,
      List<String> signedHeaders,
      Map<String, String> lowerCaseHeaders,
      byte @Nullable [] body) {
    StringBuilder s = new StringBuilder(256);
    s.append(method).append('\n');
    appendPath(s, rawPath);
    s.append('\n');
    appendQuery(s, rawQuery);
    s.append('\n');
    for (String name : signedHeaders) {
      String value = lowerCaseHeaders.get(name);
      s.append(name).append(':').append(value == null ? "" : value.trim()).append('\n');
    }
    s.append('\n');
    appendSignedHeaders(s, signedHeaders);
    s.append('\n');
    s.append(body == null || body.length == 0 ? EMPTY_SHA256 : hex(sha256(body)));
    return s.toString();
  }

  static String stringToSign(String sdkDate, String canonicalRequest) {
    return ALGORITHM
        + "\n"
        + sdkDate
        + "\n"
        + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
  }

  static void appendSignedHeaders(StringBuilder s, List<String> signedHeaders) {
    for (int i = 0; i < signedHeaders.size(); i++) {
      if (i > 0) {
        s.append(';');
      }
      s.append(signedHeaders.get(i));
    }
  }

  private static void appendPath(StringBuilder s, String rawPath) {
    if (rawPath.isEmpty()) {
      s.append('/');
      return;
    }
    int start = 0;
    while (start <= rawPath.length()) {
      int slash = rawPath.indexOf('/', start);
      int end = slash < 0 ? rawPath.length() : slash;
      PercentEncoding.append(s, rawPath.substring(start, end));
      if (slash < 0) {
        break;
      }
      s.append('/');
      start = slash + 1;
    }
    if (s.charAt(s.length() - 1) != '/') {
      s.append('/');
    }
  }

  private static void appendQuery(StringBuilder s, @Nullable String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return;
    }
    List<String[]> pairs = new ArrayList<>();
    for (String part : rawQuery.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String name = eq < 0 ? part : part.substring(0, eq);
      String value = eq < 0 ? "" : part.substring(eq + 1);
      pairs.add(
          new String[] {
            PercentEncoding.encode(PercentEncoding.decode(name)),
            PercentEncoding.encode(PercentEncoding.decode(value))
          });
    }
    pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    for (int i = 0; i < pairs.size(); i++) {
      if (i > 0) {
        s.append('&');
      }
      s.append(pairs.get(i)[0]).append('=').append(pairs.get(i)[1]);
    }
  }

  static byte[] sha256(byte[] data) {
    MessageDigest digest;
    try {
      digest = (MessageDigest) SHA256_PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      digest = newSha256();
    }
    return digest.digest(data);
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JRE", e);
    }
  }

  static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[bytes[i] & 0xF];
    }
    return new String(out);
  }
}
