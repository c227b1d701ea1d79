package org.migrationkit.sms.testing;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.model.CommandParam;
import org.migrationkit.sms.model.ConfigBody;
import org.migrationkit.sms.model.ConfigurationRequestBody;
import org.migrationkit.sms.model.ConsistencyResult;
import org.migrationkit.sms.model.ConsistencyResultRequestBodyResultList;
import org.migrationkit.sms.model.LogCollectStatus;
import org.migrationkit.sms.model.NetworkCheckInfo;
import org.migrationkit.sms.model.SetConsistencyResultRequestBody;
import org.migrationkit.sms.model.ShowCertKeyResponse;
import org.migrationkit.sms.model.ShowConfigSettingResponse;
import org.migrationkit.sms.model.ShowConsistencyResultResponse;
import org.migrationkit.sms.model.ShowPassphraseResponse;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.ShowsSpeedLimitsResponse;
import org.migrationkit.sms.model.SpeedLimit;
import org.migrationkit.sms.model.SpeedLimitlJson;
import org.migrationkit.sms.model.UploadLogRequestBody;

/**
 * What a migration task carries besides its state, answered from memory and kept per task id for as
 * long as the task exists: deleting the task (or {@code removeTask}) forgets all of it, so a later
 * task never inherits anything. Every operation on a task that does not exist answers 404 {@code
 * SMS.1204}, before its body is read.
 *
 * <ul>
 *   <li>{@code ShowCertKey}: PEM-shaped placeholders, made once per task and the same on every
 *       call. They are <em>not</em> certificates or keys: their text says {@code SIMULATED} and
 *       nothing can parse them as ASN.1. {@code ca} is sent only with {@code enable_ca_cert=true}.
 *   <li>{@code ShowPassphrase}: a random passphrase (24 characters from 18 random bytes), made once
 *       per task and the same on every call; a new task gets a new one. It is never written into an
 *       error message.
 *   <li>{@code UploadSpecialConfigurationSetting} stores {@code configurations}, each replacing the
 *       one with its {@code config_key}; {@code ShowConfigSetting} answers them in the order their
 *       keys were first set, filtered by {@code config_key}, with the task's {@code task_id} and
 *       {@code migrate_type} (the task's {@code type}).
 *   <li>{@code UpdateConsistencyResult} records one check: {@code ShowConsistencyResult} lists
 *       every recorded check, oldest first, each as {@code finished_time} (the virtual clock when
 *       it was reported) and its {@code consistency_result}; {@code check_result} is left out, as
 *       the API description gives it no values. The latest 100 checks are kept.
 *   <li>{@code UpdateSpeed} replaces the task's speed-limit schedule and {@code ShowsSpeedLimits}
 *       answers it. Each period needs {@code start} and {@code end} as {@code HH:MM} (00:00 to
 *       23:59; {@code end} may also be 24:00) with {@code end} after {@code start}, and {@code
 *       speed} 0 to 1000 (Mbit/s), as the SDKs' model documents; {@code over_speed_threshold} is
 *       kept as sent.
 *   <li>{@code CollectLog} needs {@code log_bucket}; it queues the command {@code UPLOAD_LOG} (with
 *       the task id and bucket) for the agent of the task's server, and the task's log collection
 *       becomes {@code TELL_AGENT_TO_COLLECT} (its {@code log_collect_status} in ListTasks and in
 *       the server's {@code current_task}) and stays so, as no agent collects.
 *   <li>{@code UpdateNetworkCheckInfo} needs every member the model requires ({@code
 *       network_delay}, {@code network_jitter}, {@code migration_speed}, {@code loss_percentage},
 *       {@code cpu_usage}, {@code mem_usage}, {@code evaluation_result}); the latest report (or
 *       {@code network_check} action) is the task's {@code network_check_info}.
 *   <li>{@code UnlockTargetEcs} answers 200 for any existing task and changes nothing.
 *   <li>{@code CheckNetAcl} (a target project and network, not a task) needs {@code region_id} and
 *       {@code os_type} ({@code WINDOWS} or {@code LINUX}) and always answers that the ACL allows
 *       the migration: the body text {@code true}. The simulator knows no networks to judge.
 * </ul>
 *
 * <p>Refusals are 400 {@code SMS.9001} naming the member: a missing body or required member, an
 * empty {@code configurations} or {@code speed_limit}, a value out of its range, or more than 100
 * configurations per task, speed-limit periods per request or directories per consistency report.
 */
final class SimulatedTaskSettings implements EmulatedOperations {
  /**
   * The most configuration keys a task holds, speed-limit periods one schedule holds and
   * directories one consistency report holds.
   */
  static final int MAX_ENTRIES = 100;

  /** The most consistency checks kept per task; older ones are forgotten. */
  static final int MAX_CONSISTENCY_CHECKS = 100;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final SmsSimulator simulator;
  // one entry per existing task that was asked about; bounded by the task store
  private final Map<String, Settings> byTask = new HashMap<>();

  SimulatedTaskSettings(SmsSimulator simulator) {
    this.simulator = simulator;
  }

  /** What one task carries. */
  private static final class Settings {
    @Nullable ShowCertKeyResponse certKey;
    @Nullable String passphrase;
    final Map<String, ConfigBody> configurations = new LinkedHashMap<>();
    final Deque<ConsistencyResultRequestBodyResultList> checks = new ArrayDeque<>();
    List<SpeedLimitlJson> speedLimits = List.of();
    @Nullable LogCollectStatus logCollectStatus;
  }

  @Override
  public @Nullable Answer answer(ServiceRequest r) {
    switch (r.operation()) {
      case "ShowCertKey":
      case "ShowConfigSetting":
      case "UploadSpecialConfigurationSetting":
      case "ShowConsistencyResult":
      case "UpdateConsistencyResult":
      case "ShowPassphrase":
      case "ShowsSpeedLimits":
      case "UpdateSpeed":
      case "CollectLog":
      case "UnlockTargetEcs":
      case "UpdateNetworkCheckInfo":
        return onTask(r);
      case "CheckNetAcl":
        return checkNetAcl(r.query());
      default:
        return null;
    }
  }

  @Override
  public void taskDeleted(String taskId) {
    byTask.remove(taskId);
  }

  /** {@return the task's log collection state, or {@code null} when none was asked} */
  @Nullable LogCollectStatus logCollectStatus(String taskId) {
    Settings s = byTask.get(taskId);
    return s == null ? null : s.logCollectStatus;
  }

  private Answer onTask(ServiceRequest r) {
    String taskId = r.param(0);
    ShowTaskResponse task = simulator.task(taskId);
    if (task == null) {
      return Answer.json(404, ErrorBodies.noSuchTask(taskId, r.requestId()));
    }
    Settings s = byTask.computeIfAbsent(taskId, id -> new Settings());
    switch (r.operation()) {
      case "ShowCertKey":
        return showCertKey(taskId, s, r.query());
      case "ShowConfigSetting":
        return showConfigSetting(taskId, task, s, r.query());
      case "UploadSpecialConfigurationSetting":
        return uploadConfigurations(s, ConfigurationRequestBody.fromJson(r.text()));
      case "ShowConsistencyResult":
        return Answer.json(
            200,
            ShowConsistencyResultResponse.builder()
                .taskId(taskId)
                .resultList(new ArrayList<>(s.checks))
                .build()
                .toJson());
      case "UpdateConsistencyResult":
        return recordConsistency(s, SetConsistencyResultRequestBody.fromJson(r.text()));
      case "ShowPassphrase":
        if (s.passphrase == null) {
          byte[] bytes = new byte[18];
          RANDOM.nextBytes(bytes);
          s.passphrase = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        return Answer.json(
            200,
            ShowPassphraseResponse.builder()
                .taskId(taskId)
                .passphrase(s.passphrase)
                .build()
                .toJson());
      case "ShowsSpeedLimits":
        return Answer.json(
            200, ShowsSpeedLimitsResponse.builder().speedLimit(s.speedLimits).build().toJson());
      case "UpdateSpeed":
        return updateSpeed(s, SpeedLimit.fromJson(r.text()));
      case "CollectLog":
        // the simulator uploads nothing, so the bucket is checked, not kept
        String bucket = UploadLogRequestBody.fromJson(r.text()).getLogBucket();
        if (bucket == null || bucket.isEmpty()) {
          throw new BadRequest("CollectLog needs log_bucket");
        }
        s.logCollectStatus = LogCollectStatus.TELL_AGENT_TO_COLLECT;
        if (task.getSourceServer() != null && task.getSourceServer().getId() != null) {
          simulator
              .service()
              .agent()
              .queue(
                  task.getSourceServer().getId(),
                  "UPLOAD_LOG",
                  CommandParam.builder().taskId(taskId).bucket(bucket).build());
        }
        return Answer.json(200, "{}");
      case "UnlockTargetEcs":
        return Answer.json(200, "{}");
      case "UpdateNetworkCheckInfo":
        return updateNetworkCheckInfo(taskId, NetworkCheckInfo.fromJson(r.text()));
      default:
        throw new IllegalStateException(r.operation()); // answer() routes only the cases above
    }
  }

  private static Answer showCertKey(String taskId, Settings s, Query q) {
    if (s.certKey == null) {
      String serial = UUID.randomUUID().toString();
      s.certKey =
          ShowCertKeyResponse.builder()
              .cert(placeholder("CERTIFICATE", "task certificate", taskId, serial))
              .privateKey(placeholder("PRIVATE KEY", "task private key", taskId, serial))
              .ca(placeholder("CERTIFICATE", "CA certificate", taskId, serial))
              .targetMgmtCert(placeholder("CERTIFICATE", "target management", taskId, serial))
              .targetMgmtPrivateKey(placeholder("PRIVATE KEY", "target management", taskId, serial))
              .targetDataCert(placeholder("CERTIFICATE", "target data", taskId, serial))
              .targetDataPrivateKey(placeholder("PRIVATE KEY", "target data", taskId, serial))
              .build();
    }
    ShowCertKeyResponse answer = s.certKey;
    if (!"true".equals(q.value("enable_ca_cert"))) {
      answer = answer.toBuilder().ca(null).build();
    }
    return Answer.json(200, answer.toJson());
  }

  private static String placeholder(String label, String what, String taskId, String serial) {
    return "-----BEGIN "
        + label
        + "-----\nSIMULATED "
        + what
        + ", NOT A REAL "
        + label
        + "\ntask "
        + taskId
        + " serial "
        + serial
        + "\n-----END "
        + label
        + "-----\n";
  }

  private static Answer showConfigSetting(
      String taskId, ShowTaskResponse task, Settings s, Query q) {
    List<ConfigBody> matching = new ArrayList<>();
    for (ConfigBody c : s.configurations.values()) {
      if (q.matches("config_key", c.getConfigKey())) {
        matching.add(c);
      }
    }
    return Answer.json(
        200,
        ShowConfigSettingResponse.builder()
            .taskId(taskId)
            .migrateType(task.getType() == null ? null : task.getType().value())
            .configurations(matching)
            .build()
            .toJson());
  }

  private static Answer uploadConfigurations(Settings s, ConfigurationRequestBody body) {
    List<ConfigBody> configurations = body.getConfigurations();
    if (configurations.isEmpty()) {
      throw new BadRequest("UploadSpecialConfigurationSetting needs configurations");
    }
    Map<String, ConfigBody> merged = new LinkedHashMap<>(s.configurations);
    for (int i = 0; i < configurations.size(); i++) {
      ConfigBody c = configurations.get(i);
      if (c.getConfigKey() == null || c.getConfigKey().isEmpty()) {
        throw new BadRequest("configurations[" + i + "].config_key is missing");
      }
      if (c.getConfigValue() == null) {
        throw new BadRequest("configurations[" + i + "].config_value is missing");
      }
      merged.put(c.getConfigKey(), c);
    }
    if (merged.size() > MAX_ENTRIES) {
      throw new BadRequest(
          "configurations: a task holds at most "
              + MAX_ENTRIES
              + " keys, would be "
              + merged.size());
    }
    s.configurations.clear();
    s.configurations.putAll(merged);
    return Answer.json(200, "{}");
  }

  private Answer recordConsistency(Settings s, SetConsistencyResultRequestBody body) {
    List<ConsistencyResult> results = body.getConsistencyResult();
    if (results.size() > MAX_ENTRIES) {
      throw new BadRequest(
          "consistency_result: at most " + MAX_ENTRIES + " directories, was " + results.size());
    }
    for (int i = 0; i < results.size(); i++) {
      ConsistencyResult c = results.get(i);
      String at = "consistency_result[" + i + "].";
      if (c.getDirCheck() == null) {
        throw new BadRequest(at + "dir_check is missing");
      }
      count(at + "num_total_files", c.getNumTotalFiles());
      count(at + "num_different_files", c.getNumDifferentFiles());
      count(at + "num_target_miss_files", c.getNumTargetMissFiles());
      count(at + "num_target_more_files", c.getNumTargetMoreFiles());
    }
    if (s.checks.size() >= MAX_CONSISTENCY_CHECKS) {
      s.checks.removeFirst();
    }
    s.checks.addLast(
        ConsistencyResultRequestBodyResultList.builder()
            .finishedTime(simulator.virtualNow())
            .consistencyResult(results)
            .build());
    return Answer.json(200, "{}");
  }

  private static void count(String member, @Nullable Integer value) {
    if (value == null) {
      throw new BadRequest(member + " is missing");
    }
    if (value < 0) {
      throw new BadRequest(member + " must be 0 or more, was " + value);
    }
  }

  private static Answer updateSpeed(Settings s, SpeedLimit body) {
    List<SpeedLimitlJson> periods = body.getSpeedLimit();
    if (periods.isEmpty()) {
      throw new BadRequest("UpdateSpeed needs speed_limit");
    }
    if (periods.size() > MAX_ENTRIES) {
      throw new BadRequest(
          "speed_limit: at most " + MAX_ENTRIES + " periods, was " + periods.size());
    }
    for (int i = 0; i < periods.size(); i++) {
      SpeedLimitlJson p = periods.get(i);
      String at = "speed_limit[" + i + "].";
      int start = minuteOfDay(at + "start", p.getStart(), false);
      int end = minuteOfDay(at + "end", p.getEnd(), true);
      if (end <= start) {
        throw new BadRequest(
            at + "end must be after start, was " + p.getStart() + "-" + p.getEnd());
      }
      if (p.getSpeed() == null) {
        throw new BadRequest(at + "speed is missing");
      }
      if (p.getSpeed() < 0 || p.getSpeed() > 1000) {
        throw new BadRequest(at + "speed must be 0 to 1000 (Mbit/s), was " + p.getSpeed());
      }
    }
    s.speedLimits = List.copyOf(periods);
    return Answer.json(200, "{}");
  }

  /** Reads {@code HH:MM} (00:00 to 23:59, or 24:00 as an end) as minutes since midnight. */
  private static int minuteOfDay(String member, @Nullable String text, boolean end) {
    if (text == null) {
      throw new BadRequest(member + " is missing");
    }
    if (text.length() == 5
        && text.charAt(2) == ':'
        && Character.isDigit(text.charAt(0))
        && Character.isDigit(text.charAt(1))
        && Character.isDigit(text.charAt(3))
        && Character.isDigit(text.charAt(4))) {
      int hours = Integer.parseInt(text.substring(0, 2));
      int minutes = Integer.parseInt(text.substring(3));
      if ((hours < 24 && minutes < 60) || (end && hours == 24 && minutes == 0)) {
        return hours * 60 + minutes;
      }
    }
    throw new BadRequest(
        member + " must be HH:MM from 00:00 to " + (end ? "24:00" : "23:59") + ", was " + text);
  }

  private Answer updateNetworkCheckInfo(String taskId, NetworkCheckInfo info) {
    required("network_delay", info.getNetworkDelay());
    required("network_jitter", info.getNetworkJitter());
    required("migration_speed", info.getMigrationSpeed());
    required("loss_percentage", info.getLossPercentage());
    required("cpu_usage", info.getCpuUsage());
    required("mem_usage", info.getMemUsage());
    required("evaluation_result", info.getEvaluationResult());
    // the agent's measurement is what ShowTask answers, as a network_check action's is
    simulator.service().patch(taskId, "network_check_info", t -> t.networkCheckInfo(info));
    return Answer.json(200, "{}");
  }

  private static void required(String member, @Nullable Object value) {
    if (value == null) {
      throw new BadRequest("UpdateNetworkCheckInfo needs " + member);
    }
  }

  private static Answer checkNetAcl(Query q) {
    if (q.value("region_id") == null) {
      throw new BadRequest("CheckNetAcl needs region_id");
    }
    String osType = q.value("os_type");
    if (!"WINDOWS".equals(osType) && !"LINUX".equals(osType)) {
      throw new BadRequest("CheckNetAcl needs os_type WINDOWS or LINUX");
    }
    return Answer.json(200, "true");
  }
}
