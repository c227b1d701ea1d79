package org.migrationkit.sms.testing;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.auth.SignatureVerifier;
import org.migrationkit.sms.internal.PercentEncoding;
import org.migrationkit.sms.model.ShowTaskResponse;

/**
 * Answers one request the way {@link SmsSimulator} documents: fault, then signature, then route,
 * then task; and journals it. The answer is decided on arrival and sent at once or after the
 * fault's latency. A request whose body the listener refused is journaled and answered here too, in
 * the gateway's shape.
 */
final class RequestHandler implements HttpListener.Handler {
  private static final String TASKS_PREFIX = "/v3/tasks/";

  private final SmsSimulator simulator;

  RequestHandler(SmsSimulator simulator) {
    this.simulator = simulator;
  }

  @Override
  public void handle(RequestHead head, byte[] body, Connection connection) {
    ControlApi control = simulator.controlApi();
    if (control != null && ControlApi.isControlPath(head.rawPath())) {
      control.handle(head, body, connection);
      return;
    }
    String method = head.method();
    String rawPath = head.rawPath();
    String rawQuery = head.rawQuery();
    String taskId = taskId(method, rawPath);
    Route.Match match = routeUnlessShowTask(taskId, head);
    String operation = operation(taskId, match);
    SmsSimulator.Arrival arrival = simulator.arrive(operation, pathId(taskId, match));
    long number = arrival.number();
    Fault fault = arrival.fault();
    String requestId = requestId(number);
    Instant receivedAt = simulator.signatureNow();
    SignatureVerifier.Result verdict =
        simulator.verifier().verify(method, rawPath, rawQuery, head::header, body);

    Answer answer = answer(fault, verdict, taskId, match, head, body, requestId);
    simulator.record(
        new JournalEntry(
            number,
            receivedAt,
            method,
            rawPath,
            rawQuery,
            head.headers(),
            verdict.isValid(),
            verdict.reason(),
            accessKey(head.header("Authorization")),
            taskId,
            operation,
            fault,
            answer.status(),
            requestId));

    Duration delay = fault == null ? Duration.ZERO : fault.latency();
    if (delay.isZero()) {
      send(answer, requestId, head, connection);
    } else {
      simulator.later(delay, () -> send(answer, requestId, head, connection));
    }
  }

  @Override
  public void refuse(RequestHead head, int status, String why, Connection connection) {
    ControlApi control = simulator.controlApi();
    if (control != null && ControlApi.isControlPath(head.rawPath())) {
      control.refuse(head, status, why, connection);
      return;
    }
    // a request all the same; no fault applies
    long number = simulator.arriveUnfaulted();
    String requestId = requestId(number);
    String message = status == 413 ? "Request entity too large" : "Request timeout";
    String taskId = taskId(head.method(), head.rawPath());
    Answer answer = Answer.json(status, ErrorBodies.requestRefused(message, requestId));
    simulator.record(
        new JournalEntry(
            number,
            simulator.signatureNow(),
            head.method(),
            head.rawPath(),
            head.rawQuery(),
            head.headers(),
            false,
            "not checked: " + why,
            accessKey(head.header("Authorization")),
            taskId,
            operation(taskId, routeUnlessShowTask(taskId, head)),
            null,
            status,
            requestId));
    connection.respond(answer.encode(requestId, head.isHead(), true), false);
  }

  @Override
  public ByteBuffer plainError(int status, String message) {
    String requestId = "sim-" + Long.toHexString(System.nanoTime());
    String body =
        status == 500
            ? ErrorBodies.error("SMS.9999", message, requestId)
            : ErrorBodies.requestRefused(message, requestId);
    return Answer.json(status, body).encode(requestId, false, true);
  }

  private static String requestId(long number) {
    return "sim-" + Long.toHexString(System.nanoTime()) + "-" + number;
  }

  private static void send(
      Answer answer, String requestId, RequestHead head, Connection connection) {
    boolean nextRequest = head.keepAlive() && !answer.closesConnection();
    connection.respond(answer.encode(requestId, head.isHead(), !nextRequest), nextRequest);
  }

  private Answer answer(
      @Nullable Fault fault,
      SignatureVerifier.Result verdict,
      @Nullable String taskId,
      Route.@Nullable Match match,
      RequestHead head,
      byte[] body,
      String requestId) {
    if (fault != null && !fault.passesThrough()) {
      return faulty(fault, taskId, requestId);
    }
    if (!verdict.isValid()) {
      return Answer.json(401, ErrorBodies.unauthorized(verdict.reason(), requestId));
    }
    if (taskId == null) {
      if (match == null) {
        return Answer.json(404, ErrorBodies.noSuchApi(requestId));
      }
      SimulatedService service = simulator.service();
      synchronized (service) {
        return service.answer(match, head.rawQuery(), body, requestId);
      }
    }
    if (taskId.length() > SimulatedService.MAX_ID_LENGTH) {
      return Answer.json(
          400,
          ErrorBodies.badRequest(
              "ShowTask: task_id must be 1 to "
                  + SimulatedService.MAX_ID_LENGTH
                  + " characters, was "
                  + taskId.length(),
              requestId));
    }
    SimulatedTask task = simulator.simulatedTask(taskId);
    if (task == null) {
      return Answer.json(404, ErrorBodies.noSuchTask(taskId, requestId));
    }
    return Answer.json(200, task.poll(simulator.virtualNow()).toJson());
  }

  private Answer faulty(Fault fault, @Nullable String taskId, String requestId) {
    switch (fault.kind()) {
      case STATUS:
        return Answer.json(
            fault.status(), ErrorBodies.forFault(fault, taskId, requestId), fault.retryAfter());
      case DROP_CONNECTION:
        return Answer.drop();
      case TRUNCATED_BODY:
        ShowTaskResponse task = taskId == null ? null : simulator.task(taskId);
        return Answer.truncated((task != null ? task : ExampleTask.get()).toJson());
      case MALFORMED_JSON:
        return Answer.json(200, "{\"name\":\"MigrationTask\",\"state\":RUNNING,");
      case RESPONSE:
        return Answer.raw(fault.status(), fault.contentType(), fault.body());
      default:
        throw new IllegalStateException("unhandled fault " + fault);
    }
  }

  private static @Nullable String taskId(String method, String rawPath) {
    if (!"GET".equals(method) || !rawPath.startsWith(TASKS_PREFIX)) {
      return null;
    }
    String segment = rawPath.substring(TASKS_PREFIX.length());
    if (segment.isEmpty() || segment.indexOf('/') >= 0) {
      return null;
    }
    return PercentEncoding.decode(segment);
  }

  /** ShowTask, the hot path, is known by its task id without matching the other 50 routes. */
  private static Route.@Nullable Match routeUnlessShowTask(
      @Nullable String taskId, RequestHead head) {
    return taskId == null ? Route.match(head.method(), head.rawPath()) : null;
  }

  /** The first path parameter: what an operation rule of a fault plan may name. */
  private static @Nullable String pathId(@Nullable String taskId, Route.@Nullable Match match) {
    if (taskId != null) {
      return taskId;
    }
    return match == null || match.params().isEmpty() ? null : match.param(0);
  }

  private static @Nullable String operation(@Nullable String taskId, Route.@Nullable Match match) {
    return taskId != null ? "ShowTask" : match == null ? null : match.route().operation();
  }

  private static @Nullable String accessKey(@Nullable String authorization) {
    if (authorization == null) {
      return null;
    }
    int at = authorization.indexOf("Access=");
    if (at < 0) {
      return null;
    }
    int end = authorization.indexOf(',', at);
    return authorization
        .substring(at + "Access=".length(), end < 0 ? authorization.length() : end)
        .trim();
  }
}
