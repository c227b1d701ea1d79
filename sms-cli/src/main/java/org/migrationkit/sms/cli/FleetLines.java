package org.migrationkit.sms.cli;

import java.io.PrintWriter;
import org.migrationkit.sms.migration.FleetEvent;
import org.migrationkit.sms.migration.FleetListener;
import org.migrationkit.sms.migration.FleetProgress;

/**
 * Prints a fleet's events, one line each ({@code PROGRESS} ones only with {@code --verbose}), and
 * its counts whenever they change. Runs on the fleet's listener thread.
 */
final class FleetLines implements FleetListener {
  private final PrintWriter out;
  private final boolean verbose;

  FleetLines(PrintWriter out, boolean verbose) {
    this.out = out;
    this.verbose = verbose;
  }

  @Override
  public void onServerEvent(FleetEvent e) {
    if (e.kind() == FleetEvent.Kind.PROGRESS && !verbose) {
      return;
    }
    StringBuilder line = new StringBuilder(e.sourceServerId()).append("  ").append(e.kind());
    if (e.taskId() != null) {
      line.append("  task ").append(e.taskId());
    }
    if (e.state() != null) {
      line.append("  ").append(e.state());
    }
    if (!e.message().isEmpty()) {
      line.append("  ").append(Failures.oneLine(e.message()));
    }
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }

  @Override
  public void onProgress(FleetProgress p) {
    synchronized (out) {
      out.println(counts(p));
      out.flush();
    }
  }

  static String counts(FleetProgress p) {
    return "fleet: "
        + p.succeeded()
        + " succeeded, "
        + p.failed()
        + " failed, "
        + p.running()
        + " running, "
        + p.pending()
        + " pending of "
        + p.total();
  }
}
