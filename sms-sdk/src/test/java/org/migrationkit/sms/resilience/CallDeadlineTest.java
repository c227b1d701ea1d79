package org.migrationkit.sms.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsTimeoutException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.testsupport.Fixtures;

/**
 * The whole-call deadline is enforced by one shared watchdog thread instead of a timer per call: it
 * must park when no call runs, and a call made after that must still be ended on time.
 */
class CallDeadlineTest {
  private static final String TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";
  private static final String THREAD_NAME = "migrationkit-sms-deadlines";

  private static SmsClient client(RawServer server, Duration callTimeout) {
    return SmsClient.builder()
        .endpoint(server.baseUrl())
        .credentials(
            Credentials.akSk("HPUA6QWERTYASDF1234Z", "s3cr3tK3yExample0123456789abcdefghijk"))
        .retryPolicy(RetryPolicy.none())
        .readTimeout(Duration.ofSeconds(60)) // past the tests' 30 s guard
        .callTimeout(callTimeout)
        .build();
  }

  private static Thread.State watchdogState() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(THREAD_NAME))
        .map(Thread::getState)
        .findFirst()
        .orElse(Thread.State.TERMINATED);
  }

  @Test
  void watchdog_noCallsInFlight_parksAndAnswersTheNextLateCall() throws Exception {
    byte[] task = Fixtures.text(Fixtures.SHOW_TASK_200).getBytes(StandardCharsets.UTF_8);
    try (RawServer answering =
            RawServer.answering(head -> RawServer.response(200, "OK", "", task));
        SmsClient sms = client(answering, Duration.ofSeconds(30))) {
      sms.showTask(TASK_ID);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (watchdogState() != Thread.State.WAITING && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(watchdogState())
        .as("the idle watchdog parks without a timer")
        .isEqualTo(Thread.State.WAITING);

    try (RawServer silent =
            RawServer.start(
                socket -> {
                  RawServer.readHead(socket.getInputStream());
                  RawServer.drainUntilClosed(socket.getInputStream());
                });
        SmsClient sms = client(silent, Duration.ofMillis(300))) {
      long start = System.nanoTime();
      // a watchdog that stayed parked would leave the call to its 60 s read timeout
      SmsTimeoutException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30),
              () -> catchThrowableOfType(SmsTimeoutException.class, () -> sms.showTask(TASK_ID)));
      long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertThat(e.getTimeout()).isEqualTo(SmsTimeoutException.Timeout.CALL);
      assertThat(elapsedMillis).as("not before the deadline").isGreaterThanOrEqualTo(300L);
    }
  }
}
