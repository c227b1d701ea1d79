package org.migrationkit.sms.docs;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsRegion;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.micrometer.SmsMetrics;
import org.migrationkit.sms.opentelemetry.SmsTracing;

/** The Micrometer and OpenTelemetry code of observability.md; compiled with the examples. */
final class InstrumentationSnippets {
  private InstrumentationSnippets() {}

  static SmsClient micrometer(MeterRegistry registry, Credentials credentials) {
    // [START micrometer]
    SmsClient sms =
        SmsClient.builder()
            .region(SmsRegion.AP_SOUTHEAST_1)
            .credentials(credentials)
            .eventListener(SmsMetrics.builder(registry).tag("app", "migrator").build())
            .build();
    // [END micrometer]
    return sms;
  }

  static SmsClient openTelemetry(OpenTelemetry openTelemetry, Credentials credentials) {
    // [START opentelemetry]
    SmsClient sms =
        SmsClient.builder()
            .region(SmsRegion.AP_SOUTHEAST_1)
            .credentials(credentials)
            .eventListener(SmsTracing.listener(openTelemetry))
            .build();
    // [END opentelemetry]
    return sms;
  }
}
