package org.migrationkit.sms.testing;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.internal.json.JsonValues;
import org.migrationkit.sms.model.PostSourceServerBody;
import org.migrationkit.sms.model.ShowServerResponse;

/**
 * The simulator's control API under {@code /__sms/}, as {@link SmsSimulator.Builder#controlApi}
 * documents it: who may call it (a loopback peer, or anyone with the admin token), then the
 * endpoint, then a body read and checked whole by {@link ControlJson} before the simulator changes.
 * Its requests are not journaled, counted or faulted.
 */
final class ControlApi {
  static final String PREFIX = "/__sms";

  private final SmsSimulator simulator;
  private final byte @Nullable [] expectedAuthorization;
  private final AtomicLong requests = new AtomicLong();

  ControlApi(SmsSimulator simulator, @Nullable String adminToken) {
    this.simulator = simulator;
    this.expectedAuthorization =
        adminToken == null ? null : ("Bearer " + adminToken).getBytes(StandardCharsets.US_ASCII);
  }

  static boolean isControlPath(String rawPath) {
    return rawPath.equals(PREFIX) || rawPath.startsWith(PREFIX + "/");
  }

  void handle(RequestHead head, byte[] body, Connection connection) {
    String requestId = "sms-control-" + requests.incrementAndGet();
    Answer answer;
    try {
      answer = answer(head, body, connection.peer());
    } catch (ControlJson.Invalid e) {
      answer = error(400, e.getMessage());
    }
    boolean next = head.keepAlive();
    connection.respond(answer.encode(requestId, head.isHead(), !next), next);
  }

  void refuse(RequestHead head, int status, String why, Connection connection) {
    String requestId = "sms-control-" + requests.incrementAndGet();
    Answer answer = error(status, "request refused: " + why);
    connection.respond(answer.encode(requestId, head.isHead(), true), false);
  }

  /**
   * Answers one control request from {@code peer}; a bad body throws {@link ControlJson.Invalid}.
   */
  Answer answer(RequestHead head, byte[] body, @Nullable InetAddress peer) {
    Answer refused = authorize(head, peer);
    if (refused != null) {
      return refused;
    }
    String path = head.rawPath();
    String method = head.method();
    switch (path) {
      case PREFIX + "/health":
        return only("GET", method, path, () -> Answer.json(200, health()));
      case PREFIX + "/reset":
        return only(
            "POST",
            method,
            path,
            () -> {
              simulator.reset();
              return Answer.json(200, health());
            });
      case PREFIX + "/journal":
        if ("DELETE".equals(method)) {
          simulator.clearJournal();
          return Answer.json(200, "{}");
        }
        return only("GET", method, path, () -> Answer.json(200, journal()));
      case PREFIX + "/servers":
        return only("POST", method, path, () -> addServer(body));
      case PREFIX + "/scripts":
        if ("DELETE".equals(method)) {
          simulator.clearScripts();
          return Answer.json(200, "{}");
        }
        return only("POST", method, path, () -> script(body));
      case PREFIX + "/faults":
        if ("DELETE".equals(method)) {
          simulator.clearFaults();
          return Answer.json(200, "{}");
        }
        return only(
            "POST",
            method,
            path,
            () -> {
              simulator.faults(ControlJson.faultPlan(body));
              return Answer.json(200, "{}");
            });
      case PREFIX + "/clock":
        return only("GET", method, path, () -> Answer.json(200, now()));
      case PREFIX + "/clock/advance":
        return only("POST", method, path, () -> advance(body));
      default:
        return error(404, "no control endpoint " + path + " (see GET " + PREFIX + "/health)");
    }
  }

  private @Nullable Answer authorize(RequestHead head, @Nullable InetAddress peer) {
    if (expectedAuthorization != null) {
      String given = head.header("Authorization");
      byte[] bytes = given == null ? new byte[0] : given.getBytes(StandardCharsets.ISO_8859_1);
      if (!MessageDigest.isEqual(bytes, expectedAuthorization)) {
        return error(
            401,
            given == null
                ? "the control API needs Authorization: Bearer <admin token>"
                : "the Authorization header does not carry the admin token");
      }
      return null;
    }
    if (peer == null || !peer.isLoopbackAddress()) {
      return error(
          403,
          "the control API answers loopback clients only; start the simulator with an admin"
              + " token to call it from elsewhere");
    }
    return null;
  }

  private interface Action {
    Answer run();
  }

  private static Answer only(String allowed, String method, String path, Action action) {
    if (!allowed.equals(method)) {
      return error(405, path + " takes " + allowed + ", not " + method);
    }
    return action.run();
  }

  private Answer addServer(byte[] body) {
    ControlJson.Obj server = ControlJson.object(body, "source server");
    server.requiredString("name");
    PostSourceServerBody registration;
    try {
      registration = PostSourceServerBody.fromJson(new String(body, StandardCharsets.UTF_8));
    } catch (RuntimeException e) { // the generated reader names the member it could not read
      throw new ControlJson.Invalid("source server: " + e.getMessage());
    }
    ShowServerResponse stored;
    try {
      stored = simulator.addRegisteredServer(registration);
    } catch (IllegalStateException e) {
      return error(409, e.getMessage());
    }
    ShowServerResponse shown = simulator.sourceServer(stored.getId());
    return Answer.json(201, (shown != null ? shown : stored).toJson());
  }

  private Answer script(byte[] body) {
    ControlJson.ScriptRequest request = ControlJson.script(body);
    switch (request.target()) {
      case TASK:
        simulator.script(request.id(), request.script());
        break;
      case SOURCE_SERVER:
        simulator.scriptServer(request.id(), request.script());
        break;
      default:
        simulator.startedTaskScript(request.script());
        break;
    }
    return Answer.json(200, "{}");
  }

  private Answer advance(byte[] body) {
    Duration d = ControlJson.advance(body);
    try {
      simulator.now().plus(d); // refuse an overflow before the clock moves
    } catch (DateTimeException | ArithmeticException e) {
      throw new ControlJson.Invalid("clock advance: " + d + " takes the clock past its end");
    }
    simulator.advance(d);
    return Answer.json(200, now());
  }

  private String now() {
    return write(
        g -> {
          g.writeStartObject();
          g.writeStringField("now", simulator.now().toString());
          g.writeEndObject();
        });
  }

  private String health() {
    return write(
        g -> {
          g.writeStartObject();
          g.writeStringField("status", "ok");
          g.writeStringField("endpoint", simulator.endpoint());
          g.writeNumberField("port", simulator.port());
          g.writeNumberField("tasks", simulator.taskCount());
          g.writeNumberField("source_servers", simulator.sourceServerCount());
          g.writeNumberField("requests", simulator.requestCount());
          g.writeStringField("now", simulator.now().toString());
          g.writeEndObject();
        });
  }

  private String journal() {
    return write(
        g -> {
          g.writeStartArray();
          for (JournalEntry entry : simulator.journal()) {
            g.writeRawValue(entry.toJson());
          }
          g.writeEndArray();
        });
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static String write(Body body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JsonValues.FACTORY.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  /** Returns an error answer in the control API's shape: {@code SMS.SIMULATOR.0<status>}. */
  static Answer error(int status, String message) {
    String code = "SMS.SIMULATOR.0" + status;
    return Answer.json(
        status,
        write(
            g -> {
              g.writeStartObject();
              g.writeStringField("error_code", code);
              g.writeStringField("error_msg", message);
              g.writeEndObject();
            }));
  }
}
