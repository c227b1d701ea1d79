package org.migrationkit.sms.waiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.WaitOptions;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.TaskState;
import org.migrationkit.sms.testing.SmsSimulator;
import org.migrationkit.sms.testing.TaskScript;

/**
 * An {@link Error} from the caller's own code in a wait: a progress listener's is isolated (the
 * wait goes on), a {@code successWhen}/{@code failWhen} predicate's ends the wait at once with that
 * very error, not at {@code maxWait} (24 h by default).
 */
class WaiterCallbackErrorsTest {
  private static final Credentials CREDENTIALS =
      Credentials.akSk("waiter-ak", "waiter-sk").withDomainId("d");
  private static final Duration HANG_GUARD = Duration.ofSeconds(30);

  private SmsSimulator simulator;
  private SmsClient sms;

  @BeforeEach
  void start() {
    simulator = SmsSimulator.start(CREDENTIALS);
    sms = SmsClient.builder().endpoint(simulator.endpoint()).credentials(CREDENTIALS).build();
    simulator.script(
        "task-1",
        TaskScript.builder()
            .hold(TaskState.READY, 1)
            .subTask("CREATE_CLOUD_SERVER", 3)
            .succeed()
            .build());
  }

  @AfterEach
  void stop() {
    sms.close();
    simulator.close();
  }

  private static WaitOptions.Builder quick() {
    return WaitOptions.builder()
        .pollInterval(Duration.ofMillis(5))
        .maxPollInterval(Duration.ofMillis(5));
  }

  @Test
  void progressListenerThrowingError_waitCarriesOnToTheEnd() {
    AtomicInteger calls = new AtomicInteger();
    WaitOptions options =
        quick()
            .progressListener(
                progress -> {
                  calls.incrementAndGet();
                  throw new AssertionError("assertion in a progress listener");
                })
            .build();

    ShowTaskResponse done =
        assertTimeoutPreemptively(HANG_GUARD, () -> sms.waitForTask("task-1", options));

    assertThat(done.getState()).isEqualTo(TaskState.MIGRATE_SUCCESS);
    assertThat(calls.get()).isGreaterThan(1);
  }

  @Test
  void successPredicateThrowingError_waitForTask_throwsItAtOnce() {
    AssertionError bug = new AssertionError("assertion in successWhen");
    WaitOptions options =
        quick()
            .successWhen(
                task -> {
                  throw bug;
                })
            .build();

    Throwable failure =
        assertTimeoutPreemptively(
            HANG_GUARD, () -> catchThrowable(() -> sms.waitForTask("task-1", options)));

    assertThat(failure).isSameAs(bug);
  }

  @Test
  void failPredicateThrowingError_waitForTaskAsync_failsWithIt() {
    AssertionError bug = new AssertionError("assertion in failWhen");
    WaitOptions options =
        quick()
            .failWhen(
                task -> {
                  throw bug;
                })
            .build();

    Throwable failure =
        catchThrowable(
            () ->
                sms.waitForTaskAsync("task-1", options)
                    .get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS));

    assertThat(failure).isInstanceOf(ExecutionException.class);
    assertThat(failure.getCause()).isSameAs(bug);
  }
}
