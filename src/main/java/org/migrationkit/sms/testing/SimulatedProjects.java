package org.migrationkit.sms.testing;

import org.jspecify.annotations.Nullable;

/**
 * Migration projects (ListMigprojects, CreateMigproject, ShowMigproject, UpdateMigproject,
 * UpdateDefaultMigproject, DeleteMigproject), answered from memory.
 */
final class SimulatedProjects implements EmulatedOperations {
  private final SmsSimulator simulator;

  SimulatedProjects(SmsSimulator simulator) {
    this.simulator = simulator;
  }

  @Override
  public @Nullable Answer answer(ServiceRequest request) {
    return null;
  }
}
