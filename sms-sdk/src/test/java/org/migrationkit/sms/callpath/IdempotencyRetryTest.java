package org.migrationkit.sms.callpath;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationkit.sms.RetryBudget;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsConnectionException;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.SmsTimeoutException;
import org.migrationkit.sms.callpath.TestOperations.ListTasks;
import org.migrationkit.sms.callpath.TestOperations.NewTask;
import org.migrationkit.sms.callpath.TestOperations.TaskUpdate;
import org.migrationkit.sms.internal.Transport;
import org.migrationkit.sms.testsupport.ClosedPort;
import org.migrationkit.sms.testsupport.QuietNotifier;

/**
 * The retry rule by idempotency: an idempotent operation is retried whenever the policy allows; a
 * non-idempotent POST only when the request provably never reached the service (refused connection,
 * throttling), never after an ambiguous failure (5xx, read timeout). The retry policy applies on
 * top. Retries are immediate, so no test waits for a backoff.
 */
class IdempotencyRetryTest {
  private static final NewTask NEW_TASK = new NewTask(null, "n", null, null);
  private static final ListTasks LIST = new ListTasks("a b", null, 1, null, null);
  private static final String LIST_URL = "/v3/tasks?name=a%20b&limit=1";

  /**
   * Sent to an answer delayed past the read timeout. WireMock logs such a request only once its
   * answer is written, which may be during a later test: the other tests count only requests to
   * their own URLs.
   */
  private static final NewTask SLOW_TASK = new NewTask("slow", "n", null, null);

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(
              wireMockConfig().dynamicPort().bindAddress("127.0.0.1").notifier(new QuietNotifier()))
          .build();

  // ---- POST: ambiguous failures are final ----

  @Test
  void post_http503_notRetried() {
    stubSequence(error(503), ok());
    Transport transport = LoopbackTransport.create(wm.baseUrl());
    try {
      SmsServiceException e =
          catchThrowableOfType(
              SmsServiceException.class,
              () -> transport.execute(TestOperations.CREATE_TASK, NEW_TASK));

      assertThat(e.getStatusCode()).isEqualTo(503);
      assertThat(e.isRetryable()).as("retryable for an idempotent operation").isTrue();
      assertThat(e.getAttempts()).isEqualTo(1);
      assertThat(requests("POST", "/v3/tasks")).isEqualTo(1);
    } finally {
      transport.close();
    }
  }

  @Test
  void post_http503_async_notRetried() {
    stubSequence(error(503), ok());
    Transport transport = LoopbackTransport.create(wm.baseUrl());
    try {
      SmsException e = asyncFailure(transport, TestOperations.CREATE_TASK, NEW_TASK);

      assertThat(e).isInstanceOf(SmsServiceException.class);
      assertThat(e.getAttempts()).isEqualTo(1);
      assertThat(requests("POST", "/v3/tasks")).isEqualTo(1);
    } finally {
      transport.close();
    }
  }

  @Test
  void post_readTimeout_notRetried() {
    stubSequence(ok().withFixedDelay(2_000), ok());
    Transport transport =
        LoopbackTransport.create(
            LoopbackTransport.fastRetries(), Duration.ofMillis(300), wm.baseUrl());
    try {
      SmsTimeoutException e =
          catchThrowableOfType(
              SmsTimeoutException.class,
              () -> transport.execute(TestOperations.CREATE_TASK, SLOW_TASK));

      assertThat(e.getTimeout()).isEqualTo(SmsTimeoutException.Timeout.READ);
      assertThat(e.getAttempts()).isEqualTo(1);
    } finally {
      transport.close();
    }
  }

  @Test
  void post_readTimeout_async_notRetried() {
    stubSequence(ok().withFixedDelay(2_000), ok());
    Transport transport =
        LoopbackTransport.create(
            LoopbackTransport.fastRetries(), Duration.ofMillis(300), wm.baseUrl());
    try {
      SmsException e = asyncFailure(transport, TestOperations.CREATE_TASK, SLOW_TASK);

      assertThat(e).isInstanceOf(SmsTimeoutException.class);
      assertThat(e.getAttempts()).isEqualTo(1);
    } finally {
      transport.close();
    }
  }

  // ---- POST: provably undelivered requests are repeated ----

  @Test
  void post_connectionRefused_failsOverToTheSecondEndpoint() {
    stubSequence(ok());
    Transport transport =
        LoopbackTransport.create("http://127.0.0.1:" + ClosedPort.find(), wm.baseUrl());
    try {
      JsonNode answer = transport.execute(TestOperations.CREATE_TASK, NEW_TASK);

      assertThat(answer.get("id").asText()).isEqualTo("t-1");
      assertThat(requests("POST", "/v3/tasks")).isEqualTo(1);
    } finally {
      transport.close();
    }
  }

  @Test
  void post_connectionRefused_async_failsOverToTheSecondEndpoint() throws Exception {
    stubSequence(ok());
    Transport transport =
        LoopbackTransport.create("http://127.0.0.1:" + ClosedPort.find(), wm.baseUrl());
    try {
      JsonNode answer =
          transport.executeAsync(TestOperations.CREATE_TASK, NEW_TASK).get(10, TimeUnit.SECONDS);

      assertThat(answer.get("id").asText()).isEqualTo("t-1");
      assertThat(requests("POST", "/v3/tasks")).isEqualTo(1);
    } finally {
      transport.close();
    }
  }

  @Test
  void post_connectionRefused_oneEndpoint_retriedUpToThePolicy() {
    Transport transport = LoopbackTransport.create("http://127.0.0.1:" + ClosedPort.find());
    try {
      SmsConnectionException e =
          catchThrowableOfType(
              SmsConnectionException.class,
              () -> transport.execute(TestOperations.CREATE_TASK, NEW_TASK));

      assertThat(e.getAttempts()).isEqualTo(3);
    } finally {
      transport.close();
    }
  }

  @Test
  void post_connectionRefused_policyPredicateSaysNo_notRetried() {
    RetryPolicy noConnectionRetries =
        RetryPolicy.builder()
            .baseDelay(Duration.ZERO)
            .retryBudget(RetryBudget.unlimited())
            .retryIf(failure -> !(failure instanceof SmsConnectionException))
            .build();
    Transport transport =
        LoopbackTransport.create(
            noConnectionRetries, Duration.ofSeconds(5), "http://127.0.0.1:" + ClosedPort.find());
    try {
      SmsConnectionException e =
          catchThrowableOfType(
              SmsConnectionException.class,
              () -> transport.execute(TestOperations.CREATE_TASK, NEW_TASK));

      assertThat(e.getAttempts()).isEqualTo(1);
    } finally {
      transport.close();
    }
  }

  @Test
  void post_http429_retried() {
    stubSequence(error(429), ok());
    Transport transport = LoopbackTransport.create(wm.baseUrl());
    try {
      JsonNode answer = transport.execute(TestOperations.CREATE_TASK, NEW_TASK);

      assertThat(answer.get("id").asText()).isEqualTo("t-1");
      assertThat(requests("POST", "/v3/tasks")).isEqualTo(2);
    } finally {
      transport.close();
    }
  }

  @Test
  void post_declaredIdempotent_http503_retried() {
    stubSequence(error(503), ok());
    Transport transport = LoopbackTransport.create(wm.baseUrl());
    try {
      JsonNode answer = transport.execute(TestOperations.CREATE_TASK_IDEMPOTENT, NEW_TASK);

      assertThat(answer.get("id").asText()).isEqualTo("t-1");
      assertThat(requests("POST", "/v3/tasks")).isEqualTo(2);
    } finally {
      transport.close();
    }
  }

  // ---- idempotent methods ----

  @Test
  void get_http503_retried() {
    stubSequence(error(503), ok());
    Transport transport = LoopbackTransport.create(wm.baseUrl());
    try {
      JsonNode answer = transport.execute(TestOperations.LIST_TASKS, LIST);

      assertThat(answer.get("id").asText()).isEqualTo("t-1");
      assertThat(requests("GET", LIST_URL)).isEqualTo(2);
    } finally {
      transport.close();
    }
  }

  @Test
  void get_http503_async_retried() throws Exception {
    stubSequence(error(503), ok());
    Transport transport = LoopbackTransport.create(wm.baseUrl());
    try {
      JsonNode answer =
          transport.executeAsync(TestOperations.LIST_TASKS, LIST).get(10, TimeUnit.SECONDS);

      assertThat(answer.get("id").asText()).isEqualTo("t-1");
      assertThat(requests("GET", LIST_URL)).isEqualTo(2);
    } finally {
      transport.close();
    }
  }

  @Test
  void put_readTimeout_retried() {
    stubSequence(ok().withFixedDelay(2_000), ok());
    Transport transport =
        LoopbackTransport.create(
            LoopbackTransport.fastRetries(), Duration.ofMillis(300), wm.baseUrl());
    try {
      String answer = transport.execute(TestOperations.UPDATE_TASK, new TaskUpdate("slow", "n"));

      assertThat(answer).isEqualTo("updated");
    } finally {
      transport.close();
    }
  }

  // ---- helpers ----

  private static <Q, R> SmsException asyncFailure(
      Transport transport, org.migrationkit.sms.internal.Operation<Q, R> operation, Q request) {
    ExecutionException e =
        catchThrowableOfType(
            ExecutionException.class,
            () -> transport.executeAsync(operation, request).get(10, TimeUnit.SECONDS));
    assertThat(e.getCause()).isInstanceOf(SmsException.class);
    return (SmsException) e.getCause();
  }

  /** Returns how many requests WireMock logged with this method and URL. */
  private static int requests(String method, String url) {
    return wm.findAll(
            RequestPatternBuilder.newRequestPattern(
                RequestMethod.fromString(method), urlEqualTo(url)))
        .size();
  }

  private static ResponseDefinitionBuilder ok() {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json;charset=UTF-8")
        .withBody("{\"id\":\"t-1\"}");
  }

  private static ResponseDefinitionBuilder error(int status) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json;charset=UTF-8")
        .withHeader("X-Request-Id", "req-" + status)
        .withBody(
            "{\"error_code\":\"SMS." + status + "\",\"error_msg\":\"status " + status + "\"}");
  }

  /** Serves the responses in order, one per request; the last one repeats. */
  private static void stubSequence(ResponseDefinitionBuilder... responses) {
    for (int i = 0; i < responses.length; i++) {
      ScenarioMappingBuilder step =
          any(anyUrl())
              .inScenario("sequence")
              .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step-" + i);
      if (i + 1 < responses.length) {
        step = step.willSetStateTo("step-" + (i + 1));
      }
      wm.stubFor(step.willReturn(responses[i]));
    }
  }
}
