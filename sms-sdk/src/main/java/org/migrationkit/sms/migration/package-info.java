/**
 * Migrations on top of the raw calls: {@link org.migrationkit.sms.migration.TaskRequests} turns a
 * source server into a valid {@code CreateTask} request.
 *
 * <p>Migrating many servers at once: {@link org.migrationkit.sms.migration.FleetMigration} runs one
 * task per source server with bounded concurrency, survives a crash of the tool through its state
 * file, and reports what happened to each server. Built only on {@link
 * org.migrationkit.sms.SmsClient}'s public API.
 */
@NullMarked
package org.migrationkit.sms.migration;

import org.jspecify.annotations.NullMarked;
