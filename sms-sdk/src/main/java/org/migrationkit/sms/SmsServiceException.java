package org.migrationkit.sms;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.internal.json.JsonValues;

/**
 * The service answered with a status other than 2xx (3xx included: redirects are not followed).
 *
 * <pre>{@code
 * try {
 *   sms.showTask(taskId);
 * } catch (SmsServiceException e) {
 *   if (e.getStatusCode() == 404) { ... }
 *   log.warn("{} {} (request id {})", e.getErrorCode(), e.getErrorMsg(), e.getRequestId());
 * }
 * }</pre>
 *
 * <p>Every field of the error body is read, in each shape Huawei Cloud gateways use: the SMS shape
 * ({@code error_code}, {@code error_msg}, {@code encoded_authorization_message}, {@code
 * error_param}, {@code details}), {@code {"code","message"}}, and {@code {"error":{...}}}. When the
 * body is not JSON (a proxy's HTML page), the error code is {@code null} and {@link
 * #getResponseSnippet()} holds its start.
 */
public class SmsServiceException extends SmsException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status code. */
  private final int statusCode;

  /** The service's {@code error_code}, or {@code null}. */
  private final @Nullable String errorCode;

  /** The service's {@code error_msg}, or {@code null}. */
  private final @Nullable String errorMsg;

  /** The request id, or {@code null}. */
  private final @Nullable String requestId;

  /** The {@code encoded_authorization_message} of a permission error, or {@code null}. */
  private final @Nullable String encodedAuthorizationMessage;

  /** The {@code error_param} entries; never {@code null}. */
  private final List<String> errorParams;

  /** The {@code details} entries; never {@code null}. */
  private final List<ErrorDetail> details;

  /** The start of a body that was not a JSON error, or {@code null}. */
  private final @Nullable String responseSnippet;

  /**
   * Creates the exception; the SDK does this, tests of callers may too.
   *
   * @param statusCode the HTTP status code
   * @param errorCode the service's {@code error_code}, or {@code null}
   * @param errorMsg the service's {@code error_msg}, or {@code null}
   * @param requestId the request id, or {@code null}
   * @param encodedAuthorizationMessage the {@code encoded_authorization_message} of a permission
   *     error, or {@code null}
   * @param errorParams the {@code error_param} entries; {@code null} means none
   * @param details the {@code details} entries; {@code null} means none
   * @param responseSnippet the start of a body that was not a JSON error, or {@code null}
   */
  public SmsServiceException(
      int statusCode,
      @Nullable String errorCode,
      @Nullable String errorMsg,
      @Nullable String requestId,
      @Nullable String encodedAuthorizationMessage,
      @Nullable List<String> errorParams,
      @Nullable List<ErrorDetail> details,
      @Nullable String responseSnippet) {
    super(message(statusCode, errorCode, errorMsg, requestId, responseSnippet), null);
    this.statusCode = statusCode;
    this.errorCode = errorCode;
    this.errorMsg = errorMsg;
    this.requestId = requestId;
    this.encodedAuthorizationMessage = encodedAuthorizationMessage;
    this.errorParams = errorParams == null ? List.of() : List.copyOf(errorParams);
    this.details = details == null ? List.of() : List.copyOf(details);
    this.responseSnippet = responseSnippet;
  }

  private static String message(
      int status,
      @Nullable String errorCode,
      @Nullable String errorMsg,
      @Nullable String requestId,
      @Nullable String snippet) {
    StringBuilder s = new StringBuilder(128);
    s.append(errorCode != null ? errorCode : "Error").append(" (HTTP ").append(status);
    if (requestId != null) {
      s.append(", request id ").append(requestId);
    }
    s.append(')');
    String text = errorMsg != null ? errorMsg : snippet;
    if (text != null && !text.isEmpty()) {
      s.append(": ").append(text);
    }
    return JsonValues.oneLine(s.toString());
  }

  /**
   * {@return whether the service throttled the call: HTTP 429, or the API gateway's flow-control
   * code {@code APIGW.0308}}
   */
  public boolean isThrottling() {
    return statusCode == 429 || "APIGW.0308".equals(errorCode);
  }

  /** Returns whether the answer is throttling or a 500, 502, 503 or 504, worth trying again. */
  @Override
  public boolean isRetryable() {
    return isThrottling()
        || statusCode == 500
        || statusCode == 502
        || statusCode == 503
        || statusCode == 504;
  }

  /** {@return the HTTP status code} */
  public int getStatusCode() {
    return statusCode;
  }

  /**
   * {@return the service's error code, such as {@code SMS.9004}, or {@code null} when none was
   * sent}
   */
  public @Nullable String getErrorCode() {
    return errorCode;
  }

  /** {@return the service's error message, or {@code null}} */
  public @Nullable String getErrorMsg() {
    return errorMsg;
  }

  /** {@return the request id, from {@code X-Request-Id} or else the body's {@code request_id}} */
  public @Nullable String getRequestId() {
    return requestId;
  }

  /** {@return the encrypted authorization information of a permission error, or {@code null}} */
  public @Nullable String getEncodedAuthorizationMessage() {
    return encodedAuthorizationMessage;
  }

  /**
   * {@return the invalid parameters the service named ({@code error_param}); never {@code null}}
   */
  public List<String> getErrorParams() {
    return errorParams;
  }

  /** {@return the {@code details} entries; never {@code null}} */
  public List<ErrorDetail> getDetails() {
    return details;
  }

  /**
   * {@return the start of a body that was not a JSON error (an HTML page from a proxy, say), on one
   * line; {@code null} when the body was JSON or empty}
   */
  public @Nullable String getResponseSnippet() {
    return responseSnippet;
  }
}
