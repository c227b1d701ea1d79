package org.migrationkit.sms.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.testsupport.SimulatorClients;

/** Which requests a {@link FaultPlan} faults: by number, or at random, the same every run. */
class FaultPlanTest {
  private static final Fault FAULT = Fault.status(503);

  private static List<Long> faulted(FaultPlan plan, long requests) {
    return LongStream.rangeClosed(1, requests)
        .filter(n -> plan.faultFor(n) != null)
        .boxed()
        .toList();
  }

  @Test
  void onRequest_faultsExactlyThatNumber() {
    FaultPlan plan = FaultPlan.builder().onRequest(3, FAULT).build();

    assertThat(faulted(plan, 10)).containsExactly(3L);
  }

  @Test
  void onRequests_faultsTheInclusiveRange() {
    FaultPlan plan = FaultPlan.builder().onRequests(2, 4, FAULT).build();

    assertThat(faulted(plan, 10)).containsExactly(2L, 3L, 4L);
  }

  @Test
  void always_faultsEveryRequest() {
    assertThat(faulted(FaultPlan.builder().always(FAULT).build(), 5)).hasSize(5);
    assertThat(faulted(FaultPlan.NONE, 5)).isEmpty();
  }

  @Test
  void rules_firstMatchWins() {
    Fault drop = Fault.dropConnection();
    FaultPlan plan = FaultPlan.builder().onRequest(1, drop).always(FAULT).build();

    assertThat(plan.faultFor(1)).isEqualTo(drop);
    assertThat(plan.faultFor(2)).isEqualTo(FAULT);
  }

  @Test
  void randomly_sameSeed_faultsTheSameRequests() {
    FaultPlan a = FaultPlan.builder().randomly(0.3, FAULT).seed(42).build();
    FaultPlan b = FaultPlan.builder().randomly(0.3, FAULT).seed(42).build();

    assertThat(faulted(a, 1000)).isEqualTo(faulted(b, 1000));
  }

  @Test
  void randomly_otherSeed_faultsOtherRequests() {
    FaultPlan a = FaultPlan.builder().randomly(0.3, FAULT).seed(42).build();
    FaultPlan b = a.toBuilder().seed(43).build();

    assertThat(faulted(a, 1000)).isNotEqualTo(faulted(b, 1000));
  }

  @Test
  void randomly_faultsAboutTheGivenShare() {
    FaultPlan plan = FaultPlan.builder().randomly(0.25, FAULT).build();

    assertThat(faulted(plan, 10_000).size()).isBetween(2_300, 2_700);
  }

  @Test
  void randomly_zeroAndOne_areNeverAndAlways() {
    assertThat(faulted(FaultPlan.builder().randomly(0.0, FAULT).build(), 100)).isEmpty();
    assertThat(faulted(FaultPlan.builder().randomly(1.0, FAULT).build(), 100)).hasSize(100);
  }

  @Test
  void builder_badValues_failAtOnce() {
    assertThatThrownBy(() -> FaultPlan.builder().onRequest(0, FAULT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaultPlan.builder().onRequests(5, 4, FAULT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaultPlan.builder().randomly(1.5, FAULT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaultPlan.builder().seed(1).seed(2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("seed(2) conflicts with seed(1)");
    assertThatThrownBy(() -> Fault.status(200)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.dropConnection().withRetryAfter(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Fault.latency(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fault_isAValue() {
    assertThat(Fault.status(503)).isEqualTo(Fault.status(503)).hasSameHashCodeAs(Fault.status(503));
    assertThat(Fault.status(503)).isNotEqualTo(Fault.status(500));
    assertThat(Fault.tooManyRequests(Duration.ofSeconds(2)).toString())
        .isEqualTo("Fault{STATUS 429, retryAfter=PT2S}");
    assertThat(Fault.dropConnection().withLatency(Duration.ofMillis(5)).latency())
        .isEqualTo(Duration.ofMillis(5));
  }

  @Test
  void faults_numbersCountFromInstallation() {
    Credentials credentials = Credentials.akSk("plan-test-ak", "plan-test-sk");
    try (SmsSimulator simulator = SmsSimulator.start(credentials);
        SmsClient sms = SimulatorClients.withoutRetries(simulator, credentials)) {
      sms.showTask(SmsSimulator.EXAMPLE_TASK_ID);
      sms.showTask(SmsSimulator.EXAMPLE_TASK_ID);

      simulator.faults(FaultPlan.builder().onRequest(1, FAULT).build());
      catchThrowable(() -> sms.showTask(SmsSimulator.EXAMPLE_TASK_ID));
      sms.showTask(SmsSimulator.EXAMPLE_TASK_ID);

      assertThat(simulator.journal())
          .extracting(JournalEntry::status)
          .containsExactly(200, 200, 503, 200);
      simulator.faults(FaultPlan.NONE);
      sms.showTask(SmsSimulator.EXAMPLE_TASK_ID);
    }
  }

  @Test
  void faults_concurrentRequests_faultTheSameNumbersEveryRun() throws Exception {
    Credentials credentials = Credentials.akSk("plan-test-ak", "plan-test-sk");
    FaultPlan plan = FaultPlan.builder().randomly(0.2, FAULT).seed(7).build();
    try (SmsSimulator simulator = SmsSimulator.start(credentials);
        SmsClient sms = SimulatorClients.withoutRetries(simulator, credentials)) {
      simulator.faults(plan);
      List<CompletableFuture<?>> calls = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        calls.add(sms.showTaskAsync(SmsSimulator.EXAMPLE_TASK_ID).exceptionally(e -> null));
      }
      CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);

      List<Long> faultedNumbers =
          simulator.journal().stream()
              .filter(e -> e.status() == 503)
              .map(JournalEntry::number)
              .toList();
      assertThat(faultedNumbers).isEqualTo(faulted(plan, 100));
    }
  }
}
