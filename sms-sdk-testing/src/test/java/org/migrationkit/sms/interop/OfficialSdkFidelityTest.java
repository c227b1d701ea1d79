package org.migrationkit.sms.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.sms.v3.SmsClient;
import com.huaweicloud.sdk.sms.v3.model.CreateTaskRequest;
import com.huaweicloud.sdk.sms.v3.model.DeleteTaskRequest;
import com.huaweicloud.sdk.sms.v3.model.ListServersRequest;
import com.huaweicloud.sdk.sms.v3.model.ListTasksRequest;
import com.huaweicloud.sdk.sms.v3.model.ListTemplatesRequest;
import com.huaweicloud.sdk.sms.v3.model.PostSourceServerBody;
import com.huaweicloud.sdk.sms.v3.model.PostTask;
import com.huaweicloud.sdk.sms.v3.model.PutCopyStateReq;
import com.huaweicloud.sdk.sms.v3.model.RegisterServerRequest;
import com.huaweicloud.sdk.sms.v3.model.ShowServerRequest;
import com.huaweicloud.sdk.sms.v3.model.ShowTaskRequest;
import com.huaweicloud.sdk.sms.v3.model.ShowTaskResponse;
import com.huaweicloud.sdk.sms.v3.model.SourceServerByTask;
import com.huaweicloud.sdk.sms.v3.model.TargetServerByTask;
import com.huaweicloud.sdk.sms.v3.model.UpdateCopyStateRequest;
import com.huaweicloud.sdk.sms.v3.model.UpdateTaskStatusReq;
import com.huaweicloud.sdk.sms.v3.model.UpdateTaskStatusRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ShowServerResponse;
import org.migrationkit.sms.model.TaskState;
import org.migrationkit.sms.testing.SmsSimulator;
import org.migrationkit.sms.testing.TaskScript;

/**
 * Huawei Cloud's own Java SDK drives each documented rule of the testing guide's fidelity table
 * against the simulator over loopback: list arrays, paging limits, the task life cycle, quotas,
 * re-registration, ignored copy states, error codes and id limits.
 */
class OfficialSdkFidelityTest {
  private static final String AK = "HPUAFIDELITYKEY00001";
  private static final String SK = "fidelity-secret-key-0123456789abcdefghij";
  private static final String DOMAIN_ID = "0970dd7a1300f5672ff2c003c60ae115";
  private static final Credentials CREDENTIALS = Credentials.akSk(AK, SK).withDomainId(DOMAIN_ID);

  private SmsSimulator simulator;
  private SmsClient official;

  private void start(SmsSimulator.Builder builder) {
    simulator = builder.accept(CREDENTIALS).empty().start();
    official = OfficialClients.at(simulator.endpoint(), AK, SK, DOMAIN_ID);
  }

  private void start() {
    start(SmsSimulator.builder());
  }

  @AfterEach
  void stop() {
    if (simulator != null) {
      simulator.close();
    }
  }

  private String createTask(String serverId, boolean syncing) {
    return official
        .createTask(
            new CreateTaskRequest()
                .withBody(
                    new PostTask()
                        .withName("migrate")
                        .withType(PostTask.TypeEnum.MIGRATE_FILE)
                        .withOsType("LINUX")
                        .withSyncing(syncing)
                        .withSourceServer(new SourceServerByTask().withId(serverId))
                        .withTargetServer(new TargetServerByTask().withName("t").withVmId("vm"))
                        .withRegionName("r")
                        .withRegionId("r")
                        .withProjectName("p")
                        .withProjectId("p")))
        .getId();
  }

  private String newTask() {
    return createTask(simulator.addSourceServer("web").getId(), false);
  }

  private void action(String taskId, String operation) {
    official.updateTaskStatus(
        new UpdateTaskStatusRequest()
            .withTaskId(taskId)
            .withBody(
                new UpdateTaskStatusReq()
                    .withOperation(UpdateTaskStatusReq.OperationEnum.fromValue(operation))));
  }

  private String state(String taskId) {
    return official.showTask(new ShowTaskRequest().withTaskId(taskId)).getState();
  }

  private ShowTaskResponse pollWhile(String taskId, String... states) {
    ShowTaskResponse task = official.showTask(new ShowTaskRequest().withTaskId(taskId));
    for (int i = 0; i < 100 && java.util.List.of(states).contains(task.getState()); i++) {
      task = official.showTask(new ShowTaskRequest().withTaskId(taskId));
    }
    return task;
  }

  private static ServiceResponseException refusal(Runnable call) {
    return catchThrowableOfType(ServiceResponseException.class, call::run);
  }

  @Test
  void lists_nothingMatches_officialSdkGetsAnEmptyListNotNull() {
    start();

    var servers = official.listServers(new ListServersRequest());
    var tasks = official.listTasks(new ListTasksRequest());
    var templates = official.listTemplates(new ListTemplatesRequest());

    assertThat(servers.getCount()).isZero();
    assertThat(servers.getSourceServers()).isNotNull().isEmpty();
    assertThat(tasks.getTasks()).isNotNull().isEmpty();
    assertThat(templates.getTemplates()).isNotNull().isEmpty();
  }

  @Test
  void lists_countIsTheTotal_andEachOperationHasItsOwnLimits() {
    start();
    for (int i = 0; i < 3; i++) {
      newTask();
    }

    var page = official.listTasks(new ListTasksRequest().withLimit(1).withOffset(2));
    var widest = official.listTasks(new ListTasksRequest().withLimit(200));
    var serversDefault = official.listServers(new ListServersRequest().withLimit(0));
    ServiceResponseException tasks201 =
        refusal(() -> official.listTasks(new ListTasksRequest().withLimit(201)));
    ServiceResponseException templates101 =
        refusal(() -> official.listTemplates(new ListTemplatesRequest().withLimit(101)));
    ServiceResponseException offset =
        refusal(() -> official.listServers(new ListServersRequest().withOffset(65_536)));

    assertThat(page.getCount()).isEqualTo(3);
    assertThat(page.getTasks()).hasSize(1);
    assertThat(widest.getTasks()).hasSize(3);
    assertThat(serversDefault.getSourceServers()).hasSize(3); // limit 0: the default, 200
    assertThat(tasks201.getHttpStatusCode()).isEqualTo(400);
    assertThat(tasks201.getErrorMsg()).contains("ListTasks: limit must be 0 to 200");
    assertThat(templates101.getErrorMsg()).contains("ListTemplates: limit must be 0 to 100");
    assertThat(offset.getErrorMsg()).contains("offset must be 0 to 65535");
  }

  @Test
  void start_readyForOnePollThenRunning_stopAbortingThenAbort_startResumesWhereItStopped() {
    start();
    String taskId = newTask();

    action(taskId, "start");
    String first = state(taskId);
    state(taskId);
    ShowTaskResponse running = official.showTask(new ShowTaskRequest().withTaskId(taskId));
    action(taskId, "stop");
    String stopping = state(taskId);
    String stopped = state(taskId);
    action(taskId, "start");
    String again = state(taskId);
    ShowTaskResponse resumed = official.showTask(new ShowTaskRequest().withTaskId(taskId));

    assertThat(first).isEqualTo("READY");
    assertThat(running.getState()).isEqualTo("RUNNING");
    assertThat(stopping).isEqualTo("ABORTING");
    assertThat(stopped).isEqualTo("ABORT");
    assertThat(again).isEqualTo("READY");
    assertThat(resumed.getState()).isEqualTo("RUNNING");
    // resumed, not started over: the first sub-tasks stay done
    assertThat(resumed.getSubTasks().get(0).getProgress()).isEqualTo(100);
  }

  @Test
  void start_afterMigrateFail_retries_restartStartsOver_syncFailedRollbackRollsBack() {
    start();
    simulator.startedTaskScript(
        TaskScript.builder().subTask("A", 1).fail("B", 50, "{}", "disk full").build());
    String taskId = newTask();
    action(taskId, "start");
    assertThat(pollWhile(taskId, "READY", "RUNNING").getState()).isEqualTo("MIGRATE_FAIL");

    action(taskId, "start");
    String retried = state(taskId);
    assertThat(pollWhile(taskId, "READY", "RUNNING").getState()).isEqualTo("MIGRATE_FAIL");
    action(taskId, "restart");
    String restarted = state(taskId);
    pollWhile(taskId, "READY", "RUNNING");
    action(taskId, "sync_failed_rollback");

    assertThat(retried).isEqualTo("READY");
    assertThat(restarted).isEqualTo("READY");
    assertThat(state(taskId)).isEqualTo("SYNC_F_ROLLBACKING");
    assertThat(state(taskId)).isEqualTo("SYNC_F_ROLLBACK_SUCCESS");
  }

  @Test
  void syncingTask_afterItsMigration_goesOnSyncing_andAnswersTheNewerOperations() {
    start();
    ShowServerResponse server = simulator.addSourceServer("web");
    String taskId = createTask(server.getId(), true);
    action(taskId, "start");

    ShowTaskResponse after = pollWhile(taskId, "READY", "RUNNING");
    action(taskId, "migration_test");
    action(taskId, "collect_log");
    ServiceResponseException cutover = refusal(() -> action(taskId, "cutover"));

    assertThat(after.getState()).isEqualTo("SYNCING");
    assertThat(after.getFinishDate()).isNull();
    assertThat(
            official
                .showServer(new ShowServerRequest().withSourceId(server.getId()))
                .getState()
                .getValue())
        .isEqualTo("premiged");
    assertThat(cutover.getHttpStatusCode()).isEqualTo(501);
  }

  @Test
  void deleteTask_refusedWhileRunning_allowedOnceTheAgentIsDisconnected() {
    start();
    String connected = newTask();
    ShowServerResponse gone =
        simulator.addSourceServer(
            org.migrationkit.sms.model.ShowServerResponse.builder()
                .name("gone")
                .ip("10.0.0.9")
                .connected(false)
                .build());
    String disconnected = createTask(gone.getId(), false);
    action(connected, "start");
    action(disconnected, "start");

    ServiceResponseException refused =
        refusal(() -> official.deleteTask(new DeleteTaskRequest().withTaskId(connected)));
    official.deleteTask(new DeleteTaskRequest().withTaskId(disconnected));

    assertThat(refused.getHttpStatusCode()).isEqualTo(400);
    assertThat(refused.getErrorCode()).isEqualTo("SMS.2015");
    assertThat(simulator.task(disconnected)).isNull();
  }

  @Test
  void quota_the101stMigrationInFlightIsRefused_unlessStrictQuotasIsOff() {
    start();
    String last = null;
    for (int i = 0; i <= SmsSimulator.MAX_MIGRATIONS_IN_FLIGHT; i++) {
      last = newTask();
      if (i < SmsSimulator.MAX_MIGRATIONS_IN_FLIGHT) {
        action(last, "start");
      }
    }
    String refusedId = last;
    ServiceResponseException refused = refusal(() -> action(refusedId, "start"));
    simulator.close();
    start(SmsSimulator.builder().strictQuotas(false));
    for (int i = 0; i <= SmsSimulator.MAX_MIGRATIONS_IN_FLIGHT; i++) {
      action(newTask(), "start");
    }

    assertThat(refused.getHttpStatusCode()).isEqualTo(403);
    assertThat(refused.getErrorCode()).isEqualTo("SMS.SIMULATOR.1100");
    assertThat(
            official
                .listTasks(new ListTasksRequest().withState(ListTasksRequest.StateEnum.READY))
                .getCount())
        .isEqualTo(SmsSimulator.MAX_MIGRATIONS_IN_FLIGHT + 1);
  }

  @Test
  void registerServer_again_updatesTheExistingRecord() {
    start();
    String id =
        official
            .registerServer(
                new RegisterServerRequest()
                    .withBody(
                        new PostSourceServerBody()
                            .withIp("10.0.0.7")
                            .withName("db")
                            .withOsVersion("CentOS 7")))
            .getId();

    String again =
        official
            .registerServer(
                new RegisterServerRequest()
                    .withBody(
                        new PostSourceServerBody()
                            .withId(id)
                            .withIp("10.0.0.8")
                            .withName("db")
                            .withOsVersion("CentOS 7.9")))
            .getId();

    var shown = official.showServer(new ShowServerRequest().withSourceId(id));
    assertThat(again).isEqualTo(id);
    assertThat(official.listServers(new ListServersRequest()).getCount()).isEqualTo(1);
    assertThat(shown.getOsVersion()).isEqualTo("CentOS 7.9");
    assertThat(shown.getIp()).isEqualTo("10.0.0.8");
  }

  @Test
  void updateCopyState_onAStoppedServer_answers200AndChangesNothing() {
    start();
    ShowServerResponse server = simulator.addSourceServer("web");
    String taskId = createTask(server.getId(), false);
    action(taskId, "start");
    state(taskId);
    action(taskId, "stop");
    state(taskId);
    state(taskId); // ABORT: the server is stopped

    official.updateCopyState(
        new UpdateCopyStateRequest()
            .withSourceId(server.getId())
            .withBody(
                new PutCopyStateReq().withCopystate(PutCopyStateReq.CopystateEnum.REPLICATE)));

    assertThat(simulator.sourceServer(server.getId()).getState().value()).isEqualTo("stopped");
  }

  @Test
  void errorCodes_earlierVersionsCodesWhereTheyFit_andIdAndNameLimits() {
    start();
    String ready = newTask();

    ServiceResponseException noServer = refusal(() -> createTask("no-such-server", false));
    ServiceResponseException stopReady = refusal(() -> action(ready, "stop"));
    ServiceResponseException longId =
        refusal(() -> official.showTask(new ShowTaskRequest().withTaskId("x".repeat(37))));
    ServiceResponseException longName =
        refusal(
            () ->
                official.createTask(
                    new CreateTaskRequest()
                        .withBody(
                            new PostTask()
                                .withName("n".repeat(256))
                                .withType(PostTask.TypeEnum.MIGRATE_FILE)
                                .withOsType("LINUX")
                                .withSourceServer(
                                    new SourceServerByTask()
                                        .withId(simulator.addSourceServer("b").getId()))
                                .withTargetServer(new TargetServerByTask().withName("t"))
                                .withRegionName("r")
                                .withRegionId("r")
                                .withProjectName("p")
                                .withProjectId("p"))));

    assertThat(noServer.getHttpStatusCode()).isEqualTo(400);
    assertThat(noServer.getErrorCode()).isEqualTo("SMS.2216");
    assertThat(stopReady.getErrorCode()).isEqualTo("SMS.1038");
    assertThat(longId.getHttpStatusCode()).isEqualTo(400);
    assertThat(longId.getErrorMsg()).contains("task_id must be 1 to 36 characters, was 37");
    assertThat(longName.getHttpStatusCode()).isEqualTo(400);
    assertThat(longName.getErrorMsg()).contains("name must be 1 to 255 characters, was 256");
  }

  @Test
  void mutators_afterClose_throwIllegalStateNamingThemselves() {
    start();
    simulator.close();

    assertThatThrownBy(() -> simulator.addSourceServer("late"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("addSourceServer called after close(): the simulator is closed");
    assertThatThrownBy(() -> simulator.putTask("t", SmsSimulator.exampleTask()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("putTask");
    assertThatThrownBy(() -> simulator.reset()).hasMessageStartingWith("reset");
    assertThat(simulator.journal()).isEmpty();
    assertThat(TaskState.READY.value()).isEqualTo("READY");
  }
}
