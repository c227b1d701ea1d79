package org.migrationkit.sms.testing;

import org.jspecify.annotations.Nullable;

/**
 * What a task carries besides its state (certificates, configuration settings, consistency results,
 * passphrase, speed limits, logs, network checks), answered from memory.
 */
final class SimulatedTaskSettings implements EmulatedOperations {
  private final SmsSimulator simulator;

  SimulatedTaskSettings(SmsSimulator simulator) {
    this.simulator = simulator;
  }

  @Override
  public @Nullable Answer answer(ServiceRequest request) {
    return null;
  }
}
