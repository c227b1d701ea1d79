package org.migrationkit.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.testsupport.ClosedPort;
import org.migrationkit.sms.testsupport.Fixtures;
import org.migrationkit.sms.testsupport.RawHttpServer;

/**
 * Every way a call can fail ends in exactly one {@link SmsException} carrying what a caller needs:
 * error answers become {@link SmsServiceException}s with every field of the body, everything else
 * an {@link SmsClientException}. Retries are off (one attempt, one answer) unless a test says
 * otherwise.
 */
class ErrorMappingTest {
  private static final String TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";
  private static final String AK = "HPUA6QWERTYASDF1234Z";
  private static final String SK = "s3cr3tK3yExample0123456789abcdefghijklmno";
  private static final String REQUEST_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private static void answer(ResponseDefinitionBuilder response) {
    wm.stubFor(any(anyUrl()).willReturn(response));
  }

  private static SmsClient.Builder client() {
    return client(wm.baseUrl());
  }

  private static SmsClient.Builder client(String endpoint) {
    return SmsClient.builder()
        .endpoint(endpoint)
        .credentials(Credentials.akSk(AK, SK))
        .retryPolicy(RetryPolicy.none());
  }

  private static Throwable showTaskFailure() {
    try (SmsClient sms = client().build()) {
      return catchThrowable(() -> sms.showTask(TASK_ID));
    }
  }

  private static SmsServiceException serviceFailure() {
    Throwable t = showTaskFailure();
    assertThat(t).isInstanceOf(SmsServiceException.class);
    return (SmsServiceException) t;
  }

  private static SmsClientException clientFailure() {
    Throwable t = showTaskFailure();
    assertThat(t).isInstanceOf(SmsClientException.class);
    return (SmsClientException) t;
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json;charset=UTF-8")
        .withBody(body);
  }

  // ---- error answers ----

  @Test
  void showTask_http403_mapsEveryField() {
    answer(json(403, Fixtures.text(Fixtures.SHOW_TASK_403)).withHeader("X-Request-Id", REQUEST_ID));

    SmsServiceException e = serviceFailure();

    assertThat(e.getStatusCode()).isEqualTo(403);
    assertThat(e.getErrorCode()).isEqualTo("SMS.9004");
    assertThat(e.getErrorMsg())
        .isEqualTo(
            "The current account does not have the permission to execute policy You do not have"
                + " permission to perform action XXX on resource XXX.");
    assertThat(e.getEncodedAuthorizationMessage()).isEqualTo("XXXXXX");
    assertThat(e.getErrorParams())
        .containsExactly("You do not have permission to perform action XXX on resource XXX.");
    assertThat(e.getDetails())
        .containsExactly(
            new ErrorDetail(
                "SMS.9004", "You do not have permission to perform action XXX on resource XXX."));
    assertThat(e.getRequestId()).isEqualTo(REQUEST_ID);
    assertThat(e.getResponseSnippet()).isNull();
    assertThat(e.isRetryable()).isFalse();
  }

  @Test
  void showTask_http403_messageIsOneLineLeadingWithCodeStatusAndRequestId() {
    answer(json(403, Fixtures.text(Fixtures.SHOW_TASK_403)).withHeader("X-Request-Id", REQUEST_ID));

    SmsServiceException e = serviceFailure();

    assertThat(e.getMessage())
        .startsWith("SMS.9004 (HTTP 403, request id " + REQUEST_ID + ")")
        .contains("The current account does not have the permission")
        .doesNotContain("\n", "\r");
  }

  @Test
  void showTask_errorMessageWithNewlines_isFoldedOntoOneLine() {
    answer(json(400, "{\"error_code\":\"SMS.0001\",\"error_msg\":\"first\\nsecond\\r\\nthird\"}"));

    SmsServiceException e = serviceFailure();

    assertThat(e.getMessage()).doesNotContain("\n", "\r").contains("first").contains("third");
  }

  @Test
  void showTask_codeMessageShape_mapsCodeAndMessage() {
    answer(
        json(
            401,
            "{\"code\":\"APIGW.0301\",\"message\":\"Incorrect IAM authentication information\"}"));

    SmsServiceException e = serviceFailure();

    assertThat(e.getStatusCode()).isEqualTo(401);
    assertThat(e.getErrorCode()).isEqualTo("APIGW.0301");
    assertThat(e.getErrorMsg()).isEqualTo("Incorrect IAM authentication information");
    assertThat(e.getMessage()).startsWith("APIGW.0301 (HTTP 401)");
  }

  @Test
  void showTask_nestedErrorShape_mapsCodeAndMessage() {
    answer(
        json(404, "{\"error\":{\"code\":\"SMS.1205\",\"message\":\"The task does not exist\"}}"));

    SmsServiceException e = serviceFailure();

    assertThat(e.getStatusCode()).isEqualTo(404);
    assertThat(e.getErrorCode()).isEqualTo("SMS.1205");
    assertThat(e.getErrorMsg()).isEqualTo("The task does not exist");
  }

  @Test
  void showTask_requestIdOnlyInBody_isTakenFromBody() {
    answer(
        json(
            401,
            "{\"error_code\":\"APIGW.0101\",\"error_msg\":\"The API does not exist\","
                + "\"request_id\":\"body-request-id-1\"}"));

    SmsServiceException e = serviceFailure();

    assertThat(e.getRequestId()).isEqualTo("body-request-id-1");
    assertThat(e.getMessage()).startsWith("APIGW.0101 (HTTP 401, request id body-request-id-1)");
  }

  @Test
  void showTask_requestIdInHeaderAndBody_prefersHeader() {
    answer(
        json(
                400,
                "{\"error_code\":\"SMS.0001\",\"error_msg\":\"bad\",\"request_id\":\"from-body\"}")
            .withHeader("X-Request-Id", REQUEST_ID));

    assertThat(serviceFailure().getRequestId()).isEqualTo(REQUEST_ID);
  }

  @Test
  void showTask_emptyErrorBody_keepsHeaderRequestId() {
    answer(aResponse().withStatus(404).withHeader("X-Request-Id", REQUEST_ID));

    SmsServiceException e = serviceFailure();

    assertThat(e.getStatusCode()).isEqualTo(404);
    assertThat(e.getRequestId()).isEqualTo(REQUEST_ID);
    assertThat(e.getErrorCode()).isNull();
    assertThat(e.getErrorParams()).isEmpty();
    assertThat(e.getDetails()).isEmpty();
  }

  @Test
  void showTask_htmlBadGateway_mapsToServiceExceptionWithSnippet() {
    answer(
        aResponse()
            .withStatus(502)
            .withHeader("Content-Type", "text/html")
            .withBody(
                "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                    + "<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n"));

    SmsServiceException e = serviceFailure();

    assertThat(e.getStatusCode()).isEqualTo(502);
    assertThat(e.getErrorCode()).isNull();
    assertThat(e.getErrorMsg()).isNull();
    assertThat(e.getResponseSnippet()).contains("502 Bad Gateway").doesNotContain("\n", "\r");
    assertThat(e.getMessage()).contains("HTTP 502").doesNotContain("\n", "\r");
  }

  @Test
  void showTask_emptyHttp500_mapsToServiceException() {
    answer(aResponse().withStatus(500));

    SmsServiceException e = serviceFailure();

    assertThat(e.getStatusCode()).isEqualTo(500);
    assertThat(e.getErrorCode()).isNull();
    assertThat(e.getErrorMsg()).isNull();
    assertThat(e.getResponseSnippet()).isNull();
    assertThat(e.getMessage()).contains("HTTP 500");
  }

  @Test
  void showTask_http302_isNotFollowed() {
    answer(aResponse().withStatus(302).withHeader("Location", wm.baseUrl() + "/elsewhere"));

    SmsServiceException e = serviceFailure();

    assertThat(e.getStatusCode()).isEqualTo(302);
    assertThat(wm.getAllServeEvents()).hasSize(1);
    assertThat(wm.getAllServeEvents().get(0).getRequest().getUrl())
        .isEqualTo("/v3/tasks/" + TASK_ID);
  }

  // ---- 200 answers that cannot be read ----

  @Test
  void showTask_truncatedJson_namesStatusAndRequestId() {
    answer(json(200, "{\"id\":\"t-1\",\"name\":\"Migr").withHeader("X-Request-Id", REQUEST_ID));

    SmsClientException e = clientFailure();

    assertThat(e).isNotInstanceOf(SmsConnectionException.class);
    assertThat(e.getMessage()).contains("HTTP 200").contains(REQUEST_ID).doesNotContain("\n", "\r");
  }

  /**
   * The connection drops mid-body after the status line and the request id arrived (the server
   * promised 5000 bytes): the failure should still say which answer broke.
   */
  @Test
  void showTask_bodyCutOffMidStream_namesStatusAndRequestId() {
    Throwable t;
    try (RawHttpServer server =
            RawHttpServer.answering(
                "HTTP/1.1 200 OK\r\n"
                    + "Content-Type: application/json\r\n"
                    + "X-Request-Id: "
                    + REQUEST_ID
                    + "\r\n"
                    + "Content-Length: 5000\r\n"
                    + "\r\n"
                    + "{\"id\":\"t-1\",\"name\":\"MigrationTask\",\"sub_tasks\":[");
        SmsClient sms = client("http://127.0.0.1:" + server.port()).build()) {
      t = catchThrowable(() -> sms.showTask(TASK_ID));
    }

    assertThat(t).isInstanceOf(SmsClientException.class);
    assertThat(t.getMessage()).contains("HTTP 200").contains(REQUEST_ID);
  }

  @Test
  void showTask_bodyStallsAfterHeaders_mapsToReadTimeout() {
    answer(
        json(200, Fixtures.text(Fixtures.SHOW_TASK_200))
            .withHeader("X-Request-Id", REQUEST_ID)
            .withChunkedDribbleDelay(2, 1_200));

    // the whole body arrives after 1.2 s: a client that ignored the read timeout would succeed
    SmsTimeoutException e;
    try (SmsClient sms = client().readTimeout(Duration.ofMillis(300)).build()) {
      e = catchThrowableOfType(SmsTimeoutException.class, () -> sms.showTask(TASK_ID));
    }

    assertThat(e).isNotNull();
    assertThat(e.getTimeout()).isEqualTo(SmsTimeoutException.Timeout.READ);
  }

  @Test
  void showTask_letteredPriority_namesJsonPath() {
    answer(
        json(200, "{\"id\":\"t-1\",\"priority\":\"abc\"}").withHeader("X-Request-Id", REQUEST_ID));

    SmsClientException e = clientFailure();

    assertThat(e.getMessage())
        .contains("$.priority")
        .contains("HTTP 200")
        .contains(REQUEST_ID)
        .doesNotContain("\n", "\r");
  }

  @Test
  void showTask_jsonArrayBody_isClientException() {
    answer(json(200, "[]"));

    assertThat(clientFailure().getMessage()).contains("HTTP 200");
  }

  // ---- no answer at all ----

  @Test
  void showTask_connectionResetByPeer_mapsToConnectionException() {
    answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    SmsClientException e = clientFailure();

    assertThat(e).isInstanceOf(SmsConnectionException.class);
    assertThat(e.getMessage()).contains("localhost").doesNotContain("\n", "\r");
  }

  @Test
  void showTask_emptyResponse_mapsToClientException() {
    answer(aResponse().withFault(Fault.EMPTY_RESPONSE));

    SmsClientException e = clientFailure();

    assertThat(e.getMessage()).contains("localhost").doesNotContain("\n", "\r");
  }

  @Test
  void showTask_readTimeout_mapsToReadTimeoutQuickly() {
    answer(json(200, "{}").withFixedDelay(1_500));

    // the answer comes after 1.5 s: a client that ignored the read timeout would succeed
    SmsTimeoutException e;
    try (SmsClient sms = client().readTimeout(Duration.ofMillis(300)).build()) {
      e = catchThrowableOfType(SmsTimeoutException.class, () -> sms.showTask(TASK_ID));
    }

    assertThat(e).isNotNull();
    assertThat(e.getTimeout()).isEqualTo(SmsTimeoutException.Timeout.READ);
    assertThat(e.getMessage()).contains("300 ms");
  }

  @Test
  void showTask_readTimeoutWithDefaultRetries_stillEndsWithinBound() {
    answer(json(200, "{}").withFixedDelay(1_500));
    RetryPolicy retries = RetryPolicy.builder().retryBudget(RetryBudget.create(100)).build();

    SmsTimeoutException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () -> {
              try (SmsClient sms =
                  client().retryPolicy(retries).readTimeout(Duration.ofMillis(300)).build()) {
                return catchThrowableOfType(SmsTimeoutException.class, () -> sms.showTask(TASK_ID));
              }
            });

    assertThat(e).isNotNull();
    assertThat(e.getTimeout()).isEqualTo(SmsTimeoutException.Timeout.READ);
    assertThat(e.getAttempts()).isEqualTo(3);
  }

  @Test
  void showTask_connectionRefused_namesTheHost() {
    int port = ClosedPort.find();

    Throwable t;
    try (SmsClient sms = client("http://127.0.0.1:" + port).build()) {
      t = catchThrowable(() -> sms.showTask(TASK_ID));
    }

    assertThat(t).isInstanceOf(SmsConnectionException.class);
    assertThat(t.getMessage()).contains("127.0.0.1:" + port).doesNotContain("\n", "\r");
  }

  // ---- nothing foreign escapes ----

  enum Failure {
    HTTP_403(json(403, "{\"error_code\":\"SMS.9004\"}")),
    HTML_502(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")),
    REDIRECT_302(aResponse().withStatus(302).withHeader("Location", "/elsewhere")),
    TRUNCATED_JSON(json(200, "{\"id\":")),
    LETTERED_INTEGER(json(200, "{\"priority\":\"abc\"}")),
    NOT_JSON(json(200, "<html>hello</html>")),
    EMPTY_200(aResponse().withStatus(200)),
    CONNECTION_RESET(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
    EMPTY_RESPONSE(aResponse().withFault(Fault.EMPTY_RESPONSE)),
    RANDOM_DATA(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)),
    MALFORMED_CHUNK(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));

    final ResponseDefinitionBuilder response;

    Failure(ResponseDefinitionBuilder response) {
      this.response = response;
    }
  }

  @ParameterizedTest
  @EnumSource(Failure.class)
  void showTask_anyFailure_throwsOnlySmsExceptionWithOneLineMessage(Failure failure) {
    answer(failure.response);

    Throwable t = showTaskFailure();

    assertThat(t).isInstanceOf(SmsException.class);
    assertThat(t.getClass().getName()).startsWith("org.migrationkit.sms.");
    assertThat(t.getMessage()).isNotBlank().doesNotContain("\n", "\r");
  }

  @Test
  void showTask_noRetryPolicy_sendsOneRequestPerCall() {
    answer(aResponse().withStatus(503));

    serviceFailure();

    assertThat(wm.getAllServeEvents()).hasSize(1);
  }

  /**
   * {@code baseDelay(ZERO)} is documented as "retries at once (useful in tests)". With a long cap
   * and a short call timeout, any real wait would end the call after one attempt.
   */
  @Test
  void showTask_http503WithZeroBaseDelay_retriesAtOnce() {
    answer(aResponse().withStatus(503));
    RetryPolicy atOnce =
        RetryPolicy.builder()
            .baseDelay(Duration.ZERO)
            .maxDelay(Duration.ofHours(1))
            .retryBudget(RetryBudget.unlimited())
            .build();

    SmsServiceException e;
    try (SmsClient sms = client().retryPolicy(atOnce).callTimeout(Duration.ofSeconds(3)).build()) {
      e = catchThrowableOfType(SmsServiceException.class, () -> sms.showTask(TASK_ID));
    }

    assertThat(e.getStatusCode()).isEqualTo(503);
    assertThat(wm.getAllServeEvents()).hasSize(3);
    assertThat(e.getAttempts()).isEqualTo(3);
  }

  @Test
  void showTask_http403_isNeverRetriedEvenByDefault() {
    answer(json(403, Fixtures.text(Fixtures.SHOW_TASK_403)));

    try (SmsClient sms = client().retryPolicy(RetryPolicy.defaults()).build()) {
      catchThrowable(() -> sms.showTask(TASK_ID));
    }

    assertThat(wm.getAllServeEvents()).hasSize(1);
  }
}
