package org.migrationkit.sms.testing.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.testing.SmsSimulator;
import org.migrationkit.sms.testsupport.SignedHttp;

/**
 * The stand-alone jar as users run it: {@code java -jar}, flags and environment, its listening
 * line, signed SMS requests and the control API over plain HTTP, bad flags, and a clean exit on
 * SIGTERM and SIGINT. Runs in {@code integration-test}, after {@code package} built the jar.
 */
class StandaloneSimulatorIT {
  private static final Duration STOP_WITHIN = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Credentials KEY = Credentials.akSk("it-ak", "it-sk").withDomainId("it-dom");

  @TempDir Path dir;

  private StandaloneProcess start(String... flags) throws Exception {
    return StandaloneProcess.start(dir, Map.of(), flags);
  }

  private static HttpResponse<String> control(String endpoint, String method, String path)
      throws Exception {
    return control(endpoint, method, path, null, null);
  }

  private static HttpResponse<String> control(
      String endpoint, String method, String path, String json, String bearer) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(endpoint + path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void listeningLine_thenSignedRequestsAnswered_unsignedRefused() throws Exception {
    try (StandaloneProcess sim =
        StandaloneProcess.start(
            dir, Map.of("SMS_SIMULATOR_SK", "it-sk"), "--ak", "it-ak", "--domain-id", "it-dom")) {
      String endpoint = sim.awaitEndpoint();

      assertThat(endpoint).matches("http://127\\.0\\.0\\.1:[1-9][0-9]*");
      HttpResponse<String> task =
          SignedHttp.send(endpoint, KEY, "GET", "/v3/tasks/" + SmsSimulator.EXAMPLE_TASK_ID, "");
      assertThat(task.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(task.body()).path("name").asText()).isNotEmpty();
      HttpResponse<String> list = SignedHttp.send(endpoint, KEY, "GET", "/v3/tasks?limit=10", "");
      assertThat(list.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(list.body()).path("count").asInt()).isPositive();
      HttpResponse<String> wrongKey =
          SignedHttp.send(endpoint, Credentials.akSk("it-ak", "not-it-sk"), "GET", "/v3/tasks", "");
      assertThat(wrongKey.statusCode()).isEqualTo(401);
      assertThat(wrongKey.body()).contains("APIGW.0301");
      HttpResponse<String> unsigned = control(endpoint, "GET", "/v3/tasks");
      assertThat(unsigned.statusCode()).isEqualTo(401);
    }
  }

  @Test
  void noKeyGiven_documentedTestPairAccepted_andSaidOnStandardError() throws Exception {
    try (StandaloneProcess sim = start("--empty")) {
      String endpoint = sim.awaitEndpoint();

      HttpResponse<String> tasks =
          SignedHttp.send(endpoint, Credentials.akSk("test-ak", "test-sk"), "GET", "/v3/tasks", "");
      assertThat(tasks.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(tasks.body()).path("count").asInt()).isZero();
      assertThat(sim.stderr()).contains("access key test-ak").doesNotContain("test-sk");
    }
  }

  @Test
  void controlApi_resetServersJournal_overPlainHttp() throws Exception {
    try (StandaloneProcess sim = start("--key", "it-ak:it-sk:it-dom", "--empty")) {
      String endpoint = sim.awaitEndpoint();

      HttpResponse<String> added =
          control(endpoint, "POST", "/__sms/servers", "{\"name\":\"web-1\"}", null);
      assertThat(added.statusCode()).isEqualTo(201);
      String serverId = JSON.readTree(added.body()).path("id").asText();
      assertThat(serverId).isNotEmpty();
      HttpResponse<String> shown =
          SignedHttp.send(endpoint, KEY, "GET", "/v3/sources/" + serverId, "");
      assertThat(shown.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(shown.body()).path("name").asText()).isEqualTo("web-1");

      HttpResponse<String> journal = control(endpoint, "GET", "/__sms/journal");
      assertThat(journal.statusCode()).isEqualTo(200);
      JsonNode entries = JSON.readTree(journal.body());
      assertThat(entries.size()).isEqualTo(1);
      assertThat(entries.get(0).toString()).contains("/v3/sources/" + serverId);

      HttpResponse<String> reset = control(endpoint, "POST", "/__sms/reset");
      assertThat(reset.statusCode()).isEqualTo(200);
      assertThat(SignedHttp.send(endpoint, KEY, "GET", "/v3/sources/" + serverId, "").statusCode())
          .isEqualTo(404);
      assertThat(control(endpoint, "GET", "/__sms/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void adminToken_controlApiNeedsTheBearer() throws Exception {
    try (StandaloneProcess sim =
        StandaloneProcess.start(
            dir, Map.of("SMS_SIMULATOR_ADMIN_TOKEN", "s3cret-admin"), "--key", "it-ak:it-sk")) {
      String endpoint = sim.awaitEndpoint();

      assertThat(control(endpoint, "GET", "/__sms/health").statusCode()).isEqualTo(401);
      assertThat(control(endpoint, "GET", "/__sms/health", null, "s3cret-admin").statusCode())
          .isEqualTo(200);
      assertThat(sim.stderr()).doesNotContain("s3cret-admin");
    }
  }

  @Test
  void journalFile_oneJsonLinePerRequest_readableWhileRunning() throws Exception {
    Path journal = dir.resolve("journal.jsonl");
    try (StandaloneProcess sim = start("--key", "it-ak:it-sk", "--journal", journal.toString())) {
      String endpoint = sim.awaitEndpoint();

      SignedHttp.send(endpoint, KEY, "GET", "/v3/tasks/" + SmsSimulator.EXAMPLE_TASK_ID, "");
      SignedHttp.send(endpoint, Credentials.akSk("it-ak", "wrong"), "GET", "/v3/tasks", "");

      // flushed per line: both are in the file before the process ends
      List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
      assertThat(lines).hasSize(2);
      JsonNode first = JSON.readTree(lines.get(0));
      JsonNode second = JSON.readTree(lines.get(1));
      assertThat(first.path("number").asLong()).isEqualTo(1);
      assertThat(first.path("operation").asText()).isEqualTo("ShowTask");
      assertThat(first.path("task_id").asText()).isEqualTo(SmsSimulator.EXAMPLE_TASK_ID);
      assertThat(first.path("status").asInt()).isEqualTo(200);
      assertThat(first.path("signature_valid").asBoolean()).isTrue();
      assertThat(first.path("access_key").asText()).isEqualTo("it-ak");
      assertThat(second.path("number").asLong()).isEqualTo(2);
      assertThat(second.path("status").asInt()).isEqualTo(401);
      assertThat(second.path("signature_valid").asBoolean()).isFalse();
      assertThat(String.join("\n", lines)).doesNotContain("it-sk").doesNotContain("Signature=");
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--prot 80      | unknown flag --prot (--help lists them)",
        "--port abc     | --port: not a number: abc",
        "--port 70000   | --port: 70000 out of range 0-65535",
        "--ak only-ak   | --ak given without --sk",
      })
  void badFlag_exits2_withOneLineOnStandardError(String flags, String message) throws Exception {
    try (StandaloneProcess sim = start(flags.trim().split(" +"))) {
      assertThat(sim.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
      assertThat(sim.stderr()).isEqualTo(message + System.lineSeparator());
      assertThat(sim.stdoutRest()).isEmpty();
    }
  }

  @Test
  void journalInMissingDirectory_exits2_namingIt() throws Exception {
    String missing = dir.resolve("no-such-dir/j.jsonl").toString();
    try (StandaloneProcess sim = start("--journal", missing)) {
      assertThat(sim.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
      assertThat(sim.stderr())
          .isEqualTo("--journal: cannot write " + missing + ": no such directory\n");
    }
  }

  @Test
  void portInUse_exits1_oneLine() throws Exception {
    try (StandaloneProcess first = start();
        StandaloneProcess second =
            start("--port", URI.create(first.awaitEndpoint()).getPort() + "")) {
      assertThat(second.awaitExit(Duration.ofSeconds(30))).isEqualTo(1);
      assertThat(second.stderr().lines().filter(l -> !l.startsWith("no key pair given")))
          .singleElement()
          .asString()
          .startsWith("cannot start the SMS simulator");
    }
  }

  @Test
  void helpAndVersion_exit0_onStandardOutput() throws Exception {
    try (StandaloneProcess help = start("--help")) {
      assertThat(help.awaitExit(Duration.ofSeconds(30))).isZero();
      assertThat(help.stdoutRest()).startsWith("Usage: java -jar").contains("SMS_SIMULATOR_PORT");
    }
    try (StandaloneProcess version = start("--version")) {
      assertThat(version.awaitExit(Duration.ofSeconds(30))).isZero();
      assertThat(version.stdoutRest())
          .startsWith("sms-sdk-testing " + System.getProperty("standalone.version") + " ");
    }
  }

  @Test
  void sigterm_exits0_within5Seconds_journalClosed() throws Exception {
    Path journal = dir.resolve("journal.jsonl");
    try (StandaloneProcess sim = start("--journal", journal.toString())) {
      String endpoint = sim.awaitEndpoint();
      SignedHttp.send(endpoint, Credentials.akSk("test-ak", "test-sk"), "GET", "/v3/tasks", "");

      sim.process.destroy(); // SIGTERM

      assertThat(sim.awaitExit(STOP_WITHIN)).isZero();
      assertThat(sim.stderr()).endsWith("SMS simulator stopped" + System.lineSeparator());
      assertThat(Files.readAllLines(journal)).hasSize(1);
    }
  }

  @Test
  void sigint_exits0_within5Seconds() throws Exception {
    assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "SIGINT is sent with kill(1)");
    try (StandaloneProcess sim = start()) {
      sim.awaitEndpoint();

      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(sim.process.pid())).start();
      assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(kill.exitValue()).isZero();

      assertThat(sim.awaitExit(STOP_WITHIN)).isZero();
    }
  }

  /** examples/nodejs: its signer test, then the example itself against a running jar. */
  @Test
  void nodeExample_runsAgainstTheJar() throws Exception {
    assumeTrue(nodeOnPath(), "node is not on the PATH");
    Path examples = Path.of(System.getProperty("examples.dir"), "nodejs").toAbsolutePath();

    Process test =
        new ProcessBuilder("node", "--test", examples.resolve("signer.test.mjs").toString())
            .redirectErrorStream(true)
            .start();
    String testOutput = new String(test.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(test.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(test.exitValue()).as(testOutput).isZero();

    try (StandaloneProcess sim = start("--empty", "--key", "node-ak:node-sk")) {
      String endpoint = sim.awaitEndpoint();
      ProcessBuilder run =
          new ProcessBuilder("node", examples.resolve("sms-example.mjs").toString())
              .redirectErrorStream(true);
      run.environment().put("SMS_ENDPOINT", endpoint);
      run.environment().put("SMS_AK", "node-ak");
      run.environment().put("SMS_SK", "node-sk");
      Process example = run.start();
      String output = new String(example.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(example.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(example.exitValue()).as(output).isZero();
      assertThat(output).contains("task READY");

      JsonNode journal = JSON.readTree(control(endpoint, "GET", "/__sms/journal").body());
      List<String> operations = new ArrayList<>();
      journal.forEach(entry -> operations.add(entry.path("operation").asText()));
      assertThat(operations).contains("ListTasks", "CreateTask", "ShowTask");
      assertThat(journal.findValuesAsText("signature_valid")).containsOnly("true");
    }
  }

  private static boolean nodeOnPath() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
