package org.migrationkit.sms.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.internal.Secrets;

/**
 * How a client proves who it is: an access key pair (AK/SK, signed with SDK-HMAC-SHA256) or an IAM
 * token sent as {@code X-Auth-Token}.
 *
 * <pre>{@code
 * Credentials permanent = Credentials.akSk(ak, sk).withDomainId(domainId);
 * Credentials temporary = Credentials.akSk(ak, sk).withSecurityToken(securityToken);
 * Credentials token = Credentials.token(xAuthToken);
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows the kind, a masked access key and the
 * domain id, never the secret key or a token.
 */
public final class Credentials {
  private final @Nullable String accessKey;
  private final @Nullable String secretKey;
  private final @Nullable String securityToken;
  private final @Nullable String domainId;
  private final @Nullable String authToken;
  private volatile @Nullable Mac macPrototype;

  private Credentials(
      @Nullable String accessKey,
      @Nullable String secretKey,
      @Nullable String securityToken,
      @Nullable String domainId,
      @Nullable String authToken) {
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.securityToken = securityToken;
    this.domainId = domainId;
    this.authToken = authToken;
  }

  /**
   * {@return permanent AK/SK credentials; requests are signed with SDK-HMAC-SHA256}
   *
   * @param accessKey the access key id (AK)
   * @param secretKey the secret access key (SK); kept inside, never printed
   * @throws IllegalArgumentException when either key is null or blank
   */
  public static Credentials akSk(String accessKey, String secretKey) {
    return new Credentials(
        requireText(accessKey, "accessKey"), requireText(secretKey, "secretKey"), null, null, null);
  }

  /**
   * {@return token credentials: each request carries the IAM token in {@code X-Auth-Token} and is
   * not signed}
   *
   * @param xAuthToken an IAM token
   * @throws IllegalArgumentException when the token is null or blank
   */
  public static Credentials token(String xAuthToken) {
    return new Credentials(null, null, null, null, requireText(xAuthToken, "xAuthToken"));
  }

  /**
   * {@return a copy that sends and signs {@code X-Domain-Id}, the account (domain) id}
   *
   * @param domainId the account (domain) id
   */
  public Credentials withDomainId(String domainId) {
    requireAkSk("withDomainId");
    return new Credentials(
        accessKey, secretKey, securityToken, requireText(domainId, "domainId"), null);
  }

  /**
   * {@return a copy for temporary AK/SK: requests also send and sign {@code X-Security-Token}}
   *
   * @param securityToken the security token of temporary credentials; kept inside, never printed
   */
  public Credentials withSecurityToken(String securityToken) {
    requireAkSk("withSecurityToken");
    return new Credentials(
        accessKey, secretKey, requireText(securityToken, "securityToken"), domainId, null);
  }

  /** {@return whether these are AK/SK credentials (otherwise they are a token)} */
  public boolean isAkSk() {
    return accessKey != null;
  }

  /** {@return the access key (AK), or {@code null} for token credentials} Not a secret. */
  public @Nullable String getAccessKey() {
    return accessKey;
  }

  /** {@return the domain (account) id sent as {@code X-Domain-Id}, or {@code null}} */
  public @Nullable String getDomainId() {
    return domainId;
  }

  /**
   * {@return whether a security token is set (temporary credentials); the token itself stays
   * inside}
   */
  public boolean hasSecurityToken() {
    return securityToken != null;
  }

  @Nullable String secretKey() {
    return secretKey;
  }

  /**
   * Returns a new HMAC-SHA256 keyed with the secret key. The keyed prototype is made once and
   * cloned per signature: looking the algorithm up and keying it cost more than signing.
   */
  Mac newMac() {
    Mac prototype = macPrototype;
    if (prototype == null) {
      prototype = keyedMac();
      macPrototype = prototype;
    }
    try {
      return (Mac) prototype.clone();
    } catch (CloneNotSupportedException e) {
      return keyedMac();
    }
  }

  private Mac keyedMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JRE", e);
    }
  }

  @Nullable String securityToken() {
    return securityToken;
  }

  @Nullable String authToken() {
    return authToken;
  }

  private void requireAkSk(String method) {
    if (!isAkSk()) {
      throw new IllegalStateException(method + " applies to AK/SK credentials, not to a token");
    }
  }

  private static String requireText(@Nullable String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be null or blank");
    }
    String text = value.strip();
    if (!name.equals("secretKey")) {
      // these travel in HTTP headers: refuse here, where the message can leave the value out
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c < 0x20 || c > 0x7e) {
          throw new IllegalArgumentException(
              name
                  + " has a character that cannot be sent in an HTTP header at index "
                  + i
                  + " (a stray character from copying it?)");
        }
      }
    }
    return text;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof Credentials)) {
      return false;
    }
    Credentials that = (Credentials) o;
    return Objects.equals(accessKey, that.accessKey)
        && Objects.equals(secretKey, that.secretKey)
        && Objects.equals(securityToken, that.securityToken)
        && Objects.equals(domainId, that.domainId)
        && Objects.equals(authToken, that.authToken);
  }

  @Override
  public int hashCode() {
    return Objects.hash(accessKey, domainId, authToken == null);
  }

  @Override
  public String toString() {
    if (accessKey == null) {
      return "Credentials{token}";
    }
    return "Credentials{akSk, accessKey="
        + Secrets.maskAccessKey(accessKey)
        + (domainId != null ? ", domainId=" + domainId : "")
        + (securityToken != null ? ", temporary" : "")
        + "}";
  }
}
