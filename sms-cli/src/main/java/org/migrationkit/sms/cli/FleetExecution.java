package org.migrationkit.sms.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.migration.FleetItem;
import org.migrationkit.sms.migration.FleetMigration;
import org.migrationkit.sms.migration.FleetReport;
import picocli.CommandLine.Model.CommandSpec;

/** What {@code fleet run} and {@code fleet resume} share: run, report, summary, exit code. */
final class FleetExecution {
  private FleetExecution() {}

  /**
   * Runs the fleet to its end and prints one line per failed server.
   *
   * @return {@link ExitCodes#OK} when every server succeeded, else {@link ExitCodes#FAILED}
   */
  static int run(
      FleetMigration fleet, Path stateFile, @Nullable Path reportFile, CommandSpec spec) {
    FleetReport report;
    try {
      report = fleet.run();
    } catch (SmsClientException e) {
      // a refused state file (corrupt, foreign, another fleet's) is the user's to fix
      if (String.valueOf(e.getMessage()).contains(stateFile.toString())) {
        throw new UsageException(e.getMessage(), e);
      }
      throw e;
    }
    if (reportFile != null) {
      report.writeTo(reportFile);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    synchronized (out) {
      out.println(FleetLines.counts(report.progress()));
      if (reportFile != null) {
        out.println("report: " + reportFile);
      }
      out.flush();
    }
    for (FleetItem failed : report.failed()) {
      err.println(
          "sms: server "
              + failed.sourceServerId()
              + " failed"
              + (failed.taskId() != null ? " (task " + failed.taskId() + ")" : "")
              + ": "
              + Failures.oneLine(failed.error()));
    }
    err.flush();
    return report.failed().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  /** {@return the report path, checked before any call} */
  static @Nullable Path reportFile(@Nullable Path report) {
    if (report == null) {
      return null;
    }
    String name = String.valueOf(report.getFileName()).toLowerCase(java.util.Locale.ROOT);
    if (!name.endsWith(".json") && !name.endsWith(".csv")) {
      throw new UsageException("--report " + report + " must end with .json or .csv");
    }
    return report;
  }
}
