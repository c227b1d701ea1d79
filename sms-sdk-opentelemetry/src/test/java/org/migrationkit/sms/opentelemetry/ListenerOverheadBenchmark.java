package org.migrationkit.sms.opentelemetry;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.migrationkit.sms.AttemptOutcome;
import org.migrationkit.sms.CallInfo;
import org.migrationkit.sms.SmsEventListener;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What {@link SmsTracing} (an SDK tracer, sampling every span, its processor an in-memory exporter
 * that is reset) adds to one successful call: the events the client reports for it (callStart,
 * attemptStart, attemptEnd, callEnd, and the CallInfo it makes), against the same events to {@link
 * SmsEventListener#NONE}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ListenerOverheadBenchmark {
  @Param({"none", "opentelemetry"})
  public String listener;

  private SmsEventListener target;

  /** Receives every ended span and drops it, as a fast exporter would. */
  private final SpanExporter exporter =
      new SpanExporter() {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
          return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
          return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
          return CompletableResultCode.ofSuccess();
        }
      };

  private final Duration took = Duration.ofMillis(3);

  @Setup
  public void setUp() {
    target =
        listener.equals("none")
            ? SmsEventListener.NONE
            : SmsTracing.listener(
                OpenTelemetrySdk.builder()
                    .setTracerProvider(
                        SdkTracerProvider.builder()
                            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                            .build())
                    .build());
  }

  @Benchmark
  public CallInfo successfulCall() {
    CallInfo call =
        new CallInfo("ShowTask", "GET", "https://sms.example/v3/tasks/t", "ap-southeast-1");
    target.callStart(call);
    target.attemptStart(call, 1);
    target.attemptEnd(call, new AttemptOutcome(1, 200, "req", took, 1024, null));
    target.callEnd(call, took);
    return call;
  }
}
