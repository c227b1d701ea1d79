package org.migrationkit.sms.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.WaitOptions;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.CreateTaskRequest;
import org.migrationkit.sms.model.DeleteServerRequest;
import org.migrationkit.sms.model.DeleteServersRequest;
import org.migrationkit.sms.model.DeleteTaskRequest;
import org.migrationkit.sms.model.DeleteTasksRequest;
import org.migrationkit.sms.model.ListServersRequest;
import org.migrationkit.sms.model.ListServersResponse;
import org.migrationkit.sms.model.ListTasksRequest;
import org.migrationkit.sms.model.ListTasksResponse;
import org.migrationkit.sms.model.RegisterServerRequest;
import org.migrationkit.sms.model.ShowServerRequest;
import org.migrationkit.sms.model.ShowServerResponse;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.SourceServersResponseBody;
import org.migrationkit.sms.model.SubTask;
import org.migrationkit.sms.model.TaskOperation;
import org.migrationkit.sms.model.TaskState;
import org.migrationkit.sms.model.TasksResponseBody;
import org.migrationkit.sms.model.UpdateServerNameRequest;
import org.migrationkit.sms.model.UpdateTaskStatusRequest;
import org.migrationkit.sms.testsupport.SignedHttp;
import org.migrationkit.sms.testsupport.SimulatorClients;

/** The stateful simulator through our client over loopback: servers, tasks, their lifecycle. */
class SimulatorWorkflowTest {
  private static final Credentials CREDENTIALS =
      Credentials.akSk("HPUAWORKFLOWKEY00001", "workflow-secret-key-value").withDomainId("d-1");

  private SmsSimulator simulator;
  private SmsClient sms;

  @BeforeEach
  void start() {
    simulator = SmsSimulator.start(CREDENTIALS);
    // the example task sits under two ids; the lists below count only what the tests create
    simulator.removeTask(SmsSimulator.EXAMPLE_TASK_ID);
    simulator.removeTask(SmsSimulator.exampleTask().getId());
    sms = SimulatorClients.withoutRetries(simulator, CREDENTIALS);
  }

  @AfterEach
  void stop() {
    sms.close();
    simulator.close();
  }

  static CreateTaskRequest taskFrom(ShowServerResponse server) {
    return SmsSimulator.createTaskRequestFor(server);
  }

  private String createTask(ShowServerResponse server) {
    return sms.createTask(taskFrom(server)).getId();
  }

  private void action(String taskId, TaskOperation operation) {
    sms.updateTaskStatus(
        UpdateTaskStatusRequest.builder().taskId(taskId).operation(operation).build());
  }

  private SmsServiceException refusal(Runnable call) {
    return catchThrowableOfType(SmsServiceException.class, call::run);
  }

  @Test
  void registerServer_asTheAgentDoes_isListedConnectedWithInitTargetServer() {
    String id =
        sms.registerServer(
                RegisterServerRequest.builder()
                    .ip("10.0.0.7")
                    .name("db-1")
                    .hostname("db-1")
                    .build())
            .getId();

    ListServersResponse list = sms.listServers(ListServersRequest.builder().build());

    assertThat(list.getCount()).isEqualTo(1);
    SourceServersResponseBody listed = list.getSourceServers().get(0);
    assertThat(listed.getId()).isEqualTo(id);
    assertThat(listed.getConnected()).isTrue();
    assertThat(listed.getInitTargetServer().getDisks()).isNotEmpty();
  }

  @Test
  void registerServer_again_keepsOneRecord() {
    RegisterServerRequest agent = RegisterServerRequest.builder().ip("10.0.0.7").name("db").build();
    String first = sms.registerServer(agent).getId();

    assertThat(sms.registerServer(agent).getId()).isEqualTo(first);
    assertThat(sms.listServers(ListServersRequest.builder().build()).getCount()).isEqualTo(1);
  }

  @Test
  void showServer_addedServer_answersItWithIdAndInitTargetServer() {
    ShowServerResponse added = simulator.addSourceServer("web-1");

    ShowServerResponse shown =
        sms.showServer(ShowServerRequest.builder().sourceId(added.getId()).build());

    assertThat(shown).isEqualTo(added);
    assertThat(shown.getConnected()).isTrue();
    assertThat(shown.getInitTargetServer().getDisks()).hasSize(1);
  }

  @Test
  void showServer_unknown_404WithServerErrorCode() {
    SmsServiceException e =
        refusal(() -> sms.showServer(ShowServerRequest.builder().sourceId("nope").build()));

    assertThat(e.getStatusCode()).isEqualTo(404);
    assertThat(e.getErrorCode()).isEqualTo("SMS.1302");
    assertThat(e.getRequestId()).startsWith("sim-");
  }

  @Test
  void createTask_fromInitTargetServer_isReadyListedAndOnTheServer() {
    ShowServerResponse server = simulator.addSourceServer("web-1");

    String taskId = createTask(server);

    ShowTaskResponse task = sms.showTask(taskId);
    assertThat(task.getState()).isEqualTo(TaskState.READY);
    assertThat(task.getSourceServer().getId()).isEqualTo(server.getId());
    ListTasksResponse tasks = sms.listTasks(ListTasksRequest.builder().build());
    assertThat(tasks.getTasks()).extracting(TasksResponseBody::getId).containsExactly(taskId);
    assertThat(simulator.sourceServer(server.getId()).getCurrentTask().getId()).isEqualTo(taskId);
  }

  @Test
  void createTask_secondForTheSameServer_refused() {
    ShowServerResponse server = simulator.addSourceServer("web-1");
    createTask(server);

    SmsServiceException e = refusal(() -> createTask(server));

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getErrorCode()).isEqualTo("SMS.1303");
  }

  @Test
  void start_thenPollPerPoll_runsSubTasksToMigrateSuccess() {
    String taskId = createTask(simulator.addSourceServer("web-1"));

    action(taskId, TaskOperation.START);
    ShowTaskResponse starting = sms.showTask(taskId);
    ShowTaskResponse running = sms.showTask(taskId);
    ShowTaskResponse done =
        sms.waitForTask(taskId, WaitOptions.builder().pollInterval(Duration.ofMillis(1)).build());

    assertThat(starting.getState()).isEqualTo(TaskState.READY);
    assertThat(starting.getSubTasks()).allMatch(s -> s.getProgress() == 0);
    assertThat(running.getState()).isEqualTo(TaskState.RUNNING);
    assertThat(done.getState()).isEqualTo(TaskState.MIGRATE_SUCCESS);
    assertThat(done.getName()).isEqualTo("migrate-web-1");
    assertThat(done.getSubTasks())
        .extracting(SubTask::getName)
        .contains("CREATE_CLOUD_SERVER", "MIGRATE_LINUX_FILE", "CONFIGURE_LINUX");
    assertThat(done.getSubTasks()).allMatch(s -> s.getProgress() == 100);
  }

  @Test
  void start_withClockScript_advancesOnlyWithTheVirtualClock() {
    simulator.startedTaskScript(
        TaskScript.builder()
            .stepEvery(Duration.ofMinutes(5))
            .subTask("MIGRATE_LINUX_FILE", 2)
            .succeed()
            .build());
    String taskId = createTask(simulator.addSourceServer("web-1"));
    action(taskId, TaskOperation.START);

    assertThat(sms.showTask(taskId).getState()).isEqualTo(TaskState.READY);
    assertThat(sms.showTask(taskId).getState()).isEqualTo(TaskState.RUNNING);
    assertThat(sms.showTask(taskId).getState()).isEqualTo(TaskState.RUNNING);
    simulator.advance(Duration.ofMinutes(10));
    assertThat(sms.showTask(taskId).getState()).isEqualTo(TaskState.MIGRATE_SUCCESS);
  }

  @Test
  void start_runningTask_refusedWithStateErrorCode() {
    String taskId = createTask(simulator.addSourceServer("web-1"));
    action(taskId, TaskOperation.START);

    SmsServiceException e = refusal(() -> action(taskId, TaskOperation.START));

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getErrorCode()).isEqualTo("SMS.1039");
  }

  @Test
  void stop_runningTask_abortsAndRestartRunsItAgainToSuccess() {
    String taskId = createTask(simulator.addSourceServer("web-1"));
    action(taskId, TaskOperation.START);
    sms.showTask(taskId);
    sms.showTask(taskId);

    action(taskId, TaskOperation.STOP);
    ShowTaskResponse stopping = sms.showTask(taskId);
    ShowTaskResponse stopped = sms.showTask(taskId);
    action(taskId, TaskOperation.RESTART);
    ShowTaskResponse done =
        sms.waitForTask(taskId, WaitOptions.builder().pollInterval(Duration.ofMillis(1)).build());

    assertThat(stopping.getState()).isEqualTo(TaskState.ABORTING);
    assertThat(stopped.getState()).isEqualTo(TaskState.ABORT);
    assertThat(done.getState()).isEqualTo(TaskState.MIGRATE_SUCCESS);
  }

  @Test
  void deleteTask_running_refusedThenDeletedOnceStopped() {
    String taskId = createTask(simulator.addSourceServer("web-1"));
    action(taskId, TaskOperation.START);

    SmsServiceException e =
        refusal(() -> sms.deleteTask(DeleteTaskRequest.builder().taskId(taskId).build()));
    action(taskId, TaskOperation.STOP);
    SmsServiceException aborting =
        refusal(() -> sms.deleteTask(DeleteTaskRequest.builder().taskId(taskId).build()));
    assertThat(sms.showTask(taskId).getState()).isEqualTo(TaskState.ABORTING);
    sms.deleteTask(DeleteTaskRequest.builder().taskId(taskId).build());
    SmsServiceException gone = refusal(() -> sms.showTask(taskId));

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getErrorCode()).isEqualTo("SMS.2015");
    assertThat(aborting.getErrorCode()).isEqualTo("SMS.2015");
    assertThat(gone.getErrorCode()).isEqualTo("SMS.1204");
  }

  @Test
  void deleteServer_withRunningTask_refusedThenDeletedOnceTheTaskIsDone() {
    ShowServerResponse server = simulator.addSourceServer("web-1");
    String taskId = createTask(server);
    action(taskId, TaskOperation.START);
    DeleteServerRequest delete = DeleteServerRequest.builder().sourceId(server.getId()).build();

    SmsServiceException busy = refusal(() -> sms.deleteServer(delete));
    sms.waitForTask(taskId, WaitOptions.builder().pollInterval(Duration.ofMillis(1)).build());
    sms.deleteServer(delete);

    assertThat(busy.getErrorCode()).isEqualTo("SMS.1304");
    assertThat(simulator.sourceServer(server.getId())).isNull();
    assertThat(sms.listServers(ListServersRequest.builder().build()).getCount()).isZero();
  }

  @Test
  void deleteTasks_oneWorking_deletesNoneThenAllOnceItStops() {
    String idle = createTask(simulator.addSourceServer("a"));
    String running = createTask(simulator.addSourceServer("b"));
    action(running, TaskOperation.START);
    DeleteTasksRequest both = DeleteTasksRequest.builder().ids(List.of(idle, running)).build();

    SmsServiceException e = refusal(() -> sms.deleteTasks(both));
    int listedAfterRefusal = sms.listTasks(ListTasksRequest.builder().build()).getCount();
    action(running, TaskOperation.STOP);
    sms.showTask(running); // ABORTING, then ABORT
    sms.deleteTasks(both);

    assertThat(e.getErrorCode()).isEqualTo("SMS.2015");
    assertThat(listedAfterRefusal).isEqualTo(2);
    assertThat(sms.listTasks(ListTasksRequest.builder().build()).getCount()).isZero();
  }

  @Test
  void deleteServers_andUpdateServerName_changeTheList() {
    ShowServerResponse a = simulator.addSourceServer("a");
    ShowServerResponse b = simulator.addSourceServer("b");
    ShowServerResponse c = simulator.addSourceServer("c");

    sms.updateServerName(UpdateServerNameRequest.builder().sourceId(c.getId()).name("c2").build());
    sms.deleteServers(DeleteServersRequest.builder().ids(List.of(a.getId(), b.getId())).build());

    assertThat(sms.listServers(ListServersRequest.builder().build()).getSourceServers())
        .extracting(SourceServersResponseBody::getName)
        .containsExactly("c2");
  }

  @Test
  void listServers_limitAndItemOffset_pageWithTheFullCount() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      ids.add(simulator.addSourceServer("s-" + i).getId());
    }

    ListServersResponse page =
        sms.listServers(ListServersRequest.builder().limit(3).offset(5).build());
    ListServersResponse beyond =
        sms.listServers(ListServersRequest.builder().limit(3).offset(9).build());
    ListServersResponse byName = sms.listServers(ListServersRequest.builder().name("s-4").build());

    assertThat(page.getCount()).isEqualTo(7);
    assertThat(page.getSourceServers())
        .extracting(SourceServersResponseBody::getId)
        .containsExactlyElementsOf(ids.subList(5, 7));
    assertThat(beyond.getCount()).isEqualTo(7);
    assertThat(beyond.getSourceServers()).isEmpty();
    assertThat(byName.getCount()).isEqualTo(1);
    assertThat(sms.listServersPaginator(ListServersRequest.builder().limit(2).build()).stream())
        .hasSize(7);
  }

  @Test
  void listTasks_limitAndItemOffset_pageWithTheFullCount() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(createTask(simulator.addSourceServer("s-" + i)));
    }
    action(ids.get(0), TaskOperation.START);
    sms.showTask(ids.get(0)); // READY until its agent picks it up

    ListTasksResponse page = sms.listTasks(ListTasksRequest.builder().limit(2).offset(2).build());
    ListTasksResponse running =
        sms.listTasks(ListTasksRequest.builder().state(TaskState.RUNNING).build());

    assertThat(page.getCount()).isEqualTo(5);
    assertThat(page.getTasks())
        .extracting(TasksResponseBody::getId)
        .containsExactlyElementsOf(ids.subList(2, 4));
    assertThat(running.getTasks()).extracting(TasksResponseBody::getId).containsExactly(ids.get(0));
  }

  @Test
  void listServers_limitOverTheDocumentedMaximum_400() {
    SmsServiceException e =
        refusal(() -> sms.listServers(ListServersRequest.builder().limit(201).build()));

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getErrorCode()).isEqualTo("SMS.9001");
    assertThat(e.getErrorMsg()).contains("ListServers: limit must be 0 to 200, was 201");
  }

  @Test
  void createTask_unreadableBody_400NamingTheProblem() throws Exception {
    HttpResponse<String> response =
        SignedHttp.send(simulator.endpoint(), CREDENTIALS, "POST", "/v3/tasks", "{\"name\":");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"error_code\":\"SMS.9001\"").contains("CreateTask");
  }

  @Test
  void actionNotEmulated_answers501NamingIt() {
    String taskId = createTask(simulator.addSourceServer("web-1"));

    // cutover is not an UpdateTaskStatus operation of any API page
    SmsServiceException e = refusal(() -> action(taskId, TaskOperation.of("cutover")));

    assertThat(e.getStatusCode()).isEqualTo(501);
    assertThat(e.getErrorCode()).isEqualTo("SMS.SIMULATOR.0501");
    assertThat(e.getErrorMsg()).startsWith("UpdateTaskStatus operation=cutover");
  }

  @Test
  void faultPlan_appliesToWorkflowOperations() {
    ShowServerResponse server = simulator.addSourceServer("web-1");
    simulator.faults(FaultPlan.builder().onRequest(1, Fault.status(503)).build());

    SmsServiceException e = refusal(() -> createTask(server));
    String taskId = createTask(server);

    assertThat(e.getStatusCode()).isEqualTo(503);
    assertThat(sms.showTask(taskId).getState()).isEqualTo(TaskState.READY);
  }

  @Test
  void journal_namesTheOperationOfEveryRequest_faultedOrNot() throws Exception {
    ShowServerResponse server = simulator.addSourceServer("web-1");
    simulator.clearJournal();
    String taskId = createTask(server);
    simulator.faults(FaultPlan.builder().onRequest(1, Fault.status(503)).build());
    refusal(() -> action(taskId, TaskOperation.START));
    sms.showTask(taskId);
    SignedHttp.send(simulator.endpoint(), CREDENTIALS, "GET", "/v3/no-such-api", "");

    assertThat(simulator.journal())
        .extracting(JournalEntry::operation)
        .containsExactly("CreateTask", "UpdateTaskStatus", "ShowTask", null);
    assertThat(simulator.journal().get(1).toString())
        .contains("(UpdateTaskStatus)")
        .contains("503");
  }
}
