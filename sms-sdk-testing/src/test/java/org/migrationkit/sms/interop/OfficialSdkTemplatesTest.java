package org.migrationkit.sms.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.sms.v3.SmsClient;
import com.huaweicloud.sdk.sms.v3.model.CreateTemplateReq;
import com.huaweicloud.sdk.sms.v3.model.CreateTemplateRequest;
import com.huaweicloud.sdk.sms.v3.model.DeleteTemplateRequest;
import com.huaweicloud.sdk.sms.v3.model.DeleteTemplatesRequest;
import com.huaweicloud.sdk.sms.v3.model.DeletetemplatesReq;
import com.huaweicloud.sdk.sms.v3.model.ListTemplatesRequest;
import com.huaweicloud.sdk.sms.v3.model.ListTemplatesResponse;
import com.huaweicloud.sdk.sms.v3.model.Nics;
import com.huaweicloud.sdk.sms.v3.model.PublicIp;
import com.huaweicloud.sdk.sms.v3.model.SgObject;
import com.huaweicloud.sdk.sms.v3.model.ShowTargetPasswordRequest;
import com.huaweicloud.sdk.sms.v3.model.ShowTargetPasswordResponse;
import com.huaweicloud.sdk.sms.v3.model.ShowTemplateRequest;
import com.huaweicloud.sdk.sms.v3.model.TemplateDisk;
import com.huaweicloud.sdk.sms.v3.model.TemplateRequest;
import com.huaweicloud.sdk.sms.v3.model.TemplateResponseBody;
import com.huaweicloud.sdk.sms.v3.model.UpdateTemplateReq;
import com.huaweicloud.sdk.sms.v3.model.UpdateTemplateRequest;
import com.huaweicloud.sdk.sms.v3.model.VpcObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.testing.JournalEntry;
import org.migrationkit.sms.testing.SmsSimulator;

/**
 * Huawei Cloud's own {@code SmsClient} (huaweicloud-sdk-sms 3.1.143) manages server templates in
 * our {@link SmsSimulator}: create, list, show, update, read the target password, delete one and a
 * batch. The simulator verifies every request's signature; the official client parses every answer.
 */
class OfficialSdkTemplatesTest {
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

  private static TemplateRequest template(String name) {
    return new TemplateRequest()
        .withName(name)
        .withIsTemplate(true)
        .withRegion("ap-southeast-1")
        .withProjectid("project-0001")
        .withTargetServerName(name + "-target")
        .withAvailabilityZone("ap-southeast-1a")
        .withVolumetype(TemplateRequest.VolumetypeEnum.SSD)
        .withFlavor("s6.large.2")
        .withVpc(new VpcObject().withId("vpc-1").withName("vpc-one").withCidr("192.168.0.0/16"))
        .withNics(
            List.of(
                new Nics().withId("subnet-1").withName("subnet-one").withCidr("192.168.1.0/24")))
        .withSecurityGroups(List.of(new SgObject().withId("sg-1").withName("sg-one")))
        .withPublicip(new PublicIp().withType("5_bgp").withBandwidthSize(10))
        .withDisk(
            List.of(
                new TemplateDisk()
                    .withIndex(0)
                    .withName("/dev/vda")
                    .withDisktype("SSD")
                    .withSize(42_949_672_960L)))
        .withDataVolumeType(TemplateRequest.DataVolumeTypeEnum.SAS)
        .withTargetPassword("Pa55word!first");
  }

  @Test
  void officialClient_templateLifecycle_everyRequestSignedAndEveryAnswerParsed() {
    SmsClient official = officialClient();

    String id =
        official
            .createTemplate(
                new CreateTemplateRequest()
                    .withBody(new CreateTemplateReq().withTemplate(template("web"))))
            .getId();
    String other =
        official
            .createTemplate(
                new CreateTemplateRequest()
                    .withBody(new CreateTemplateReq().withTemplate(template("db"))))
            .getId();
    ListTemplatesResponse listed =
        official.listTemplates(new ListTemplatesRequest().withName("we").withLimit(10));
    TemplateResponseBody shown =
        official.showTemplate(new ShowTemplateRequest().withId(id)).getTemplate();
    official.updateTemplate(
        new UpdateTemplateRequest()
            .withId(id)
            .withBody(
                new UpdateTemplateReq()
                    .withTemplate(
                        new TemplateRequest()
                            .withFlavor("c7.xlarge.2")
                            .withTargetPassword("Pa55word!second"))));
    TemplateResponseBody updated =
        official.showTemplate(new ShowTemplateRequest().withId(id)).getTemplate();
    ShowTargetPasswordResponse password =
        official.showTargetPassword(new ShowTargetPasswordRequest().withId(id));
    official.deleteTemplate(new DeleteTemplateRequest().withId(id));
    ServiceResponseException gone =
        catchThrowableOfType(
            ServiceResponseException.class,
            () -> official.showTemplate(new ShowTemplateRequest().withId(id)));
    official.deleteTemplates(
        new DeleteTemplatesRequest().withBody(new DeletetemplatesReq().withIds(List.of(other))));
    int left = official.listTemplates(new ListTemplatesRequest()).getCount();

    assertThat(listed.getCount()).isEqualTo(1);
    assertThat(listed.getTemplates()).extracting(TemplateResponseBody::getId).containsExactly(id);
    assertThat(shown.getName()).isEqualTo("web");
    assertThat(shown.getIsTemplate()).isEqualTo("true");
    assertThat(shown.getVolumetype()).isEqualTo(TemplateResponseBody.VolumetypeEnum.SSD);
    assertThat(shown.getDataVolumeType()).isEqualTo(TemplateResponseBody.DataVolumeTypeEnum.SAS);
    assertThat(shown.getVpc().getId()).isEqualTo("vpc-1");
    assertThat(shown.getNics()).extracting(Nics::getCidr).containsExactly("192.168.1.0/24");
    assertThat(shown.getPublicip().getBandwidthSize()).isEqualTo(10);
    assertThat(shown.getDisk()).extracting(TemplateDisk::getSize).containsExactly(42_949_672_960L);
    assertThat(shown.getTargetPassword()).isNull();
    assertThat(updated.getFlavor()).isEqualTo("c7.xlarge.2");
    assertThat(updated.getTargetServerName()).isEqualTo("web-target");
    assertThat(password.getTemplateId()).isEqualTo(id);
    assertThat(password.getTargetPassword()).isEqualTo("Pa55word!second");
    assertThat(gone.getHttpStatusCode()).isEqualTo(404);
    assertThat(gone.getErrorCode()).isEqualTo("SMS.1502");
    assertThat(left).isZero();
    List<JournalEntry> journal = simulator.journal();
    assertThat(journal).hasSize(11);
    assertThat(journal)
        .allSatisfy(e -> assertThat(e.signatureValid()).as(e.signatureReason()).isTrue());
  }

  private SmsClient officialClient() {
    return OfficialClients.at(simulator.endpoint(), AK, SK, DOMAIN_ID);
  }
}
