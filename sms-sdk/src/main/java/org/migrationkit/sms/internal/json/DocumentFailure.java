package org.migrationkit.sms.internal.json;

/**
 * Makes the exception a model's {@code fromJson} throws for a document it cannot read.
 *
 * <p>That exception is the client's {@code SmsClientException}, whose package uses the model:
 * naming it here would close a package cycle through the model. So the client provides this
 * interface as a service ({@code provides} in module-info, {@code META-INF/services} on the class
 * path) and {@link JsonValues#readDocument} loads it the first time a document fails.
 */
public interface DocumentFailure {
  /**
   * Returns the exception to throw.
   *
   * @param message what failed, on one line, starting with "Unreadable JSON" or "Malformed JSON"
   * @param cause the {@link JsonReadException} or the parser's {@link java.io.IOException}
   * @return the exception, not thrown
   */
  RuntimeException unreadable(String message, Exception cause);
}
