package org.migrationkit.sms.opentelemetry;

import org.migrationkit.sms.testsupport.PublicApiCheck;

/** The OpenTelemetry module's public API matches {@code api/sms-sdk-opentelemetry.api}. */
class SmsTracingPublicApiTest extends PublicApiCheck {
  SmsTracingPublicApiTest() {
    super(SmsTracing.class, "sms-sdk-opentelemetry");
  }
}
