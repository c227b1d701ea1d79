package org.migrationkit.sms.micrometer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
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
 * What {@link SmsMetrics} adds to one successful call: the events the client reports for it
 * (callStart, attemptStart, attemptEnd, callEnd, and the CallInfo it makes), against the same
 * events to {@link SmsEventListener#NONE}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ListenerOverheadBenchmark {
  @Param({"none", "micrometer"})
  public String listener;

  private SmsEventListener target;
  private final Duration took = Duration.ofMillis(3);

  @Setup
  public void setUp() {
    target =
        listener.equals("none")
            ? SmsEventListener.NONE
            : SmsMetrics.listener(new SimpleMeterRegistry());
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
