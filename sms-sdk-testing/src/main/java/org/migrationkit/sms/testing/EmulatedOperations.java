package org.migrationkit.sms.testing;

import org.jspecify.annotations.Nullable;

/**
 * A group of operations {@link SimulatedService} answers from memory (templates, migration
 * projects, a task's settings...). Every method runs under the service's lock, so implementations
 * keep plain collections.
 */
interface EmulatedOperations {
  /**
   * Answers the request, or returns {@code null} when its operation is not one of this group's.
   * Throws {@link BadRequest} for a request the service answers 400.
   */
  @Nullable Answer answer(ServiceRequest request);

  /** Forgets what this group keeps for a task that was deleted. */
  default void taskDeleted(String taskId) {}

  /** Forgets what this group keeps for a source server that was deleted. */
  default void serverDeleted(String serverId) {}
}
