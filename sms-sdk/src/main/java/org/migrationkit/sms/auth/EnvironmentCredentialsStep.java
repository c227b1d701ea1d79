package org.migrationkit.sms.auth;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Step 1: {@code HUAWEICLOUD_SDK_AK}/{@code _SK}, else {@code CLOUD_SDK_AK}/{@code _SK} (the names
 * the service's API pages use in their samples); a security token and domain id apply to either.
 */
final class EnvironmentCredentialsStep implements CredentialsStep {
  static final String AK = "HUAWEICLOUD_SDK_AK";
  static final String SK = "HUAWEICLOUD_SDK_SK";
  static final String SECURITY_TOKEN = "HUAWEICLOUD_SDK_SECURITY_TOKEN";
  static final String DOMAIN_ID = "HUAWEICLOUD_SDK_DOMAIN_ID";
  static final String CLOUD_SDK_AK = "CLOUD_SDK_AK";
  static final String CLOUD_SDK_SK = "CLOUD_SDK_SK";

  private final Map<String, String> environment;

  EnvironmentCredentialsStep(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public @Nullable Found find(List<String> whyNot) {
    Found found = pair(AK, SK);
    if (found == null) {
      found = pair(CLOUD_SDK_AK, CLOUD_SDK_SK);
    }
    if (found == null) {
      whyNot.add("environment (" + whyNoPair() + ")");
    }
    return found;
  }

  private @Nullable Found pair(String akName, String skName) {
    String ak = DefaultCredentialsProvider.text(environment, akName);
    String sk = DefaultCredentialsProvider.text(environment, skName);
    if (ak == null || sk == null) {
      return null;
    }
    Credentials credentials = Credentials.akSk(ak, sk);
    String securityToken = DefaultCredentialsProvider.text(environment, SECURITY_TOKEN);
    if (securityToken != null) {
      credentials = credentials.withSecurityToken(securityToken);
    }
    String domainId = DefaultCredentialsProvider.text(environment, DOMAIN_ID);
    if (domainId != null) {
      credentials = credentials.withDomainId(domainId);
    }
    Credentials fixed = credentials;
    return new Found(() -> fixed, null, "environment (" + akName + ")");
  }

  private String whyNoPair() {
    String huaweicloud = whyNot(AK, SK);
    String cloudSdk = whyNot(CLOUD_SDK_AK, CLOUD_SDK_SK);
    if (huaweicloud == null && cloudSdk == null) {
      return AK + "/SK and " + CLOUD_SDK_AK + "/SK not set";
    }
    return (huaweicloud == null ? AK + "/SK not set" : huaweicloud)
        + ", "
        + (cloudSdk == null ? CLOUD_SDK_AK + "/SK not set" : cloudSdk);
  }

  /** Describes a pair of which only one name is set, or returns null when neither is. */
  private @Nullable String whyNot(String akName, String skName) {
    boolean hasAk = DefaultCredentialsProvider.text(environment, akName) != null;
    boolean hasSk = DefaultCredentialsProvider.text(environment, skName) != null;
    if (!hasAk && !hasSk) {
      return null;
    }
    return hasAk ? akName + " set but " + skName + " not" : skName + " set but " + akName + " not";
  }
}
