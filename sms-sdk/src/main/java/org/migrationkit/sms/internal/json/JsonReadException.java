package org.migrationkit.sms.internal.json;

import org.jspecify.annotations.Nullable;

/**
 * A JSON value that cannot be converted to the model's type, with the JSON path where it was found.
 *
 * <p>The path is built on the way out, one segment per enclosing reader, so reading pays nothing
 * for it until something fails.
 */
public final class JsonReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String problem;
  private final String path;

  JsonReadException(String problem) {
    this(problem, "");
  }

  private JsonReadException(String problem, String path) {
    super(null, null, false, false);
    this.problem = problem;
    this.path = path;
  }

  /**
   * Returns this problem as found inside member {@code field}; itself when the field is unknown.
   */
  public JsonReadException inField(@Nullable String field) {
    return field == null ? this : new JsonReadException(problem, "." + field + path);
  }

  /** Returns this problem as found at {@code index} of an array. */
  public JsonReadException atIndex(int index) {
    return new JsonReadException(problem, "[" + index + "]" + path);
  }

  /** Returns the JSON path of the value, such as {@code $.target_server.disks[0].size}. */
  public String path() {
    return "$" + path;
  }

  /** Returns what was wrong with the value. */
  public String problem() {
    return problem;
  }

  @Override
  public String getMessage() {
    return "cannot read " + path() + ": " + problem;
  }
}
