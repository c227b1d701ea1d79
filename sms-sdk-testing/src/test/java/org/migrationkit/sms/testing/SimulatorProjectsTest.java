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
import org.migrationkit.sms.model.CreateMigprojectRequest;
import org.migrationkit.sms.model.DeleteMigprojectRequest;
import org.migrationkit.sms.model.ListMigprojectsRequest;
import org.migrationkit.sms.model.ListMigprojectsResponse;
import org.migrationkit.sms.model.MigprojectsResponseBody;
import org.migrationkit.sms.model.ShowMigprojectRequest;
import org.migrationkit.sms.model.ShowMigprojectResponse;
import org.migrationkit.sms.model.TaskType;
import org.migrationkit.sms.model.UpdateDefaultMigprojectRequest;
import org.migrationkit.sms.model.UpdateMigprojectRequest;
import org.migrationkit.sms.testsupport.SignedHttp;
import org.migrationkit.sms.testsupport.SimulatorClients;

/** Migration projects through our client over loopback: one default, unique names, paging. */
class SimulatorProjectsTest {
  private static final Credentials CREDENTIALS =
      Credentials.akSk("HPUAPROJECTSKEY00001", "projects-secret-key-value").withDomainId("d-1");

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

  private static CreateMigprojectRequest.Builder project(String name) {
    return CreateMigprojectRequest.builder()
        .name(name)
        .region("ap-southeast-3")
        .usePublicIp(false)
        .existServer(true)
        .type(TaskType.MIGRATE_BLOCK)
        .syncing(true);
  }

  private String create(String name) {
    return sms.createMigproject(project(name).build()).getId();
  }

  private ShowMigprojectResponse show(String id) {
    return sms.showMigproject(ShowMigprojectRequest.builder().migProjectId(id).build());
  }

  private ListMigprojectsResponse list(Integer limit, Integer offset) {
    return sms.listMigprojects(
        ListMigprojectsRequest.builder().limit(limit).offset(offset).build());
  }

  private String defaultProjectId() {
    List<MigprojectsResponseBody> defaults =
        list(null, null).getMigprojects().stream()
            .filter(p -> Boolean.TRUE.equals(p.getIsdefault()))
            .toList();
    assertThat(defaults).hasSize(1);
    return defaults.get(0).getId();
  }

  private static SmsServiceException refusal(Runnable call) {
    return catchThrowableOfType(SmsServiceException.class, call::run);
  }

  @Test
  void newSimulator_holdsOneDefaultProjectNamedDefault() {
    ListMigprojectsResponse list = list(null, null);

    assertThat(list.getCount()).isEqualTo(1);
    MigprojectsResponseBody only = list.getMigprojects().get(0);
    assertThat(only.getName()).isEqualTo("default");
    assertThat(only.getIsdefault()).isTrue();
    assertThat(only.getId()).isEqualTo(SimulatedProjects.DEFAULT_PROJECT_ID);
    assertThat(show(SimulatedProjects.DEFAULT_PROJECT_ID).getName()).isEqualTo("default");
  }

  @Test
  void create_thenShow_answersTheSentMembersAndTheDefaultsOfTheOthers() {
    String id =
        sms.createMigproject(project("wave-1").description("first wave").speedLimit(100).build())
            .getId();

    ShowMigprojectResponse shown = show(id);

    assertThat(shown.getId()).isEqualTo(id).isNotEqualTo(SimulatedProjects.DEFAULT_PROJECT_ID);
    assertThat(shown.getName()).isEqualTo("wave-1");
    assertThat(shown.getDescription()).isEqualTo("first wave");
    assertThat(shown.getRegion()).isEqualTo("ap-southeast-3");
    assertThat(shown.getUsePublicIp()).isFalse();
    assertThat(shown.getExistServer()).isTrue();
    assertThat(shown.getType()).isEqualTo(TaskType.MIGRATE_BLOCK);
    assertThat(shown.getSyncing()).isTrue();
    assertThat(shown.getSpeedLimit()).isEqualTo(100);
    assertThat(shown.getIsdefault()).isFalse();
    assertThat(shown.getStartTargetServer()).isFalse();
    assertThat(shown.getStartNetworkCheck()).isFalse();
    assertThat(shown.getEnterpriseProject()).isEqualTo("0");
  }

  @Test
  void create_startNetworckCheckAsTheBodySpellsIt_isShownAsStartNetworkCheck() {
    String id = sms.createMigproject(project("checked").startNetworckCheck(true).build()).getId();

    assertThat(show(id).getStartNetworkCheck()).isTrue();
  }

  @Test
  void list_pagesInCreationOrderWithTheFullCount() {
    for (String name : List.of("p1", "p2", "p3", "p4", "p5")) {
      create(name);
    }

    ListMigprojectsResponse all = list(null, null);
    ListMigprojectsResponse middle = list(2, 1);
    ListMigprojectsResponse last = list(2, 5);
    ListMigprojectsResponse beyond = list(2, 9);

    assertThat(all.getMigprojects())
        .extracting(MigprojectsResponseBody::getName)
        .containsExactly("default", "p1", "p2", "p3", "p4", "p5");
    assertThat(middle.getCount()).isEqualTo(6);
    assertThat(middle.getMigprojects())
        .extracting(MigprojectsResponseBody::getName)
        .containsExactly("p1", "p2");
    assertThat(last.getMigprojects())
        .extracting(MigprojectsResponseBody::getName)
        .containsExactly("p5");
    assertThat(beyond.getCount()).isEqualTo(6);
    assertThat(beyond.getMigprojects()).isEmpty();
  }

  @Test
  void list_limitAboveTheDocumentedMaximum_400() {
    SmsServiceException e = refusal(() -> list(101, 0));

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getErrorCode()).isEqualTo("SMS.9001");
    assertThat(e.getErrorMsg()).contains("limit");
  }

  @Test
  void create_nameAlreadyUsed_refusedAndNothingAdded() {
    String first = create("wave-1");

    SmsServiceException e = refusal(() -> create("wave-1"));

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getErrorCode()).isEqualTo("SMS.1603");
    assertThat(e.getErrorMsg()).contains(first);
    assertThat(list(null, null).getCount()).isEqualTo(2);
  }

  @Test
  void create_typeNeitherBlockNorFile_400NamingType() {
    SmsServiceException e =
        refusal(() -> sms.createMigproject(project("x").type(TaskType.of("MIGRATE_X")).build()));

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getErrorCode()).isEqualTo("SMS.9001");
    assertThat(e.getErrorMsg()).contains("type").contains("MIGRATE_X");
    assertThat(list(null, null).getCount()).isEqualTo(1);
  }

  @Test
  void create_requiredMembersMissing_400NamingEachAndNothingAdded() throws Exception {
    HttpResponse<String> response =
        signedPost("/v3/migprojects", "{\"name\":\"half\",\"region\":\"ap-southeast-1\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("\"error_code\":\"SMS.9001\"")
        .contains("CreateMigproject needs use_public_ip, exist_server, type, syncing\"");
    assertThat(list(null, null).getCount()).isEqualTo(1);
  }

  @Test
  void create_withoutName_400NamingName() throws Exception {
    HttpResponse<String> response =
        signedPost(
            "/v3/migprojects",
            "{\"region\":\"r\",\"use_public_ip\":true,\"exist_server\":false,"
                + "\"type\":\"MIGRATE_FILE\",\"syncing\":false}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("SMS.9001").contains("needs name\"");
  }

  @Test
  void create_beyondOneHundredProjects_403Full() {
    for (int i = 1; i < SimulatedProjects.MAX_PROJECTS; i++) {
      create("p" + i);
    }

    SmsServiceException e = refusal(() -> create("one-too-many"));

    assertThat(e.getStatusCode()).isEqualTo(403);
    assertThat(e.getErrorCode()).isEqualTo("SMS.SIMULATOR.0403");
    assertThat(list(0, 0).getCount()).isEqualTo(100);
  }

  @Test
  void update_replacesThePresentMembersAndKeepsTheOthers() {
    String id = sms.createMigproject(project("wave-1").description("before").build()).getId();

    sms.updateMigproject(
        UpdateMigprojectRequest.builder()
            .migProjectId(id)
            .name("wave-one")
            .speedLimit(50)
            .startTargetServer(true)
            .build());

    ShowMigprojectResponse shown = show(id);
    assertThat(shown.getName()).isEqualTo("wave-one");
    assertThat(shown.getSpeedLimit()).isEqualTo(50);
    assertThat(shown.getStartTargetServer()).isTrue();
    assertThat(shown.getDescription()).isEqualTo("before");
    assertThat(shown.getRegion()).isEqualTo("ap-southeast-3");
    assertThat(shown.getType()).isEqualTo(TaskType.MIGRATE_BLOCK);
  }

  @Test
  void update_renameToAnotherProjectsName_refusedAndNameKept() {
    String id = create("wave-1");
    create("wave-2");

    SmsServiceException e =
        refusal(
            () ->
                sms.updateMigproject(
                    UpdateMigprojectRequest.builder().migProjectId(id).name("wave-2").build()));

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getErrorCode()).isEqualTo("SMS.1603");
    assertThat(show(id).getName()).isEqualTo("wave-1");
  }

  @Test
  void update_ownNameAgain_accepted() {
    String id = create("wave-1");

    sms.updateMigproject(
        UpdateMigprojectRequest.builder().migProjectId(id).name("wave-1").syncing(false).build());

    assertThat(show(id).getSyncing()).isFalse();
  }

  @Test
  void update_bodyIdOfAnotherProject_400() {
    String id = create("wave-1");

    SmsServiceException e =
        refusal(
            () ->
                sms.updateMigproject(
                    UpdateMigprojectRequest.builder()
                        .migProjectId(id)
                        .id(SimulatedProjects.DEFAULT_PROJECT_ID)
                        .name("renamed")
                        .build()));

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getErrorCode()).isEqualTo("SMS.9001");
    assertThat(show(id).getName()).isEqualTo("wave-1");
  }

  @Test
  void updateDefault_otherProject_becomesTheOnlyDefault() {
    String oldDefault = defaultProjectId();
    String id = create("wave-1");

    sms.updateDefaultMigproject(UpdateDefaultMigprojectRequest.builder().migProjectId(id).build());

    assertThat(show(id).getIsdefault()).isTrue();
    assertThat(show(oldDefault).getIsdefault()).isFalse();
    assertThat(defaultProjectId()).isEqualTo(id);
  }

  @Test
  void create_isdefaultTrue_becomesTheOnlyDefault() {
    String oldDefault = defaultProjectId();

    String id = sms.createMigproject(project("wave-1").isdefault(true).build()).getId();

    assertThat(defaultProjectId()).isEqualTo(id);
    assertThat(show(oldDefault).getIsdefault()).isFalse();
  }

  @Test
  void update_isdefaultTrue_becomesTheOnlyDefault() {
    String oldDefault = defaultProjectId();
    String id = create("wave-1");

    sms.updateMigproject(
        UpdateMigprojectRequest.builder().migProjectId(id).isdefault(true).build());

    assertThat(defaultProjectId()).isEqualTo(id);
    assertThat(show(oldDefault).getIsdefault()).isFalse();
  }

  @Test
  void update_isdefaultFalseOnTheDefault_refusedAndStillDefault() {
    String id = defaultProjectId();

    SmsServiceException e =
        refusal(
            () ->
                sms.updateMigproject(
                    UpdateMigprojectRequest.builder().migProjectId(id).isdefault(false).build()));

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getErrorCode()).isEqualTo("SMS.9001");
    assertThat(show(id).getIsdefault()).isTrue();
  }

  @Test
  void delete_defaultProject_refusedAndKept() {
    String id = defaultProjectId();

    SmsServiceException e =
        refusal(
            () -> sms.deleteMigproject(DeleteMigprojectRequest.builder().migProjectId(id).build()));

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getErrorCode()).isEqualTo("SMS.1604");
    assertThat(show(id).getIsdefault()).isTrue();
  }

  @Test
  void delete_formerDefaultAfterTheDefaultMoved_removesIt() {
    String oldDefault = defaultProjectId();
    String id = create("wave-1");
    sms.updateDefaultMigproject(UpdateDefaultMigprojectRequest.builder().migProjectId(id).build());

    sms.deleteMigproject(DeleteMigprojectRequest.builder().migProjectId(oldDefault).build());

    assertThat(list(null, null).getMigprojects())
        .extracting(MigprojectsResponseBody::getId)
        .containsExactly(id);
  }

  @Test
  void delete_project_isGoneAndItsNameFree() {
    String id = create("wave-1");

    sms.deleteMigproject(DeleteMigprojectRequest.builder().migProjectId(id).build());

    SmsServiceException gone = refusal(() -> show(id));
    assertThat(gone.getStatusCode()).isEqualTo(404);
    assertThat(gone.getErrorCode()).isEqualTo("SMS.1602");
    assertThat(list(null, null).getCount()).isEqualTo(1);
    assertThat(create("wave-1")).isNotEqualTo(id);
  }

  @Test
  void unknownProject_404ForShowUpdateSetDefaultAndDelete() {
    String unknown = "no-such-project";

    List<SmsServiceException> refusals =
        List.of(
            refusal(() -> show(unknown)),
            refusal(
                () ->
                    sms.updateMigproject(
                        UpdateMigprojectRequest.builder().migProjectId(unknown).name("x").build())),
            refusal(
                () ->
                    sms.updateDefaultMigproject(
                        UpdateDefaultMigprojectRequest.builder().migProjectId(unknown).build())),
            refusal(
                () ->
                    sms.deleteMigproject(
                        DeleteMigprojectRequest.builder().migProjectId(unknown).build())));

    assertThat(refusals)
        .allSatisfy(
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(404);
              assertThat(e.getErrorCode()).isEqualTo("SMS.1602");
              assertThat(e.getErrorMsg()).contains(unknown);
            });
    assertThat(defaultProjectId()).isEqualTo(SimulatedProjects.DEFAULT_PROJECT_ID);
  }

  @Test
  void projects_areKeptPerSimulator() {
    create("wave-1");

    try (SmsSimulator other = SmsSimulator.start(CREDENTIALS);
        SmsClient otherSms = SimulatorClients.withoutRetries(other, CREDENTIALS)) {
      assertThat(otherSms.listMigprojects(ListMigprojectsRequest.builder().build()).getCount())
          .isEqualTo(1);
    }
    assertThat(list(null, null).getCount()).isEqualTo(2);
  }

  private HttpResponse<String> signedPost(String path, String json) throws Exception {
    return SignedHttp.send(simulator.endpoint(), CREDENTIALS, "POST", path, json);
  }
}
