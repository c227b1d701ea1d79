package org.migrationkit.sms.opentelemetry;

import io.opentelemetry.api.OpenTelemetry;
import java.util.Objects;
import org.migrationkit.sms.SmsEventListener;

/**
 * Traces the calls of an {@link org.migrationkit.sms.SmsClient} with OpenTelemetry.
 *
 * <pre>{@code
 * SmsClient sms = SmsClient.builder()
 *     .region(SmsRegion.AP_SOUTHEAST_1)
 *     .eventListener(SmsTracing.listener(openTelemetry))
 *     .build();
 * }</pre>
 *
 * <p>Each call is one {@code CLIENT} span named {@code SMS.<Operation>} (such as {@code
 * SMS.ShowTask}, as the AWS SDK's instrumentation names {@code S3.GetObject}), a child of the
 * context current when the call was made: for {@code xxxAsync} too, whichever thread the answer
 * arrives on. Its attributes: {@value #RPC_SYSTEM_VALUE} as {@code rpc.system} (Huawei Cloud's REST
 * API, as AWS's instrumentation uses {@code aws-api}: SMS is no gRPC or other RPC framework),
 * {@code rpc.service=SMS}, {@code rpc.method=<Operation>}, {@code http.request.method}, {@code
 * cloud.provider=huawei_cloud}, {@code cloud.region} (for a client built with a region), and from
 * the last attempt {@code http.response.status_code} and {@value #REQUEST_ID} (the {@code
 * X-Request-Id} to quote to support).
 *
 * <p>Each attempt is a child {@code INTERNAL} span {@code SMS.<Operation> attempt} with {@code
 * sms.attempt} (from 1), its status and request id; a failed attempt has status {@code ERROR} and
 * {@code error.type}. A retry is an event {@code sms.retry} on the call's span with the next
 * attempt's number, the delay and {@code error.type} and {@code exception.message} of the failure
 * that caused it. A failed call has status {@code ERROR}, {@code error.type} (the exception's
 * simple class name) and the exception recorded.
 *
 * <p>The attribute keys are spelled here, not taken from {@code opentelemetry-semconv}: the {@code
 * rpc.*} and {@code cloud.*} keys are still incubating there, and an application should not get an
 * alpha artifact on its class path for seven strings.
 */
public final class SmsTracing {
  /** The instrumentation scope name of the tracer. */
  public static final String INSTRUMENTATION_NAME = "org.migrationkit.sms";

  /** The value of {@code rpc.system} on every call span. */
  public static final String RPC_SYSTEM_VALUE = "huaweicloud-api";

  /** The attribute key of the service's request id. */
  public static final String REQUEST_ID = "huaweicloud.request_id";

  private SmsTracing() {}

  /**
   * {@return a listener that traces calls with the tracer of {@code openTelemetry}}
   *
   * @param openTelemetry where the tracer comes from, such as {@code GlobalOpenTelemetry.get()}
   */
  public static SmsEventListener listener(OpenTelemetry openTelemetry) {
    Objects.requireNonNull(openTelemetry, "openTelemetry");
    return new SpanListener(
        openTelemetry
            .getTracerProvider()
            .tracerBuilder(INSTRUMENTATION_NAME)
            .setInstrumentationVersion(SpanListener.version())
            .build());
  }
}
