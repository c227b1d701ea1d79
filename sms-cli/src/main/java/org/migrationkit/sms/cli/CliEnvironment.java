package org.migrationkit.sms.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the command line reads from its process: environment variables, the home directory that
 * holds {@code .huaweicloud/}, and whether standard output is a terminal. Tests pass their own.
 *
 * @param variables the environment variables
 * @param home the directory holding {@code .huaweicloud/credentials}
 * @param terminal whether standard output is an interactive terminal (progress rewrites its line)
 */
record CliEnvironment(Map<String, String> variables, Path home, boolean terminal) {
  CliEnvironment {
    variables = Map.copyOf(variables);
  }

  /** {@return this process's environment, {@code user.home}, and whether it has a console} */
  static CliEnvironment system() {
    return new CliEnvironment(
        System.getenv(), Path.of(System.getProperty("user.home", "")), System.console() != null);
  }
}
