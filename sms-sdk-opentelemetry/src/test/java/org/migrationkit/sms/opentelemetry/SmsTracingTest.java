package org.migrationkit.sms.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsEventListener;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.testing.Fault;
import org.migrationkit.sms.testing.FaultPlan;
import org.migrationkit.sms.testing.SmsSimulator;

/**
 * {@link SmsTracing} over real HTTP against the simulator, read back from an in-memory exporter.
 */
class SmsTracingTest {
  private static final Credentials CREDENTIALS =
      Credentials.akSk("tracing-test-ak", "tracing-test-sk").withDomainId("tracing-domain");
  private static final String TASK = SmsSimulator.EXAMPLE_TASK_ID;
  private static final AttributeKey<Long> STATUS =
      AttributeKey.longKey("http.response.status_code");
  private static final AttributeKey<String> REQUEST_ID =
      AttributeKey.stringKey(SmsTracing.REQUEST_ID);

  private final SmsSimulator simulator = SmsSimulator.start(CREDENTIALS);
  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final SdkTracerProvider tracerProvider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
  private final OpenTelemetry openTelemetry =
      OpenTelemetrySdk.builder().setTracerProvider(tracerProvider).build();
  private final Tracer testTracer = openTelemetry.getTracer("test");

  @AfterEach
  void stop() {
    simulator.close();
    tracerProvider.close();
  }

  private SmsClient client(SmsEventListener listener, RetryPolicy retryPolicy) {
    return SmsClient.builder()
        .endpoint(simulator.endpoint())
        .credentials(CREDENTIALS)
        .retryPolicy(retryPolicy)
        .eventListener(listener)
        .build();
  }

  private SmsClient client(RetryPolicy retryPolicy) {
    return client(SmsTracing.listener(openTelemetry), retryPolicy);
  }

  private SpanData span(String name) {
    List<SpanData> found =
        exporter.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).toList();
    assertThat(found).as("spans named %s", name).hasSize(1);
    return found.get(0);
  }

  private List<SpanData> attempts() {
    return exporter.getFinishedSpanItems().stream()
        .filter(s -> s.getName().equals("SMS.ShowTask attempt"))
        .toList();
  }

  @Test
  void showTask_success_isOneClientSpanWithRpcAttributes_parentedToTheCallersSpan() {
    Span parent = testTracer.spanBuilder("caller").startSpan();
    try (SmsClient sms = client(RetryPolicy.none());
        Scope ignored = parent.makeCurrent()) {
      sms.showTask(TASK);
    } finally {
      parent.end();
    }

    SpanData call = span("SMS.ShowTask");
    assertThat(call.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(call.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
    assertThat(call.getTraceId()).isEqualTo(parent.getSpanContext().getTraceId());
    assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    var attributes = call.getAttributes();
    assertThat(attributes.get(AttributeKey.stringKey("rpc.system"))).isEqualTo("huaweicloud-api");
    assertThat(attributes.get(AttributeKey.stringKey("rpc.service"))).isEqualTo("SMS");
    assertThat(attributes.get(AttributeKey.stringKey("rpc.method"))).isEqualTo("ShowTask");
    assertThat(attributes.get(AttributeKey.stringKey("http.request.method"))).isEqualTo("GET");
    assertThat(attributes.get(STATUS)).isEqualTo(200);
    assertThat(attributes.get(REQUEST_ID)).isEqualTo(simulator.journal().get(0).requestId());
    // built with endpoint(...), the client has no region to report
    assertThat(attributes.get(AttributeKey.stringKey("cloud.region"))).isNull();

    SpanData attempt = attempts().get(0);
    assertThat(attempts()).hasSize(1);
    assertThat(attempt.getParentSpanId()).isEqualTo(call.getSpanId());
    assertThat(attempt.getAttributes().get(AttributeKey.longKey("sms.attempt"))).isEqualTo(1);
    assertThat(attempt.getAttributes().get(STATUS)).isEqualTo(200);
  }

  @Test
  void showTask_http403_isErrorWithTheExceptionRecorded() {
    simulator.faults(FaultPlan.builder().onRequest(1, Fault.status(403)).build());
    SmsServiceException thrown;
    try (SmsClient sms = client(RetryPolicy.none())) {
      thrown = catchThrowableOfType(() -> sms.showTask(TASK), SmsServiceException.class);
    }

    SpanData call = span("SMS.ShowTask");
    assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(call.getStatus().getDescription()).isEqualTo(thrown.getMessage());
    assertThat(call.getAttributes().get(STATUS)).isEqualTo(403);
    assertThat(call.getAttributes().get(AttributeKey.stringKey("error.type")))
        .isEqualTo("SmsServiceException");
    EventData exception =
        call.getEvents().stream().filter(e -> e.getName().equals("exception")).findFirst().get();
    assertThat(exception.getAttributes().get(AttributeKey.stringKey("exception.type")))
        .isEqualTo(SmsServiceException.class.getName());
    assertThat(attempts().get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
  }

  @Test
  void showTask_http503ThenSuccess_hasTwoAttemptSpansAndARetryEvent() {
    simulator.faults(FaultPlan.builder().onRequest(1, Fault.status(503)).build());
    RetryPolicy fast =
        RetryPolicy.builder()
            .maxAttempts(3)
            .baseDelay(Duration.ofMillis(1))
            .maxDelay(Duration.ofMillis(5))
            .build();
    try (SmsClient sms = client(fast)) {
      sms.showTask(TASK);
    }

    SpanData call = span("SMS.ShowTask");
    assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(call.getAttributes().get(STATUS)).isEqualTo(200);
    List<SpanData> attempts = attempts();
    assertThat(attempts).hasSize(2);
    assertThat(attempts)
        .extracting(a -> a.getAttributes().get(STATUS))
        .containsExactlyInAnyOrder(503L, 200L);
    assertThat(attempts).allMatch(a -> a.getParentSpanId().equals(call.getSpanId()));
    EventData retry =
        call.getEvents().stream().filter(e -> e.getName().equals("sms.retry")).findFirst().get();
    assertThat(retry.getAttributes().get(AttributeKey.longKey("sms.attempt"))).isEqualTo(2);
    assertThat(retry.getAttributes().get(AttributeKey.stringKey("error.type")))
        .isEqualTo("SmsServiceException");
    assertThat(retry.getAttributes().get(AttributeKey.stringKey("exception.message")))
        .contains("503");
  }

  @Test
  void showTaskAsync_isParentedToTheContextCurrentWhenTheCallWasMade() throws Exception {
    Span parent = testTracer.spanBuilder("caller").startSpan();
    CompletableFuture<ShowTaskResponse> future;
    try (SmsClient sms = client(RetryPolicy.none())) {
      try (Scope ignored = parent.makeCurrent()) {
        future = sms.showTaskAsync(TASK);
      }
      assertThat(Span.current().getSpanContext().isValid()).isFalse();
      future.get(10, TimeUnit.SECONDS);
    } finally {
      parent.end();
    }

    SpanData call = span("SMS.ShowTask");
    assertThat(call.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
    assertThat(attempts().get(0).getParentSpanId()).isEqualTo(call.getSpanId());
    // the completing thread's context was never touched
    assertThat(Context.current()).isSameAs(Context.root());
  }

  @Test
  void spanProcessorThatThrows_neverBreaksTheCall() {
    SpanProcessor throwing =
        new SpanProcessor() {
          @Override
          public void onStart(Context parentContext, ReadWriteSpan span) {
            throw new IllegalStateException("tracing backend is down");
          }

          @Override
          public boolean isStartRequired() {
            return true;
          }

          @Override
          public void onEnd(ReadableSpan span) {
            throw new IllegalStateException("tracing backend is down");
          }

          @Override
          public boolean isEndRequired() {
            return true;
          }
        };
    try (SdkTracerProvider broken = SdkTracerProvider.builder().addSpanProcessor(throwing).build();
        SmsClient sms =
            client(
                SmsTracing.listener(OpenTelemetrySdk.builder().setTracerProvider(broken).build()),
                RetryPolicy.none())) {
      assertThat(sms.showTask(TASK).getId()).isEqualTo(SmsSimulator.exampleTask().getId());
      assertThat(sms.showTaskAsync(TASK).join().getId())
          .isEqualTo(SmsSimulator.exampleTask().getId());
    }
  }

  @Test
  void noopOpenTelemetry_makesNoSpans_andCallsSucceed() {
    try (SmsClient sms = client(SmsTracing.listener(OpenTelemetry.noop()), RetryPolicy.none())) {
      assertThat(sms.showTask(TASK).getId()).isEqualTo(SmsSimulator.exampleTask().getId());
    }
    assertThat(exporter.getFinishedSpanItems()).isEmpty();
  }
}
