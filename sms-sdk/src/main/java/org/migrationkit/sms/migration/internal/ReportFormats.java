package org.migrationkit.sms.migration.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.internal.json.JsonValues;
import org.migrationkit.sms.migration.FleetItem;
import org.migrationkit.sms.migration.FleetProgress;
import org.migrationkit.sms.model.TaskState;

/** A fleet report as JSON and CSV, and the JSON of one item, which the state file holds too. */
public final class ReportFormats {
  private static final String[] COLUMNS = {
    "source_server_id",
    "task_id",
    "task_name",
    "outcome",
    "state",
    "error",
    "request_id",
    "started_at",
    "finished_at",
    "restarts"
  };

  private ReportFormats() {}

  /** Returns the report's JSON. */
  public static String json(List<FleetItem> items, FleetProgress progress) {
    StringWriter out = new StringWriter(256 + items.size() * 200);
    try (JsonGenerator g = JsonValues.FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("total", progress.total());
      g.writeNumberField("succeeded", progress.succeeded());
      g.writeNumberField("failed", progress.failed());
      g.writeNumberField("pending", progress.pending());
      g.writeNumberField("running", progress.running());
      g.writeArrayFieldStart("items");
      for (FleetItem item : items) {
        writeItem(g, item);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  /** Returns the report's CSV, RFC 4180. */
  public static String csv(List<FleetItem> items) {
    StringBuilder s = new StringBuilder(128 + items.size() * 160);
    for (int i = 0; i < COLUMNS.length; i++) {
      s.append(i == 0 ? "" : ",").append(COLUMNS[i]);
    }
    s.append("\r\n");
    for (FleetItem item : items) {
      cell(s, item.sourceServerId()).append(',');
      cell(s, item.taskId()).append(',');
      cell(s, item.taskName()).append(',');
      cell(s, item.outcome().name()).append(',');
      cell(s, item.state() == null ? null : item.state().value()).append(',');
      cell(s, item.error()).append(',');
      cell(s, item.requestId()).append(',');
      cell(s, item.startedAt() == null ? null : item.startedAt().toString()).append(',');
      cell(s, item.finishedAt() == null ? null : item.finishedAt().toString()).append(',');
      s.append(item.restarts()).append("\r\n");
    }
    return s.toString();
  }

  private static StringBuilder cell(StringBuilder s, @Nullable String value) {
    if (value == null) {
      return s;
    }
    boolean quote = false;
    for (int i = 0; i < value.length() && !quote; i++) {
      char c = value.charAt(i);
      quote = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    if (!quote) {
      return s.append(value);
    }
    s.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      s.append(c);
      if (c == '"') {
        s.append('"');
      }
    }
    return s.append('"');
  }

  /** Writes one item as a JSON object, members without a value left out. */
  static void writeItem(JsonGenerator g, FleetItem item) throws IOException {
    g.writeStartObject();
    g.writeStringField("source_server_id", item.sourceServerId());
    optional(g, "task_id", item.taskId());
    optional(g, "task_name", item.taskName());
    g.writeStringField("outcome", item.outcome().name());
    optional(g, "state", item.state() == null ? null : item.state().value());
    optional(g, "error", item.error());
    optional(g, "request_id", item.requestId());
    optional(g, "started_at", item.startedAt() == null ? null : item.startedAt().toString());
    optional(g, "finished_at", item.finishedAt() == null ? null : item.finishedAt().toString());
    g.writeNumberField("restarts", item.restarts());
    g.writeEndObject();
  }

  private static void optional(JsonGenerator g, String name, @Nullable String value)
      throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  /**
   * Reads one item; the parser is at its {@code START_OBJECT}.
   *
   * @throws StateFileException when a member is missing or malformed
   */
  static FleetItem readItem(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new StateFileException("an item is not an object");
    }
    String server = null;
    String taskId = null;
    String taskName = null;
    FleetItem.Outcome outcome = null;
    TaskState state = null;
    String error = null;
    String requestId = null;
    Instant startedAt = null;
    Instant finishedAt = null;
    int restarts = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (name.equals("restarts")) {
        if (value != JsonToken.VALUE_NUMBER_INT || p.getIntValue() < 0) {
          throw new StateFileException("an item's restarts is not a count");
        }
        restarts = p.getIntValue();
        continue;
      }
      if (value != JsonToken.VALUE_STRING) {
        p.skipChildren(); // a member a later version added
        continue;
      }
      String text = p.getText();
      switch (name) {
        case "source_server_id":
          server = text;
          break;
        case "task_id":
          taskId = text;
          break;
        case "task_name":
          taskName = text;
          break;
        case "outcome":
          try {
            outcome = FleetItem.Outcome.valueOf(text);
          } catch (IllegalArgumentException e) {
            throw new StateFileException(
                "an item's outcome " + JsonValues.oneLine(text) + " is unknown");
          }
          break;
        case "state":
          state = TaskState.of(text);
          break;
        case "error":
          error = text;
          break;
        case "request_id":
          requestId = text;
          break;
        case "started_at":
          startedAt = instant(text);
          break;
        case "finished_at":
          finishedAt = instant(text);
          break;
        default:
          break;
      }
    }
    if (server == null || outcome == null) {
      throw new StateFileException("an item lacks source_server_id or outcome");
    }
    return FleetItem.builder(server)
        .taskId(taskId)
        .taskName(taskName)
        .outcome(outcome)
        .state(state)
        .error(error)
        .requestId(requestId)
        .startedAt(startedAt)
        .finishedAt(finishedAt)
        .restarts(restarts)
        .build();
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new StateFileException("a time is not ISO-8601: " + JsonValues.oneLine(text));
    }
  }
}
