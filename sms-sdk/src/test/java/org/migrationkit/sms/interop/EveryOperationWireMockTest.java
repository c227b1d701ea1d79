package org.migrationkit.sms.interop;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.testsupport.Fixtures;

/**
 * Each of the 51 operations against WireMock on loopback: required members are checked before any
 * I/O, a 200 gives the response (for an answer that is no model: its text and request id), an error
 * answer maps to {@link SmsServiceException}, and a 503 is retried exactly when the operation is
 * idempotent.
 */
class EveryOperationWireMockTest {
  private static final String AK = "HPUA6QWERTYASDF1234Z";
  private static final String SK = "s3cr3tK3yExample0123456789abcdefghijklmno";
  private static final String DOMAIN_ID = "0970dd7a1300f5672ff2c003c60ae115";
  private static final int ATTEMPTS = 3;

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private SmsClient sms;

  static Stream<ApiDescription.Operation> operations() {
    return OperationRequests.operations();
  }

  @BeforeEach
  void client() {
    sms =
        SmsClient.builder()
            .endpoint(wm.baseUrl())
            .credentials(Credentials.akSk(AK, SK).withDomainId(DOMAIN_ID))
            .retryPolicy(
                RetryPolicy.builder()
                    .maxAttempts(ATTEMPTS)
                    .baseDelay(Duration.ofMillis(1))
                    .maxDelay(Duration.ofMillis(5))
                    .build())
            .build();
  }

  @AfterEach
  void close() {
    sms.close();
  }

  private static Object request(ApiDescription.Operation op) throws Throwable {
    return OperationRequests.ours(
        op, OperationRequests.random(op, new Random(op.name().hashCode())), Set.of());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void build_missingRequiredMember_failsNamingItBeforeAnyRequest(ApiDescription.Operation op)
      throws Throwable {
    List<String> required = OperationRequests.requiredMembers(op);
    assumeThat(required).as(op.name() + " has no required member").isNotEmpty();
    OperationRequests.Values values =
        OperationRequests.random(op, new Random(op.name().hashCode()));

    for (String member : required) {
      assertThatThrownBy(() -> OperationRequests.ours(op, values, Set.of(member)))
          .as(op.name() + " without " + member)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(member + " must not be ")
          .hasMessageNotContaining("\n");
    }
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void build_badPathParameter_failsNamingItBeforeAnyRequest(ApiDescription.Operation op) {
    assumeThat(op.pathParams()).as(op.name() + " has no path parameter").isNotEmpty();
    OperationRequests.Values values =
        OperationRequests.random(op, new Random(op.name().hashCode()));

    for (ApiDescription.Param p : op.pathParams()) {
      String member = OperationRequests.camel(p.wire());
      for (String bad : List.of("..", ".", " ", "x".repeat(256), "a\uD800b")) {
        Map<String, String> params = new LinkedHashMap<>(values.params());
        params.put(p.wire(), bad);
        OperationRequests.Values withBad = new OperationRequests.Values(params, values.body());
        assertThatThrownBy(() -> OperationRequests.ours(op, withBad, Set.of()))
            .as(op.name() + " " + member + "=" + bad)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith(member + " ");
      }
    }
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void request_isAValue(ApiDescription.Operation op) throws Throwable {
    Object request = request(op);
    Object builder = request.getClass().getMethod("toBuilder").invoke(request);
    Object copy = builder.getClass().getMethod("build").invoke(builder);
    Object other =
        OperationRequests.ours(op, OperationRequests.random(op, new Random(7)), Set.of());

    assertThat(copy).isEqualTo(request).hasSameHashCodeAs(request).isNotSameAs(request);
    if (!op.pathParams().isEmpty() || !op.queryParams().isEmpty() || op.body() != null) {
      assertThat(other).isNotEqualTo(request);
    }
    assertThat(request.toString()).startsWith(op.name() + "Request{");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void call_http200_returnsTheAnswer(ApiDescription.Operation op) throws Throwable {
    String body = "{\"job_id\":\"job-" + op.name() + "\"}";
    wm.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json;charset=UTF-8")
                    .withHeader("X-Request-Id", "req-200-" + op.name())
                    .withBody(body)));

    Object response = OperationRequests.call(sms, op, request(op));

    assertThat(response).isNotNull();
    if (!op.responseKind().equals("model")) {
      assertThat(response.getClass().getMethod("getBody").invoke(response))
          .isEqualTo(op.responseKind().equals("text") ? body : "");
      assertThat(response.getClass().getMethod("getRequestId").invoke(response))
          .isEqualTo("req-200-" + op.name());
    }
    assertThat(wm.getAllServeEvents()).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void call_http403_mapsStatusErrorCodeAndRequestId(ApiDescription.Operation op) throws Throwable {
    wm.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json;charset=UTF-8")
                    .withHeader("X-Request-Id", "req-403-" + op.name())
                    .withBody(Fixtures.text(Fixtures.SHOW_TASK_403))));
    Object request = request(op);

    assertThatThrownBy(() -> OperationRequests.call(sms, op, request))
        .isInstanceOfSatisfying(
            SmsServiceException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(403);
              assertThat(e.getErrorCode()).isEqualTo("SMS.9004");
              assertThat(e.getRequestId()).isEqualTo("req-403-" + op.name());
            });
    assertThat(wm.getAllServeEvents()).hasSize(1);
    assertThat(wm.getAllServeEvents().get(0).getRequest().getMethod().value()).isEqualTo(op.http());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void call_http503_repeatedOnlyWhenIdempotent(ApiDescription.Operation op) throws Throwable {
    wm.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Content-Type", "application/json;charset=UTF-8")
                    .withBody("{\"error_code\":\"SMS.0503\",\"error_msg\":\"unavailable\"}")));
    Object request = request(op);

    assertThatThrownBy(() -> OperationRequests.call(sms, op, request))
        .isInstanceOfSatisfying(
            SmsServiceException.class, e -> assertThat(e.getStatusCode()).isEqualTo(503));
    assertThat(wm.getAllServeEvents())
        .as(op.http() + " " + op.path())
        .hasSize(op.idempotent() ? ATTEMPTS : 1);
  }
}
