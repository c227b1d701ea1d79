package org.migrationkit.sms.cli;

/**
 * The command cannot run as given: a bad option value, missing credentials or region, an unreadable
 * or foreign file. Exits with {@link ExitCodes#USAGE}; the message is one line.
 */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }

  UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
