package org.migrationkit.sms.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.AttemptOutcome;
import org.migrationkit.sms.CallInfo;
import org.migrationkit.sms.SmsEventListener;
import org.migrationkit.sms.SmsException;

/**
 * The listener {@link SmsTracing} builds: the call's span and its context are kept from {@code
 * callStart} (on the caller's thread, so {@link Context#current()} is the caller's) to the call's
 * end, and every attempt span is parented to that context, whichever thread reports it.
 */
final class SpanListener implements SmsEventListener {
  private static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system");
  private static final AttributeKey<String> RPC_SERVICE = AttributeKey.stringKey("rpc.service");
  private static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
  private static final AttributeKey<String> HTTP_METHOD =
      AttributeKey.stringKey("http.request.method");
  private static final AttributeKey<Long> HTTP_STATUS =
      AttributeKey.longKey("http.response.status_code");
  private static final AttributeKey<String> CLOUD_PROVIDER =
      AttributeKey.stringKey("cloud.provider");
  private static final AttributeKey<String> CLOUD_REGION = AttributeKey.stringKey("cloud.region");
  private static final AttributeKey<String> REQUEST_ID =
      AttributeKey.stringKey(SmsTracing.REQUEST_ID);
  private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  private static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("sms.attempt");
  private static final AttributeKey<Long> RETRY_DELAY = AttributeKey.longKey("sms.retry.delay_ms");
  private static final AttributeKey<String> EXCEPTION_MESSAGE =
      AttributeKey.stringKey("exception.message");

  private final Tracer tracer;
  private final ConcurrentHashMap<String, Names> names = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<CallInfo, CallSpan> calls = new ConcurrentHashMap<>();

  SpanListener(Tracer tracer) {
    this.tracer = tracer;
  }

  /** {@return the version in this jar's manifest, or {@code unknown} when run from classes} */
  static String version() {
    String v = SpanListener.class.getPackage().getImplementationVersion();
    return v != null ? v : "unknown";
  }

  /** The span names of one operation, built once. */
  private static final class Names {
    final String call;
    final String attempt;

    Names(String operation) {
      this.call = "SMS." + operation;
      this.attempt = call + " attempt";
    }
  }

  /** One call's span, its context (the attempts' parent) and the attempt under way. */
  private static final class CallSpan {
    final Span span;
    final Context context;
    final String attemptName;
    // events of one call never overlap, but may come from different threads
    volatile @Nullable Span attempt;

    CallSpan(Span span, Context context, String attemptName) {
      this.span = span;
      this.context = context;
      this.attemptName = attemptName;
    }
  }

  @Override
  public void callStart(CallInfo call) {
    Names n = names.get(call.operation());
    if (n == null) {
      n = names.computeIfAbsent(call.operation(), Names::new);
    }
    Context parent = Context.current();
    var builder =
        tracer
            .spanBuilder(n.call)
            .setSpanKind(SpanKind.CLIENT)
            .setParent(parent)
            .setAttribute(RPC_SYSTEM, SmsTracing.RPC_SYSTEM_VALUE)
            .setAttribute(RPC_SERVICE, "SMS")
            .setAttribute(RPC_METHOD, call.operation())
            .setAttribute(HTTP_METHOD, call.method())
            .setAttribute(CLOUD_PROVIDER, "huawei_cloud");
    String region = call.region();
    if (region != null) {
      builder.setAttribute(CLOUD_REGION, region);
    }
    Span span = builder.startSpan();
    calls.put(call, new CallSpan(span, parent.with(span), n.attempt));
  }

  @Override
  public void attemptStart(CallInfo call, int attempt) {
    CallSpan c = calls.get(call);
    if (c != null) {
      c.attempt =
          tracer
              .spanBuilder(c.attemptName)
              .setSpanKind(SpanKind.INTERNAL)
              .setParent(c.context)
              .setAttribute(ATTEMPT, (long) attempt)
              .startSpan();
    }
  }

  @Override
  public void attemptEnd(CallInfo call, AttemptOutcome outcome) {
    CallSpan c = calls.get(call);
    if (c == null) {
      return;
    }
    answer(c.span, outcome.statusCode(), outcome.requestId());
    Span attempt = c.attempt;
    if (attempt == null) {
      return;
    }
    c.attempt = null;
    answer(attempt, outcome.statusCode(), outcome.requestId());
    SmsException failure = outcome.failure();
    if (failure != null) {
      attempt.setAttribute(ERROR_TYPE, failure.getClass().getSimpleName());
      attempt.setStatus(StatusCode.ERROR, failure.getMessage());
    }
    attempt.end();
  }

  /** Sets the status and request id of an answer; a later attempt's overwrite an earlier one's. */
  private static void answer(Span span, int status, @Nullable String requestId) {
    if (status != 0) {
      span.setAttribute(HTTP_STATUS, (long) status);
    }
    if (requestId != null) {
      span.setAttribute(REQUEST_ID, requestId);
    }
  }

  @Override
  public void retryScheduled(CallInfo call, int nextAttempt, Duration delay, SmsException reason) {
    CallSpan c = calls.get(call);
    if (c != null) {
      c.span.addEvent(
          "sms.retry",
          Attributes.of(
              ATTEMPT,
              (long) nextAttempt,
              RETRY_DELAY,
              delay.toMillis(),
              ERROR_TYPE,
              reason.getClass().getSimpleName(),
              EXCEPTION_MESSAGE,
              String.valueOf(reason.getMessage())));
    }
  }

  @Override
  public void callEnd(CallInfo call, Duration duration) {
    CallSpan c = calls.remove(call);
    if (c != null) {
      endAttempt(c);
      c.span.end();
    }
  }

  @Override
  public void callFailed(CallInfo call, Duration duration, SmsException failure) {
    CallSpan c = calls.remove(call);
    if (c != null) {
      endAttempt(c);
      c.span.setAttribute(ERROR_TYPE, failure.getClass().getSimpleName());
      c.span.recordException(failure);
      c.span.setStatus(StatusCode.ERROR, failure.getMessage());
      c.span.end();
    }
  }

  /** Ends an attempt span left open; the SDK reports attemptEnd first, so this is a safeguard. */
  private static void endAttempt(CallSpan c) {
    Span attempt = c.attempt;
    if (attempt != null) {
      c.attempt = null;
      attempt.end();
    }
  }
}
