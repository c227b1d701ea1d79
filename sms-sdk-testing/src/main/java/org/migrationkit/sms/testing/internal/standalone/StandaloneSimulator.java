package org.migrationkit.sms.testing.internal.standalone;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.internal.SdkInfo;
import org.migrationkit.sms.testing.SmsSimulator;

/**
 * The stand-alone simulator, the {@code Main-Class} of {@code
 * sms-sdk-testing-<version>-standalone.jar}: an {@link SmsSimulator} with its control API on, for
 * tests written in any language.
 *
 * <pre>
 * $ java -jar sms-sdk-testing-0.1.0-standalone.jar --port 8080 --ak my-ak --sk my-sk
 * SMS simulator listening on http://127.0.0.1:8080
 * </pre>
 *
 * <p>Standard output carries only the listening line (or {@code --help} and {@code --version});
 * everything else goes to standard error. Exit status: 0 after {@code --help}, {@code --version} or
 * a clean stop on SIGTERM or SIGINT; 2 for a flag or value it cannot take; 1 when it cannot listen.
 */
public final class StandaloneSimulator {
  /** The line printed once the simulator serves, followed by its endpoint. */
  public static final String LISTENING = "SMS simulator listening on ";

  static final int EXIT_OK = 0;
  static final int EXIT_FAILURE = 1;
  static final int EXIT_USAGE = 2;

  private StandaloneSimulator() {}

  /**
   * Runs the simulator until the process is told to stop.
   *
   * @param args the flags, see {@code --help}
   * @throws InterruptedException never in practice: the main thread only waits for a signal
   */
  public static void main(String[] args) throws InterruptedException {
    PrintStream out = System.out;
    PrintStream err = System.err;
    Running running;
    try {
      StandaloneOptions options = StandaloneOptions.parse(List.of(args), System.getenv());
      switch (options.action()) {
        case HELP:
          out.print(StandaloneOptions.USAGE);
          out.flush();
          System.exit(EXIT_OK);
          return;
        case VERSION:
          out.println("sms-sdk-testing " + version() + " (Java " + Runtime.version() + ")");
          out.flush();
          System.exit(EXIT_OK);
          return;
        default:
          running = Running.start(options, err);
      }
    } catch (UsageException e) {
      err.println(e.getMessage());
      System.exit(EXIT_USAGE);
      return;
    } catch (UncheckedIOException e) {
      err.println(e.getMessage());
      System.exit(EXIT_FAILURE);
      return;
    }
    // SIGTERM and SIGINT run the shutdown hooks; the JVM would then exit with 143 or 130, a
    // failure to supervisors (systemd, Docker, CI). A clean stop exits 0 instead: halt() in the
    // hook ends the process with the hook's status once the simulator and journal are closed.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> Runtime.getRuntime().halt(running.stop(err)), "sms-simulator-shutdown"));
    out.println(LISTENING + running.simulator.endpoint());
    out.flush();
    // every simulator thread is a daemon: this thread keeps the process alive until a signal
    Thread.currentThread().join();
  }

  /** {@return the version in the jar's manifest, else the one the client's build wrote down} */
  static String version() {
    String version = StandaloneSimulator.class.getPackage().getImplementationVersion();
    return version != null ? version : SdkInfo.VERSION;
  }

  /** A started simulator and the journal file it writes. */
  static final class Running {
    final SmsSimulator simulator;
    private final @Nullable JournalFile journal;

    private Running(SmsSimulator simulator, @Nullable JournalFile journal) {
      this.simulator = simulator;
      this.journal = journal;
    }

    /**
     * Opens the journal file and starts the simulator as {@code options} say.
     *
     * @throws UsageException when the journal cannot be written or the host or token is refused
     * @throws UncheckedIOException when the address and port cannot be bound
     */
    static Running start(StandaloneOptions options, PrintStream err) throws UsageException {
      try {
        // resolved here too, to blame the flag or variable; the builder resolves it again
        InetAddress.getByName(options.host());
      } catch (UnknownHostException e) {
        throw new UsageException(options.hostSource() + ": cannot resolve " + options.host());
      }
      Path journalPath = options.journal();
      JournalFile journal =
          journalPath == null ? null : JournalFile.open(journalPath, options.journalSource(), err);
      SmsSimulator.Builder builder =
          SmsSimulator.builder().host(options.host()).port(options.port()).controlApi(true);
      options.keys().forEach(builder::accept);
      if (!options.strictQuotas()) {
        builder.strictQuotas(false);
      }
      if (options.empty()) {
        builder.empty();
      }
      String adminToken = options.adminToken();
      if (adminToken != null) {
        builder.adminToken(adminToken);
      }
      if (journal != null) {
        builder.journalListener(journal);
      }
      if (options.defaultKeys()) {
        Credentials pair = options.keys().get(0);
        err.println(
            "no key pair given: accepting the documented test pair, access key "
                + pair.getAccessKey()
                + " (see --help)");
      }
      try {
        return new Running(builder.start(), journal);
      } catch (IllegalArgumentException | IllegalStateException e) {
        closeQuietly(journal);
        throw new UsageException(e.getMessage());
      } catch (UncheckedIOException e) {
        closeQuietly(journal);
        throw e;
      }
    }

    /** Closes the simulator, then the journal; {@return the exit status} */
    int stop(PrintStream err) {
      int status = EXIT_OK;
      try {
        simulator.close();
      } catch (RuntimeException e) {
        err.println("SMS simulator did not stop cleanly: " + e);
        status = EXIT_FAILURE;
      }
      if (journal != null) {
        try {
          journal.close();
        } catch (IOException e) {
          err.println("journal not closed cleanly: " + e.getMessage());
          status = EXIT_FAILURE;
        }
      }
      err.println("SMS simulator stopped");
      err.flush();
      return status;
    }

    private static void closeQuietly(@Nullable JournalFile journal) {
      if (journal != null) {
        try {
          journal.close();
        } catch (IOException ignored) {
          // the start failed already; that is what is reported
        }
      }
    }
  }
}
