/** JSON reading and writing of the model. Not API: may change in any release. */
@NullMarked
package org.migrationkit.sms.internal.json;

import org.jspecify.annotations.NullMarked;
