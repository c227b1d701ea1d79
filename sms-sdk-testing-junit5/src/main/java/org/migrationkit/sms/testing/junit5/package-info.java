/**
 * JUnit 5 support for {@link org.migrationkit.sms.testing.SmsSimulator}: {@link
 * org.migrationkit.sms.testing.junit5.SmsSimulatorTest} on a test class, or {@link
 * org.migrationkit.sms.testing.junit5.SmsSimulatorExtension} registered in a field, gives every
 * test an empty simulator and a client signed for it.
 */
@NullMarked
package org.migrationkit.sms.testing.junit5;

import org.jspecify.annotations.NullMarked;
