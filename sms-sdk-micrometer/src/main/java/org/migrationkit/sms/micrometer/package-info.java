/**
 * Micrometer metrics of {@link org.migrationkit.sms.SmsClient} calls: {@link
 * org.migrationkit.sms.micrometer.SmsMetrics#listener(io.micrometer.core.instrument.MeterRegistry)}.
 */
@NullMarked
package org.migrationkit.sms.micrometer;

import org.jspecify.annotations.NullMarked;
