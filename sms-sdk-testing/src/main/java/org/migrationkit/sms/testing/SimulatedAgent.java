package org.migrationkit.sms.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.model.CommandBody;
import org.migrationkit.sms.model.CommandParam;
import org.migrationkit.sms.model.PutCopyStateReq;
import org.migrationkit.sms.model.PutDiskInfoReq;
import org.migrationkit.sms.model.ShowCommandResponse;
import org.migrationkit.sms.model.ShowServerResponse;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.SourceServerState;
import org.migrationkit.sms.model.SubTask;
import org.migrationkit.sms.model.UpdateTaskSpeedReq;

/**
 * The operations the migration agent on a source server calls, answered from memory: it fetches the
 * commands the service queued for it (ShowCommand) and reports their results (UpdateCommandResult),
 * reports its replication state (UpdateCopyState), its disks (UpdateDiskInfo) and the progress of a
 * sub-task (UpdateTaskSpeed).
 *
 * <p>Commands: each accepted {@code UpdateTaskStatus} action on a server's task but {@code test}
 * and {@code clone_test} (which run on the target side) queues a command named after it in upper
 * case ({@code START}, {@code STOP}, {@code RESTART}, {@code SKIP}, {@code CLEAR}, {@code
 * NETWORK_CHECK}) and {@code CollectLog} queues {@code UPLOAD_LOG} with its bucket, each with the
 * task id. ShowCommand answers the oldest pending command, or no {@code command_name} when none is
 * pending; UpdateCommandResult for that command removes it, for any other is refused (400 {@code
 * SMS.9001}). A server keeps at most {@value #MAX_PENDING} pending commands, the oldest dropped.
 */
final class SimulatedAgent implements EmulatedOperations {
  /** How many commands wait for one server's agent at most. */
  static final int MAX_PENDING = 100;

  private final SmsSimulator simulator;
  private final SimulatedService service;
  private final Map<String, Deque<ShowCommandResponse>> pending = new HashMap<>();

  SimulatedAgent(SmsSimulator simulator, SimulatedService service) {
    this.simulator = simulator;
    this.service = service;
  }

  /** Queues the command for {@code action}, an accepted UpdateTaskStatus operation. */
  void send(String serverId, String action, String taskId) {
    if (!action.equals("test") && !action.equals("clone_test")) {
      queue(
          serverId, action.toUpperCase(Locale.ROOT), CommandParam.builder().taskId(taskId).build());
    }
  }

  /** Queues {@code command} for the agent of server {@code serverId}. */
  void queue(String serverId, String command, CommandParam param) {
    Deque<ShowCommandResponse> commands =
        pending.computeIfAbsent(serverId, id -> new ArrayDeque<>());
    if (commands.size() == MAX_PENDING) {
      commands.removeFirst();
    }
    commands.addLast(
        ShowCommandResponse.builder().commandName(command).commandParam(param).build());
  }

  @Override
  public void serverDeleted(String serverId) {
    pending.remove(serverId);
  }

  @Override
  public @Nullable Answer answer(ServiceRequest request) {
    switch (request.operation()) {
      case "ShowCommand":
        return showCommand(request);
      case "UpdateCommandResult":
        return updateCommandResult(request);
      case "UpdateCopyState":
        return updateCopyState(request);
      case "UpdateDiskInfo":
        return updateDiskInfo(request);
      case "UpdateTaskSpeed":
        return updateTaskSpeed(request);
      default:
        return null;
    }
  }

  private Answer showCommand(ServiceRequest r) {
    String serverId = r.param(0);
    if (service.storedServer(serverId) == null) {
      return Answer.json(404, ErrorBodies.noSuchServer(serverId, r.requestId()));
    }
    Deque<ShowCommandResponse> commands = pending.get(serverId);
    ShowCommandResponse next = commands == null ? null : commands.peekFirst();
    return Answer.json(200, next == null ? "{}" : next.toJson());
  }

  private Answer updateCommandResult(ServiceRequest r) {
    String serverId = r.param(0);
    CommandBody body = CommandBody.fromJson(r.text());
    if (body.getCommandName() == null || body.getResult() == null) {
      throw new BadRequest("UpdateCommandResult needs command_name and result");
    }
    if (service.storedServer(serverId) == null) {
      return Answer.json(404, ErrorBodies.noSuchServer(serverId, r.requestId()));
    }
    Deque<ShowCommandResponse> commands = pending.get(serverId);
    ShowCommandResponse next = commands == null ? null : commands.peekFirst();
    if (next == null || !body.getCommandName().equals(next.getCommandName())) {
      throw new BadRequest(
          "no pending command "
              + body.getCommandName()
              + " for source server "
              + serverId
              + (next == null ? "" : "; pending: " + next.getCommandName()));
    }
    commands.removeFirst();
    return Answer.json(200, "{}");
  }

  /**
   * The server states in which the service neither checks an {@code UpdateCopyState} nor applies it
   * (the UpdateCopyState page, 2026): the report is answered 200 and changes nothing.
   */
  static final Set<String> COPY_STATE_IGNORED =
      Set.of(
          "unavailable", "stopping", "stopped", "deleting", "finished", "clearing", "clearfailed");

  private Answer updateCopyState(ServiceRequest r) {
    String serverId = r.param(0);
    ShowServerResponse server = service.storedServer(serverId);
    if (server == null) {
      return Answer.json(404, ErrorBodies.noSuchServer(serverId, r.requestId()));
    }
    ShowServerResponse shown = service.server(serverId);
    if (shown != null
        && shown.getState() != null
        && COPY_STATE_IGNORED.contains(shown.getState().value())) {
      return Answer.json(200, "{}");
    }
    PutCopyStateReq body = PutCopyStateReq.fromJson(r.text());
    if (body.getCopystate() == null && body.getMigrationcycle() == null) {
      throw new BadRequest("UpdateCopyState needs copystate or migrationcycle");
    }
    if (body.getMigrationcycle() != null) {
      service.replaceServer(server.toBuilder().migrationCycle(body.getMigrationcycle()).build());
    }
    if (body.getCopystate() != null) {
      service.setPhase(serverId, serverState(body.getCopystate().value()));
    }
    return Answer.json(200, "{}");
  }

  /** The copy states are the server states in upper case, but INIT for initialize. */
  private static SourceServerState serverState(String copyState) {
    String state = copyState.toLowerCase(Locale.ROOT);
    return SourceServerState.of(state.equals("init") ? "initialize" : state);
  }

  private Answer updateDiskInfo(ServiceRequest r) {
    String serverId = r.param(0);
    PutDiskInfoReq body = PutDiskInfoReq.fromJson(r.text());
    ShowServerResponse server = service.storedServer(serverId);
    if (server == null) {
      return Answer.json(404, ErrorBodies.noSuchServer(serverId, r.requestId()));
    }
    if (body.getDisks().isEmpty()) {
      throw new BadRequest("UpdateDiskInfo needs disks");
    }
    // the target layout the service proposes follows the disks the agent reports
    service.replaceServer(
        service.completed(
            server.toBuilder()
                .disks(body.getDisks())
                .volumeGroups(body.getVolumegroups())
                .btrfsList(body.getBtrfsList())
                .initTargetServer(null)
                .build()));
    return Answer.json(200, "{}");
  }

  private Answer updateTaskSpeed(ServiceRequest r) {
    String taskId = r.param(0);
    UpdateTaskSpeedReq body = UpdateTaskSpeedReq.fromJson(r.text());
    if (body.getSubtaskName() == null
        || body.getProgress() == null
        || body.getReplicatesize() == null
        || body.getTotalsize() == null
        || body.getProcessTrace() == null) {
      throw new BadRequest(
          "UpdateTaskSpeed needs subtask_name, progress, replicatesize, totalsize and"
              + " process_trace");
    }
    int progress = body.getProgress();
    if (progress < 0 || progress > 100) {
      throw new BadRequest("progress must be 0 to 100, was " + progress);
    }
    ShowTaskResponse task = simulator.task(taskId);
    if (task == null) {
      return Answer.json(404, ErrorBodies.noSuchTask(taskId, r.requestId()));
    }
    String state = task.getState() == null ? "" : task.getState().value();
    SimulatedTask simulated = simulator.simulatedTask(taskId);
    boolean starting = simulated != null && simulated.script() != null && simulated.leading();
    if (!state.equals("RUNNING") && !state.equals("SYNCING") && !starting) {
      return Answer.json(
          400, ErrorBodies.actionRefused("UpdateTaskSpeed", taskId, state, r.requestId()));
    }
    String name = body.getSubtaskName().value();
    service.patch(
        taskId,
        "progress of " + name,
        t -> {
          List<SubTask> subTasks = new ArrayList<>(t.build().getSubTasks());
          subTasks.replaceAll(
              s ->
                  name.equals(s.getName())
                      ? s.toBuilder()
                          .progress(progress)
                          .processTrace(body.getProcessTrace())
                          .build()
                      : s);
          t.subTasks(subTasks);
          if (body.getMigrateSpeed() != null) {
            t.migrateSpeed(body.getMigrateSpeed());
          }
          if (body.getCompressRate() != null) {
            t.compressRate(body.getCompressRate());
          }
          if (body.getRemainTime() != null) {
            t.remainSeconds(body.getRemainTime());
          }
          t.totalCpuUsage(body.getTotalCpuUsage())
              .agentCpuUsage(body.getAgentCpuUsage())
              .totalMemUsage(body.getTotalMemUsage())
              .agentMemUsage(body.getAgentMemUsage())
              .totalDiskIo(body.getTotalDiskIo())
              .agentDiskIo(body.getAgentDiskIo());
        });
    String serverId = task.getSourceServer() == null ? null : task.getSourceServer().getId();
    ShowServerResponse server = serverId == null ? null : service.storedServer(serverId);
    if (server != null) {
      service.replaceServer(
          server.toBuilder()
              .replicatesize(body.getReplicatesize())
              .totalsize(body.getTotalsize())
              .build());
    }
    return Answer.json(200, "{}");
  }
}
