package org.migrationkit.sms.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.migrationkit.sms.testsupport.SourceTree;

/**
 * The committed API description {@code src/codegen/sms-v3.json}, read for tests.
 *
 * <pre>{@code
 * ApiDescription api = ApiDescription.load();
 * for (ApiDescription.Model m : api.models().values()) { ... }
 * }</pre>
 */
record ApiDescription(
    Map<String, List<String>> enums, List<Operation> operations, Map<String, Model> models) {
  static final Path FILE = SourceTree.API_DESCRIPTION;

  /** A path or query parameter. */
  record Param(String wire, String type, boolean required) {}

  /** One operation. */
  record Operation(
      String name,
      String method,
      String http,
      String path,
      List<Param> pathParams,
      List<Param> queryParams,
      String body,
      boolean bodyRequired,
      String responseKind,
      String responseModel,
      boolean idempotent) {}

  /** One field of a model; {@code values} lists an integer enumeration's documented values. */
  record Field(String wire, String type, boolean required, List<String> values) {}

  /** One model: our class name, the official class name, the fields. */
  record Model(String name, String sdkModel, List<Field> fields) {}

  static ApiDescription load() {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(FILE.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, List<String>> enums = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e :
        (Iterable<Map.Entry<String, JsonNode>>) root.get("enums")::fields) {
      enums.put(e.getKey(), texts(e.getValue().get("values")));
    }
    List<Operation> operations = new ArrayList<>();
    for (JsonNode o : root.get("operations")) {
      JsonNode response = o.get("response");
      operations.add(
          new Operation(
              o.get("name").asText(),
              o.get("method").asText(),
              o.get("http").asText(),
              o.get("path").asText(),
              params(o.get("pathParams")),
              params(o.get("queryParams")),
              o.get("body").isNull() ? null : o.get("body").asText(),
              o.get("bodyRequired").asBoolean(),
              response.get("kind").asText(),
              response.has("model") ? response.get("model").asText() : null,
              o.get("idempotent").asBoolean()));
    }
    Map<String, Model> models = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e :
        (Iterable<Map.Entry<String, JsonNode>>) root.get("models")::fields) {
      List<Field> fields = new ArrayList<>();
      for (JsonNode f : e.getValue().get("fields")) {
        fields.add(
            new Field(
                f.get("wire").asText(),
                f.get("type").asText(),
                f.get("required").asBoolean(),
                f.has("values") ? texts(f.get("values")) : List.of()));
      }
      models.put(
          e.getKey(),
          new Model(e.getKey(), e.getValue().get("sdkModel").asText(), List.copyOf(fields)));
    }
    return new ApiDescription(Map.copyOf(enums), List.copyOf(operations), models);
  }

  private static List<Param> params(JsonNode array) {
    List<Param> out = new ArrayList<>();
    for (JsonNode p : array) {
      out.add(
          new Param(p.get("wire").asText(), p.get("type").asText(), p.get("required").asBoolean()));
    }
    return List.copyOf(out);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return List.copyOf(out);
  }

  /** {@return whether {@code type} names a list} */
  static boolean isList(String type) {
    return type.startsWith("list<");
  }

  /** {@return whether {@code type} names a map} */
  static boolean isMap(String type) {
    return type.startsWith("map<");
  }

  /** {@return the element type of a list or the value type of a map} */
  static String inner(String type) {
    return isList(type)
        ? type.substring(5, type.length() - 1)
        : type.substring(type.indexOf(',') + 1, type.length() - 1).trim();
  }
}
