/** The immutable SMS wire model: data only, no I/O and no HTTP or JSON library types. */
@NullMarked
package org.migrationkit.sms.model;

import org.jspecify.annotations.NullMarked;
