package org.migrationkit.sms.interop;

import com.huaweicloud.sdk.core.utils.JsonUtils;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.SmsClient;

/**
 * Seeded random requests for every operation of the API description, built as our {@code
 * XxxRequest} and as the official SDK's from the same wire values.
 *
 * <pre>{@code
 * OperationRequests.Values values = OperationRequests.random(op, new Random(42));
 * Object ours = OperationRequests.ours(op, values, Set.of());
 * Object theirs = OperationRequests.official(op, values);
 * }</pre>
 *
 * <p>Every member gets a value: path and query parameters a well-typed text (alphanumeric strings,
 * so that both clients' percent-encoding rules agree), the body every field of its model, all the
 * way down. Our request is built through its builder: the body's top-level fields are read by our
 * body model from the JSON and handed to the setters; the official request gets the same JSON read
 * by the official SDK's own mapper.
 */
final class OperationRequests {
  static final ApiDescription API = ApiDescription.load();
  private static final String OURS = "org.migrationkit.sms.model.";
  private static final String THEIRS = "com.huaweicloud.sdk.sms.v3.model.";

  /** The wire values of one request: path and query parameters by wire name, the body's JSON. */
  record Values(Map<String, String> params, @Nullable String body) {}

  private OperationRequests() {}

  /** The operations of the description, for {@code @MethodSource}. */
  static Stream<ApiDescription.Operation> operations() {
    return API.operations().stream();
  }

  /** Returns lower camel case of a snake_case wire name, as both SDKs spell members. */
  static String camel(String wire) {
    StringBuilder s = new StringBuilder();
    boolean up = false;
    for (char c : wire.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        s.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return s.toString();
  }

  /** Returns the members {@code build()} must refuse to do without, by our Java name. */
  static List<String> requiredMembers(ApiDescription.Operation op) {
    Stream<String> params =
        Stream.concat(op.pathParams().stream(), op.queryParams().stream())
            .filter(ApiDescription.Param::required)
            .map(p -> camel(p.wire()));
    Stream<String> body =
        op.body() == null || !op.bodyRequired()
            ? Stream.empty()
            : API.models().get(op.body()).fields().stream()
                .filter(ApiDescription.Field::required)
                .map(f -> camel(f.wire()));
    return Stream.concat(params, body).toList();
  }

  /**
   * Returns values for the required members only, as {@link #random} would give them; the body
   * holds the required fields (all the way down) and nothing else.
   */
  static Values minimal(ApiDescription.Operation op, Random random) {
    Values all = random(op, random);
    Map<String, String> params = new LinkedHashMap<>();
    Stream.concat(op.pathParams().stream(), op.queryParams().stream())
        .filter(ApiDescription.Param::required)
        .forEach(p -> params.put(p.wire(), all.params().get(p.wire())));
    String body = op.body() == null ? null : requiredObject(op.body(), random);
    return new Values(params, body);
  }

  private static String requiredObject(String model, Random random) {
    StringBuilder s = new StringBuilder("{");
    String sep = "";
    for (ApiDescription.Field f : API.models().get(model).fields()) {
      if (f.required()) {
        s.append(sep).append('"').append(f.wire()).append("\":");
        s.append(
            API.models().containsKey(f.type())
                ? requiredObject(f.type(), random)
                : value(f.type(), f.values(), random, 0));
        sep = ",";
      }
    }
    return s.append('}').toString();
  }

  static Values random(ApiDescription.Operation op, Random random) {
    Map<String, String> params = new LinkedHashMap<>();
    for (ApiDescription.Param p : op.pathParams()) {
      params.put(p.wire(), "id" + word(random, 12));
    }
    for (ApiDescription.Param p : op.queryParams()) {
      params.put(p.wire(), scalarText(p.type(), random));
    }
    String body = op.body() == null ? null : object(op.body(), random, 0);
    return new Values(params, body);
  }

  private static String scalarText(String type, Random random) {
    switch (type) {
      case "string":
        return word(random, 8);
      case "integer":
        return Integer.toString(1 + random.nextInt(1000));
      case "boolean":
        return Boolean.toString(random.nextBoolean());
      default:
        List<String> values = API.enums().get(type);
        if (values == null) {
          throw new IllegalArgumentException("no parameter type " + type);
        }
        return values.get(random.nextInt(values.size()));
    }
  }

  private static String object(String model, Random random, int depth) {
    StringBuilder s = new StringBuilder("{");
    String sep = "";
    for (ApiDescription.Field f : API.models().get(model).fields()) {
      s.append(sep).append('"').append(f.wire()).append("\":");
      s.append(value(f.type(), f.values(), random, depth));
      sep = ",";
    }
    return s.append('}').toString();
  }

  private static String value(String type, List<String> values, Random random, int depth) {
    if (ApiDescription.isList(type)) {
      String inner = ApiDescription.inner(type);
      return "["
          + value(inner, values, random, depth + 1)
          + ","
          + value(inner, values, random, depth + 1)
          + "]";
    }
    if (ApiDescription.isMap(type)) {
      return "{\"k"
          + word(random, 3)
          + "\":"
          + value(ApiDescription.inner(type), values, random, depth + 1)
          + "}";
    }
    switch (type) {
      case "string":
        return '"' + word(random, 8) + '"';
      case "integer":
        return values.isEmpty()
            ? Integer.toString(random.nextInt(100_000))
            : values.get(random.nextInt(values.size()));
      case "long":
        return Long.toString(random.nextLong() >>> 12);
      case "double":
        return random.nextInt(10_000) + ".25";
      case "boolean":
        return Boolean.toString(random.nextBoolean());
      case "timestamp":
        return Long.toString(1_600_000_000_000L + random.nextInt(1_000_000_000));
      case "json":
        return "{\"note\":\"" + word(random, 5) + "\"}";
      default:
        if (API.enums().containsKey(type)) {
          List<String> known = API.enums().get(type);
          return '"' + known.get(random.nextInt(known.size())) + '"';
        }
        return object(type, random, depth + 1);
    }
  }

  private static String word(Random random, int length) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  /** Builds our request, leaving out the members named (by Java name) in {@code omit}. */
  static Object ours(ApiDescription.Operation op, Values values, Set<String> omit)
      throws Throwable {
    Class<?> type = ourRequestClass(op);
    Object builder = type.getMethod("builder").invoke(null);
    for (Map.Entry<String, String> e : values.params().entrySet()) {
      String name = camel(e.getKey());
      if (!omit.contains(name)) {
        Method setter = setter(builder.getClass(), name);
        setter.invoke(builder, convert(setter.getParameterTypes()[0], e.getValue(), "of"));
      }
    }
    if (values.body() != null) {
      Class<?> bodyType = Class.forName(OURS + op.body());
      Object body = bodyType.getMethod("fromJson", String.class).invoke(null, values.body());
      for (ApiDescription.Field f : API.models().get(op.body()).fields()) {
        String name = camel(f.wire());
        if (!omit.contains(name)) {
          Object value = bodyType.getMethod("get" + capitalised(name)).invoke(body);
          setter(builder.getClass(), name).invoke(builder, value);
        }
      }
    }
    return invoke(builder.getClass().getMethod("build"), builder);
  }

  /** Builds the official SDK's request from the same values. */
  static Object official(ApiDescription.Operation op, Values values) throws Exception {
    Class<?> type = Class.forName(THEIRS + op.name() + "Request");
    Object request = type.getConstructor().newInstance();
    for (Map.Entry<String, String> e : values.params().entrySet()) {
      Method setter = setter(type, "with" + capitalised(camel(e.getKey())));
      setter.invoke(request, convert(setter.getParameterTypes()[0], e.getValue(), "fromValue"));
    }
    if (values.body() != null) {
      Class<?> bodyType = Class.forName(THEIRS + API.models().get(op.body()).sdkModel());
      setter(type, "withBody").invoke(request, JsonUtils.toObject(values.body(), bodyType));
    }
    return request;
  }

  static Class<?> ourRequestClass(ApiDescription.Operation op) throws ClassNotFoundException {
    return Class.forName(OURS + op.name() + "Request");
  }

  /** Calls {@code sms.<method>(request)}, throwing what the method threw. */
  static Object call(SmsClient sms, ApiDescription.Operation op, Object request) throws Throwable {
    return invoke(SmsClient.class.getMethod(op.method(), request.getClass()), sms, request);
  }

  /** Calls the official client's method for the operation, throwing what it threw. */
  static Object callOfficial(
      com.huaweicloud.sdk.sms.v3.SmsClient official, ApiDescription.Operation op, Object request)
      throws Throwable {
    return invoke(
        official.getClass().getMethod(op.method(), request.getClass()), official, request);
  }

  private static Object invoke(Method method, @Nullable Object target, Object... args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static Method setter(Class<?> type, String name) {
    for (Method m : type.getMethods()) {
      if (m.getName().equals(name)
          && m.getParameterCount() == 1
          && !Consumer.class.isAssignableFrom(m.getParameterTypes()[0])) {
        return m;
      }
    }
    throw new AssertionError(type.getName() + " has no setter " + name);
  }

  private static Object convert(Class<?> type, String text, String factory) throws Exception {
    if (type == String.class) {
      return text;
    }
    if (type == Integer.class) {
      return Integer.valueOf(text);
    }
    if (type == Long.class) {
      return Long.valueOf(text);
    }
    if (type == Boolean.class) {
      return Boolean.valueOf(text);
    }
    Method of = type.getMethod(factory, String.class);
    if (!Modifier.isStatic(of.getModifiers())) {
      throw new AssertionError(type + "." + factory + " is not static");
    }
    return of.invoke(null, text);
  }

  static String capitalised(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
