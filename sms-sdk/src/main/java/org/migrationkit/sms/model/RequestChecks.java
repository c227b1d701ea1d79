package org.migrationkit.sms.model;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The checks the generated requests run in {@code build()}, before any network I/O. */
final class RequestChecks {
  /** The longest path parameter the API accepts. */
  static final int MAX_PATH_PARAMETER_LENGTH = 255;

  private RequestChecks() {}

  static <T> T required(String member, @Nullable T value) {
    if (value == null) {
      throw new IllegalArgumentException(member + " must not be null");
    }
    return value;
  }

  static <T> List<T> notEmpty(String member, List<T> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException(member + " must not be empty");
    }
    return values;
  }

  static <K, V> Map<K, V> notEmpty(String member, Map<K, V> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException(member + " must not be empty");
    }
    return values;
  }

  /** The rules of {@link ShowTaskRequest}'s task id, for any path parameter. */
  static String pathParameter(String member, @Nullable String value) {
    required(member, value);
    if (value.isBlank()) {
      throw new IllegalArgumentException(member + " must not be blank");
    }
    if (value.length() > MAX_PATH_PARAMETER_LENGTH) {
      throw new IllegalArgumentException(
          member
              + " must be at most "
              + MAX_PATH_PARAMETER_LENGTH
              + " characters, was "
              + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        // it has no UTF-8 form: encoding would turn it into '?', another resource's id
        throw new IllegalArgumentException(member + " has an unpaired surrogate at index " + i);
      }
    }
    if (value.equals(".") || value.equals("..")) {
      // HTTP stacks resolve these as dot segments, which would address another resource
      throw new IllegalArgumentException(member + " must not be '.' or '..'");
    }
    return value;
  }
}
