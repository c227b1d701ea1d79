package org.migrationkit.sms.docs;

import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.testing.SmsSimulator;

/** The simulator guides' examples; compiled, not run (port 8080 may be taken). */
final class SimulatorSnippets {
  private SimulatorSnippets() {}

  static SmsSimulator controlApi(Credentials credentials) {
    // [START control-api]
    SmsSimulator simulator =
        SmsSimulator.builder()
            .accept(credentials)
            .controlApi(true) // serve /__sms/
            .adminToken("change-me") // optional: require a bearer token, allow other hosts
            .host("0.0.0.0") // optional: listen on every address (default 127.0.0.1)
            .port(8080) // optional: a fixed port (default: a free one)
            .empty() // optional: no example task
            .start();
    // [END control-api]
    return simulator;
  }
}
