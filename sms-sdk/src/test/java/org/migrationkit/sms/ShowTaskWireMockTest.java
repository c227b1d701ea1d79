package org.migrationkit.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.DeviceUse;
import org.migrationkit.sms.model.MigrationCycle;
import org.migrationkit.sms.model.OsType;
import org.migrationkit.sms.model.PartitionStyle;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.SourceServer;
import org.migrationkit.sms.model.SourceServerState;
import org.migrationkit.sms.model.SubTask;
import org.migrationkit.sms.model.TargetDisk;
import org.migrationkit.sms.model.TargetPhysicalVolume;
import org.migrationkit.sms.model.TaskState;
import org.migrationkit.sms.model.TaskTargetServer;
import org.migrationkit.sms.model.TaskType;
import org.migrationkit.sms.testsupport.Fixtures;
import org.migrationkit.sms.testsupport.ReferenceSignatureVerifier;
import org.migrationkit.sms.testsupport.ReferenceSignatureVerifier.Verdict;

/** {@code showTask} against the API page's 200 example, served by WireMock on loopback. */
class ShowTaskWireMockTest {
  private static final String TASK_ID = "ef3b9722-07a0-40ae-89b0-889ee96dfc56";
  private static final String PATH = "/v3/tasks/" + TASK_ID;
  private static final String AK = "HPUA6QWERTYASDF1234Z";
  private static final String SK = "s3cr3tK3yExample0123456789abcdefghijklmno";
  private static final String DOMAIN_ID = "0970dd7a1300f5672ff2c003c60ae115";
  private static final String X_AUTH_TOKEN = "MIIZ-example-iam-token-value-0123456789";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @BeforeEach
  void serveTheExample() {
    wm.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json;charset=UTF-8")
                    .withHeader("X-Request-Id", "req-200-example")
                    .withBody(Fixtures.text(Fixtures.SHOW_TASK_200))));
  }

  private static ShowTaskResponse showTaskWithAkSk() {
    try (SmsClient sms =
        SmsClient.builder()
            .endpoint(wm.baseUrl())
            .credentials(Credentials.akSk(AK, SK).withDomainId(DOMAIN_ID))
            .build()) {
      return sms.showTask(TASK_ID);
    }
  }

  private static LoggedRequest onlyRequest() {
    List<LoggedRequest> requests =
        wm.getAllServeEvents().stream().map(e -> e.getRequest()).toList();
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  // ---- the answer, field by field ----

  @Test
  void showTask_http200_mapsEveryTaskField() {
    ShowTaskResponse task = showTaskWithAkSk();

    assertThat(task.getId()).isEqualTo("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxx0001");
    assertThat(task.getName()).isEqualTo("MigrationTask");
    assertThat(task.getType()).isEqualTo(TaskType.MIGRATE_BLOCK);
    assertThat(task.getOsType()).isEqualTo(OsType.WINDOWS);
    assertThat(task.getState()).isEqualTo(TaskState.of("RUNNING"));
    assertThat(task.getState().isKnown()).isTrue();
    assertThat(task.getEstimateCompleteTime()).isNull();
    assertThat(task.getCreateDate()).isEqualTo(Instant.ofEpochMilli(1598435778000L));
    assertThat(task.getStartDate()).isEqualTo(Instant.ofEpochMilli(1598435784000L));
    assertThat(task.getFinishDate()).isNull();
    assertThat(task.getPriority()).isEqualTo(1);
    assertThat(task.getSpeedLimit()).isEqualTo(0);
    assertThat(task.getMigrateSpeed()).isEqualTo(0.0);
    assertThat(task.getStartTargetServer()).isTrue();
    assertThat(task.getErrorJson()).isEmpty();
    assertThat(task.getTotalTime()).isEqualTo(115L);
    assertThat(task.getFloatIp()).isNull();
    assertThat(task.getMigrationIp()).isNull();
    assertThat(task.getVmTemplateId()).isEqualTo("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxx0001");
    assertThat(task.getRegionName()).isEqualTo("region name");
    assertThat(task.getRegionId()).isEqualTo("region id");
    assertThat(task.getProjectName()).isEqualTo("project name");
    assertThat(task.getProjectId()).isEqualTo("xxxxxxxxxxxxxxxxxxxxxxxx00000001");
    assertThat(task.getCloneServer()).isNull();
  }

  @Test
  void showTask_http200_leavesFieldsTheExampleOmitsNull() {
    ShowTaskResponse task = showTaskWithAkSk();

    assertThat(task.getEnterpriseProjectId()).isNull();
    assertThat(task.getConnected()).isNull();
    assertThat(task.getCompressRate()).isNull();
    assertThat(task.getRemainSeconds()).isNull();
    assertThat(task.getTargetSnapshotId()).isNull();
    assertThat(task.getNetworkCheckInfo()).isNull();
    assertThat(task.getTotalCpuUsage()).isNull();
    assertThat(task.getAgentCpuUsage()).isNull();
    assertThat(task.getTotalMemUsage()).isNull();
    assertThat(task.getAgentMemUsage()).isNull();
    assertThat(task.getTotalDiskIo()).isNull();
    assertThat(task.getAgentDiskIo()).isNull();
  }

  @Test
  void showTask_http200_mapsAllFiveSubTasks() {
    List<SubTask> subTasks = showTaskWithAkSk().getSubTasks();

    assertThat(subTasks)
        .extracting(SubTask::getId)
        .containsExactly(7278L, 7279L, 7280L, 7281L, 7282L);
    assertThat(subTasks)
        .extracting(SubTask::getName)
        .containsExactly(
            "CREATE_CLOUD_SERVER",
            "SSL_CONFIG",
            "ATTACH_AGENT_IMAGE",
            "FORMAT_DISK_WINDOWS",
            "MIGRATE_WINDOWS_BLOCK");
    assertThat(subTasks).extracting(SubTask::getProgress).containsOnly(0);
    assertThat(subTasks)
        .extracting(SubTask::getStartDate)
        .containsExactly(Instant.ofEpochMilli(1598435802000L), null, null, null, null);
    assertThat(subTasks).extracting(SubTask::getEndDate).containsOnlyNulls();
    assertThat(subTasks).extracting(SubTask::getUserOp).containsOnly("REPLICATE");
    assertThat(subTasks).extracting(SubTask::getProcessTrace).containsOnlyNulls();
    assertThat(subTasks).extracting(SubTask::getMigrateSpeed).containsOnlyNulls();
  }

  @Test
  void showTask_http200_mapsSourceServer() {
    SourceServer source = showTaskWithAkSk().getSourceServer();

    assertThat(source.getId()).isEqualTo("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxx0001");
    assertThat(source.getIp()).isEqualTo("192.168.0.154");
    assertThat(source.getName()).isEqualTo("name-win16");
    assertThat(source.getOsType()).isEqualTo(OsType.WINDOWS);
    assertThat(source.getOsVersion()).isEqualTo("WINDOWS2016_64BIT");
    assertThat(source.getOemSystem()).isFalse();
    assertThat(source.getState()).isEqualTo(SourceServerState.INITIALIZE);
    assertThat(source.getMigrationCycle()).isEqualTo(MigrationCycle.REPLICATING);
  }

  @Test
  void showTask_http200_mapsTargetServer() {
    TaskTargetServer target = showTaskWithAkSk().getTargetServer();

    assertThat(target.getId()).isEqualTo("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxx0001");
    assertThat(target.getVmId()).isEmpty();
    assertThat(target.getName()).isEmpty();
    assertThat(target.getIp()).isNull();
    assertThat(target.getOsType()).isEqualTo(OsType.WINDOWS);
    assertThat(target.getOsVersion()).isEqualTo("WINDOWS2016_64BIT");
    assertThat(target.getSystemDir()).isEqualTo("Y:\\Windows\\System32");
    assertThat(target.getDisks()).hasSize(1);
    assertThat(target.getVolumeGroups()).isNotNull().isEmpty();
    assertThat(target.getBtrfsList()).isNotNull().isEmpty();
    assertThat(target.getImageDiskId()).isNull();
    assertThat(target.getCutoveredSnapshotIds()).isNull();
  }

  @Test
  void showTask_http200_mapsTheDisk() {
    TargetDisk disk = showTaskWithAkSk().getTargetServer().getDisks().get(0);

    assertThat(disk.getId()).isEqualTo(88008L);
    assertThat(disk.getName()).isEqualTo("Disk 1");
    assertThat(disk.getRelationName()).isNull();
    assertThat(disk.getDiskId()).isEqualTo("0");
    assertThat(disk.getPartitionStyle()).isEqualTo(PartitionStyle.MBR);
    assertThat(disk.getSize()).isEqualTo(42949672960L);
    assertThat(disk.getUsedSize()).isEqualTo(42947575808L);
    assertThat(disk.getDeviceUse()).isEqualTo(DeviceUse.OS);
    assertThat(disk.getOsDisk()).isTrue();
    assertThat(disk.getDiskIndex()).isEqualTo("0");
    assertThat(disk.getPhysicalVolumes()).hasSize(2);
  }

  @Test
  void showTask_http200_mapsBootVolumeWithBackslashUuid() {
    TargetPhysicalVolume boot =
        showTaskWithAkSk().getTargetServer().getDisks().get(0).getPhysicalVolumes().get(0);

    assertThat(boot.getId()).isEqualTo(135055L);
    assertThat(boot.getUuid()).isEqualTo("\\\\?\\Volume{586b7157-0000-0000-0000-100000000000}\\");
    assertThat(boot.getIndex()).isEqualTo(1);
    assertThat(boot.getName()).isEqualTo("Z:");
    assertThat(boot.getRelationName()).isNull();
    assertThat(boot.getDeviceUse()).isEqualTo(DeviceUse.BOOT);
    assertThat(boot.getFileSystem()).isEqualTo("NTFS");
    assertThat(boot.getMountPoint()).isNull();
    assertThat(boot.getSize()).isEqualTo(524288000L);
    assertThat(boot.getUsedSize()).isEqualTo(410275840L);
    assertThat(boot.getFreeSize()).isEqualTo(114012160L);
  }

  @Test
  void showTask_http200_mapsOsVolumeWithBackslashUuid() {
    TargetPhysicalVolume os =
        showTaskWithAkSk().getTargetServer().getDisks().get(0).getPhysicalVolumes().get(1);

    assertThat(os.getId()).isEqualTo(135056L);
    assertThat(os.getUuid()).isEqualTo("\\\\?\\Volume{586b7157-0000-0000-0000-501f00000000}\\");
    assertThat(os.getIndex()).isEqualTo(2);
    assertThat(os.getName()).isEqualTo("Y:");
    assertThat(os.getRelationName()).isNull();
    assertThat(os.getDeviceUse()).isEqualTo(DeviceUse.OS);
    assertThat(os.getFileSystem()).isEqualTo("NTFS");
    assertThat(os.getMountPoint()).isNull();
    assertThat(os.getSize()).isEqualTo(42423287808L);
    assertThat(os.getUsedSize()).isEqualTo(23170301952L);
    assertThat(os.getFreeSize()).isEqualTo(19252985856L);
  }

  @Test
  void showTask_http200_equalsTheModelReadFromTheExample() {
    assertThat(showTaskWithAkSk())
        .isEqualTo(ShowTaskResponse.fromJson(Fixtures.text(Fixtures.SHOW_TASK_200)));
  }

  // ---- the request on the wire ----

  @Test
  void showTask_sendsOneGetToTheTaskPath() {
    showTaskWithAkSk();

    wm.verify(
        1, getRequestedFor(urlEqualTo(PATH)).withHeader("Accept", containing("application/json")));
    assertThat(onlyRequest().getMethod().value()).isEqualTo("GET");
  }

  @Test
  void showTask_localhostEndpoint_sendsHostOfThatUrl() {
    showTaskWithAkSk();

    assertThat(wm.baseUrl()).startsWith("http://localhost:");
    assertThat(onlyRequest().getHeader("Host")).isEqualTo("localhost:" + wm.getPort());
  }

  @Test
  void showTask_loopbackIpEndpoint_sendsHostOfThatUrl() {
    try (SmsClient sms =
        SmsClient.builder()
            .endpoint("http://127.0.0.1:" + wm.getPort())
            .credentials(Credentials.akSk(AK, SK))
            .build()) {
      sms.showTask(TASK_ID);
    }

    LoggedRequest request = onlyRequest();
    assertThat(request.getHeader("Host")).isEqualTo("127.0.0.1:" + wm.getPort());
    Verdict verdict = new ReferenceSignatureVerifier(AK, SK).verify(request);
    assertThat(verdict.valid()).as(verdict.reason()).isTrue();
  }

  @Test
  void showTask_sendsSdkDateOfNowInBasicIsoFormat() {
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    showTaskWithAkSk();
    Instant after = Instant.now();

    String sdkDate = onlyRequest().getHeader("X-Sdk-Date");
    assertThat(sdkDate).matches("\\d{8}T\\d{6}Z");
    Instant signedAt =
        DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC)
            .parse(sdkDate, Instant::from);
    assertThat(signedAt).isBetween(before, after);
  }

  @Test
  void showTask_domainIdCredentials_sendXDomainId() {
    showTaskWithAkSk();

    assertThat(onlyRequest().getHeader("X-Domain-Id")).isEqualTo(DOMAIN_ID);
  }

  @Test
  void showTask_sendsUserAgentNamingTheSdk() {
    showTaskWithAkSk();

    assertThat(onlyRequest().getHeader("User-Agent")).startsWith("migrationkit-sms-java/");
  }

  @Test
  void showTask_akSkCredentials_signatureVerifiesIndependently() {
    showTaskWithAkSk();

    LoggedRequest request = onlyRequest();
    assertThat(request.getHeader("Authorization"))
        .startsWith(
            "SDK-HMAC-SHA256 Access=" + AK + ", SignedHeaders=host;x-domain-id;x-sdk-date,");
    Verdict verdict = new ReferenceSignatureVerifier(AK, SK).verify(request);
    assertThat(verdict.valid()).as(verdict.reason()).isTrue();
  }

  @Test
  void showTask_akSkCredentials_sendNoXAuthToken() {
    showTaskWithAkSk();

    assertThat(onlyRequest().containsHeader("X-Auth-Token")).isFalse();
  }

  @Test
  void showTask_tokenCredentials_sendXAuthTokenAndNoSignature() {
    ShowTaskResponse task;
    try (SmsClient sms =
        SmsClient.builder()
            .endpoint(wm.baseUrl())
            .credentials(Credentials.token(X_AUTH_TOKEN))
            .build()) {
      task = sms.showTask(TASK_ID);
    }

    LoggedRequest request = onlyRequest();
    assertThat(task.getName()).isEqualTo("MigrationTask");
    assertThat(request.getHeader("X-Auth-Token")).isEqualTo(X_AUTH_TOKEN);
    assertThat(request.containsHeader("Authorization")).isFalse();
    assertThat(request.containsHeader("X-Domain-Id")).isFalse();
    assertThat(request.containsHeader("X-Security-Token")).isFalse();
  }
}
