package org.migrationkit.sms.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.testing.SmsSimulator;
import picocli.CommandLine;

/**
 * Runs {@code sms} in this JVM as a shell would, with captured standard output and error, keys in
 * the environment (as users set them) and a home directory of the test's own.
 */
final class CliRun {
  static final String AK = "cli-test-ak";
  static final String SK = "cli-test-sk-never-printed";
  static final Credentials CREDENTIALS = Credentials.akSk(AK, SK).withDomainId("cli-domain");

  private final Map<String, String> env = new HashMap<>();
  private final Path home;
  private boolean terminal;

  private CliRun(Path home) {
    this.home = home;
  }

  /** {@return a runner whose environment holds the test keys} */
  static CliRun withKeys(Path home) {
    CliRun run = new CliRun(home);
    run.env.put("HUAWEICLOUD_SDK_AK", AK);
    run.env.put("HUAWEICLOUD_SDK_SK", SK);
    run.env.put("HUAWEICLOUD_SDK_DOMAIN_ID", "cli-domain");
    return run;
  }

  /** {@return a runner with an empty environment: no keys, no region} */
  static CliRun bare(Path home) {
    return new CliRun(home);
  }

  static SmsSimulator simulator() {
    return SmsSimulator.builder().accept(CREDENTIALS).empty().start();
  }

  CliRun env(String name, String value) {
    env.put(name, value);
    return this;
  }

  CliRun terminal(boolean terminal) {
    this.terminal = terminal;
    return this;
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = SmsCli.commandLine(new CliEnvironment(env, home, terminal));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  /** What one run printed and returned. */
  record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
  }
}
