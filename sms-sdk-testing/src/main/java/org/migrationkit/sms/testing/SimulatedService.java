package org.migrationkit.sms.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.model.CloneServer;
import org.migrationkit.sms.model.DeleteIds;
import org.migrationkit.sms.model.DeleteTasksReq;
import org.migrationkit.sms.model.DeviceUse;
import org.migrationkit.sms.model.DiskIntargetServer;
import org.migrationkit.sms.model.InitTargetServer;
import org.migrationkit.sms.model.MigrationErrors;
import org.migrationkit.sms.model.NetworkCheckInfo;
import org.migrationkit.sms.model.OsType;
import org.migrationkit.sms.model.PostSourceServerBody;
import org.migrationkit.sms.model.PostTask;
import org.migrationkit.sms.model.PutSourceServerBody;
import org.migrationkit.sms.model.PutTaskReq;
import org.migrationkit.sms.model.ServerDisk;
import org.migrationkit.sms.model.ShowOverviewResponse;
import org.migrationkit.sms.model.ShowServerResponse;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.SourceServer;
import org.migrationkit.sms.model.SourceServerState;
import org.migrationkit.sms.model.SourceServersResponseBody;
import org.migrationkit.sms.model.TargetServer;
import org.migrationkit.sms.model.TaskByServerSource;
import org.migrationkit.sms.model.TaskState;
import org.migrationkit.sms.model.TaskTargetServer;
import org.migrationkit.sms.model.TasksResponseBody;
import org.migrationkit.sms.model.UpdateTaskStatusReq;

/**
 * The stateful part of {@link SmsSimulator}: source servers and the migration workflow's
 * operations, answered from memory in the service's wire shapes, and the dispatch to the other
 * groups of operations ({@link EmulatedOperations}). Tasks live in the simulator's task store
 * (shared with {@code putTask} and {@code script}); this class keeps the source servers, the state
 * an action or the agent set on a server, and, for each task created through the API, the READY
 * task it was created as (what {@code restart} starts again from, {@code UpdateTask} changes).
 * Every method runs under the simulator's state lock.
 */
final class SimulatedService {
  /** The task states in which a task is working: it may be stopped, not deleted nor started. */
  private static final List<String> WORKING = List.of("RUNNING", "SYNCING", "ABORTING", "DELETING");

  /** The longest task or source server id a path may carry, as the API pages give it. */
  static final int MAX_ID_LENGTH = 36;

  /** The longest task name {@code CreateTask} and {@code UpdateTask} accept. */
  static final int MAX_TASK_NAME_LENGTH = 255;

  /** The longest source server name {@code RegisterServer} accepts. */
  static final int MAX_SERVER_NAME_LENGTH = 64;

  /** Where a stopped task's run was: its lifecycle and the frame it had reached. */
  private record Resume(TaskScript script, int frame) {}

  /** What {@code network_check} finds: a healthy link (the simulator measures nothing). */
  private static final NetworkCheckInfo NETWORK_CHECK =
      NetworkCheckInfo.builder()
          .domainConnectivity(true)
          .destinationConnectivity(true)
          .networkDelay(12.5)
          .networkJitter(0.8)
          .migrationSpeed(100.0)
          .lossPercentage(0.0)
          .cpuUsage(15.0)
          .memUsage(30.0)
          .evaluationResult("OK")
          .build();

  private final SmsSimulator simulator;
  // insertion order is list order, as the service lists oldest first
  private final Map<String, ShowServerResponse> servers = new LinkedHashMap<>();
  private final Map<String, ShowTaskResponse> created = new HashMap<>();
  private final Map<String, String> taskOfServer = new HashMap<>();
  // the state an action or the agent set on a server, shown instead of its task's phase until the
  // task starts again
  private final Map<String, SourceServerState> phase = new HashMap<>();
  // the tasks created with syncing=true: after their migration they go on SYNCING
  private final Set<String> syncing = new HashSet<>();
  // where a stopped task's run was, for start to resume it
  private final Map<String, Resume> stopped = new HashMap<>();
  // replaced whole by reset(), under the same lock as every other use
  private SimulatedAgent agent;
  private SimulatedTaskSettings taskSettings;

  // the other operations, asked in this order after the workflow's own
  private List<EmulatedOperations> groups;

  SimulatedService(SmsSimulator simulator) {
    this.simulator = simulator;
    this.agent = new SimulatedAgent(simulator, this);
    this.taskSettings = new SimulatedTaskSettings(simulator);
    this.groups = groups(simulator, agent, taskSettings);
  }

  private static List<EmulatedOperations> groups(
      SmsSimulator simulator, SimulatedAgent agent, SimulatedTaskSettings taskSettings) {
    return List.of(
        agent,
        new SimulatedTemplates(),
        new SimulatedProjects(),
        new SimulatedServiceInfo(simulator),
        taskSettings);
  }

  /**
   * Forgets every source server, task record, template, project (but the default one), setting and
   * pending command, as a new simulator starts; the simulator clears its task store itself.
   */
  void reset() {
    servers.clear();
    created.clear();
    taskOfServer.clear();
    phase.clear();
    syncing.clear();
    stopped.clear();
    agent = new SimulatedAgent(simulator, this);
    taskSettings = new SimulatedTaskSettings(simulator);
    groups = groups(simulator, agent, taskSettings);
  }

  // ---- seeding ----

  ShowServerResponse addServer(ShowServerResponse server) {
    if (servers.size() >= SmsSimulator.MAX_SOURCE_SERVERS) {
      throw new IllegalStateException(
          "cannot add a source server: the simulator holds " + SmsSimulator.MAX_SOURCE_SERVERS);
    }
    ShowServerResponse stored = completed(server);
    servers.put(stored.getId(), stored);
    return stored;
  }

  int serverCount() {
    return servers.size();
  }

  @Nullable ShowServerResponse server(String id) {
    ShowServerResponse s = servers.get(id);
    return s == null ? null : withCurrentTask(s);
  }

  /** Fills what a registered server always has: id, connection, state, init_target_server. */
  ShowServerResponse completed(ShowServerResponse s) {
    ShowServerResponse.Builder b = s.toBuilder();
    if (s.getId() == null) {
      b.id(UUID.randomUUID().toString());
    }
    if (s.getConnected() == null) {
      b.connected(true);
    }
    if (s.getState() == null) {
      b.state(SourceServerState.WAITING);
    }
    if (s.getOsType() == null) {
      b.osType(OsType.LINUX);
    }
    if (s.getAddDate() == null) {
      b.addDate(simulator.virtualNow());
    }
    List<ServerDisk> disks = s.getDisks();
    if (disks.isEmpty()) {
      disks =
          List.of(
              ServerDisk.builder()
                  .name("/dev/vda")
                  .deviceUse(DeviceUse.OS)
                  .size(42_949_672_960L)
                  .usedSize(8_589_934_592L)
                  .physicalVolumes(List.of())
                  .build());
      b.disks(disks);
    }
    if (s.getInitTargetServer() == null) {
      List<DiskIntargetServer> target = new ArrayList<>(disks.size());
      for (ServerDisk d : disks) {
        target.add(
            DiskIntargetServer.builder()
                .name(d.getName())
                .size(d.getSize())
                .usedSize(d.getUsedSize())
                .deviceUse(d.getDeviceUse())
                .build());
      }
      b.initTargetServer(InitTargetServer.builder().disks(target).build());
    }
    return b.build();
  }

  /**
   * Returns server {@code s} as the API shows it: in the phase its task is in (or the one an action
   * set) and with its current task.
   */
  private ShowServerResponse withCurrentTask(ShowServerResponse s) {
    String taskId = taskOfServer.get(s.getId());
    ShowTaskResponse task = taskId == null ? null : simulator.task(taskId);
    SourceServerState shown = phase.get(s.getId());
    if (shown == null && task != null) {
      shown = serverStateFor(task.getState());
    }
    if (task == null && shown == null) {
      return s;
    }
    ShowServerResponse.Builder b = s.toBuilder();
    if (shown != null) {
      b.state(shown);
    }
    if (task != null) {
      b.currentTask(
          TaskByServerSource.builder()
              .id(taskId)
              .name(task.getName())
              .type(task.getType())
              .state(task.getState())
              .startDate(task.getStartDate())
              .regionId(task.getRegionId())
              .projectId(task.getProjectId())
              .projectName(task.getProjectName())
              .logCollectStatus(taskSettings.logCollectStatus(taskId))
              .build());
    }
    return b.build();
  }

  /** The source server state the service shows while its task is in {@code state}. */
  private static @Nullable SourceServerState serverStateFor(@Nullable TaskState state) {
    if (state == null) {
      return null;
    }
    switch (state.value()) {
      case "RUNNING":
        return SourceServerState.REPLICATE;
      case "SYNCING":
        return SourceServerState.SYNCING;
      case "MIGRATE_SUCCESS":
        return SourceServerState.FINISHED;
      case "MIGRATE_FAIL":
        return SourceServerState.ERROR;
      case "ABORTING":
        return SourceServerState.STOPPING;
      case "ABORT":
        return SourceServerState.STOPPED;
      case "DELETING":
        return SourceServerState.DELETING;
      default:
        return null; // READY and the rollback states: the server's own state
    }
  }

  // ---- what the agent's operations change ----

  SimulatedAgent agent() {
    return agent;
  }

  /** Returns the stored server (not its view), or {@code null}. */
  @Nullable ShowServerResponse storedServer(String id) {
    return servers.get(id);
  }

  /** Replaces a stored server, keeping its place in the list. */
  void replaceServer(ShowServerResponse server) {
    servers.replace(server.getId(), server);
  }

  /** Shows server {@code serverId} in {@code state} until its task starts again. */
  void setPhase(@Nullable String serverId, SourceServerState state) {
    if (serverId != null && servers.containsKey(serverId)) {
      phase.put(serverId, state);
    }
  }

  /** Returns every server as the API shows it, in list order. */
  List<ShowServerResponse> serverViews() {
    List<ShowServerResponse> views = new ArrayList<>(servers.size());
    servers.values().forEach(s -> views.add(withCurrentTask(s)));
    return views;
  }

  // ---- operations ----

  Answer answer(Route.Match match, @Nullable String rawQuery, byte[] body, String requestId) {
    ServiceRequest request = new ServiceRequest(match, new Query(rawQuery), body, requestId);
    String op = request.operation();
    try {
      checkIds(match);
      Answer answer = workflow(request);
      for (int i = 0; answer == null && i < groups.size(); i++) {
        answer = groups.get(i).answer(request);
      }
      return answer != null ? answer : Answer.json(501, ErrorBodies.notEmulated(op, requestId));
    } catch (BadRequest e) {
      return Answer.json(400, ErrorBodies.badRequest(e.getMessage(), requestId));
    } catch (SmsClientException e) { // an unreadable body: the generated reader names the problem
      return Answer.json(
          400,
          ErrorBodies.badRequest(
              op + ": the request body cannot be read: " + e.getMessage(), requestId));
    }
  }

  /** Refuses a task or source server id longer than the API pages allow, before anything else. */
  private static void checkIds(Route.Match match) {
    List<String> names = match.route().variables();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      boolean id = name.equals("task_id") || name.equals("source_id") || name.equals("server_id");
      if (id && match.param(i).length() > MAX_ID_LENGTH) {
        throw new BadRequest(
            match.route().operation()
                + ": "
                + name
                + " must be 1 to "
                + MAX_ID_LENGTH
                + " characters, was "
                + match.param(i).length());
      }
    }
  }

  /** Answers the source servers' and tasks' own operations; {@code null} for any other. */
  private @Nullable Answer workflow(ServiceRequest r) {
    String requestId = r.requestId();
    switch (r.operation()) {
      case "ListServers":
        return listServers(r.query());
      case "ShowServer":
        return showServer(r.param(0), requestId);
      case "RegisterServer":
        return registerServer(PostSourceServerBody.fromJson(r.text()), requestId);
      case "DeleteServer":
        return deleteServers(List.of(r.param(0)), requestId);
      case "DeleteServers":
        return deleteServers(DeleteIds.fromJson(r.text()).getIds(), requestId);
      case "UpdateServerName":
        return updateServerName(r.param(0), PutSourceServerBody.fromJson(r.text()), requestId);
      case "ListTasks":
        return listTasks(r.query());
      case "CreateTask":
        return createTask(PostTask.fromJson(r.text()), requestId);
      case "UpdateTaskStatus":
        return updateTaskStatus(r.param(0), UpdateTaskStatusReq.fromJson(r.text()), requestId);
      case "DeleteTask":
        return deleteTasks(List.of(r.param(0)), requestId);
      case "DeleteTasks":
        return deleteTasks(DeleteTasksReq.fromJson(r.text()).getIds(), requestId);
      case "UpdateTask":
        return updateTask(r.param(0), PutTaskReq.fromJson(r.text()), requestId);
      case "ShowOverview":
        return Answer.json(200, overview().toJson());
      case "ListErrorServers":
        return listErrorServers(r.query());
      default:
        return null;
    }
  }

  private Answer listServers(Query q) {
    List<SourceServersResponseBody> all = new ArrayList<>();
    Predicate<ShowServerResponse> keep =
        s ->
            q.matches("id", s.getId())
                && q.contains("name", s.getName())
                && q.matches("ip", s.getIp())
                && q.matches("state", s.getState() == null ? null : s.getState().value())
                && q.matches(
                    "migration_cycle",
                    s.getMigrationCycle() == null ? null : s.getMigrationCycle().value())
                && q.matches("connected", String.valueOf(s.getConnected()));
    // filtered as shown: a server's state is its task's phase
    for (ShowServerResponse s : serverViews()) {
      if (keep.test(s)) {
        all.add(SourceServersResponseBody.fromJson(s.toJson()));
      }
    }
    return ListBody.of(
        all.size(),
        "source_servers",
        q.page(all, Query.Paging.SERVERS),
        SourceServersResponseBody::toJson);
  }

  private Answer showServer(String id, String requestId) {
    ShowServerResponse s = server(id);
    return s == null
        ? Answer.json(404, ErrorBodies.noSuchServer(id, requestId))
        : Answer.json(200, s.toJson());
  }

  private Answer registerServer(PostSourceServerBody body, String requestId) {
    if (body.getIp() == null || body.getName() == null) {
      throw new BadRequest("RegisterServer needs ip and name");
    }
    if (body.getName().isEmpty() || body.getName().length() > MAX_SERVER_NAME_LENGTH) {
      throw new BadRequest(
          "RegisterServer: name must be 1 to "
              + MAX_SERVER_NAME_LENGTH
              + " characters, was "
              + body.getName().length());
    }
    // the agent registers again after a restart: its record (by id, else by ip and name) is
    // updated with what it reports, not doubled
    ShowServerResponse known = body.getId() == null ? null : servers.get(body.getId());
    for (ShowServerResponse s : servers.values()) {
      if (known == null && body.getIp().equals(s.getIp()) && body.getName().equals(s.getName())) {
        known = s;
      }
    }
    if (known != null) {
      servers.replace(known.getId(), reRegistered(known, body));
      return Answer.json(200, "{\"id\":\"" + known.getId() + "\"}");
    }
    if (servers.size() >= SmsSimulator.MAX_SOURCE_SERVERS) {
      return Answer.json(
          403,
          simulator.strictQuotas()
              ? ErrorBodies.quota("source servers", SmsSimulator.MAX_SOURCE_SERVERS, requestId)
              : ErrorBodies.full("source servers", requestId));
    }
    ShowServerResponse server = addServer(registered(body).build());
    return Answer.json(200, "{\"id\":\"" + server.getId() + "\"}");
  }

  /**
   * Returns server {@code known} updated with what a new registration of it reports: every member
   * the agent sent replaces the stored one, the others stay; the agent is connected again, and new
   * disks get a new proposed {@code init_target_server}.
   */
  private ShowServerResponse reRegistered(ShowServerResponse known, PostSourceServerBody body) {
    ShowServerResponse reported = registered(body).build();
    ShowServerResponse.Builder b =
        ShowServerResponse.fromJson(JsonMerge.members(known.toJson(), reported.toJson()))
            .toBuilder()
            .id(known.getId())
            .connected(true);
    if (!reported.getDisks().isEmpty()) {
      b.initTargetServer(null);
    }
    return completed(b.build());
  }

  /** Returns the server an agent's registration describes, as far as it goes. */
  static ShowServerResponse.Builder registered(PostSourceServerBody body) {
    return ShowServerResponse.builder()
        .ip(body.getIp())
        .name(body.getName())
        .hostname(body.getHostname())
        .osType(body.getOsType())
        .osVersion(body.getOsVersion())
        .firmware(body.getFirmware())
        .cpuQuantity(body.getCpuQuantity())
        .memory(body.getMemory())
        .disks(body.getDisks())
        .volumeGroups(body.getVolumeGroups())
        .btrfsList(body.getBtrfsList())
        .networks(body.getNetworks())
        .agentVersion(body.getAgentVersion())
        .migrationCycle(body.getMigrationCycle())
        .state(body.getState())
        .oemSystem(body.getOemSystem())
        .hasTc(body.getHasTc());
  }

  /** Deletes every server or, when one is unknown or being migrated, none. */
  private Answer deleteServers(List<String> ids, String requestId) {
    if (ids.isEmpty()) {
      throw new BadRequest("ids must not be empty");
    }
    for (String id : ids) {
      if (!servers.containsKey(id)) {
        return Answer.json(404, ErrorBodies.noSuchServer(id, requestId));
      }
      String taskId = taskOfServer.get(id);
      ShowTaskResponse task = taskId == null ? null : simulator.task(taskId);
      if (task != null && working(taskId, task)) {
        return Answer.json(400, ErrorBodies.serverBusy(id, taskId, requestId));
      }
    }
    for (String id : ids) {
      servers.remove(id);
      taskOfServer.remove(id);
      phase.remove(id);
      groups.forEach(g -> g.serverDeleted(id));
    }
    return Answer.json(200, "{}");
  }

  private Answer updateServerName(String id, PutSourceServerBody body, String requestId) {
    ShowServerResponse s = servers.get(id);
    if (s == null) {
      return Answer.json(404, ErrorBodies.noSuchServer(id, requestId));
    }
    if (body.getName() != null) {
      servers.put(id, s.toBuilder().name(body.getName()).build());
    }
    return Answer.json(200, "{}");
  }

  private Answer listTasks(Query q) {
    List<TasksResponseBody> all = new ArrayList<>();
    for (Map.Entry<String, ShowTaskResponse> e : simulator.taskSnapshot().entrySet()) {
      ShowTaskResponse t = e.getValue();
      SourceServer source = t.getSourceServer();
      if (q.matches("id", e.getKey())
          && q.contains("name", t.getName())
          && q.matches("state", t.getState() == null ? null : t.getState().value())
          && q.matches("source_server_id", source == null ? null : source.getId())) {
        all.add(
            TasksResponseBody.fromJson(t.toBuilder().id(e.getKey()).build().toJson()).toBuilder()
                .logCollectStatus(taskSettings.logCollectStatus(e.getKey()))
                .build());
      }
    }
    return ListBody.of(
        all.size(), "tasks", q.page(all, Query.Paging.TASKS), TasksResponseBody::toJson);
  }

  private Answer createTask(PostTask body, String requestId) {
    if (body.getName() == null
        || body.getSourceServer() == null
        || body.getSourceServer().getId() == null
        || body.getTargetServer() == null) {
      throw new BadRequest("CreateTask needs name, source_server.id and target_server");
    }
    checkTaskName("CreateTask", body.getName());
    String serverId = body.getSourceServer().getId();
    ShowServerResponse server = servers.get(serverId);
    if (server == null) {
      return Answer.json(400, ErrorBodies.noSourceServerForTask(serverId, requestId));
    }
    String existing = taskOfServer.get(serverId);
    if (existing != null && simulator.task(existing) != null) {
      return Answer.json(400, ErrorBodies.serverHasTask(serverId, existing, requestId));
    }
    if (simulator.taskCount() >= SmsSimulator.MAX_TASKS) {
      return Answer.json(403, ErrorBodies.full("tasks", requestId));
    }
    boolean autoStart = Boolean.TRUE.equals(body.getAutoStart());
    if (autoStart && quotaReached()) {
      return inFlightQuota(requestId);
    }
    String id = UUID.randomUUID().toString();
    Instant now = simulator.virtualNow();
    ShowTaskResponse task =
        ShowTaskResponse.builder()
            .id(id)
            .name(body.getName())
            .type(body.getType())
            .osType(body.getOsType() != null ? body.getOsType() : server.getOsType())
            .priority(body.getPriority())
            .speedLimit(body.getSpeedLimit())
            .regionId(body.getRegionId())
            .regionName(body.getRegionName())
            .projectId(body.getProjectId())
            .projectName(body.getProjectName())
            .vmTemplateId(body.getVmTemplateId())
            .migrationIp(body.getMigrationIp())
            .startTargetServer(body.getStartTargetServer())
            .sourceServer(
                SourceServer.builder()
                    .id(serverId)
                    .ip(server.getIp())
                    .name(server.getName())
                    .osType(server.getOsType())
                    .osVersion(server.getOsVersion())
                    .state(server.getState())
                    .migrationCycle(server.getMigrationCycle())
                    .build())
            .targetServer(
                TaskTargetServer.builder()
                    .vmId(body.getTargetServer().getVmId())
                    .name(body.getTargetServer().getName())
                    .osType(server.getOsType())
                    .build())
            .state(TaskState.READY)
            .connected(server.getConnected())
            .createDate(now)
            .migrateSpeed(0.0)
            .errorJson("")
            .build();
    created.put(id, task);
    taskOfServer.put(serverId, id);
    simulator.storeTask(id, SimulatedTask.fixed(id, task));
    if (Boolean.TRUE.equals(body.getSyncing())) {
      syncing.add(id);
    }
    if (autoStart) {
      start(id, task, null);
    }
    return Answer.json(200, "{\"id\":\"" + id + "\"}");
  }

  private Answer updateTaskStatus(String id, UpdateTaskStatusReq body, String requestId) {
    ShowTaskResponse task = simulator.task(id);
    if (task == null) {
      return Answer.json(404, ErrorBodies.noSuchTask(id, requestId));
    }
    if (body.getOperation() == null) {
      throw new BadRequest("UpdateTaskStatus needs operation");
    }
    String operation = body.getOperation().value();
    String state = task.getState() == null ? "" : task.getState().value();
    String serverId = task.getSourceServer() == null ? null : task.getSourceServer().getId();
    SimulatedTask simulated = simulator.simulatedTask(id);
    boolean starting = simulated != null && simulated.script() != null && simulated.leading();
    boolean succeeded = state.equals("MIGRATE_SUCCESS");
    switch (operation) {
      case "start":
        // READY: a first start; ABORT: resumes where the stop left it; MIGRATE_FAIL: a retry
        if (starting
            || !(state.equals("READY") || state.equals("ABORT") || state.equals("MIGRATE_FAIL"))) {
          return refused(operation, id, state, requestId);
        }
        if (quotaReached()) {
          return inFlightQuota(requestId);
        }
        Resume resume = stopped.get(id);
        if (state.equals("ABORT") && resume != null) {
          resume(id, resume);
        } else {
          start(id, created.getOrDefault(id, task), body);
        }
        break;
      case "stop":
        if (!state.equals("RUNNING") && !state.equals("SYNCING") && !starting) {
          return refused(operation, id, state, requestId);
        }
        stop(id, task, simulated);
        break;
      case "restart":
        if (working(id, task) || state.equals("READY")) {
          return refused(operation, id, state, requestId);
        }
        if (quotaReached()) {
          return inFlightQuota(requestId);
        }
        start(id, created.getOrDefault(id, task), body);
        break;
      case "skip":
        if (!working(id, task)
            || simulated == null
            || !simulated.skipPast(SmsSimulator.CONSISTENCY_CHECK, simulator.virtualNow())) {
          return refused(operation, id, state + " with no consistency check to skip", requestId);
        }
        break;
      case "clear":
        if (working(id, task) || state.equals("READY")) {
          return refused(operation, id, state, requestId);
        }
        patch(id, "target_snapshot_id", t -> t.targetSnapshotId(null));
        setPhase(serverId, SourceServerState.CLEARED);
        break;
      case "test":
        if (!succeeded) {
          return refused(operation, id, state, requestId);
        }
        setPhase(serverId, SourceServerState.TESTING);
        break;
      case "clone_test":
        if (!succeeded) {
          return refused(operation, id, state, requestId);
        }
        TaskTargetServer target = task.getTargetServer();
        CloneServer clone =
            CloneServer.builder()
                .vmId(UUID.randomUUID().toString())
                .name((target == null ? task.getName() : target.getName()) + "-clone")
                .cloneState("success")
                .cloneError("")
                .errorMsg("")
                .build();
        patch(id, "clone_server", t -> t.cloneServer(clone));
        break;
      case "network_check":
        if (working(id, task)) {
          return refused(operation, id, state, requestId);
        }
        patch(id, "network_check_info", t -> t.networkCheckInfo(NETWORK_CHECK));
        break;
      case "migration_test":
        // a migration drill of the target: the simulator's drill is over at once
        if (!succeeded && !state.equals("SYNCING")) {
          return refused(operation, id, state, requestId);
        }
        setPhase(serverId, SourceServerState.of("premiged"));
        break;
      case "sync_failed_rollback":
        if (!state.equals("MIGRATE_FAIL")) {
          return refused(operation, id, state, requestId);
        }
        stopped.remove(id);
        simulator.storeTask(
            id,
            SimulatedTask.leading(
                id,
                TaskState.SYNC_F_ROLLBACKING,
                task.toBuilder().state(TaskState.SYNC_F_ROLLBACK_SUCCESS).build()));
        break;
      case "collect_log":
        // the agent uploads the logs: its command is queued below, whatever the task's state
        break;
      default:
        return Answer.json(
            501, ErrorBodies.notEmulated("UpdateTaskStatus operation=" + operation, requestId));
    }
    if (serverId != null) {
      agent.send(serverId, operation, id);
    }
    return Answer.json(200, "{}");
  }

  /**
   * Stops task {@code id}: the next poll sees it {@code ABORTING}, later ones {@code ABORT} where
   * it was; a scripted run is remembered, for {@code start} to resume it.
   */
  private void stop(String id, ShowTaskResponse task, @Nullable SimulatedTask simulated) {
    Instant now = simulator.virtualNow();
    if (simulated != null && simulated.script() != null) {
      stopped.put(id, new Resume(simulated.script(), simulated.frameNow(now)));
    }
    ShowTaskResponse aborted =
        task.toBuilder().state(TaskState.ABORT).migrateSpeed(0.0).remainSeconds(null).build();
    simulator.storeTask(id, SimulatedTask.leading(id, TaskState.ABORTING, aborted));
  }

  /** Whether one more start would pass the documented number of migrations in flight. */
  private boolean quotaReached() {
    if (!simulator.strictQuotas()) {
      return false;
    }
    int inFlight = 0;
    for (Map.Entry<String, ShowTaskResponse> e : simulator.taskSnapshot().entrySet()) {
      String state = e.getValue().getState() == null ? "" : e.getValue().getState().value();
      SimulatedTask t = simulator.simulatedTask(e.getKey());
      boolean starting = t != null && t.script() != null && t.leading();
      if (state.equals("RUNNING")
          || state.equals("SYNCING")
          || state.equals("ABORTING")
          || (state.equals("READY") && starting)) {
        inFlight++;
      }
    }
    return inFlight >= SmsSimulator.MAX_MIGRATIONS_IN_FLIGHT;
  }

  private static Answer inFlightQuota(String requestId) {
    return Answer.json(
        403,
        ErrorBodies.quota(
            "migrations in flight", SmsSimulator.MAX_MIGRATIONS_IN_FLIGHT, requestId));
  }

  private static void checkTaskName(String operation, String name) {
    if (name.isEmpty() || name.length() > MAX_TASK_NAME_LENGTH) {
      throw new BadRequest(
          operation
              + ": name must be 1 to "
              + MAX_TASK_NAME_LENGTH
              + " characters, was "
              + name.length());
    }
  }

  /**
   * Changes every later answer about task {@code id} while it exists, replacing the earlier change
   * of the same {@code what}.
   */
  void patch(String id, String what, Consumer<ShowTaskResponse.Builder> change) {
    SimulatedTask task = simulator.simulatedTask(id);
    if (task != null) {
      task.patch(what, change);
    }
  }

  private Answer refused(String operation, String id, String state, String requestId) {
    return Answer.json(400, ErrorBodies.actionRefused(operation, id, state, requestId));
  }

  /**
   * Starts task {@code id} from the beginning of the lifecycle chosen now: the next poll sees it
   * {@code READY}, then it runs.
   */
  private void start(String id, ShowTaskResponse base, @Nullable UpdateTaskStatusReq how) {
    boolean check = how != null && Boolean.TRUE.equals(how.getIsNeedConsistencyCheck());
    if (base.getSourceServer() != null) {
      phase.remove(base.getSourceServer().getId());
    }
    stopped.remove(id);
    TaskScript script = simulator.startedTaskScript(base, check);
    simulator.storeTask(
        id,
        SimulatedTask.started(
            id, script.toBuilder().baseTask(base).build(), simulator.virtualNow(), 0));
    afterStart(id);
  }

  /** Starts a stopped task again where its run was stopped: {@code READY} once, then on. */
  private void resume(String id, Resume resume) {
    ShowTaskResponse base = created.get(id);
    if (base != null && base.getSourceServer() != null) {
      phase.remove(base.getSourceServer().getId());
    }
    stopped.remove(id);
    simulator.storeTask(
        id, SimulatedTask.started(id, resume.script(), simulator.virtualNow(), resume.frame()));
    if (base != null) {
      patch(id, "UpdateTask", userFields(base));
    }
    afterStart(id);
  }

  /** A task created with {@code syncing=true} goes on {@code SYNCING} once it has migrated. */
  private void afterStart(String id) {
    if (syncing.contains(id)) {
      patch(
          id,
          "syncing",
          t -> {
            if (TaskState.MIGRATE_SUCCESS.equals(t.build().getState())) {
              t.state(TaskState.SYNCING).finishDate(null);
            }
          });
    }
  }

  /**
   * Changes what a user may set on a task that is not working: name, type, OS, priority, region,
   * project, enterprise project, migration IP, speed limit, template, whether to start the target
   * server, and the target server's name and VM id. What the service sets (state, dates, progress)
   * is ignored; the change outlives {@code restart}.
   */
  private Answer updateTask(String id, PutTaskReq body, String requestId) {
    ShowTaskResponse task = simulator.task(id);
    if (task == null) {
      return Answer.json(404, ErrorBodies.noSuchTask(id, requestId));
    }
    if (working(id, task)) {
      return refused("UpdateTask", id, task.getState().value(), requestId);
    }
    if (body.getName() != null) {
      checkTaskName("UpdateTask", body.getName());
    }
    ShowTaskResponse.Builder b = created.getOrDefault(id, task).toBuilder();
    Optional.ofNullable(body.getName()).ifPresent(b::name);
    Optional.ofNullable(body.getType()).ifPresent(b::type);
    Optional.ofNullable(body.getOsType()).ifPresent(b::osType);
    Optional.ofNullable(body.getPriority()).ifPresent(b::priority);
    Optional.ofNullable(body.getRegionId()).ifPresent(b::regionId);
    Optional.ofNullable(body.getRegionName()).ifPresent(b::regionName);
    Optional.ofNullable(body.getProjectId()).ifPresent(b::projectId);
    Optional.ofNullable(body.getProjectName()).ifPresent(b::projectName);
    Optional.ofNullable(body.getEnterpriseProjectId()).ifPresent(b::enterpriseProjectId);
    Optional.ofNullable(body.getMigrationIp()).ifPresent(b::migrationIp);
    Optional.ofNullable(body.getSpeedLimit()).ifPresent(b::speedLimit);
    Optional.ofNullable(body.getVmTemplateId()).ifPresent(b::vmTemplateId);
    Optional.ofNullable(body.getStartTargetServer()).ifPresent(b::startTargetServer);
    TargetServer target = body.getTargetServer();
    if (target != null && b.build().getTargetServer() != null) {
      TaskTargetServer.Builder t = b.build().getTargetServer().toBuilder();
      Optional.ofNullable(target.getName()).ifPresent(t::name);
      Optional.ofNullable(target.getVmId()).ifPresent(t::vmId);
      b.targetServer(t.build());
    }
    ShowTaskResponse changed = b.build();
    if (created.containsKey(id)) {
      created.put(id, changed);
    }
    patch(id, "UpdateTask", userFields(changed));
    return Answer.json(200, "{}");
  }

  /** Returns what sets the members a user may change on a task to those of {@code changed}. */
  private static Consumer<ShowTaskResponse.Builder> userFields(ShowTaskResponse changed) {
    return t ->
        t.name(changed.getName())
            .type(changed.getType())
            .osType(changed.getOsType())
            .priority(changed.getPriority())
            .regionId(changed.getRegionId())
            .regionName(changed.getRegionName())
            .projectId(changed.getProjectId())
            .projectName(changed.getProjectName())
            .enterpriseProjectId(changed.getEnterpriseProjectId())
            .migrationIp(changed.getMigrationIp())
            .speedLimit(changed.getSpeedLimit())
            .vmTemplateId(changed.getVmTemplateId())
            .startTargetServer(changed.getStartTargetServer())
            .targetServer(changed.getTargetServer());
  }

  /**
   * Counts the servers per state as the API shows them; states the overview has no field for are
   * not counted.
   */
  private ShowOverviewResponse overview() {
    Map<String, Integer> counts = new HashMap<>();
    for (ShowServerResponse s : serverViews()) {
      if (s.getState() != null) {
        counts.merge(s.getState().value(), 1, Integer::sum);
      }
    }
    return ShowOverviewResponse.builder()
        .waiting(counts.getOrDefault("waiting", 0))
        .replicate(counts.getOrDefault("replicate", 0))
        .syncing(counts.getOrDefault("syncing", 0))
        .stopped(counts.getOrDefault("stopped", 0))
        .deleting(counts.getOrDefault("deleting", 0))
        .cutovering(counts.getOrDefault("cutovering", 0))
        .unavailable(counts.getOrDefault("unavailable", 0))
        .stopping(counts.getOrDefault("stopping", 0))
        .skipping(counts.getOrDefault("skipping", 0))
        .finished(counts.getOrDefault("finished", 0))
        .initialize(counts.getOrDefault("initialize", 0))
        .error(counts.getOrDefault("error", 0))
        .cloning(counts.getOrDefault("cloning", 0))
        .unconfigured(0) // the simulator's servers are always configured
        .build();
  }

  /**
   * Lists the servers in state {@code error}, with their task's {@code error_json}; paged like the
   * other lists. The simulator puts servers in no migration project, so {@code migproject} and
   * {@code enterprise_project_id} filter nothing.
   */
  private Answer listErrorServers(Query q) {
    List<MigrationErrors> all = new ArrayList<>();
    for (ShowServerResponse s : serverViews()) {
      if (!SourceServerState.ERROR.equals(s.getState())) {
        continue;
      }
      String taskId = taskOfServer.get(s.getId());
      ShowTaskResponse task = taskId == null ? null : simulator.task(taskId);
      TaskTargetServer target = task == null ? null : task.getTargetServer();
      all.add(
          MigrationErrors.builder()
              .sourceId(s.getId())
              .name(s.getName())
              .hostName(s.getHostname())
              .sourceIp(s.getIp())
              .targetIp(target == null ? null : target.getIp())
              .errorJson(task == null ? "" : task.getErrorJson())
              .build());
    }
    return ListBody.of(
        all.size(), "migration_errors", q.page(all, Query.Paging.ERRORS), MigrationErrors::toJson);
  }

  /** Deletes every task or, when one is unknown or working, none. */
  private Answer deleteTasks(List<String> ids, String requestId) {
    if (ids.isEmpty()) {
      throw new BadRequest("ids must not be empty");
    }
    for (String id : ids) {
      ShowTaskResponse task = simulator.task(id);
      if (task == null) {
        return Answer.json(404, ErrorBodies.noSuchTask(id, requestId));
      }
      if (working(id, task) && agentConnected(task)) {
        return Answer.json(400, ErrorBodies.taskRunning(id, task.getState().value(), requestId));
      }
    }
    for (String id : ids) {
      simulator.dropTask(id);
      forgetTask(id);
    }
    return Answer.json(200, "{}");
  }

  /**
   * Whether the agent of the task's source server is connected: a task whose agent is not may be
   * deleted whatever its state, as the DeleteTasks page says.
   */
  private boolean agentConnected(ShowTaskResponse task) {
    SourceServer source = task.getSourceServer();
    ShowServerResponse server = source == null ? null : servers.get(source.getId());
    return server == null || !Boolean.FALSE.equals(server.getConnected());
  }

  void forgetTask(String id) {
    created.remove(id);
    syncing.remove(id);
    stopped.remove(id);
    taskOfServer.values().remove(id);
    groups.forEach(g -> g.taskDeleted(id));
  }

  /**
   * Whether task {@code id} is working: running, syncing, stopping, being deleted, or started and
   * waiting for its agent ({@code READY} until its first poll). It may then be stopped, not
   * deleted, changed nor started again.
   */
  private boolean working(String id, ShowTaskResponse task) {
    if (task.getState() != null && WORKING.contains(task.getState().value())) {
      return true;
    }
    SimulatedTask simulated = simulator.simulatedTask(id);
    return simulated != null && simulated.script() != null && simulated.leading();
  }
}
