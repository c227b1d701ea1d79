package org.migrationkit.sms.cli;

import org.migrationkit.sms.testsupport.PublicApiCheck;

/** The command line's public API (its entry point only) matches {@code api/sms-cli.api}. */
class CliPublicApiTest extends PublicApiCheck {
  CliPublicApiTest() {
    super(SmsCli.class, "sms-cli");
  }
}
