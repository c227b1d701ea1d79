package org.migrationkit.sms.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
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

  /** Returns the canonical request; {@code headers} sorted by name. */
  static String build(
      String method,
      String rawPath,
      @Nullable String rawQuery,
      SignedHeaders headers,
      byte @Nullable [] body) {
    StringBuilder s = new StringBuilder(256);
    s.append(method).append('\n');
    appendPath(s, rawPath);
    s.append('\n');
    appendQuery(s, rawQuery);
    s.append('\n');
    for (int i = 0; i < headers.size(); i++) {
      s.append(headers.name(i)).append(':').append(headers.value(i).trim()).append('\n');
    }
    s.append('\n');
    appendSignedHeaders(s, headers);
    s.append('\n');
    if (body == null || body.length == 0) {
      s.append(EMPTY_SHA256);
    } else {
      appendHex(s, sha256(body));
    }
    return s.toString();
  }

  static String stringToSign(String sdkDate, String canonicalRequest) {
    StringBuilder s = new StringBuilder(ALGORITHM.length() + sdkDate.length() + 66);
    s.append(ALGORITHM).append('\n').append(sdkDate).append('\n');
    appendHex(s, sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    return s.toString();
  }

  /** Appends the header names, {@code ;}-separated: the {@code SignedHeaders} value. */
  static void appendSignedHeaders(StringBuilder s, SignedHeaders headers) {
    for (int i = 0; i < headers.size(); i++) {
      if (i > 0) {
        s.append(';');
      }
      s.append(headers.name(i));
    }
  }

  private static void appendPath(StringBuilder s, String rawPath) {
    if (rawPath.isEmpty()) {
      s.append('/');
      return;
    }
    int start = 0;
    while (true) {
      int slash = rawPath.indexOf('/', start);
      int end = slash < 0 ? rawPath.length() : slash;
      PercentEncoding.append(s, rawPath, start, end);
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
    StringBuilder s = new StringBuilder(bytes.length * 2);
    appendHex(s, bytes);
    return s.toString();
  }

  static void appendHex(StringBuilder s, byte[] bytes) {
    for (byte b : bytes) {
      s.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }
  }
}
