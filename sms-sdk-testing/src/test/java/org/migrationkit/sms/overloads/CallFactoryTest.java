package org.migrationkit.sms.overloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.testing.Fault;
import org.migrationkit.sms.testing.FaultPlan;
import org.migrationkit.sms.testing.SmsSimulator;

/** {@link SmsClient.Builder#callFactory}: a caller's own, instrumented, {@link Call.Factory}. */
class CallFactoryTest {
  private static final Credentials CREDENTIALS =
      Credentials.akSk("factory-test-ak", "factory-test-sk").withDomainId("factory-domain");
  private static final String TASK = SmsSimulator.EXAMPLE_TASK_ID;

  private final SmsSimulator simulator = SmsSimulator.start(CREDENTIALS);
  private final OkHttpClient okHttp =
      new OkHttpClient.Builder().followRedirects(false).retryOnConnectionFailure(false).build();
  private final List<String> seen = new CopyOnWriteArrayList<>();

  /** What an instrumentation library's wrapper does: sees each request, then delegates. */
  private final Call.Factory recording =
      request -> {
        seen.add(request.method() + " " + request.url().encodedPath());
        return okHttp.newCall(request);
      };

  @AfterEach
  void stop() {
    simulator.close();
    okHttp.dispatcher().executorService().shutdown();
    okHttp.connectionPool().evictAll();
  }

  private SmsClient.Builder builder() {
    return SmsClient.builder().endpoint(simulator.endpoint()).credentials(CREDENTIALS);
  }

  @Test
  void callFactory_sendsEveryAttemptThroughIt_retriesIncluded() {
    simulator.faults(FaultPlan.builder().onRequest(1, Fault.status(503)).build());
    RetryPolicy fast =
        RetryPolicy.builder()
            .maxAttempts(3)
            .baseDelay(Duration.ofMillis(1))
            .maxDelay(Duration.ofMillis(5))
            .build();
    try (SmsClient sms = builder().callFactory(recording).retryPolicy(fast).build()) {
      sms.showTask(TASK);
    }

    assertThat(seen).containsExactly("GET /v3/tasks/" + TASK, "GET /v3/tasks/" + TASK);
    assertThat(simulator.requestCount()).isEqualTo(2);
  }

  @Test
  void callFactory_asyncCall_goesThroughIt() throws Exception {
    try (SmsClient sms = builder().callFactory(recording).build()) {
      sms.showTaskAsync(TASK).get(10, TimeUnit.SECONDS);
    }

    assertThat(seen).containsExactly("GET /v3/tasks/" + TASK);
  }

  @Test
  void callFactory_withHttpClient_isRejectedAtBuild_namingBoth() {
    assertThatThrownBy(() -> builder().callFactory(recording).httpClient(okHttp).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("callFactory(...) conflicts with httpClient(...)");
    assertThat(seen).isEmpty();
  }

  @Test
  void callFactory_withATimeoutOrProxy_isRejectedAtBuild_namingBoth() {
    assertThatThrownBy(
            () -> builder().callFactory(recording).readTimeout(Duration.ofSeconds(1)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("callFactory(...) conflicts with readTimeout(PT1S)");
    assertThatThrownBy(() -> builder().callFactory(recording).proxy("127.0.0.1", 3128).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("conflicts with proxy(...)");
  }

  @Test
  void callFactory_withCallTimeout_isAllowed_andTheClientKeepsIt() {
    try (SmsClient sms =
        builder().callFactory(recording).callTimeout(Duration.ofSeconds(5)).build()) {
      assertThat(sms.showTask(TASK)).isNotNull();
    }
  }

  @Test
  void callFactory_null_isRejectedAtOnce() {
    assertThatThrownBy(() -> builder().callFactory(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("callFactory");
  }
}
