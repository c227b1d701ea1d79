package org.migrationkit.sms.auth;

/**
 * Supplies the credentials a client signs its requests with, each time it needs them.
 *
 * <pre>{@code
 * CredentialsProvider fixed = () -> Credentials.akSk(ak, sk);
 * CredentialsProvider usual = DefaultCredentialsProvider.create();
 * Credentials credentials = usual.resolveCredentials();
 * }</pre>
 *
 * <p>Called before every request, possibly from many threads at once: implementations must be
 * thread-safe and should return a cached value quickly.
 */
@FunctionalInterface
public interface CredentialsProvider {
  /**
   * {@return the credentials to use now}
   *
   * @throws org.migrationkit.sms.SmsClientException when the provider has no credentials; the
   *     message says where it looked and never contains a secret
   */
  Credentials resolveCredentials();
}
