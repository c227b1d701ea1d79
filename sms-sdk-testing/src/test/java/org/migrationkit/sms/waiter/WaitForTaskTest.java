package org.migrationkit.sms.waiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.CallInfo;
import org.migrationkit.sms.RetryBudget;
import org.migrationkit.sms.RetryPolicy;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.SmsEventListener;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.TaskFailedException;
import org.migrationkit.sms.TaskProgress;
import org.migrationkit.sms.TaskProgressListener;
import org.migrationkit.sms.WaitOptions;
import org.migrationkit.sms.WaitTimeoutException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.SubTask;
import org.migrationkit.sms.model.TaskState;
import org.migrationkit.sms.testing.Fault;
import org.migrationkit.sms.testing.FaultPlan;
import org.migrationkit.sms.testing.JournalEntry;
import org.migrationkit.sms.testing.SmsSimulator;
import org.migrationkit.sms.testing.TaskScript;

/**
 * {@code waitForTask} end to end against the simulator's scripted lifecycles. Polls every 5 ms and
 * scripts advance per poll (or on the virtual clock), so hours of migration take milliseconds.
 */
class WaitForTaskTest {
  private static final Credentials CREDENTIALS =
      Credentials.akSk("waiter-test-ak", "waiter-test-sk").withDomainId("waiter-domain");
  private static final String TASK = "task-under-wait";

  // a fixed virtual start, so dates the scripts produce can be asserted exactly
  private final SmsSimulator simulator =
      SmsSimulator.builder()
          .accept(CREDENTIALS)
          .virtualStart(SmsSimulator.DEFAULT_VIRTUAL_START)
          .start();

  @AfterEach
  void stop() {
    simulator.close();
  }

  private SmsClient client(RetryPolicy retryPolicy) {
    return client(retryPolicy, SmsEventListener.NONE);
  }

  private SmsClient client(RetryPolicy retryPolicy, SmsEventListener listener) {
    return SmsClient.builder()
        .endpoint(simulator.endpoint())
        .credentials(CREDENTIALS)
        .retryPolicy(retryPolicy)
        .eventListener(listener)
        .build();
  }

  private static RetryPolicy quickRetries() {
    return RetryPolicy.builder()
        .maxAttempts(3)
        .baseDelay(Duration.ofMillis(1))
        .throttlingBaseDelay(Duration.ofMillis(1))
        .maxDelay(Duration.ofMillis(5))
        .retryBudget(RetryBudget.unlimited())
        .build();
  }

  private static WaitOptions.Builder fast() {
    return WaitOptions.builder()
        .pollInterval(Duration.ofMillis(5))
        .maxPollInterval(Duration.ofMillis(10))
        .maxWait(Duration.ofSeconds(20));
  }

  /** Records every callback of a progress listener. */
  private static final class Recorder implements TaskProgressListener {
    final List<TaskProgress> progress = new CopyOnWriteArrayList<>();
    final List<String> pollFailures = new CopyOnWriteArrayList<>();

    @Override
    public void onProgress(TaskProgress p) {
      progress.add(p);
    }

    @Override
    public void onPollFailed(SmsException failure, int consecutiveFailures) {
      String status =
          failure instanceof SmsServiceException
              ? String.valueOf(((SmsServiceException) failure).getStatusCode())
              : failure.getClass().getSimpleName();
      pollFailures.add(status + "#" + consecutiveFailures);
    }
  }

  private static TaskScript twoSubTasksThenSuccess() {
    return TaskScript.builder()
        .hold(TaskState.READY, 1)
        .subTask("CREATE_CLOUD_SERVER", 2)
        .subTask("MIGRATE_LINUX_FILE", 2)
        .succeed()
        .build();
  }

  // ---- terminal states ----

  @Test
  void waitForTask_scriptedSuccess_returnsTheFinalResponse() {
    simulator.script(TASK, twoSubTasksThenSuccess());
    try (SmsClient sms = client(RetryPolicy.none())) {
      ShowTaskResponse done = sms.waitForTask(TASK, fast().build());

      assertThat(done.getState()).isEqualTo(TaskState.MIGRATE_SUCCESS);
      assertThat(done.getSubTasks()).extracting(SubTask::getProgress).containsOnly(100);
      assertThat(simulator.journal()).hasSize(6);
    }
  }

  @Test
  void waitForTask_scriptedSuccess_reportsProgressStepByStep() {
    simulator.script(TASK, twoSubTasksThenSuccess());
    Recorder recorder = new Recorder();
    try (SmsClient sms = client(RetryPolicy.none())) {
      sms.waitForTask(TASK, fast().progressListener(recorder).build());

      assertThat(recorder.progress)
          .extracting(TaskProgress::overallPercent)
          .containsExactly(0, 25, 50, 75, 100, 100);
      assertThat(recorder.progress)
          .extracting(TaskProgress::currentSubTask)
          .containsExactly(
              null,
              "CREATE_CLOUD_SERVER",
              "CREATE_CLOUD_SERVER",
              "MIGRATE_LINUX_FILE",
              "MIGRATE_LINUX_FILE",
              "MIGRATE_LINUX_FILE");
      assertThat(recorder.progress)
          .extracting(TaskProgress::currentSubTaskPercent)
          .containsExactly(null, 50, 100, 50, 100, 100);
      assertThat(recorder.progress)
          .extracting(TaskProgress::stateChanged)
          .containsExactly(true, true, false, false, false, true);
      assertThat(recorder.pollFailures).isEmpty();
    }
  }

  @Test
  void waitForTask_scriptedFailure_throwsTaskFailedExceptionWithErrorJsonAndProcessTrace() {
    String errorJson = "{\"error_code\":\"SMS.3802\",\"error_msg\":\"disk full on target\"}";
    simulator.script(
        TASK,
        TaskScript.builder()
            .subTask("CREATE_CLOUD_SERVER", 1)
            .fail("MIGRATE_LINUX_FILE", 37, errorJson, "rsync error: No space left on device (28)")
            .build());
    try (SmsClient sms = client(RetryPolicy.none())) {
      TaskFailedException e =
          catchThrowableOfType(
              () -> sms.waitForTask(TASK, fast().build()), TaskFailedException.class);

      assertThat(e.getLastResponse().getState()).isEqualTo(TaskState.MIGRATE_FAIL);
      assertThat(e.getErrorJson()).isEqualTo(errorJson);
      assertThat(e.getFailingSubTask().getName()).isEqualTo("MIGRATE_LINUX_FILE");
      assertThat(e.getProcessTrace()).isEqualTo("rsync error: No space left on device (28)");
      assertThat(e.getMessage())
          .contains(TASK)
          .contains("MIGRATE_FAIL")
          .contains("MIGRATE_LINUX_FILE")
          .contains("SMS.3802");
    }
  }

  @Test
  void waitForTask_abort_throwsTaskFailedException() {
    simulator.script(
        TASK, TaskScript.builder().hold(TaskState.ABORTING, 2).end(TaskState.ABORT).build());
    try (SmsClient sms = client(RetryPolicy.none())) {
      TaskFailedException e =
          catchThrowableOfType(
              () -> sms.waitForTask(TASK, fast().build()), TaskFailedException.class);

      assertThat(e.getLastResponse().getState()).isEqualTo(TaskState.ABORT);
      assertThat(simulator.journal()).hasSize(3);
    }
  }

  @Test
  void waitForTask_rolledBack_returnsTheRollbackState() {
    simulator.script(
        TASK,
        TaskScript.builder()
            .hold(TaskState.SYNC_F_ROLLBACKING, 2)
            .end(TaskState.SYNC_F_ROLLBACK_SUCCESS)
            .build());
    try (SmsClient sms = client(RetryPolicy.none())) {
      assertThat(sms.waitForTask(TASK, fast().build()).getState())
          .isEqualTo(TaskState.SYNC_F_ROLLBACK_SUCCESS);
    }
  }

  @Test
  void waitForTask_successWhenRunning_returnsAtTheFirstRunningPoll() {
    simulator.script(
        TASK,
        TaskScript.builder()
            .hold(TaskState.READY, 3)
            .subTask("CREATE_CLOUD_SERVER", 4)
            .succeed()
            .build());
    try (SmsClient sms = client(RetryPolicy.none())) {
      ShowTaskResponse running =
          sms.waitForTask(
              TASK, fast().successWhen(t -> TaskState.RUNNING.equals(t.getState())).build());

      assertThat(running.getState()).isEqualTo(TaskState.RUNNING);
      assertThat(running.getSubTasks().get(0).getProgress()).isEqualTo(25);
      assertThat(simulator.journal()).hasSize(4);
    }
  }

  @Test
  void waitForTask_customFailWhen_endsWithTaskFailedException() {
    simulator.script(
        TASK, TaskScript.builder().hold(TaskState.READY, 2).hold(TaskState.DELETING, 1).build());
    try (SmsClient sms = client(RetryPolicy.none())) {
      TaskFailedException e =
          catchThrowableOfType(
              () ->
                  sms.waitForTask(
                      TASK, fast().failWhen(t -> TaskState.DELETING.equals(t.getState())).build()),
              TaskFailedException.class);

      assertThat(e.getLastResponse().getState()).isEqualTo(TaskState.DELETING);
    }
  }

  // ---- time ----

  @Test
  void waitForTask_neverEnding_throwsWaitTimeoutExceptionWithTheLastResponse() {
    simulator.script(
        TASK,
        TaskScript.builder()
            .hold(TaskState.READY, 1)
            .subTask("MIGRATE_LINUX_FILE", 1_000_000)
            .build());
    try (SmsClient sms = client(RetryPolicy.none())) {
      // long enough for a few polls on a loaded machine (they take 5 to 10 ms when it is idle)
      WaitTimeoutException e =
          catchThrowableOfType(
              () -> sms.waitForTask(TASK, fast().maxWait(Duration.ofSeconds(1)).build()),
              WaitTimeoutException.class);

      assertThat(e.getLastResponse()).isNotNull();
      assertThat(e.getLastResponse().getState()).isEqualTo(TaskState.RUNNING);
      assertThat(e.getMessage()).contains(TASK).contains("PT1S").contains("RUNNING");
      assertThat(simulator.journal().size()).isGreaterThan(2);
    }
  }

  @Test
  void waitForTask_pollSlowerThanMaxWait_stillEndsAtMaxWait() {
    simulator.script(TASK, TaskScript.builder().hold(TaskState.RUNNING, 1).build());
    // the second poll is answered after 60 s, and the client's timeouts are longer still: a wait
    // that ends within the 30 s guard was ended by maxWait
    simulator.faults(
        FaultPlan.builder().onRequest(2, Fault.latency(Duration.ofSeconds(60))).build());
    try (SmsClient sms =
        SmsClient.builder()
            .endpoint(simulator.endpoint())
            .credentials(CREDENTIALS)
            .retryPolicy(RetryPolicy.none())
            .readTimeout(Duration.ofSeconds(90))
            .callTimeout(Duration.ofSeconds(90))
            .build()) {
      WaitTimeoutException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30),
              () ->
                  catchThrowableOfType(
                      () -> sms.waitForTask(TASK, fast().maxWait(Duration.ofSeconds(1)).build()),
                      WaitTimeoutException.class));

      assertThat(e).isNotNull();
      assertThat(e.getLastResponse().getState()).isEqualTo(TaskState.RUNNING);
      assertThat(simulator.journal()).as("the first poll and the one that hangs").hasSize(2);
    }
  }

  @Test
  void waitForTask_everyPollFails_timesOutWithoutALastResponse() {
    simulator.script(TASK, twoSubTasksThenSuccess());
    simulator.faults(FaultPlan.builder().always(Fault.status(503)).build());
    Recorder recorder = new Recorder();
    try (SmsClient sms = client(RetryPolicy.none())) {
      WaitTimeoutException e =
          catchThrowableOfType(
              () ->
                  sms.waitForTask(
                      TASK,
                      // long enough for a first poll on a loaded machine
                      fast().maxWait(Duration.ofSeconds(1)).progressListener(recorder).build()),
              WaitTimeoutException.class);

      assertThat(e.getLastResponse()).isNull();
      assertThat(e.getMessage()).contains("no poll succeeded");
      assertThat(recorder.progress).isEmpty();
      assertThat(recorder.pollFailures).isNotEmpty().startsWith("503#1");
    }
  }

  @Test
  void waitForTask_clockPacedScript_advancesWithTheVirtualClock() {
    simulator.script(
        TASK,
        TaskScript.builder()
            .stepEvery(Duration.ofMinutes(10))
            .subTask("MIGRATE_LINUX_FILE", 4)
            .succeed()
            .build());
    // each answered poll stands for five virtual minutes: every step is seen twice
    SmsEventListener fiveMinutesPerPoll =
        new SmsEventListener() {
          @Override
          public void callEnd(CallInfo call, Duration duration) {
            simulator.advance(Duration.ofMinutes(5));
          }
        };
    Recorder recorder = new Recorder();
    try (SmsClient sms = client(RetryPolicy.none(), fiveMinutesPerPoll)) {
      ShowTaskResponse done = sms.waitForTask(TASK, fast().progressListener(recorder).build());

      assertThat(done.getState()).isEqualTo(TaskState.MIGRATE_SUCCESS);
      assertThat(simulator.journal()).hasSize(9);
      assertThat(recorder.progress)
          .extracting(TaskProgress::overallPercent)
          .containsExactly(25, 50, 75, 100, 100);
      assertThat(recorder.progress)
          .extracting(TaskProgress::remaining)
          .containsExactly(
              Duration.ofMinutes(30),
              Duration.ofMinutes(20),
              Duration.ofMinutes(10),
              Duration.ZERO,
              Duration.ZERO);
      assertThat(done.getFinishDate())
          .isEqualTo(SmsSimulator.DEFAULT_VIRTUAL_START.plus(Duration.ofMinutes(40)));
    }
  }

  @Test
  void waitForTask_initialDelayAndPollInterval_spaceThePolls() {
    simulator.script(TASK, TaskScript.builder().hold(TaskState.READY, 3).succeed().build());
    try (SmsClient sms = client(RetryPolicy.none())) {
      Instant started = Instant.now();
      sms.waitForTask(
          TASK,
          WaitOptions.builder()
              .initialDelay(Duration.ofMillis(60))
              .pollInterval(Duration.ofMillis(20))
              .maxPollInterval(Duration.ofMillis(40))
              .build());

      List<Instant> polls = simulator.journal().stream().map(JournalEntry::receivedAt).toList();
      assertThat(polls).hasSize(4);
      assertThat(Duration.between(started, polls.get(0)))
          .isGreaterThanOrEqualTo(Duration.ofMillis(50));
      for (int i = 1; i < polls.size(); i++) {
        // each wait is at least the interval less its 10 % jitter (and clock granularity)
        assertThat(Duration.between(polls.get(i - 1), polls.get(i)))
            .isGreaterThanOrEqualTo(Duration.ofMillis(15));
      }
    }
  }

  // ---- poll failures ----

  @Test
  void waitForTask_flakyPolls_absorbs503sAndReportsThemToOnPollFailed() {
    simulator.script(TASK, twoSubTasksThenSuccess());
    simulator.faults(
        FaultPlan.builder()
            .onRequests(2, 3, Fault.status(503))
            .onRequest(5, Fault.status(503))
            .build());
    Recorder recorder = new Recorder();
    try (SmsClient sms = client(RetryPolicy.none())) {
      ShowTaskResponse done = sms.waitForTask(TASK, fast().progressListener(recorder).build());

      assertThat(done.getState()).isEqualTo(TaskState.MIGRATE_SUCCESS);
      assertThat(recorder.pollFailures).containsExactly("503#1", "503#2", "503#1");
      assertThat(recorder.progress)
          .extracting(TaskProgress::overallPercent)
          .containsExactly(0, 25, 50, 75, 100, 100);
      assertThat(simulator.journal()).hasSize(9);
    }
  }

  @Test
  void waitForTask_flakyPolls_clientRetriesAbsorbThemFirst() {
    simulator.script(TASK, twoSubTasksThenSuccess());
    simulator.faults(
        FaultPlan.builder()
            .onRequest(2, Fault.status(503))
            .onRequest(4, Fault.tooManyRequests(Duration.ofSeconds(1)))
            .build());
    Recorder recorder = new Recorder();
    try (SmsClient sms = client(quickRetries())) {
      ShowTaskResponse done = sms.waitForTask(TASK, fast().progressListener(recorder).build());

      assertThat(done.getState()).isEqualTo(TaskState.MIGRATE_SUCCESS);
      assertThat(recorder.pollFailures).isEmpty();
      assertThat(simulator.journal())
          .extracting(JournalEntry::status)
          .containsExactly(200, 503, 200, 429, 200, 200, 200, 200);
    }
  }

  @Test
  void waitForTask_brokenConnections_areAbsorbedAndReported() {
    simulator.script(TASK, twoSubTasksThenSuccess());
    simulator.faults(
        FaultPlan.builder()
            .onRequest(1, Fault.dropConnection())
            .onRequest(2, Fault.truncatedBody())
            .build());
    Recorder recorder = new Recorder();
    try (SmsClient sms = client(RetryPolicy.none())) {
      ShowTaskResponse done = sms.waitForTask(TASK, fast().progressListener(recorder).build());

      assertThat(done.getState()).isEqualTo(TaskState.MIGRATE_SUCCESS);
      assertThat(recorder.pollFailures)
          .containsExactly("SmsConnectionException#1", "SmsConnectionException#2");
    }
  }

  @Test
  void waitForTask_seededRandomFaults_stillReachTheEnd() {
    simulator.script(TASK, twoSubTasksThenSuccess());
    simulator.faults(
        FaultPlan.builder()
            .randomly(0.3, Fault.status(503))
            .randomly(0.1, Fault.latency(Duration.ofMillis(20)))
            .seed(2024)
            .build());
    Recorder recorder = new Recorder();
    try (SmsClient sms = client(RetryPolicy.none())) {
      ShowTaskResponse done = sms.waitForTask(TASK, fast().progressListener(recorder).build());

      assertThat(done.getState()).isEqualTo(TaskState.MIGRATE_SUCCESS);
      long failed = simulator.journal().stream().filter(e -> e.status() == 503).count();
      assertThat(recorder.pollFailures).hasSize((int) failed);
    }
  }

  @Test
  void waitForTask_http404_endsTheWaitWithTheServiceException() {
    simulator.script(TASK, twoSubTasksThenSuccess());
    simulator.faults(FaultPlan.builder().onRequest(3, Fault.status(404)).build());
    Recorder recorder = new Recorder();
    try (SmsClient sms = client(quickRetries())) {
      SmsServiceException e =
          catchThrowableOfType(
              () -> sms.waitForTask(TASK, fast().progressListener(recorder).build()),
              SmsServiceException.class);

      assertThat(e.getStatusCode()).isEqualTo(404);
      assertThat(e.getErrorCode()).isEqualTo("SMS.1204");
      assertThat(simulator.journal()).hasSize(3);
      assertThat(recorder.pollFailures).isEmpty();
    }
  }

  @Test
  void waitForTask_taskDeletedMidWait_endsWith404() {
    simulator.script(TASK, twoSubTasksThenSuccess());
    TaskProgressListener deleteAfterFirstPoll = p -> simulator.removeTask(TASK);
    try (SmsClient sms = client(RetryPolicy.none())) {
      SmsServiceException e =
          catchThrowableOfType(
              () -> sms.waitForTask(TASK, fast().progressListener(deleteAfterFirstPoll).build()),
              SmsServiceException.class);

      assertThat(e.getStatusCode()).isEqualTo(404);
      assertThat(simulator.journal()).extracting(JournalEntry::status).containsExactly(200, 404);
    }
  }

  @Test
  void waitForTask_http403_endsTheWait() {
    simulator.script(TASK, twoSubTasksThenSuccess());
    simulator.faults(FaultPlan.builder().onRequest(2, Fault.status(403)).build());
    try (SmsClient sms = client(quickRetries())) {
      SmsServiceException e =
          catchThrowableOfType(
              () -> sms.waitForTask(TASK, fast().build()), SmsServiceException.class);

      assertThat(e.getStatusCode()).isEqualTo(403);
      assertThat(e.getErrorCode()).isEqualTo("SMS.9004");
      assertThat(simulator.journal()).hasSize(2);
    }
  }

  @Test
  void waitForTask_malformedAnswer_endsTheWait() {
    simulator.script(TASK, twoSubTasksThenSuccess());
    simulator.faults(FaultPlan.builder().onRequest(2, Fault.malformedJson()).build());
    try (SmsClient sms = client(quickRetries())) {
      SmsClientException e =
          catchThrowableOfType(
              () -> sms.waitForTask(TASK, fast().build()), SmsClientException.class);

      assertThat(e.getMessage()).contains("cannot be read");
      assertThat(simulator.journal()).hasSize(2);
    }
  }

  // ---- the progress listener ----

  @Test
  void progressListener_firesOnChangeOnly() {
    simulator.script(
        TASK,
        TaskScript.builder().hold(TaskState.READY, 4).hold(TaskState.RUNNING, 5).succeed().build());
    Recorder recorder = new Recorder();
    try (SmsClient sms = client(RetryPolicy.none())) {
      sms.waitForTask(TASK, fast().progressListener(recorder).build());

      assertThat(simulator.journal()).hasSize(10);
      assertThat(recorder.progress)
          .extracting(TaskProgress::state)
          .containsExactly(TaskState.READY, TaskState.RUNNING, TaskState.MIGRATE_SUCCESS);
      assertThat(recorder.progress)
          .extracting(TaskProgress::previousState)
          .containsExactly(null, TaskState.READY, TaskState.RUNNING);
    }
  }

  @Test
  void progressListener_throwing_neverBreaksTheWait() {
    simulator.script(TASK, twoSubTasksThenSuccess());
    simulator.faults(FaultPlan.builder().onRequest(2, Fault.status(503)).build());
    TaskProgressListener throwing =
        new TaskProgressListener() {
          @Override
          public void onProgress(TaskProgress progress) {
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void onPollFailed(SmsException failure, int consecutiveFailures) {
            throw new IllegalStateException("listener bug");
          }
        };
    try (SmsClient sms = client(RetryPolicy.none())) {
      assertThat(sms.waitForTask(TASK, fast().progressListener(throwing).build()).getState())
          .isEqualTo(TaskState.MIGRATE_SUCCESS);
    }
  }

  // ---- async, cancel, interrupt ----

  @Test
  void waitForTaskAsync_completesWithTheFinalResponse() throws Exception {
    simulator.script(TASK, twoSubTasksThenSuccess());
    try (SmsClient sms = client(RetryPolicy.none())) {
      CompletableFuture<ShowTaskResponse> wait = sms.waitForTaskAsync(TASK, fast().build());

      assertThat(wait.get(20, TimeUnit.SECONDS).getState()).isEqualTo(TaskState.MIGRATE_SUCCESS);
    }
  }

  @Test
  void waitForTaskAsync_failure_isTheCauseNotWrapped() throws Exception {
    simulator.script(TASK, TaskScript.builder().end(TaskState.MIGRATE_FAIL).build());
    try (SmsClient sms = client(RetryPolicy.none())) {
      CompletableFuture<ShowTaskResponse> wait = sms.waitForTaskAsync(TASK, fast().build());

      assertThatThrownBy(() -> wait.get(20, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(TaskFailedException.class);
    }
  }

  private long pollsOf(String taskId) {
    return simulator.journal().stream().filter(e -> taskId.equals(e.taskId())).count();
  }

  @Test
  void waitForTaskAsync_cancel_stopsPolling() throws Exception {
    simulator.script(TASK, TaskScript.builder().hold(TaskState.RUNNING, 1).build());
    String marker = "marker-task";
    int markerPolls = 10;
    simulator.script(
        marker, TaskScript.builder().hold(TaskState.RUNNING, markerPolls - 1).succeed().build());
    CountDownLatch threePolls = new CountDownLatch(3);
    SmsEventListener counting =
        new SmsEventListener() {
          @Override
          public void callEnd(CallInfo call, Duration duration) {
            threePolls.countDown();
          }
        };
    try (SmsClient sms = client(RetryPolicy.none(), counting)) {
      CompletableFuture<ShowTaskResponse> wait = sms.waitForTaskAsync(TASK, fast().build());
      assertThat(threePolls.await(30, TimeUnit.SECONDS)).isTrue();

      assertThat(wait.cancel(true)).isTrue();
      long atCancel = pollsOf(TASK);
      // a marker wait polled every 20 ms, twice the cancelled wait's interval: by the marker's
      // tenth poll, a wait still polling would have polled about ten times more
      sms.waitForTask(
          marker,
          WaitOptions.builder()
              .pollInterval(Duration.ofMillis(20))
              .maxPollInterval(Duration.ofMillis(20))
              .maxWait(Duration.ofSeconds(30))
              .build());

      assertThat(pollsOf(marker)).isEqualTo(markerPolls);
      assertThat(pollsOf(TASK)).isLessThanOrEqualTo(atCancel + 1); // one may have been in flight
      assertThat(wait).isCancelled();
    }
  }

  @Test
  void waitForTask_interrupted_throwsAndKeepsTheInterruptFlag() throws Exception {
    simulator.script(TASK, TaskScript.builder().hold(TaskState.RUNNING, 1).build());
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> flag = new AtomicReference<>();
    try (SmsClient sms = client(RetryPolicy.none())) {
      Thread waiter =
          new Thread(
              () -> {
                try {
                  sms.waitForTask(TASK, fast().build());
                } catch (RuntimeException e) {
                  thrown.set(e);
                  flag.set(Thread.currentThread().isInterrupted());
                }
              });
      waiter.start();
      assertThat(simulator.awaitRequests(2, Duration.ofSeconds(10))).isTrue();
      waiter.interrupt();
      waiter.join(10_000);

      assertThat(thrown.get())
          .isInstanceOf(SmsClientException.class)
          .hasMessageContaining("interrupted");
      assertThat(flag.get()).isTrue();
    }
  }

  @Test
  void waitForTask_invalidTaskId_failsBeforeAnyPoll() {
    try (SmsClient sms = client(RetryPolicy.none())) {
      assertThatThrownBy(() -> sms.waitForTask(" ", fast().build()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> sms.waitForTaskAsync("..", fast().build()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(simulator.requestCount()).isZero();
    }
  }

  @Test
  void waitForTask_manyTasksAtOnce_eachEndsInItsOwnState() throws Exception {
    List<CompletableFuture<ShowTaskResponse>> waits = new ArrayList<>();
    try (SmsClient sms = client(quickRetries())) {
      for (int i = 0; i < 50; i++) {
        TaskScript script =
            i % 5 == 0
                ? TaskScript.builder()
                    .subTask("A", 1 + i % 3)
                    .fail("B", 10, "{}", "trace " + i)
                    .build()
                : TaskScript.builder().subTask("A", 1 + i % 3).subTask("B", 2).succeed().build();
        simulator.script("task-" + i, script);
        waits.add(sms.waitForTaskAsync("task-" + i, fast().build()));
      }
      int succeeded = 0;
      int failed = 0;
      for (int i = 0; i < waits.size(); i++) {
        try {
          assertThat(waits.get(i).get(20, TimeUnit.SECONDS).getId()).isEqualTo("task-" + i);
          succeeded++;
        } catch (ExecutionException e) {
          assertThat(((TaskFailedException) e.getCause()).getProcessTrace())
              .isEqualTo("trace " + i);
          failed++;
        }
      }
      assertThat(succeeded).isEqualTo(40);
      assertThat(failed).isEqualTo(10);
    }
  }
}
