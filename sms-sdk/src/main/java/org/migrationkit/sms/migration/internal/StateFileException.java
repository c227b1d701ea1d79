package org.migrationkit.sms.migration.internal;

/** Why a state file's content was refused; the reader names the file when it reports it. */
final class StateFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  StateFileException(String reason) {
    super(reason, null, false, false);
  }
}
