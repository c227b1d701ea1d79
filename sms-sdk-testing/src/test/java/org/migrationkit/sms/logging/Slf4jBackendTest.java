package org.migrationkit.sms.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.testing.SmsSimulator;
import org.migrationkit.sms.testsupport.CapturedOutput;
import org.slf4j.LoggerFactory;

/**
 * The SDK logs through whichever SLF4J API line the application has: {@code mvn verify} runs this
 * on slf4j-api 2.x with an SLF4J 2 backend, {@code mvn -Pokhttp4 test} on 1.7.36 with an SLF4J 1.7
 * backend (the official SDK's and logback 1.2's world). A backend that SLF4J silently drops would
 * leave every other log assertion passing on nothing, so this one checks that lines arrive.
 */
class Slf4jBackendTest {
  private static final Credentials CREDENTIALS =
      Credentials.akSk("slf4j-test-ak", "slf4j-test-sk").withDomainId("slf4j-domain");

  @Test
  void apiOnClassPath_isTheLineThisRunIsMeantToTest() {
    String expected = System.getProperty("expected.slf4j.api.version");

    assertThat(expected).as("set by the surefire configuration in pom.xml").isNotBlank();
    assertThat(LoggerFactory.class.getPackage().getImplementationVersion()).isEqualTo(expected);
  }

  @Test
  void backend_isBound_notTheNoOperationFallback() {
    assertThat(LoggerFactory.getILoggerFactory().getClass().getName())
        .isNotEqualTo("org.slf4j.helpers.NOPLoggerFactory")
        .endsWith(".SimpleLoggerFactory");
  }

  @Test
  void showTask_debugLinePerAttempt_reachesTheBackend() {
    try (SmsSimulator simulator = SmsSimulator.start(CREDENTIALS);
        SmsClient sms =
            SmsClient.builder().endpoint(simulator.endpoint()).credentials(CREDENTIALS).build();
        CapturedOutput output = CapturedOutput.start()) {
      sms.showTask(SmsSimulator.EXAMPLE_TASK_ID);

      assertThat(output.text())
          .contains("DEBUG org.migrationkit.sms.SmsClient")
          .contains(SmsSimulator.EXAMPLE_TASK_ID)
          .doesNotContain("slf4j-test-sk");
    }
  }
}
