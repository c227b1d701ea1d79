package org.migrationkit.sms.testing.internal.standalone;

/**
 * A flag, environment variable or value the stand-alone simulator cannot take; its message is the
 * one line printed on standard error before the process exits with {@link
 * StandaloneSimulator#EXIT_USAGE}, and names the flag or variable ({@code --port: not a number:
 * abc}).
 */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message, null, false, false);
  }
}
