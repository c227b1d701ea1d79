package org.migrationkit.sms.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.CollectLogRequest;
import org.migrationkit.sms.model.CopyState;
import org.migrationkit.sms.model.DeviceUse;
import org.migrationkit.sms.model.ListErrorServersRequest;
import org.migrationkit.sms.model.ListErrorServersResponse;
import org.migrationkit.sms.model.ListServersRequest;
import org.migrationkit.sms.model.ListTasksRequest;
import org.migrationkit.sms.model.LogCollectStatus;
import org.migrationkit.sms.model.MigrationCycle;
import org.migrationkit.sms.model.MigrationErrors;
import org.migrationkit.sms.model.ServerDisk;
import org.migrationkit.sms.model.ShowCommandRequest;
import org.migrationkit.sms.model.ShowCommandResponse;
import org.migrationkit.sms.model.ShowOverviewRequest;
import org.migrationkit.sms.model.ShowOverviewResponse;
import org.migrationkit.sms.model.ShowServerRequest;
import org.migrationkit.sms.model.ShowServerResponse;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.SourceServerState;
import org.migrationkit.sms.model.SourceServersResponseBody;
import org.migrationkit.sms.model.SubTask;
import org.migrationkit.sms.model.SubtaskName;
import org.migrationkit.sms.model.TargetServer;
import org.migrationkit.sms.model.TaskOperation;
import org.migrationkit.sms.model.TaskState;
import org.migrationkit.sms.model.UpdateCommandResultRequest;
import org.migrationkit.sms.model.UpdateCopyStateRequest;
import org.migrationkit.sms.model.UpdateDiskInfoRequest;
import org.migrationkit.sms.model.UpdateNetworkCheckInfoRequest;
import org.migrationkit.sms.model.UpdateTaskRequest;
import org.migrationkit.sms.model.UpdateTaskSpeedRequest;
import org.migrationkit.sms.model.UpdateTaskStatusRequest;
import org.migrationkit.sms.testsupport.SimulatorClients;

/**
 * The task actions beyond start/stop/restart, the agent's operations and what the servers show
 * while their tasks run, through our client over loopback.
 */
class SimulatorLifecycleTest {
  private static final Credentials CREDENTIALS =
      Credentials.akSk("HPUALIFECYCLEKEY0001", "lifecycle-secret-key-value").withDomainId("d-1");

  private SmsSimulator simulator;
  private SmsClient sms;

  @BeforeEach
  void start() {
    simulator = SmsSimulator.start(CREDENTIALS);
    sms = SimulatorClients.withoutRetries(simulator, CREDENTIALS);
  }

  @AfterEach
  void stop() {
    sms.close();
    simulator.close();
  }

  private String createTask(ShowServerResponse server) {
    return sms.createTask(SimulatorWorkflowTest.taskFrom(server)).getId();
  }

  private void action(String taskId, TaskOperation operation) {
    sms.updateTaskStatus(
        UpdateTaskStatusRequest.builder().taskId(taskId).operation(operation).build());
  }

  /** Polls a task just started once: it is READY until its agent picks it up. */
  private void pickedUp(String taskId) {
    assertThat(sms.showTask(taskId).getState()).isEqualTo(TaskState.READY);
  }

  private ShowTaskResponse runToTheEnd(String taskId) {
    ShowTaskResponse task = sms.showTask(taskId);
    for (int i = 0;
        i < 100 && (task.getState() == TaskState.RUNNING || task.getState() == TaskState.READY);
        i++) {
      task = sms.showTask(taskId);
    }
    return task;
  }

  private ShowServerResponse server(String id) {
    return sms.showServer(ShowServerRequest.builder().sourceId(id).build());
  }

  private static SmsServiceException refusal(Runnable call) {
    return catchThrowableOfType(SmsServiceException.class, call::run);
  }

  @Test
  void skip_startedWithConsistencyCheck_jumpsPastItToSuccess() {
    String taskId = createTask(simulator.addSourceServer("web-1"));
    sms.updateTaskStatus(
        UpdateTaskStatusRequest.builder()
            .taskId(taskId)
            .operation(TaskOperation.START)
            .isNeedConsistencyCheck(true)
            .build());
    pickedUp(taskId);
    ShowTaskResponse running = sms.showTask(taskId);

    action(taskId, TaskOperation.SKIP);
    ShowTaskResponse after = sms.showTask(taskId);

    assertThat(running.getSubTasks())
        .extracting(SubTask::getName)
        .contains(SmsSimulator.CONSISTENCY_CHECK);
    assertThat(running.getState()).isEqualTo(TaskState.RUNNING);
    assertThat(after.getState()).isEqualTo(TaskState.MIGRATE_SUCCESS);
  }

  @Test
  void skip_withoutConsistencyCheck_refused() {
    String taskId = createTask(simulator.addSourceServer("web-1"));
    action(taskId, TaskOperation.START);
    pickedUp(taskId);

    SmsServiceException e = refusal(() -> action(taskId, TaskOperation.SKIP));

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getErrorCode()).isEqualTo("SMS.1206");
    assertThat(sms.showTask(taskId).getState()).isEqualTo(TaskState.RUNNING);
  }

  @Test
  void serverState_followsItsTask_andOverviewCountsIt() {
    ShowServerResponse busy = simulator.addSourceServer("web-1");
    ShowServerResponse idle = simulator.addSourceServer("web-2");
    String taskId = createTask(busy);
    action(taskId, TaskOperation.START);
    SourceServerState whileStarting = server(busy.getId()).getState();
    pickedUp(taskId);

    SourceServerState whileRunning = server(busy.getId()).getState();
    ShowOverviewResponse overviewWhileRunning =
        sms.showOverview(ShowOverviewRequest.builder().build());
    runToTheEnd(taskId);
    SourceServerState afterSuccess = server(busy.getId()).getState();

    assertThat(whileStarting).isEqualTo(SourceServerState.WAITING);
    assertThat(whileRunning).isEqualTo(SourceServerState.REPLICATE);
    assertThat(overviewWhileRunning.getReplicate()).isEqualTo(1);
    assertThat(overviewWhileRunning.getWaiting()).isEqualTo(1);
    assertThat(afterSuccess).isEqualTo(SourceServerState.FINISHED);
    assertThat(server(idle.getId()).getState()).isEqualTo(SourceServerState.WAITING);
    assertThat(sms.showOverview(ShowOverviewRequest.builder().build()).getFinished()).isEqualTo(1);
    assertThat(
            sms.listServers(ListServersRequest.builder().state(SourceServerState.FINISHED).build())
                .getSourceServers())
        .extracting(SourceServersResponseBody::getId)
        .containsExactly(busy.getId());
  }

  @Test
  void test_and_cloneTest_onlyAfterSuccess_showTestingAndACloneServer() {
    ShowServerResponse server = simulator.addSourceServer("web-1");
    String taskId = createTask(server);

    SmsServiceException early = refusal(() -> action(taskId, TaskOperation.TEST));
    action(taskId, TaskOperation.START);
    runToTheEnd(taskId);
    action(taskId, TaskOperation.TEST);
    action(taskId, TaskOperation.CLONE_TEST);
    ShowTaskResponse task = sms.showTask(taskId);

    assertThat(early.getErrorCode()).isEqualTo("SMS.1206");
    assertThat(server(server.getId()).getState()).isEqualTo(SourceServerState.TESTING);
    assertThat(task.getCloneServer()).isNotNull();
    assertThat(task.getCloneServer().getVmId()).isNotBlank();
    assertThat(task.getCloneServer().getName()).isEqualTo(server.getName() + "-clone");
  }

  @Test
  void clear_afterTheRun_clearsTheServer_refusedWhileRunning() {
    ShowServerResponse server = simulator.addSourceServer("web-1");
    String taskId = createTask(server);
    action(taskId, TaskOperation.START);

    SmsServiceException whileRunning = refusal(() -> action(taskId, TaskOperation.CLEAR));
    runToTheEnd(taskId);
    action(taskId, TaskOperation.CLEAR);

    assertThat(whileRunning.getErrorCode()).isEqualTo("SMS.1206");
    assertThat(server(server.getId()).getState()).isEqualTo(SourceServerState.CLEARED);
    assertThat(sms.showTask(taskId).getTargetSnapshotId()).isNull();
  }

  @Test
  void restart_afterClear_showsTheTasksPhaseAgain() {
    ShowServerResponse server = simulator.addSourceServer("web-1");
    String taskId = createTask(server);
    action(taskId, TaskOperation.START);
    runToTheEnd(taskId);
    action(taskId, TaskOperation.CLEAR);

    action(taskId, TaskOperation.RESTART);
    pickedUp(taskId);

    assertThat(server(server.getId()).getState()).isEqualTo(SourceServerState.REPLICATE);
  }

  @Test
  void networkCheck_readyTask_reportsNetworkCheckInfo() {
    String taskId = createTask(simulator.addSourceServer("web-1"));

    action(taskId, TaskOperation.NETWORK_CHECK);
    ShowTaskResponse task = sms.showTask(taskId);

    assertThat(task.getNetworkCheckInfo()).isNotNull();
    assertThat(task.getNetworkCheckInfo().getDomainConnectivity()).isTrue();
    assertThat(task.getNetworkCheckInfo().getEvaluationResult()).isNotBlank();
    assertThat(task.getState()).isEqualTo(TaskState.READY);
  }

  @Test
  void updateTask_changesWhatTheUserSets_andOutlivesRestart() {
    String taskId = createTask(simulator.addSourceServer("web-1"));

    sms.updateTask(
        UpdateTaskRequest.builder()
            .taskId(taskId)
            .name("renamed")
            .priority(2)
            .targetServer(TargetServer.builder().name("target-renamed").build())
            .build());
    ShowTaskResponse ready = sms.showTask(taskId);
    action(taskId, TaskOperation.START);
    ShowTaskResponse running = sms.showTask(taskId);

    assertThat(ready.getName()).isEqualTo("renamed");
    assertThat(ready.getPriority()).isEqualTo(2);
    assertThat(ready.getTargetServer().getName()).isEqualTo("target-renamed");
    assertThat(running.getName()).isEqualTo("renamed");
    assertThat(
            sms.listTasks(ListTasksRequest.builder().id(taskId).build())
                .getTasks()
                .get(0)
                .getName())
        .isEqualTo("renamed");
  }

  @Test
  void updateTask_runningTask_refused() {
    String taskId = createTask(simulator.addSourceServer("web-1"));
    action(taskId, TaskOperation.START);

    SmsServiceException e =
        refusal(() -> sms.updateTask(UpdateTaskRequest.builder().taskId(taskId).name("x").build()));

    assertThat(e.getErrorCode()).isEqualTo("SMS.1206");
  }

  @Test
  void listErrorServers_listsServersWhoseTaskFailed() {
    simulator.startedTaskScript(
        TaskScript.builder()
            .subTask("CREATE_CLOUD_SERVER", 1)
            .fail("MIGRATE_LINUX_FILE", 40, "{\"error_code\":\"SMS.6605\"}", "disk read error")
            .build());
    ShowServerResponse failing = simulator.addSourceServer("web-1");
    simulator.addSourceServer("web-2");
    String taskId = createTask(failing);
    action(taskId, TaskOperation.START);
    runToTheEnd(taskId);

    ListErrorServersResponse errors =
        sms.listErrorServers(ListErrorServersRequest.builder().offset(0).build());

    assertThat(errors.getCount()).isEqualTo(1);
    MigrationErrors only = errors.getMigrationErrors().get(0);
    assertThat(only.getSourceId()).isEqualTo(failing.getId());
    assertThat(only.getErrorJson()).contains("SMS.6605");
    assertThat(sms.showOverview(ShowOverviewRequest.builder().build()).getError()).isEqualTo(1);
  }

  @Test
  void agent_fetchesTheCommandAnAction_queued_andReportsIt() {
    ShowServerResponse server = simulator.addSourceServer("web-1");
    String taskId = createTask(server);
    ShowCommandRequest fetch = ShowCommandRequest.builder().serverId(server.getId()).build();

    ShowCommandResponse none = sms.showCommand(fetch);
    action(taskId, TaskOperation.START);
    ShowCommandResponse start = sms.showCommand(fetch);
    SmsServiceException wrong =
        refusal(
            () ->
                sms.updateCommandResult(
                    UpdateCommandResultRequest.builder()
                        .serverId(server.getId())
                        .commandName("STOP")
                        .result("success")
                        .resultDetail("{}")
                        .build()));
    sms.updateCommandResult(
        UpdateCommandResultRequest.builder()
            .serverId(server.getId())
            .commandName("START")
            .result("success")
            .resultDetail("{\"msg\":\"ok\"}")
            .build());

    assertThat(none.getCommandName()).isNull();
    assertThat(start.getCommandName()).isEqualTo("START");
    assertThat(start.getCommandParam().getTaskId()).isEqualTo(taskId);
    assertThat(wrong.getErrorCode()).isEqualTo("SMS.9001");
    assertThat(wrong.getErrorMsg()).contains("STOP").contains("START");
    assertThat(sms.showCommand(fetch).getCommandName()).isNull();
  }

  @Test
  void agent_copyState_showsUntilTheTaskStarts() {
    ShowServerResponse server = simulator.addSourceServer("web-1");
    String taskId = createTask(server);

    sms.updateCopyState(
        UpdateCopyStateRequest.builder()
            .sourceId(server.getId())
            .copystate(CopyState.INIT)
            .migrationcycle(MigrationCycle.CHECKING)
            .build());
    ShowServerResponse reported = server(server.getId());
    action(taskId, TaskOperation.START);
    pickedUp(taskId);

    assertThat(reported.getState()).isEqualTo(SourceServerState.INITIALIZE);
    assertThat(reported.getMigrationCycle()).isEqualTo(MigrationCycle.CHECKING);
    assertThat(server(server.getId()).getState()).isEqualTo(SourceServerState.REPLICATE);
  }

  @Test
  void agent_diskInfo_replacesDisksAndTheProposedTarget() {
    ShowServerResponse server = simulator.addSourceServer("web-1");
    ServerDisk data =
        ServerDisk.builder()
            .name("/dev/vdb")
            .deviceUse(DeviceUse.NORMAL)
            .size(107_374_182_400L)
            .usedSize(1_073_741_824L)
            .physicalVolumes(List.of())
            .build();

    sms.updateDiskInfo(
        UpdateDiskInfoRequest.builder().sourceId(server.getId()).disks(List.of(data)).build());
    ShowServerResponse after = server(server.getId());

    assertThat(after.getDisks()).extracting(ServerDisk::getName).containsExactly("/dev/vdb");
    assertThat(after.getInitTargetServer().getDisks())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getName()).isEqualTo("/dev/vdb");
              assertThat(d.getSize()).isEqualTo(107_374_182_400L);
            });
  }

  @Test
  void agent_progressReport_showsOnTheRunningTask_refusedOnAReadyOne() {
    ShowServerResponse server = simulator.addSourceServer("web-1");
    String taskId = createTask(server);
    UpdateTaskSpeedRequest report =
        UpdateTaskSpeedRequest.builder()
            .taskId(taskId)
            .subtaskName(SubtaskName.MIGRATE_LINUX_FILE)
            .progress(37)
            .replicatesize(3_000L)
            .totalsize(8_000L)
            .processTrace("copying /var")
            .migrateSpeed(55.5)
            .build();

    SmsServiceException ready = refusal(() -> sms.updateTaskSpeed(report));
    action(taskId, TaskOperation.START);
    sms.updateTaskSpeed(report);
    ShowTaskResponse task = sms.showTask(taskId);

    assertThat(ready.getErrorCode()).isEqualTo("SMS.1206");
    assertThat(task.getSubTasks())
        .filteredOn(s -> s.getName().equals("MIGRATE_LINUX_FILE"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getProgress()).isEqualTo(37);
              assertThat(s.getProcessTrace()).isEqualTo("copying /var");
            });
    assertThat(task.getMigrateSpeed()).isEqualTo(55.5);
    assertThat(server(server.getId()).getReplicatesize()).isEqualTo(3_000L);
    assertThat(server(server.getId()).getTotalsize()).isEqualTo(8_000L);
  }

  @Test
  void agent_progressReport_outOfRange_400() {
    String taskId = createTask(simulator.addSourceServer("web-1"));
    action(taskId, TaskOperation.START);

    SmsServiceException e =
        refusal(
            () ->
                sms.updateTaskSpeed(
                    UpdateTaskSpeedRequest.builder()
                        .taskId(taskId)
                        .subtaskName(SubtaskName.MIGRATE_LINUX_FILE)
                        .progress(101)
                        .replicatesize(1L)
                        .totalsize(1L)
                        .processTrace("")
                        .build()));

    assertThat(e.getErrorCode()).isEqualTo("SMS.9001");
    assertThat(e.getErrorMsg()).contains("progress");
  }

  @Test
  void agent_unknownServer_404() {
    SmsServiceException e =
        refusal(() -> sms.showCommand(ShowCommandRequest.builder().serverId("nope").build()));

    assertThat(e.getStatusCode()).isEqualTo(404);
    assertThat(e.getErrorCode()).isEqualTo("SMS.1302");
  }

  @Test
  void collectLog_queuesUploadLogForTheAgent_andTheTaskShowsTheCollection() {
    ShowServerResponse server = simulator.addSourceServer("web-1");
    String taskId = createTask(server);

    sms.collectLog(CollectLogRequest.builder().taskId(taskId).logBucket("logs-bucket").build());
    ShowCommandResponse command =
        sms.showCommand(ShowCommandRequest.builder().serverId(server.getId()).build());

    assertThat(command.getCommandName()).isEqualTo("UPLOAD_LOG");
    assertThat(command.getCommandParam().getTaskId()).isEqualTo(taskId);
    assertThat(command.getCommandParam().getBucket()).isEqualTo("logs-bucket");
    assertThat(
            sms.listTasks(ListTasksRequest.builder().id(taskId).build())
                .getTasks()
                .get(0)
                .getLogCollectStatus())
        .isEqualTo(LogCollectStatus.TELL_AGENT_TO_COLLECT);
    assertThat(server(server.getId()).getCurrentTask().getLogCollectStatus())
        .isEqualTo(LogCollectStatus.TELL_AGENT_TO_COLLECT);
  }

  @Test
  void updateNetworkCheckInfo_agentsMeasurement_isTheTasksNetworkCheckInfo() {
    String taskId = createTask(simulator.addSourceServer("web-1"));
    action(taskId, TaskOperation.NETWORK_CHECK);

    sms.updateNetworkCheckInfo(
        UpdateNetworkCheckInfoRequest.builder()
            .taskId(taskId)
            .domainConnectivity(false)
            .networkDelay(250.0)
            .networkJitter(40.0)
            .migrationSpeed(2.5)
            .lossPercentage(12.0)
            .cpuUsage(90.0)
            .memUsage(80.0)
            .evaluationResult("POOR")
            .build());
    ShowTaskResponse task = sms.showTask(taskId);

    assertThat(task.getNetworkCheckInfo().getEvaluationResult()).isEqualTo("POOR");
    assertThat(task.getNetworkCheckInfo().getNetworkDelay()).isEqualTo(250.0);
    assertThat(task.getNetworkCheckInfo().getDomainConnectivity()).isFalse();
  }
}
