package org.migrationkit.sms.testing;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thing the simulator does wrong on purpose for one request: an error status, a delay, a
 * dropped connection, a truncated or malformed body. A {@link FaultPlan} says which requests get
 * which.
 *
 * <pre>{@code
 * simulator.faults(FaultPlan.builder()
 *     .onRequest(1, Fault.status(503))
 *     .onRequest(2, Fault.tooManyRequests(Duration.ofSeconds(1)))
 *     .onRequest(3, Fault.dropConnection().withLatency(Duration.ofMillis(50)))
 *     .build());
 * }</pre>
 *
 * <p>A fault replaces the answer (except {@link #latency}, which only delays it), comes before the
 * signature check, and does not advance a scripted task. Immutable.
 */
public final class Fault {
  /** What a fault does. */
  public enum Kind {
    /** An error status with a body in the service's error shape. */
    STATUS,
    /** The normal answer, late. */
    LATENCY,
    /** The connection closes before any answer. */
    DROP_CONNECTION,
    /**
     * A 200 that declares the whole task body but breaks off halfway, then the connection closes.
     */
    TRUNCATED_BODY,
    /** A 200 whose complete body is not valid JSON. */
    MALFORMED_JSON,
    /** A status and body given verbatim, such as a proxy's HTML page. */
    RESPONSE
  }

  private final Kind kind;
  private final int status;
  private final @Nullable String errorCode;
  private final @Nullable String errorMsg;
  private final @Nullable String contentType;
  private final @Nullable String body;
  private final @Nullable Duration retryAfter;
  private final Duration latency;

  private Fault(
      Kind kind,
      int status,
      @Nullable String errorCode,
      @Nullable String errorMsg,
      @Nullable String contentType,
      @Nullable String body,
      @Nullable Duration retryAfter,
      Duration latency) {
    this.kind = kind;
    this.status = status;
    this.errorCode = errorCode;
    this.errorMsg = errorMsg;
    this.contentType = contentType;
    this.body = body;
    this.retryAfter = retryAfter;
    this.latency = latency;
  }

  /**
   * Answers with {@code status} (400 to 599) and the service's error body for it: 401 {@code
   * APIGW.0301}, 403 the API page's {@code SMS.9004} example, 404 {@code SMS.1204}, 429 {@code
   * APIGW.0308}, any other a generic {@code SMS.9999}.
   *
   * @param status the HTTP status, 400 to 599
   * @return the fault
   */
  public static Fault status(int status) {
    return new Fault(Kind.STATUS, errorStatus(status), null, null, null, null, null, Duration.ZERO);
  }

  /**
   * Answers with {@code status} (400 to 599) and an error body carrying this code and message.
   *
   * @param status the HTTP status, 400 to 599
   * @param errorCode the {@code error_code} of the body
   * @param errorMsg the {@code error_msg} of the body
   * @return the fault
   */
  public static Fault status(int status, String errorCode, String errorMsg) {
    return new Fault(
        Kind.STATUS,
        errorStatus(status),
        Objects.requireNonNull(errorCode, "errorCode"),
        Objects.requireNonNull(errorMsg, "errorMsg"),
        null,
        null,
        null,
        Duration.ZERO);
  }

  /**
   * Answers 429 {@code APIGW.0308} with {@code Retry-After} in whole seconds (rounded up).
   *
   * @param retryAfter the wait the answer asks for
   * @return the fault
   */
  public static Fault tooManyRequests(Duration retryAfter) {
    return status(429).withRetryAfter(retryAfter);
  }

  /**
   * Answers normally, after {@code delay}. No thread sleeps meanwhile.
   *
   * @param delay the wait before answering
   * @return the fault
   */
  public static Fault latency(Duration delay) {
    return new Fault(Kind.LATENCY, 0, null, null, null, null, null, notNegative(delay, "delay"));
  }

  /**
   * Closes the connection without answering; the client sees the peer close early.
   *
   * @return the fault
   */
  public static Fault dropConnection() {
    return new Fault(Kind.DROP_CONNECTION, 0, null, null, null, null, null, Duration.ZERO);
  }

  /**
   * Answers 200 with a {@code Content-Length} for the whole task, sends half of it, then closes the
   * connection.
   *
   * @return the fault
   */
  public static Fault truncatedBody() {
    return new Fault(Kind.TRUNCATED_BODY, 200, null, null, null, null, null, Duration.ZERO);
  }

  /**
   * Answers 200 with a complete body that is not valid JSON.
   *
   * @return the fault
   */
  public static Fault malformedJson() {
    return new Fault(Kind.MALFORMED_JSON, 200, null, null, null, null, null, Duration.ZERO);
  }

  /**
   * Answers with exactly this status, content type and body, such as a proxy's HTML error page.
   *
   * @param status the HTTP status
   * @param contentType the {@code Content-Type} header
   * @param body the body, sent as UTF-8
   * @return the fault
   */
  public static Fault response(int status, String contentType, String body) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be 100 to 599, was " + status);
    }
    return new Fault(
        Kind.RESPONSE,
        status,
        null,
        null,
        Objects.requireNonNull(contentType, "contentType"),
        Objects.requireNonNull(body, "body"),
        null,
        Duration.ZERO);
  }

  /**
   * {@return a copy that waits {@code delay} before doing its harm}
   *
   * @param delay the wait before answering
   */
  public Fault withLatency(Duration delay) {
    return new Fault(
        kind,
        status,
        errorCode,
        errorMsg,
        contentType,
        body,
        retryAfter,
        notNegative(delay, "delay"));
  }

  /**
   * {@return a copy of a {@link Kind#STATUS} fault that also sends {@code Retry-After}, in whole
   * seconds rounded up}
   *
   * @param retryAfter the wait the answer asks for
   * @throws IllegalStateException when this is not a status fault
   */
  public Fault withRetryAfter(Duration retryAfter) {
    if (kind != Kind.STATUS) {
      throw new IllegalStateException("withRetryAfter applies to status faults, not to " + kind);
    }
    return new Fault(
        kind,
        status,
        errorCode,
        errorMsg,
        contentType,
        body,
        notNegative(retryAfter, "retryAfter"),
        latency);
  }

  /** {@return what the fault does} */
  public Kind kind() {
    return kind;
  }

  /**
   * {@return the status answered, or 0 when none is ({@link Kind#LATENCY}, {@link
   * Kind#DROP_CONNECTION})}
   */
  public int status() {
    return status;
  }

  /**
   * {@return the error code of a status fault given one, or {@code null} for the status's default}
   */
  public @Nullable String errorCode() {
    return errorCode;
  }

  /** {@return the error message of a status fault given one, or {@code null} for the default} */
  public @Nullable String errorMsg() {
    return errorMsg;
  }

  /** {@return the {@code Retry-After} sent, or {@code null}} */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }

  /**
   * {@return the wait before the fault acts (for {@link Kind#LATENCY}, before the normal answer)}
   */
  public Duration latency() {
    return latency;
  }

  @Nullable String contentType() {
    return contentType;
  }

  @Nullable String body() {
    return body;
  }

  /** Returns whether the request is answered normally, only late. */
  boolean passesThrough() {
    return kind == Kind.LATENCY;
  }

  private static int errorStatus(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an error status must be 400 to 599, was " + status);
    }
    return status;
  }

  private static Duration notNegative(@Nullable Duration d, String name) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be zero or positive, was " + d);
    }
    return d;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof Fault)) {
      return false;
    }
    Fault that = (Fault) o;
    return kind == that.kind
        && status == that.status
        && Objects.equals(errorCode, that.errorCode)
        && Objects.equals(errorMsg, that.errorMsg)
        && Objects.equals(contentType, that.contentType)
        && Objects.equals(body, that.body)
        && Objects.equals(retryAfter, that.retryAfter)
        && latency.equals(that.latency);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, status, errorCode, errorMsg, contentType, body, retryAfter, latency);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("Fault{").append(kind);
    if (status != 0 && kind != Kind.TRUNCATED_BODY && kind != Kind.MALFORMED_JSON) {
      s.append(' ').append(status);
    }
    if (errorCode != null) {
      s.append(' ').append(errorCode);
    }
    if (retryAfter != null) {
      s.append(", retryAfter=").append(retryAfter);
    }
    if (!latency.isZero()) {
      s.append(", latency=").append(latency);
    }
    return s.append('}').toString();
  }
}
