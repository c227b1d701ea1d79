/**
 * The fleet's machinery: the per-server scheduler, the state file and its codec, the shared
 * throttling backoff. Not API: may change in any release.
 */
@NullMarked
package org.migrationkit.sms.migration.internal;

import org.jspecify.annotations.NullMarked;
