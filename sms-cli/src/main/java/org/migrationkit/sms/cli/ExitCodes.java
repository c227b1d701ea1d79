package org.migrationkit.sms.cli;

/** The exit codes of {@code sms}, as its usage help lists them. */
final class ExitCodes {
  /** Everything asked for succeeded. */
  static final int OK = 0;

  /** A task ended in a failure state, or a server of the fleet failed. */
  static final int FAILED = 1;

  /** A wait ran out of time. */
  static final int TIMED_OUT = 2;

  /** Bad usage or configuration: nothing was sent, or what was sent cannot be trusted. */
  static final int USAGE = 3;

  /** The service refused a call, or could not be reached. */
  static final int SERVICE = 4;

  private ExitCodes() {}
}
