package org.migrationkit.sms.api;

import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.testsupport.PublicApiCheck;

/** The client's public API matches {@code api/sms-sdk.api}. */
class PublicApiTest extends PublicApiCheck {
  PublicApiTest() {
    super(SmsClient.class, "sms-sdk");
  }
}
