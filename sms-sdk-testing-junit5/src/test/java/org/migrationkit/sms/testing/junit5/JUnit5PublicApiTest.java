package org.migrationkit.sms.testing.junit5;

import org.migrationkit.sms.testsupport.PublicApiCheck;

/** The JUnit 5 test kit's public API matches {@code api/sms-sdk-testing-junit5.api}. */
class JUnit5PublicApiTest extends PublicApiCheck {
  JUnit5PublicApiTest() {
    super(SmsSimulatorExtension.class, "sms-sdk-testing-junit5");
  }
}
