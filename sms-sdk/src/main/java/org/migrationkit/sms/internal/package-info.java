/** Transport and operation machinery. Not API: may change in any release. */
@NullMarked
package org.migrationkit.sms.internal;

import org.jspecify.annotations.NullMarked;
