package org.migrationkit.sms.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Passwords, passphrases and private keys (the fields marked {@code secret} in the API description)
 * never show in {@code toString()}, which logs and assertion messages print; {@code toJson()} still
 * carries them, since the service needs them.
 */
class SecretFieldsToStringTest {
  private static final String SECRET = "Pa55-w0rd-that-must-not-leak";

  @Test
  void templatePassword_maskedInTheModelAndInTheRequestsThatCarryIt() {
    TemplateRequest template = TemplateRequest.builder().name("t-1").targetPassword(SECRET).build();
    CreateTemplateRequest create = CreateTemplateRequest.builder().template(template).build();
    TemplateResponseBody shown =
        TemplateResponseBody.builder().id("t-1").targetPassword(SECRET).build();

    assertThat(template.toString())
        .contains("name=t-1", "targetPassword=****")
        .doesNotContain(SECRET);
    assertThat(create.toString()).contains("targetPassword=****").doesNotContain(SECRET);
    assertThat(shown.toString()).contains("targetPassword=****").doesNotContain(SECRET);
    assertThat(template.toJson()).contains(SECRET);
  }

  @Test
  void passphraseTargetPasswordAndPrivateKeys_masked() {
    String passphrase =
        ShowPassphraseResponse.builder().taskId("task-1").passphrase(SECRET).build().toString();
    String password =
        ShowTargetPasswordResponse.builder()
            .templateId("t-1")
            .targetPassword(SECRET)
            .build()
            .toString();
    String keys =
        ShowCertKeyResponse.builder()
            .cert("CERT")
            .privateKey(SECRET + "-1")
            .targetMgmtPrivateKey(SECRET + "-2")
            .targetDataPrivateKey(SECRET + "-3")
            .build()
            .toString();

    assertThat(passphrase).contains("taskId=task-1", "passphrase=****").doesNotContain(SECRET);
    assertThat(password).contains("templateId=t-1").doesNotContain(SECRET);
    assertThat(keys).contains("cert=CERT", "privateKey=****").doesNotContain(SECRET);
  }

  @Test
  void unsetSecret_notListed() {
    assertThat(TemplateRequest.builder().name("t-1").build().toString())
        .doesNotContain("targetPassword");
  }
}
