package org.migrationkit.sms.callpath;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.callpath.TestOperations.ListTasks;
import org.migrationkit.sms.callpath.TestOperations.NewTask;
import org.migrationkit.sms.callpath.TestOperations.TaskId;
import org.migrationkit.sms.callpath.TestOperations.TaskIds;
import org.migrationkit.sms.callpath.TestOperations.TaskUpdate;
import org.migrationkit.sms.internal.Transport;
import org.migrationkit.sms.testsupport.Fixtures;
import org.migrationkit.sms.testsupport.PercentDecoder;
import org.migrationkit.sms.testsupport.QuietNotifier;
import org.migrationkit.sms.testsupport.ReferenceSignatureVerifier;
import org.migrationkit.sms.testsupport.ReferenceSignatureVerifier.Verdict;

/**
 * Every kind of operation through {@link Transport}, sync and async, against WireMock on loopback:
 * what goes on the wire (method, path, query, body, Content-Type), that the gateway's rules accept
 * its signature (the body's hash included), and how each kind of answer is read.
 */
class CallPathWireTest {
  private static final String AWKWARD = "a b+c/d=e&f?g%h";
  private static final String NON_ASCII = "任务 é😀";
  private static final String JSON = "application/json;charset=UTF-8";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(
              wireMockConfig().dynamicPort().bindAddress("127.0.0.1").notifier(new QuietNotifier()))
          .build();

  private final Transport transport = LoopbackTransport.create(wm.baseUrl());
  private final ReferenceSignatureVerifier verifier =
      new ReferenceSignatureVerifier(LoopbackTransport.AK, LoopbackTransport.SK);

  @AfterEach
  void close() {
    transport.close();
  }

  // ---- query ----

  @Test
  void getWithQuery_sync_encodesEveryValueAndOmitsNulls() {
    answer(json("{\"count\":2}"));

    JsonNode answer =
        transport.execute(
            TestOperations.LIST_TASKS,
            new ListTasks(AWKWARD, NON_ASCII, 20, null, List.of("x", "y z")));

    assertThat(answer.get("count").asInt()).isEqualTo(2);
    LoggedRequest request = onlyRequest();
    assertThat(request.getMethod().value()).isEqualTo("GET");
    assertThat(request.getUrl())
        .isEqualTo(
            "/v3/tasks?name=a%20b%2Bc%2Fd%3De%26f%3Fg%25h"
                + "&state=%E4%BB%BB%E5%8A%A1%20%C3%A9%F0%9F%98%80&limit=20&id=x&id=y%20z");
    assertThat(decodedQuery(request))
        .containsExactly("name=" + AWKWARD, "state=" + NON_ASCII, "limit=20", "id=x", "id=y z");
    assertThat(request.containsHeader("Content-Type")).isFalse();
    assertSigned(request);
  }

  @Test
  void getWithQuery_async_sendsWhatSyncSends() throws Exception {
    answer(json("{\"count\":2}"));
    ListTasks query = new ListTasks(AWKWARD, NON_ASCII, 20, null, List.of("x", "y z"));
    transport.execute(TestOperations.LIST_TASKS, query);
    String syncUrl = onlyRequest().getUrl();
    wm.resetRequests();

    JsonNode answer =
        transport.executeAsync(TestOperations.LIST_TASKS, query).get(10, TimeUnit.SECONDS);

    assertThat(answer.get("count").asInt()).isEqualTo(2);
    assertThat(onlyRequest().getUrl()).isEqualTo(syncUrl);
    assertSigned(onlyRequest());
  }

  @Test
  void getWithQuery_allNull_sendsNoQuery() {
    answer(json("{}"));

    transport.execute(TestOperations.LIST_TASKS, new ListTasks(null, null, null, null, null));

    assertThat(onlyRequest().getUrl()).isEqualTo("/v3/tasks");
    assertSigned(onlyRequest());
  }

  // ---- body ----

  @Test
  void postWithBody_sync_sendsJsonSignedWithItsHash() {
    answer(json("{\"id\":\"t-1\"}"));

    JsonNode answer =
        transport.execute(
            TestOperations.CREATE_TASK, new NewTask(AWKWARD, NON_ASCII, null, "say \"hi\""));

    assertThat(answer.get("id").asText()).isEqualTo("t-1");
    LoggedRequest request = onlyRequest();
    assertThat(request.getMethod().value()).isEqualTo("POST");
    assertThat(request.getUrl()).isEqualTo("/v3/tasks?tag=a%20b%2Bc%2Fd%3De%26f%3Fg%25h");
    // UTF-8 as is, except that Jackson escapes a character outside the BMP as its surrogate pair
    assertThat(request.getBody())
        .isEqualTo(
            "{\"name\":\"任务 é\\uD83D\\uDE00\",\"note\":\"say \\\"hi\\\"\"}"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(request.getHeader("Content-Type")).isEqualTo(JSON);
    assertSigned(request);
  }

  @Test
  void postWithBody_async_sendsWhatSyncSends() throws Exception {
    answer(json("{\"id\":\"t-1\"}"));

    JsonNode answer =
        transport
            .executeAsync(TestOperations.CREATE_TASK, new NewTask(null, "n", 3, null))
            .get(10, TimeUnit.SECONDS);

    assertThat(answer.get("id").asText()).isEqualTo("t-1");
    LoggedRequest request = onlyRequest();
    assertThat(request.getUrl()).isEqualTo("/v3/tasks");
    assertThat(request.getBodyAsString()).isEqualTo("{\"name\":\"n\",\"priority\":3}");
    assertThat(request.getHeader("Content-Type")).isEqualTo(JSON);
    assertSigned(request);
  }

  @Test
  void postWithBody_bodyAltered_signatureNoLongerVerifies() {
    answer(json("{}"));
    transport.execute(TestOperations.CREATE_TASK, new NewTask(null, "n", 3, null));
    LoggedRequest request = onlyRequest();

    Verdict verdict =
        verifier.verify(
            "POST",
            "/v3/tasks",
            null,
            name -> request.containsHeader(name) ? request.getHeader(name) : null,
            "{\"name\":\"n\",\"priority\":4}".getBytes(StandardCharsets.UTF_8));

    assertThat(verdict.valid()).isFalse();
  }

  @Test
  void putWithBody_sync_encodesThePathValueAsOneSegment() {
    answer(aResponse().withStatus(204));

    String answer =
        transport.execute(TestOperations.UPDATE_TASK, new TaskUpdate("a/b c", "renamed"));

    assertThat(answer).isEqualTo("updated");
    LoggedRequest request = onlyRequest();
    assertThat(request.getMethod().value()).isEqualTo("PUT");
    assertThat(request.getUrl()).isEqualTo("/v3/tasks/a%2Fb%20c");
    assertThat(request.getBodyAsString()).isEqualTo("{\"name\":\"renamed\"}");
    assertThat(request.getHeader("Content-Type")).isEqualTo(JSON);
    assertSigned(request);
  }

  @Test
  void delete_sync_sendsNoBodyAndAnswersNothing() {
    answer(aResponse().withStatus(204));

    Boolean answer = transport.execute(TestOperations.DELETE_TASK, new TaskId("t-9"));

    assertThat(answer).isTrue();
    LoggedRequest request = onlyRequest();
    assertThat(request.getMethod().value()).isEqualTo("DELETE");
    assertThat(request.getUrl()).isEqualTo("/v3/tasks/t-9");
    assertThat(request.getBody()).isEmpty();
    assertThat(request.containsHeader("Content-Type")).isFalse();
    assertSigned(request);
  }

  @Test
  void batchDelete_async_sendsTheIdList() throws Exception {
    answer(json("{\"deleted\":2}"));

    JsonNode answer =
        transport
            .executeAsync(TestOperations.DELETE_TASKS, new TaskIds(List.of("t-1", "t-2")))
            .get(10, TimeUnit.SECONDS);

    assertThat(answer.get("deleted").asInt()).isEqualTo(2);
    LoggedRequest request = onlyRequest();
    assertThat(request.getMethod().value()).isEqualTo("POST");
    assertThat(request.getUrl()).isEqualTo("/v3/tasks/delete");
    assertThat(request.getBodyAsString()).isEqualTo("{\"ids\":[\"t-1\",\"t-2\"]}");
    assertSigned(request);
  }

  @Test
  void postWithoutBody_sync_sendsAnEmptyBodySigned() {
    answer(aResponse().withStatus(200));

    Void answer = transport.execute(TestOperations.UNLOCK_TASK, new TaskId("t-1"));

    assertThat(answer).isNull();
    LoggedRequest request = onlyRequest();
    assertThat(request.getMethod().value()).isEqualTo("POST");
    assertThat(request.getBody()).isEmpty();
    assertThat(request.getHeader("Content-Length")).isEqualTo("0");
    assertSigned(request);
  }

  @Test
  void bodyWriterFails_sync_throwsBeforeSending() {
    SmsClientException e =
        catchThrowableOfType(
            SmsClientException.class,
            () -> transport.execute(TestOperations.BROKEN_BODY, new TaskId("t-1")));

    assertThat(e).hasMessageStartingWith("BrokenBody POST localhost:");
    assertThat(e.getMessage()).contains("the request body cannot be written");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void bodyWriterFails_async_futureFailsWithoutSending() {
    ExecutionException e =
        catchThrowableOfType(
            ExecutionException.class,
            () ->
                transport
                    .executeAsync(TestOperations.BROKEN_BODY, new TaskId("t-1"))
                    .get(10, TimeUnit.SECONDS));

    assertThat(e.getCause()).isInstanceOf(SmsClientException.class);
    assertThat(e.getCause().getMessage()).contains("the request body cannot be written");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  // ---- answers ----

  @Test
  void textAnswer_sync_isTheBodyText() {
    answer(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("日志\nok"));

    String log = transport.execute(TestOperations.SHOW_TASK_LOG, new TaskId("t-1"));

    assertThat(log).isEqualTo("日志\nok");
    assertThat(onlyRequest().getUrl()).isEqualTo("/v3/tasks/t-1/log");
  }

  @Test
  void textAnswer_async_isTheBodyText() throws Exception {
    answer(aResponse().withStatus(200).withBody("{\"not\":\"parsed\"}"));

    String log =
        transport
            .executeAsync(TestOperations.SHOW_TASK_LOG, new TaskId("t-1"))
            .get(10, TimeUnit.SECONDS);

    assertThat(log).isEqualTo("{\"not\":\"parsed\"}");
  }

  @Test
  void emptyAnswer_withAStrayBody_isStillNothing() throws Exception {
    answer(json("{\"job_id\":\"ignored\"}"));

    Boolean answer =
        transport
            .executeAsync(TestOperations.DELETE_TASK, new TaskId("t-1"))
            .get(10, TimeUnit.SECONDS);

    assertThat(answer).isTrue();
  }

  @Test
  void modelAnswer_emptyBody_isUnreadable() {
    answer(aResponse().withStatus(200));

    SmsClientException e =
        catchThrowableOfType(
            SmsClientException.class,
            () -> transport.execute(TestOperations.DELETE_TASKS, new TaskIds(List.of("t"))));

    assertThat(e).hasMessageStartingWith("DeleteTasks answer cannot be read (HTTP 200");
  }

  @Test
  void postWithBody_http403_mapsEveryField() {
    answer(
        aResponse()
            .withStatus(403)
            .withHeader("Content-Type", JSON)
            .withHeader("X-Request-Id", "req-403")
            .withBody(Fixtures.text(Fixtures.SHOW_TASK_403)));

    SmsServiceException e =
        catchThrowableOfType(
            SmsServiceException.class,
            () ->
                transport.execute(TestOperations.CREATE_TASK, new NewTask(null, "n", null, null)));

    assertThat(e.getStatusCode()).isEqualTo(403);
    assertThat(e.getErrorCode()).isEqualTo("SMS.9004");
    assertThat(e.getErrorMsg()).startsWith("The current account does not have the permission");
    assertThat(e.getRequestId()).isEqualTo("req-403");
    assertThat(e.getEncodedAuthorizationMessage()).isEqualTo("XXXXXX");
    assertThat(e.getErrorParams()).hasSize(1);
    assertThat(e.getDetails()).hasSize(1);
    assertThat(e.getAttempts()).isEqualTo(1);
  }

  @Test
  void putWithBody_http403_async_mapsTheError() {
    answer(
        aResponse()
            .withStatus(403)
            .withHeader("X-Request-Id", "req-403")
            .withBody(Fixtures.text(Fixtures.SHOW_TASK_403)));

    ExecutionException e =
        catchThrowableOfType(
            ExecutionException.class,
            () ->
                transport
                    .executeAsync(TestOperations.UPDATE_TASK, new TaskUpdate("t", "n"))
                    .get(10, TimeUnit.SECONDS));

    assertThat(e.getCause()).isInstanceOf(SmsServiceException.class);
    SmsServiceException error = (SmsServiceException) e.getCause();
    assertThat(error.getErrorCode()).isEqualTo("SMS.9004");
    assertThat(error.getRequestId()).isEqualTo("req-403");
  }

  // ---- helpers ----

  private static ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(body);
  }

  private static void answer(ResponseDefinitionBuilder response) {
    wm.stubFor(any(anyUrl()).willReturn(response));
  }

  private static LoggedRequest onlyRequest() {
    List<LoggedRequest> requests =
        wm.getAllServeEvents().stream().map(e -> e.getRequest()).toList();
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  /** The query's pairs, decoded, in the order sent. */
  private static List<String> decodedQuery(LoggedRequest request) {
    String url = request.getUrl();
    String query = url.substring(url.indexOf('?') + 1);
    return List.of(query.split("&")).stream().map(PercentDecoder::decode).toList();
  }

  private void assertSigned(LoggedRequest request) {
    Verdict verdict = verifier.verify(request);
    assertThat(verdict.valid()).as(verdict.reason()).isTrue();
  }
}
