package org.migrationkit.sms.testsupport;

import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.testing.SmsSimulator;

/** Our client against a simulator, as the simulator's tests use it. */
public final class SimulatorClients {
  private SimulatorClients() {}

  /**
   * Returns a client of {@code simulator} signing with {@code credentials} that never retries, so
   * every refusal reaches the test as the simulator sent it.
   */
  public static SmsClient withoutRetries(SmsSimulator simulator, Credentials credentials) {
    return SmsClient.builder()
        .endpoint(simulator.endpoint())
        .credentials(credentials)
        .retryPolicy(RetryPolicy.none())
        .build();
  }
}
