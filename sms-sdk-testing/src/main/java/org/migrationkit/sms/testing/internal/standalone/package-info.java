/**
 * The stand-alone simulator: {@link
 * org.migrationkit.sms.testing.internal.standalone.StandaloneSimulator}, the main class of the
 * {@code standalone} jar, its flag and environment parser and its journal file. Not API: what it
 * offers is its command line, documented in {@code standalone-simulator.md}.
 */
@NullMarked
package org.migrationkit.sms.testing.internal.standalone;

import org.jspecify.annotations.NullMarked;
