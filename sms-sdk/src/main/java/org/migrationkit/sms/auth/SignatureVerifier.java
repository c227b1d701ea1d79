package org.migrationkit.sms.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Checks requests the way Huawei Cloud's API gateway does: an SDK-HMAC-SHA256 signature by a known
 * access key, made within the allowed clock skew, or a known {@code X-Auth-Token}.
 *
 * <pre>{@code
 * SignatureVerifier verifier = SignatureVerifier.create(List.of(credentials), Clock.systemUTC());
 * SignatureVerifier.Result result =
 *     verifier.verify("GET", rawPath, rawQuery, name -> headers.getFirst(name), body);
 * if (!result.isValid()) { reply401(result.reason()); }
 * }</pre>
 *
 * <p>Shares its canonical form with {@link AkSkSigner}. Like the gateway, it canonicalises the
 * received path decoded: each segment is then percent-encoded once, which is what the official
 * client signs. Immutable and thread-safe.
 */
public final class SignatureVerifier {
  /** The gateway's allowance between the signing time and its own clock. */
  public static final Duration DEFAULT_MAX_SKEW = Duration.ofMinutes(15);

  private final List<Credentials> accepted;
  private final Map<String, Credentials> byAccessKey = new HashMap<>();
  private final List<Credentials> tokens;
  private final Clock clock;
  private final Duration maxSkew;

  private SignatureVerifier(List<Credentials> accepted, Clock clock, Duration maxSkew) {
    this.accepted = accepted;
    for (Credentials c : accepted) {
      if (c.isAkSk()) {
        byAccessKey.put(c.getAccessKey(), c);
      }
    }
    this.tokens = accepted.stream().filter(c -> !c.isAkSk()).toList();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxSkew = Objects.requireNonNull(maxSkew, "maxSkew");
  }

  /**
   * {@return a verifier accepting the given credentials, with the gateway's 15-minute skew}
   *
   * @param accepted the credentials whose signatures and tokens are accepted
   * @param clock the clock to compare {@code X-Sdk-Date} with
   */
  public static SignatureVerifier create(List<Credentials> accepted, Clock clock) {
    return new SignatureVerifier(List.copyOf(accepted), clock, DEFAULT_MAX_SKEW);
  }

  /**
   * {@return a copy that allows {@code maxSkew} between signing time and this verifier's clock}
   *
   * @param maxSkew the largest difference allowed, either way
   */
  public SignatureVerifier withMaxSkew(Duration maxSkew) {
    return new SignatureVerifier(accepted, clock, maxSkew);
  }

  /**
   * Verifies one request.
   *
   * @param rawPath the path as received, still percent-encoded; it is decoded before it is
   *     canonicalised, as the gateway does (see the class comment)
   * @param rawQuery the query as received, or {@code null}
   * @param header looks a header up by name, case-insensitively; {@code null} when absent
   * @param method the HTTP method
   * @param body the request body, empty for none
   * @return the verdict: the credentials that matched, or why the request was rejected
   */
  public Result verify(
      String method,
      String rawPath,
      @Nullable String rawQuery,
      Function<String, @Nullable String> header,
      byte @Nullable [] body) {
    String token = header.apply("X-Auth-Token");
    if (token != null) {
      for (Credentials c : tokens) {
        if (MessageDigest.isEqual(bytes(c.authToken()), bytes(token))) {
          return Result.valid(c);
        }
      }
      return Result.invalid("the X-Auth-Token is not valid");
    }
    String authorization = header.apply("Authorization");
    if (authorization == null) {
      return Result.invalid("the request has neither Authorization nor X-Auth-Token");
    }
    Map<String, String> parts = parseAuthorization(authorization);
    if (parts == null) {
      return Result.invalid("the Authorization header is not SDK-HMAC-SHA256");
    }
    Credentials credentials = byAccessKey.get(parts.get("Access"));
    if (credentials == null) {
      return Result.invalid("the access key is not known");
    }
    List<String> signedHeaders = Arrays.asList(parts.get("SignedHeaders").split(";"));
    if (!signedHeaders.contains("host") || !signedHeaders.contains("x-sdk-date")) {
      return Result.invalid("host and x-sdk-date must be signed");
    }
    String date = header.apply(AkSkSigner.X_SDK_DATE);
    Instant signedAt;
    try {
      signedAt = AkSkSigner.SDK_DATE.parse(date == null ? "" : date, Instant::from);
    } catch (DateTimeParseException e) {
      return Result.invalid("X-Sdk-Date is missing or not yyyyMMdd'T'HHmmss'Z'");
    }
    if (Duration.between(signedAt, clock.instant()).abs().compareTo(maxSkew) > 0) {
      return Result.invalid(
          "the signature expired: X-Sdk-Date "
              + date
              + " is more than "
              + maxSkew.toMinutes()
              + " minutes from the server time");
    }
    String securityToken = header.apply("X-Security-Token");
    if (credentials.securityToken() != null
        && (securityToken == null
            || !signedHeaders.contains("x-security-token")
            || !MessageDigest.isEqual(bytes(securityToken), bytes(credentials.securityToken())))) {
      return Result.invalid("the security token is missing, unsigned or not valid");
    }
    Map<String, String> lower = new HashMap<>();
    for (String name : signedHeaders) {
      String value = header.apply(name);
      if (value == null) {
        return Result.invalid("the signed header " + name + " is missing");
      }
      lower.put(name, value);
    }
    List<String> sorted = signedHeaders.stream().sorted().toList();
    AkSkSigner.Signature expected =
        AkSkSigner.signature(
            method, AkSkSigner.signedPath(rawPath), rawQuery, sorted, lower, body, credentials);
    if (!MessageDigest.isEqual(bytes(expected.signatureHex), bytes(parts.get("Signature")))) {
      return Result.invalid("the signature does not match the request");
    }
    return Result.valid(credentials);
  }

  private static byte[] bytes(@Nullable String s) {
    return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
  }

  private static @Nullable Map<String, String> parseAuthorization(String authorization) {
    String prefix = CanonicalRequest.ALGORITHM + " ";
    if (!authorization.startsWith(prefix)) {
      return null;
    }
    Map<String, String> parts = new HashMap<>();
    for (String part : authorization.substring(prefix.length()).split(",")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
      }
    }
    boolean complete =
        parts.containsKey("Access")
            && parts.containsKey("SignedHeaders")
            && parts.containsKey("Signature");
    return complete ? parts : null;
  }

  /** The verdict on one request: valid with the credentials that signed it, or why not. */
  public static final class Result {
    private final @Nullable Credentials credentials;
    private final String reason;

    private Result(@Nullable Credentials credentials, String reason) {
      this.credentials = credentials;
      this.reason = reason;
    }

    static Result valid(Credentials credentials) {
      return new Result(credentials, "valid");
    }

    static Result invalid(String reason) {
      return new Result(null, reason);
    }

    /** {@return whether the request is authenticated} */
    public boolean isValid() {
      return credentials != null;
    }

    /** {@return {@code "valid"}, or why the request was rejected (no secret values)} */
    public String reason() {
      return reason;
    }

    /** {@return the credentials that authenticated the request, or {@code null}} */
    public @Nullable Credentials credentials() {
      return credentials;
    }

    @Override
    public String toString() {
      return isValid() ? "valid (" + credentials + ")" : "invalid: " + reason;
    }
  }
}
