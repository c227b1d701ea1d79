package org.migrationkit.sms.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.testsupport.SourceTree;

/** The simulator routes every operation of the API description, each to itself. */
class SimulatorRoutesTest {
  @Test
  void routes_areTheApiDescriptionsOperations() throws Exception {
    JsonNode description = new ObjectMapper().readTree(SourceTree.API_DESCRIPTION.toFile());
    List<Route> described = new ArrayList<>();
    for (JsonNode op : description.get("operations")) {
      described.add(
          new Route(op.get("name").asText(), op.get("http").asText(), op.get("path").asText()));
    }

    assertThat(Route.ALL).containsExactlyInAnyOrderElementsOf(described);
  }

  @Test
  void match_literalSegmentWinsOverAVariable() {
    assertThat(Route.match("POST", "/v3/tasks/delete").route().operation())
        .isEqualTo("DeleteTasks");
    assertThat(Route.match("DELETE", "/v3/tasks/t%201").params()).containsExactly("t 1");
    assertThat(Route.match("GET", "/v3/sources/overview").route().operation())
        .isEqualTo("ShowOverview");
    assertThat(Route.match("GET", "/v3/nothing/here/at/all")).isNull();
  }
}
