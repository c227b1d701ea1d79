package org.migrationkit.sms.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationkit.sms.AttemptOutcome;
import org.migrationkit.sms.CallInfo;
import org.migrationkit.sms.RetryBudget;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsEventListener;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.TaskProgress;
import org.migrationkit.sms.TaskProgressListener;
import org.migrationkit.sms.WaitOptions;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ShowTaskRequest;
import org.migrationkit.sms.testsupport.ClosedPort;
import org.migrationkit.sms.testsupport.Fixtures;
import org.migrationkit.sms.testsupport.QuietNotifier;
import org.migrationkit.sms.testsupport.ThrowableText;

/**
 * Runs every public path of the client with the SDK's loggers at TRACE (see {@code
 * simplelogger.properties}) and proves that no secret (secret key, security token, {@code
 * X-Auth-Token}, any {@code Authorization} value the server saw) shows in the log output, in any
 * exception's messages (causes and suppressed ones included), or in the {@code toString()} of the
 * public types involved.
 */
class TraceSecretsTest {
  private static final String AK = "HPUA6TRACETESTAK0001";
  private static final String SK = "trace-SK-secret-9f8e7d6c5b4a39281706";
  private static final String SECURITY_TOKEN = "trace-ST-securitytoken-gQoJb3JpZ2luX2VjE";
  private static final String X_AUTH_TOKEN = "trace-XAT-authtoken-MIIZa1b2c3d4e5f6";
  private static final String DOMAIN_ID = "0970dd7a1300f5672ff2c003c60ae115";
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(
              wireMockConfig().dynamicPort().bindAddress("127.0.0.1").notifier(new QuietNotifier()))
          .build();

  /** Everything a caller could print: messages and toString() of what the paths returned. */
  private final StringBuilder seen = new StringBuilder();

  private void stub(
      String taskId, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
    wm.stubFor(
        get(urlPathEqualTo("/v3/tasks/" + taskId))
            .willReturn(answer.withHeader("X-Request-Id", "req-" + taskId)));
  }

  private void stubEveryAnswer() {
    String task = Fixtures.text(Fixtures.SHOW_TASK_200);
    stub("ok-task", aResponse().withStatus(200).withBody(task));
    stub(
        "failed-task",
        aResponse().withStatus(200).withBody(task.replace("\"RUNNING\"", "\"MIGRATE_FAIL\"")));
    stub(
        "forbidden-task",
        aResponse().withStatus(403).withBody(Fixtures.text(Fixtures.SHOW_TASK_403)));
    stub(
        "broken-task",
        aResponse().withStatus(500).withBody("{\"error_code\":\"SMS.0500\",\"error_msg\":\"x\"}"));
    stub(
        "throttled-task",
        aResponse()
            .withStatus(429)
            .withHeader("Retry-After", "0")
            .withBody("<html>slow down</html>"));
    stub("slow-task", aResponse().withStatus(200).withBody(task).withFixedDelay(1000));
    stub("garbled-task", aResponse().withStatus(200).withBody("{\"id\": [tru"));
    stub(
        "skewed-task",
        aResponse()
            .withStatus(401)
            .withHeader("Date", HTTP_DATE.format(Instant.now().plus(Duration.ofHours(2))))
            .withBody(
                "{\"error_code\":\"APIGW.0303\",\"error_msg\":\"Incorrect app authentication"
                    + " information\"}"));
  }

  private final SmsEventListener recordingListener =
      new SmsEventListener() {
        @Override
        public void callStart(CallInfo call) {
          note(call);
        }

        @Override
        public void attemptEnd(CallInfo call, AttemptOutcome outcome) {
          note(outcome);
        }

        @Override
        public void retryScheduled(
            CallInfo call, int nextAttempt, Duration delay, SmsException reason) {
          note(ThrowableText.of(reason));
        }

        @Override
        public void callFailed(CallInfo call, Duration duration, SmsException failure) {
          note(ThrowableText.of(failure));
        }
      };

  private final TaskProgressListener progressListener =
      new TaskProgressListener() {
        @Override
        public void onProgress(TaskProgress progress) {
          note(progress);
        }

        @Override
        public void onPollFailed(SmsException failure, int consecutiveFailures) {
          note(ThrowableText.of(failure));
        }
      };

  private synchronized void note(Object o) {
    seen.append(o).append('\n');
  }

  private SmsClient client(Credentials credentials, RetryPolicy policy) {
    SmsClient sms =
        SmsClient.builder()
            .endpoint(wm.baseUrl())
            .credentials(credentials)
            .retryPolicy(policy)
            .eventListener(recordingListener)
            .readTimeout(Duration.ofMillis(300))
            .callTimeout(Duration.ofSeconds(5))
            .build();
    note(sms);
    return sms;
  }

  /** Runs a call, noting its result or its failure (with everything a stack trace would print). */
  private void run(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      note(ThrowableText.of(e));
      ByteArrayOutputStream trace = new ByteArrayOutputStream();
      e.printStackTrace(new PrintStream(trace, true, StandardCharsets.UTF_8));
      note(trace.toString(StandardCharsets.UTF_8));
    }
  }

  private void runAsync(CompletableFuture<?> call) {
    try {
      note(call.get(10, TimeUnit.SECONDS));
    } catch (ExecutionException e) {
      note(ThrowableText.of(e.getCause()));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private void everyPublicPath() {
    Credentials permanent = Credentials.akSk(AK, SK).withDomainId(DOMAIN_ID);
    Credentials temporary =
        Credentials.akSk(AK, SK).withSecurityToken(SECURITY_TOKEN).withDomainId(DOMAIN_ID);
    Credentials token = Credentials.token(X_AUTH_TOKEN);
    RetryPolicy retries =
        RetryPolicy.builder()
            .baseDelay(Duration.ofMillis(1))
            .throttlingBaseDelay(Duration.ofMillis(1))
            .retryBudget(RetryBudget.create(1000))
            .build();
    WaitOptions shortWait =
        WaitOptions.builder()
            .pollInterval(Duration.ofMillis(50))
            .maxWait(Duration.ofMillis(300))
            .progressListener(progressListener)
            .build();
    for (Object o :
        List.of(
            permanent,
            temporary,
            token,
            retries,
            RetryPolicy.defaults(),
            RetryPolicy.none(),
            RetryBudget.shared(),
            RetryBudget.unlimited(),
            shortWait,
            ShowTaskRequest.of("ok-task"))) {
      note(o);
    }

    for (Credentials credentials : List.of(permanent, temporary, token)) {
      try (SmsClient sms = client(credentials, retries)) {
        run(() -> note(sms.showTask("ok-task")));
        runAsync(sms.showTaskAsync("ok-task"));
        run(() -> sms.showTask("forbidden-task"));
        runAsync(sms.showTaskAsync("forbidden-task"));
        run(() -> sms.showTask("broken-task")); // 500, three attempts
        runAsync(sms.showTaskAsync("broken-task"));
        run(() -> sms.showTask("throttled-task")); // 429, an HTML body
        run(() -> sms.showTask("garbled-task"));
        run(() -> sms.showTask("skewed-task")); // 401 with a Date two hours ahead: re-signed once
        run(() -> note(sms.waitForTask("failed-task", shortWait)));
        run(() -> note(sms.waitForTask("forbidden-task", shortWait)));
        run(() -> sms.showTask("bad/id\u0000" + "x".repeat(300)));
      }
    }
    // the paths that take time, with the two kinds of credentials that carry more than a key
    for (Credentials credentials : List.of(temporary, token)) {
      try (SmsClient sms = client(credentials, retries)) {
        run(() -> sms.showTask("slow-task")); // read timeout, retried
        run(() -> note(sms.waitForTask("ok-task", shortWait))); // RUNNING until maxWait
        runAsync(sms.waitForTaskAsync("broken-task", shortWait)); // failures absorbed, then maxWait
      }
    }
    try (SmsClient sms =
        SmsClient.builder()
            .endpoint(wm.baseUrl())
            .credentials(temporary)
            .retryPolicy(RetryPolicy.none())
            .callTimeout(Duration.ofMillis(300))
            .eventListener(recordingListener)
            .build()) {
      run(() -> sms.showTask("slow-task")); // whole-call timeout
    }
    try (SmsClient sms =
        SmsClient.builder()
            .endpoint("http://127.0.0.1:" + ClosedPort.find())
            .credentials(temporary)
            .retryPolicy(retries)
            .eventListener(recordingListener)
            .build()) {
      note(sms);
      run(() -> sms.showTask("ok-task")); // refused, three attempts
      sms.close();
      run(() -> sms.showTask("ok-task")); // closed
    }
    note(retries.retryBudget());
  }

  @Test
  void everyPublicPath_atTrace_showsNoSecret() {
    stubEveryAnswer();
    PrintStream originalErr = System.err;
    PrintStream originalOut = System.out;
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(output, true, StandardCharsets.UTF_8);
    System.setErr(capture);
    System.setOut(capture);
    try {
      everyPublicPath();
    } finally {
      System.setErr(originalErr);
      System.setOut(originalOut);
    }
    String logs = output.toString(StandardCharsets.UTF_8);
    String text = logs + "\n" + seen;

    Set<String> secrets = new LinkedHashSet<>(List.of(SK, SECURITY_TOKEN, X_AUTH_TOKEN));
    List<String> authorizations = new ArrayList<>();
    for (ServeEvent event : wm.getAllServeEvents()) {
      if (event.getRequest().containsHeader("Authorization")) {
        String authorization = event.getRequest().getHeader("Authorization");
        authorizations.add(authorization);
        secrets.add(authorization);
        secrets.add(
            authorization.substring(authorization.indexOf("Signature=") + "Signature=".length()));
      }
    }

    // the paths really ran, and the SDK's DEBUG/TRACE lines really were captured
    assertThat(authorizations).hasSizeGreaterThan(20);
    assertThat(wm.getAllServeEvents())
        .anyMatch(e -> X_AUTH_TOKEN.equals(e.getRequest().getHeader("X-Auth-Token")));
    assertThat(wm.getAllServeEvents())
        .anyMatch(e -> SECURITY_TOKEN.equals(e.getRequest().getHeader("X-Security-Token")));
    assertThat(logs)
        .contains("DEBUG org.migrationkit", "attempt 1 of 3", "retrying in", "clock skew");
    assertThat(seen)
        .contains(
            "HTTP 403",
            "HTTP 500",
            "HTTP 429",
            "HTTP 401",
            "read timed out",
            "the call timed out",
            "Failed to connect",
            "client was closed",
            "Credentials{",
            "RetryPolicy{",
            "SmsClient{");

    List<String> leaks = new ArrayList<>();
    for (String secret : secrets) {
      int at = text.indexOf(secret);
      if (at >= 0) {
        int lineStart = text.lastIndexOf('\n', at) + 1;
        int lineEnd = text.indexOf('\n', at);
        leaks.add(
            secret + " in: " + text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd));
      }
    }
    assertThat(leaks).isEmpty();
    System.out.println(
        "trace secrets: "
            + logs.length()
            + " chars of log, "
            + seen.length()
            + " chars of messages, "
            + secrets.size()
            + " secret values checked");
  }
}
