package org.migrationkit.sms.migration.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.TaskFailedException;
import org.migrationkit.sms.WaitTimeoutException;
import org.migrationkit.sms.internal.json.JsonValues;
import org.migrationkit.sms.model.SubTask;

/** The one-line {@code FleetItem.error()} of each way a server can fail. */
final class ErrorText {
  private ErrorText() {}

  /** Returns the line for a failure of {@code operation} (such as {@code CreateTask}). */
  static String of(String operation, Throwable failure) {
    String text;
    if (failure instanceof TaskFailedException) {
      text = taskFailed((TaskFailedException) failure);
    } else if (failure instanceof WaitTimeoutException) {
      text = "timed out: " + failure.getMessage();
    } else if (failure instanceof SmsServiceException) {
      text = operation + " refused: " + failure.getMessage();
    } else if (failure instanceof SmsException) {
      text = operation + " failed: " + failure.getMessage();
    } else {
      text = operation + " failed: " + failure;
    }
    return JsonValues.oneLine(text);
  }

  /** Returns the request id when the failure is the service's answer. */
  static @Nullable String requestId(Throwable failure) {
    return failure instanceof SmsServiceException
        ? ((SmsServiceException) failure).getRequestId()
        : null;
  }

  private static String taskFailed(TaskFailedException e) {
    StringBuilder s = new StringBuilder(160);
    s.append("task ended in ").append(e.getLastResponse().getState());
    SubTask failing = e.getFailingSubTask();
    if (failing != null) {
      s.append(" at sub-task ").append(failing.getName());
    }
    String errorJson = e.getErrorJson();
    if (errorJson != null && !errorJson.isBlank()) {
      s.append(": ").append(serviceError(errorJson));
    }
    String trace = e.getProcessTrace();
    if (trace != null && !trace.isBlank()) {
      s.append("; process trace: ").append(trace);
    }
    return s.toString();
  }

  /**
   * Returns {@code "CODE message"} from an {@code error_json} such as {@code
   * {"error_code":"SMS.6201","error_msg":"disk full"}}, or the text itself when it is no such JSON.
   */
  static String serviceError(String errorJson) {
    String code = null;
    String message = null;
    try (JsonParser p = JsonValues.FACTORY.createParser(errorJson)) {
      if (p.nextToken() == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken value = p.nextToken();
          if (value == JsonToken.VALUE_STRING
              && (name.equals("error_code") || name.equals("code"))) {
            code = p.getText();
          } else if (value == JsonToken.VALUE_STRING
              && (name.equals("error_msg") || name.equals("message"))) {
            message = p.getText();
          } else {
            p.skipChildren();
          }
        }
      }
    } catch (IOException e) {
      return errorJson;
    }
    if (code == null && message == null) {
      return errorJson;
    }
    return code == null ? message : message == null ? code : code + " " + message;
  }
}
