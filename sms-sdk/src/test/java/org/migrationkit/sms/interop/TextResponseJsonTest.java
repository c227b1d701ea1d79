package org.migrationkit.sms.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every response of an operation that answers no model has the wire-format pair too: {@code
 * toJson()} gives the body text back and {@code fromJson} makes an equal answer without a request
 * id.
 */
class TextResponseJsonTest {
  static Stream<String> textOperations() {
    return ApiDescription.load().operations().stream()
        .filter(op -> !op.responseKind().equals("model"))
        .map(ApiDescription.Operation::name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("textOperations")
  void fromJsonThenToJson_givesTheBodyBack(String operation) throws Exception {
    Class<?> response = Class.forName("org.migrationkit.sms.model." + operation + "Response");
    Method fromJson = response.getMethod("fromJson", String.class);
    Method of = response.getMethod("of", String.class, String.class);
    String body = "{\"job_id\":\"j-1\",\"note\":\"line\\u2028two\"}";

    Object answer = fromJson.invoke(null, body);

    assertThat(response.getMethod("toJson").invoke(answer)).isEqualTo(body);
    assertThat(response.getMethod("getRequestId").invoke(answer)).isNull();
    assertThat(answer).isEqualTo(of.invoke(null, body, null));
    assertThat(fromJson.invoke(null, "")).isNotEqualTo(answer);
  }
}
