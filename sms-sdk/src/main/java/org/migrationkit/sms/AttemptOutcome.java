package org.migrationkit.sms;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How one attempt of a call ended, as {@link SmsEventListener#attemptEnd} reports it: the status
 * and request id when an answer arrived, its duration and body size, and the failure if it failed.
 */
public final class AttemptOutcome {
  private final int attempt;
  private final int statusCode;
  private final @Nullable String requestId;
  private final Duration duration;
  private final long responseBytes;
  private final @Nullable SmsException failure;

  /**
   * Creates an outcome; {@code statusCode} is 0 when no answer arrived.
   *
   * @param attempt the attempt number, from 1
   * @param statusCode the HTTP status, or 0 when no answer arrived
   * @param requestId the service's request id, or {@code null} when none was sent
   * @param duration how long the attempt took
   * @param responseBytes the response body bytes read
   * @param failure the failure, or {@code null} when the attempt succeeded
   */
  public AttemptOutcome(
      int attempt,
      int statusCode,
      @Nullable String requestId,
      Duration duration,
      long responseBytes,
      @Nullable SmsException failure) {
    this.attempt = attempt;
    this.statusCode = statusCode;
    this.requestId = requestId;
    this.duration = duration;
    this.responseBytes = responseBytes;
    this.failure = failure;
  }

  /** {@return the attempt number, from 1} */
  public int attempt() {
    return attempt;
  }

  /** {@return the HTTP status, or 0 when no answer arrived} */
  public int statusCode() {
    return statusCode;
  }

  /** {@return the service's request id ({@code X-Request-Id}), or {@code null}} */
  public @Nullable String requestId() {
    return requestId;
  }

  /** {@return how long the attempt took, from sending to the parsed answer or the failure} */
  public Duration duration() {
    return duration;
  }

  /** {@return the response body bytes read} */
  public long responseBytes() {
    return responseBytes;
  }

  /** {@return the failure, or {@code null} when the attempt succeeded} */
  public @Nullable SmsException failure() {
    return failure;
  }

  /** {@return whether the attempt succeeded} */
  public boolean isSuccess() {
    return failure == null;
  }

  @Override
  public String toString() {
    return "AttemptOutcome{attempt="
        + attempt
        + ", status="
        + statusCode
        + ", requestId="
        + requestId
        + ", duration="
        + duration
        + ", bytes="
        + responseBytes
        + (failure != null ? ", failure=" + failure.getMessage() : "")
        + "}";
  }
}
