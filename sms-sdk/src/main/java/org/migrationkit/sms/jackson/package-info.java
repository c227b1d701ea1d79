/**
 * Optional Jackson databind support: {@link org.migrationkit.sms.jackson.SmsJacksonModule} lets an
 * application's own {@code ObjectMapper} write and read the SMS model in its wire format.
 *
 * <p>Needs {@code jackson-databind} (2.14 or later) on the application's class path; the SDK itself
 * never loads this package.
 */
@NullMarked
package org.migrationkit.sms.jackson;

import org.jspecify.annotations.NullMarked;
