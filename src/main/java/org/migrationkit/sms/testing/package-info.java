/** An in-process SMS simulator for tests: real HTTP on loopback, signatures verified. */
@NullMarked
package org.migrationkit.sms.testing;

import org.jspecify.annotations.NullMarked;
