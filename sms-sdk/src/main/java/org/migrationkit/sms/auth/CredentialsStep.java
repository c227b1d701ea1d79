package org.migrationkit.sms.auth;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One step of the {@link DefaultCredentialsProvider} chain: it finds credentials or says why not.
 */
interface CredentialsStep {
  /**
   * Looks for credentials once.
   *
   * @param whyNot receives one entry naming the step and why it found nothing, such as {@code
   *     "profile file /home/x/.huaweicloud/credentials (not found)"}; never a secret value
   * @return what the step found, or {@code null} after adding to {@code whyNot}
   */
  @Nullable Found find(List<String> whyNot);

  /**
   * Credentials a step found.
   *
   * @param source gives the credentials from now on: fixed ones, or ones refreshed as they expire
   * @param iamEndpoint the IAM endpoint configured with them, or {@code null}
   * @param origin where they came from, for the DEBUG log; never a secret value
   */
  record Found(CredentialsProvider source, @Nullable String iamEndpoint, String origin) {}
}
