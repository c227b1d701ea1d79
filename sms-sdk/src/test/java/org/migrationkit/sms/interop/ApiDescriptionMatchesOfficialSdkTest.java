package org.migrationkit.sms.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.huaweicloud.sdk.core.http.Field;
import com.huaweicloud.sdk.core.http.FieldExistence;
import com.huaweicloud.sdk.core.http.HttpRequestDef;
import com.huaweicloud.sdk.core.http.LocationType;
import com.huaweicloud.sdk.sms.v3.SmsMeta;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The committed API description ({@code src/codegen/sms-v3.json}) against the official Java SDK
 * 3.1.143 it claims to describe: every operation of {@code SmsMeta} with the same HTTP method, path
 * and parameters, every model with the same wire names and Java types. Each test lists every
 * difference it finds, so one run shows all of them.
 */
class ApiDescriptionMatchesOfficialSdkTest {
  private static final String MODEL_PACKAGE = "com.huaweicloud.sdk.sms.v3.model.";
  private static final ApiDescription API = ApiDescription.load();

  @Test
  void operations_sameSetAsSmsMeta() throws Exception {
    Set<String> official = new LinkedHashSet<>(officialOperations().keySet());
    Set<String> described = new LinkedHashSet<>();
    API.operations().forEach(o -> described.add(o.method()));

    assertThat(described).hasSize(51).containsExactlyInAnyOrderElementsOf(official);
  }

  @Test
  void operations_sameHttpMethodPathAndParameters() throws Exception {
    Map<String, HttpRequestDef<?, ?>> official = officialOperations();
    List<String> differences = new ArrayList<>();
    for (ApiDescription.Operation op : API.operations()) {
      HttpRequestDef<?, ?> def = official.get(op.method());
      String at = op.name() + ": ";
      if (def == null) {
        differences.add(at + "no SmsMeta." + op.method());
        continue;
      }
      check(differences, at + "name", def.getName(), op.name());
      check(differences, at + "HTTP method", def.getMethod().name(), op.http());
      check(differences, at + "path", def.getUri(), op.path());
      check(differences, at + "idempotent", !op.http().equals("POST"), op.idempotent());
      check(
          differences,
          at + "path parameters in the template",
          templateNames(op.path()),
          wires(op.pathParams()));
      checkParams(differences, at + "path", fields(def, LocationType.Path), op.pathParams());
      checkParams(differences, at + "query", fields(def, LocationType.Query), op.queryParams());
      check(differences, at + "headers", fields(def, LocationType.Header).size(), 0);
      List<Field<?, ?>> body = fields(def, LocationType.Body);
      if (op.body() == null) {
        check(differences, at + "body fields", body.size(), 0);
      } else if (body.size() != 1) {
        differences.add(at + "expected one body field, the official has " + body.size());
      } else {
        check(
            differences,
            at + "body type",
            body.get(0).getFieldType().getName(),
            MODEL_PACKAGE + API.models().get(op.body()).sdkModel());
        check(
            differences,
            at + "body required",
            body.get(0).getExistence() == FieldExistence.NON_NULL_NON_EMPTY,
            op.bodyRequired());
      }
      checkResponse(differences, at, def, op);
    }
    assertThat(differences).isEmpty();
  }

  @Test
  void models_sameWireNamesAndJavaTypesAsTheOfficialModels() throws Exception {
    List<String> differences = new ArrayList<>();
    for (ApiDescription.Model model : API.models().values()) {
      Class<?> official = Class.forName(MODEL_PACKAGE + model.sdkModel());
      Map<String, Type> officialFields = jsonProperties(official);
      List<String> described = new ArrayList<>();
      model.fields().forEach(f -> described.add(f.wire()));
      check(
          differences,
          model.name() + ": wire names",
          List.copyOf(officialFields.keySet()),
          described.stream().sorted().toList());
      for (ApiDescription.Field f : model.fields()) {
        Type type = officialFields.get(f.wire());
        if (type != null) {
          String problem = typeMismatch(f.type(), type);
          if (problem != null) {
            differences.add(model.name() + "." + f.wire() + ": " + problem);
          }
        }
      }
    }
    assertThat(differences).isEmpty();
  }

  @Test
  void models_everyOfficialModelOfAnOperationIsDescribed() throws Exception {
    Set<String> described = new LinkedHashSet<>();
    API.models().values().forEach(m -> described.add(m.sdkModel()));
    Set<String> reachable = new java.util.TreeSet<>();
    for (HttpRequestDef<?, ?> def : officialOperations().values()) {
      for (Field<?, ?> f : fields(def, LocationType.Body)) {
        collect(f.getFieldType(), reachable);
      }
      collect(def.getResponseType(), reachable);
    }
    // the operations' own response wrappers of text and empty answers are not body models
    reachable.removeIf(name -> !described.contains(name) && isWrapperOfRawAnswer(name));
    assertThat(described).containsAll(reachable);
  }

  // ---- the checks ----

  private static void checkParams(
      List<String> out, String at, List<Field<?, ?>> official, List<ApiDescription.Param> ours) {
    List<String> theirNames = new ArrayList<>();
    official.forEach(f -> theirNames.add(f.getName()));
    check(out, at + " parameters", theirNames, wires(ours));
    for (int i = 0; i < Math.min(official.size(), ours.size()); i++) {
      Field<?, ?> f = official.get(i);
      ApiDescription.Param p = ours.get(i);
      check(
          out,
          at + " " + p.wire() + " required",
          f.getExistence() == FieldExistence.NON_NULL_NON_EMPTY,
          p.required());
      String problem = typeMismatch(p.type(), f.getFieldType());
      if (problem != null) {
        out.add(at + " " + p.wire() + ": " + problem);
      }
    }
  }

  private static void checkResponse(
      List<String> out, String at, HttpRequestDef<?, ?> def, ApiDescription.Operation op) {
    List<String> bodyFields = new ArrayList<>();
    for (Field<?, ?> f : def.getResponseFields()) {
      if (f.getLocation() == LocationType.Body) {
        bodyFields.add(f.getName() + ":" + f.getFieldType().getSimpleName());
      }
    }
    Map<String, Type> props = jsonProperties(def.getResponseType());
    switch (op.responseKind()) {
      case "model":
        check(
            out,
            at + "response model",
            API.models().get(op.responseModel()).sdkModel(),
            def.getResponseType().getSimpleName());
        check(out, at + "response body fields (model)", bodyFields, List.of());
        break;
      case "text":
        check(out, at + "response body fields (text)", bodyFields, List.of("body:String"));
        break;
      case "empty":
        check(out, at + "response (empty)", bodyFields.isEmpty() && props.isEmpty(), true);
        break;
      default:
        out.add(at + "unknown response kind " + op.responseKind());
    }
  }

  /** Returns null when the described type is what the official Java type says, else why not. */
  private static String typeMismatch(String described, Type official) {
    if (ApiDescription.isList(described) || ApiDescription.isMap(described)) {
      if (!(official instanceof ParameterizedType)) {
        return "described " + described + ", official " + official.getTypeName();
      }
      ParameterizedType p = (ParameterizedType) official;
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (ApiDescription.isList(described) && raw == List.class) {
        return typeMismatch(ApiDescription.inner(described), args[0]);
      }
      if (ApiDescription.isMap(described) && raw == Map.class && args[0] == String.class) {
        return typeMismatch(ApiDescription.inner(described), args[1]);
      }
      return "described " + described + ", official " + official.getTypeName();
    }
    if (!(official instanceof Class)) {
      return "described " + described + ", official " + official.getTypeName();
    }
    Class<?> type = (Class<?>) official;
    String expected;
    switch (described) {
      case "string":
        expected = "String";
        break;
      case "integer":
        expected = "Integer";
        break;
      case "long":
      case "timestamp":
        expected = "Long";
        break;
      case "double":
        expected = "Double";
        break;
      case "boolean":
        expected = "Boolean";
        break;
      case "json":
        expected = "Object";
        break;
      default:
        if (API.enums().containsKey(described)) {
          return enumMismatch(described, type);
        }
        ApiDescription.Model model = API.models().get(described);
        if (model == null) {
          return "unknown described type " + described;
        }
        return type.getName().equals(MODEL_PACKAGE + model.sdkModel())
            ? null
            : "described " + described + " (" + model.sdkModel() + "), official " + type.getName();
    }
    if (type.getSimpleName().equals(expected) && type.getName().startsWith("java.lang.")) {
      return null;
    }
    // the official SDK's enum classes: accepted where we keep the wire type
    Class<?> wire = enumWireType(type);
    return wire != null && wire.getSimpleName().equals(expected)
        ? null
        : "described " + described + ", official " + type.getName();
  }

  private static String enumMismatch(String described, Class<?> official) {
    if (official == String.class) {
      return null;
    }
    if (enumWireType(official) != String.class) {
      return "described enum " + described + ", official " + official.getName();
    }
    List<String> missing = new ArrayList<>();
    for (java.lang.reflect.Field constant : official.getFields()) {
      if (Modifier.isStatic(constant.getModifiers()) && constant.getType() == official) {
        try {
          Object value = official.getMethod("getValue").invoke(constant.get(null));
          if (!API.enums().get(described).contains(String.valueOf(value))) {
            missing.add(String.valueOf(value));
          }
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return missing.isEmpty()
        ? null
        : "enum "
            + described
            + " lacks the official values "
            + missing
            + " of "
            + official.getName();
  }

  /**
   * The wire type an official enum class holds (its getValue()), or null when it is no enum class.
   */
  private static Class<?> enumWireType(Class<?> type) {
    if (!type.getName().startsWith(MODEL_PACKAGE)) {
      return null;
    }
    try {
      Method getValue = type.getMethod("getValue");
      return type.getMethod("fromValue", getValue.getReturnType()) != null
          ? getValue.getReturnType()
          : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  // ---- reading the official SDK ----

  private static Map<String, HttpRequestDef<?, ?>> officialOperations() throws Exception {
    Map<String, HttpRequestDef<?, ?>> defs = new TreeMap<>();
    for (java.lang.reflect.Field f : SmsMeta.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers())
          && HttpRequestDef.class.isAssignableFrom(f.getType())) {
        defs.put(f.getName(), (HttpRequestDef<?, ?>) f.get(null));
      }
    }
    return defs;
  }

  private static List<Field<?, ?>> fields(HttpRequestDef<?, ?> def, LocationType location) {
    List<Field<?, ?>> out = new ArrayList<>();
    for (Field<?, ?> f : def.getRequestFields()) {
      if (f.getLocation() == location) {
        out.add(f);
      }
    }
    return out;
  }

  /** The {@code @JsonProperty} fields of an official model class, by wire name, sorted. */
  private static Map<String, Type> jsonProperties(Class<?> type) {
    Map<String, Type> out = new TreeMap<>();
    for (java.lang.reflect.Field f : type.getDeclaredFields()) {
      JsonProperty p = f.getAnnotation(JsonProperty.class);
      if (p != null && !Modifier.isStatic(f.getModifiers())) {
        out.put(p.value(), f.getGenericType());
      }
    }
    return out;
  }

  private static void collect(Type type, Set<String> out) {
    if (type instanceof ParameterizedType) {
      for (Type arg : ((ParameterizedType) type).getActualTypeArguments()) {
        collect(arg, out);
      }
      return;
    }
    if (!(type instanceof Class) || !((Class<?>) type).getName().startsWith(MODEL_PACKAGE)) {
      return;
    }
    Class<?> c = (Class<?>) type;
    if (enumWireType(c) != null || !out.add(c.getSimpleName())) {
      return;
    }
    for (Type t : jsonProperties(c).values()) {
      collect(t, out);
    }
  }

  private static boolean isWrapperOfRawAnswer(String simpleName) {
    for (ApiDescription.Operation op : API.operations()) {
      if (!op.responseKind().equals("model") && simpleName.equals(op.name() + "Response")) {
        return true;
      }
    }
    return false;
  }

  private static List<String> wires(List<ApiDescription.Param> params) {
    List<String> out = new ArrayList<>();
    params.forEach(p -> out.add(p.wire()));
    return out;
  }

  private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");

  private static List<String> templateNames(String path) {
    List<String> out = new ArrayList<>();
    Matcher m = TEMPLATE.matcher(path);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static void check(List<String> out, String what, Object official, Object described) {
    if (!official.equals(described)) {
      out.add(what + ": official " + official + ", described " + described);
    }
  }
}
