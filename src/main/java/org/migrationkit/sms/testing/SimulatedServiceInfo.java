package org.migrationkit.sms.testing;

import org.jspecify.annotations.Nullable;

/**
 * What the service says about itself (ListApiVersion, ShowApiVersion, ShowConfig,
 * ShowPrivacyAgreements, CreatePrivacyAgreements, ShowSha256), answered from memory.
 */
final class SimulatedServiceInfo implements EmulatedOperations {
  private final SmsSimulator simulator;

  SimulatedServiceInfo(SmsSimulator simulator) {
    this.simulator = simulator;
  }

  @Override
  public @Nullable Answer answer(ServiceRequest request) {
    return null;
  }
}
