/**
 * A test kit for code that uses the SMS client: {@link org.migrationkit.sms.testing.SmsSimulator},
 * an in-process SMS on loopback that verifies signatures, plays {@link
 * org.migrationkit.sms.testing.TaskScript scripted task lifecycles}, injects {@link
 * org.migrationkit.sms.testing.Fault faults} by {@link org.migrationkit.sms.testing.FaultPlan plan}
 * and keeps a {@link org.migrationkit.sms.testing.JournalEntry journal} of every request.
 */
@NullMarked
package org.migrationkit.sms.testing;

import org.jspecify.annotations.NullMarked;
