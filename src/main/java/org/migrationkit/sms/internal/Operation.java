package org.migrationkit.sms.internal;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.migrationkit.sms.internal.json.JsonValues;

/**
 * One SMS API operation, declared as data: HTTP method, path template, how a request fills the
 * template, and how the response body is read. The transport and the signer know nothing of any
 * particular operation, so a new one is a new constant in {@link Operations} and nothing more.
 *
 * @param <Q> the request type
 * @param <R> the response type
 */
public final class Operation<Q, R> {
  private final String name;
  private final String method;
  private final PathTemplate path;
  private final Function<Q, List<String>> pathValues;
  private final JsonValues.Reader<R> responseReader;

  private Operation(
      String name,
      String method,
      String pathTemplate,
      Function<Q, List<String>> pathValues,
      JsonValues.Reader<R> responseReader) {
    this.name = name;
    this.method = method;
    this.path = PathTemplate.parse(pathTemplate);
    this.pathValues = pathValues;
    this.responseReader = responseReader;
  }

  /**
   * Declares an operation without a request body.
   *
   * @param pathValues the request's path parameters, in the template's order
   */
  public static <Q, R> Operation<Q, R> of(
      String name,
      String method,
      String pathTemplate,
      Function<Q, List<String>> pathValues,
      JsonValues.Reader<R> responseReader) {
    return new Operation<>(
        Objects.requireNonNull(name),
        Objects.requireNonNull(method),
        pathTemplate,
        pathValues,
        responseReader);
  }

  /** Returns the operation's API name, such as {@code ShowTask}. */
  public String name() {
    return name;
  }

  /** Returns the HTTP method. */
  public String method() {
    return method;
  }

  /** Returns the request's path, each parameter percent-encoded as one segment. */
  public String encodedPath(Q request) {
    return path.expand(pathValues.apply(request));
  }

  /** Returns the reader of a 2xx body. */
  public JsonValues.Reader<R> responseReader() {
    return responseReader;
  }
}
