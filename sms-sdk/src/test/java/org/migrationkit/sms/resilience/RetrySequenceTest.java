package org.migrationkit.sms.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.migrationkit.sms.RetryBudget;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsEventListener;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.SmsTimeoutException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.testsupport.Fixtures;
import org.migrationkit.sms.testsupport.QuietNotifier;
import org.migrationkit.sms.testsupport.ReferenceSignatureVerifier;
import org.migrationkit.sms.testsupport.ReferenceSignatureVerifier.Verdict;

/**
 * Sequences of answers against the retry policy: what is retried, how long each wait is ({@code
 * Retry-After} in both forms), what the final exception carries, and that every attempt is signed
 * afresh. Backoff is zero unless a test is about waiting, so only {@code Retry-After} can make a
 * call slow.
 */
class RetrySequenceTest {
  private static final String TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";
  private static final String PATH = "/v3/tasks/" + TASK_ID;
  private static final String AK = "HPUA6QWERTYASDF1234Z";
  private static final String SK = "s3cr3tK3yExample0123456789abcdefghijklmno";
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

  private final RecordingListener events = new RecordingListener();

  /**
   * Loads the SDK's and OkHttp's classes once, so the timing tests measure calls, not class
   * loading.
   */
  @BeforeAll
  static void warmUp() {
    stubSequence(ok());
    try (SmsClient sms = client(RetryPolicy.none(), SmsEventListener.NONE)) {
      sms.showTask(TASK_ID);
    }
  }

  // ---- helpers ----

  /**
   * Retries after at most a few milliseconds, without touching the process-wide budget. (A zero
   * base would be the natural choice; see {@link #retryPolicy_zeroBaseDelay_backsOffZero}.)
   */
  private static RetryPolicy.Builder fastRetries() {
    return RetryPolicy.builder()
        .baseDelay(Duration.ofMillis(1))
        .throttlingBaseDelay(Duration.ofMillis(1))
        .retryBudget(RetryBudget.unlimited());
  }

  private static SmsClient client(RetryPolicy policy, SmsEventListener listener) {
    return SmsClient.builder()
        .endpoint(wm.baseUrl())
        .credentials(Credentials.akSk(AK, SK).withDomainId(DOMAIN_ID))
        .retryPolicy(policy)
        .eventListener(listener)
        .build();
  }

  private static ResponseDefinitionBuilder ok() {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json;charset=UTF-8")
        .withHeader("X-Request-Id", "req-ok")
        .withBody(Fixtures.text(Fixtures.SHOW_TASK_200));
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
          get(urlPathEqualTo(PATH))
              .inScenario("sequence")
              .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step-" + i);
      if (i + 1 < responses.length) {
        step = step.willSetStateTo("step-" + (i + 1));
      }
      wm.stubFor(step.willReturn(responses[i]));
    }
  }

  /** Returns the requests WireMock received, oldest first. */
  private static List<LoggedRequest> requests() {
    return wm.findAll(getRequestedFor(urlPathEqualTo(PATH)));
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  // ---- sequences that end well ----

  @Test
  void showTask_503Then503Then200_succeedsOnAttempt3() {
    stubSequence(error(503), error(503), ok());

    ShowTaskResponse task;
    try (SmsClient sms = client(fastRetries().build(), events)) {
      task = sms.showTask(TASK_ID);
    }

    assertThat(task.getId()).isEqualTo("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxx0001");
    assertThat(events.attemptStarts()).containsExactly(1, 2, 3);
    assertThat(events.attemptEnds()).extracting(o -> o.statusCode()).containsExactly(503, 503, 200);
    assertThat(events.retryDelays())
        .hasSize(2)
        .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofMillis(4)));
    assertThat(events.callEnds()).isEqualTo(1);
    assertThat(events.callFailures()).isZero();
    assertThat(requests().size()).as("requests on the wire").isEqualTo(3);
  }

  @Test
  void showTaskAsync_503Then503Then200_succeedsOnAttempt3() throws Exception {
    stubSequence(error(503), error(503), ok());

    ShowTaskResponse task;
    try (SmsClient sms = client(fastRetries().build(), events)) {
      task = sms.showTaskAsync(TASK_ID).get(10, TimeUnit.SECONDS);
    }

    assertThat(task.getName()).isEqualTo("MigrationTask");
    assertThat(events.attemptStarts()).containsExactly(1, 2, 3);
    assertThat(requests().size()).as("requests on the wire").isEqualTo(3);
  }

  @Test
  void showTask_503Then503Then200_signsEveryAttemptAfresh() {
    stubSequence(error(503), error(503), ok());

    try (SmsClient sms = client(fastRetries().build(), events)) {
      sms.showTask(TASK_ID);
    }

    // within one second the dates (and so the signatures) may be equal; what matters is that each
    // request carries its own X-Sdk-Date and a signature the gateway would accept
    ReferenceSignatureVerifier verifier = new ReferenceSignatureVerifier(AK, SK);
    assertThat(requests().size()).as("requests on the wire").isEqualTo(3);
    for (LoggedRequest request : requests()) {
      assertThat(request.getHeader("X-Sdk-Date")).matches("\\d{8}T\\d{6}Z");
      assertThat(request.getHeader("Authorization")).contains("x-sdk-date");
      Verdict verdict = verifier.verify(request);
      assertThat(verdict.valid()).as(verdict.reason()).isTrue();
    }
  }

  @Test
  void showTask_503RetryAfter1_waitsAtLeastOneSecondAndSignsAgain() {
    stubSequence(error(503).withHeader("Retry-After", "1"), ok());

    long start = System.nanoTime();
    try (SmsClient sms = client(fastRetries().build(), events)) {
      sms.showTask(TASK_ID);
    }
    long elapsed = millisSince(start);

    assertThat(elapsed).isGreaterThanOrEqualTo(1000);
    assertThat(events.retryDelays()).containsExactly(Duration.ofSeconds(1));
    List<LoggedRequest> requests = requests();
    assertThat(requests.size()).as("requests on the wire").isEqualTo(2);
    // a second or more apart, so the signing times differ, and so do the signatures
    assertThat(requests.get(1).getHeader("X-Sdk-Date"))
        .isNotEqualTo(requests.get(0).getHeader("X-Sdk-Date"));
    assertThat(requests.get(1).getHeader("Authorization"))
        .isNotEqualTo(requests.get(0).getHeader("Authorization"));
    ReferenceSignatureVerifier verifier = new ReferenceSignatureVerifier(AK, SK);
    for (LoggedRequest request : requests) {
      Verdict verdict = verifier.verify(request);
      assertThat(verdict.valid()).as(verdict.reason()).isTrue();
    }
    System.out.println("showTask_503RetryAfter1: " + elapsed + " ms");
  }

  @Test
  void showTask_429RetryAfter2_waitsAtLeastTwoSeconds() {
    stubSequence(error(429).withHeader("Retry-After", "2"), ok());

    long start = System.nanoTime();
    try (SmsClient sms = client(fastRetries().build(), events)) {
      sms.showTask(TASK_ID);
    }
    long elapsed = millisSince(start);

    assertThat(elapsed).isGreaterThanOrEqualTo(2000);
    assertThat(events.retryDelays()).containsExactly(Duration.ofSeconds(2));
    assertThat(requests().size()).as("requests on the wire").isEqualTo(2);
    System.out.println("showTask_429RetryAfter2: " + elapsed + " ms");
  }

  @Test
  void showTask_503RetryAfterHttpDate_waitsUntilThatDate() {
    // a whole second in the future, at least 1 s and at most 2 s away
    Instant retryAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
    stubSequence(error(503).withHeader("Retry-After", HTTP_DATE.format(retryAt)), ok());

    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    try (SmsClient sms = client(fastRetries().build(), events)) {
      sms.showTask(TASK_ID);
    }

    // the wait is what was left until the date when the answer was read, however late that was
    assertThat(events.retryDelays())
        .singleElement()
        .satisfies(d -> assertThat(d).isLessThanOrEqualTo(Duration.between(before, retryAt)));
    List<LoggedRequest> requests = requests();
    assertThat(requests.size()).as("requests on the wire").isEqualTo(2);
    // a few ms of slack for the wall clock against the monotonic one the wait runs on
    assertThat(requests.get(1).getLoggedDate().toInstant())
        .as("when the retry arrived")
        .isAfterOrEqualTo(retryAt.minusMillis(20));
  }

  @Test
  void showTask_retryAfterOverMaxDelay_waitsOnlyMaxDelay() {
    stubSequence(error(503).withHeader("Retry-After", "3600"), ok());

    // the guard only catches an hour's wait; the event says which wait was taken
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          try (SmsClient sms =
              client(fastRetries().maxDelay(Duration.ofMillis(200)).build(), events)) {
            sms.showTask(TASK_ID);
          }
        });

    assertThat(events.retryDelays()).containsExactly(Duration.ofMillis(200));
    assertThat(requests().size()).as("requests on the wire").isEqualTo(2);
  }

  @Test
  void showTask_503RetryAfter0Twice_isRetriedOnlyByThePolicy() {
    stubSequence(
        error(503).withHeader("Retry-After", "0"), error(503).withHeader("Retry-After", "0"), ok());

    try (SmsClient sms = client(fastRetries().build(), events)) {
      sms.showTask(TASK_ID);
    }

    // every request on the wire is an attempt the policy chose, counted, reported and signed afresh
    assertThat(requests().size())
        .as("requests on the wire")
        .isEqualTo(events.attemptStarts().size());
    assertThat(events.attemptStarts()).containsExactly(1, 2, 3);
    assertThat(events.retryDelays()).containsExactly(Duration.ZERO, Duration.ZERO);
  }

  @Test
  void showTask_policyNone503RetryAfter0_sendsOneRequest() {
    stubSequence(error(503).withHeader("Retry-After", "0"), ok());

    SmsServiceException e;
    try (SmsClient sms = client(RetryPolicy.none(), events)) {
      e = catchThrowableOfType(SmsServiceException.class, () -> sms.showTask(TASK_ID));
    }

    assertThat(requests().size()).as("requests on the wire").isEqualTo(1);
    assertThat(e).isNotNull();
    assertThat(e.getStatusCode()).isEqualTo(503);
  }

  @Test
  void retryPolicy_zeroBaseDelay_backsOffZero() {
    RetryPolicy policy =
        RetryPolicy.builder().baseDelay(Duration.ZERO).throttlingBaseDelay(Duration.ZERO).build();

    // "Zero retries at once (useful in tests)", says RetryPolicy.Builder#baseDelay
    assertThat(policy.backoff(1, false, 0.5)).isEqualTo(Duration.ZERO);
    assertThat(policy.backoff(3, false, 0.99)).isEqualTo(Duration.ZERO);
    assertThat(policy.backoff(1, true, 0.5)).isEqualTo(Duration.ZERO);
  }

  @Test
  void showTask_zeroBaseDelay_retriesAtOnce() {
    stubSequence(error(503), ok());
    RetryPolicy policy =
        RetryPolicy.builder().baseDelay(Duration.ZERO).retryBudget(RetryBudget.unlimited()).build();

    Throwable thrown;
    try (SmsClient sms =
        SmsClient.builder()
            .endpoint(wm.baseUrl())
            .credentials(Credentials.akSk(AK, SK))
            .retryPolicy(policy)
            .eventListener(events)
            .callTimeout(Duration.ofSeconds(30)) // bounds the test whatever the backoff
            .build()) {
      thrown = catchThrowable(() -> sms.showTask(TASK_ID));
    }

    // the event carries the wait the call took before its retry
    assertThat(events.retryDelays()).containsExactly(Duration.ZERO);
    assertThat(requests().size()).as("requests on the wire").isEqualTo(2);
    assertThat(thrown).isNull();
  }

  // ---- what is not retried ----

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {400, 404, 408})
  void showTask_clientError_isNotRetried(int status) {
    stubSequence(error(status), ok());

    Throwable thrown;
    try (SmsClient sms = client(fastRetries().build(), events)) {
      thrown = catchThrowable(() -> sms.showTask(TASK_ID));
    }

    assertThat(requests().size()).as("requests on the wire").isEqualTo(1);
    assertThat(thrown).isInstanceOf(SmsServiceException.class);
    SmsServiceException e = (SmsServiceException) thrown;
    assertThat(e.getStatusCode()).isEqualTo(status);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.getAttempts()).isEqualTo(1);
    assertThat(e.getSuppressed()).isEmpty();
  }

  @Test
  void showTask_503ThreeTimes_failsWithAttemptCountAndEarlierFailuresSuppressed() {
    stubSequence(error(503));

    SmsServiceException e;
    try (SmsClient sms = client(fastRetries().build(), events)) {
      e = catchThrowableOfType(SmsServiceException.class, () -> sms.showTask(TASK_ID));
    }

    assertThat(e.getStatusCode()).isEqualTo(503);
    assertThat(e.getAttempts()).isEqualTo(3);
    assertThat(e.getMessage()).contains("HTTP 503", "req-503", "3 attempts").doesNotContain("\n");
    assertThat(e.getSuppressed())
        .hasSize(2)
        .allSatisfy(s -> assertThat(s).isInstanceOf(SmsServiceException.class).isNotSameAs(e));
    assertThat(events.callFailures()).isEqualTo(1);
    assertThat(requests().size()).as("requests on the wire").isEqualTo(3);
  }

  @Test
  void showTask_policyNone_sendsOneRequest() {
    stubSequence(error(503), ok());

    SmsServiceException e;
    try (SmsClient sms = client(RetryPolicy.none(), events)) {
      e = catchThrowableOfType(SmsServiceException.class, () -> sms.showTask(TASK_ID));
    }

    assertThat(e.getStatusCode()).isEqualTo(503);
    assertThat(e.getAttempts()).isEqualTo(1);
    assertThat(requests().size()).as("requests on the wire").isEqualTo(1);
  }

  @Test
  void showTask_retryIfNarrowed_doesNotRetry503() {
    stubSequence(error(503), ok());
    RetryPolicy policy =
        fastRetries()
            .retryIf(
                f ->
                    RetryPolicy.isRetryableByDefault(f)
                        && !(f instanceof SmsServiceException
                            && ((SmsServiceException) f).getStatusCode() == 503))
            .build();

    SmsServiceException e;
    try (SmsClient sms = client(policy, events)) {
      e = catchThrowableOfType(SmsServiceException.class, () -> sms.showTask(TASK_ID));
    }

    assertThat(e.getStatusCode()).isEqualTo(503);
    assertThat(e.getAttempts()).isEqualTo(1);
    assertThat(requests().size()).as("requests on the wire").isEqualTo(1);
  }

  @Test
  void showTask_retryIfWidened_retries404() {
    stubSequence(error(404));
    RetryPolicy policy =
        fastRetries()
            .retryIf(
                f ->
                    RetryPolicy.isRetryableByDefault(f)
                        || (f instanceof SmsServiceException
                            && ((SmsServiceException) f).getStatusCode() == 404))
            .build();

    SmsServiceException e;
    try (SmsClient sms = client(policy, events)) {
      e = catchThrowableOfType(SmsServiceException.class, () -> sms.showTask(TASK_ID));
    }

    assertThat(e.getStatusCode()).isEqualTo(404);
    assertThat(e.getAttempts()).isEqualTo(3);
    assertThat(e.getSuppressed()).hasSize(2);
    assertThat(requests().size()).as("requests on the wire").isEqualTo(3);
  }

  // ---- what bounds retrying ----

  @Test
  void showTask_retryBudgetExhausted_stopsRetrying() {
    stubSequence(error(503));
    RetryBudget budget = RetryBudget.create(10); // two retries at 5 tokens each
    RetryPolicy policy = fastRetries().maxAttempts(10).retryBudget(budget).build();

    SmsServiceException first;
    SmsServiceException second;
    try (SmsClient sms = client(policy, events)) {
      first = catchThrowableOfType(SmsServiceException.class, () -> sms.showTask(TASK_ID));
      second = catchThrowableOfType(SmsServiceException.class, () -> sms.showTask(TASK_ID));
    }

    assertThat(first.getAttempts()).isEqualTo(3);
    assertThat(second.getAttempts()).isEqualTo(1);
    assertThat(budget.available()).isZero();
    assertThat(requests().size()).as("requests on the wire").isEqualTo(4);
  }

  /**
   * Checks that no retry was scheduled to start after the call's deadline. The call's clock starts
   * before its {@code callStart} event, and each retry is decided after its attempt's {@code
   * attemptEnd} event, so these bounds hold however slow the machine is.
   */
  private static void assertEveryRetryDueBefore(RecordingListener events, Duration callTimeout) {
    long deadline = events.callStartNanos().get(0) + callTimeout.toNanos();
    List<Long> attemptEnds = events.attemptEndNanos();
    List<Duration> delays = events.retryDelays();
    assertThat(attemptEnds).hasSize(delays.size() + 1);
    for (int i = 0; i < delays.size(); i++) {
      assertThat(attemptEnds.get(i) + delays.get(i).toNanos())
          .as("retry %d of %s (%s) is due before the deadline", i + 1, delays, callTimeout)
          .isLessThan(deadline);
    }
  }

  @Test
  void showTask_503Forever_callTimeoutBoundsAttemptsAndBackoff() {
    stubSequence(error(503));
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxAttempts(1000)
            .baseDelay(Duration.ofMillis(400))
            .retryBudget(RetryBudget.unlimited())
            .build();

    SmsException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () -> {
              try (SmsClient sms =
                  SmsClient.builder()
                      .endpoint(wm.baseUrl())
                      .credentials(Credentials.akSk(AK, SK))
                      .retryPolicy(policy)
                      .eventListener(events)
                      .callTimeout(Duration.ofSeconds(1))
                      .build()) {
                return catchThrowableOfType(SmsException.class, () -> sms.showTask(TASK_ID));
              }
            });

    assertThat(e).isInstanceOfAny(SmsServiceException.class, SmsTimeoutException.class);
    if (e instanceof SmsTimeoutException) {
      assertThat(((SmsTimeoutException) e).getTimeout())
          .isEqualTo(SmsTimeoutException.Timeout.CALL);
    }
    assertEveryRetryDueBefore(events, Duration.ofSeconds(1));
    assertThat(e.getAttempts()).isGreaterThan(1).isEqualTo(requests().size());
    assertThat(e.getSuppressed()).hasSize(e.getAttempts() - 1);
  }

  @Test
  void showTaskAsync_503Forever_callTimeoutBoundsAttemptsAndBackoff() throws Exception {
    stubSequence(error(503));
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxAttempts(1000)
            .baseDelay(Duration.ofMillis(400))
            .retryBudget(RetryBudget.unlimited())
            .build();

    Throwable failure;
    try (SmsClient sms =
        SmsClient.builder()
            .endpoint(wm.baseUrl())
            .credentials(Credentials.akSk(AK, SK))
            .retryPolicy(policy)
            .eventListener(events)
            .callTimeout(Duration.ofSeconds(1))
            .build()) {
      failure =
          catchThrowableOfType(
                  ExecutionException.class,
                  () -> sms.showTaskAsync(TASK_ID).get(30, TimeUnit.SECONDS))
              .getCause();
    }

    assertThat(failure).isInstanceOfAny(SmsServiceException.class, SmsTimeoutException.class);
    assertThat(((SmsException) failure).getAttempts()).isGreaterThan(1);
    assertEveryRetryDueBefore(events, Duration.ofSeconds(1));
  }
}
