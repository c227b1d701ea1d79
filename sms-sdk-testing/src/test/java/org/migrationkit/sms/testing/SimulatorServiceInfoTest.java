package org.migrationkit.sms.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.CreatePrivacyAgreementsRequest;
import org.migrationkit.sms.model.Link;
import org.migrationkit.sms.model.ListApiVersionRequest;
import org.migrationkit.sms.model.ListApiVersionResponse;
import org.migrationkit.sms.model.ListTasksRequest;
import org.migrationkit.sms.model.ShowApiVersionRequest;
import org.migrationkit.sms.model.ShowApiVersionResponse;
import org.migrationkit.sms.model.ShowConfigRequest;
import org.migrationkit.sms.model.ShowConfigResponse;
import org.migrationkit.sms.model.ShowPrivacyAgreementsRequest;
import org.migrationkit.sms.model.ShowSha256Request;
import org.migrationkit.sms.model.Version;
import org.migrationkit.sms.testsupport.SimulatorClients;

/** What the simulated service says about itself, through our client over loopback. */
class SimulatorServiceInfoTest {
  private static final Credentials CREDENTIALS =
      Credentials.akSk("HPUASERVICEINFOKEY01", "service-info-secret-key").withDomainId("d-1");

  private SmsSimulator simulator;
  private SmsClient sms;

  @BeforeEach
  void start() {
    simulator = SmsSimulator.start(CREDENTIALS);
    sms = client(simulator);
  }

  @AfterEach
  void stop() {
    sms.close();
    simulator.close();
  }

  private static SmsClient client(SmsSimulator simulator) {
    return SimulatorClients.withoutRetries(simulator, CREDENTIALS);
  }

  private static SmsServiceException refusal(Runnable call) {
    return catchThrowableOfType(SmsServiceException.class, call::run);
  }

  private static String sha256Hex(String key) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void listApiVersion_oneCurrentV3LinkingToTheSimulator() {
    ListApiVersionResponse versions = sms.listApiVersion(ListApiVersionRequest.builder().build());

    assertThat(versions.getVersions()).hasSize(1);
    Version v3 = versions.getVersions().get(0);
    assertThat(v3.getId()).isEqualTo("v3");
    assertThat(v3.getStatus()).isEqualTo("CURRENT");
    assertThat(v3.getUpdated()).isEqualTo("2020-09-02T17:50:00Z");
    assertThat(v3.getLinks())
        .extracting(Link::getRel, Link::getHref)
        .containsExactly(tuple("self", simulator.endpoint() + "/v3"));
  }

  @Test
  void showApiVersion_v3_isTheListedVersion() {
    Version listed =
        sms.listApiVersion(ListApiVersionRequest.builder().build()).getVersions().get(0);

    ShowApiVersionResponse v3 =
        sms.showApiVersion(ShowApiVersionRequest.builder().version("v3").build());

    assertThat(v3.getId()).isEqualTo("v3");
    assertThat(v3.getStatus()).isEqualTo(listed.getStatus());
    assertThat(v3.getUpdated()).isEqualTo(listed.getUpdated());
    assertThat(v3.getLinks()).isEqualTo(listed.getLinks());
  }

  @Test
  void showApiVersion_unknownVersion_404() {
    SmsServiceException e =
        refusal(() -> sms.showApiVersion(ShowApiVersionRequest.builder().version("v9").build()));

    assertThat(e.getStatusCode()).isEqualTo(404);
    assertThat(e.getErrorCode()).isEqualTo("APIGW.0101");
  }

  @Test
  void routes_rootAndOneSegmentAreVersionsLongerPathsTheirOwnOperations() {
    assertThat(Route.match("GET", "/").route().operation()).isEqualTo("ListApiVersion");
    assertThat(Route.match("GET", "/v3").route().operation()).isEqualTo("ShowApiVersion");
    assertThat(Route.match("GET", "/v3/tasks").route().operation()).isEqualTo("ListTasks");
    assertThat(Route.match("GET", "/v3/config").route().operation()).isEqualTo("ShowConfig");
    assertThat(Route.match("GET", "/v3/migprojects").route().operation())
        .isEqualTo("ListMigprojects");
    assertThat(Route.match("GET", "/v3/sha256/abc").route().operation()).isEqualTo("ShowSha256");
  }

  @Test
  void versions_thenTheWorkflowsListsStillAnswer() {
    sms.listApiVersion(ListApiVersionRequest.builder().build());
    sms.showApiVersion(ShowApiVersionRequest.builder().version("v3").build());

    // the example task, under its two ids: ListTasks answered, not ShowApiVersion
    assertThat(sms.listTasks(ListTasksRequest.builder().build()).getCount()).isEqualTo(2);
    assertThat(sms.showTask(SmsSimulator.EXAMPLE_TASK_ID).getName()).isNotNull();
    assertThat(simulator.journal())
        .extracting(JournalEntry::status)
        .containsExactly(200, 200, 200, 200);
  }

  @Test
  void showConfig_documentedConfigAndRegions() {
    ShowConfigResponse config = sms.showConfig(ShowConfigRequest.builder().build());

    assertThat(config.getConfig())
        .containsEntry("mainRegion", "ap-southeast-1")
        .containsEntry("obs_domain", "obs.ap-southeast-1.myhuaweicloud.com")
        .containsEntry("disktype", "SAS");
    assertThat(config.getRegions())
        .extracting(r -> r.get("region_name"))
        .containsExactly("ap-southeast-1", "ap-southeast-3", "cn-north-4", "my-kualalumpur-1");
    assertThat(config.getRegions())
        .allSatisfy(r -> assertThat(r.get("project_name")).isEqualTo(r.get("region_name")));
    assertThat(config.getRegions())
        .extracting(Map::keySet)
        .allSatisfy(keys -> assertThat(keys).containsOnly("region_name", "project_name"));
  }

  @Test
  void privacyAgreements_falseUntilAgreedThenTrue() {
    boolean before =
        sms.showPrivacyAgreements(ShowPrivacyAgreementsRequest.builder().build()).getFlag();

    sms.createPrivacyAgreements(CreatePrivacyAgreementsRequest.builder().build());

    assertThat(before).isFalse();
    assertThat(sms.showPrivacyAgreements(ShowPrivacyAgreementsRequest.builder().build()).getFlag())
        .isTrue();
  }

  @Test
  void privacyAgreements_arePerSimulator() {
    sms.createPrivacyAgreements(CreatePrivacyAgreementsRequest.builder().build());

    try (SmsSimulator other = SmsSimulator.start(CREDENTIALS);
        SmsClient otherSms = client(other)) {
      assertThat(
              otherSms
                  .showPrivacyAgreements(ShowPrivacyAgreementsRequest.builder().build())
                  .getFlag())
          .isFalse();
    }
  }

  @Test
  void showSha256_isTheSha256OfTheKeysUtf8Bytes() throws Exception {
    for (String key : List.of("agent-key-01", "clé partagée", "a/b?c")) {
      String value = sms.showSha256(ShowSha256Request.builder().key(key).build()).getValue();

      assertThat(value).as(key).isEqualTo(sha256Hex(key));
    }
  }

  @Test
  void showSha256_differentKeys_differentValues() {
    String one = sms.showSha256(ShowSha256Request.builder().key("one").build()).getValue();
    String two = sms.showSha256(ShowSha256Request.builder().key("two").build()).getValue();

    assertThat(one).isNotEqualTo(two).matches("[0-9a-f]{64}");
  }
}
