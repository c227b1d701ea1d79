package org.migrationkit.sms;

import java.util.Objects;

/**
 * Which call an {@link SmsEventListener} event belongs to: the operation and its request line.
 * Immutable; one instance per call, so it can key a map of per-call state.
 */
public final class CallInfo {
  private final String operation;
  private final String method;
  private final String url;

  /**
   * Creates a call description.
   *
   * @param operation the API operation name, such as {@code ShowTask}
   * @param method the HTTP method
   * @param url the URL of the first attempt
   */
  public CallInfo(String operation, String method, String url) {
    this.operation = Objects.requireNonNull(operation, "operation");
    this.method = Objects.requireNonNull(method, "method");
    this.url = Objects.requireNonNull(url, "url");
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

  @Override
  public String toString() {
    return operation + " " + method + " " + url;
  }
}
