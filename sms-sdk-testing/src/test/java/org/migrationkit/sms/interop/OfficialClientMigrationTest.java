package org.migrationkit.sms.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.sms.v3.SmsClient;
import com.huaweicloud.sdk.sms.v3.model.CreateTaskRequest;
import com.huaweicloud.sdk.sms.v3.model.DeleteTaskRequest;
import com.huaweicloud.sdk.sms.v3.model.DiskIntargetServer;
import com.huaweicloud.sdk.sms.v3.model.ListServersRequest;
import com.huaweicloud.sdk.sms.v3.model.ListServersResponse;
import com.huaweicloud.sdk.sms.v3.model.ListTasksRequest;
import com.huaweicloud.sdk.sms.v3.model.PostSourceServerBody;
import com.huaweicloud.sdk.sms.v3.model.PostTask;
import com.huaweicloud.sdk.sms.v3.model.RegisterServerRequest;
import com.huaweicloud.sdk.sms.v3.model.ShowTaskRequest;
import com.huaweicloud.sdk.sms.v3.model.ShowTaskResponse;
import com.huaweicloud.sdk.sms.v3.model.SourceServerByTask;
import com.huaweicloud.sdk.sms.v3.model.SourceServersResponseBody;
import com.huaweicloud.sdk.sms.v3.model.TargetDisks;
import com.huaweicloud.sdk.sms.v3.model.TargetServerByTask;
import com.huaweicloud.sdk.sms.v3.model.UpdateTaskStatusReq;
import com.huaweicloud.sdk.sms.v3.model.UpdateTaskStatusRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.testing.JournalEntry;
import org.migrationkit.sms.testing.SmsSimulator;

/**
 * Huawei Cloud's own {@code SmsClient} (huaweicloud-sdk-sms 3.1.143) drives a whole migration
 * against our {@link SmsSimulator}: register a source server as the agent does, list it, create a
 * task from its {@code init_target_server}, start it, poll ShowTask to MIGRATE_SUCCESS, delete it.
 * The simulator verifies every request's signature; the official client parses every answer.
 */
class OfficialClientMigrationTest {
  private static final String AK = "HPUA6QWERTYASDF1234Z";
  private static final String SK = "s3cr3tK3yExample0123456789abcdefghijklmno";
  private static final String DOMAIN_ID = "0970dd7a1300f5672ff2c003c60ae115";

  private SmsSimulator simulator;

  @BeforeEach
  void startSimulator() {
    simulator = SmsSimulator.start(Credentials.akSk(AK, SK).withDomainId(DOMAIN_ID));
  }

  @AfterEach
  void stopSimulator() {
    simulator.close();
  }

  @Test
  void officialClient_completeMigration_everyRequestSignedAndEveryAnswerParsed() {
    SmsClient official = officialClient();

    String registered =
        official
            .registerServer(
                new RegisterServerRequest()
                    .withBody(
                        new PostSourceServerBody()
                            .withIp("192.168.0.154")
                            .withName("web-1")
                            .withHostname("web-1")
                            .withOsType(PostSourceServerBody.OsTypeEnum.LINUX)
                            .withOsVersion("CentOS 7.9")))
            .getId();
    ListServersResponse servers =
        official.listServers(new ListServersRequest().withLimit(10).withOffset(0));
    SourceServersResponseBody server = servers.getSourceServers().get(0);
    List<TargetDisks> disks = new ArrayList<>();
    for (DiskIntargetServer d : server.getInitTargetServer().getDisks()) {
      disks.add(
          new TargetDisks()
              .withName(d.getName())
              .withSize(d.getSize())
              .withUsedSize(d.getUsedSize())
              .withDeviceUse(TargetDisks.DeviceUseEnum.fromValue(d.getDeviceUse().getValue())));
    }
    String taskId =
        official
            .createTask(
                new CreateTaskRequest()
                    .withBody(
                        new PostTask()
                            .withName("migrate-web-1")
                            .withType(PostTask.TypeEnum.MIGRATE_FILE)
                            .withOsType("LINUX")
                            .withSourceServer(new SourceServerByTask().withId(server.getId()))
                            .withTargetServer(
                                new TargetServerByTask()
                                    .withName("web-1-target")
                                    .withVmId("vm-0001")
                                    .withDisks(disks))
                            .withRegionName("ap-southeast-1")
                            .withRegionId("ap-southeast-1")
                            .withProjectName("ap-southeast-1")
                            .withProjectId("project-0001")))
            .getId();
    ShowTaskResponse ready = official.showTask(new ShowTaskRequest().withTaskId(taskId));
    official.updateTaskStatus(
        new UpdateTaskStatusRequest()
            .withTaskId(taskId)
            .withBody(
                new UpdateTaskStatusReq().withOperation(UpdateTaskStatusReq.OperationEnum.START)));
    List<String> states = new ArrayList<>();
    ShowTaskResponse task = official.showTask(new ShowTaskRequest().withTaskId(taskId));
    for (int poll = 0; poll < 50 && !"MIGRATE_SUCCESS".equals(task.getState()); poll++) {
      states.add(task.getState());
      task = official.showTask(new ShowTaskRequest().withTaskId(taskId));
    }
    int listedBeforeDelete =
        official.listTasks(new ListTasksRequest().withLimit(10).withOffset(0)).getCount();
    official.deleteTask(new DeleteTaskRequest().withTaskId(taskId));
    ServiceResponseException gone =
        catchThrowableOfType(
            ServiceResponseException.class,
            () -> official.showTask(new ShowTaskRequest().withTaskId(taskId)));

    assertThat(servers.getCount()).isEqualTo(1);
    assertThat(server.getId()).isEqualTo(registered);
    assertThat(server.getConnected()).isTrue();
    assertThat(ready.getState()).isEqualTo("READY");
    assertThat(ready.getSourceServer().getId()).isEqualTo(registered);
    assertThat(states).contains("RUNNING").doesNotContain("MIGRATE_FAIL");
    assertThat(task.getState()).isEqualTo("MIGRATE_SUCCESS");
    assertThat(task.getSubTasks()).isNotEmpty().allMatch(s -> s.getProgress() == 100);
    assertThat(listedBeforeDelete).isEqualTo(3); // the example task, under its two ids, and ours
    assertThat(gone.getHttpStatusCode()).isEqualTo(404);
    assertThat(gone.getErrorCode()).isEqualTo("SMS.1204");
    List<JournalEntry> journal = simulator.journal();
    assertThat(journal).hasSizeGreaterThan(8);
    assertThat(journal)
        .allSatisfy(e -> assertThat(e.signatureValid()).as(e.signatureReason()).isTrue());
  }

  @Test
  void officialClient_deleteRunningTask_refusedWithTheDocumentedCode() {
    String serverId = simulator.addSourceServer("web-1").getId();
    String taskId =
        officialClient()
            .createTask(
                new CreateTaskRequest()
                    .withBody(
                        new PostTask()
                            .withName("t")
                            .withType(PostTask.TypeEnum.MIGRATE_BLOCK)
                            .withOsType("LINUX")
                            .withAutoStart(true)
                            .withSourceServer(new SourceServerByTask().withId(serverId))
                            .withTargetServer(new TargetServerByTask().withName("t").withVmId("vm"))
                            .withRegionName("r")
                            .withRegionId("r")
                            .withProjectName("p")
                            .withProjectId("p")))
            .getId();

    ServiceResponseException e =
        catchThrowableOfType(
            ServiceResponseException.class,
            () -> officialClient().deleteTask(new DeleteTaskRequest().withTaskId(taskId)));

    assertThat(e.getHttpStatusCode()).isEqualTo(400);
    assertThat(e.getErrorCode()).isEqualTo("SMS.2015");
    assertThat(e.getRequestId()).startsWith("sim-");
  }

  private SmsClient officialClient() {
    return OfficialClients.at(simulator.endpoint(), AK, SK, DOMAIN_ID);
  }
}
