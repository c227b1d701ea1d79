package org.migrationkit.sms.testing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.internal.json.JsonValues;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.TaskState;

/**
 * The JSON forms of the control API (documented on {@link SmsSimulator.Builder#controlApi}): read
 * with Jackson's streaming parser into plain maps and lists, then checked member by member into the
 * simulator's own values, so that a body is wholly valid before anything is applied. Every problem
 * is an {@link Invalid} whose message names the member.
 */
final class ControlJson {
  private static final int MAX_DEPTH = 32;

  private ControlJson() {}

  /** A body the control API refuses; the message is one line naming what was wrong. */
  static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  /** Where a script goes: a task, a source server's tasks, or every started task. */
  enum Target {
    TASK,
    SOURCE_SERVER,
    DEFAULT
  }

  /** A checked {@code POST /__sms/scripts} body. */
  record ScriptRequest(Target target, @Nullable String id, TaskScript script) {}

  // ---- reading ----

  /** Reads one JSON object, whole; duplicate members and trailing content are refused. */
  static Obj object(byte[] body, String what) {
    if (body.length == 0) {
      throw new Invalid(what + " needs a JSON object body");
    }
    try (JsonParser p = JsonValues.FACTORY.createParser(body)) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new Invalid(what + ": the body must be a JSON object, was " + first);
      }
      Map<String, Object> members;
      try {
        @SuppressWarnings("unchecked")
        Map<String, Object> read = (Map<String, Object>) value(p, 0);
        members = read;
      } catch (Invalid e) {
        throw new Invalid(what + ": " + e.getMessage());
      }
      if (p.nextToken() != null) {
        throw new Invalid(what + ": content after the JSON object");
      }
      return new Obj(members, what);
    } catch (JsonProcessingException e) {
      throw new Invalid(what + ": the body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail to read
    }
  }

  private static @Nullable Object value(JsonParser p, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new Invalid("the body nests deeper than " + MAX_DEPTH + " levels");
    }
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT:
        Map<String, Object> members = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          if (members.containsKey(name)) {
            throw new Invalid("member " + name + " appears twice");
          }
          members.put(name, value(p, depth + 1));
        }
        return members;
      case START_ARRAY:
        List<Object> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(value(p, depth + 1));
        }
        return items;
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getBigIntegerValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDecimalValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new Invalid("unexpected JSON token " + t);
    }
  }

  /** A JSON object with typed, checked access to its members; {@code where} names it. */
  static final class Obj {
    private final Map<String, Object> members;
    private final String where;

    Obj(Map<String, Object> members, String where) {
      this.members = members;
      this.where = where;
    }

    boolean has(String name) {
      return members.get(name) != null;
    }

    /** Refuses any member not in {@code allowed}, so that a misspelt one is not ignored. */
    Obj only(Set<String> allowed) {
      for (String name : members.keySet()) {
        if (!allowed.contains(name)) {
          throw new Invalid(where + ": unknown member " + name + " (known: " + allowed + ")");
        }
      }
      return this;
    }

    @Nullable String string(String name) {
      Object v = members.get(name);
      if (v == null) {
        return null;
      }
      if (!(v instanceof String)) {
        throw new Invalid(where + ": " + name + " must be a string, was " + v);
      }
      return (String) v;
    }

    String requiredString(String name) {
      String s = string(name);
      if (s == null || s.isBlank()) {
        throw new Invalid(where + ": " + name + " is required (a non-blank string)");
      }
      return s;
    }

    @Nullable Long integer(String name, long min, long max) {
      Object v = members.get(name);
      if (v == null) {
        return null;
      }
      BigInteger i;
      if (v instanceof BigInteger) {
        i = (BigInteger) v;
      } else if (v instanceof BigDecimal && ((BigDecimal) v).stripTrailingZeros().scale() <= 0) {
        i = ((BigDecimal) v).toBigInteger();
      } else {
        throw new Invalid(where + ": " + name + " must be a whole number, was " + v);
      }
      if (i.compareTo(BigInteger.valueOf(min)) < 0 || i.compareTo(BigInteger.valueOf(max)) > 0) {
        throw new Invalid(where + ": " + name + " must be " + min + " to " + max + ", was " + i);
      }
      return i.longValue();
    }

    @Nullable Double number(String name, double min, double max) {
      Object v = members.get(name);
      if (v == null) {
        return null;
      }
      if (!(v instanceof BigInteger) && !(v instanceof BigDecimal)) {
        throw new Invalid(where + ": " + name + " must be a number, was " + v);
      }
      double d = ((Number) v).doubleValue();
      if (!(d >= min && d <= max)) {
        throw new Invalid(where + ": " + name + " must be " + min + " to " + max + ", was " + v);
      }
      return d;
    }

    boolean isTrue(String name) {
      Object v = members.get(name);
      if (v == null) {
        return false;
      }
      if (!(v instanceof Boolean)) {
        throw new Invalid(where + ": " + name + " must be true or false, was " + v);
      }
      return (Boolean) v;
    }

    @Nullable Obj object(String name) {
      Object v = members.get(name);
      if (v == null) {
        return null;
      }
      if (!(v instanceof Map)) {
        throw new Invalid(where + ": " + name + " must be a JSON object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) v;
      return new Obj(m, where + " " + name);
    }

    List<Object> array(String name) {
      Object v = members.get(name);
      if (!(v instanceof List)) {
        throw new Invalid(where + ": " + name + " is required (a JSON array)");
      }
      @SuppressWarnings("unchecked")
      List<Object> l = (List<Object>) v;
      return l;
    }

    Obj item(List<Object> items, int index, String what) {
      Object v = items.get(index);
      if (!(v instanceof Map)) {
        throw new Invalid(where + ": " + what + " " + (index + 1) + " must be a JSON object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) v;
      return new Obj(m, where + " " + what + " " + (index + 1));
    }

    @Nullable Duration duration(String name) {
      String text = string(name);
      if (text == null) {
        return null;
      }
      try {
        return Duration.parse(text);
      } catch (DateTimeParseException e) {
        throw new Invalid(
            where + ": " + name + " must be an ISO-8601 duration such as PT5M, was " + text);
      }
    }

    /** Returns the member as JSON text again. */
    String json(String name) {
      StringWriter out = new StringWriter();
      try (JsonGenerator g = JsonValues.FACTORY.createGenerator(out)) {
        write(g, members.get(name));
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a StringWriter does not fail
      }
      return out.toString();
    }

    String where() {
      return where;
    }
  }

  private static void write(JsonGenerator g, @Nullable Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        g.writeFieldName((String) e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List) {
      g.writeStartArray();
      for (Object item : (List<?>) v) {
        write(g, item);
      }
      g.writeEndArray();
    } else if (v instanceof String) {
      g.writeString((String) v);
    } else if (v instanceof BigInteger) {
      g.writeNumber((BigInteger) v);
    } else if (v instanceof BigDecimal) {
      g.writeNumber((BigDecimal) v);
    } else {
      g.writeBoolean((Boolean) v);
    }
  }

  // ---- the forms ----

  private static final Set<String> PLAN_MEMBERS = Set.of("seed", "rules");
  private static final Set<String> RULE_MEMBERS =
      Set.of("fault", "request", "requests", "always", "probability", "operation", "id", "times");
  private static final Set<String> FAULT_MEMBERS =
      Set.of(
          "kind",
          "status",
          "error_code",
          "error_msg",
          "retry_after_seconds",
          "content_type",
          "body",
          "latency_ms");

  /** Reads a fault plan: {@code {"seed": 42, "rules": [...]}}. */
  static FaultPlan faultPlan(byte[] body) {
    Obj plan = object(body, "fault plan").only(PLAN_MEMBERS);
    FaultPlan.Builder b = FaultPlan.builder();
    Long seed = plan.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE);
    if (seed != null) {
      b.seed(seed);
    }
    List<Object> rules = plan.array("rules");
    for (int i = 0; i < rules.size(); i++) {
      Obj rule = plan.item(rules, i, "rule").only(RULE_MEMBERS);
      rule(b, rule);
    }
    return b.build();
  }

  private static void rule(FaultPlan.Builder b, Obj rule) {
    Obj faultObject = rule.object("fault");
    if (faultObject == null) {
      throw new Invalid(rule.where() + ": fault is required (a JSON object)");
    }
    Fault fault = fault(faultObject);
    int matchers = 0;
    for (String m : List.of("request", "requests", "always", "probability", "operation")) {
      matchers += rule.has(m) ? 1 : 0;
    }
    if (matchers != 1) {
      throw new Invalid(
          rule.where() + ": give exactly one of request, requests, always, probability, operation");
    }
    if (!rule.has("operation") && (rule.has("id") || rule.has("times"))) {
      throw new Invalid(rule.where() + ": id and times go with operation only");
    }
    try {
      if (rule.has("request")) {
        b.onRequest(rule.integer("request", 1, Long.MAX_VALUE), fault);
      } else if (rule.has("requests")) {
        List<Object> range = rule.array("requests");
        if (range.size() != 2) {
          throw new Invalid(rule.where() + ": requests must be [first, last]");
        }
        Map<String, Object> bounds = new LinkedHashMap<>();
        bounds.put("first", range.get(0));
        bounds.put("last", range.get(1));
        Obj r = new Obj(bounds, rule.where() + " requests");
        b.onRequests(
            r.integer("first", 1, Long.MAX_VALUE), r.integer("last", 1, Long.MAX_VALUE), fault);
      } else if (rule.has("always")) {
        if (!rule.isTrue("always")) {
          throw new Invalid(rule.where() + ": always must be true when given");
        }
        b.always(fault);
      } else if (rule.has("probability")) {
        b.randomly(rule.number("probability", 0, 1), fault);
      } else {
        String operation = rule.requiredString("operation");
        String id = rule.string("id");
        Long times = rule.integer("times", 1, Integer.MAX_VALUE);
        if (times == null) {
          if (id != null) {
            b.onOperation(operation, id, Integer.MAX_VALUE, fault);
          } else {
            b.alwaysOnOperation(operation, fault);
          }
        } else if (id != null) {
          b.onOperation(operation, id, times.intValue(), fault);
        } else {
          b.onOperation(operation, times.intValue(), fault);
        }
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new Invalid(rule.where() + ": " + e.getMessage());
    }
  }

  /** Reads a fault: {@code {"kind": "status", "status": 503, ...}}; the kind defaults to status. */
  static Fault fault(Obj f) {
    f.only(FAULT_MEMBERS);
    String kind = f.string("kind");
    if (kind == null) {
      kind = "status";
    }
    Long latencyMs = f.integer("latency_ms", 0, Long.MAX_VALUE / 1_000_000);
    Long retryAfter = f.integer("retry_after_seconds", 0, Long.MAX_VALUE / 1_000);
    Long status = f.integer("status", 100, 599);
    Set<String> allowed;
    Fault fault;
    try {
      switch (kind) {
        case "status":
          allowed =
              Set.of(
                  "kind", "status", "error_code", "error_msg", "retry_after_seconds", "latency_ms");
          if (status == null) {
            throw new Invalid(f.where() + ": a status fault needs status (400 to 599)");
          }
          String code = f.string("error_code");
          String msg = f.string("error_msg");
          if ((code == null) != (msg == null)) {
            throw new Invalid(f.where() + ": give error_code and error_msg together, or neither");
          }
          fault =
              code == null
                  ? Fault.status(status.intValue())
                  : Fault.status(status.intValue(), code, msg);
          if (retryAfter != null) {
            fault = fault.withRetryAfter(Duration.ofSeconds(retryAfter));
          }
          break;
        case "latency":
          allowed = Set.of("kind", "latency_ms");
          if (latencyMs == null) {
            throw new Invalid(f.where() + ": a latency fault needs latency_ms");
          }
          fault = Fault.latency(Duration.ofMillis(latencyMs));
          latencyMs = null; // the fault is the latency
          break;
        case "drop_connection":
          allowed = Set.of("kind", "latency_ms");
          fault = Fault.dropConnection();
          break;
        case "truncated_body":
          allowed = Set.of("kind", "latency_ms");
          fault = Fault.truncatedBody();
          break;
        case "malformed_json":
          allowed = Set.of("kind", "latency_ms");
          fault = Fault.malformedJson();
          break;
        case "response":
          allowed = Set.of("kind", "status", "content_type", "body", "latency_ms");
          if (status == null) {
            throw new Invalid(f.where() + ": a response fault needs status (100 to 599)");
          }
          fault =
              Fault.response(
                  status.intValue(), f.requiredString("content_type"), stringOrEmpty(f, "body"));
          break;
        default:
          throw new Invalid(
              f.where()
                  + ": unknown kind "
                  + kind
                  + " (status, latency, drop_connection, truncated_body, malformed_json, response)");
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new Invalid(f.where() + ": " + e.getMessage());
    }
    f.only(allowed);
    return latencyMs == null ? fault : fault.withLatency(Duration.ofMillis(latencyMs));
  }

  private static String stringOrEmpty(Obj f, String name) {
    String s = f.string(name);
    return s == null ? "" : s;
  }

  /** Writes {@code fault} in the form {@link #fault(Obj)} reads. */
  static void writeFault(JsonGenerator g, Fault fault) throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", fault.kind().name().toLowerCase(java.util.Locale.ROOT));
    if (fault.kind() == Fault.Kind.STATUS || fault.kind() == Fault.Kind.RESPONSE) {
      g.writeNumberField("status", fault.status());
    }
    if (fault.errorCode() != null) {
      g.writeStringField("error_code", fault.errorCode());
      g.writeStringField("error_msg", fault.errorMsg());
    }
    if (fault.retryAfter() != null) {
      Duration r = fault.retryAfter();
      g.writeNumberField("retry_after_seconds", r.getSeconds() + (r.getNano() > 0 ? 1 : 0));
    }
    if (fault.kind() == Fault.Kind.RESPONSE) {
      g.writeStringField("content_type", fault.contentType());
    }
    if (!fault.latency().isZero()) {
      g.writeNumberField("latency_ms", fault.latency().toMillis());
    }
    g.writeEndObject();
  }

  private static final Set<String> SCRIPT_MEMBERS =
      Set.of(
          "task_id",
          "source_server_id",
          "default",
          "step_every",
          "migrate_speed",
          "base_task",
          "steps");
  private static final Set<String> STEP_MEMBERS =
      Set.of(
          "type", "state", "steps", "name", "sub_task", "percent", "error_json", "process_trace");

  /** Reads a script and its target: {@code {"task_id": "...", "steps": [...]}}. */
  static ScriptRequest script(byte[] body) {
    Obj s = object(body, "script").only(SCRIPT_MEMBERS);
    int targets =
        (s.has("task_id") ? 1 : 0)
            + (s.has("source_server_id") ? 1 : 0)
            + (s.has("default") ? 1 : 0);
    if (targets != 1) {
      throw new Invalid(
          "script: give exactly one target: task_id, source_server_id or \"default\": true");
    }
    Target target;
    String id = null;
    if (s.has("task_id")) {
      target = Target.TASK;
      id = s.requiredString("task_id");
    } else if (s.has("source_server_id")) {
      target = Target.SOURCE_SERVER;
      id = s.requiredString("source_server_id");
    } else {
      if (!s.isTrue("default")) {
        throw new Invalid("script: default must be true when given");
      }
      target = Target.DEFAULT;
    }
    TaskScript.Builder b = TaskScript.builder();
    try {
      Duration every = s.duration("step_every");
      if (every != null) {
        b.stepEvery(every);
      }
      Double speed = s.number("migrate_speed", 0, Double.MAX_VALUE);
      if (speed != null) {
        b.migrateSpeed(speed);
      }
      if (s.object("base_task") != null) {
        b.baseTask(baseTask(s.json("base_task")));
      }
      List<Object> steps = s.array("steps");
      if (steps.isEmpty()) {
        throw new Invalid("script: steps must not be empty");
      }
      for (int i = 0; i < steps.size(); i++) {
        step(b, s.item(steps, i, "step").only(STEP_MEMBERS));
      }
      return new ScriptRequest(target, id, b.build());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new Invalid("script: " + e.getMessage());
    }
  }

  private static ShowTaskResponse baseTask(String json) {
    try {
      return ShowTaskResponse.fromJson(json);
    } catch (RuntimeException e) { // the generated reader names the member it could not read
      throw new Invalid("script: base_task is not a ShowTask body: " + e.getMessage());
    }
  }

  private static void step(TaskScript.Builder b, Obj step) {
    String type = step.requiredString("type");
    switch (type) {
      case "hold":
        step.only(Set.of("type", "state", "steps"));
        b.hold(state(step), steps(step));
        break;
      case "sub_task":
        step.only(Set.of("type", "name", "steps", "state"));
        String name = step.requiredString("name");
        if (step.has("state")) {
          b.subTask(name, steps(step), state(step));
        } else {
          b.subTask(name, steps(step));
        }
        break;
      case "succeed":
        step.only(Set.of("type"));
        b.succeed();
        break;
      case "fail":
        step.only(Set.of("type", "sub_task", "percent", "error_json", "process_trace"));
        Long percent = step.integer("percent", 0, 100);
        b.fail(
            step.requiredString("sub_task"),
            percent == null ? 0 : percent.intValue(),
            stringOrEmpty(step, "error_json"),
            stringOrEmpty(step, "process_trace"));
        break;
      case "end":
        step.only(Set.of("type", "state"));
        b.end(state(step));
        break;
      default:
        throw new Invalid(
            step.where() + ": unknown type " + type + " (hold, sub_task, succeed, fail, end)");
    }
  }

  private static TaskState state(Obj step) {
    String value = step.requiredString("state");
    TaskState state = TaskState.of(value);
    if (!TaskState.knownValues().contains(state)) {
      throw new Invalid(step.where() + ": state " + value + " is not a task state of the API");
    }
    return state;
  }

  private static int steps(Obj step) {
    Long n = step.integer("steps", 1, 1_000_000);
    return n == null ? 1 : n.intValue();
  }

  /** Reads a clock advance: {@code {"seconds": 300}} or {@code {"duration": "PT5M"}}. */
  static Duration advance(byte[] body) {
    Obj a = object(body, "clock advance").only(Set.of("seconds", "duration"));
    if (a.has("seconds") == a.has("duration")) {
      throw new Invalid("clock advance: give exactly one of seconds or duration");
    }
    Duration d;
    if (a.has("seconds")) {
      d = Duration.ofSeconds(a.integer("seconds", 0, 100L * 365 * 24 * 3600));
    } else {
      d = a.duration("duration");
      if (d.isNegative()) {
        throw new Invalid("clock advance: duration must be zero or positive, was " + d);
      }
    }
    return d;
  }
}
