package org.migrationkit.sms.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.SmsClient;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code sms} command: SMS migration tasks and fleets from a shell.
 *
 * <pre>
 * $ java -jar sms-cli-standalone.jar --region ap-southeast-1 tasks list --state RUNNING
 * $ sms task wait 3c5e... --timeout 6h || echo "migration failed: $?"
 * $ sms fleet run --servers servers.txt --state fleet.json --project-id ... --template-id ...
 * </pre>
 *
 * <p>Credentials and region are read as {@link SmsClient#create()} reads them: {@code
 * HUAWEICLOUD_SDK_AK}/{@code _SK} or the profile file {@code ~/.huaweicloud/credentials}, and
 * {@code HUAWEICLOUD_SDK_REGION}; {@code --region}, {@code --profile} and {@code --endpoint}
 * override them. Exit codes: 0 success, 1 a task or server failed, 2 timed out, 3 usage or
 * configuration error, 4 the service refused a call or could not be reached.
 */
@Command(
    name = "sms",
    mixinStandardHelpOptions = true,
    versionProvider = CliVersion.class,
    description =
        "Lists, shows and waits for Huawei Cloud SMS migration tasks, and migrates fleets.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      TasksCommand.class,
      TaskCommand.class,
      FleetCommand.class,
      AutoComplete.GenerateCompletion.class
    },
    footerHeading = "%nCredentials and region:%n",
    footer =
        "As the MigrationKit SDK reads them: HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (with"
            + " HUAWEICLOUD_SDK_SECURITY_TOKEN for temporary keys), else the profile file"
            + " $HUAWEICLOUD_SDK_CREDENTIALS_FILE or ~/.huaweicloud/credentials (section [global],"
            + " or --profile); the region from --region or HUAWEICLOUD_SDK_REGION. Secrets are"
            + " never printed.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:a task failed (MIGRATE_FAIL, ABORT), or a server of the fleet did",
      "2:timed out waiting (task wait --timeout)",
      "3:usage or configuration error: bad option, no credentials or region, bad file",
      "4:the service refused a call or could not be reached",
    })
public final class SmsCli implements Runnable {
  private final CliEnvironment environment;

  @Spec private @Nullable CommandSpec spec;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      scope = ScopeType.INHERIT,
      description =
          "SMS base URL instead of the region's, e.g. a simulator's http://127.0.0.1:8080.")
  private @Nullable String endpoint;

  @Option(
      names = "--region",
      paramLabel = "ID",
      scope = ScopeType.INHERIT,
      description = "Region id, e.g. ap-southeast-1; default: $HUAWEICLOUD_SDK_REGION.")
  private @Nullable String region;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      scope = ScopeType.INHERIT,
      description = "Section of the profile file to read credentials from; default: [global].")
  private @Nullable String profile;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Print every call to the service on standard error, and stack traces.")
  private boolean verbose;

  /** For picocli's tools (the build's completion script), which need a no-argument constructor. */
  SmsCli() {
    this(CliEnvironment.system());
  }

  SmsCli(CliEnvironment environment) {
    this.environment = environment;
  }

  /**
   * Runs {@code sms} with these arguments and exits with its exit code.
   *
   * @param args the command line, such as {@code task wait 3c5e... --timeout 30m}
   */
  public static void main(String... args) {
    // the SDK logs through SLF4J: only warnings (a profile file others can read) reach the user
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    Charset charset = Charset.defaultCharset();
    CommandLine cli = commandLine(CliEnvironment.system());
    cli.setOut(new PrintWriter(System.out, true, charset));
    cli.setErr(new PrintWriter(System.err, true, charset));
    System.exit(cli.execute(args));
  }

  /** {@return the command line over {@code environment}, with its exit codes and error lines} */
  static CommandLine commandLine(CliEnvironment environment) {
    CommandLine cli = new CommandLine(new SmsCli(environment));
    Failures failures = new Failures();
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(failures);
    cli.setExecutionExceptionHandler(failures);
    return cli;
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec().commandLine(), "missing a command: tasks, task, fleet or generate-completion");
  }

  /** {@return a client configured from the global options and the environment} */
  SmsClient client() {
    return ClientFactory.open(
        new ClientFactory.Options(endpoint, region, profile, verbose),
        environment,
        spec().commandLine().getErr());
  }

  /** {@return the region id the tasks of a fleet go to: --region, else HUAWEICLOUD_SDK_REGION} */
  String taskRegion() {
    String id =
        region != null ? region : environment.variables().get(ClientFactory.REGION_VARIABLE);
    if (id == null || id.isBlank()) {
      throw new UsageException(
          "no target region: give --region-id ID, --region ID or set "
              + ClientFactory.REGION_VARIABLE);
    }
    return id.strip();
  }

  CliEnvironment environment() {
    return environment;
  }

  boolean verbose() {
    return verbose;
  }

  /** {@return the root command of the command line that {@code spec} belongs to} */
  static SmsCli of(CommandSpec spec) {
    return (SmsCli) spec.root().userObject();
  }

  private CommandSpec spec() {
    if (spec == null) {
      throw new IllegalStateException("SmsCli runs inside a CommandLine");
    }
    return spec;
  }
}
