package org.migrationkit.sms.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Credentials: refused when incomplete, and never showing a secret. */
class CredentialsTest {
  private static final String AK = "HPUA6QWERTYASDF1234Z";
  private static final String SK = "s3cr3tK3yExample0123456789abcdefghijklmno";
  private static final String DOMAIN_ID = "0970dd7a1300f5672ff2c003c60ae115";
  private static final String SECURITY_TOKEN = "gQpjbi1ub3J0aC00RjQ0c2VjdXJpdHlUb2tlbg==";
  private static final String X_AUTH_TOKEN = "MIIZ-iam-token-0123456789abcdefghijklmnop";

  // ---- refused values, each naming its parameter ----

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " ", "\t\n"})
  void akSk_missingAccessKey_namesAccessKey(String accessKey) {
    assertThatThrownBy(() -> Credentials.akSk(accessKey, SK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("accessKey");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " ", "\t\n"})
  void akSk_missingSecretKey_namesSecretKey(String secretKey) {
    assertThatThrownBy(() -> Credentials.akSk(AK, secretKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("secretKey");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void token_missingToken_namesXAuthToken(String token) {
    assertThatThrownBy(() -> Credentials.token(token))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("xAuthToken");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void withDomainId_missingDomainId_namesDomainId(String domainId) {
    assertThatThrownBy(() -> Credentials.akSk(AK, SK).withDomainId(domainId))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("domainId");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void withSecurityToken_missingToken_namesSecurityToken(String securityToken) {
    assertThatThrownBy(() -> Credentials.akSk(AK, SK).withSecurityToken(securityToken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("securityToken");
  }

  @Test
  void withDomainId_onTokenCredentials_isIllegalState() {
    assertThatThrownBy(() -> Credentials.token(X_AUTH_TOKEN).withDomainId(DOMAIN_ID))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("withDomainId");
  }

  @Test
  void withSecurityToken_onTokenCredentials_isIllegalState() {
    assertThatThrownBy(() -> Credentials.token(X_AUTH_TOKEN).withSecurityToken(SECURITY_TOKEN))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("withSecurityToken");
  }

  @Test
  void refusal_neverQuotesTheOtherSecret() {
    assertThatThrownBy(() -> Credentials.akSk(" ", SK)).message().doesNotContain(SK);
  }

  // ---- what they hold ----

  @Test
  void akSk_keepsAccessKeyAndDomainId() {
    Credentials credentials = Credentials.akSk(AK, SK).withDomainId(DOMAIN_ID);

    assertThat(credentials.isAkSk()).isTrue();
    assertThat(credentials.getAccessKey()).isEqualTo(AK);
    assertThat(credentials.getDomainId()).isEqualTo(DOMAIN_ID);
    assertThat(credentials.hasSecurityToken()).isFalse();
  }

  @Test
  void withSecurityToken_keepsDomainIdAndMarksTemporary() {
    Credentials credentials =
        Credentials.akSk(AK, SK).withDomainId(DOMAIN_ID).withSecurityToken(SECURITY_TOKEN);

    assertThat(credentials.getDomainId()).isEqualTo(DOMAIN_ID);
    assertThat(credentials.hasSecurityToken()).isTrue();
  }

  @Test
  void token_isNotAkSk() {
    Credentials credentials = Credentials.token(X_AUTH_TOKEN);

    assertThat(credentials.isAkSk()).isFalse();
    assertThat(credentials.getAccessKey()).isNull();
    assertThat(credentials.getDomainId()).isNull();
  }

  @Test
  void equals_sameKeys_areEqualWithEqualHashCodes() {
    Credentials a = Credentials.akSk(AK, SK).withDomainId(DOMAIN_ID);
    Credentials b = Credentials.akSk(AK, SK).withDomainId(DOMAIN_ID);

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
  }

  @Test
  void equals_differentSecretKeys_areNotEqual() {
    assertThat(Credentials.akSk(AK, SK)).isNotEqualTo(Credentials.akSk(AK, SK + "x"));
  }

  // ---- toString shows no secret ----

  @Test
  void toString_akSk_showsNoSecretKey() {
    String shown = Credentials.akSk(AK, SK).toString();

    assertThat(shown).doesNotContain(SK).doesNotContain(AK);
  }

  @Test
  void toString_temporaryAkSk_showsNoSecretKeyNorSecurityToken() {
    String shown =
        Credentials.akSk(AK, SK)
            .withDomainId(DOMAIN_ID)
            .withSecurityToken(SECURITY_TOKEN)
            .toString();

    assertThat(shown).doesNotContain(SK).doesNotContain(SECURITY_TOKEN).contains(DOMAIN_ID);
  }

  @Test
  void toString_token_showsNoToken() {
    assertThat(Credentials.token(X_AUTH_TOKEN).toString()).doesNotContain(X_AUTH_TOKEN);
  }

  @Test
  void toString_shortAccessKey_isFullyMasked() {
    assertThat(Credentials.akSk("AK123", SK).toString()).doesNotContain("AK123");
  }
}
