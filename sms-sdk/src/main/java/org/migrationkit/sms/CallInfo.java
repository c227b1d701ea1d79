package org.migrationkit.sms;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which call an {@link SmsEventListener} event belongs to: the operation, its request line and the
 * client's region. Immutable; one instance per call, and equal only to itself, so it can key a map
 * of per-call state.
 */
public final class CallInfo {
  private final String operation;
  private final String method;
  private final String url;
  private final @Nullable String region;

  /**
   * Creates a call description of a client built without a region.
   *
   * @param operation the API operation name, such as {@code ShowTask}
   * @param method the HTTP method
   * @param url the URL of the first attempt
   */
  public CallInfo(String operation, String method, String url) {
    this(operation, method, url, null);
  }

  /**
   * Creates a call description.
   *
   * @param operation the API operation name, such as {@code ShowTask}
   * @param method the HTTP method
   * @param url the URL of the first attempt
   * @param region the client's region id, such as {@code ap-southeast-1}, or {@code null} when it
   *     was built with endpoints instead
   */
  public CallInfo(String operation, String method, String url, @Nullable String region) {
    this.operation = Objects.requireNonNull(operation, "operation");
    this.method = Objects.requireNonNull(method, "method");
    this.url = Objects.requireNonNull(url, "url");
    this.region = region;
  }

  /** {@return the API operation name, such as {@code ShowTask}} */
  public String operation() {
    return operation;
  }

  /** {@return the HTTP method} */
  public String method() {
    return method;
  }

  /** {@return the URL of the first attempt (a later attempt may go to a fail-over endpoint)} */
  public String url() {
    return url;
  }

  /**
   * {@return the region id the client was built for, such as {@code ap-southeast-1}, or {@code
   * null} when it was built with {@code endpoint(...)}} Low-cardinality, so it may tag a metric.
   */
  public @Nullable String region() {
    return region;
  }

  @Override
  public String toString() {
    return operation + " " + method + " " + url;
  }
}
