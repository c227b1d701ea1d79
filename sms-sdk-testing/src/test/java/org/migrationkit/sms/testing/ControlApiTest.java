package org.migrationkit.sms.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ListServersRequest;
import org.migrationkit.sms.model.ShowServerResponse;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.TaskOperation;
import org.migrationkit.sms.model.TaskState;
import org.migrationkit.sms.model.UpdateTaskStatusRequest;
import org.migrationkit.sms.testsupport.SimulatorClients;

/** The control API under /__sms/ over loopback HTTP: every endpoint, and every refusal. */
class ControlApiTest {
  private static final Credentials CREDENTIALS =
      Credentials.akSk("HPUACONTROLTESTKEY01", "control-test-secret-value").withDomainId("d-1");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private SmsSimulator simulator;
  private SmsClient sms;

  private void start(SmsSimulator.Builder builder) {
    simulator = builder.accept(CREDENTIALS).start();
    sms = SimulatorClients.withoutRetries(simulator, CREDENTIALS);
  }

  private void start() {
    start(SmsSimulator.builder().controlApi(true));
  }

  @AfterEach
  void stop() {
    if (sms != null) {
      sms.close();
    }
    if (simulator != null) {
      simulator.close();
    }
  }

  private HttpResponse<String> send(String method, String path, @Nullable String body)
      throws Exception {
    return send(method, path, body, null);
  }

  private HttpResponse<String> send(
      String method, String path, @Nullable String body, @Nullable String authorization)
      throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create(simulator.endpoint() + path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      r.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      r.header("Authorization", authorization);
    }
    return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  /** Asserts a refusal in the control API's shape, and returns its message. */
  private static String refused(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode error = json(response);
    assertThat(error.get("error_code").asText()).isEqualTo("SMS.SIMULATOR.0" + status);
    String message = error.get("error_msg").asText();
    assertThat(message).isNotBlank().doesNotContain("\n");
    return message;
  }

  private String createTask(ShowServerResponse server) {
    return sms.createTask(SmsSimulator.createTaskRequestFor(server)).getId();
  }

  private void startTask(String taskId) {
    sms.updateTaskStatus(
        UpdateTaskStatusRequest.builder().taskId(taskId).operation(TaskOperation.START).build());
  }

  // ---- health, reset, journal ----

  @Test
  void health_answersStatusEndpointAndClock() throws Exception {
    start();

    HttpResponse<String> r = send("GET", "/__sms/health", null);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    JsonNode health = json(r);
    assertThat(health.get("status").asText()).isEqualTo("ok");
    assertThat(health.get("endpoint").asText()).isEqualTo(simulator.endpoint());
    assertThat(health.get("port").asInt()).isEqualTo(simulator.port());
    assertThat(health.get("tasks").asInt()).isEqualTo(2); // the example, under its two ids
    assertThat(health.get("now").asText()).isEqualTo(simulator.now().toString());
  }

  @Test
  void reset_clearsStateAndJournalAndKeepsThePort() throws Exception {
    start();
    int port = simulator.port();
    simulator.addSourceServer("web-1");
    sms.showTask(SmsSimulator.EXAMPLE_TASK_ID);

    HttpResponse<String> r = send("POST", "/__sms/reset", null);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(simulator.port()).isEqualTo(port);
    assertThat(json(send("GET", "/__sms/journal", null)).size()).isZero();
    assertThat(sms.listServers(ListServersRequest.builder().build()).getCount()).isZero();
  }

  @Test
  void journal_listsEmulatedRequestsAsJson_notControlOnes() throws Exception {
    start();
    sms.showTask(SmsSimulator.EXAMPLE_TASK_ID);
    send("GET", "/__sms/health", null);

    JsonNode journal = json(send("GET", "/__sms/journal", null));

    assertThat(journal.isArray()).isTrue();
    assertThat(journal.size()).isEqualTo(1);
    assertThat(journal.get(0).get("operation").asText()).isEqualTo("ShowTask");
    assertThat(journal.get(0).get("status").asInt()).isEqualTo(200);
    assertThat(journal.get(0).get("signature_valid").asBoolean()).isTrue();
    assertThat(simulator.requestCount()).isEqualTo(1);
  }

  @Test
  void deleteJournal_forgetsIt() throws Exception {
    start();
    sms.showTask(SmsSimulator.EXAMPLE_TASK_ID);

    assertThat(send("DELETE", "/__sms/journal", null).statusCode()).isEqualTo(200);

    assertThat(simulator.journal()).isEmpty();
  }

  // ---- servers ----

  @Test
  void servers_minimalBody_addsAServerReadyForCreateTask() throws Exception {
    start();

    HttpResponse<String> r = send("POST", "/__sms/servers", "{\"name\":\"web-1\"}");

    assertThat(r.statusCode()).isEqualTo(201);
    JsonNode server = json(r);
    String id = server.get("id").asText();
    assertThat(server.get("name").asText()).isEqualTo("web-1");
    assertThat(server.get("ip").asText()).startsWith("192.168.");
    assertThat(server.get("init_target_server").get("disks").size()).isEqualTo(1);
    ShowServerResponse stored = simulator.sourceServer(id);
    assertThat(stored).isNotNull();
    assertThat(createTask(stored)).isNotNull();
  }

  @Test
  void servers_registerServerBody_keepsWhatItSays() throws Exception {
    start();

    JsonNode server =
        json(
            send(
                "POST",
                "/__sms/servers",
                "{\"name\":\"db-1\",\"ip\":\"10.0.0.7\",\"os_type\":\"WINDOWS\","
                    + "\"os_version\":\"Windows Server 2019\",\"cpu_quantity\":8}"));

    assertThat(server.get("ip").asText()).isEqualTo("10.0.0.7");
    assertThat(server.get("os_type").asText()).isEqualTo("WINDOWS");
    assertThat(server.get("cpu_quantity").asInt()).isEqualTo(8);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "[]",
        "{\"ip\":\"10.0.0.1\"}",
        "{\"name\":\"\"}",
        "{\"name\":",
        "{\"name\":3}"
      })
  void servers_badBody_is400AndAddsNothing(String body) throws Exception {
    start();

    refused(send("POST", "/__sms/servers", body), 400);

    assertThat(sms.listServers(ListServersRequest.builder().build()).getCount()).isZero();
  }

  // ---- scripts ----

  @Test
  void scripts_forATask_isFollowed() throws Exception {
    start();
    ShowServerResponse server = simulator.addSourceServer("web-1");
    String taskId = createTask(server);

    HttpResponse<String> r =
        send(
            "POST",
            "/__sms/scripts",
            "{\"task_id\":\""
                + taskId
                + "\",\"steps\":[{\"type\":\"sub_task\",\"name\":\"A\","
                + "\"steps\":1},{\"type\":\"succeed\"}]}");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    sms.showTask(taskId);
    ShowTaskResponse done = sms.showTask(taskId);
    assertThat(done.getState()).isEqualTo(TaskState.MIGRATE_SUCCESS);
    assertThat(done.getSourceServer().getId()).isEqualTo(server.getId());
  }

  @Test
  void scripts_forASourceServer_onTheVirtualClock() throws Exception {
    start();
    ShowServerResponse server = simulator.addSourceServer("web-1");
    String body =
        "{\"source_server_id\":\""
            + server.getId()
            + "\",\"step_every\":\"PT1M\",\"migrate_speed\":12.5,\"steps\":["
            + "{\"type\":\"hold\",\"state\":\"RUNNING\",\"steps\":1},"
            + "{\"type\":\"fail\",\"sub_task\":\"CONFIGURE_LINUX\",\"percent\":40,"
            + "\"error_json\":\"{}\",\"process_trace\":\"disk full\"}]}";

    assertThat(send("POST", "/__sms/scripts", body).statusCode()).isEqualTo(200);
    String taskId = createTask(server);
    startTask(taskId);
    assertThat(sms.showTask(taskId).getState()).isEqualTo(TaskState.READY);
    assertThat(sms.showTask(taskId).getState()).isEqualTo(TaskState.RUNNING);
    send("POST", "/__sms/clock/advance", "{\"seconds\":60}");

    assertThat(sms.showTask(taskId).getState()).isEqualTo(TaskState.MIGRATE_FAIL);
  }

  @Test
  void scripts_default_thenDelete_restoresTheDefaultLifecycle() throws Exception {
    start();
    send(
        "POST",
        "/__sms/scripts",
        "{\"default\":true,\"steps\":[{\"type\":\"end\",\"state\":\"ABORT\"}]}");
    ShowServerResponse first = simulator.addSourceServer("web-1");
    String scripted = createTask(first);
    startTask(scripted);
    assertThat(sms.showTask(scripted).getState()).isEqualTo(TaskState.READY);
    assertThat(sms.showTask(scripted).getState()).isEqualTo(TaskState.ABORT);

    assertThat(send("DELETE", "/__sms/scripts", null).statusCode()).isEqualTo(200);
    String plain = createTask(simulator.addSourceServer("web-2"));
    startTask(plain);

    assertThat(sms.showTask(plain).getState()).isEqualTo(TaskState.READY);
    assertThat(sms.showTask(plain).getState()).isEqualTo(TaskState.RUNNING);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"steps\":[{\"type\":\"succeed\"}]}",
        "{\"task_id\":\"t\",\"default\":true,\"steps\":[{\"type\":\"succeed\"}]}",
        "{\"default\":false,\"steps\":[{\"type\":\"succeed\"}]}",
        "{\"task_id\":\"t\",\"steps\":[]}",
        "{\"task_id\":\"t\"}",
        "{\"task_id\":\"t\",\"steps\":[{\"type\":\"jump\"}]}",
        "{\"task_id\":\"t\",\"steps\":[{\"type\":\"hold\",\"state\":\"READDY\"}]}",
        "{\"task_id\":\"t\",\"steps\":[{\"type\":\"hold\",\"state\":\"READY\",\"steps\":0}]}",
        "{\"task_id\":\"t\",\"steps\":[{\"type\":\"succeed\"},{\"type\":\"succeed\"}]}",
        "{\"task_id\":\"t\",\"steps\":[{\"type\":\"succeed\",\"name\":\"x\"}]}",
        "{\"task_id\":\"t\",\"step_every\":\"5 minutes\",\"steps\":[{\"type\":\"succeed\"}]}",
        "{\"task_id\":\"t\",\"stepevery\":\"PT1M\",\"steps\":[{\"type\":\"succeed\"}]}",
        "{\"task_id\":\"t\",\"base_task\":{\"create_date\":\"yesterday\"},"
            + "\"steps\":[{\"type\":\"succeed\"}]}",
        "{\"task_id\":\"t\",\"task_id\":\"u\",\"steps\":[{\"type\":\"succeed\"}]}"
      })
  void scripts_badBody_is400AndChangesNothing(String body) throws Exception {
    start();

    String message = refused(send("POST", "/__sms/scripts", body), 400);

    assertThat(message).startsWith("script");
    assertThat(simulator.task("t")).isNull();
  }

  // ---- faults ----

  @Test
  void faults_perOperation_thenDelete() throws Exception {
    start();
    String plan =
        "{\"seed\":7,\"rules\":[{\"operation\":\"ShowTask\",\"id\":\""
            + SmsSimulator.EXAMPLE_TASK_ID
            + "\",\"times\":1,\"fault\":{\"status\":500}},"
            + "{\"operation\":\"ListServers\",\"fault\":{\"status\":429,"
            + "\"retry_after_seconds\":2}}]}";

    assertThat(send("POST", "/__sms/faults", plan).statusCode()).isEqualTo(200);
    SmsServiceException first =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            SmsServiceException.class, () -> sms.showTask(SmsSimulator.EXAMPLE_TASK_ID));
    assertThat(first.getStatusCode()).isEqualTo(500);
    assertThat(sms.showTask(SmsSimulator.EXAMPLE_TASK_ID)).isNotNull();
    assertThat(simulator.journal().get(1).fault()).isNull();

    assertThat(send("DELETE", "/__sms/faults", null).statusCode()).isEqualTo(200);
    assertThat(sms.listServers(ListServersRequest.builder().build()).getCount()).isZero();
  }

  @Test
  void faults_everyKindReads() throws Exception {
    start();
    String plan =
        "{\"rules\":["
            + "{\"request\":1,\"fault\":{\"kind\":\"latency\",\"latency_ms\":1}},"
            + "{\"requests\":[2,3],\"fault\":{\"kind\":\"drop_connection\"}},"
            + "{\"probability\":0.0,\"fault\":{\"kind\":\"truncated_body\"}},"
            + "{\"request\":4,\"fault\":{\"kind\":\"malformed_json\",\"latency_ms\":1}},"
            + "{\"request\":5,\"fault\":{\"kind\":\"response\",\"status\":502,"
            + "\"content_type\":\"text/html\",\"body\":\"<h1>bad gateway</h1>\"}},"
            + "{\"request\":6,\"fault\":{\"status\":503,\"error_code\":\"SMS.0001\","
            + "\"error_msg\":\"busy\"}},"
            + "{\"always\":true,\"fault\":{\"status\":404}}]}";

    HttpResponse<String> r = send("POST", "/__sms/faults", plan);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"rules\":[{\"operation\":\"CreateTsk\",\"fault\":{\"status\":429}}]}",
        "{\"rules\":[{\"operation\":\"CreateTask\",\"times\":0,\"fault\":{\"status\":429}}]}",
        "{\"rules\":[{\"request\":1}]}",
        "{\"rules\":[{\"fault\":{\"status\":500}}]}",
        "{\"rules\":[{\"request\":1,\"always\":true,\"fault\":{\"status\":500}}]}",
        "{\"rules\":[{\"request\":0,\"fault\":{\"status\":500}}]}",
        "{\"rules\":[{\"requests\":[3,1],\"fault\":{\"status\":500}}]}",
        "{\"rules\":[{\"requests\":[3],\"fault\":{\"status\":500}}]}",
        "{\"rules\":[{\"probability\":1.5,\"fault\":{\"status\":500}}]}",
        "{\"rules\":[{\"request\":1,\"id\":\"x\",\"fault\":{\"status\":500}}]}",
        "{\"rules\":[{\"request\":1,\"fault\":{\"status\":200}}]}",
        "{\"rules\":[{\"request\":1,\"fault\":{\"kind\":\"teapot\"}}]}",
        "{\"rules\":[{\"request\":1,\"fault\":{\"kind\":\"latency\"}}]}",
        "{\"rules\":[{\"request\":1,\"fault\":{\"kind\":\"drop_connection\",\"status\":500}}]}",
        "{\"rules\":[{\"request\":1,\"fault\":{\"status\":500,\"error_code\":\"X\"}}]}",
        "{\"rules\":[{\"request\":1,\"fault\":{\"status\":500,\"colour\":\"red\"}}]}",
        "{\"rules\":[{\"request\":1,\"fault\":{\"status\":\"500\"}}]}",
        "{\"rules\":[{\"request\":1.5,\"fault\":{\"status\":500}}]}",
        "{\"rules\":{}}",
        "{\"seed\":1}",
        "{\"rules\":[]} trailing",
        "not json"
      })
  void faults_badBody_is400AndKeepsTheInstalledPlan(String body) throws Exception {
    start();
    send(
        "POST",
        "/__sms/faults",
        "{\"rules\":[{\"operation\":\"ShowTask\",\"times\":1,\"fault\":{\"status\":503}}]}");

    refused(send("POST", "/__sms/faults", body), 400);

    SmsServiceException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            SmsServiceException.class, () -> sms.showTask(SmsSimulator.EXAMPLE_TASK_ID));
    assertThat(e.getStatusCode()).isEqualTo(503);
  }

  // ---- clock ----

  @Test
  void clockAdvance_bySecondsOrDuration() throws Exception {
    start();
    java.time.Instant start = simulator.now();

    JsonNode first = json(send("POST", "/__sms/clock/advance", "{\"seconds\":90}"));
    JsonNode second = json(send("POST", "/__sms/clock/advance", "{\"duration\":\"PT5M\"}"));

    assertThat(first.get("now").asText()).isEqualTo(start.plusSeconds(90).toString());
    assertThat(second.get("now").asText()).isEqualTo(start.plusSeconds(390).toString());
    assertThat(simulator.now()).isEqualTo(start.plusSeconds(390));
    assertThat(json(send("GET", "/__sms/clock", null)).get("now").asText())
        .isEqualTo(simulator.now().toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"seconds\":1,\"duration\":\"PT1S\"}",
        "{\"seconds\":-1}",
        "{\"duration\":\"-PT1S\"}",
        "{\"duration\":\"soon\"}",
        "{\"duration\":\"PT999999999999999H\"}",
        "{\"minutes\":5}"
      })
  void clockAdvance_badBody_is400AndLeavesTheClock(String body) throws Exception {
    start();
    java.time.Instant before = simulator.now();

    refused(send("POST", "/__sms/clock/advance", body), 400);

    assertThat(simulator.now()).isEqualTo(before);
  }

  // ---- paths, methods, who may call ----

  @ParameterizedTest
  @ValueSource(strings = {"/__sms", "/__sms/", "/__sms/nothing", "/__sms/reset/now"})
  void unknownControlPath_is404Json(String path) throws Exception {
    start();

    assertThat(refused(send("GET", path, null), 404)).contains(path);
  }

  @Test
  void wrongMethod_is405Json() throws Exception {
    start();

    assertThat(refused(send("GET", "/__sms/reset", null), 405)).contains("POST");
    assertThat(refused(send("PUT", "/__sms/faults", "{}"), 405)).contains("PUT");
  }

  @Test
  void adminToken_isRequired_andTheRightOneServes() throws Exception {
    start(SmsSimulator.builder().controlApi(true).adminToken("s3cr3t-token"));

    String missing = refused(send("GET", "/__sms/health", null), 401);
    String wrong = refused(send("GET", "/__sms/health", null, "Bearer other"), 401);
    HttpResponse<String> right = send("GET", "/__sms/health", null, "Bearer s3cr3t-token");

    assertThat(missing).contains("Bearer");
    assertThat(wrong).doesNotContain("s3cr3t-token");
    assertThat(right.statusCode()).isEqualTo(200);
  }

  @Test
  void withoutToken_aNonLoopbackPeer_is403() throws Exception {
    start();
    RequestHead head = head("GET /__sms/health HTTP/1.1\r\nHost: x\r\n\r\n");

    Answer remote =
        simulator.controlApi().answer(head, new byte[0], InetAddress.getByName("192.0.2.10"));
    Answer local = simulator.controlApi().answer(head, new byte[0], InetAddress.getByName("::1"));

    assertThat(remote.status()).isEqualTo(403);
    assertThat(local.status()).isEqualTo(200);
  }

  @Test
  void withToken_aNonLoopbackPeer_isServed() throws Exception {
    start(SmsSimulator.builder().controlApi(true).adminToken("tok"));
    RequestHead head =
        head("GET /__sms/health HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer tok\r\n\r\n");

    Answer remote =
        simulator.controlApi().answer(head, new byte[0], InetAddress.getByName("192.0.2.10"));

    assertThat(remote.status()).isEqualTo(200);
  }

  private static RequestHead head(String text) throws RequestHead.Malformed {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    return RequestHead.parse(bytes, 0, bytes.length);
  }

  @Test
  void controlApiOff_sms_isAnUnknownPathOfTheEmulatedApi() throws Exception {
    start(SmsSimulator.builder());

    HttpResponse<String> r = send("GET", "/__sms/health", null);

    assertThat(r.statusCode()).isEqualTo(401); // unsigned: the gateway refuses it first
    assertThat(simulator.journal()).hasSize(1);
  }

  @Test
  void controlRequests_areNeverFaulted() throws Exception {
    start();
    simulator.faults(FaultPlan.builder().always(Fault.status(503)).build());

    assertThat(send("GET", "/__sms/health", null).statusCode()).isEqualTo(200);
    assertThat(send("DELETE", "/__sms/faults", null).statusCode()).isEqualTo(200);
    assertThat(sms.showTask(SmsSimulator.EXAMPLE_TASK_ID)).isNotNull();
  }
}
