package org.migrationkit.sms.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.model.ShowTaskResponse;

/**
 * The model is data that nothing below it knows by name: no package the model uses reaches back to
 * it, and the JSON package under the model's codecs uses none of the client's packages.
 */
class ModelPackageCycleTest {
  private static final String MODEL = "org.migrationkit.sms.model";
  private static final String JSON = "org.migrationkit.sms.internal.json";

  private static PackageGraph graph;

  @BeforeAll
  static void readTheCompiledClasses() throws Exception {
    Path classes =
        Path.of(ShowTaskResponse.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    graph = PackageGraph.of(classes);
  }

  @Test
  void model_isInNoPackageCycle() {
    assertThat(graph.packages()).contains(MODEL, JSON);

    assertThat(graph.cycleThrough(MODEL)).as("a package cycle through the model").isEmpty();
  }

  @Test
  void internalJson_usesNoPackageOfTheClient() {
    assertThat(graph.usedBy(JSON)).as("packages " + JSON + " uses").isEmpty();
  }

  @Test
  void model_usesOnlyTheJsonPackage() {
    assertThat(graph.usedBy(MODEL)).containsExactly(JSON);
  }
}
