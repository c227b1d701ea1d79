package org.migrationkit.sms.callpath;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.internal.Operation;

/**
 * Operation descriptors of every kind the SMS v3 API has, declared here as a generator would
 * declare the real ones: a query, a JSON body (nulls omitted), each response kind, each
 * idempotency. Their requests are plain records, so nothing depends on the generated models.
 */
final class TestOperations {
  private TestOperations() {}

  static final ObjectMapper MAPPER = new ObjectMapper();

  record ListTasks(
      @Nullable String name,
      @Nullable String state,
      @Nullable Integer limit,
      @Nullable String marker,
      @Nullable List<String> ids) {}

  record NewTask(
      @Nullable String tag, String name, @Nullable Integer priority, @Nullable String note) {}

  record TaskUpdate(String taskId, String name) {}

  record TaskId(String taskId) {}

  record TaskIds(List<String> ids) {}

  /** GET with query parameters, answering a model. */
  static final Operation<ListTasks, JsonNode> LIST_TASKS =
      Operation.<ListTasks>builder("ListTasks", "GET", "/v3/tasks")
          .query(
              (r, q) ->
                  q.add("name", r.name())
                      .add("state", r.state())
                      .add("limit", r.limit())
                      .add("marker", r.marker())
                      .add("id", r.ids()))
          .readsModel(MAPPER::readTree);

  /** POST with a query and a JSON body, answering a model; not idempotent. */
  static final Operation<NewTask, JsonNode> CREATE_TASK =
      Operation.<NewTask>builder("CreateTask", "POST", "/v3/tasks")
          .query((r, q) -> q.add("tag", r.tag()))
          .body(TestOperations::writeNewTask)
          .readsModel(MAPPER::readTree);

  /** The same POST, declared idempotent (as a generator may for a POST that is a query). */
  static final Operation<NewTask, JsonNode> CREATE_TASK_IDEMPOTENT =
      Operation.<NewTask>builder("CreateTask", "POST", "/v3/tasks")
          .query((r, q) -> q.add("tag", r.tag()))
          .body(TestOperations::writeNewTask)
          .idempotent(true)
          .readsModel(MAPPER::readTree);

  /** PUT with a path value and a body, answering nothing. */
  static final Operation<TaskUpdate, String> UPDATE_TASK =
      Operation.<TaskUpdate>builder("UpdateTask", "PUT", "/v3/tasks/{task_id}")
          .path(r -> List.of(r.taskId()))
          .body(
              (g, r) -> {
                g.writeStartObject();
                g.writeStringField("name", r.name());
                g.writeEndObject();
              })
          .readsNothing(() -> "updated");

  /** DELETE without a body, answering nothing. */
  static final Operation<TaskId, Boolean> DELETE_TASK =
      Operation.<TaskId>builder("DeleteTask", "DELETE", "/v3/tasks/{task_id}")
          .path(r -> List.of(r.taskId()))
          .readsNothing(() -> Boolean.TRUE);

  /** POST batch delete: a body with a list, answering a model. */
  static final Operation<TaskIds, JsonNode> DELETE_TASKS =
      Operation.<TaskIds>builder("DeleteTasks", "POST", "/v3/tasks/delete")
          .body(
              (g, r) -> {
                g.writeStartObject();
                g.writeArrayFieldStart("ids");
                for (String id : r.ids()) {
                  g.writeString(id);
                }
                g.writeEndArray();
                g.writeEndObject();
              })
          .readsModel(MAPPER::readTree);

  /** GET answering text that is no model. */
  static final Operation<TaskId, String> SHOW_TASK_LOG =
      Operation.<TaskId>builder("ShowTaskLog", "GET", "/v3/tasks/{task_id}/log")
          .path(r -> List.of(r.taskId()))
          .readsText(Function.identity());

  /** POST without a body (OkHttp sends an empty one), answering nothing. */
  static final Operation<TaskId, @Nullable Void> UNLOCK_TASK =
      Operation.<TaskId>builder("UnlockTask", "POST", "/v3/tasks/{task_id}/unlock")
          .path(r -> List.of(r.taskId()))
          .readsNothing(() -> null);

  /** A POST whose body writer fails. */
  static final Operation<TaskId, JsonNode> BROKEN_BODY =
      Operation.<TaskId>builder("BrokenBody", "POST", "/v3/tasks/{task_id}/action")
          .path(r -> List.of(r.taskId()))
          .body(
              (g, r) -> {
                g.writeStartObject();
                g.writeEndArray(); // not an array: Jackson refuses
              })
          .readsModel(MAPPER::readTree);

  private static void writeNewTask(JsonGenerator g, NewTask r) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", r.name());
    if (r.priority() != null) {
      g.writeNumberField("priority", r.priority());
    }
    if (r.note() != null) {
      g.writeStringField("note", r.note());
    }
    g.writeEndObject();
  }
}
