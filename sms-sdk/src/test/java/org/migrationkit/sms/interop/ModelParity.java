package org.migrationkit.sms.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.model.OpenEnum;

/**
 * Compares one of our model objects with the official SDK's object for the same JSON, getter by
 * getter and all the way down, and lists every difference with its JSON path.
 *
 * <pre>{@code
 * List<String> differences = ModelParity.differences(ours, official);
 * assertThat(differences).isEmpty();
 * }</pre>
 *
 * <p>Getters pair by name (both models name them after the wire's snake_case). Values are compared
 * after mapping the types the two models choose differently, and only those:
 *
 * <ul>
 *   <li>our {@link Instant} against the official {@code Long} of epoch milliseconds;
 *   <li>our {@link OpenEnum} against the official {@code String} or enum class (its {@code
 *       getValue()});
 *   <li>our {@code Integer} priority against the official {@code PriorityEnum} (its {@code
 *       getValue()});
 *   <li>our empty list against an official {@code null} list: we never return {@code null} lists.
 * </ul>
 */
final class ModelParity {
  private static final String MODEL_PACKAGE = "org.migrationkit.sms.model";

  private ModelParity() {}

  /** Returns the differences between our object and the official one; empty when they agree. */
  static List<String> differences(Object ours, Object official) {
    List<String> out = new ArrayList<>();
    compareObjects(ours, official, "$", out);
    return out;
  }

  /**
   * Returns the differences between two JSON texts of the same object, compared semantically:
   * member order does not matter, numbers compare by value ({@code 1.0} equals {@code 1}), and a
   * member that is {@code null}, an empty array or an empty object counts as absent (we write
   * absent lists as {@code []}, the official SDK leaves null ones out).
   */
  static List<String> jsonDifferences(String ours, String official) {
    List<String> out = new ArrayList<>();
    try {
      compareJson(normalise(JSON.readTree(ours)), normalise(JSON.readTree(official)), "$", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private static @Nullable Object normalise(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isObject()) {
      Map<String, Object> members = new TreeMap<>();
      for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
        Object value = normalise(e.getValue());
        if (value != null) {
          members.put(e.getKey(), value);
        }
      }
      return members.isEmpty() ? null : members;
    }
    if (node.isArray()) {
      List<Object> items = new ArrayList<>();
      node.forEach(item -> items.add(normalise(item)));
      return items.isEmpty() ? null : items;
    }
    if (node.isNumber()) {
      BigDecimal value = node.decimalValue();
      return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }
    return node.isBoolean() ? (Object) node.booleanValue() : node.asText();
  }

  private static void compareJson(
      @Nullable Object ours, @Nullable Object official, String path, List<String> out) {
    if (ours instanceof Map && official instanceof Map) {
      Set<String> names =
          new TreeSet<>(((Map<?, ?>) ours).keySet().stream().map(String::valueOf).toList());
      ((Map<?, ?>) official).keySet().forEach(k -> names.add(String.valueOf(k)));
      for (String name : names) {
        compareJson(
            ((Map<?, ?>) ours).get(name), ((Map<?, ?>) official).get(name), path + "." + name, out);
      }
    } else if (ours instanceof List
        && official instanceof List
        && ((List<?>) ours).size() == ((List<?>) official).size()) {
      for (int i = 0; i < ((List<?>) ours).size(); i++) {
        compareJson(
            ((List<?>) ours).get(i), ((List<?>) official).get(i), path + "[" + i + "]", out);
      }
    } else if (!Objects.equals(ours, official)) {
      out.add(path + ": ours " + ours + ", the official " + official);
    }
  }

  /** Returns the snake_case names of the getters a model class declares (ours or the official). */
  static Set<String> fieldNames(Class<?> type) {
    Set<String> names = new TreeSet<>();
    for (Method m : getters(type)) {
      names.add(snakeCase(m.getName().substring(3)));
    }
    return names;
  }

  private static void compareObjects(Object ours, Object official, String path, List<String> out) {
    for (Method getter : getters(ours.getClass())) {
      String field = path + "." + snakeCase(getter.getName().substring(3));
      Method theirs = NO_ARG_METHODS.get(official.getClass()).get(getter.getName());
      if (theirs == null) {
        out.add(
            field
                + ": the official "
                + official.getClass().getSimpleName()
                + " has no "
                + getter.getName()
                + "()");
        continue;
      }
      compareValues(invoke(getter, ours), invoke(theirs, official), field, out);
    }
  }

  private static void compareValues(
      @Nullable Object ours, @Nullable Object official, String path, List<String> out) {
    if (ours instanceof List) {
      List<?> mine = (List<?>) ours;
      List<?> other = official == null ? List.of() : (List<?>) official;
      if (mine.size() != other.size()) {
        out.add(path + ": ours has " + mine.size() + " items, the official " + other.size());
        return;
      }
      for (int i = 0; i < mine.size(); i++) {
        compareValues(mine.get(i), other.get(i), path + "[" + i + "]", out);
      }
      return;
    }
    if (ours == null || official == null) {
      if (ours != official) {
        out.add(path + ": ours " + ours + ", the official " + official);
      }
      return;
    }
    if (ours.getClass().getPackageName().equals(MODEL_PACKAGE) && !(ours instanceof OpenEnum)) {
      compareObjects(ours, official, path, out);
      return;
    }
    Object mine = ours instanceof Instant ? (Object) ((Instant) ours).toEpochMilli() : ours;
    mine = mine instanceof OpenEnum ? ((OpenEnum) mine).value() : mine;
    Object other = officialScalar(official);
    if (!Objects.equals(mine, other)) {
      out.add(path + ": ours " + describe(mine) + ", the official " + describe(other));
    }
  }

  /** Unwraps the official SDK's enum classes, which hold their wire value in getValue(). */
  private static Object officialScalar(Object official) {
    if (official instanceof String || official instanceof Number || official instanceof Boolean) {
      return official;
    }
    Method getValue = NO_ARG_METHODS.get(official.getClass()).get("getValue");
    return getValue == null ? official : invoke(getValue, official);
  }

  private static final ClassValue<Map<String, Method>> NO_ARG_METHODS =
      new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
          Map<String, Method> byName = new HashMap<>();
          for (Method m : type.getMethods()) {
            if (m.getParameterCount() == 0) {
              byName.put(m.getName(), m);
            }
          }
          return byName;
        }
      };

  private static final ClassValue<List<Method>> GETTERS =
      new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
          return declaredGetters(type);
        }
      };

  private static List<Method> getters(Class<?> type) {
    return GETTERS.get(type);
  }

  private static List<Method> declaredGetters(Class<?> type) {
    List<Method> getters = new ArrayList<>();
    for (Method m : type.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers())
          && !Modifier.isStatic(m.getModifiers())
          && m.getParameterCount() == 0
          && m.getName().startsWith("get")
          && m.getName().length() > 3) {
        getters.add(m);
      }
    }
    return List.copyOf(getters);
  }

  private static @Nullable Object invoke(Method getter, Object target) {
    try {
      return getter.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + getter, e);
    }
  }

  private static String describe(@Nullable Object value) {
    return value == null ? "null" : value + " (" + value.getClass().getSimpleName() + ")";
  }

  private static String snakeCase(String camel) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        s.append('_');
      }
      s.append(Character.toLowerCase(c));
    }
    return s.toString().toLowerCase(Locale.ROOT);
  }
}
