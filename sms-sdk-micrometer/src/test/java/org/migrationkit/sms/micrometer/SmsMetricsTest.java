package org.migrationkit.sms.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.AttemptOutcome;
import org.migrationkit.sms.CallInfo;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsEventListener;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.testing.Fault;
import org.migrationkit.sms.testing.FaultPlan;
import org.migrationkit.sms.testing.SmsSimulator;

/** {@link SmsMetrics} over real HTTP against the simulator, read back from a registry. */
class SmsMetricsTest {
  private static final Credentials CREDENTIALS =
      Credentials.akSk("metrics-test-ak", "metrics-test-sk").withDomainId("metrics-domain");
  private static final String TASK = SmsSimulator.EXAMPLE_TASK_ID;

  private final SmsSimulator simulator = SmsSimulator.start(CREDENTIALS);
  private final MeterRegistry registry = new SimpleMeterRegistry();

  @AfterEach
  void stop() {
    simulator.close();
  }

  private SmsClient client(SmsEventListener listener, RetryPolicy retryPolicy) {
    return SmsClient.builder()
        .endpoint(simulator.endpoint())
        .credentials(CREDENTIALS)
        .retryPolicy(retryPolicy)
        .eventListener(listener)
        .build();
  }

  private static RetryPolicy fastRetries() {
    return RetryPolicy.builder()
        .maxAttempts(3)
        .baseDelay(Duration.ofMillis(1))
        .maxDelay(Duration.ofMillis(5))
        .build();
  }

  private Timer calls(String outcome, String errorType, String status) {
    return registry
        .get(SmsMetrics.CALLS)
        .tags("operation", "ShowTask", "region", "unknown")
        .tags("outcome", outcome, "error.type", errorType, "status", status)
        .timer();
  }

  private double attempts(String outcome) {
    return registry
        .get(SmsMetrics.ATTEMPTS)
        .tags("operation", "ShowTask", "outcome", outcome)
        .counter()
        .count();
  }

  @Test
  void showTask_success_recordsOneCallAndOneAttempt() {
    try (SmsClient sms = client(SmsMetrics.listener(registry), RetryPolicy.none())) {
      sms.showTask(TASK);
    }

    Timer timer = calls("success", "none", "200");
    assertThat(timer.count()).isEqualTo(1);
    assertThat(timer.totalTime(TimeUnit.NANOSECONDS)).isPositive();
    assertThat(attempts("success")).isEqualTo(1);
    assertThat(registry.find(SmsMetrics.ATTEMPTS).tags("outcome", "failure").counter().count())
        .isZero();
    assertThat(registry.find(SmsMetrics.RETRIES).meters()).isEmpty();
    assertThat(registry.get(SmsMetrics.IN_FLIGHT).gauge().value()).isZero();
  }

  @Test
  void showTask_http403_recordsFailureWithStatusAndErrorType() {
    simulator.faults(FaultPlan.builder().onRequest(1, Fault.status(403)).build());
    try (SmsClient sms = client(SmsMetrics.listener(registry), RetryPolicy.none())) {
      catchThrowableOfType(() -> sms.showTask(TASK), SmsServiceException.class);
    }

    assertThat(calls("failure", "SmsServiceException", "403").count()).isEqualTo(1);
    assertThat(attempts("failure")).isEqualTo(1);
    assertThat(registry.find(SmsMetrics.CALLS).tags("outcome", "success").timer()).isNull();
    assertThat(registry.get(SmsMetrics.IN_FLIGHT).gauge().value()).isZero();
  }

  @Test
  void showTask_http503ThenSuccess_countsTheRetryAndBothAttempts() {
    simulator.faults(FaultPlan.builder().onRequest(1, Fault.status(503)).build());
    try (SmsClient sms = client(SmsMetrics.listener(registry), fastRetries())) {
      sms.showTask(TASK);
    }

    assertThat(calls("success", "none", "200").count()).isEqualTo(1);
    assertThat(attempts("failure")).isEqualTo(1);
    assertThat(attempts("success")).isEqualTo(1);
    assertThat(
            registry
                .get(SmsMetrics.RETRIES)
                .tags("operation", "ShowTask", "error.type", "SmsServiceException")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void showTaskAsync_success_isRecordedBeforeTheFutureCompletes() throws Exception {
    try (SmsClient sms = client(SmsMetrics.listener(registry), RetryPolicy.none())) {
      ShowTaskResponse task = sms.showTaskAsync(TASK).get(10, TimeUnit.SECONDS);
      assertThat(task.getId()).isEqualTo(SmsSimulator.exampleTask().getId());
    }

    assertThat(calls("success", "none", "200").count()).isEqualTo(1);
    assertThat(registry.get(SmsMetrics.IN_FLIGHT).gauge().value()).isZero();
  }

  @Test
  void registryThatThrows_neverBreaksTheCall() {
    SmsEventListener listener = SmsMetrics.listener(registry);
    registry
        .config()
        .meterFilter(
            new MeterFilter() {
              @Override
              public Meter.Id map(Meter.Id id) {
                throw new IllegalStateException("registry is down");
              }
            });
    try (SmsClient sms = client(listener, RetryPolicy.none())) {
      assertThat(sms.showTask(TASK).getId()).isEqualTo(SmsSimulator.exampleTask().getId());
    }
  }

  @Test
  void events_tagRegionAndCommonTags_andInFlightCountsOpenCalls() {
    SmsEventListener listener =
        SmsMetrics.builder(registry).tags(List.of(Tag.of("application", "fleet"))).build();
    CallInfo call =
        new CallInfo("ListTasks", "GET", "https://sms.example/v3/tasks", "ap-southeast-1");

    listener.callStart(call);
    assertThat(registry.get(SmsMetrics.IN_FLIGHT).tags("application", "fleet").gauge().value())
        .isEqualTo(1);
    listener.attemptStart(call, 1);
    listener.attemptEnd(call, new AttemptOutcome(1, 204, "req-1", Duration.ofMillis(3), 0, null));
    listener.callEnd(call, Duration.ofMillis(4));

    Timer timer =
        registry
            .get(SmsMetrics.CALLS)
            .tags("application", "fleet", "region", "ap-southeast-1", "operation", "ListTasks")
            .tags("outcome", "success", "status", "204")
            .timer();
    assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(4);
    assertThat(registry.get(SmsMetrics.IN_FLIGHT).gauge().value()).isZero();
    // no tag carries the URL, a task id or the request id
    assertThat(registry.getMeters())
        .flatMap(m -> m.getId().getTags())
        .extracting(Tag::getValue)
        .noneMatch(v -> v.contains("/") || v.contains("req-1"));
  }

  @Test
  void builder_tagKeyOfItsOwn_isRejected() {
    assertThatThrownBy(() -> SmsMetrics.builder(registry).tag("operation", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'operation'");
  }
}
