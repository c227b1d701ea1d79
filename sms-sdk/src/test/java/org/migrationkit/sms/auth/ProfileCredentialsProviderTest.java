package org.migrationkit.sms.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationkit.sms.SmsClientException;

/** The profile-file step of {@link DefaultCredentialsProvider}. */
class ProfileCredentialsProviderTest {
  @TempDir Path home;

  private DefaultCredentialsProvider provider(Map<String, String> environment) {
    return DefaultCredentialsProvider.builder()
        .environment(environment)
        .homeDirectory(home)
        .build();
  }

  private Path defaultFile() {
    return home.resolve(".huaweicloud").resolve("credentials");
  }

  private Path write(Path file, String text, String permissions) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, UTF_8);
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    }
    return file;
  }

  private Path writeProfile(String text) throws IOException {
    return write(defaultFile(), text, "rw-------");
  }

  /** Runs {@code action} and returns what it wrote to System.err, where slf4j-simple logs. */
  private static String standardErrorOf(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(UTF_8);
  }

  @Test
  void profile_globalSection_used() throws IOException {
    writeProfile("[global]\nak = GLOBALAK\nsk = GLOBALSK\n");

    assertThat(provider(Map.of()).resolveCredentials())
        .isEqualTo(Credentials.akSk("GLOBALAK", "GLOBALSK"));
  }

  @Test
  void profile_globalcredentialsSection_used() throws IOException {
    writeProfile("[globalcredentials]\nak = GCAK\nsk = GCSK\n");

    assertThat(provider(Map.of()).resolveCredentials()).isEqualTo(Credentials.akSk("GCAK", "GCSK"));
  }

  @Test
  void profile_bothSections_globalWins() throws IOException {
    writeProfile(
        "[globalcredentials]\nak = GCAK\nsk = GCSK\n[global]\nak = GLOBALAK\nsk = GLOBALSK\n");

    assertThat(provider(Map.of()).resolveCredentials())
        .isEqualTo(Credentials.akSk("GLOBALAK", "GLOBALSK"));
  }

  @Test
  void profile_incompleteGlobal_fallsBackToGlobalcredentials() throws IOException {
    writeProfile("[global]\nak = GLOBALAK\n[globalcredentials]\nak = GCAK\nsk = GCSK\n");

    assertThat(provider(Map.of()).resolveCredentials()).isEqualTo(Credentials.akSk("GCAK", "GCSK"));
  }

  @Test
  void profile_noUsableSection_messageSaysWhatIsMissing() throws IOException {
    writeProfile("[global]\nak = GLOBALAK\nsk =\n[other]\nak = OAK\nsk = OSK\n");

    assertThatThrownBy(() -> provider(Map.of()).resolveCredentials())
        .hasMessageContaining(
            "profile file "
                + defaultFile()
                + " ([global] has no sk, no [globalcredentials] section)");
  }

  @Test
  void profile_namedByBuilder_readsOnlyThatSection() throws IOException {
    writeProfile("[global]\nak = GLOBALAK\nsk = GLOBALSK\n[prod]\nak = PRODAK\nsk = PRODSK\n");
    DefaultCredentialsProvider provider =
        DefaultCredentialsProvider.builder()
            .environment(Map.of())
            .homeDirectory(home)
            .profile("prod")
            .build();

    assertThat(provider.resolveCredentials()).isEqualTo(Credentials.akSk("PRODAK", "PRODSK"));
  }

  @Test
  void profile_namedByEnvironment_readsOnlyThatSection() throws IOException {
    writeProfile("[global]\nak = GLOBALAK\nsk = GLOBALSK\n[prod]\nak = PRODAK\nsk = PRODSK\n");

    assertThat(provider(Map.of("HUAWEICLOUD_SDK_PROFILE", "prod")).resolveCredentials())
        .isEqualTo(Credentials.akSk("PRODAK", "PRODSK"));
  }

  @Test
  void profile_namedByBuilderAndEnvironment_builderWins() throws IOException {
    writeProfile("[test]\nak = TESTAK\nsk = TESTSK\n[prod]\nak = PRODAK\nsk = PRODSK\n");
    DefaultCredentialsProvider provider =
        DefaultCredentialsProvider.builder()
            .environment(Map.of("HUAWEICLOUD_SDK_PROFILE", "test"))
            .homeDirectory(home)
            .profile("prod")
            .build();

    assertThat(provider.resolveCredentials()).isEqualTo(Credentials.akSk("PRODAK", "PRODSK"));
  }

  @Test
  void profile_namedSectionMissing_noFallBackToGlobal() throws IOException {
    writeProfile("[global]\nak = GLOBALAK\nsk = GLOBALSK\n");

    assertThatThrownBy(
            () -> provider(Map.of("HUAWEICLOUD_SDK_PROFILE", "prod")).resolveCredentials())
        .isInstanceOf(SmsClientException.class)
        .hasMessageContaining("profile file " + defaultFile() + " (no [prod] section)");
  }

  @Test
  void profile_fileNamedByEnvironment_replacesDefaultFile() throws IOException {
    writeProfile("[global]\nak = DEFAULTAK\nsk = DEFAULTSK\n");
    Path other =
        write(home.resolve("elsewhere.ini"), "[global]\nak = OTHERAK\nsk = OTHERSK\n", "rw-------");

    assertThat(
            provider(Map.of("HUAWEICLOUD_SDK_CREDENTIALS_FILE", other.toString()))
                .resolveCredentials())
        .isEqualTo(Credentials.akSk("OTHERAK", "OTHERSK"));
  }

  @Test
  void profile_fileNamedByEnvironmentMissing_messageNamesIt() {
    Path missing = home.resolve("missing.ini");

    assertThatThrownBy(
            () ->
                provider(Map.of("HUAWEICLOUD_SDK_CREDENTIALS_FILE", missing.toString()))
                    .resolveCredentials())
        .hasMessageContaining("profile file " + missing + " (not found)");
  }

  @Test
  void profile_securityTokenDomainIdAndIamEndpoint_allRead() throws IOException {
    writeProfile(
        "[global]\nak = AK\nsk = SK\nsecurity_token = STOKEN\ndomain_id = DOMAIN\n"
            + "iam_endpoint = https://iam.example\n");
    DefaultCredentialsProvider provider = provider(Map.of());

    assertThat(provider.resolveCredentials())
        .isEqualTo(Credentials.akSk("AK", "SK").withSecurityToken("STOKEN").withDomainId("DOMAIN"));
    assertThat(provider.iamEndpoint()).contains("https://iam.example");
  }

  @Test
  void profile_spacesCommentsBlankLinesCrlfAndByteOrderMark_tolerated() throws IOException {
    writeProfile(
        "\uFEFF# written by hand\r\n"
            + "\r\n"
            + "  [ global ]  \r\n"
            + "; the pair\r\n"
            + "AK=SPACEDAK\r\n"
            + "\tsk   =   SPACED=SK   \r\n"
            + "\r\n");

    assertThat(provider(Map.of()).resolveCredentials())
        .isEqualTo(Credentials.akSk("SPACEDAK", "SPACED=SK"));
  }

  @Test
  void profile_malformedLines_ignored() throws IOException {
    writeProfile(
        "ak = ORPHANAK\n"
            + "[global]\n"
            + "this line has no equals sign\n"
            + "= no key\n"
            + "ak = GOODAK\n"
            + "sk = GOODSK\n");

    assertThat(provider(Map.of()).resolveCredentials())
        .isEqualTo(Credentials.akSk("GOODAK", "GOODSK"));
  }

  @Test
  void profile_brokenSectionHeader_keysBelowItIgnored() throws IOException {
    writeProfile("[prod\nak = PRODAK\nsk = PRODSK\n[global]\nak = GLOBALAK\nsk = GLOBALSK\n");

    assertThat(provider(Map.of()).resolveCredentials())
        .isEqualTo(Credentials.akSk("GLOBALAK", "GLOBALSK"));
  }

  @Test
  void profile_malformedSecretLines_noSecretInMessageOrLog() throws IOException {
    writeProfile(
        "[global]\n"
            + "ak = GOODAK\n"
            + "sk: SECRET-colon\n"
            + "SECRET-bare\n"
            + "= SECRET-nokey\n"
            + "[globalcredentials\n"
            + "sk = SECRET-broken-header\n");
    DefaultCredentialsProvider provider = provider(Map.of());
    String[] message = new String[1];

    String log =
        standardErrorOf(
            () -> {
              try {
                provider.resolveCredentials();
              } catch (SmsClientException e) {
                message[0] = e.getMessage();
              }
            });

    assertThat(message[0])
        .contains("([global] has no sk, no [globalcredentials] section)")
        .doesNotContain("SECRET");
    assertThat(log).doesNotContain("SECRET");
  }

  @Test
  void profile_openToGroupOrOthers_warnsOncePerFileAndStillUsesIt() throws IOException {
    assumeThat(home.getFileSystem().supportedFileAttributeViews()).contains("posix");
    Path open = writeProfile("[global]\nak = OPENAK\nsk = SECRET-open\n");
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
    Path other =
        write(
            home.resolve("other.ini"), "[global]\nak = OTHERAK\nsk = SECRET-other\n", "rw-rw----");
    Map<String, String> useOther = Map.of("HUAWEICLOUD_SDK_CREDENTIALS_FILE", other.toString());

    String log =
        standardErrorOf(
            () -> {
              assertThat(provider(Map.of()).resolveCredentials())
                  .isEqualTo(Credentials.akSk("OPENAK", "SECRET-open"));
              provider(Map.of()).resolveCredentials();
              provider(useOther).resolveCredentials();
              provider(useOther).resolveCredentials();
            });

    assertThat(log)
        .containsOnlyOnce(
            "Credentials file "
                + open
                + " is accessible by group or others"
                + " (rw-r--r--); run: chmod 600 "
                + open)
        .containsOnlyOnce(
            "Credentials file " + other + " is accessible by group or others" + " (rw-rw----)")
        .doesNotContain("SECRET");
  }

  @Test
  void profile_ownerOnly_noWarning() throws IOException {
    assumeThat(home.getFileSystem().supportedFileAttributeViews()).contains("posix");
    writeProfile("[global]\nak = PRIVATEAK\nsk = PRIVATESK\n");

    String log = standardErrorOf(() -> provider(Map.of()).resolveCredentials());

    assertThat(log).doesNotContain("WARN");
  }
}
