package org.migrationkit.sms.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationkit.sms.model.ShowTaskResponse;

/**
 * The model is data that nothing below it knows by name: no package the model uses reaches back to
 * it, and the JSON package under the model's codecs uses none of the client's packages.
 */
class ModelPackageCycleTest {
  private static final String MODEL = "org.migrationkit.sms.model";
  private static final String JSON = "org.migrationkit.sms.internal.json";

  private static PackageGraph graph;

  @TempDir static Path plainClasses;

  @BeforeAll
  static void readTheCompiledClasses() throws Exception {
    Path classes =
        Path.of(ShowTaskResponse.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    // jdeps reads a folder with a module-info.class as a module and then wants every module it
    // requires; the package graph needs only the classes
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path copy = plainClasses.resolve(classes.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else if (file.toString().endsWith(".class")
            && !file.getFileName().toString().equals("module-info.class")) {
          Files.copy(file, copy);
        }
      }
    }
    graph = PackageGraph.of(plainClasses);
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
