package org.migrationkit.sms.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.internal.json.JsonValues;

/**
 * Reads the Huawei Cloud regions file ({@code ~/.huaweicloud/regions.yaml}): a {@code SMS:} key
 * (any case) holding a list of {@code id} with {@code endpoint} or {@code endpoints}. YAML is read
 * with {@code jackson-dataformat-yaml}, an optional dependency: only users with the file need it.
 */
public final class RegionsFile {
  static final String YAML_FACTORY = "com.fasterxml.jackson.dataformat.yaml.YAMLFactory";

  private RegionsFile() {}

  /**
   * Returns the file to read: {@code $HUAWEICLOUD_SDK_REGIONS_FILE}, else {@code
   * ~/.huaweicloud/regions.yaml}.
   */
  public static Path location(Map<String, String> env, @Nullable Path home) {
    String configured = env.get("HUAWEICLOUD_SDK_REGIONS_FILE");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return (home != null ? home : Path.of(System.getProperty("user.home", ".")))
        .resolve(".huaweicloud")
        .resolve("regions.yaml");
  }

  /** Returns whether the optional YAML reader is on the class path. */
  public static boolean yamlAvailable() {
    try {
      Class.forName(YAML_FACTORY, false, RegionsFile.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * Returns the SMS endpoints the file gives for {@code regionId}, or an empty list when the file
   * does not exist or does not list the region.
   *
   * @throws IllegalStateException when the file exists but cannot be read, or YAML support is
   *     missing
   */
  public static List<String> endpoints(Path file, String regionId, boolean yamlAvailable) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    if (!yamlAvailable) {
      throw new IllegalStateException(
          "the regions file "
              + file
              + " needs YAML support: add com.fasterxml.jackson.dataformat:"
              + "jackson-dataformat-yaml (the version of your Jackson) to the class path, or remove the file");
    }
    try (JsonParser p = yamlFactory().createParser(file.toFile())) {
      return read(p, regionId);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "the regions file " + file + " cannot be read: " + JsonValues.oneLine(e.getMessage()), e);
    }
  }

  private static JsonFactory yamlFactory() {
    try {
      return (JsonFactory) Class.forName(YAML_FACTORY).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + YAML_FACTORY, e);
    }
  }

  private static List<String> read(JsonParser p, String regionId) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      return List.of();
    }
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      if (name.toUpperCase(Locale.ROOT).equals("SMS") && t == JsonToken.START_ARRAY) {
        while (p.nextToken() == JsonToken.START_OBJECT) {
          List<String> found = readEntry(p, regionId);
          if (found != null) {
            return found;
          }
        }
        return List.of();
      }
      p.skipChildren();
    }
    return List.of();
  }

  private static @Nullable List<String> readEntry(JsonParser p, String regionId)
      throws IOException {
    String id = null;
    List<String> endpoints = new ArrayList<>();
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "id":
          id = p.getValueAsString();
          break;
        case "endpoint":
          addEndpoint(endpoints, p.getValueAsString());
          break;
        case "endpoints":
          if (t == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
              addEndpoint(endpoints, p.getValueAsString());
            }
          } else {
            addEndpoint(endpoints, p.getValueAsString());
          }
          break;
        default:
          p.skipChildren();
      }
    }
    return regionId.equals(id) && !endpoints.isEmpty() ? List.copyOf(endpoints) : null;
  }

  private static void addEndpoint(List<String> endpoints, @Nullable String value) {
    if (value != null && !value.isBlank()) {
      endpoints.add(value.trim());
    }
  }
}
