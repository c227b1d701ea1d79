package org.migrationkit.sms.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.migrationkit.sms.SmsClientException;
import org.migrationkit.sms.testsupport.Fixtures;

/**
 * The wire model's JSON: read leniently but never lossily, unknown fields and enum values kept or
 * skipped without failing, written back so that it reads the same, and immutable throughout.
 */
class ModelJsonTest {
  private static final String EXAMPLE = Fixtures.text(Fixtures.SHOW_TASK_200);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static ShowTaskResponse example() {
    return ShowTaskResponse.fromJson(EXAMPLE);
  }

  // ---- the example ----

  @Test
  void fromJson_example_equalsTheHandBuiltTask() {
    SubTask.Builder replicate = SubTask.builder().progress(0).userOp("REPLICATE");
    ShowTaskResponse expected =
        ShowTaskResponse.builder()
            .id("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxx0001")
            .name("MigrationTask")
            .type(TaskType.MIGRATE_BLOCK)
            .osType(OsType.WINDOWS)
            .state(TaskState.RUNNING)
            .createDate(Instant.ofEpochMilli(1598435778000L))
            .startDate(Instant.ofEpochMilli(1598435784000L))
            .priority(1)
            .speedLimit(0)
            .migrateSpeed(0.0)
            .startTargetServer(true)
            .errorJson("")
            .totalTime(115L)
            .vmTemplateId("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxx0001")
            .regionName("region name")
            .regionId("region id")
            .projectName("project name")
            .projectId("xxxxxxxxxxxxxxxxxxxxxxxx00000001")
            .subTasks(
                List.of(
                    replicate
                        .id(7278L)
                        .name("CREATE_CLOUD_SERVER")
                        .startDate(Instant.ofEpochMilli(1598435802000L))
                        .build(),
                    replicate.id(7279L).name("SSL_CONFIG").startDate(null).build(),
                    replicate.id(7280L).name("ATTACH_AGENT_IMAGE").build(),
                    replicate.id(7281L).name("FORMAT_DISK_WINDOWS").build(),
                    replicate.id(7282L).name("MIGRATE_WINDOWS_BLOCK").build()))
            .sourceServer(
                SourceServer.builder()
                    .id("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxx0001")
                    .ip("192.168.0.154")
                    .name("name-win16")
                    .osType(OsType.WINDOWS)
                    .osVersion("WINDOWS2016_64BIT")
                    .oemSystem(false)
                    .state(SourceServerState.INITIALIZE)
                    .migrationCycle(MigrationCycle.REPLICATING)
                    .build())
            .targetServer(
                TaskTargetServer.builder()
                    .id("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxx0001")
                    .vmId("")
                    .name("")
                    .osType(OsType.WINDOWS)
                    .osVersion("WINDOWS2016_64BIT")
                    .systemDir("Y:\\Windows\\System32")
                    .disks(
                        List.of(
                            TargetDisk.builder()
                                .id(88008L)
                                .name("Disk 1")
                                .diskId("0")
                                .partitionStyle(PartitionStyle.MBR)
                                .size(42949672960L)
                                .usedSize(42947575808L)
                                .deviceUse(DeviceUse.OS)
                                .osDisk(true)
                                .diskIndex("0")
                                .physicalVolumes(
                                    List.of(
                                        TargetPhysicalVolume.builder()
                                            .id(135055L)
                                            .uuid(
                                                "\\\\?\\Volume{586b7157-0000-0000-0000-100000000000}\\")
                                            .index(1)
                                            .name("Z:")
                                            .deviceUse(DeviceUse.BOOT)
                                            .fileSystem("NTFS")
                                            .size(524288000L)
                                            .usedSize(410275840L)
                                            .freeSize(114012160L)
                                            .build(),
                                        TargetPhysicalVolume.builder()
                                            .id(135056L)
                                            .uuid(
                                                "\\\\?\\Volume{586b7157-0000-0000-0000-501f00000000}\\")
                                            .index(2)
                                            .name("Y:")
                                            .deviceUse(DeviceUse.OS)
                                            .fileSystem("NTFS")
                                            .size(42423287808L)
                                            .usedSize(23170301952L)
                                            .freeSize(19252985856L)
                                            .build()))
                                .build()))
                    .volumeGroups(List.of())
                    .build())
            .build();

    assertThat(example()).isEqualTo(expected).hasSameHashCodeAs(expected);
  }

  // ---- unknown fields and values ----

  private static final String WITH_UNKNOWN_FIELDS =
      """
      {"id":"t-1","x_new":{"deep":[1,{"a":null}]},"x_flag":true,
       "source_server":{"name":"s","x_new":[{"b":2}]},
       "target_server":{"name":"t","x_new":"v",
         "disks":[{"id":1,"x_new":{"c":[]},
           "physical_volumes":[{"id":2,"x_new":[[]]}]}],
         "volume_groups":[{"name":"vg","x_new":1,
           "logical_volumes":[{"name":"lv","x_new":{"d":{}}}]}]},
       "clone_server":{"vm_id":"c","x_new":null},
       "sub_tasks":[{"id":3,"x_new":{}}],
       "network_check_info":{"cpu_usage":1.5,"x_new":[null]},
       "x_last":"end"}
      """;

  private static final String WITHOUT_UNKNOWN_FIELDS =
      """
      {"id":"t-1",
       "source_server":{"name":"s"},
       "target_server":{"name":"t",
         "disks":[{"id":1,"physical_volumes":[{"id":2}]}],
         "volume_groups":[{"name":"vg","logical_volumes":[{"name":"lv"}]}]},
       "clone_server":{"vm_id":"c"},
       "sub_tasks":[{"id":3}],
       "network_check_info":{"cpu_usage":1.5}}
      """;

  @Test
  void fromJson_unknownFieldsAtEveryLevel_areSkipped() {
    assertThat(ShowTaskResponse.fromJson(WITH_UNKNOWN_FIELDS))
        .isEqualTo(ShowTaskResponse.fromJson(WITHOUT_UNKNOWN_FIELDS));
  }

  private static final String WITH_UNKNOWN_ENUM_VALUES =
      """
      {"type":"MIGRATE_CONTAINER","os_type":"FREEBSD","state":"HIBERNATING",
       "source_server":{"os_type":"AIX","state":"sleeping","migration_cycle":"verifying"},
       "target_server":{"os_type":"SOLARIS",
         "disks":[{"device_use":"SWAP","partition_style":"LVM",
           "physical_volumes":[{"device_use":"DATA"}]}]}}
      """;

  @Test
  void fromJson_unknownEnumValuesAtEveryLevel_areKeptAsUnknown() {
    ShowTaskResponse task = ShowTaskResponse.fromJson(WITH_UNKNOWN_ENUM_VALUES);
    TargetDisk disk = task.getTargetServer().getDisks().get(0);

    List<OpenEnum> values =
        List.of(
            task.getType(),
            task.getOsType(),
            task.getState(),
            task.getSourceServer().getOsType(),
            task.getSourceServer().getState(),
            task.getSourceServer().getMigrationCycle(),
            task.getTargetServer().getOsType(),
            disk.getDeviceUse(),
            disk.getPartitionStyle(),
            disk.getPhysicalVolumes().get(0).getDeviceUse());
    assertThat(values)
        .extracting(OpenEnum::value)
        .containsExactly(
            "MIGRATE_CONTAINER",
            "FREEBSD",
            "HIBERNATING",
            "AIX",
            "sleeping",
            "verifying",
            "SOLARIS",
            "SWAP",
            "LVM",
            "DATA");
    assertThat(values).extracting(OpenEnum::isKnown).containsOnly(false);
    assertThat(task.getState()).isEqualTo(TaskState.of("HIBERNATING"));
  }

  @Test
  void toJson_unknownEnumValues_roundTripUnchanged() throws Exception {
    ShowTaskResponse task = ShowTaskResponse.fromJson(WITH_UNKNOWN_ENUM_VALUES);

    String written = task.toJson();

    assertThat(ShowTaskResponse.fromJson(written)).isEqualTo(task);
    assertSameValues(MAPPER.readTree(WITH_UNKNOWN_ENUM_VALUES), MAPPER.readTree(written));
  }

  @Test
  void of_knownValue_returnsTheConstant() {
    assertThat(TaskState.of("RUNNING")).isSameAs(TaskState.RUNNING);
    assertThat(SourceServerState.of("initialize")).isSameAs(SourceServerState.INITIALIZE);
    assertThat(DeviceUse.of("BOOT")).isSameAs(DeviceUse.BOOT);
  }

  @Test
  void of_wrongCase_isAnotherUnknownValue() {
    assertThat(OsType.of("windows")).isNotEqualTo(OsType.WINDOWS);
    assertThat(OsType.of("windows").isKnown()).isFalse();
  }

  // ---- nulls and absences ----

  @Test
  void fromJson_everyTopLevelFieldNull_givesNullsAndEmptyLists() {
    ShowTaskResponse task = ShowTaskResponse.fromJson(allNull(topLevelFieldNames()));

    assertEveryGetterEmpty(task);
  }

  @Test
  void fromJson_everyNestedFieldNull_givesNullsAndEmptyLists() {
    String physicalVolume =
        allNull(
            "id",
            "device_use",
            "file_system",
            "index",
            "mount_point",
            "name",
            "size",
            "used_size",
            "uuid",
            "relation_name",
            "free_size");
    String disk =
        allNull(
                "id",
                "device_use",
                "disk_id",
                "name",
                "size",
                "used_size",
                "disk_index",
                "os_disk",
                "partition_style",
                "relation_name")
            .replace("}", ",\"physical_volumes\":[" + physicalVolume + "]}");
    String logicalVolume =
        allNull(
            "block_count",
            "block_size",
            "file_system",
            "inode_size",
            "inode_nums",
            "device_use",
            "mount_point",
            "name",
            "size",
            "used_size",
            "free_size");
    String volumeGroup =
        allNull("components", "free_size", "name", "size")
            .replace("}", ",\"logical_volumes\":[" + logicalVolume + "]}");
    String targetServer =
        allNull(
                "id",
                "vm_id",
                "name",
                "ip",
                "os_type",
                "os_version",
                "system_dir",
                "btrfs_list",
                "image_disk_id",
                "cutovered_snapshot_ids")
            .replace("}", ",\"disks\":[" + disk + "],\"volume_groups\":[" + volumeGroup + "]}");
    String json =
        "{\"source_server\":"
            + allNull(
                "id",
                "ip",
                "name",
                "os_type",
                "os_version",
                "oem_system",
                "state",
                "migration_cycle")
            + ",\"target_server\":"
            + targetServer
            + ",\"clone_server\":"
            + allNull("vm_id", "name", "clone_error", "clone_state", "error_msg")
            + ",\"sub_tasks\":["
            + allNull(
                "id",
                "name",
                "progress",
                "start_date",
                "end_date",
                "migrate_speed",
                "user_op",
                "process_trace")
            + "],\"network_check_info\":"
            + allNull(
                "domain_connectivity",
                "destination_connectivity",
                "network_delay",
                "network_jitter",
                "migration_speed",
                "loss_percentage",
                "cpu_usage",
                "mem_usage",
                "evaluation_result")
            + "}";

    ShowTaskResponse task = ShowTaskResponse.fromJson(json);
    TaskTargetServer target = task.getTargetServer();

    assertEveryGetterEmpty(task.getSourceServer());
    assertEveryGetterEmpty(target, "getDisks", "getVolumeGroups");
    assertEveryGetterEmpty(target.getDisks().get(0), "getPhysicalVolumes");
    assertEveryGetterEmpty(target.getDisks().get(0).getPhysicalVolumes().get(0));
    assertEveryGetterEmpty(target.getVolumeGroups().get(0), "getLogicalVolumes");
    assertEveryGetterEmpty(target.getVolumeGroups().get(0).getLogicalVolumes().get(0));
    assertEveryGetterEmpty(task.getCloneServer());
    assertEveryGetterEmpty(task.getSubTasks().get(0));
    assertEveryGetterEmpty(task.getNetworkCheckInfo());
  }

  @Test
  void fromJson_emptyObject_givesNullsAndEmptyLists() {
    assertEveryGetterEmpty(ShowTaskResponse.fromJson("{}"));
  }

  @Test
  void fromJson_emptyNestedObjects_giveEmptyListsNotNull() {
    ShowTaskResponse task =
        ShowTaskResponse.fromJson("{\"target_server\":{\"disks\":[{}],\"volume_groups\":[{}]}}");

    assertEveryGetterEmpty(task.getTargetServer().getDisks().get(0));
    assertEveryGetterEmpty(task.getTargetServer().getVolumeGroups().get(0));
    assertThat(task.getTargetServer().getBtrfsList()).isNotNull().isEmpty();
  }

  @Test
  void builder_nullList_givesEmptyList() {
    assertThat(ShowTaskResponse.builder().subTasks(null).build().getSubTasks())
        .isNotNull()
        .isEmpty();
    assertThat(TaskTargetServer.builder().disks(null).volumeGroups(null).btrfsList(null).build())
        .satisfies(t -> assertThat(t.getDisks()).isEmpty())
        .satisfies(t -> assertThat(t.getVolumeGroups()).isEmpty())
        .satisfies(t -> assertThat(t.getBtrfsList()).isEmpty());
  }

  // ---- numbers ----

  @Test
  void fromJson_longMaxValue_isExact() {
    ShowTaskResponse task =
        ShowTaskResponse.fromJson(
            "{\"total_time\":9223372036854775807,"
                + "\"target_server\":{\"disks\":[{\"size\":9223372036854775807}]}}");

    assertThat(task.getTotalTime()).isEqualTo(Long.MAX_VALUE);
    assertThat(task.getTargetServer().getDisks().get(0).getSize()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void toJson_longMaxValue_isWrittenExactly() throws Exception {
    ShowTaskResponse task = ShowTaskResponse.builder().totalTime(Long.MAX_VALUE).build();

    JsonNode written = MAPPER.readTree(task.toJson());

    assertThat(written.get("total_time").bigIntegerValue())
        .isEqualTo(java.math.BigInteger.valueOf(Long.MAX_VALUE));
  }

  @Test
  void fromJson_numberBeyondLong_namesThePath() {
    assertThatThrownBy(() -> ShowTaskResponse.fromJson("{\"total_time\":9223372036854775808}"))
        .isInstanceOf(SmsClientException.class)
        .hasMessageContaining("$.total_time");
  }

  // ---- lenient but lossless scalars ----

  @Test
  void fromJson_quotedInteger_isReadAsTheNumber() {
    assertThat(ShowTaskResponse.fromJson("{\"priority\":\"12\"}").getPriority()).isEqualTo(12);
  }

  @Test
  void fromJson_numberForAString_isReadAsItsText() {
    ShowTaskResponse task =
        ShowTaskResponse.fromJson(
            "{\"name\":123,\"project_id\":1.5,"
                + "\"target_server\":{\"disks\":[{\"disk_index\":0}]}}");

    assertThat(task.getName()).isEqualTo("123");
    assertThat(task.getProjectId()).isEqualTo("1.5");
    assertThat(task.getTargetServer().getDisks().get(0).getDiskIndex()).isEqualTo("0");
  }

  @Test
  void fromJson_objectForAString_isReadAsItsJsonText() throws Exception {
    String errorJson = "{\"error_code\":\"SMS.6505\",\"error_param\":[\"a\",1],\"x\":null}";

    ShowTaskResponse task = ShowTaskResponse.fromJson("{\"error_json\":" + errorJson + "}");

    assertThat(MAPPER.readTree(task.getErrorJson())).isEqualTo(MAPPER.readTree(errorJson));
  }

  @Test
  void fromJson_wholeFloatForALong_isReadAsTheLong() {
    assertThat(ShowTaskResponse.fromJson("{\"total_time\":12.0}").getTotalTime()).isEqualTo(12L);
  }

  @Test
  void fromJson_wholeFloatForAnInstant_isReadAsTheInstant() {
    assertThat(ShowTaskResponse.fromJson("{\"create_date\":1598435778000.0}").getCreateDate())
        .isEqualTo(Instant.ofEpochMilli(1598435778000L));
  }

  @Test
  void fromJson_lettersForAnInteger_namesTheNestedPath() {
    String json = "{\"sub_tasks\":[{\"progress\":1},{\"progress\":2},{\"progress\":\"abc\"}]}";

    assertThatThrownBy(() -> ShowTaskResponse.fromJson(json))
        .isInstanceOf(SmsClientException.class)
        .hasMessageContaining("$.sub_tasks[2].progress")
        .hasMessageContaining("abc");
  }

  @Test
  void fromJson_lettersDeepInTheTree_namesTheFullPath() {
    String json =
        "{\"target_server\":{\"disks\":[{\"physical_volumes\":[{\"index\":1},{\"index\":\"two\"}]}]}}";

    assertThatThrownBy(() -> ShowTaskResponse.fromJson(json))
        .isInstanceOf(SmsClientException.class)
        .hasMessageContaining("$.target_server.disks[0].physical_volumes[1].index");
  }

  @ParameterizedTest
  @ValueSource(strings = {"12.5", "3000000000", "true", "[]", "{}"})
  void fromJson_lossyValueForAnInteger_isRefused(String value) {
    assertThatThrownBy(() -> ShowTaskResponse.fromJson("{\"priority\":" + value + "}"))
        .isInstanceOf(SmsClientException.class)
        .hasMessageContaining("$.priority");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{", "not json", "[]", "{\"id\":\"t\"} {}", "{\"id\":}"})
  void fromJson_notOneJsonObject_isClientExceptionOnOneLine(String json) {
    assertThatThrownBy(() -> ShowTaskResponse.fromJson(json))
        .isInstanceOf(SmsClientException.class)
        .message()
        .doesNotContain("\n", "\r");
  }

  // ---- round trips ----

  @Test
  void toJson_example_readsBackEqual() {
    ShowTaskResponse task = example();

    assertThat(ShowTaskResponse.fromJson(task.toJson())).isEqualTo(task);
  }

  @Test
  void toJson_example_holdsEveryDocumentedValueOfTheExample() throws Exception {
    JsonNode written = MAPPER.readTree(example().toJson());

    assertSameValues(MAPPER.readTree(EXAMPLE), written);
  }

  @Test
  void toBuilder_example_buildsAnEqualTask() {
    ShowTaskResponse task = example();

    ShowTaskResponse copy = task.toBuilder().build();

    assertThat(copy).isEqualTo(task).hasSameHashCodeAs(task).isNotSameAs(task);
  }

  @Test
  void toBuilder_nestedValues_buildEqualValues() {
    ShowTaskResponse task = example();
    TaskTargetServer target = task.getTargetServer();
    TargetDisk disk = target.getDisks().get(0);

    assertThat(task.getSourceServer().toBuilder().build()).isEqualTo(task.getSourceServer());
    assertThat(target.toBuilder().build()).isEqualTo(target);
    assertThat(disk.toBuilder().build()).isEqualTo(disk);
    assertThat(disk.getPhysicalVolumes().get(1).toBuilder().build())
        .isEqualTo(disk.getPhysicalVolumes().get(1));
    assertThat(task.getSubTasks().get(0).toBuilder().build()).isEqualTo(task.getSubTasks().get(0));
  }

  @Test
  void toBuilder_change_leavesTheOriginalAlone() {
    ShowTaskResponse task = example();

    ShowTaskResponse changed = task.toBuilder().name("renamed").subTasks(List.of()).build();

    assertThat(task.getName()).isEqualTo("MigrationTask");
    assertThat(task.getSubTasks()).hasSize(5);
    assertThat(changed).isNotEqualTo(task);
  }

  // ---- immutability ----

  @Test
  void getSubTasks_isUnmodifiable() {
    List<SubTask> subTasks = example().getSubTasks();

    assertThatThrownBy(() -> subTasks.add(SubTask.builder().build()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> subTasks.remove(0)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void nestedLists_areUnmodifiable() {
    TaskTargetServer target = example().getTargetServer();

    assertThatThrownBy(() -> target.getDisks().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> target.getDisks().get(0).getPhysicalVolumes().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> target.getBtrfsList().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void builder_listChangedAfterBuild_doesNotChangeTheValue() {
    List<SubTask> source = new ArrayList<>(List.of(SubTask.builder().id(1L).build()));
    ShowTaskResponse task = ShowTaskResponse.builder().subTasks(source).build();

    source.add(SubTask.builder().id(2L).build());

    assertThat(task.getSubTasks()).extracting(SubTask::getId).containsExactly(1L);
  }

  @Test
  void modelTypes_areFinalWithFinalFields() {
    for (Class<?> type :
        List.of(
            ShowTaskResponse.class,
            SourceServer.class,
            TaskTargetServer.class,
            TargetDisk.class,
            TargetPhysicalVolume.class,
            VolumeGroup.class,
            LogicalVolume.class,
            CloneServer.class,
            SubTask.class,
            NetworkCheckInfo.class)) {
      assertThat(Modifier.isFinal(type.getModifiers())).as(type.getSimpleName()).isTrue();
      for (java.lang.reflect.Field field : type.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers())) {
          assertThat(Modifier.isFinal(field.getModifiers()))
              .as(type.getSimpleName() + "." + field.getName())
              .isTrue();
        }
      }
    }
  }

  // ---- helpers ----

  private static List<String> topLevelFieldNames() {
    return List.of(
        "name",
        "type",
        "os_type",
        "id",
        "priority",
        "speed_limit",
        "region_id",
        "start_target_server",
        "enterprise_project_id",
        "migration_ip",
        "region_name",
        "project_name",
        "project_id",
        "vm_template_id",
        "source_server",
        "target_server",
        "state",
        "estimate_complete_time",
        "connected",
        "create_date",
        "start_date",
        "finish_date",
        "migrate_speed",
        "compress_rate",
        "error_json",
        "total_time",
        "float_ip",
        "remain_seconds",
        "target_snapshot_id",
        "clone_server",
        "sub_tasks",
        "network_check_info",
        "total_cpu_usage",
        "agent_cpu_usage",
        "total_mem_usage",
        "agent_mem_usage",
        "total_disk_io",
        "agent_disk_io");
  }

  private static String allNull(String... fields) {
    return allNull(List.of(fields));
  }

  private static String allNull(List<String> fields) {
    StringBuilder s = new StringBuilder("{");
    for (String field : fields) {
      if (s.length() > 1) {
        s.append(',');
      }
      s.append('"').append(field).append("\":null");
    }
    return s.append('}').toString();
  }

  /** Every public getter but {@code except} returns null, or an empty list. */
  private static void assertEveryGetterEmpty(Object value, String... except) {
    assertThat(value).isNotNull();
    int getters = 0;
    for (Method getter : value.getClass().getMethods()) {
      if (!getter.getName().startsWith("get")
          || getter.getParameterCount() != 0
          || getter.getDeclaringClass() != value.getClass()
          || List.of(except).contains(getter.getName())) {
        continue;
      }
      getters++;
      Object result;
      try {
        result = getter.invoke(value);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new AssertionError(getter.getName(), e);
      }
      String name = value.getClass().getSimpleName() + "." + getter.getName();
      if (List.class.isAssignableFrom(getter.getReturnType())) {
        assertThat((List<?>) result).as(name).isNotNull().isEmpty();
      } else {
        assertThat(result).as(name).isNull();
      }
    }
    assertThat(getters).as("getters of " + value.getClass().getSimpleName()).isPositive();
  }

  /**
   * Every value in {@code expected} is in {@code actual} at the same place: objects field by field
   * (a null equals an absent field), arrays element by element, numbers by value.
   */
  private static void assertSameValues(JsonNode expected, JsonNode actual) {
    List<String> differences = new ArrayList<>();
    compare("$", expected, actual, differences);
    assertThat(differences).isEmpty();
  }

  private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
    // the writer leaves an empty list or map out: the reader makes it empty again
    boolean expectedNull =
        expected == null
            || expected.isNull()
            || expected.isMissingNode()
            || (expected.isContainerNode() && expected.isEmpty() && actual == null);
    boolean actualNull = actual == null || actual.isNull() || actual.isMissingNode();
    if (expectedNull || actualNull) {
      if (expectedNull != actualNull) {
        out.add(path + ": expected " + expected + " but was " + actual);
      }
      return;
    }
    if (expected.isObject()) {
      if (!actual.isObject()) {
        out.add(path + ": expected an object but was " + actual);
        return;
      }
      // fieldNames(), not properties() (2.15+): this also compiles against databind 2.14
      // (-Pokhttp4)
      for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        compare(path + "." + name, expected.get(name), actual.get(name), out);
      }
    } else if (expected.isArray()) {
      if (!actual.isArray() || actual.size() != expected.size()) {
        out.add(path + ": expected " + expected + " but was " + actual);
        return;
      }
      for (int i = 0; i < expected.size(); i++) {
        compare(path + "[" + i + "]", expected.get(i), actual.get(i), out);
      }
    } else if (expected.isNumber()) {
      if (!actual.isNumber() || expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
        out.add(path + ": expected " + expected + " but was " + actual);
      }
    } else if (!expected.equals(actual)) {
      out.add(path + ": expected " + expected + " but was " + actual);
    }
  }
}
