package org.migrationkit.sms.testsupport;

import org.migrationkit.sms.internal.PercentEncoding;

/**
 * Turns a path as the official signer takes it (its path parameters not yet encoded: the signing
 * vectors' {@code url}) into the path as it travels, each segment percent-encoded once. A {@code %}
 * in the signer's path is itself encoded, so decoding the wire path gives the signer's path back.
 */
public final class WirePath {
  private WirePath() {}

  /** Returns {@code signerPath} with each {@code /}-separated segment percent-encoded. */
  public static String of(String signerPath) {
    StringBuilder s = new StringBuilder(signerPath.length() + 16);
    int start = 0;
    while (true) {
      int slash = signerPath.indexOf('/', start);
      int end = slash < 0 ? signerPath.length() : slash;
      s.append(PercentEncoding.encode(signerPath.substring(start, end)));
      if (slash < 0) {
        return s.toString();
      }
      s.append('/');
      start = slash + 1;
    }
  }
}
