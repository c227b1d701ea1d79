/**
 * MigrationKit SMS: a typed client for Huawei Cloud Server Migration Service. Start at {@link
 * org.migrationkit.sms.SmsClient}.
 */
@NullMarked
package org.migrationkit.sms;

import org.jspecify.annotations.NullMarked;
