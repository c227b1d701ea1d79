package org.migrationkit.sms.callpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.callpath.TestOperations.ListTasks;
import org.migrationkit.sms.callpath.TestOperations.NewTask;
import org.migrationkit.sms.internal.Operation;
import org.migrationkit.sms.model.TaskState;

/** The descriptor on its own: declaration checks, defaults, and the wire forms it computes. */
class OperationDescriptorTest {
  @Test
  void idempotent_byMethod_postAndPatchAreNot() {
    assertThat(declared("GET").idempotent()).isTrue();
    assertThat(declared("PUT").idempotent()).isTrue();
    assertThat(declared("DELETE").idempotent()).isTrue();
    assertThat(declared("POST").idempotent()).isFalse();
    assertThat(declared("PATCH").idempotent()).isFalse();
    assertThat(TestOperations.CREATE_TASK_IDEMPOTENT.idempotent()).isTrue();
  }

  @Test
  void body_onGet_refusedAtDeclaration() {
    assertThatThrownBy(
            () -> Operation.<String>builder("Bad", "GET", "/v3/x").body((g, r) -> g.writeString(r)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Bad: a GET carries no body");
  }

  @Test
  void method_lowerCase_refusedAtDeclaration() {
    assertThatThrownBy(() -> Operation.builder("Bad", "get", "/v3/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("upper-case");
  }

  @Test
  void encodedQuery_openEnumAndIterable_wireValuesRepeatedKey() {
    Operation<List<Object>, String> op =
        Operation.<List<Object>>builder("Q", "GET", "/v3/q")
            .query((r, q) -> q.add("state", r.get(0)).add("id", r.get(1)))
            .readsText(t -> t);

    assertThat(op.encodedQuery(List.of(TaskState.of("RUNNING"), List.of("a", "b c"))))
        .isEqualTo("state=RUNNING&id=a&id=b%20c");
  }

  @Test
  void encodedQuery_noWriterOrAllNull_isNull() {
    assertThat(declared("GET").encodedQuery("x")).isNull();
    assertThat(TestOperations.LIST_TASKS.encodedQuery(new ListTasks(null, null, null, null, null)))
        .isNull();
  }

  @Test
  void body_writtenAsUtf8Json_nullsOmittedByTheWriter() throws Exception {
    byte[] body = TestOperations.CREATE_TASK.body(new NewTask("t", "é", null, null));

    assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"é\"}");
    assertThat(TestOperations.DELETE_TASK.body(new TestOperations.TaskId("x"))).isNull();
  }

  @Test
  void encodedPath_noParameters_isTheTemplateItself() {
    assertThat(declared("GET").encodedPath("x")).isSameAs(declared("GET").encodedPath("y"));
  }

  private static Operation<String, String> declared(String method) {
    return Operation.<String>builder("Op", method, "/v3/op").readsText(t -> t);
  }
}
