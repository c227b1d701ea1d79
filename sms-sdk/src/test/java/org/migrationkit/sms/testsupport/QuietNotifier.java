package org.migrationkit.sms.testsupport;

import com.github.tomakehurst.wiremock.common.Notifier;

/**
 * A WireMock notifier that prints nothing, for tests that read the process's output: WireMock's own
 * diagnostics would print the requests it saw, headers and all.
 */
public final class QuietNotifier implements Notifier {
  @Override
  public void info(String message) {}

  @Override
  public void error(String message) {}

  @Override
  public void error(String message, Throwable t) {}
}
