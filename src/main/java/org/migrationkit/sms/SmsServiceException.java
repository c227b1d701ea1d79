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

  private final int statusCode;
  private final @Nullable String errorCode;
  private final @Nullable String errorMsg;
  private final @Nullable String requestId;
  private final @Nullable String encodedAuthorizationMessage;
  private final List<String> errorParams;
  private final List<ErrorDetail> details;
  private final @Nullable String responseSnippet;

  /** Creates the exception; the SDK does this, tests of callers may too. */
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
   * Returns whether the service throttled the call: HTTP 429, or the API gateway's flow-control
   * code {@code APIGW.0308}.
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

  /** Returns the HTTP status code. */
  public int getStatusCode() {
    return statusCode;
  }

  /**
   * Returns the service's error code, such as {@code SMS.9004}, or {@code null} when none was sent.
   */
  public @Nullable String getErrorCode() {
    return errorCode;
  }

  /** Returns the service's error message, or {@code null}. */
  public @Nullable String getErrorMsg() {
    return errorMsg;
  }

  /** Returns the request id, from {@code X-Request-Id} or else the body's {@code request_id}. */
  public @Nullable String getRequestId() {
    return requestId;
  }

  /** Returns the encrypted authorization information of a permission error, or {@code null}. */
  public @Nullable String getEncodedAuthorizationMessage() {
    return encodedAuthorizationMessage;
  }

  /** Returns the invalid parameters the service named ({@code error_param}); never {@code null}. */
  public List<String> getErrorParams() {
    return errorParams;
  }

  /** Returns the {@code details} entries; never {@code null}. */
  public List<ErrorDetail> getDetails() {
    return details;
  }

  /**
   * Returns the start of a body that was not a JSON error (an HTML page from a proxy, say), on one
   * line; {@code null} when the body was JSON or empty.
   */
  public @Nullable String getResponseSnippet() {
    return responseSnippet;
  }
}
