package org.migrationkit.sms.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.sms.v3.SmsClient;
import com.huaweicloud.sdk.sms.v3.model.CheckNetAclRequest;
import com.huaweicloud.sdk.sms.v3.model.CheckNetAclResponse;
import com.huaweicloud.sdk.sms.v3.model.CollectLogRequest;
import com.huaweicloud.sdk.sms.v3.model.ConfigBody;
import com.huaweicloud.sdk.sms.v3.model.ConfigurationRequestBody;
import com.huaweicloud.sdk.sms.v3.model.ConsistencyResult;
import com.huaweicloud.sdk.sms.v3.model.ConsistencyResultRequestBodyResultList;
import com.huaweicloud.sdk.sms.v3.model.CreateTaskRequest;
import com.huaweicloud.sdk.sms.v3.model.NetworkCheckInfoRequestBody;
import com.huaweicloud.sdk.sms.v3.model.PostTask;
import com.huaweicloud.sdk.sms.v3.model.SetConsistencyResultRequestBody;
import com.huaweicloud.sdk.sms.v3.model.ShowCertKeyRequest;
import com.huaweicloud.sdk.sms.v3.model.ShowCertKeyResponse;
import com.huaweicloud.sdk.sms.v3.model.ShowConfigSettingRequest;
import com.huaweicloud.sdk.sms.v3.model.ShowConfigSettingResponse;
import com.huaweicloud.sdk.sms.v3.model.ShowConsistencyResultRequest;
import com.huaweicloud.sdk.sms.v3.model.ShowConsistencyResultResponse;
import com.huaweicloud.sdk.sms.v3.model.ShowPassphraseRequest;
import com.huaweicloud.sdk.sms.v3.model.ShowPassphraseResponse;
import com.huaweicloud.sdk.sms.v3.model.ShowsSpeedLimitsRequest;
import com.huaweicloud.sdk.sms.v3.model.ShowsSpeedLimitsResponse;
import com.huaweicloud.sdk.sms.v3.model.SourceServerByTask;
import com.huaweicloud.sdk.sms.v3.model.SpeedLimit;
import com.huaweicloud.sdk.sms.v3.model.SpeedLimitlJson;
import com.huaweicloud.sdk.sms.v3.model.TargetServerByTask;
import com.huaweicloud.sdk.sms.v3.model.UnlockTargetEcsRequest;
import com.huaweicloud.sdk.sms.v3.model.UpdateConsistencyResultRequest;
import com.huaweicloud.sdk.sms.v3.model.UpdateNetworkCheckInfoRequest;
import com.huaweicloud.sdk.sms.v3.model.UpdateSpeedRequest;
import com.huaweicloud.sdk.sms.v3.model.UploadLogRequestBody;
import com.huaweicloud.sdk.sms.v3.model.UploadSpecialConfigurationSettingRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.testing.SmsSimulator;

/**
 * Huawei Cloud's own {@code SmsClient} (huaweicloud-sdk-sms 3.1.143) calls every operation on a
 * task's settings against our {@link SmsSimulator}, and parses every answer; the simulator verifies
 * every request's signature.
 */
class OfficialSdkTaskSettingsTest {
  private static final String AK = "HPUA6QWERTYASDF1234Z";
  private static final String SK = "s3cr3tK3yExample0123456789abcdefghijklmno";
  private static final String DOMAIN_ID = "0970dd7a1300f5672ff2c003c60ae115";

  private SmsSimulator simulator;
  private SmsClient official;

  @BeforeEach
  void start() {
    simulator = SmsSimulator.start(Credentials.akSk(AK, SK).withDomainId(DOMAIN_ID));
    official = OfficialClients.at(simulator.endpoint(), AK, SK, DOMAIN_ID);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  private String createTask() {
    String serverId = simulator.addSourceServer("web-1").getId();
    return official
        .createTask(
            new CreateTaskRequest()
                .withBody(
                    new PostTask()
                        .withName("migrate-web-1")
                        .withType(PostTask.TypeEnum.MIGRATE_FILE)
                        .withOsType("LINUX")
                        .withSourceServer(new SourceServerByTask().withId(serverId))
                        .withTargetServer(
                            new TargetServerByTask().withName("web-1-target").withVmId("vm-1"))
                        .withRegionName("ap-southeast-1")
                        .withRegionId("ap-southeast-1")
                        .withProjectName("ap-southeast-1")
                        .withProjectId("project-1")))
        .getId();
  }

  private static ConsistencyResult dir(String path, int total) {
    return new ConsistencyResult()
        .withDirCheck(path)
        .withNumTotalFiles(total)
        .withNumDifferentFiles(0)
        .withNumTargetMissFiles(0)
        .withNumTargetMoreFiles(0);
  }

  @Test
  @SuppressWarnings("deprecation") // 3.1.143 deprecates unlockTargetEcs and checkNetAcl; still sent
  void officialClient_everySettingsOperation_signedAndParsed() {
    String taskId = createTask();

    ShowCertKeyResponse certKey =
        official.showCertKey(new ShowCertKeyRequest().withTaskId(taskId).withEnableCaCert(true));
    ShowPassphraseResponse passphrase =
        official.showPassphrase(new ShowPassphraseRequest().withTaskId(taskId));
    ShowPassphraseResponse passphraseAgain =
        official.showPassphrase(new ShowPassphraseRequest().withTaskId(taskId));

    ConfigBody exclude =
        new ConfigBody().withConfigKey("EXCLUDE_MIGRATE_PATH").withConfigValue("/tmp");
    official.uploadSpecialConfigurationSetting(
        new UploadSpecialConfigurationSettingRequest()
            .withTaskId(taskId)
            .withBody(new ConfigurationRequestBody().withConfigurations(List.of(exclude))));
    ShowConfigSettingResponse config =
        official.showConfigSetting(new ShowConfigSettingRequest().withTaskId(taskId));

    official.updateConsistencyResult(
        new UpdateConsistencyResultRequest()
            .withTaskId(taskId)
            .withBody(
                new SetConsistencyResultRequestBody()
                    .withConsistencyResult(List.of(dir("/etc", 120), dir("/home", 7)))));
    ShowConsistencyResultResponse consistency =
        official.showConsistencyResult(new ShowConsistencyResultRequest().withTaskId(taskId));

    SpeedLimitlJson night =
        new SpeedLimitlJson().withStart("00:00").withEnd("08:00").withSpeed(1000);
    SpeedLimitlJson day =
        new SpeedLimitlJson()
            .withStart("08:00")
            .withEnd("24:00")
            .withSpeed(50)
            .withOverSpeedThreshold(20.0);
    official.updateSpeed(
        new UpdateSpeedRequest()
            .withTaskId(taskId)
            .withBody(new SpeedLimit().withSpeedLimit(List.of(night, day))));
    ShowsSpeedLimitsResponse speeds =
        official.showsSpeedLimits(new ShowsSpeedLimitsRequest().withTaskId(taskId));

    int collectStatus =
        official
            .collectLog(
                new CollectLogRequest()
                    .withTaskId(taskId)
                    .withBody(new UploadLogRequestBody().withLogBucket("logs-bucket")))
            .getHttpStatusCode();
    int unlockStatus =
        official
            .unlockTargetEcs(new UnlockTargetEcsRequest().withTaskId(taskId))
            .getHttpStatusCode();
    int networkStatus =
        official
            .updateNetworkCheckInfo(
                new UpdateNetworkCheckInfoRequest()
                    .withTaskId(taskId)
                    .withBody(
                        new NetworkCheckInfoRequestBody()
                            .withDomainConnectivity(true)
                            .withDestinationConnectivity(true)
                            .withNetworkDelay(12.5)
                            .withNetworkJitter(1.5)
                            .withMigrationSpeed(100.0)
                            .withLossPercentage(0.0)
                            .withCpuUsage(20.0)
                            .withMemUsage(30.0)
                            .withEvaluationResult("GOOD")))
            .getHttpStatusCode();
    CheckNetAclResponse acl =
        official.checkNetAcl(
            new CheckNetAclRequest()
                .withTProjectId("project-1")
                .withTNetworkId("subnet-1")
                .withRegionId("ap-southeast-1")
                .withOsType("LINUX"));

    assertThat(certKey.getCert()).startsWith("-----BEGIN CERTIFICATE-----").contains("SIMULATED");
    assertThat(certKey.getPrivateKey()).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(certKey.getCa()).contains("SIMULATED");
    assertThat(certKey.getTargetDataPrivateKey()).contains("SIMULATED");
    assertThat(passphrase.getTaskId()).isEqualTo(taskId);
    assertThat(passphrase.getPassphrase()).isNotEmpty().isEqualTo(passphraseAgain.getPassphrase());
    assertThat(config.getTaskId()).isEqualTo(taskId);
    assertThat(config.getMigrateType()).isEqualTo("MIGRATE_FILE");
    assertThat(config.getConfigurations()).containsExactly(exclude);
    assertThat(consistency.getTaskId()).isEqualTo(taskId);
    assertThat(consistency.getResultList()).hasSize(1);
    ConsistencyResultRequestBodyResultList check = consistency.getResultList().get(0);
    assertThat(check.getFinishedTime()).isEqualTo(simulator.now().toEpochMilli());
    assertThat(check.getConsistencyResult()).containsExactly(dir("/etc", 120), dir("/home", 7));
    assertThat(speeds.getSpeedLimit()).containsExactly(night, day);
    assertThat(collectStatus).isEqualTo(200);
    assertThat(unlockStatus).isEqualTo(200);
    assertThat(networkStatus).isEqualTo(200);
    assertThat(acl.getHttpStatusCode()).isEqualTo(200);
    assertThat(acl.getBody()).isEqualTo("true");
    assertThat(simulator.journal())
        .hasSize(14)
        .allSatisfy(e -> assertThat(e.signatureValid()).as(e.signatureReason()).isTrue())
        .allSatisfy(e -> assertThat(e.status()).as(e.path()).isEqualTo(200));
  }

  @Test
  void officialClient_unknownTaskAndBadSpeed_refusedWithTheSimulatorsCodes() {
    String taskId = createTask();

    ServiceResponseException unknown =
        catchThrowableOfType(
            ServiceResponseException.class,
            () -> official.showPassphrase(new ShowPassphraseRequest().withTaskId("no-such-task")));
    ServiceResponseException tooFast =
        catchThrowableOfType(
            ServiceResponseException.class,
            () ->
                official.updateSpeed(
                    new UpdateSpeedRequest()
                        .withTaskId(taskId)
                        .withBody(
                            new SpeedLimit()
                                .withSpeedLimit(
                                    List.of(
                                        new SpeedLimitlJson()
                                            .withStart("00:00")
                                            .withEnd("08:00")
                                            .withSpeed(1001))))));

    assertThat(unknown.getHttpStatusCode()).isEqualTo(404);
    assertThat(unknown.getErrorCode()).isEqualTo("SMS.1204");
    assertThat(tooFast.getHttpStatusCode()).isEqualTo(400);
    assertThat(tooFast.getErrorCode()).isEqualTo("SMS.9001");
    assertThat(tooFast.getErrorMsg()).contains("speed_limit[0].speed");
    assertThat(simulator.journal())
        .allSatisfy(e -> assertThat(e.signatureValid()).as(e.signatureReason()).isTrue());
  }
}
