package org.migrationkit.sms.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.migrationkit.sms.AttemptOutcome;
import org.migrationkit.sms.CallInfo;
import org.migrationkit.sms.SmsEventListener;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.SmsServiceException;

/**
 * The listener {@link SmsMetrics} builds. Meters are cached per region and operation (and, for the
 * timers, per status and error type), so the steady state is map reads; the one per-call entry is
 * the last attempt's status, kept from {@code attemptEnd} to the call's end.
 */
final class MeterListener implements SmsEventListener {
  static final Set<String> OWN_TAGS =
      Set.of("region", "operation", "outcome", "error.type", "status");
  private static final String NONE = "none";
  private static final String UNKNOWN_REGION = "unknown";

  private final MeterRegistry registry;
  private final Tags common;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, OperationMeters>> byRegion =
      new ConcurrentHashMap<>();

  /** The status of each call's last attempt; CallInfo is equal only to itself. */
  private final ConcurrentHashMap<CallInfo, Integer> lastStatus = new ConcurrentHashMap<>();

  MeterListener(MeterRegistry registry, Tags common) {
    this.registry = registry;
    this.common = common;
    Gauge.builder(SmsMetrics.IN_FLIGHT, inFlight, AtomicInteger::get)
        .description("SMS calls under way")
        .tags(common)
        .strongReference(true)
        .register(registry);
  }

  @Override
  public void callStart(CallInfo call) {
    inFlight.incrementAndGet();
  }

  @Override
  public void attemptEnd(CallInfo call, AttemptOutcome outcome) {
    OperationMeters meters = meters(call);
    (outcome.isSuccess() ? meters.attemptsSucceeded : meters.attemptsFailed).increment();
    lastStatus.put(call, outcome.statusCode());
  }

  @Override
  public void retryScheduled(CallInfo call, int nextAttempt, Duration delay, SmsException reason) {
    meters(call).retries(reason).increment();
  }

  @Override
  public void callEnd(CallInfo call, Duration duration) {
    inFlight.decrementAndGet();
    Integer status = lastStatus.remove(call);
    meters(call).succeeded(status == null ? 0 : status).record(duration);
  }

  @Override
  public void callFailed(CallInfo call, Duration duration, SmsException failure) {
    inFlight.decrementAndGet();
    Integer last = lastStatus.remove(call);
    int status =
        failure instanceof SmsServiceException
            ? ((SmsServiceException) failure).getStatusCode()
            : last == null ? 0 : last;
    meters(call).failed(failure, status).record(duration);
  }

  private OperationMeters meters(CallInfo call) {
    String region = call.region() == null ? UNKNOWN_REGION : call.region();
    ConcurrentHashMap<String, OperationMeters> operations = byRegion.get(region);
    if (operations == null) {
      operations = byRegion.computeIfAbsent(region, r -> new ConcurrentHashMap<>());
    }
    OperationMeters meters = operations.get(call.operation());
    if (meters == null) {
      meters =
          operations.computeIfAbsent(
              call.operation(),
              op -> new OperationMeters(common.and("region", region, "operation", op)));
    }
    return meters;
  }

  private static String status(int status) {
    return status == 0 ? NONE : Integer.toString(status);
  }

  /** The meters of one operation in one region. */
  private final class OperationMeters {
    private final Tags tags;
    final Counter attemptsSucceeded;
    final Counter attemptsFailed;

    /** Success timers of status 200 to 299, made on first use. */
    private final AtomicReferenceArray<Timer> successes = new AtomicReferenceArray<>(100);

    private final ConcurrentHashMap<String, Timer> others = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Class<?>, Counter> retries = new ConcurrentHashMap<>();

    OperationMeters(Tags tags) {
      this.tags = tags;
      this.attemptsSucceeded = attempts("success");
      this.attemptsFailed = attempts("failure");
    }

    private Counter attempts(String outcome) {
      return Counter.builder(SmsMetrics.ATTEMPTS)
          .description("HTTP attempts of SMS calls")
          .tags(tags)
          .tag("outcome", outcome)
          .register(registry);
    }

    Timer succeeded(int status) {
      if (status >= 200 && status < 300) {
        Timer timer = successes.get(status - 200);
        if (timer == null) {
          // a racing first use registers twice: the registry hands both the same timer
          timer = timer("success", NONE, status(status));
          successes.set(status - 200, timer);
        }
        return timer;
      }
      return others.computeIfAbsent(
          "success " + status, k -> timer("success", NONE, status(status)));
    }

    Timer failed(SmsException failure, int status) {
      String type = failure.getClass().getSimpleName();
      return others.computeIfAbsent(
          type + " " + status, k -> timer("failure", type, status(status)));
    }

    Counter retries(SmsException reason) {
      return retries.computeIfAbsent(
          reason.getClass(),
          c ->
              Counter.builder(SmsMetrics.RETRIES)
                  .description("Retries of SMS calls, by the failure that caused them")
                  .tags(tags)
                  .tag("error.type", c.getSimpleName())
                  .register(registry));
    }

    private Timer timer(String outcome, String errorType, String status) {
      return Timer.builder(SmsMetrics.CALLS)
          .description("SMS calls, every attempt and retry wait included")
          .tags(tags)
          .tag("outcome", outcome)
          .tag("error.type", errorType)
          .tag("status", status)
          .register(registry);
    }
  }
}
