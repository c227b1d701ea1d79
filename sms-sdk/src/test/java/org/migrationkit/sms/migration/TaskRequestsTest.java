package org.migrationkit.sms.migration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.huaweicloud.sdk.core.utils.JsonUtils;
import com.huaweicloud.sdk.sms.v3.model.PostTask;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.CreateTaskRequest;
import org.migrationkit.sms.model.DeviceUse;
import org.migrationkit.sms.model.DiskIntargetServer;
import org.migrationkit.sms.model.OsType;
import org.migrationkit.sms.model.ShowServerResponse;
import org.migrationkit.sms.model.TargetDisks;
import org.migrationkit.sms.model.TaskType;
import org.migrationkit.sms.testsupport.Fixtures;

class TaskRequestsTest {
  private static final ShowServerResponse SERVER =
      ShowServerResponse.fromJson(Fixtures.text("show-server-linux.json"));
  private static final String PROJECT = "0e1dae200a00f3772f62c00030321606";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private static TaskRequests.Builder complete() {
    return TaskRequests.forServer(SERVER)
        .regionId("ap-southeast-1")
        .projectId(PROJECT)
        .templateId("tpl-1");
  }

  private static String problems(TaskRequests.Builder builder) {
    try {
      builder.build();
    } catch (SmsClientException e) {
      return e.getMessage();
    }
    throw new AssertionError("build() accepted the request");
  }

  @Test
  void build_fromTemplate_takesDisksAndVolumeGroupsFromTheProposedTarget() {
    CreateTaskRequest request = complete().build();

    List<DiskIntargetServer> proposed = SERVER.getInitTargetServer().getDisks();
    List<TargetDisks> disks = request.getTargetServer().getDisks();
    assertThat(disks).hasSize(2);
    for (int i = 0; i < disks.size(); i++) {
      assertThat(disks.get(i).getName()).isEqualTo(proposed.get(i).getName());
      assertThat(disks.get(i).getSize()).isEqualTo(proposed.get(i).getSize());
      assertThat(disks.get(i).getUsedSize()).isEqualTo(proposed.get(i).getUsedSize());
      assertThat(disks.get(i).getDeviceUse()).isEqualTo(proposed.get(i).getDeviceUse());
      assertThat(disks.get(i).getPhysicalVolumes()).isEqualTo(proposed.get(i).getPhysicalVolumes());
    }
    assertThat(request.getTargetServer().getVolumeGroups())
        .isEqualTo(SERVER.getInitTargetServer().getVolumeGroups());
    assertThat(request.getTargetServer().getVmId()).isNull();
    assertThat(request.getVmTemplateId()).isEqualTo("tpl-1");
    assertThat(request.getExistServer()).isNull();
  }

  @Test
  void build_defaults_regionNameAndProjectNameAreTheRegion_nameAndTypeFromTheServer() {
    CreateTaskRequest request = complete().build();

    assertThat(request.getRegionName()).isEqualTo("ap-southeast-1");
    assertThat(request.getProjectName()).isEqualTo("ap-southeast-1");
    assertThat(request.getProjectId()).isEqualTo(PROJECT);
    assertThat(request.getName()).isEqualTo("migrate-web-server-01");
    assertThat(request.getType()).isEqualTo(TaskType.MIGRATE_FILE);
    assertThat(request.getOsType()).isEqualTo(OsType.LINUX);
    assertThat(request.getSourceServer().getId()).isEqualTo(SERVER.getId());
    assertThat(request.getTargetServer().getName()).isEqualTo("web server.01");
  }

  @Test
  void build_windowsServer_defaultsToBlockLevel() {
    ShowServerResponse windows = SERVER.toBuilder().osType(OsType.WINDOWS).build();

    CreateTaskRequest request =
        TaskRequests.forServer(windows)
            .regionId("ap-southeast-1")
            .projectId(PROJECT)
            .templateId("tpl-1")
            .build();

    assertThat(request.getType()).isEqualTo(TaskType.MIGRATE_BLOCK);
  }

  @Test
  void build_existingEcs_setsVmIdExistServerAndMigrationIp() {
    CreateTaskRequest request =
        TaskRequests.forServer(SERVER)
            .regionId("eu-west-101")
            .projectId(PROJECT)
            .projectName("eu-west-101_migration")
            .targetServerId("ecs-1")
            .targetServerName("web01-target")
            .migrationIp("10.0.0.8")
            .build();

    assertThat(request.getTargetServer().getVmId()).isEqualTo("ecs-1");
    assertThat(request.getTargetServer().getName()).isEqualTo("web01-target");
    assertThat(request.getExistServer()).isTrue();
    assertThat(request.getMigrationIp()).isEqualTo("10.0.0.8");
    assertThat(request.getProjectName()).isEqualTo("eu-west-101_migration");
    assertThat(request.getVmTemplateId()).isNull();
  }

  @Test
  void build_nothingSet_namesRegionIdProjectIdAndTargetInOneLine() {
    String message = problems(TaskRequests.forServer(SERVER));

    assertThat(message)
        .startsWith("CreateTask request for source server web server.01 is invalid: ")
        .contains("regionId is missing")
        .contains("projectId is missing")
        .contains("targetServerId or templateId is missing")
        .doesNotContain("\n");
  }

  @Test
  void build_everythingWrong_reportsEveryProblem() {
    List<TargetDisks> disks = new ArrayList<>();
    disks.add(TargetDisks.builder().name("/dev/vda").size(10L).usedSize(20L).build());
    disks.add(TargetDisks.builder().size(-1L).build());
    String message =
        problems(
            TaskRequests.forServer(SERVER.toBuilder().osType(null).build())
                .regionId(" ")
                .projectId(PROJECT)
                .targetServerId("ecs-1")
                .templateId("tpl-1")
                .migrationIp("10.0.0.256")
                .name("bad name!")
                .disks(disks)
                .speedLimit(10_001)
                .priority(-1)
                .overSpeedThreshold(Double.NaN));

    assertThat(message)
        .contains("regionId is blank")
        .contains("targetServerId and templateId are both set")
        .contains("migrationIp is not an IPv4 address: 10.0.0.256")
        .contains("name may hold letters, digits, '_' and '-' only")
        .contains("osType is missing")
        .contains("disks[0].usedSize 20 exceeds its size 10")
        .contains("disks[1].name is missing")
        .contains("disks[1].size must be positive")
        .contains("disks[1].usedSize is missing")
        .contains("speedLimit 10001 is outside 0..10000")
        .contains("priority -1 is outside 0..65535")
        .contains("overSpeedThreshold NaN is not a percentage")
        .doesNotContain("\n");
  }

  @Test
  void build_existingEcsWithoutMigrationIp_refused() {
    String message =
        problems(
            TaskRequests.forServer(SERVER)
                .regionId("ap-southeast-1")
                .projectId(PROJECT)
                .targetServerId("ecs-1"));

    assertThat(message).contains("migrationIp is missing (required with targetServerId");
  }

  @Test
  void build_migrationIp_ipv6WhenUseIpv6() {
    TaskRequests.Builder ipv6 =
        TaskRequests.forServer(SERVER)
            .regionId("ap-southeast-1")
            .projectId(PROJECT)
            .targetServerId("ecs-1")
            .useIpv6(true);

    assertThat(ipv6.migrationIp("2001:db8::8").build().getUseIpv6()).isTrue();
    assertThat(ipv6.migrationIp("::ffff:10.0.0.8").build().getMigrationIp())
        .isEqualTo("::ffff:10.0.0.8");
    assertThat(problems(ipv6.migrationIp("10.0.0.8")))
        .contains("migrationIp is not an IPv6 address: 10.0.0.8");
    assertThat(problems(ipv6.migrationIp("2001:db8::8::1"))).contains("not an IPv6 address");
  }

  @Test
  void isIpv4_and_isIpv6_edgeCases() {
    assertThat(TaskRequests.isIpv4("0.0.0.0")).isTrue();
    assertThat(TaskRequests.isIpv4("255.255.255.255")).isTrue();
    assertThat(TaskRequests.isIpv4("01.2.3.4")).isFalse();
    assertThat(TaskRequests.isIpv4("1.2.3")).isFalse();
    assertThat(TaskRequests.isIpv4("1.2.3.4.")).isFalse();
    assertThat(TaskRequests.isIpv4("web01")).isFalse();
    assertThat(TaskRequests.isIpv6("1:2:3:4:5:6:7:8")).isTrue();
    assertThat(TaskRequests.isIpv6("::")).isTrue();
    assertThat(TaskRequests.isIpv6("fe80::1")).isTrue();
    assertThat(TaskRequests.isIpv6("1:2:3:4:5:6:7")).isFalse();
    assertThat(TaskRequests.isIpv6("1:2:3:4:5:6:7:8:9")).isFalse();
    assertThat(TaskRequests.isIpv6("1::2:3:4:5:6:7:8")).isFalse();
    assertThat(TaskRequests.isIpv6("12345::1")).isFalse();
    assertThat(TaskRequests.isIpv6("g::1")).isFalse();
    assertThat(TaskRequests.isIpv6("1::2:")).isFalse();
  }

  @Test
  void build_tooManyDisks_refused() {
    List<TargetDisks> disks =
        Collections.nCopies(
            24, TargetDisks.builder().name("/dev/vdx").size(10L).usedSize(1L).build());

    assertThat(problems(complete().disks(disks))).contains("disks has 24 entries, at most 23");
  }

  @Test
  void build_serverWithoutProposedTarget_asksForDisks() {
    ShowServerResponse bare = SERVER.toBuilder().initTargetServer(null).build();

    assertThat(
            problems(
                TaskRequests.forServer(bare)
                    .regionId("ap-southeast-1")
                    .projectId(PROJECT)
                    .templateId("tpl-1")))
        .contains("disks is missing (the server proposes none in init_target_server");
  }

  @Test
  void build_givenDisksReplaceTheProposedOnes() {
    TargetDisks disk =
        TargetDisks.builder()
            .name("/dev/vda")
            .size(50L << 30)
            .usedSize(1L << 30)
            .deviceUse(DeviceUse.BOOT)
            .build();

    CreateTaskRequest request = complete().disks(List.of(disk)).build();

    assertThat(request.getTargetServer().getDisks()).containsExactly(disk);
  }

  @Test
  void defaultTaskName_replacesDisallowedCharacters_andStopsAt64() {
    ShowServerResponse longName =
        SERVER.toBuilder().name("db.prod/eu west 1 " + "x".repeat(80)).build();

    String name = TaskRequests.defaultTaskName(longName);

    assertThat(name).startsWith("migrate-db-prod-eu-west-1-xxx").hasSize(64);
    assertThat(complete().name(name).build().getName()).isEqualTo(name);
    assertThat(problems(complete().name(name + "y"))).contains("name has 65 characters");
    assertThat(problems(complete().name(""))).contains("name has 0 characters");
  }

  @Test
  void build_serverWithoutId_refused() {
    ShowServerResponse noId = SERVER.toBuilder().id(null).build();

    assertThat(
            problems(
                TaskRequests.forServer(noId)
                    .regionId("ap-southeast-1")
                    .projectId(PROJECT)
                    .templateId("tpl-1")))
        .contains("server id is missing");
  }

  @Test
  void createTask_bodyReadsBackThroughTheOfficialSdkModel() {
    wm.stubFor(
        post(urlPathEqualTo("/v3/tasks"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\":\"task-1\"}")));
    CreateTaskRequest request =
        TaskRequests.forServer(SERVER)
            .regionId("ap-southeast-1")
            .projectId(PROJECT)
            .targetServerId("ecs-1")
            .migrationIp("10.0.0.8")
            .syncing(true)
            .speedLimit(100)
            .build();

    try (SmsClient sms =
        SmsClient.builder()
            .endpoint(wm.baseUrl())
            .credentials(Credentials.akSk("AK", "SK").withDomainId("domain-1"))
            .build()) {
      assertThat(sms.createTask(request).getId()).isEqualTo("task-1");
    }

    String body = wm.getAllServeEvents().get(0).getRequest().getBodyAsString();
    PostTask official = JsonUtils.toObject(body, PostTask.class);
    assertThat(official.getName()).isEqualTo("migrate-web-server-01");
    assertThat(official.getType()).hasToString("MIGRATE_FILE");
    assertThat(official.getOsType()).isEqualTo("LINUX");
    assertThat(official.getSourceServer().getId()).isEqualTo(SERVER.getId());
    assertThat(official.getTargetServer().getVmId()).isEqualTo("ecs-1");
    assertThat(official.getTargetServer().getDisks()).hasSize(2);
    assertThat(official.getTargetServer().getDisks().get(0).getPhysicalVolumes()).hasSize(2);
    assertThat(official.getTargetServer().getDisks().get(0).getPhysicalVolumes().get(1).getUuid())
        .isEqualTo("7c0d6a2e-1b5f-4f88-9d2b-7a4c3e0f1b22");
    assertThat(official.getTargetServer().getVolumeGroups().get(0).getLogicalVolumes()).hasSize(1);
    assertThat(official.getExistServer()).isTrue();
    assertThat(official.getMigrationIp()).isEqualTo("10.0.0.8");
    assertThat(official.getRegionId()).isEqualTo("ap-southeast-1");
    assertThat(official.getProjectId()).isEqualTo(PROJECT);
    assertThat(official.getProjectName()).isEqualTo("ap-southeast-1");
    assertThat(official.getSyncing()).isTrue();
    assertThat(official.getSpeedLimit()).isEqualTo(100);
  }
}
