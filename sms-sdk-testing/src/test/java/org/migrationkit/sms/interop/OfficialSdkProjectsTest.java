package org.migrationkit.sms.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.sms.v3.SmsClient;
import com.huaweicloud.sdk.sms.v3.model.CreateMigprojectRequest;
import com.huaweicloud.sdk.sms.v3.model.CreatePrivacyAgreementsRequest;
import com.huaweicloud.sdk.sms.v3.model.DeleteMigprojectRequest;
import com.huaweicloud.sdk.sms.v3.model.ListApiVersionRequest;
import com.huaweicloud.sdk.sms.v3.model.ListApiVersionResponse;
import com.huaweicloud.sdk.sms.v3.model.ListMigprojectsRequest;
import com.huaweicloud.sdk.sms.v3.model.ListMigprojectsResponse;
import com.huaweicloud.sdk.sms.v3.model.MigProject;
import com.huaweicloud.sdk.sms.v3.model.MigprojectsResponseBody;
import com.huaweicloud.sdk.sms.v3.model.PostMigProjectBody;
import com.huaweicloud.sdk.sms.v3.model.ShowConfigRequest;
import com.huaweicloud.sdk.sms.v3.model.ShowConfigResponse;
import com.huaweicloud.sdk.sms.v3.model.ShowMigprojectRequest;
import com.huaweicloud.sdk.sms.v3.model.ShowMigprojectResponse;
import com.huaweicloud.sdk.sms.v3.model.ShowPrivacyAgreementsRequest;
import com.huaweicloud.sdk.sms.v3.model.ShowSha256Request;
import com.huaweicloud.sdk.sms.v3.model.UpdateDefaultMigprojectRequest;
import com.huaweicloud.sdk.sms.v3.model.UpdateMigprojectRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.testing.JournalEntry;
import org.migrationkit.sms.testing.SmsSimulator;

/**
 * Huawei Cloud's own {@code SmsClient} (huaweicloud-sdk-sms 3.1.143) manages migration projects
 * against our {@link SmsSimulator} and asks it about itself: every request it signs is accepted,
 * every answer it parses carries the state the earlier calls left.
 */
class OfficialSdkProjectsTest {
  private static final String AK = "HPUA7PROJECTSDK12345";
  private static final String SK = "pr0j3ctS3cr3tExample0123456789abcdefghijk";
  private static final String DOMAIN_ID = "0970dd7a1300f5672ff2c003c60ae115";

  private SmsSimulator simulator;
  private SmsClient official;

  @BeforeEach
  void startSimulator() {
    simulator = SmsSimulator.start(Credentials.akSk(AK, SK).withDomainId(DOMAIN_ID));
    official = OfficialClients.at(simulator.endpoint(), AK, SK, DOMAIN_ID);
  }

  @AfterEach
  void stopSimulator() {
    simulator.close();
  }

  private MigprojectsResponseBody defaultProject() {
    List<MigprojectsResponseBody> defaults =
        official
            .listMigprojects(new ListMigprojectsRequest().withLimit(100).withOffset(0))
            .getMigprojects()
            .stream()
            .filter(p -> Boolean.TRUE.equals(p.getIsdefault()))
            .toList();
    assertThat(defaults).hasSize(1);
    return defaults.get(0);
  }

  private void assertEveryRequestSigned() {
    List<JournalEntry> journal = simulator.journal();
    assertThat(journal)
        .allSatisfy(e -> assertThat(e.signatureValid()).as(e.signatureReason()).isTrue());
  }

  @Test
  void officialClient_projectLifecycle_everyRequestSignedAndEveryAnswerParsed() {
    String firstDefault = defaultProject().getId();

    String id =
        official
            .createMigproject(
                new CreateMigprojectRequest()
                    .withBody(
                        new PostMigProjectBody()
                            .withName("wave-1")
                            .withDescription("first wave")
                            .withRegion("ap-southeast-1")
                            .withUsePublicIp(true)
                            .withExistServer(false)
                            .withType(PostMigProjectBody.TypeEnum.MIGRATE_FILE)
                            .withSyncing(false)
                            .withStartNetworckCheck(true)))
            .getId();
    ListMigprojectsResponse page =
        official.listMigprojects(new ListMigprojectsRequest().withLimit(1).withOffset(1));
    official.updateMigproject(
        new UpdateMigprojectRequest()
            .withMigProjectId(id)
            .withBody(
                new MigProject()
                    .withId(id)
                    .withName("wave-one")
                    .withRegion("ap-southeast-1")
                    .withUsePublicIp(false)
                    .withExistServer(true)
                    .withType(MigProject.TypeEnum.MIGRATE_BLOCK)
                    .withSyncing(true)
                    .withSpeedLimit(200)));
    official.updateDefaultMigproject(new UpdateDefaultMigprojectRequest().withMigProjectId(id));
    ShowMigprojectResponse shown =
        official.showMigproject(new ShowMigprojectRequest().withMigProjectId(id));
    ShowMigprojectResponse former =
        official.showMigproject(new ShowMigprojectRequest().withMigProjectId(firstDefault));
    official.deleteMigproject(new DeleteMigprojectRequest().withMigProjectId(firstDefault));
    ServiceResponseException defaultKept =
        catchThrowableOfType(
            ServiceResponseException.class,
            () -> official.deleteMigproject(new DeleteMigprojectRequest().withMigProjectId(id)));
    ListMigprojectsResponse remaining =
        official.listMigprojects(new ListMigprojectsRequest().withLimit(10).withOffset(0));

    assertThat(page.getCount()).isEqualTo(2);
    assertThat(page.getMigprojects())
        .extracting(MigprojectsResponseBody::getId)
        .containsExactly(id);
    assertThat(page.getMigprojects().get(0).getStartNetworkCheck()).isTrue();
    assertThat(shown.getName()).isEqualTo("wave-one");
    assertThat(shown.getDescription()).isEqualTo("first wave");
    assertThat(shown.getType()).isEqualTo(ShowMigprojectResponse.TypeEnum.MIGRATE_BLOCK);
    assertThat(shown.getUsePublicIp()).isFalse();
    assertThat(shown.getExistServer()).isTrue();
    assertThat(shown.getSyncing()).isTrue();
    assertThat(shown.getSpeedLimit()).isEqualTo(200);
    assertThat(shown.getIsdefault()).isTrue();
    assertThat(former.getIsdefault()).isFalse();
    assertThat(defaultKept.getHttpStatusCode()).isEqualTo(400);
    assertThat(defaultKept.getErrorCode()).isEqualTo("SMS.1604");
    assertThat(remaining.getCount()).isEqualTo(1);
    assertThat(remaining.getMigprojects())
        .extracting(MigprojectsResponseBody::getId)
        .containsExactly(id);
    assertThat(simulator.journal()).hasSize(10);
    assertEveryRequestSigned();
  }

  @Test
  void officialClient_unknownProject_404WithTheSimulatorsCode() {
    ServiceResponseException e =
        catchThrowableOfType(
            ServiceResponseException.class,
            () -> official.showMigproject(new ShowMigprojectRequest().withMigProjectId("nope")));

    assertThat(e.getHttpStatusCode()).isEqualTo(404);
    assertThat(e.getErrorCode()).isEqualTo("SMS.1602");
    assertThat(e.getRequestId()).startsWith("sim-");
    assertEveryRequestSigned();
  }

  @Test
  void officialClient_serviceInfo_configPrivacyVersionsAndSha256Parsed() throws Exception {
    ShowConfigResponse config = official.showConfig(new ShowConfigRequest());
    Boolean agreedBefore =
        official.showPrivacyAgreements(new ShowPrivacyAgreementsRequest()).getFlag();
    official.createPrivacyAgreements(new CreatePrivacyAgreementsRequest());
    Boolean agreedAfter =
        official.showPrivacyAgreements(new ShowPrivacyAgreementsRequest()).getFlag();
    ListApiVersionResponse versions = official.listApiVersion(new ListApiVersionRequest());
    String sha = official.showSha256(new ShowSha256Request().withKey("agent-key-01")).getValue();

    assertThat(config.getConfig()).containsEntry("mainRegion", "ap-southeast-1");
    assertThat(config.getRegions())
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r).containsKeys("region_name", "project_name"));
    assertThat(agreedBefore).isFalse();
    assertThat(agreedAfter).isTrue();
    assertThat(versions.getVersions()).hasSize(1);
    assertThat(versions.getVersions().get(0).getId()).isEqualTo("v3");
    assertThat(versions.getVersions().get(0).getStatus()).isEqualTo("CURRENT");
    assertThat(sha)
        .isEqualTo(
            HexFormat.of()
                .formatHex(
                    MessageDigest.getInstance("SHA-256")
                        .digest("agent-key-01".getBytes(StandardCharsets.UTF_8))));
    assertThat(simulator.journal())
        .hasSize(6)
        .allSatisfy(e -> assertThat(e.status()).isEqualTo(200));
    assertEveryRequestSigned();
  }
}
