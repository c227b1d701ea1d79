/**
 * Migrations on top of the raw calls: {@link org.migrationkit.sms.migration.TaskRequests} turns a
 * source server into a valid {@code CreateTask} request, and {@link
 * org.migrationkit.sms.migration.FleetMigration} migrates many servers at once, resumable from a
 * state file, with a report of each.
 */
@NullMarked
package org.migrationkit.sms.migration;

import org.jspecify.annotations.NullMarked;
