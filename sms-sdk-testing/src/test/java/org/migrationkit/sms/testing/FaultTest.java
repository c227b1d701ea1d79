package org.migrationkit.sms.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.CallInfo;
import org.migrationkit.sms.RetryBudget;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.SmsConnectionException;
import org.migrationkit.sms.SmsEventListener;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.SmsTimeoutException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ShowTaskResponse;

/** Each {@link Fault} as a client sees it, and the {@link FaultPlan} that picks the requests. */
class FaultTest {
  private static final Credentials CREDENTIALS =
      Credentials.akSk("fault-test-ak", "fault-test-sk").withDomainId("fault-domain");
  private static final String TASK = SmsSimulator.EXAMPLE_TASK_ID;

  private final SmsSimulator simulator = SmsSimulator.start(CREDENTIALS);

  @AfterEach
  void stop() {
    simulator.close();
  }

  private SmsClient client() {
    return client(RetryPolicy.none());
  }

  private SmsClient client(RetryPolicy retryPolicy) {
    return SmsClient.builder()
        .endpoint(simulator.endpoint())
        .credentials(CREDENTIALS)
        .retryPolicy(retryPolicy)
        .build();
  }

  private void faultFirstRequest(Fault fault) {
    simulator.faults(FaultPlan.builder().onRequest(1, fault).build());
  }

  @Test
  void status403_answersTheApiPageExample() {
    faultFirstRequest(Fault.status(403));
    try (SmsClient sms = client()) {
      SmsServiceException e =
          catchThrowableOfType(() -> sms.showTask(TASK), SmsServiceException.class);

      assertThat(e.getStatusCode()).isEqualTo(403);
      assertThat(e.getErrorCode()).isEqualTo("SMS.9004");
      assertThat(e.getEncodedAuthorizationMessage()).isEqualTo("XXXXXX");
      assertThat(e.getErrorParams()).hasSize(1);
      assertThat(e.getDetails()).hasSize(1);
      assertThat(e.getRequestId()).isEqualTo(simulator.journal().get(0).requestId());
      assertThat(e.isRetryable()).isFalse();
    }
  }

  @Test
  void status404_answersTaskNotFound() {
    faultFirstRequest(Fault.status(404));
    try (SmsClient sms = client()) {
      SmsServiceException e =
          catchThrowableOfType(() -> sms.showTask(TASK), SmsServiceException.class);

      assertThat(e.getStatusCode()).isEqualTo(404);
      assertThat(e.getErrorCode()).isEqualTo("SMS.1204");
      assertThat(e.getErrorMsg()).contains(TASK);
    }
  }

  @Test
  void status500And503_areRetryableServiceErrors() {
    simulator.faults(
        FaultPlan.builder()
            .onRequest(1, Fault.status(500))
            .onRequest(2, Fault.status(503))
            .build());
    try (SmsClient sms = client()) {
      SmsServiceException first =
          catchThrowableOfType(() -> sms.showTask(TASK), SmsServiceException.class);
      SmsServiceException second =
          catchThrowableOfType(() -> sms.showTask(TASK), SmsServiceException.class);

      assertThat(first.getStatusCode()).isEqualTo(500);
      assertThat(second.getStatusCode()).isEqualTo(503);
      assertThat(first.isRetryable()).isTrue();
      assertThat(second.isRetryable()).isTrue();
      assertThat(sms.showTask(TASK).getName()).isEqualTo("MigrationTask");
    }
  }

  @Test
  void statusWithCodeAndMessage_answersThem() {
    faultFirstRequest(Fault.status(400, "SMS.6301", "The task is locked"));
    try (SmsClient sms = client()) {
      SmsServiceException e =
          catchThrowableOfType(() -> sms.showTask(TASK), SmsServiceException.class);

      assertThat(e.getStatusCode()).isEqualTo(400);
      assertThat(e.getErrorCode()).isEqualTo("SMS.6301");
      assertThat(e.getErrorMsg()).isEqualTo("The task is locked");
    }
  }

  @Test
  void tooManyRequests_sendsRetryAfterThatTheClientHonours() {
    faultFirstRequest(Fault.tooManyRequests(Duration.ofMillis(1200)));
    List<Duration> delays = new CopyOnWriteArrayList<>();
    try (SmsClient sms =
        SmsClient.builder()
            .endpoint(simulator.endpoint())
            .credentials(CREDENTIALS)
            .retryPolicy(
                RetryPolicy.builder()
                    .maxDelay(Duration.ofMillis(50))
                    .retryBudget(RetryBudget.unlimited())
                    .build())
            .eventListener(
                new SmsEventListener() {
                  @Override
                  public void retryScheduled(
                      CallInfo call, int next, Duration delay, SmsException reason) {
                    delays.add(delay);
                  }
                })
            .build()) {
      ShowTaskResponse task = sms.showTask(TASK);

      assertThat(task.getName()).isEqualTo("MigrationTask");
      JournalEntry throttled = simulator.journal().get(0);
      assertThat(throttled.status()).isEqualTo(429);
      assertThat(throttled.fault()).isEqualTo(Fault.tooManyRequests(Duration.ofMillis(1200)));
      // Retry-After: 2 (1.2 s rounded up), capped by the policy's maxDelay
      assertThat(delays).containsExactly(Duration.ofMillis(50));
    }
  }

  @Test
  void tooManyRequests_isThrottling() {
    faultFirstRequest(Fault.tooManyRequests(Duration.ofSeconds(3)));
    try (SmsClient sms = client()) {
      SmsServiceException e =
          catchThrowableOfType(() -> sms.showTask(TASK), SmsServiceException.class);

      assertThat(e.getStatusCode()).isEqualTo(429);
      assertThat(e.getErrorCode()).isEqualTo("APIGW.0308");
      assertThat(e.isThrottling()).isTrue();
    }
  }

  @Test
  void latency_delaysTheNormalAnswer() {
    faultFirstRequest(Fault.latency(Duration.ofMillis(150)));
    try (SmsClient sms = client()) {
      long start = System.nanoTime();
      ShowTaskResponse task = sms.showTask(TASK);
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertThat(task.getName()).isEqualTo("MigrationTask");
      assertThat(millis).isGreaterThanOrEqualTo(150);
      assertThat(simulator.journal().get(0).status()).isEqualTo(200);
    }
  }

  @Test
  void dropConnection_failsWithAConnectionException() {
    faultFirstRequest(Fault.dropConnection());
    try (SmsClient sms = client()) {
      SmsConnectionException e =
          catchThrowableOfType(() -> sms.showTask(TASK), SmsConnectionException.class);

      assertThat(e).isNotNull();
      assertThat(e.isRetryable()).isTrue();
      assertThat(simulator.journal().get(0).status()).isZero();
      assertThat(simulator.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void dropConnection_onAPooledConnection_isJournalledAsDropped() {
    simulator.faults(FaultPlan.builder().onRequest(2, Fault.dropConnection()).build());
    try (SmsClient sms = client()) {
      sms.showTask(TASK);
      catchThrowable(() -> sms.showTask(TASK));

      JournalEntry dropped = simulator.journal().get(1);
      assertThat(dropped.status()).isZero();
      assertThat(dropped.fault()).isEqualTo(Fault.dropConnection());
    }
  }

  @Test
  void truncatedBody_failsWithoutAHang() {
    faultFirstRequest(Fault.truncatedBody());
    // a client that waited for the rest of the body would wait for its timeouts, past the guard
    try (SmsClient sms =
        SmsClient.builder()
            .endpoint(simulator.endpoint())
            .credentials(CREDENTIALS)
            .retryPolicy(RetryPolicy.none())
            .readTimeout(Duration.ofSeconds(60))
            .callTimeout(Duration.ofSeconds(60))
            .build()) {
      Throwable thrown =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30), () -> catchThrowable(() -> sms.showTask(TASK)));

      assertThat(thrown)
          .isInstanceOf(SmsClientException.class)
          .isNotInstanceOf(SmsTimeoutException.class);
    }
  }

  @Test
  void malformedJson_failsAsUnreadableAndIsNotRetried() {
    faultFirstRequest(Fault.malformedJson());
    try (SmsClient sms = client(RetryPolicy.defaults())) {
      SmsClientException e =
          catchThrowableOfType(() -> sms.showTask(TASK), SmsClientException.class);

      assertThat(e.getMessage()).contains("cannot be read").contains("HTTP 200");
      assertThat(simulator.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void response_sendsAProxyPageVerbatim() {
    faultFirstRequest(Fault.response(502, "text/html", "<html><body>Bad Gateway</body></html>"));
    try (SmsClient sms = client()) {
      SmsServiceException e =
          catchThrowableOfType(() -> sms.showTask(TASK), SmsServiceException.class);

      assertThat(e.getStatusCode()).isEqualTo(502);
      assertThat(e.getErrorCode()).isNull();
      assertThat(e.getResponseSnippet()).contains("Bad Gateway");
    }
  }
}
