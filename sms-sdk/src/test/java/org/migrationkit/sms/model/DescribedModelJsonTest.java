package org.migrationkit.sms.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON shapes the API description adds beyond ShowTask: raw JSON values, string maps, lists of
 * maps, and the wire irregularities the description keeps exactly.
 */
class DescribedModelJsonTest {
  @Test
  void rawJsonField_readAsCompactTextAndWrittenBackAsJson() {
    CommandBody body =
        CommandBody.fromJson(
            "{\"command_name\":\"upload\",\"result_detail\": {\"a\": [1, 2.5, \"x\", null]}}");

    assertThat(body.getResultDetail()).isEqualTo("{\"a\":[1,2.5,\"x\",null]}");
    assertThat(body.toJson())
        .isEqualTo("{\"command_name\":\"upload\",\"result_detail\":{\"a\":[1,2.5,\"x\",null]}}");
  }

  @Test
  void rawJsonField_scalarKeptAsItsJsonText() {
    assertThat(CommandBody.fromJson("{\"result_detail\":\"done\"}").getResultDetail())
        .isEqualTo("\"done\"");
    assertThat(CommandBody.fromJson("{\"result_detail\":null}").getResultDetail()).isNull();
  }

  @Test
  void stringMap_keepsTheServiceOrderAndIsImmutable() {
    ShowConfigResponse config =
        ShowConfigResponse.fromJson(
            "{\"config\":{\"b\":\"2\",\"a\":\"1\",\"n\":null},\"regions\":[{\"id\":\"r1\"}]}");

    assertThat(config.getConfig()).containsExactly(Map.entry("b", "2"), Map.entry("a", "1"));
    assertThat(config.getRegions()).containsExactly(Map.of("id", "r1"));
    assertThatThrownBy(() -> config.getConfig().put("c", "3"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> config.getRegions().get(0).put("c", "3"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(ShowConfigResponse.fromJson(config.toJson())).isEqualTo(config);
  }

  @Test
  void listOfMaps_builderCopiesTheCallersMaps() {
    Map<String, String> region = new HashMap<>(Map.of("id", "r1"));
    Map<String, String> settings = new LinkedHashMap<>(Map.of("k", "v"));
    ShowConfigResponse config =
        ShowConfigResponse.builder().config(settings).regions(List.of(region)).build();

    region.put("id", "changed");
    settings.put("k", "changed");

    assertThat(config.getRegions()).containsExactly(Map.of("id", "r1"));
    assertThat(config.getConfig()).containsExactly(Map.entry("k", "v"));
  }

  @Test
  void absentMap_isEmptyNeverNull() {
    assertThat(ShowConfigResponse.fromJson("{}").getConfig()).isEmpty();
    assertThat(ShowConfigResponse.builder().config(null).build().getConfig()).isEmpty();
  }

  @Test
  void wireTypo_startNetworckCheck_keptExactlyWhereTheServiceHasIt() {
    assertThat(PostMigProjectBody.builder().startNetworckCheck(true).build().toJson())
        .contains("\"start_networck_check\":true");
    assertThat(MigProject.builder().startNetworkCheck(true).build().toJson())
        .contains("\"start_network_check\":true");
  }

  @Test
  void sameWireName_otherTypeInAnotherModel() {
    String json = "{\"is_template\":true}";

    assertThat(TemplateRequest.fromJson(json).getIsTemplate()).isTrue();
    assertThat(TemplateResponseBody.fromJson(json).getIsTemplate()).isEqualTo("true");
  }

  @Test
  void emptyStringEnumValue_isTheDocumentedEmptyConstant() {
    PostSourceServerBody server = PostSourceServerBody.fromJson("{\"start_type\":\"\"}");

    assertThat(server.getStartType()).isSameAs(StartType.EMPTY);
    assertThat(server.toJson()).contains("\"start_type\":\"\"");
  }

  @Test
  void nestedModels_readAllTheWayDown() {
    ShowServerResponse server =
        ShowServerResponse.fromJson(
            "{\"id\":\"s1\",\"add_date\":1598435778000,\"state\":\"skipping\",\"firmware\":\"UEFI\","
                + "\"disks\":[{\"name\":\"sda\",\"physical_volumes\":[{\"inode_size\":256}]}],"
                + "\"current_task\":{\"state\":\"RUNNING\",\"target_server\":{\"vm_id\":\"v1\"}}}");

    assertThat(server.getAddDate().toEpochMilli()).isEqualTo(1598435778000L);
    assertThat(server.getState()).isSameAs(SourceServerState.SKIPPING);
    assertThat(server.getFirmware()).isSameAs(Firmware.UEFI);
    assertThat(server.getDisks().get(0).getPhysicalVolumes().get(0).getInodeSize()).isEqualTo(256);
    assertThat(server.getCurrentTask().getState()).isSameAs(TaskState.RUNNING);
    assertThat(server.getCurrentTask().getTargetServer().getVmId()).isEqualTo("v1");
    assertThat(ShowServerResponse.fromJson(server.toJson())).isEqualTo(server);
  }
}
