package org.migrationkit.sms;

import java.io.Serializable;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One entry of an error answer's {@code details} list: an SMS error code and its message. */
public final class ErrorDetail implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The SMS error code, or {@code null}. */
  private final @Nullable String errorCode;

  /** The SMS error message, or {@code null}. */
  private final @Nullable String errorMsg;

  /**
   * Creates a detail; either part may be {@code null}.
   *
   * @param errorCode the SMS error code, or {@code null}
   * @param errorMsg the SMS error message, or {@code null}
   */
  public ErrorDetail(@Nullable String errorCode, @Nullable String errorMsg) {
    this.errorCode = errorCode;
    this.errorMsg = errorMsg;
  }

  /** {@return the SMS error code, such as {@code SMS.9004}} */
  public @Nullable String getErrorCode() {
    return errorCode;
  }

  /** {@return the SMS error message} */
  public @Nullable String getErrorMsg() {
    return errorMsg;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ErrorDetail
        && Objects.equals(errorCode, ((ErrorDetail) o).errorCode)
        && Objects.equals(errorMsg, ((ErrorDetail) o).errorMsg);
  }

  @Override
  public int hashCode() {
    return Objects.hash(errorCode, errorMsg);
  }

  @Override
  public String toString() {
    return "ErrorDetail{errorCode=" + errorCode + ", errorMsg=" + errorMsg + "}";
  }
}
