package org.migrationkit.sms.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.CreateMigprojectRequest;
import org.migrationkit.sms.model.CreateTemplateRequest;
import org.migrationkit.sms.model.ListMigprojectsRequest;
import org.migrationkit.sms.model.ListServersRequest;
import org.migrationkit.sms.model.ListTasksRequest;
import org.migrationkit.sms.model.ListTemplatesRequest;
import org.migrationkit.sms.model.ShowServerResponse;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.TaskOperation;
import org.migrationkit.sms.model.TaskState;
import org.migrationkit.sms.model.TaskType;
import org.migrationkit.sms.model.TemplateRequest;
import org.migrationkit.sms.model.UpdateTaskStatusRequest;
import org.migrationkit.sms.testsupport.SimulatorClients;

/**
 * The simulator's Java controls over loopback: empty start, reset, scripts per source server,
 * per-operation faults, the virtual clock's start, the journal listener and the journal's JSON.
 */
class SimulatorResetTest {
  private static final String SECRET = "reset-test-secret-key-value";
  private static final Credentials CREDENTIALS =
      Credentials.akSk("HPUARESETTESTKEY0001", SECRET).withDomainId("d-1");

  private SmsSimulator simulator;
  private SmsClient sms;

  private void start(SmsSimulator.Builder builder) {
    simulator = builder.accept(CREDENTIALS).start();
    sms = SimulatorClients.withoutRetries(simulator, CREDENTIALS);
  }

  @AfterEach
  void stop() {
    if (sms != null) {
      sms.close();
    }
    if (simulator != null) {
      simulator.close();
    }
  }

  private String createTask(ShowServerResponse server) {
    return sms.createTask(SmsSimulator.createTaskRequestFor(server)).getId();
  }

  private void startTask(String taskId) {
    sms.updateTaskStatus(
        UpdateTaskStatusRequest.builder().taskId(taskId).operation(TaskOperation.START).build());
  }

  private SmsServiceException refusal(Runnable call) {
    return catchThrowableOfType(SmsServiceException.class, call::run);
  }

  // ---- empty and reset ----

  @Test
  void empty_startsWithoutTasksOrServers() {
    start(SmsSimulator.builder().empty());

    assertThat(sms.listTasks(ListTasksRequest.builder().build()).getCount()).isZero();
    assertThat(sms.listServers(ListServersRequest.builder().build()).getCount()).isZero();
    assertThat(simulator.task(SmsSimulator.EXAMPLE_TASK_ID)).isNull();
  }

  @Test
  void default_holdsTheExampleTask() {
    start(SmsSimulator.builder());

    assertThat(sms.showTask(SmsSimulator.EXAMPLE_TASK_ID).getName())
        .isEqualTo(SmsSimulator.exampleTask().getName());
  }

  @Test
  void reset_keepsPortAndClearsEveryKindOfState() {
    start(SmsSimulator.builder().virtualStart(SmsSimulator.DEFAULT_VIRTUAL_START));
    int port = simulator.port();
    String endpoint = simulator.endpoint();
    ShowServerResponse server = simulator.addSourceServer("web-1");
    String taskId = createTask(server);
    simulator.removeTask(SmsSimulator.EXAMPLE_TASK_ID);
    sms.createTemplate(
        CreateTemplateRequest.builder()
            .template(
                TemplateRequest.builder()
                    .name("t-1")
                    .isTemplate(true)
                    .region("ap-southeast-1")
                    .projectid("project-1")
                    .build())
            .build());
    sms.createMigproject(
        CreateMigprojectRequest.builder()
            .name("wave-1")
            .region("ap-southeast-3")
            .usePublicIp(false)
            .existServer(true)
            .type(TaskType.MIGRATE_BLOCK)
            .syncing(true)
            .build());
    simulator.faults(FaultPlan.builder().onRequest(100, Fault.status(503)).build());
    simulator.startedTaskScript(TaskScript.builder().hold(TaskState.RUNNING, 1).build());
    simulator.advance(Duration.ofHours(3));

    simulator.reset();

    assertThat(simulator.port()).isEqualTo(port);
    assertThat(simulator.endpoint()).isEqualTo(endpoint);
    assertThat(simulator.now()).isEqualTo(SmsSimulator.DEFAULT_VIRTUAL_START);
    assertThat(simulator.journal()).isEmpty();
    assertThat(simulator.sourceServer(server.getId())).isNull();
    assertThat(simulator.task(taskId)).isNull();
    assertThat(simulator.task(SmsSimulator.EXAMPLE_TASK_ID)).isNotNull();
    assertThat(sms.listServers(ListServersRequest.builder().build()).getCount()).isZero();
    assertThat(sms.listTemplates(ListTemplatesRequest.builder().build()).getCount()).isZero();
    assertThat(sms.listMigprojects(ListMigprojectsRequest.builder().build()).getCount())
        .isEqualTo(1); // the default project alone
    // no fault left, and a started task runs the default lifecycle again
    ShowServerResponse again = simulator.addSourceServer("web-2");
    String next = createTask(again);
    startTask(next);
    for (int i = 0; i < 120; i++) {
      sms.showTask(next);
    }
    assertThat(sms.showTask(next).getState()).isEqualTo(TaskState.MIGRATE_SUCCESS);
    assertThat(simulator.journal()).allMatch(e -> e.fault() == null);
  }

  @Test
  void reset_ofAnEmptySimulator_staysEmpty() {
    start(SmsSimulator.builder().empty());
    simulator.addSourceServer("web-1");

    simulator.reset();

    assertThat(sms.listServers(ListServersRequest.builder().build()).getCount()).isZero();
    assertThat(sms.listTasks(ListTasksRequest.builder().build()).getCount()).isZero();
  }

  @Test
  void reset_whileRequestsRun_everyRequestIsAnswered() throws Exception {
    start(SmsSimulator.builder());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch running = new CountDownLatch(1);
    try {
      Future<Integer> load =
          pool.submit(
              () -> {
                int answered = 0;
                while (!stop.get()) {
                  ShowServerResponse s = simulator.addSourceServer("load-" + answered);
                  try {
                    sms.showServer(
                        org.migrationkit.sms.model.ShowServerRequest.builder()
                            .sourceId(s.getId())
                            .build());
                  } catch (SmsServiceException e) {
                    assertThat(e.getStatusCode()).isEqualTo(404); // reset in between
                  }
                  sms.listTasks(ListTasksRequest.builder().build());
                  answered++;
                  running.countDown();
                }
                return answered;
              });
      assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 20; i++) {
        simulator.reset();
      }
      stop.set(true);
      assertThat(load.get(10, TimeUnit.SECONDS)).isPositive();
    } finally {
      pool.shutdownNow();
    }
    simulator.reset();
    assertThat(sms.listServers(ListServersRequest.builder().build()).getCount()).isZero();
  }

  // ---- scripts ----

  @Test
  void scriptServer_everyStartedTaskOfThatServerFollowsIt() {
    start(SmsSimulator.builder().empty());
    ShowServerResponse scripted = simulator.addSourceServer("scripted");
    ShowServerResponse other = simulator.addSourceServer("other");
    String before = createTask(scripted); // created before the script: followed all the same
    simulator.scriptServer(
        scripted.getId(),
        TaskScript.builder().subTask("ONLY_STEP", 1).end(TaskState.ABORT).build());
    String otherTask = createTask(other);

    startTask(before);
    startTask(otherTask);
    sms.showTask(before); // READY until its agent picks it up
    sms.showTask(before);
    ShowTaskResponse ended = sms.showTask(before);

    assertThat(ended.getState()).isEqualTo(TaskState.ABORT);
    assertThat(ended.getSourceServer().getId()).isEqualTo(scripted.getId());
    assertThat(ended.getSubTasks()).extracting(s -> s.getName()).containsExactly("ONLY_STEP");
    assertThat(sms.showTask(otherTask).getSubTasks())
        .extracting(s -> s.getName())
        .contains("CREATE_CLOUD_SERVER");
  }

  @Test
  void clearScripts_restoresTheDefaultLifecycle() {
    start(SmsSimulator.builder().empty());
    ShowServerResponse server = simulator.addSourceServer("web-1");
    simulator.scriptServer(server.getId(), TaskScript.builder().hold(TaskState.SYNCING, 1).build());
    simulator.startedTaskScript(TaskScript.builder().hold(TaskState.SYNCING, 1).build());

    simulator.clearScripts();
    String taskId = createTask(server);
    startTask(taskId);

    assertThat(sms.showTask(taskId).getState()).isEqualTo(TaskState.READY);
    assertThat(sms.showTask(taskId).getState()).isEqualTo(TaskState.RUNNING);
    assertThat(sms.showTask(taskId).getSubTasks())
        .extracting(s -> s.getName())
        .contains("CREATE_CLOUD_SERVER");
  }

  @Test
  void script_ofACreatedTask_keepsItsSourceServer() {
    start(SmsSimulator.builder().empty());
    ShowServerResponse server = simulator.addSourceServer("web-1");
    String taskId = createTask(server);

    simulator.script(taskId, TaskScript.builder().subTask("A", 1).succeed().build());

    ShowTaskResponse shown = sms.showTask(taskId);
    assertThat(shown.getSourceServer().getId()).isEqualTo(server.getId());
    assertThat(
            sms.listTasks(ListTasksRequest.builder().sourceServerId(server.getId()).build())
                .getCount())
        .isEqualTo(1);
  }

  @Test
  void script_ofANewTask_takesTheBaseTasksSourceServer() {
    start(SmsSimulator.builder().empty());

    simulator.script("t-new", TaskScript.builder().subTask("A", 1).succeed().build());

    assertThat(sms.showTask("t-new").getSourceServer().getId())
        .isEqualTo(SmsSimulator.exampleTask().getSourceServer().getId());
  }

  // ---- per-operation faults ----

  @Test
  void onOperation_faultsTheNextCallsOfThatOperationOnly() {
    start(SmsSimulator.builder().empty());
    ShowServerResponse server = simulator.addSourceServer("web-1");
    simulator.faults(FaultPlan.builder().onOperation("CreateTask", 2, Fault.status(429)).build());

    sms.listServers(ListServersRequest.builder().build()); // another operation: not counted
    SmsServiceException first = refusal(() -> createTask(server));
    SmsServiceException second = refusal(() -> createTask(server));
    String third = createTask(server);

    assertThat(first.getStatusCode()).isEqualTo(429);
    assertThat(second.getStatusCode()).isEqualTo(429);
    assertThat(third).isNotNull();
    assertThat(simulator.journal())
        .extracting(JournalEntry::operation, JournalEntry::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ListServers", 200),
            org.assertj.core.groups.Tuple.tuple("CreateTask", 429),
            org.assertj.core.groups.Tuple.tuple("CreateTask", 429),
            org.assertj.core.groups.Tuple.tuple("CreateTask", 200));
  }

  @Test
  void onOperation_withAnId_faultsThatTaskOnly() {
    start(SmsSimulator.builder());
    simulator.putTask("task-x", SmsSimulator.exampleTask());
    simulator.faults(
        FaultPlan.builder().onOperation("ShowTask", "task-x", 1, Fault.status(500)).build());

    sms.showTask(SmsSimulator.EXAMPLE_TASK_ID);
    SmsServiceException faulted = refusal(() -> sms.showTask("task-x"));
    ShowTaskResponse after = sms.showTask("task-x");

    assertThat(faulted.getStatusCode()).isEqualTo(500);
    assertThat(after.getName()).isEqualTo(SmsSimulator.exampleTask().getName());
  }

  @Test
  void onOperation_countsAfreshEachTimeThePlanIsInstalled() {
    start(SmsSimulator.builder());
    FaultPlan once = FaultPlan.builder().onOperation("ShowTask", 1, Fault.status(503)).build();
    simulator.faults(once);
    refusal(() -> sms.showTask(SmsSimulator.EXAMPLE_TASK_ID));

    simulator.faults(once);

    assertThat(refusal(() -> sms.showTask(SmsSimulator.EXAMPLE_TASK_ID)).getStatusCode())
        .isEqualTo(503);
  }

  @Test
  void clearFaults_answersNormallyAgain() {
    start(SmsSimulator.builder());
    simulator.faults(FaultPlan.builder().alwaysOnOperation("ShowTask", Fault.status(503)).build());
    refusal(() -> sms.showTask(SmsSimulator.EXAMPLE_TASK_ID));

    simulator.clearFaults();

    assertThat(sms.showTask(SmsSimulator.EXAMPLE_TASK_ID)).isNotNull();
  }

  @Test
  void onOperation_unknownName_isRefused() {
    assertThatThrownBy(() -> FaultPlan.builder().onOperation("CreateTsk", 1, Fault.status(500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown operation CreateTsk");
    assertThatThrownBy(() -> FaultPlan.builder().onOperation("ShowTask", 0, Fault.status(500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("times must be at least 1");
  }

  @Test
  void faultFor_byNumberAlone_skipsOperationRules() {
    FaultPlan plan =
        FaultPlan.builder()
            .onOperation("ShowTask", 1, Fault.status(500))
            .onRequest(1, Fault.status(503))
            .build();

    assertThat(plan.faultFor(1)).isEqualTo(Fault.status(503));
  }

  // ---- the virtual clock ----

  @Test
  void virtualClock_startsAtTheRealTimeByDefault() {
    Instant before = Instant.now().minusMillis(1);
    start(SmsSimulator.builder());
    Instant after = Instant.now().plusMillis(1);

    assertThat(simulator.now()).isBetween(before, after);
  }

  @Test
  void virtualClock_startsWhereTheBuilderSays_alsoAfterReset() {
    Instant start = Instant.parse("2030-01-01T00:00:00Z");
    start(SmsSimulator.builder().virtualStart(start));
    simulator.advance(Duration.ofDays(1));

    simulator.reset();

    assertThat(simulator.now()).isEqualTo(start);
  }

  // ---- the journal ----

  @Test
  void journalListener_seesEveryEntry_andAThrowingOneBreaksNothing() {
    List<JournalEntry> seen = new CopyOnWriteArrayList<>();
    start(
        SmsSimulator.builder()
            .journalListener(
                e -> {
                  seen.add(e);
                  if (seen.size() == 1) {
                    throw new IllegalStateException("listener failure");
                  }
                  throw new AssertionError("a test's assertion in the listener");
                }));

    sms.showTask(SmsSimulator.EXAMPLE_TASK_ID);
    ShowTaskResponse second = sms.showTask(SmsSimulator.EXAMPLE_TASK_ID);

    assertThat(second).isNotNull();
    assertThat(seen).hasSize(2).containsExactlyElementsOf(simulator.journal());
  }

  @Test
  void journalEntryToJson_holdsTheRequestAndNoSecret() {
    start(SmsSimulator.builder());
    simulator.faults(FaultPlan.builder().onRequest(1, Fault.status(503)).build());
    refusal(() -> sms.showTask(SmsSimulator.EXAMPLE_TASK_ID));

    JournalEntry entry = simulator.journal().get(0);
    String json = entry.toJson();

    assertThat(json)
        .startsWith("{\"number\":" + entry.number() + ",")
        .contains("\"method\":\"GET\"")
        .contains("\"path\":\"/v3/tasks/" + SmsSimulator.EXAMPLE_TASK_ID + "\"")
        .contains("\"operation\":\"ShowTask\"")
        .contains("\"status\":503")
        .contains("\"signature_valid\":true")
        .contains("\"access_key\":\"HPUARESETTESTKEY0001\"")
        .contains("\"fault\":{\"kind\":\"status\",\"status\":503}")
        .contains("\"authorization\":[\"****\"]")
        .doesNotContain(SECRET)
        .doesNotContain("Signature=")
        .doesNotContain("SDK-HMAC-SHA256")
        .doesNotContain("\n");
  }

  @Test
  void builder_refusesBadAndTwiceSetOptions() {
    assertThatThrownBy(() -> SmsSimulator.builder().port(65_536))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be 0 to 65535, was 65536");
    assertThatThrownBy(() -> SmsSimulator.builder().host(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SmsSimulator.builder().empty().empty())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> SmsSimulator.builder().adminToken("has space"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("has space");
    assertThatThrownBy(() -> SmsSimulator.builder().adminToken("first").adminToken("second"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining("first")
        .hasMessageNotContaining("second");
    assertThatThrownBy(() -> SmsSimulator.builder().accept(CREDENTIALS).adminToken("t").start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("controlApi(true)");
  }

  @Test
  void port_given_isTheOneListenedOn() {
    int free;
    try (SmsSimulator probe = SmsSimulator.start(CREDENTIALS)) {
      free = probe.port();
    }
    start(SmsSimulator.builder().port(free));

    assertThat(simulator.port()).isEqualTo(free);
    assertThat(simulator.endpoint()).isEqualTo("http://127.0.0.1:" + free);
    assertThat(sms.showTask(SmsSimulator.EXAMPLE_TASK_ID)).isNotNull();
  }
}
