package org.migrationkit.sms.testing;

/** A request the service answers 400 {@code SMS.9001} with this message. */
final class BadRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadRequest(String message) {
    super(message, null, false, false);
  }
}
