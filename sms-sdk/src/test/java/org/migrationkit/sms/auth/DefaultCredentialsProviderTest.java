package org.migrationkit.sms.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationkit.sms.SmsClientException;

/** The chain's order, its environment step and the message when nothing is found. */
class DefaultCredentialsProviderTest {
  @TempDir Path home;

  private DefaultCredentialsProvider provider(Map<String, String> environment) {
    return DefaultCredentialsProvider.builder()
        .environment(environment)
        .homeDirectory(home)
        .build();
  }

  private Path writeProfile(String text) throws IOException {
    Path file = Files.createDirectories(home.resolve(".huaweicloud")).resolve("credentials");
    Files.writeString(file, text);
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
    return file;
  }

  @Test
  void resolveCredentials_huaweicloudVariables_allFourUsed() {
    Map<String, String> environment =
        Map.of(
            "HUAWEICLOUD_SDK_AK", "ENVAK",
            "HUAWEICLOUD_SDK_SK", "ENVSK",
            "HUAWEICLOUD_SDK_SECURITY_TOKEN", "ENVTOKEN",
            "HUAWEICLOUD_SDK_DOMAIN_ID", "ENVDOMAIN");

    assertThat(provider(environment).resolveCredentials())
        .isEqualTo(
            Credentials.akSk("ENVAK", "ENVSK")
                .withSecurityToken("ENVTOKEN")
                .withDomainId("ENVDOMAIN"));
  }

  @Test
  void resolveCredentials_cloudSdkVariables_usedWhenHuaweicloudOnesUnset() {
    Map<String, String> environment =
        Map.of(
            "CLOUD_SDK_AK", "CLOUDAK",
            "CLOUD_SDK_SK", "CLOUDSK",
            "HUAWEICLOUD_SDK_DOMAIN_ID", "ENVDOMAIN");

    assertThat(provider(environment).resolveCredentials())
        .isEqualTo(Credentials.akSk("CLOUDAK", "CLOUDSK").withDomainId("ENVDOMAIN"));
  }

  @Test
  void resolveCredentials_bothVariablePairs_huaweicloudPairWins() {
    Map<String, String> environment =
        Map.of(
            "HUAWEICLOUD_SDK_AK", "ENVAK",
            "HUAWEICLOUD_SDK_SK", "ENVSK",
            "CLOUD_SDK_AK", "CLOUDAK",
            "CLOUD_SDK_SK", "CLOUDSK");

    assertThat(provider(environment).resolveCredentials())
        .isEqualTo(Credentials.akSk("ENVAK", "ENVSK"));
  }

  @Test
  void resolveCredentials_environmentAndProfile_environmentWins() throws IOException {
    writeProfile("[global]\nak = FILEAK\nsk = FILESK\n");
    Map<String, String> environment =
        Map.of("HUAWEICLOUD_SDK_AK", "ENVAK", "HUAWEICLOUD_SDK_SK", "ENVSK");

    assertThat(provider(environment).resolveCredentials())
        .isEqualTo(Credentials.akSk("ENVAK", "ENVSK"));
  }

  @Test
  void resolveCredentials_accessKeyWithoutSecretKey_skipsToProfile() throws IOException {
    writeProfile("[global]\nak = FILEAK\nsk = FILESK\n");

    assertThat(provider(Map.of("HUAWEICLOUD_SDK_AK", "ENVAK")).resolveCredentials())
        .isEqualTo(Credentials.akSk("FILEAK", "FILESK"));
  }

  @Test
  void resolveCredentials_blankVariables_treatedAsUnset() {
    Map<String, String> environment = Map.of("HUAWEICLOUD_SDK_AK", "  ", "HUAWEICLOUD_SDK_SK", "");

    assertThatThrownBy(() -> provider(environment).resolveCredentials())
        .hasMessageContaining("environment (HUAWEICLOUD_SDK_AK/SK and CLOUD_SDK_AK/SK not set)");
  }

  @Test
  void resolveCredentials_nothingAnywhere_oneLineListsEveryStep() {
    Path file = home.resolve(".huaweicloud").resolve("credentials");

    assertThatThrownBy(() -> provider(Map.of()).resolveCredentials())
        .isInstanceOf(SmsClientException.class)
        .hasMessage(
            "no credentials found: environment (HUAWEICLOUD_SDK_AK/SK and CLOUD_SDK_AK/SK not set);"
                + " profile file "
                + file
                + " (not found);"
                + " ECS metadata (disabled: set HUAWEICLOUD_SDK_METADATA_ENABLED=true)");
  }

  @Test
  void resolveCredentials_halfSetVariables_messageNamesVariablesNotValues() {
    Map<String, String> environment =
        Map.of("HUAWEICLOUD_SDK_SK", "SECRET-sk-1", "CLOUD_SDK_AK", "LONELYAK");

    assertThatThrownBy(() -> provider(environment).resolveCredentials())
        .hasMessageContaining(
            "environment (HUAWEICLOUD_SDK_SK set but HUAWEICLOUD_SDK_AK not,"
                + " CLOUD_SDK_AK set but CLOUD_SDK_SK not)")
        .message()
        .doesNotContain("SECRET")
        .doesNotContain("LONELYAK");
  }

  @Test
  void resolveCredentials_afterFirstHit_keepsCredentialsWhenFileGoes() throws IOException {
    Path file = writeProfile("[global]\nak = FILEAK\nsk = FILESK\n");
    DefaultCredentialsProvider provider = provider(Map.of());
    Credentials first = provider.resolveCredentials();

    Files.delete(file);

    assertThat(provider.resolveCredentials()).isEqualTo(first);
  }

  @Test
  void resolveCredentials_afterFailure_looksAgain() throws IOException {
    DefaultCredentialsProvider provider = provider(Map.of());
    assertThatThrownBy(provider::resolveCredentials).isInstanceOf(SmsClientException.class);

    writeProfile("[global]\nak = FILEAK\nsk = FILESK\n");

    assertThat(provider.resolveCredentials()).isEqualTo(Credentials.akSk("FILEAK", "FILESK"));
  }

  @Test
  void iamEndpoint_variableSet_winsOverProfile() throws IOException {
    writeProfile("[global]\nak = A\nsk = S\niam_endpoint = https://iam.file.example\n");
    DefaultCredentialsProvider provider =
        provider(Map.of("HUAWEICLOUD_SDK_IAM_ENDPOINT", "https://iam.env.example"));

    provider.resolveCredentials();

    assertThat(provider.iamEndpoint()).contains("https://iam.env.example");
  }

  @Test
  void iamEndpoint_profileCredentials_knownAfterResolution() throws IOException {
    writeProfile("[global]\nak = A\nsk = S\niam_endpoint = https://iam.file.example\n");
    DefaultCredentialsProvider provider = provider(Map.of());

    assertThat(provider.iamEndpoint()).isEmpty();
    provider.resolveCredentials();

    assertThat(provider.iamEndpoint()).contains("https://iam.file.example");
  }

  @Test
  void iamEndpoint_environmentCredentials_ignoreProfileEndpoint() throws IOException {
    writeProfile("[global]\nak = A\nsk = S\niam_endpoint = https://iam.file.example\n");
    DefaultCredentialsProvider provider =
        provider(Map.of("HUAWEICLOUD_SDK_AK", "ENVAK", "HUAWEICLOUD_SDK_SK", "ENVSK"));

    provider.resolveCredentials();

    assertThat(provider.iamEndpoint()).isEqualTo(Optional.empty());
  }

  @Test
  void toBuilder_keepsSettingsButNotWhatWasFound() throws IOException {
    DefaultCredentialsProvider original = provider(Map.of());
    assertThatThrownBy(original::resolveCredentials).isInstanceOf(SmsClientException.class);
    writeProfile("[prod]\nak = PRODAK\nsk = PRODSK\n");

    DefaultCredentialsProvider copy = original.toBuilder().profile("prod").build();

    assertThat(copy.resolveCredentials()).isEqualTo(Credentials.akSk("PRODAK", "PRODSK"));
  }

  @Test
  void toString_afterResolution_namesSourceWithoutSecret() {
    DefaultCredentialsProvider provider =
        provider(Map.of("HUAWEICLOUD_SDK_AK", "ENVAK", "HUAWEICLOUD_SDK_SK", "SECRET-sk-2"));

    provider.resolveCredentials();

    assertThat(provider.toString())
        .isEqualTo("DefaultCredentialsProvider{from environment (HUAWEICLOUD_SDK_AK)}");
  }

  @Test
  void builder_metadataEndpointNotHttp_rejected() {
    assertThatThrownBy(() -> DefaultCredentialsProvider.builder().metadataEndpoint("ftp://x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metadataEndpoint must be an http or https URL with a host: ftp://x");
  }

  @Test
  void builder_blankProfile_rejected() {
    assertThatThrownBy(() -> DefaultCredentialsProvider.builder().profile(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("profile must not be blank");
  }
}
