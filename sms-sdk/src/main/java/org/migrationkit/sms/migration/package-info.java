/**
 * Migrations on top of the raw calls: {@link org.migrationkit.sms.migration.TaskRequests} turns a
 * source server into a valid {@code CreateTask} request.
 */
@NullMarked
package org.migrationkit.sms.migration;

import org.jspecify.annotations.NullMarked;
