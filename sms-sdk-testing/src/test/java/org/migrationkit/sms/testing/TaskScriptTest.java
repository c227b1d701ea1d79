package org.migrationkit.sms.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.SubTask;
import org.migrationkit.sms.model.TaskState;
import org.migrationkit.sms.testsupport.SimulatorClients;

/** Scripted task lifecycles: what each poll sees, per poll or on the virtual clock. */
class TaskScriptTest {
  private static final Credentials CREDENTIALS =
      Credentials.akSk("script-test-ak", "script-test-sk");
  private static final Instant START = SmsSimulator.DEFAULT_VIRTUAL_START;

  private final SmsSimulator simulator =
      SmsSimulator.builder().accept(CREDENTIALS).virtualStart(START).start();
  private final SmsClient sms = SimulatorClients.withoutRetries(simulator, CREDENTIALS);

  @AfterEach
  void stop() {
    sms.close();
    simulator.close();
  }

  private List<ShowTaskResponse> poll(String taskId, int times) {
    List<ShowTaskResponse> seen = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      seen.add(sms.showTask(taskId));
    }
    return seen;
  }

  private static String summary(ShowTaskResponse task) {
    StringBuilder s = new StringBuilder(task.getState().value());
    for (SubTask sub : task.getSubTasks()) {
      s.append(' ')
          .append(sub.getName())
          .append('=')
          .append(sub.getProgress())
          .append(sub.getStartDate() == null ? "" : sub.getEndDate() == null ? "+" : "!");
    }
    return s.toString();
  }

  @Test
  void perPoll_showsTheNextStepOnEachPollAndStaysAtTheEnd() {
    simulator.script(
        "t1",
        TaskScript.builder()
            .hold(TaskState.READY, 1)
            .subTask("A", 2)
            .subTask("B", 4)
            .succeed()
            .build());

    assertThat(poll("t1", 9))
        .extracting(TaskScriptTest::summary)
        .containsExactly(
            "READY A=0 B=0",
            "RUNNING A=50+ B=0",
            "RUNNING A=100! B=0",
            "RUNNING A=100! B=25+",
            "RUNNING A=100! B=50+",
            "RUNNING A=100! B=75+",
            "RUNNING A=100! B=100!",
            "MIGRATE_SUCCESS A=100! B=100!",
            "MIGRATE_SUCCESS A=100! B=100!");
  }

  @Test
  void perPoll_datesFollowTheVirtualClockOneNominalMinutePerStep() {
    simulator.script("t1", TaskScript.builder().subTask("A", 2).succeed().build());

    List<ShowTaskResponse> seen = poll("t1", 3);

    assertThat(seen.get(0).getCreateDate()).isEqualTo(START);
    assertThat(seen.get(0).getSubTasks().get(0).getStartDate()).isEqualTo(START);
    assertThat(seen.get(1).getSubTasks().get(0).getEndDate()).isEqualTo(START.plusSeconds(60));
    assertThat(seen.get(2).getFinishDate()).isEqualTo(START.plusSeconds(120));
    assertThat(seen.get(0).getFinishDate()).isNull();
    assertThat(seen.get(0).getRemainSeconds()).isNull();
  }

  @Test
  void fail_endsInMigrateFailWithErrorJsonAndProcessTrace() {
    simulator.script(
        "t1",
        TaskScript.builder()
            .subTask("CREATE_CLOUD_SERVER", 1)
            .fail(
                "MIGRATE_LINUX_FILE",
                42,
                "{\"error_code\":\"SMS.3802\"}",
                "rsync: connection unexpectedly closed")
            .build());

    ShowTaskResponse failed = poll("t1", 2).get(1);

    assertThat(failed.getState()).isEqualTo(TaskState.MIGRATE_FAIL);
    assertThat(failed.getErrorJson()).isEqualTo("{\"error_code\":\"SMS.3802\"}");
    assertThat(failed.getFinishDate()).isNotNull();
    SubTask failing = failed.getSubTasks().get(1);
    assertThat(failing.getName()).isEqualTo("MIGRATE_LINUX_FILE");
    assertThat(failing.getProgress()).isEqualTo(42);
    assertThat(failing.getStartDate()).isNotNull();
    assertThat(failing.getEndDate()).isNull();
    assertThat(failing.getProcessTrace()).isEqualTo("rsync: connection unexpectedly closed");
  }

  @Test
  void end_stopsInTheGivenState() {
    simulator.script(
        "t1", TaskScript.builder().hold(TaskState.ABORTING, 1).end(TaskState.ABORT).build());

    assertThat(poll("t1", 3))
        .extracting(ShowTaskResponse::getState)
        .containsExactly(TaskState.ABORTING, TaskState.ABORT, TaskState.ABORT);
  }

  @Test
  void withoutEnding_theLastStepLastsForever() {
    simulator.script("t1", TaskScript.builder().hold(TaskState.RUNNING, 1).build());

    assertThat(poll("t1", 5))
        .extracting(ShowTaskResponse::getState)
        .containsOnly(TaskState.RUNNING);
  }

  @Test
  void faultedPolls_doNotAdvanceTheScript() {
    simulator.script("t1", TaskScript.builder().hold(TaskState.READY, 1).succeed().build());
    simulator.faults(FaultPlan.builder().onRequests(1, 3, Fault.status(503)).build());

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> sms.showTask("t1")).isInstanceOf(SmsException.class);
    }

    assertThat(sms.showTask("t1").getState()).isEqualTo(TaskState.READY);
    assertThat(sms.showTask("t1").getState()).isEqualTo(TaskState.MIGRATE_SUCCESS);
  }

  @Test
  void task_peeksWithoutAdvancing() {
    simulator.script("t1", TaskScript.builder().hold(TaskState.READY, 1).succeed().build());

    assertThat(simulator.task("t1").getState()).isEqualTo(TaskState.READY);
    assertThat(simulator.task("t1").getState()).isEqualTo(TaskState.READY);
    assertThat(sms.showTask("t1").getState()).isEqualTo(TaskState.READY);
    assertThat(simulator.task("t1").getState()).isEqualTo(TaskState.MIGRATE_SUCCESS);
  }

  @Test
  void stepEvery_followsTheVirtualClockNotThePolls() {
    simulator.script(
        "t1",
        TaskScript.builder().stepEvery(Duration.ofMinutes(10)).subTask("A", 3).succeed().build());

    assertThat(poll("t1", 3)).extracting(TaskScriptTest::summary).containsOnly("RUNNING A=33+");
    simulator.advance(Duration.ofMinutes(10));
    assertThat(summary(sms.showTask("t1"))).isEqualTo("RUNNING A=66+");
    simulator.advance(Duration.ofMinutes(9));
    assertThat(summary(sms.showTask("t1"))).isEqualTo("RUNNING A=66+");
    simulator.advance(Duration.ofHours(5));
    assertThat(summary(sms.showTask("t1"))).isEqualTo("MIGRATE_SUCCESS A=100!");
  }

  @Test
  void stepEvery_reportsRemainingTimeAndDatesOnTheVirtualClock() {
    simulator.advance(Duration.ofHours(1));
    Instant installed = simulator.now();
    simulator.script(
        "t1",
        TaskScript.builder().stepEvery(Duration.ofMinutes(10)).subTask("A", 3).succeed().build());

    ShowTaskResponse first = sms.showTask("t1");
    simulator.advance(Duration.ofMinutes(30));
    ShowTaskResponse done = sms.showTask("t1");

    assertThat(first.getRemainSeconds()).isEqualTo(1200L);
    assertThat(first.getStartDate()).isEqualTo(installed);
    assertThat(done.getRemainSeconds()).isZero();
    assertThat(done.getFinishDate()).isEqualTo(installed.plus(Duration.ofMinutes(30)));
  }

  @Test
  void migrateSpeed_isReportedWhileASubTaskRuns() {
    simulator.script(
        "t1",
        TaskScript.builder()
            .hold(TaskState.READY, 1)
            .subTask("A", 1)
            .succeed()
            .migrateSpeed(12.5)
            .build());

    assertThat(poll("t1", 3))
        .extracting(ShowTaskResponse::getMigrateSpeed)
        .containsExactly(0.0, 12.5, 0.0);
  }

  @Test
  void baseTask_suppliesTheFieldsTheScriptDoesNotDrive() {
    ShowTaskResponse base = SmsSimulator.exampleTask().toBuilder().name("web-01 to ECS").build();
    simulator.script("t1", TaskScript.builder().baseTask(base).subTask("A", 1).build());

    ShowTaskResponse task = sms.showTask("t1");

    assertThat(task.getId()).isEqualTo("t1");
    assertThat(task.getName()).isEqualTo("web-01 to ECS");
    assertThat(task.getSourceServer()).isEqualTo(base.getSourceServer());
    assertThat(task.getSubTasks()).extracting(SubTask::getName).containsExactly("A");
  }

  @Test
  void putTask_replacesAScriptAndScriptReplacesATask() {
    simulator.script("t1", TaskScript.builder().hold(TaskState.READY, 1).build());
    simulator.putTask("t1", SmsSimulator.exampleTask());
    assertThat(sms.showTask("t1").getState()).isEqualTo(TaskState.RUNNING);

    simulator.script("t1", TaskScript.builder().end(TaskState.ABORT).build());
    assertThat(sms.showTask("t1").getState()).isEqualTo(TaskState.ABORT);
  }

  @Test
  void script_restartsFromTheFirstStepWhenInstalledAgain() {
    TaskScript script = TaskScript.builder().hold(TaskState.READY, 1).succeed().build();
    simulator.script("t1", script);
    poll("t1", 2);

    simulator.script("t1", script);

    assertThat(sms.showTask("t1").getState()).isEqualTo(TaskState.READY);
  }

  @Test
  void stepCount_countsFramesTheEndingIncluded() {
    TaskScript script =
        TaskScript.builder().hold(TaskState.READY, 2).subTask("A", 3).succeed().build();

    assertThat(script.stepCount()).isEqualTo(6);
    assertThat(script.followsClock()).isFalse();
    assertThat(script.toBuilder().build()).isEqualTo(script);
    assertThat(script.toString()).contains("READY x2").contains("A x3").contains("MIGRATE_SUCCESS");
  }

  @Test
  void builder_stepAfterTheEnding_fails() {
    assertThatThrownBy(() -> TaskScript.builder().succeed().subTask("A", 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MIGRATE_SUCCESS")
        .hasMessageContaining("sub_task");
  }

  @Test
  void builder_conflictingPaces_failNamingBoth() {
    assertThatThrownBy(() -> TaskScript.builder().stepPerPoll().stepEvery(Duration.ofMinutes(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stepEvery(PT1M)")
        .hasMessageContaining("stepPerPoll()");
  }

  @Test
  void builder_badValues_failAtOnce() {
    assertThatThrownBy(() -> TaskScript.builder().build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> TaskScript.builder().subTask("A", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TaskScript.builder().subTask(" ", 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TaskScript.builder().subTask("A", 1).subTask("A", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> TaskScript.builder().fail("A", 101, "{}", "trace"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TaskScript.builder().stepEvery(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
