package org.migrationkit.sms.internal;

import org.jspecify.annotations.Nullable;

/** How secrets and identifiers are shown in messages: never whole. */
public final class Secrets {
  private Secrets() {}

  /** Returns the access key with all but its first and last four characters hidden. */
  public static String maskAccessKey(@Nullable String accessKey) {
    if (accessKey == null || accessKey.length() <= 8) {
      return "****";
    }
    return accessKey.substring(0, 4) + "****" + accessKey.substring(accessKey.length() - 4);
  }
}
