/**
 * The {@code sms} command line; {@link org.migrationkit.sms.cli.SmsCli} is its entry point and the
 * only public type. Every command is built on {@code SmsClient}'s public API.
 */
@NullMarked
package org.migrationkit.sms.cli;

import org.jspecify.annotations.NullMarked;
