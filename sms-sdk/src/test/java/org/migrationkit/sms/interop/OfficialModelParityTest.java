package org.migrationkit.sms.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huaweicloud.sdk.core.exception.SdkException;
import com.huaweicloud.sdk.core.utils.JsonUtils;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.model.CloneServer;
import org.migrationkit.sms.model.LogicalVolume;
import org.migrationkit.sms.model.NetworkCheckInfo;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.model.SourceServer;
import org.migrationkit.sms.model.SourceServerState;
import org.migrationkit.sms.model.SubTask;
import org.migrationkit.sms.model.TargetDisk;
import org.migrationkit.sms.model.TargetPhysicalVolume;
import org.migrationkit.sms.model.TaskTargetServer;
import org.migrationkit.sms.model.VolumeGroup;

/**
 * Our model against the official SDK's model ({@code com.huaweicloud.sdk.sms.v3.model}, read with
 * the official client's own {@code JsonUtils.toObjectIgnoreUnknown}) for the same response bodies:
 * they must agree field by field.
 */
class OfficialModelParityTest {
  private static final long SEED = 0x7A5C_0DE1L;
  private static final int BODIES = 1000;

  /** One of our model classes, the official class for the same table, and that table's name. */
  private record ModelPair(Class<?> ours, Class<?> official, String table) {}

  private static final List<ModelPair> PAIRS =
      List.of(
          new ModelPair(
              ShowTaskResponse.class,
              com.huaweicloud.sdk.sms.v3.model.ShowTaskResponse.class,
              "ShowTaskResponse"),
          new ModelPair(
              SourceServer.class,
              com.huaweicloud.sdk.sms.v3.model.SourceServerResponse.class,
              "SourceServer"),
          new ModelPair(
              TaskTargetServer.class,
              com.huaweicloud.sdk.sms.v3.model.TaskTargetServer.class,
              "TaskTargetServer"),
          new ModelPair(
              TargetDisk.class, com.huaweicloud.sdk.sms.v3.model.TargetDisk.class, "TargetDisk"),
          new ModelPair(
              TargetPhysicalVolume.class,
              com.huaweicloud.sdk.sms.v3.model.TargetPhysicalVolumes.class,
              "TargetPhysicalVolume"),
          new ModelPair(
              VolumeGroup.class,
              com.huaweicloud.sdk.sms.v3.model.VolumeGroups.class,
              "VolumeGroup"),
          new ModelPair(
              LogicalVolume.class,
              com.huaweicloud.sdk.sms.v3.model.LogicalVolumes.class,
              "LogicalVolume"),
          new ModelPair(
              CloneServer.class, com.huaweicloud.sdk.sms.v3.model.CloneServer.class, "CloneServer"),
          new ModelPair(SubTask.class, com.huaweicloud.sdk.sms.v3.model.SubTask.class, "SubTask"),
          new ModelPair(
              NetworkCheckInfo.class,
              com.huaweicloud.sdk.sms.v3.model.NetworkCheckInfoRequestBody.class,
              "NetworkCheckInfo"));

  @Test
  void everyModel_hasTheFieldsOfTheOfficialModelAndOfTheApiPage() {
    for (ModelPair pair : PAIRS) {
      List<String> documented = new ArrayList<>();
      RandomTaskJson.TABLES.get(pair.table()).forEach(f -> documented.add(f.wireName()));

      assertThat(ModelParity.fieldNames(pair.ours()))
          .as("our " + pair.ours())
          .containsExactlyInAnyOrderElementsOf(documented);
      assertThat(ModelParity.fieldNames(pair.official()))
          .as("official " + pair.official())
          .containsExactlyInAnyOrderElementsOf(documented);
    }
  }

  @Test
  void randomBodies_oursAndOfficialAgreeFieldByField() {
    RandomTaskJson bodies = new RandomTaskJson(new Random(SEED));
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < BODIES && failures.size() < 5; i++) {
      String json = bodies.next();
      List<String> differences =
          ModelParity.differences(ShowTaskResponse.fromJson(json), official(json));
      if (!differences.isEmpty()) {
        failures.add("body " + i + ": " + differences + "\n  " + json);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void randomBodies_whatWeWriteTheOfficialModelReadsTheSame() {
    RandomTaskJson bodies = new RandomTaskJson(new Random(SEED + 1));
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < BODIES / 3 && failures.size() < 5; i++) {
      ShowTaskResponse ours = ShowTaskResponse.fromJson(bodies.next());
      String written = ours.toJson();
      List<String> differences = ModelParity.differences(ours, official(written));
      if (!differences.isEmpty()) {
        failures.add("task " + i + ": " + differences + "\n  " + written);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void randomBodies_whatTheOfficialModelWritesWeReadTheSame() {
    RandomTaskJson bodies = new RandomTaskJson(new Random(SEED + 2));
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < BODIES / 3 && failures.size() < 5; i++) {
      com.huaweicloud.sdk.sms.v3.model.ShowTaskResponse official = official(bodies.next());
      String written = JsonUtils.toJSON(official);
      List<String> differences =
          ModelParity.differences(ShowTaskResponse.fromJson(written), official);
      if (!differences.isEmpty()) {
        failures.add("task " + i + ": " + differences + "\n  " + written);
      }
    }
    assertThat(failures).isEmpty();
  }

  // ---- Every model of the API description. ----

  private static final ApiDescription API = ApiDescription.load();
  private static final int BODIES_PER_MODEL = 200;

  static Stream<String> describedModels() {
    return API.models().keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("describedModels")
  void everyDescribedModel_oursAndTheOfficialHaveItsFields(String model) throws Exception {
    ApiDescription.Model m = API.models().get(model);
    List<String> described = new ArrayList<>();
    m.fields().forEach(f -> described.add(f.wire()));

    assertThat(ModelParity.fieldNames(ourClass(model)))
        .as("our " + model)
        .containsExactlyInAnyOrderElementsOf(described);
    assertThat(ModelParity.fieldNames(officialClass(model)))
        .as("official " + m.sdkModel())
        .containsExactlyInAnyOrderElementsOf(described);
  }

  /**
   * Seeded random bodies of every model: what we write after reading a body is, semantically, what
   * the official SDK's ObjectMapper writes after reading it; and what we write reads back equal.
   */
  @ParameterizedTest
  @MethodSource("describedModels")
  void randomBodies_everyModel_oursAndOfficialWriteTheSameJson(String model) throws Exception {
    RandomTaskJson bodies =
        new RandomTaskJson(new Random(SEED + model.hashCode()), RandomTaskJson.tablesOf(API));
    Method fromJson = ourClass(model).getMethod("fromJson", String.class);
    Method toJson = ourClass(model).getMethod("toJson");
    Class<?> officialClass = officialClass(model);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < BODIES_PER_MODEL && failures.size() < 3; i++) {
      String body = bodies.next(model);
      Object ours = fromJson.invoke(null, body);
      String oursWritten = (String) toJson.invoke(ours);
      String officialWritten =
          JsonUtils.toJSON(JsonUtils.toObjectIgnoreUnknown(body, officialClass));
      List<String> differences = ModelParity.jsonDifferences(oursWritten, officialWritten);
      if (!differences.isEmpty()) {
        failures.add("body " + i + ": " + differences + "\n  " + body);
      }
      if (!fromJson.invoke(null, oursWritten).equals(ours)) {
        failures.add("body " + i + ": our toJson() does not read back equal\n  " + oursWritten);
      }
    }
    assertThat(failures).as(model).isEmpty();
  }

  private static Class<?> ourClass(String model) throws ClassNotFoundException {
    return Class.forName("org.migrationkit.sms.model." + model);
  }

  private static Class<?> officialClass(String model) throws ClassNotFoundException {
    return Class.forName("com.huaweicloud.sdk.sms.v3.model." + API.models().get(model).sdkModel());
  }

  // ---- Where the two legitimately differ. ----

  /**
   * The source server states the API page left out ({@code clearing}, {@code cleared}, {@code
   * clearfailed}) are in the API description, which is checked against the official SDK 3.1.143:
   * both SDKs know them.
   */
  @Test
  void sourceServerState_clearingStatesKnownToBoth() {
    String json = "{\"source_server\":{\"state\":\"clearfailed\"}}";

    SourceServerState ours = ShowTaskResponse.fromJson(json).getSourceServer().getState();
    assertThat(ours).isSameAs(SourceServerState.CLEARFAILED);
    assertThat(ours.isKnown()).isTrue();
    assertThat(official(json).getSourceServer().getState())
        .isSameAs(com.huaweicloud.sdk.sms.v3.model.SourceServerResponse.StateEnum.CLEARFAILED);
  }

  /** Absent or null lists: ours are empty, the official ones {@code null}. */
  @Test
  void absentList_oursEmptyOfficialNull() {
    String json = "{\"sub_tasks\":null}";

    assertThat(ShowTaskResponse.fromJson(json).getSubTasks()).isEmpty();
    assertThat(official(json).getSubTasks()).isNull();
  }

  /** A {@code null} inside an object list: we drop it, the official list keeps it. */
  @Test
  void nullListItem_oursDropsItOfficialKeepsIt() {
    String json = "{\"sub_tasks\":[null,{\"id\":7}]}";

    assertThat(ShowTaskResponse.fromJson(json).getSubTasks())
        .extracting(SubTask::getId)
        .containsExactly(7L);
    assertThat(official(json).getSubTasks()).hasSize(2).first().isNull();
  }

  /**
   * Scalars of another JSON type than the page promises. The official SDK reads with strict
   * deserializers ({@code com.huaweicloud.sdk.core.json.Strict*Deserializer}) and fails on each of
   * these; ours converts when no information is lost, so a service that quotes a number does not
   * break a poll.
   */
  @Test
  void mistypedScalars_oursConvertsLosslesslyOfficialFails() {
    Map<String, Object> oursReads = new LinkedHashMap<>();
    oursReads.put("{\"total_time\":\"12\"}", 12L);
    oursReads.put("{\"speed_limit\":\"100\"}", 100);
    oursReads.put("{\"migrate_speed\":\"1.5\"}", 1.5);
    oursReads.put("{\"name\":12}", "12");
    oursReads.put("{\"connected\":\"true\"}", true);
    oursReads.put("{\"connected\":1}", true);
    oursReads.put("{\"error_json\":{\"code\":1}}", "{\"code\":1}");
    for (Map.Entry<String, Object> c : oursReads.entrySet()) {
      ShowTaskResponse ours = ShowTaskResponse.fromJson(c.getKey());
      Stream<Object> read =
          Stream.of(
              ours.getTotalTime(),
              ours.getSpeedLimit(),
              ours.getMigrateSpeed(),
              ours.getName(),
              ours.getConnected(),
              ours.getErrorJson());
      assertThat(read.filter(Objects::nonNull)).as(c.getKey()).containsExactly(c.getValue());
      assertThatThrownBy(() -> official(c.getKey()))
          .as(c.getKey())
          .isInstanceOf(SdkException.class);
    }
  }

  /**
   * Where the official reader is the lenient one: it truncates a fraction into an integer field and
   * accepts raw control characters inside strings; ours refuses both with an {@link
   * SmsClientException} rather than guess.
   */
  @Test
  void fractionInIntegerAndRawControlCharacter_officialAcceptsOursRefuses() {
    assertThat(official("{\"total_time\":12.7}").getTotalTime()).isEqualTo(12L);
    assertThatThrownBy(() -> ShowTaskResponse.fromJson("{\"total_time\":12.7}"))
        .isInstanceOf(SmsClientException.class)
        .hasMessageContaining("total_time");

    String rawControl = "{\"name\":\"a\u0001b\"}";
    assertThat(official(rawControl).getName()).isEqualTo("a\u0001b");
    assertThatThrownBy(() -> ShowTaskResponse.fromJson(rawControl))
        .isInstanceOf(SmsClientException.class);
  }

  /** Conversions both readers make the same way. */
  @Test
  void integralFloatAndQuotedPriority_bothReadersAgree() {
    for (String json : List.of("{\"create_date\":1598435778000.0}", "{\"priority\":\"1\"}")) {
      assertThat(ModelParity.differences(ShowTaskResponse.fromJson(json), official(json)))
          .as(json)
          .isEmpty();
    }
  }

  private static com.huaweicloud.sdk.sms.v3.model.ShowTaskResponse official(String json) {
    return JsonUtils.toObjectIgnoreUnknown(
        json, com.huaweicloud.sdk.sms.v3.model.ShowTaskResponse.class);
  }
}
