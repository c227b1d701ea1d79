package org.migrationkit.sms.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.CheckNetAclRequest;
import org.migrationkit.sms.model.CollectLogRequest;
import org.migrationkit.sms.model.ConfigBody;
import org.migrationkit.sms.model.ConsistencyResult;
import org.migrationkit.sms.model.ConsistencyResultRequestBodyResultList;
import org.migrationkit.sms.model.DeleteTaskRequest;
import org.migrationkit.sms.model.OsType;
import org.migrationkit.sms.model.ShowCertKeyRequest;
import org.migrationkit.sms.model.ShowCertKeyResponse;
import org.migrationkit.sms.model.ShowConfigSettingRequest;
import org.migrationkit.sms.model.ShowConfigSettingResponse;
import org.migrationkit.sms.model.ShowConsistencyResultRequest;
import org.migrationkit.sms.model.ShowPassphraseRequest;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.ShowsSpeedLimitsRequest;
import org.migrationkit.sms.model.SpeedLimitlJson;
import org.migrationkit.sms.model.TaskState;
import org.migrationkit.sms.model.UnlockTargetEcsRequest;
import org.migrationkit.sms.model.UpdateConsistencyResultRequest;
import org.migrationkit.sms.model.UpdateNetworkCheckInfoRequest;
import org.migrationkit.sms.model.UpdateSpeedRequest;
import org.migrationkit.sms.model.UploadSpecialConfigurationSettingRequest;
import org.migrationkit.sms.testsupport.SignedHttp;
import org.migrationkit.sms.testsupport.SimulatorClients;

/** A task's settings (certificates, passphrase, configurations...) through our client. */
class SimulatorTaskSettingsTest {
  private static final Credentials CREDENTIALS =
      Credentials.akSk("HPUASETTINGSKEY00001", "settings-secret-key-value").withDomainId("d-1");

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

  private String createTask(String serverName) {
    return sms.createTask(SimulatorWorkflowTest.taskFrom(simulator.addSourceServer(serverName)))
        .getId();
  }

  private static SmsServiceException refusal(Runnable call) {
    return catchThrowableOfType(SmsServiceException.class, call::run);
  }

  private static ConfigBody config(String key, String value) {
    return ConfigBody.builder().configKey(key).configValue(value).build();
  }

  private static SpeedLimitlJson period(String start, String end, int speed) {
    return SpeedLimitlJson.builder().start(start).end(end).speed(speed).build();
  }

  private static ConsistencyResult dir(String path, int total, int different) {
    return ConsistencyResult.builder()
        .dirCheck(path)
        .numTotalFiles(total)
        .numDifferentFiles(different)
        .numTargetMissFiles(0)
        .numTargetMoreFiles(0)
        .build();
  }

  private void upload(String taskId, ConfigBody... configurations) {
    sms.uploadSpecialConfigurationSetting(
        UploadSpecialConfigurationSettingRequest.builder()
            .taskId(taskId)
            .configurations(List.of(configurations))
            .build());
  }

  private ShowConfigSettingResponse configurations(String taskId) {
    return sms.showConfigSetting(ShowConfigSettingRequest.builder().taskId(taskId).build());
  }

  private void speed(String taskId, List<SpeedLimitlJson> periods) {
    sms.updateSpeed(UpdateSpeedRequest.builder().taskId(taskId).speedLimit(periods).build());
  }

  private List<SpeedLimitlJson> speeds(String taskId) {
    return sms.showsSpeedLimits(ShowsSpeedLimitsRequest.builder().taskId(taskId).build())
        .getSpeedLimit();
  }

  private String passphrase(String taskId) {
    return sms.showPassphrase(ShowPassphraseRequest.builder().taskId(taskId).build())
        .getPassphrase();
  }

  private ShowCertKeyResponse certKey(String taskId, Boolean enableCaCert) {
    return sms.showCertKey(
        ShowCertKeyRequest.builder().taskId(taskId).enableCaCert(enableCaCert).build());
  }

  private void report(String taskId, ConsistencyResult... results) {
    sms.updateConsistencyResult(
        UpdateConsistencyResultRequest.builder()
            .taskId(taskId)
            .consistencyResult(List.of(results))
            .build());
  }

  private List<ConsistencyResultRequestBodyResultList> checks(String taskId) {
    return sms.showConsistencyResult(ShowConsistencyResultRequest.builder().taskId(taskId).build())
        .getResultList();
  }

  private static UpdateNetworkCheckInfoRequest networkCheck(String taskId) {
    return UpdateNetworkCheckInfoRequest.builder()
        .taskId(taskId)
        .domainConnectivity(true)
        .destinationConnectivity(true)
        .networkDelay(12.5)
        .networkJitter(1.5)
        .migrationSpeed(100.0)
        .lossPercentage(0.0)
        .cpuUsage(20.0)
        .memUsage(30.0)
        .evaluationResult("GOOD")
        .build();
  }

  /** Sends a signed request as is, for bodies our client refuses to send. */
  private HttpResponse<String> raw(String method, String pathAndQuery, String body)
      throws Exception {
    return SignedHttp.send(simulator.endpoint(), CREDENTIALS, method, pathAndQuery, body);
  }

  // ---- certificates and passphrase ----

  @Test
  void certKey_placeholdersStablePerTask_caOnlyWhenAsked() {
    String first = createTask("web-1");
    String second = createTask("web-2");

    ShowCertKeyResponse plain = certKey(first, null);
    ShowCertKeyResponse withCa = certKey(first, true);
    ShowCertKeyResponse other = certKey(second, true);

    assertThat(plain.getCert())
        .startsWith("-----BEGIN CERTIFICATE-----\nSIMULATED")
        .endsWith("-----END CERTIFICATE-----\n");
    assertThat(plain.getPrivateKey())
        .startsWith("-----BEGIN PRIVATE KEY-----\nSIMULATED")
        .contains("NOT A REAL");
    assertThat(plain.getTargetMgmtCert()).contains("SIMULATED");
    assertThat(plain.getTargetMgmtPrivateKey()).contains("SIMULATED");
    assertThat(plain.getTargetDataCert()).contains("SIMULATED");
    assertThat(plain.getTargetDataPrivateKey()).contains("SIMULATED");
    assertThat(plain.getCa()).isNull();
    assertThat(withCa.getCa()).startsWith("-----BEGIN CERTIFICATE-----\nSIMULATED");
    assertThat(withCa.toBuilder().ca(null).build()).isEqualTo(plain);
    assertThat(other.getCert()).isNotEqualTo(plain.getCert());
    assertThat(other.getPrivateKey()).isNotEqualTo(plain.getPrivateKey());
  }

  @Test
  void passphrase_stableForTheTask_differentForAnother() {
    String first = createTask("web-1");
    String second = createTask("web-2");

    String once = passphrase(first);
    String again = passphrase(first);
    String another = passphrase(second);

    assertThat(once).hasSizeGreaterThanOrEqualTo(16);
    assertThat(again).isEqualTo(once);
    assertThat(another).isNotEqualTo(once);
    assertThat(
            sms.showPassphrase(ShowPassphraseRequest.builder().taskId(first).build()).getTaskId())
        .isEqualTo(first);
  }

  // ---- configurations ----

  @Test
  void configurations_replacedPerKey_keptInFirstSetOrder_filteredByKey() {
    String task = createTask("web-1");
    upload(task, config("EXCLUDE_MIGRATE_PATH", "/tmp"), config("SYNC_EXCLUDE_PATH", "/var"));
    upload(task, config("EXCLUDE_MIGRATE_PATH", "/tmp,/data"));

    ShowConfigSettingResponse all = configurations(task);
    ShowConfigSettingResponse one =
        sms.showConfigSetting(
            ShowConfigSettingRequest.builder().taskId(task).configKey("SYNC_EXCLUDE_PATH").build());

    assertThat(all.getTaskId()).isEqualTo(task);
    assertThat(all.getMigrateType()).isEqualTo("MIGRATE_FILE");
    assertThat(all.getConfigurations())
        .containsExactly(
            config("EXCLUDE_MIGRATE_PATH", "/tmp,/data"), config("SYNC_EXCLUDE_PATH", "/var"));
    assertThat(one.getConfigurations()).containsExactly(config("SYNC_EXCLUDE_PATH", "/var"));
  }

  @Test
  void configurations_beyondTheCap_400_andNothingStored() {
    String task = createTask("web-1");
    List<ConfigBody> hundred = new ArrayList<>();
    for (int i = 0; i < SimulatedTaskSettings.MAX_ENTRIES; i++) {
      hundred.add(config("KEY_" + i, "v"));
    }
    sms.uploadSpecialConfigurationSetting(
        UploadSpecialConfigurationSettingRequest.builder()
            .taskId(task)
            .configurations(hundred)
            .build());

    upload(task, config("KEY_0", "replaced")); // an existing key still fits
    SmsServiceException e = refusal(() -> upload(task, config("KEY_X", "v"), config("KEY_1", "w")));

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getErrorCode()).isEqualTo("SMS.9001");
    assertThat(e.getErrorMsg()).contains("configurations");
    List<ConfigBody> stored = configurations(task).getConfigurations();
    assertThat(stored).hasSize(SimulatedTaskSettings.MAX_ENTRIES).contains(config("KEY_1", "v"));
    assertThat(stored.get(0)).isEqualTo(config("KEY_0", "replaced"));
  }

  @Test
  void configurations_missingValueOrEmptyList_400NamingIt() throws Exception {
    String task = createTask("web-1");
    String path = "/v3/tasks/" + task + "/configuration-setting";

    HttpResponse<String> empty = raw("POST", path, "{\"configurations\":[]}");
    HttpResponse<String> noValue =
        raw(
            "POST",
            path,
            "{\"configurations\":[{\"config_key\":\"A\",\"config_value\":\"1\"},"
                + "{\"config_key\":\"B\"}]}");

    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("SMS.9001").contains("configurations");
    assertThat(noValue.statusCode()).isEqualTo(400);
    assertThat(noValue.body()).contains("SMS.9001").contains("configurations[1].config_value");
    assertThat(configurations(task).getConfigurations()).isEmpty(); // all or nothing
  }

  // ---- consistency results ----

  @Test
  void consistencyResult_eachReportIsOneCheck_oldestFirst_atTheVirtualTime() {
    String task = createTask("web-1");
    List<ConsistencyResultRequestBodyResultList> before = checks(task);
    Instant firstAt = simulator.now();
    report(task, dir("/etc", 120, 0), dir("/home", 40, 2));
    simulator.advance(Duration.ofMinutes(5));
    report(task, dir("/etc", 121, 1));

    List<ConsistencyResultRequestBodyResultList> after = checks(task);

    assertThat(before).isEmpty();
    assertThat(after).hasSize(2);
    assertThat(after.get(0).getFinishedTime()).isEqualTo(firstAt);
    assertThat(after.get(0).getConsistencyResult())
        .containsExactly(dir("/etc", 120, 0), dir("/home", 40, 2));
    assertThat(after.get(1).getFinishedTime()).isEqualTo(firstAt.plus(Duration.ofMinutes(5)));
    assertThat(after.get(1).getConsistencyResult()).containsExactly(dir("/etc", 121, 1));
    assertThat(
            sms.showConsistencyResult(ShowConsistencyResultRequest.builder().taskId(task).build())
                .getTaskId())
        .isEqualTo(task);
  }

  @Test
  void consistencyResult_negativeCount_400NamingTheMember() {
    String task = createTask("web-1");

    SmsServiceException e =
        refusal(
            () ->
                report(
                    task,
                    dir("/etc", 1, 0),
                    dir("/var", 1, 0).toBuilder().numTargetMissFiles(-1).build()));

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getErrorMsg()).contains("consistency_result[1].num_target_miss_files");
    assertThat(checks(task)).isEmpty();
  }

  // ---- speed limits ----

  @Test
  void speedLimits_updateReplacesTheSchedule() {
    String task = createTask("web-1");
    List<SpeedLimitlJson> before = speeds(task);
    speed(
        task,
        List.of(
            period("00:00", "08:00", 1000),
            period("08:00", "24:00", 50).toBuilder().overSpeedThreshold(20.0).build()));
    List<SpeedLimitlJson> first = speeds(task);
    speed(task, List.of(period("22:00", "23:59", 0)));

    assertThat(before).isEmpty();
    assertThat(first)
        .containsExactly(
            period("00:00", "08:00", 1000),
            period("08:00", "24:00", 50).toBuilder().overSpeedThreshold(20.0).build());
    assertThat(speeds(task)).containsExactly(period("22:00", "23:59", 0));
  }

  static Stream<Arguments> badPeriods() {
    return Stream.of(
        Arguments.of(period("00:00", "08:00", 1001), "speed_limit[1].speed"),
        Arguments.of(period("00:00", "08:00", -1), "speed_limit[1].speed"),
        Arguments.of(period("24:00", "24:00", 10), "speed_limit[1].start"),
        Arguments.of(period("7:00", "08:00", 10), "speed_limit[1].start"),
        Arguments.of(period("07:60", "08:00", 10), "speed_limit[1].start"),
        Arguments.of(period("07:00", "24:01", 10), "speed_limit[1].end"),
        Arguments.of(period("09:00", "08:00", 10), "speed_limit[1].end"),
        Arguments.of(SpeedLimitlJson.builder().start("01:00").speed(5).build(), "[1].end"));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("badPeriods")
  void speedLimits_outOfRange_400NamingTheMember_scheduleKept(SpeedLimitlJson bad, String member) {
    String task = createTask("web-1");
    speed(task, List.of(period("00:00", "01:00", 10)));

    SmsServiceException e = refusal(() -> speed(task, List.of(period("01:00", "02:00", 20), bad)));

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getErrorCode()).isEqualTo("SMS.9001");
    assertThat(e.getErrorMsg()).contains(member);
    assertThat(speeds(task)).containsExactly(period("00:00", "01:00", 10));
  }

  @Test
  void speedLimits_emptyOrOverTheCap_400() throws Exception {
    String task = createTask("web-1");
    List<SpeedLimitlJson> tooMany = new ArrayList<>();
    for (int i = 0; i <= SimulatedTaskSettings.MAX_ENTRIES; i++) {
      tooMany.add(period("00:00", "01:00", i % 1000));
    }

    HttpResponse<String> empty =
        raw("POST", "/v3/tasks/" + task + "/speed-limit", "{\"speed_limit\":[]}");
    SmsServiceException over = refusal(() -> speed(task, tooMany));

    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("SMS.9001").contains("speed_limit");
    assertThat(over.getStatusCode()).isEqualTo(400);
    assertThat(over.getErrorMsg()).contains("speed_limit").contains("100");
    assertThat(speeds(task)).isEmpty();
  }

  // ---- log, unlock, network ----

  @Test
  void collectLog_unlock_networkCheck_answer200ForAnExistingTask() {
    String task = createTask("web-1");

    sms.collectLog(CollectLogRequest.builder().taskId(task).logBucket("logs-bucket").build());
    sms.unlockTargetEcs(UnlockTargetEcsRequest.builder().taskId(task).build());
    sms.updateNetworkCheckInfo(networkCheck(task));

    assertThat(simulator.journal())
        .extracting(JournalEntry::status)
        .containsExactly(200, 200, 200, 200); // createTask, then the three
  }

  @Test
  void collectLogWithoutBucket_networkCheckMissingMember_400NamingIt() throws Exception {
    String task = createTask("web-1");

    HttpResponse<String> log = raw("POST", "/v3/tasks/" + task + "/log", "{\"log_bucket\":\"\"}");
    HttpResponse<String> network =
        raw(
            "POST",
            "/v3/" + task + "/update-network-check-info",
            "{\"network_delay\":1,\"network_jitter\":1,\"migration_speed\":1,"
                + "\"loss_percentage\":0,\"cpu_usage\":1,\"evaluation_result\":\"GOOD\"}");

    assertThat(log.statusCode()).isEqualTo(400);
    assertThat(log.body()).contains("SMS.9001").contains("log_bucket");
    assertThat(network.statusCode()).isEqualTo(400);
    assertThat(network.body()).contains("SMS.9001").contains("mem_usage");
  }

  @Test
  void checkNetAcl_answersThatTheAclAllowsMigration() {
    String body =
        sms.checkNetAcl(
                CheckNetAclRequest.builder()
                    .tProjectId("project-1")
                    .tNetworkId("subnet-1")
                    .regionId("ap-southeast-1")
                    .osType(OsType.LINUX)
                    .build())
            .getBody();

    assertThat(body).isEqualTo("true");
  }

  @Test
  void checkNetAcl_withoutRegionOrWithAnUnknownOsType_400() throws Exception {
    String path = "/v3/tasks/project-1/networkacl/subnet-1/check";

    HttpResponse<String> noRegion = raw("GET", path + "?os_type=LINUX", "");
    HttpResponse<String> badOs = raw("GET", path + "?region_id=r&os_type=SOLARIS", "");

    assertThat(noRegion.statusCode()).isEqualTo(400);
    assertThat(noRegion.body()).contains("SMS.9001").contains("region_id");
    assertThat(badOs.statusCode()).isEqualTo(400);
    assertThat(badOs.body()).contains("SMS.9001").contains("os_type");
  }

  // ---- unknown and deleted tasks ----

  static Stream<Arguments> taskOperations() {
    List<Arguments> all = new ArrayList<>();
    all.add(
        op("ShowCertKey", (c, t) -> c.showCertKey(ShowCertKeyRequest.builder().taskId(t).build())));
    all.add(
        op(
            "ShowConfigSetting",
            (c, t) -> c.showConfigSetting(ShowConfigSettingRequest.builder().taskId(t).build())));
    all.add(
        op(
            "UploadSpecialConfigurationSetting",
            (c, t) ->
                c.uploadSpecialConfigurationSetting(
                    UploadSpecialConfigurationSettingRequest.builder()
                        .taskId(t)
                        .configurations(List.of(config("A", "1")))
                        .build())));
    all.add(
        op(
            "ShowConsistencyResult",
            (c, t) ->
                c.showConsistencyResult(ShowConsistencyResultRequest.builder().taskId(t).build())));
    all.add(
        op(
            "UpdateConsistencyResult",
            (c, t) ->
                c.updateConsistencyResult(
                    UpdateConsistencyResultRequest.builder()
                        .taskId(t)
                        .consistencyResult(List.of(dir("/etc", 1, 0)))
                        .build())));
    all.add(
        op(
            "ShowPassphrase",
            (c, t) -> c.showPassphrase(ShowPassphraseRequest.builder().taskId(t).build())));
    all.add(
        op(
            "ShowsSpeedLimits",
            (c, t) -> c.showsSpeedLimits(ShowsSpeedLimitsRequest.builder().taskId(t).build())));
    all.add(
        op(
            "UpdateSpeed",
            (c, t) ->
                c.updateSpeed(
                    UpdateSpeedRequest.builder()
                        .taskId(t)
                        .speedLimit(List.of(period("00:00", "01:00", 1)))
                        .build())));
    all.add(
        op(
            "CollectLog",
            (c, t) -> c.collectLog(CollectLogRequest.builder().taskId(t).logBucket("b").build())));
    all.add(
        op(
            "UnlockTargetEcs",
            (c, t) -> c.unlockTargetEcs(UnlockTargetEcsRequest.builder().taskId(t).build())));
    all.add(op("UpdateNetworkCheckInfo", (c, t) -> c.updateNetworkCheckInfo(networkCheck(t))));
    return all.stream();
  }

  private static Arguments op(String name, BiConsumer<SmsClient, String> call) {
    return Arguments.of(name, call);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("taskOperations")
  void unknownTask_404Sms1204_namingTheTask(String name, BiConsumer<SmsClient, String> call) {
    createTask("web-1"); // another task exists

    SmsServiceException e = refusal(() -> call.accept(sms, "no-such-task"));

    assertThat(e.getStatusCode()).isEqualTo(404);
    assertThat(e.getErrorCode()).isEqualTo("SMS.1204");
    assertThat(e.getErrorMsg()).contains("no-such-task");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("taskOperations")
  void existingTask_200(String name, BiConsumer<SmsClient, String> call) {
    String task = createTask("web-1");

    call.accept(sms, task);

    assertThat(simulator.journal().get(1).status()).isEqualTo(200);
  }

  @Test
  void unknownTask_404BeforeTheBodyIsRead() throws Exception {
    HttpResponse<String> response = raw("POST", "/v3/tasks/no-such-task/speed-limit", "{");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("SMS.1204");
  }

  @Test
  void deletedTask_forgetsItsSettings_aTaskUnderTheSameIdStartsEmpty() {
    String task = createTask("web-1");
    upload(task, config("EXCLUDE_MIGRATE_PATH", "/tmp"));
    speed(task, List.of(period("00:00", "08:00", 10)));
    report(task, dir("/etc", 1, 0));
    String oldPassphrase = passphrase(task);
    String oldCert = certKey(task, null).getCert();
    ShowTaskResponse stored = simulator.task(task);

    sms.deleteTask(DeleteTaskRequest.builder().taskId(task).build());
    SmsServiceException gone = refusal(() -> passphrase(task));
    simulator.putTask(task, stored.toBuilder().state(TaskState.READY).build());

    assertThat(gone.getStatusCode()).isEqualTo(404);
    assertThat(configurations(task).getConfigurations()).isEmpty();
    assertThat(speeds(task)).isEmpty();
    assertThat(checks(task)).isEmpty();
    assertThat(passphrase(task)).isNotEqualTo(oldPassphrase);
    assertThat(certKey(task, null).getCert()).isNotEqualTo(oldCert);
  }

  @Test
  void removedTask_forgetsItsSettingsToo() {
    String task = createTask("web-1");
    upload(task, config("EXCLUDE_MIGRATE_PATH", "/tmp"));
    ShowTaskResponse stored = simulator.task(task);

    simulator.removeTask(task);
    simulator.putTask(task, stored);

    assertThat(configurations(task).getConfigurations()).isEmpty();
  }
}
