package org.migrationkit.sms.micrometer;

import org.migrationkit.sms.testsupport.PublicApiCheck;

/** The Micrometer module's public API matches {@code api/sms-sdk-micrometer.api}. */
class SmsMetricsPublicApiTest extends PublicApiCheck {
  SmsMetricsPublicApiTest() {
    super(SmsMetrics.class, "sms-sdk-micrometer");
  }
}
