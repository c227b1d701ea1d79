package org.migrationkit.sms.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Base of the model's open enumerations: a wire string with named constants for its documented
 * values.
 *
 * <p>Unlike a Java {@code enum}, an unknown value never fails: the service adds states and types
 * over time, and a client that throws on them breaks every automation that polls a task. Two
 * instances are equal when they are of the same type and hold the same wire value.
 */
public abstract class OpenEnum {
  private final String value;
  private final boolean known;

  OpenEnum(String value, boolean known) {
    this.value = value;
    this.known = known;
  }

  static String requireValue(@Nullable String value) {
    return Objects.requireNonNull(value, "value");
  }

  static <E extends OpenEnum> Map<String, E> index(List<E> constants) {
    Map<String, E> byValue = new HashMap<>();
    for (E constant : constants) {
      byValue.put(constant.value(), constant);
    }
    return Map.copyOf(byValue);
  }

  /** {@return the value exactly as it appears on the wire} */
  public final String value() {
    return value;
  }

  /** {@return whether the value is one the API page documents} */
  public final boolean isKnown() {
    return known;
  }

  @Override
  public final boolean equals(@Nullable Object o) {
    return o == this
        || (o != null && o.getClass() == getClass() && ((OpenEnum) o).value.equals(value));
  }

  @Override
  public final int hashCode() {
    return value.hashCode();
  }

  /** Returns the wire value. */
  @Override
  public final String toString() {
    return value;
  }
}
