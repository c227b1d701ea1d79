package org.migrationkit.sms.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.migrationkit.sms.AttemptOutcome;
import org.migrationkit.sms.CallInfo;
import org.migrationkit.sms.SmsEventListener;

/**
 * {@code --verbose}: one line on standard error per attempt, with its status, request id and time.
 * Never prints a header, so no secret can show.
 */
final class VerboseCalls implements SmsEventListener {
  private final PrintWriter err;

  VerboseCalls(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void attemptEnd(CallInfo call, AttemptOutcome outcome) {
    StringBuilder line =
        new StringBuilder("sms: ")
            .append(call.operation())
            .append(' ')
            .append(call.method())
            .append(' ')
            .append(call.url())
            .append(" -> ")
            .append(outcome.statusCode() == 0 ? "no answer" : outcome.statusCode())
            .append(" in ")
            .append(outcome.duration().toMillis())
            .append(" ms");
    if (outcome.attempt() > 1) {
      line.append(" (attempt ").append(outcome.attempt()).append(')');
    }
    if (outcome.requestId() != null) {
      line.append(" request id ").append(outcome.requestId());
    }
    synchronized (err) {
      err.println(line);
      err.flush();
    }
  }

  @Override
  public void retryScheduled(
      CallInfo call, int nextAttempt, Duration delay, org.migrationkit.sms.SmsException reason) {
    synchronized (err) {
      err.println(
          "sms: "
              + call.operation()
              + " retried in "
              + delay.toMillis()
              + " ms (attempt "
              + nextAttempt
              + "): "
              + reason.getMessage());
      err.flush();
    }
  }
}
