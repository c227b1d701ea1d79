package org.migrationkit.sms.testing;

import org.jspecify.annotations.Nullable;

/** The error bodies the simulator sends, in the shapes of the SMS service and its API gateway. */
final class ErrorBodies {
  private ErrorBodies() {}

  /** The API page's 403 example, as the service sends it. */
  static final String FORBIDDEN_EXAMPLE =
      "{\"error_code\":\"SMS.9004\",\"error_msg\":\"The current account does not have the permission"
          + " to execute policy You do not have permission to perform action XXX on resource XXX.\","
          + "\"encoded_authorization_message\":\"XXXXXX\",\"error_param\":[\"You do not have permission"
          + " to perform action XXX on resource XXX.\"],\"details\":[{\"error_code\":\"SMS.9004\","
          + "\"error_msg\":\"You do not have permission to perform action XXX on resource XXX.\"}]}";

  static String unauthorized(String reason, String requestId) {
    return error("APIGW.0301", "Incorrect IAM authentication information: " + reason, requestId);
  }

  static String noSuchApi(String requestId) {
    return error(
        "APIGW.0101",
        "The API does not exist or has not been published in the environment",
        requestId);
  }

  static String noSuchTask(@Nullable String taskId, String requestId) {
    return error(
        "SMS.1204", "The task does not exist: " + (taskId == null ? "" : taskId), requestId);
  }

  static String noSuchServer(String serverId, String requestId) {
    return error("SMS.1302", "The source server does not exist: " + serverId, requestId);
  }

  static String badRequest(String message, String requestId) {
    return error("SMS.9001", "Invalid request: " + message, requestId);
  }

  /**
   * A delete refused while the task works: {@code SMS.2015}, which the out-of-date API reference
   * documents as "The in-progress or stopped tasks cannot be deleted".
   */
  static String taskRunning(String taskId, String state, String requestId) {
    return error(
        "SMS.2015",
        "The in-progress or stopped tasks cannot be deleted: " + taskId + " is " + state,
        requestId);
  }

  /**
   * An action its task's state does not allow: for {@code stop}, {@code start} and {@code restart}
   * the out-of-date reference's {@code SMS.1038} ("Only the tasks that are created or monitored can
   * be paused"), {@code SMS.1039} ("Only paused tasks can be resumed") and {@code SMS.1040} ("Only
   * migration tasks that fail to be created or migrated can be restarted"); for any other, the
   * simulator's own {@code SMS.1206}.
   */
  static String actionRefused(String operation, String taskId, String state, String requestId) {
    String code;
    switch (operation) {
      case "stop":
        code = "SMS.1038";
        break;
      case "start":
        code = "SMS.1039";
        break;
      case "restart":
        code = "SMS.1040";
        break;
      default:
        code = "SMS.1206";
    }
    return error(
        code,
        "The task state does not allow this operation: "
            + operation
            + " on "
            + taskId
            + " in "
            + state,
        requestId);
  }

  /**
   * {@code CreateTask} for a source server that does not exist: {@code SMS.2216}, as the
   * out-of-date reference documents it (400).
   */
  static String noSourceServerForTask(String serverId, String requestId) {
    return error(
        "SMS.2216",
        "Failed to create the migration task because the specified source server does not exist: "
            + serverId,
        requestId);
  }

  /** A documented quota reached (the simulator's own code: the reference names none). */
  static String quota(String what, int limit, String requestId) {
    return error(
        "SMS.SIMULATOR.1100",
        "Quota exceeded: at most " + limit + " " + what + " per account",
        requestId);
  }

  static String serverHasTask(String serverId, String taskId, String requestId) {
    return error(
        "SMS.1303",
        "The source server already has a migration task: " + serverId + " has " + taskId,
        requestId);
  }

  static String serverBusy(String serverId, String taskId, String requestId) {
    return error(
        "SMS.1304",
        "The source server is being migrated and cannot be deleted: " + serverId + " by " + taskId,
        requestId);
  }

  static String full(String what, String requestId) {
    return error(
        "SMS.SIMULATOR.0403", "The simulator holds as many " + what + " as it may", requestId);
  }

  static String notEmulated(String operation, String requestId) {
    return error(
        "SMS.SIMULATOR.0501",
        operation + " is not emulated by SmsSimulator; see its Javadoc for what is",
        requestId);
  }

  /**
   * A request the gateway refuses before any API sees it (too large, too slow, malformed): one
   * code, {@code APIGW.0201}, whatever the status.
   */
  static String requestRefused(String message, String requestId) {
    return error("APIGW.0201", message, requestId);
  }

  /** Returns the body of a status fault: its own code and message, or the status's default. */
  static String forFault(Fault fault, @Nullable String taskId, String requestId) {
    if (fault.errorCode() != null) {
      return error(fault.errorCode(), fault.errorMsg() == null ? "" : fault.errorMsg(), requestId);
    }
    switch (fault.status()) {
      case 401:
        return unauthorized("simulated fault", requestId);
      case 403:
        return FORBIDDEN_EXAMPLE;
      case 404:
        return noSuchTask(taskId, requestId);
      case 429:
        return error("APIGW.0308", "The throttling threshold has been reached", requestId);
      default:
        return error("SMS.9999", "Simulated error (HTTP " + fault.status() + ")", requestId);
    }
  }

  static String error(String code, String message, String requestId) {
    return "{\"error_code\":\""
        + escape(code)
        + "\",\"error_msg\":\""
        + escape(message)
        + "\",\"request_id\":\""
        + escape(requestId)
        + "\"}";
  }

  private static String escape(String text) {
    StringBuilder s = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        s.append('\\').append(c);
      } else if (c < 0x20) {
        String hex = Integer.toHexString(c);
        s.append("\\u").append("0000", hex.length(), 4).append(hex);
      } else {
        s.append(c);
      }
    }
    return s.toString();
  }

  static String noSuchTemplate(String templateId, String requestId) {
    return error("SMS.1502", "The template does not exist: " + templateId, requestId);
  }

  static String templateNameTaken(String name, String requestId) {
    return error("SMS.1503", "A template with this name already exists: " + name, requestId);
  }

  static String noSuchProject(String projectId, String requestId) {
    return error("SMS.1602", "The migration project does not exist: " + projectId, requestId);
  }

  static String projectNameTaken(String name, String holderId, String requestId) {
    return error(
        "SMS.1603",
        "The migration project name is already used: " + name + " by " + holderId,
        requestId);
  }

  static String defaultProjectUndeletable(String projectId, String requestId) {
    return error(
        "SMS.1604", "The default migration project cannot be deleted: " + projectId, requestId);
  }
}
