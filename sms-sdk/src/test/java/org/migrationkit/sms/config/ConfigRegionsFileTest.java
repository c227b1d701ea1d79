package org.migrationkit.sms.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationkit.sms.SmsRegion;
import org.migrationkit.sms.internal.RegionsFile;

/**
 * The regions file reader with and without its optional YAML dependency ({@code
 * jackson-dataformat-yaml} is on the test class path; "without" is the reader told it is missing).
 */
class ConfigRegionsFileTest {
  @TempDir Path home;

  private Path regionsFile(String yaml) throws IOException {
    Path dir = Files.createDirectories(home.resolve(".huaweicloud"));
    return Files.writeString(dir.resolve("regions.yaml"), yaml);
  }

  @Test
  void yamlAvailable_onTheTestClassPath() {
    assertThat(RegionsFile.yamlAvailable()).isTrue();
  }

  @Test
  void endpoints_withoutYamlSupport_existingFileSaysWhatToAdd() throws IOException {
    Path file = regionsFile("SMS:\n  - id: ap-southeast-1\n    endpoint: https://file.example\n");

    assertThatThrownBy(() -> RegionsFile.endpoints(file, "ap-southeast-1", false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("jackson-dataformat-yaml")
        .hasMessageContaining("com.fasterxml.jackson.dataformat")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void endpoints_withoutYamlSupport_noFileIsNoError() {
    assertThat(
            RegionsFile.endpoints(
                home.resolve(".huaweicloud/regions.yaml"), "ap-southeast-1", false))
        .isEmpty();
  }

  @Test
  void endpoints_withYamlSupport_readsTheRegion() throws IOException {
    Path file =
        regionsFile(
            "SMS:\n"
                + "  - id: ap-southeast-1\n"
                + "    endpoint: https://one.example\n"
                + "  - id: my-lab-1\n"
                + "    endpoints: [https://a.example, https://b.example]\n");

    assertThat(RegionsFile.endpoints(file, "ap-southeast-1", true))
        .containsExactly("https://one.example");
    assertThat(RegionsFile.endpoints(file, "my-lab-1", true))
        .containsExactly("https://a.example", "https://b.example");
    assertThat(RegionsFile.endpoints(file, "cn-north-4", true)).isEmpty();
  }

  @Test
  void endpoints_fileWithoutSmsKey_isEmpty() throws IOException {
    Path file = regionsFile("ECS:\n  - id: ap-southeast-1\n    endpoint: https://ecs.example\n");

    assertThat(RegionsFile.endpoints(file, "ap-southeast-1", true)).isEmpty();
  }

  @Test
  void location_variableBeforeHome() {
    assertThat(RegionsFile.location(Map.of(), home))
        .isEqualTo(home.resolve(".huaweicloud").resolve("regions.yaml"));
    assertThat(
            RegionsFile.location(
                Map.of("HUAWEICLOUD_SDK_REGIONS_FILE", "/etc/hc/regions.yaml"), home))
        .isEqualTo(Path.of("/etc/hc/regions.yaml"));
  }

  @Test
  void smsRegionOf_classPathWithoutYaml_existingFileSaysWhatToAdd() throws Throwable {
    regionsFile("SMS:\n  - id: ap-southeast-1\n    endpoint: https://file.example\n");
    // The SDK's classes and jackson-core only, under the platform loader: no
    // jackson-dataformat-yaml.
    URL[] withoutYaml = {
      SmsRegion.class.getProtectionDomain().getCodeSource().getLocation(),
      com.fasterxml.jackson.core.JsonFactory.class
          .getProtectionDomain()
          .getCodeSource()
          .getLocation()
    };
    try (URLClassLoader loader =
        new URLClassLoader(withoutYaml, ClassLoader.getPlatformClassLoader())) {
      Class<?> regionsFile = loader.loadClass(RegionsFile.class.getName());
      assertThat(regionsFile.getMethod("yamlAvailable").invoke(null)).isEqualTo(false);

      Method of =
          loader
              .loadClass(SmsRegion.class.getName())
              .getDeclaredMethod("of", String.class, Map.class, Path.class);
      of.setAccessible(true);
      assertThatThrownBy(() -> invoke(of, "ap-southeast-1", Map.of(), home))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("jackson-dataformat-yaml");
      // without a file, nothing is missing
      assertThat(invoke(of, "ap-southeast-1", Map.of(), home.resolve("elsewhere")).toString())
          .isEqualTo(SmsRegion.AP_SOUTHEAST_1.toString());
    }
  }

  private static Object invoke(Method method, Object... args) throws Throwable {
    try {
      return method.invoke(null, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
