package org.migrationkit.sms.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** What the SDK says about itself on the wire. */
public final class SdkInfo {
  /** The SDK version, from the build. */
  public static final String VERSION = readVersion();

  /** {@code migrationkit-sms-java/<version> (Java <runtime version>)}. */
  public static final String USER_AGENT =
      "migrationkit-sms-java/" + VERSION + " (Java " + Runtime.version() + ")";

  private SdkInfo() {}

  private static String readVersion() {
    try (InputStream in = SdkInfo.class.getResourceAsStream("sdk.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String version = p.getProperty("version");
        if (version != null && !version.startsWith("$")) {
          return version;
        }
      }
    } catch (IOException e) {
      // fall through: an unknown version must not break the client
    }
    return "unknown";
  }
}
