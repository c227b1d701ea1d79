package org.migrationkit.sms.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version the build wrote into {@code cli.properties}, for {@code --version}. */
final class CliVersion implements IVersionProvider {
  /** The version, or {@code unknown} when the classes were not built by Maven. */
  static final String VERSION = read();

  @Override
  public String[] getVersion() {
    return new String[] {"sms " + VERSION + " (MigrationKit SMS, Java " + Runtime.version() + ")"};
  }

  private static String read() {
    try (InputStream in = CliVersion.class.getResourceAsStream("cli.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String version = p.getProperty("version");
        if (version != null && !version.startsWith("$")) {
          return version;
        }
      }
    } catch (IOException e) {
      // an unknown version must not stop the command
    }
    return "unknown";
  }
}
