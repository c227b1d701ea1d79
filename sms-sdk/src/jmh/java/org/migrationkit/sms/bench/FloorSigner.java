package org.migrationkit.sms.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The least SDK-HMAC-SHA256 signer that the gateway accepts for a body-less GET without a query: it
 * signs {@code host}, {@code x-domain-id} and {@code x-sdk-date}, the same headers our client
 * signs. Part of the floor client; knows nothing of percent-encoding, queries, bodies or tokens.
 *
 * <pre>{@code
 * FloorSigner.Signed s = FloorSigner.signGet("127.0.0.1:8080", "/v3/tasks/abc", ak, sk, domainId);
 * request.header("X-Sdk-Date", s.date()).header("Authorization", s.authorization());
 * }</pre>
 */
public final class FloorSigner {
  private static final DateTimeFormatter SDK_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String EMPTY_BODY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final String SIGNED_HEADERS = "host;x-domain-id;x-sdk-date";
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private FloorSigner() {}

  /** The two headers a signed request adds besides {@code X-Domain-Id}. */
  public record Signed(String date, String authorization) {}

  /**
   * Signs {@code GET path} now.
   *
   * @param host the {@code Host} header as sent: host, and {@code :port} unless it is the default
   * @param path an already-encoded path without query
   */
  public static Signed signGet(String host, String path, String ak, String sk, String domainId) {
    String date = SDK_DATE.format(Instant.now());
    String canonical =
        "GET\n"
            + path
            + (path.endsWith("/") ? "" : "/")
            + "\n\nhost:"
            + host
            + "\nx-domain-id:"
            + domainId
            + "\nx-sdk-date:"
            + date
            + "\n\n"
            + SIGNED_HEADERS
            + "\n"
            + EMPTY_BODY_SHA256;
    try {
      byte[] canonicalHash =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      String stringToSign = "SDK-HMAC-SHA256\n" + date + "\n" + hex(canonicalHash);
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(sk.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String signature = hex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
      return new Signed(
          date,
          "SDK-HMAC-SHA256 Access="
              + ak
              + ", SignedHeaders="
              + SIGNED_HEADERS
              + ", Signature="
              + signature);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 and HmacSHA256 are required of every JRE", e);
    }
  }

  private static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[bytes[i] & 0xF];
    }
    return new String(out);
  }
}
