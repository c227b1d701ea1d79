package org.migrationkit.sms.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.TaskProgress;
import org.migrationkit.sms.TaskProgressListener;

/**
 * The progress of a waited-for task: on a terminal one line that rewrites itself ({@code \r}), and
 * elsewhere (a pipe, a CI log) one plain line per change, so logs stay readable.
 */
final class ProgressLine implements TaskProgressListener {
  private final PrintWriter out;
  private final boolean terminal;

  /** The length of the line on screen, to blank what a shorter rewrite leaves; guarded by this. */
  private int shown;

  ProgressLine(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public void onProgress(TaskProgress progress) {
    show(describe(progress));
  }

  @Override
  public void onPollFailed(SmsException failure, int consecutiveFailures) {
    show("poll failed (" + consecutiveFailures + " in a row), polling on: " + failure.getMessage());
  }

  /** Ends the rewritten line, so what follows starts on a line of its own. */
  synchronized void finish() {
    if (terminal && shown > 0) {
      out.println();
      out.flush();
      shown = 0;
    }
  }

  private synchronized void show(String text) {
    if (terminal) {
      StringBuilder line = new StringBuilder("\r").append(text);
      for (int i = text.length(); i < shown; i++) {
        line.append(' ');
      }
      out.print(line);
      shown = text.length();
    } else {
      out.println(text);
    }
    out.flush();
  }

  static String describe(TaskProgress p) {
    StringBuilder s =
        new StringBuilder(String.valueOf(p.state()))
            .append(' ')
            .append(p.overallPercent())
            .append('%');
    if (p.currentSubTask() != null) {
      s.append("  ").append(p.currentSubTask());
      if (p.currentSubTaskPercent() != null) {
        s.append(' ').append(p.currentSubTaskPercent()).append('%');
      }
    }
    if (p.migrateSpeed() != null) {
      s.append("  ").append(p.migrateSpeed()).append(" MB/s");
    }
    Duration remaining = p.remaining();
    if (remaining != null && !remaining.isZero() && !remaining.isNegative()) {
      s.append("  ").append(DurationConverter.format(remaining)).append(" left");
    }
    return s.toString();
  }
}
