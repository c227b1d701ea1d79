package org.migrationkit.sms.testing;

import org.migrationkit.sms.testsupport.PublicApiCheck;

/** The test kit's public API matches {@code api/sms-sdk-testing.api}. */
class TestKitPublicApiTest extends PublicApiCheck {
  TestKitPublicApiTest() {
    super(SmsSimulator.class, "sms-sdk-testing");
  }
}
