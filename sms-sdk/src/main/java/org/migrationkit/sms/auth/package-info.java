/** Credentials and the SDK-HMAC-SHA256 (AK/SK) signer and verifier; no HTTP client types. */
@NullMarked
package org.migrationkit.sms.auth;

import org.jspecify.annotations.NullMarked;
