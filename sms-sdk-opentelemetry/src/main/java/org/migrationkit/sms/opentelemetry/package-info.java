/**
 * OpenTelemetry traces of {@link org.migrationkit.sms.SmsClient} calls: {@link
 * org.migrationkit.sms.opentelemetry.SmsTracing#listener(io.opentelemetry.api.OpenTelemetry)}.
 */
@NullMarked
package org.migrationkit.sms.opentelemetry;

import org.jspecify.annotations.NullMarked;
