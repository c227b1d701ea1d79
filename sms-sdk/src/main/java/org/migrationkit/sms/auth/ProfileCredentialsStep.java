package org.migrationkit.sms.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Step 2: the profile file, {@code $HUAWEICLOUD_SDK_CREDENTIALS_FILE} or {@code
 * ~/.huaweicloud/credentials}, with keys {@code ak}, {@code sk}, {@code security_token}, {@code
 * domain_id} and {@code iam_endpoint}.
 *
 * <p>Without a named profile the section is {@code [global]} (the documented name), else {@code
 * [globalcredentials]} (what the official SDK reads). A named profile means that section only.
 */
final class ProfileCredentialsStep implements CredentialsStep {
  static final String CREDENTIALS_FILE = "HUAWEICLOUD_SDK_CREDENTIALS_FILE";
  static final String PROFILE = "HUAWEICLOUD_SDK_PROFILE";
  static final List<String> DEFAULT_SECTIONS = List.of("global", "globalcredentials");

  private final Path file;
  private final List<String> sections;

  ProfileCredentialsStep(Path file, @Nullable String profile) {
    this.file = file;
    this.sections = profile == null ? DEFAULT_SECTIONS : List.of(profile);
  }

  /** Returns the file named by the environment, else {@code ~/.huaweicloud/credentials}. */
  static Path file(Map<String, String> environment, Path homeDirectory) {
    String named = DefaultCredentialsProvider.text(environment, CREDENTIALS_FILE);
    if (named == null) {
      return homeDirectory.resolve(".huaweicloud").resolve("credentials");
    }
    return named.startsWith("~/") ? homeDirectory.resolve(named.substring(2)) : Path.of(named);
  }

  @Override
  public @Nullable Found find(List<String> whyNot) {
    String where = "profile file " + file;
    if (!Files.exists(file)) {
      whyNot.add(where + " (not found)");
      return null;
    }
    ProfileFile profiles;
    try {
      String text = Files.readString(file);
      OpenFilePermissions.warnOnce(file);
      profiles = ProfileFile.parse(text, file);
    } catch (IOException e) {
      // the exception's message is at most a path, but its class says enough
      whyNot.add(where + " (unreadable: " + e.getClass().getSimpleName() + ")");
      return null;
    }
    List<String> gaps = new ArrayList<>();
    for (String name : sections) {
      Map<String, String> section = profiles.section(name);
      if (section == null) {
        gaps.add("no [" + name + "] section");
        continue;
      }
      String ak = value(section, "ak");
      String sk = value(section, "sk");
      if (ak != null && sk != null) {
        return new Found(
            credentials(ak, sk, section),
            value(section, "iam_endpoint"),
            where + " [" + name + "]");
      }
      gaps.add(
          "["
              + name
              + "] has no "
              + (ak == null && sk == null ? "ak and sk" : ak == null ? "ak" : "sk"));
    }
    whyNot.add(where + " (" + String.join(", ", gaps) + ")");
    return null;
  }

  private static CredentialsProvider credentials(
      String ak, String sk, Map<String, String> section) {
    Credentials credentials = Credentials.akSk(ak, sk);
    String securityToken = value(section, "security_token");
    if (securityToken != null) {
      credentials = credentials.withSecurityToken(securityToken);
    }
    String domainId = value(section, "domain_id");
    if (domainId != null) {
      credentials = credentials.withDomainId(domainId);
    }
    Credentials fixed = credentials;
    return () -> fixed;
  }

  private static @Nullable String value(Map<String, String> section, String key) {
    String value = section.get(key);
    return value == null || value.isBlank() ? null : value;
  }
}
