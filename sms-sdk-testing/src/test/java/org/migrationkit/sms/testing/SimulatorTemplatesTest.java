package org.migrationkit.sms.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.SmsServiceException;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.CreateTemplateRequest;
import org.migrationkit.sms.model.DeleteTemplateRequest;
import org.migrationkit.sms.model.DeleteTemplatesRequest;
import org.migrationkit.sms.model.ListTemplatesRequest;
import org.migrationkit.sms.model.ListTemplatesResponse;
import org.migrationkit.sms.model.Nics;
import org.migrationkit.sms.model.PublicIp;
import org.migrationkit.sms.model.SgObject;
import org.migrationkit.sms.model.ShowTargetPasswordRequest;
import org.migrationkit.sms.model.ShowTargetPasswordResponse;
import org.migrationkit.sms.model.ShowTemplateRequest;
import org.migrationkit.sms.model.TemplateDisk;
import org.migrationkit.sms.model.TemplateRequest;
import org.migrationkit.sms.model.TemplateResponseBody;
import org.migrationkit.sms.model.UpdateTemplateRequest;
import org.migrationkit.sms.model.VolumeType;
import org.migrationkit.sms.model.VpcObject;
import org.migrationkit.sms.testsupport.SignedHttp;
import org.migrationkit.sms.testsupport.SimulatorClients;

/** The simulator's server templates through our client over loopback. */
class SimulatorTemplatesTest {
  private static final Credentials CREDENTIALS =
      Credentials.akSk("HPUATEMPLATESKEY0001", "templates-secret-key-value").withDomainId("d-1");

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

  private static TemplateRequest.Builder minimal(String name) {
    return TemplateRequest.builder()
        .name(name)
        .isTemplate(true)
        .region("ap-southeast-1")
        .projectid("project-1");
  }

  private static TemplateRequest full(String name) {
    return minimal(name)
        .targetServerName(name + "-target")
        .availabilityZone("ap-southeast-1a")
        .volumetype(VolumeType.SSD)
        .flavor("s6.large.2")
        .vpc(VpcObject.builder().id("vpc-1").name("vpc-one").cidr("192.168.0.0/16").build())
        .nics(
            List.of(
                Nics.builder()
                    .id("subnet-1")
                    .name("subnet-one")
                    .cidr("192.168.1.0/24")
                    .ip("192.168.1.10")
                    .build()))
        .securityGroups(List.of(SgObject.builder().id("sg-1").name("sg-one").build()))
        .publicip(PublicIp.builder().type("5_bgp").bandwidthSize(10).build())
        .disk(
            List.of(
                TemplateDisk.builder()
                    .index(0)
                    .name("/dev/vda")
                    .disktype("SSD")
                    .size(42_949_672_960L)
                    .build()))
        .dataVolumeType(VolumeType.SAS)
        .targetPassword("Pa55word!first")
        .imageId("image-1")
        .build();
  }

  private String create(TemplateRequest template) {
    return sms.createTemplate(CreateTemplateRequest.builder().template(template).build()).getId();
  }

  private TemplateResponseBody show(String id) {
    return sms.showTemplate(ShowTemplateRequest.builder().id(id).build()).getTemplate();
  }

  private void update(String id, TemplateRequest change) {
    sms.updateTemplate(UpdateTemplateRequest.builder().id(id).template(change).build());
  }

  private ShowTargetPasswordResponse password(String id) {
    return sms.showTargetPassword(ShowTargetPasswordRequest.builder().id(id).build());
  }

  private ListTemplatesResponse list(ListTemplatesRequest.Builder request) {
    return sms.listTemplates(request.build());
  }

  private static List<String> names(ListTemplatesResponse response) {
    return response.getTemplates().stream().map(TemplateResponseBody::getName).toList();
  }

  private static SmsServiceException refusal(Runnable call) {
    return catchThrowableOfType(SmsServiceException.class, call::run);
  }

  private HttpResponse<String> rawPost(String path, String json) throws Exception {
    return SignedHttp.send(simulator.endpoint(), CREDENTIALS, "POST", path, json);
  }

  @Test
  void createThenShow_answersEveryMemberUnderTheResponseNames_butNotThePassword() {
    String id = create(full("web"));

    TemplateResponseBody t = show(id);

    assertThat(t.getId()).isEqualTo(id);
    assertThat(t.getName()).isEqualTo("web");
    assertThat(t.getIsTemplate()).isEqualTo("true");
    assertThat(t.getRegion()).isEqualTo("ap-southeast-1");
    assertThat(t.getProjectid()).isEqualTo("project-1");
    assertThat(t.getTargetServerName()).isEqualTo("web-target");
    assertThat(t.getAvailabilityZone()).isEqualTo("ap-southeast-1a");
    assertThat(t.getVolumetype()).isEqualTo(VolumeType.SSD);
    assertThat(t.getFlavor()).isEqualTo("s6.large.2");
    assertThat(t.getVpc().getCidr()).isEqualTo("192.168.0.0/16");
    assertThat(t.getNics())
        .singleElement()
        .satisfies(n -> assertThat(n.getIp()).isEqualTo("192.168.1.10"));
    assertThat(t.getSecurityGroups()).extracting(SgObject::getId).containsExactly("sg-1");
    assertThat(t.getPublicip().getBandwidthSize()).isEqualTo(10);
    assertThat(t.getDisk())
        .singleElement()
        .satisfies(d -> assertThat(d.getSize()).isEqualTo(42_949_672_960L));
    assertThat(t.getDataVolumeType()).isEqualTo(VolumeType.SAS);
    assertThat(t.getImageId()).isEqualTo("image-1");
    assertThat(t.getTargetPassword()).isNull();
    assertThat(t.toJson()).doesNotContain("Pa55word!first");
  }

  @Test
  void create_minimal_showLeavesTheMembersNeverGivenAbsent() {
    String id = create(minimal("bare").isTemplate(false).build());

    TemplateResponseBody t = show(id);

    assertThat(t.getIsTemplate()).isEqualTo("false");
    assertThat(t.getFlavor()).isNull();
    assertThat(t.getVpc()).isNull();
    assertThat(t.getNics()).isEmpty();
  }

  @Test
  void list_filtersByNameContainedZoneAndRegion_inCreationOrder() {
    create(minimal("web-a").availabilityZone("az-1").build());
    create(minimal("db-a").availabilityZone("az-1").build());
    create(minimal("web-b").availabilityZone("az-2").build());
    create(minimal("web-c").availabilityZone("az-1").region("eu-west-0").build());

    ListTemplatesResponse byName = list(ListTemplatesRequest.builder().name("web"));
    ListTemplatesResponse byZone = list(ListTemplatesRequest.builder().availabilityZone("az-1"));
    ListTemplatesResponse byRegionAndName =
        list(ListTemplatesRequest.builder().region("ap-southeast-1").name("web"));
    ListTemplatesResponse none = list(ListTemplatesRequest.builder().availabilityZone("az-"));

    assertThat(names(byName)).containsExactly("web-a", "web-b", "web-c");
    assertThat(byName.getCount()).isEqualTo(3);
    assertThat(names(byZone)).containsExactly("web-a", "db-a", "web-c");
    assertThat(names(byRegionAndName)).containsExactly("web-a", "web-b");
    assertThat(none.getCount()).isZero();
    assertThat(none.getTemplates()).isEmpty();
  }

  @Test
  void list_pagesWithLimitAndOffset_countIsTheWholeFilteredCount() {
    for (String name : List.of("t-1", "t-2", "t-3", "t-4", "t-5", "other")) {
      create(minimal(name).build());
    }

    ListTemplatesResponse page = list(ListTemplatesRequest.builder().name("t-").limit(2).offset(1));
    ListTemplatesResponse last = list(ListTemplatesRequest.builder().name("t-").limit(2).offset(4));
    ListTemplatesResponse beyond = list(ListTemplatesRequest.builder().limit(2).offset(9));

    assertThat(names(page)).containsExactly("t-2", "t-3");
    assertThat(page.getCount()).isEqualTo(5);
    assertThat(names(last)).containsExactly("t-5");
    assertThat(beyond.getTemplates()).isEmpty();
    assertThat(beyond.getCount()).isEqualTo(6);
  }

  @Test
  void list_limitAboveTheDocumentedMaximum_400() {
    SmsServiceException e = refusal(() -> list(ListTemplatesRequest.builder().limit(101)));

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getErrorCode()).isEqualTo("SMS.9001");
    assertThat(e.getErrorMsg()).contains("limit");
  }

  @Test
  void update_changesOnlyTheMembersSent() {
    String id = create(full("web"));

    update(
        id,
        TemplateRequest.builder()
            .name("web-renamed")
            .flavor("c7.xlarge.2")
            .securityGroups(List.of(SgObject.builder().id("sg-2").name("sg-two").build()))
            .build());
    TemplateResponseBody t = show(id);

    assertThat(t.getName()).isEqualTo("web-renamed");
    assertThat(t.getFlavor()).isEqualTo("c7.xlarge.2");
    assertThat(t.getSecurityGroups()).extracting(SgObject::getId).containsExactly("sg-2");
    assertThat(t.getRegion()).isEqualTo("ap-southeast-1");
    assertThat(t.getTargetServerName()).isEqualTo("web-target");
    assertThat(t.getVpc().getId()).isEqualTo("vpc-1");
    assertThat(t.getNics()).extracting(Nics::getId).containsExactly("subnet-1");
    assertThat(t.getIsTemplate()).isEqualTo("true");
    assertThat(password(id).getTargetPassword()).isEqualTo("Pa55word!first");
    assertThat(names(list(ListTemplatesRequest.builder().name("renamed"))))
        .containsExactly("web-renamed");
  }

  @Test
  void update_withoutTemplate_changesNothing() {
    String id = create(full("web"));
    TemplateResponseBody before = show(id);

    sms.updateTemplate(UpdateTemplateRequest.builder().id(id).build());

    assertThat(show(id)).isEqualTo(before);
  }

  @Test
  void targetPassword_isTheOneLastGiven() {
    String id = create(full("web"));
    ShowTargetPasswordResponse first = password(id);

    update(id, TemplateRequest.builder().targetPassword("Pa55word!second").build());
    ShowTargetPasswordResponse second = password(id);

    assertThat(first.getTemplateId()).isEqualTo(id);
    assertThat(first.getTargetPassword()).isEqualTo("Pa55word!first");
    assertThat(second.getTargetPassword()).isEqualTo("Pa55word!second");
    assertThat(show(id).getTargetPassword()).isNull();
  }

  @Test
  void targetPassword_templateCreatedWithoutOne_answersTheIdWithoutPassword() {
    String id = create(minimal("bare").build());

    ShowTargetPasswordResponse response = password(id);

    assertThat(response.getTemplateId()).isEqualTo(id);
    assertThat(response.getTargetPassword()).isNull();
  }

  @Test
  void delete_thenEveryOperationOnItAnswers404() {
    String id = create(full("web"));
    String kept = create(minimal("kept").build());

    sms.deleteTemplate(DeleteTemplateRequest.builder().id(id).build());

    for (Runnable call :
        List.<Runnable>of(
            () -> show(id),
            () -> password(id),
            () -> update(id, TemplateRequest.builder().flavor("f").build()),
            () -> sms.deleteTemplate(DeleteTemplateRequest.builder().id(id).build()))) {
      SmsServiceException e = refusal(call);
      assertThat(e.getStatusCode()).isEqualTo(404);
      assertThat(e.getErrorCode()).isEqualTo("SMS.1502");
      assertThat(e.getErrorMsg()).contains(id);
    }
    ListTemplatesResponse left = list(ListTemplatesRequest.builder());
    assertThat(left.getCount()).isEqualTo(1);
    assertThat(left.getTemplates()).extracting(TemplateResponseBody::getId).containsExactly(kept);
  }

  @Test
  void deleteTemplates_deletesEveryOneNamed() {
    String a = create(minimal("a").build());
    String b = create(minimal("b").build());
    create(minimal("c").build());

    sms.deleteTemplates(DeleteTemplatesRequest.builder().ids(List.of(a, b)).build());

    assertThat(names(list(ListTemplatesRequest.builder()))).containsExactly("c");
  }

  @Test
  void deleteTemplates_oneUnknown_404AndNoneDeleted() {
    String a = create(minimal("a").build());
    String b = create(minimal("b").build());

    SmsServiceException e =
        refusal(
            () ->
                sms.deleteTemplates(
                    DeleteTemplatesRequest.builder().ids(List.of(a, "no-such", b)).build()));

    assertThat(e.getStatusCode()).isEqualTo(404);
    assertThat(e.getErrorCode()).isEqualTo("SMS.1502");
    assertThat(e.getErrorMsg()).contains("no-such");
    assertThat(names(list(ListTemplatesRequest.builder()))).containsExactly("a", "b");
  }

  @Test
  void deleteTemplates_noIds_400() {
    SmsServiceException e =
        refusal(() -> sms.deleteTemplates(DeleteTemplatesRequest.builder().build()));

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getErrorCode()).isEqualTo("SMS.9001");
  }

  @Test
  void create_nameAnotherTemplateHas_refusedAndNothingCreated() {
    create(minimal("web").build());

    SmsServiceException e = refusal(() -> create(full("web")));

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getErrorCode()).isEqualTo("SMS.1503");
    assertThat(e.getErrorMsg()).contains("web");
    assertThat(list(ListTemplatesRequest.builder()).getCount()).isEqualTo(1);
  }

  @Test
  void update_renameToAnotherTemplatesName_refused_toItsOwnNameAccepted() {
    String web = create(minimal("web").build());
    String db = create(minimal("db").build());

    SmsServiceException e =
        refusal(() -> update(db, TemplateRequest.builder().name("web").flavor("f").build()));
    update(web, TemplateRequest.builder().name("web").flavor("g").build());

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getErrorCode()).isEqualTo("SMS.1503");
    assertThat(show(db).getName()).isEqualTo("db");
    assertThat(show(db).getFlavor()).isNull();
    assertThat(show(web).getFlavor()).isEqualTo("g");
  }

  @Test
  void create_requiredMembersMissing_400NamingEachMissingOne() throws Exception {
    HttpResponse<String> response =
        rawPost("/v3/vm/templates", "{\"template\":{\"is_template\":true,\"region\":\"r\"}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("\"error_code\":\"SMS.9001\"")
        .contains("template.name")
        .contains("template.projectid")
        .doesNotContain("template.region")
        .doesNotContain("template.is_template");
    assertThat(list(ListTemplatesRequest.builder()).getCount()).isZero();
  }

  @Test
  void create_withoutTemplate_400NamingIt() throws Exception {
    HttpResponse<String> response = rawPost("/v3/vm/templates", "{}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"error_code\":\"SMS.9001\"").contains("template");
  }

  @Test
  void create_isTemplateNotABoolean_400() throws Exception {
    HttpResponse<String> response =
        rawPost(
            "/v3/vm/templates",
            "{\"template\":{\"name\":\"n\",\"is_template\":[1],\"region\":\"r\","
                + "\"projectid\":\"p\"}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"error_code\":\"SMS.9001\"").contains("is_template");
  }

  @Test
  void create_nestedObjectIncomplete_400NamingTheMember() {
    SmsServiceException e =
        refusal(
            () ->
                create(
                    minimal("web")
                        .vpc(VpcObject.builder().name("vpc-one").build())
                        .nics(List.of(Nics.builder().id("s").name("s").build()))
                        .build()));

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getErrorCode()).isEqualTo("SMS.9001");
    assertThat(e.getErrorMsg()).contains("template.vpc.id").contains("template.nics[0].cidr");
    assertThat(list(ListTemplatesRequest.builder()).getCount()).isZero();
  }

  @Test
  void update_refused_neverShowsThePasswordItCarried() {
    String id = create(full("web"));

    SmsServiceException e =
        refusal(
            () ->
                update(
                    id,
                    TemplateRequest.builder()
                        .targetPassword("Pa55word!second")
                        .publicip(PublicIp.builder().bandwidthSize(5).build())
                        .build()));

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getErrorMsg()).contains("template.publicip.type").doesNotContain("Pa55word");
    assertThat(password(id).getTargetPassword()).isEqualTo("Pa55word!first");
  }

  @Test
  void create_atTheCap_403UntilOneIsDeleted() {
    String first = null;
    for (int i = 0; i < SimulatedTemplates.MAX_TEMPLATES; i++) {
      String id = create(minimal("t-" + i).build());
      first = first == null ? id : first;
    }
    String firstId = first;

    SmsServiceException e = refusal(() -> create(minimal("one-more").build()));
    sms.deleteTemplate(DeleteTemplateRequest.builder().id(firstId).build());
    String afterDelete = create(minimal("one-more").build());

    assertThat(e.getStatusCode()).isEqualTo(403);
    assertThat(e.getErrorCode()).isEqualTo("SMS.SIMULATOR.0403");
    assertThat(show(afterDelete).getName()).isEqualTo("one-more");
    assertThat(list(ListTemplatesRequest.builder().limit(1)).getCount())
        .isEqualTo(SimulatedTemplates.MAX_TEMPLATES);
  }
}
