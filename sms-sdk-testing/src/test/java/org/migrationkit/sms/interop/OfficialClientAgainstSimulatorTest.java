package org.migrationkit.sms.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.sms.v3.SmsClient;
import com.huaweicloud.sdk.sms.v3.model.ShowTaskRequest;
import com.huaweicloud.sdk.sms.v3.model.ShowTaskResponse;
import com.huaweicloud.sdk.sms.v3.model.SubTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.testing.SmsSimulator;

/**
 * Huawei Cloud's own {@code SmsClient} (huaweicloud-sdk-sms 3.1.143) against our {@link
 * SmsSimulator}: the simulator verifies the official client's SDK-HMAC-SHA256 signature with our
 * verifier and serves the task, and the official client parses our JSON.
 *
 * <p>The official client gets the simulator's {@code http://127.0.0.1} endpoint and {@code
 * GlobalCredentials} with a domain id, so it never looks up a region nor asks IAM for the domain.
 * It runs on whichever OkHttp the build puts on the class path (okhttp-jvm 5 by default, okhttp
 * 4.12 under {@code -Pokhttp4}), its own 4.12 being excluded in the pom.
 */
class OfficialClientAgainstSimulatorTest {
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
  void officialShowTask_exampleTask_signatureVerifiedAndBodyParsed() {
    ShowTaskResponse task =
        officialClient(SK).showTask(new ShowTaskRequest().withTaskId(SmsSimulator.EXAMPLE_TASK_ID));

    assertThat(task.getHttpStatusCode()).isEqualTo(200);
    assertThat(task.getId()).isEqualTo("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxx0001");
    assertThat(task.getName()).isEqualTo("MigrationTask");
    assertThat(task.getState()).isEqualTo("RUNNING");
    assertThat(task.getType()).isEqualTo(ShowTaskResponse.TypeEnum.MIGRATE_BLOCK);
    assertThat(task.getPriority()).isEqualTo(ShowTaskResponse.PriorityEnum.NUMBER_1);
    assertThat(task.getCreateDate()).isEqualTo(1598435778000L);
    assertThat(task.getSourceServer().getIp()).isEqualTo("192.168.0.154");
    assertThat(task.getSourceServer().getMigrationCycle().getValue()).isEqualTo("replicating");
    assertThat(task.getSubTasks()).extracting(SubTask::getId).startsWith(7278L, 7279L);
    assertThat(ModelParity.differences(SmsSimulator.exampleTask(), task)).isEmpty();
  }

  @Test
  void officialShowTask_randomTasks_readAsOurClientReadsThem() {
    RandomTaskJson bodies = new RandomTaskJson(new Random(0x51A1_A70EL));
    SmsClient official = officialClient(SK);
    Credentials credentials = Credentials.akSk(AK, SK).withDomainId(DOMAIN_ID);
    List<String> failures = new ArrayList<>();
    try (org.migrationkit.sms.SmsClient ours =
        org.migrationkit.sms.SmsClient.builder()
            .endpoint(simulator.endpoint())
            .credentials(credentials)
            .build()) {
      for (int i = 0; i < 25; i++) {
        String taskId = "task-" + i + "-" + Long.toHexString(i * 0x9E3779B97F4A7C15L);
        org.migrationkit.sms.model.ShowTaskResponse stored =
            org.migrationkit.sms.model.ShowTaskResponse.fromJson(bodies.next());
        simulator.putTask(taskId, stored);

        ShowTaskResponse theirs = official.showTask(new ShowTaskRequest().withTaskId(taskId));
        org.migrationkit.sms.model.ShowTaskResponse mine = ours.showTask(taskId);

        assertThat(mine).isEqualTo(stored);
        List<String> differences = ModelParity.differences(mine, theirs);
        if (!differences.isEmpty()) {
          failures.add(taskId + ": " + differences);
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void officialShowTask_wrongSecretKey_rejectedWith401InTheGatewayShape() {
    ServiceResponseException e =
        catchThrowableOfType(
            ServiceResponseException.class,
            () ->
                officialClient("not-the-secret-key")
                    .showTask(new ShowTaskRequest().withTaskId(SmsSimulator.EXAMPLE_TASK_ID)));

    assertThat(e.getHttpStatusCode()).isEqualTo(401);
    assertThat(e.getErrorCode()).isEqualTo("APIGW.0301");
    assertThat(e.getErrorMsg()).contains("signature does not match");
    assertThat(e.getRequestId()).startsWith("sim-");
  }

  @Test
  void officialShowTask_unknownTask_404WithTheServiceErrorCode() {
    ServiceResponseException e =
        catchThrowableOfType(
            ServiceResponseException.class,
            () -> officialClient(SK).showTask(new ShowTaskRequest().withTaskId("no-such-task")));

    assertThat(e.getHttpStatusCode()).isEqualTo(404);
    assertThat(e.getErrorCode()).isEqualTo("SMS.1204");
    assertThat(e.getRequestId()).startsWith("sim-");
  }

  private SmsClient officialClient(String secretKey) {
    return OfficialClients.at(simulator.endpoint(), AK, secretKey, DOMAIN_ID);
  }
}
