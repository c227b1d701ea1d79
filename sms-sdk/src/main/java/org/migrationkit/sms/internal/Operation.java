package org.migrationkit.sms.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.internal.json.JsonValues;

/**
 * One SMS API operation, declared as data: HTTP method, path template and path values, query
 * parameters, JSON body, what a 2xx answer holds, and whether the operation may be repeated. The
 * transport and the signer know nothing of any particular operation, so a new one is a new
 * descriptor in {@link Operations} (generated from the API description) and nothing more.
 *
 * <pre>{@code
 * static final Operation<ListTasksRequest, ListTasksResponse> LIST_TASKS =
 *     Operation.<ListTasksRequest>builder("ListTasks", "GET", "/v3/tasks")
 *         .query((r, q) -> q.add("limit", r.getLimit()).add("offset", r.getOffset()))
 *         .readsModel(JsonCodecs.of(ListTasksResponse.class));
 * static final Operation<DeleteTasksRequest, DeleteTasksResponse> DELETE_TASKS =
 *     Operation.<DeleteTasksRequest>builder("DeleteTasks", "POST", "/v3/tasks/delete")
 *         .body(JsonCodecs.of(DeleteTasksReq.class), r -> DeleteTasksReq.builder().ids(r.getIds()).build())
 *         .readsTextAndRequestId(DeleteTasksResponse::of);
 * }</pre>
 *
 * <p>The wire form: each path value is percent-encoded as exactly one segment; query parameters are
 * percent-encoded (RFC 3986 unreserved characters kept) in the order the query writer adds them,
 * nulls omitted, and signed in canonical order; a body is written once per call with Jackson's
 * streaming generator (the writer omits nulls), sent as {@code Content-Type:
 * application/json;charset=UTF-8} and its SHA-256 signed. A {@code POST}, {@code PUT} or {@code
 * PATCH} without a body sends an empty one.
 *
 * <p>Retries by idempotency. An idempotent operation ({@code GET}, {@code PUT}, {@code DELETE} by
 * default) is retried whenever the retry policy allows it. A non-idempotent one ({@code POST} and
 * {@code PATCH} by default) is repeated only when the request provably never reached the service: a
 * refused connection, an unknown host, no route, a failed TLS handshake, a connect timeout, a 429
 * throttling answer (the gateway refuses before forwarding), or a 401/403 for clock skew (re-signed
 * once). It is never repeated after an ambiguous failure (a read timeout, a connection reset or
 * closed after the request was sent, any 5xx), since the service may already have acted on it. The
 * retry policy's predicate, attempts, budget and the call timeout apply on top in every case, and
 * fail-over to the next endpoint happens only when the request never reached the service.
 *
 * @param <Q> the request type
 * @param <R> the response type
 */
public final class Operation<Q, R> {
  /** What a 2xx answer holds. */
  public enum ResponseKind {
    /** A JSON object, read by the operation's reader. */
    MODEL,
    /** Text that is no model, handed over whole (bounded by the client's response limit). */
    TEXT,
    /** Nothing the caller needs: any body is read and discarded. */
    EMPTY
  }

  /** Writes a request's query parameters. */
  @FunctionalInterface
  public interface QueryWriter<Q> {
    /**
     * Adds the parameters of {@code request} to {@code query}.
     *
     * @param request the request
     * @param query the parameters to add to
     */
    void write(Q request, QueryParameters query);
  }

  /**
   * Makes the answer of a {@link ResponseKind#TEXT} or {@link ResponseKind#EMPTY} operation.
   *
   * @param <R> the response type
   */
  @FunctionalInterface
  public interface TextAnswer<R> {
    /**
     * Makes the answer.
     *
     * @param text the body's text; empty for an {@link ResponseKind#EMPTY} operation
     * @param requestId the answer's {@code X-Request-Id}, or {@code null} when it had none
     * @return the response
     */
    R answer(String text, @Nullable String requestId);
  }

  private static final JsonValues.Reader<Object> NO_READER =
      p -> {
        throw new IllegalStateException("not a model operation");
      };

  private final String name;
  private final String method;
  private final PathTemplate path;
  private final Function<Q, List<String>> pathValues;
  private final @Nullable QueryWriter<Q> query;
  private final JsonValues.@Nullable Writer<Q> body;
  private final boolean idempotent;
  private final boolean needsEmptyBody;
  private final ResponseKind responseKind;
  private final JsonValues.Reader<R> modelReader;
  private final TextAnswer<R> textReader;
  private final TextAnswer<R> emptyAnswer;

  @SuppressWarnings("unchecked")
  private Operation(
      Builder<Q> b,
      ResponseKind kind,
      JsonValues.@Nullable Reader<R> modelReader,
      @Nullable TextAnswer<R> textReader,
      @Nullable TextAnswer<R> emptyAnswer) {
    this.name = b.name;
    this.method = b.method;
    this.path = b.path;
    this.pathValues = b.pathValues;
    this.query = b.query;
    this.body = b.body;
    this.idempotent = b.idempotent != null ? b.idempotent : idempotentByDefault(b.method);
    this.needsEmptyBody =
        b.body == null
            && (b.method.equals("POST") || b.method.equals("PUT") || b.method.equals("PATCH"));
    this.responseKind = kind;
    this.modelReader =
        modelReader != null ? modelReader : (JsonValues.Reader<R>) (JsonValues.Reader<?>) NO_READER;
    this.textReader = textReader != null ? textReader : (text, requestId) -> null;
    this.emptyAnswer = emptyAnswer != null ? emptyAnswer : (text, requestId) -> null;
  }

  /**
   * Starts declaring an operation.
   *
   * @param name the API name, such as {@code ShowTask}
   * @param method the HTTP method, upper-case
   * @param pathTemplate the path, such as {@code /v3/tasks/{task_id}}
   * @param <Q> the request type
   * @return a builder
   */
  public static <Q> Builder<Q> builder(String name, String method, String pathTemplate) {
    return new Builder<>(name, method, pathTemplate);
  }

  static boolean idempotentByDefault(String method) {
    return !method.equals("POST") && !method.equals("PATCH");
  }

  /** Returns the operation's API name, such as {@code ShowTask}. */
  public String name() {
    return name;
  }

  /** Returns the HTTP method. */
  public String method() {
    return method;
  }

  /** Returns whether the operation may be repeated after an ambiguous failure. */
  public boolean idempotent() {
    return idempotent;
  }

  /** Returns what a 2xx answer holds. */
  public ResponseKind responseKind() {
    return responseKind;
  }

  /** Returns the request's path, each parameter percent-encoded as one segment. */
  public String encodedPath(Q request) {
    return path.expand(pathValues.apply(request));
  }

  /** Returns the request's query, percent-encoded, or {@code null} when it has none. */
  public @Nullable String encodedQuery(Q request) {
    if (query == null) {
      return null;
    }
    QueryParameters parameters = new QueryParameters();
    query.write(request, parameters);
    return parameters.encoded();
  }

  /** Returns whether requests carry a JSON body. */
  public boolean hasBody() {
    return body != null;
  }

  /** Returns whether requests carry no JSON body but an empty one, as OkHttp requires. */
  boolean needsEmptyBody() {
    return needsEmptyBody;
  }

  /**
   * Returns the request's JSON body in UTF-8, or {@code null} when the operation has none.
   *
   * @throws IOException when the body writer fails
   */
  public byte @Nullable [] body(Q request) throws IOException {
    JsonValues.Writer<Q> writer = body;
    if (writer == null) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = JsonValues.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      writer.write(g, request);
    }
    return out.toByteArray();
  }

  /** Returns the reader of a 2xx body of a {@link ResponseKind#MODEL} operation. */
  public JsonValues.Reader<R> responseReader() {
    return modelReader;
  }

  /** Returns the answer of a {@link ResponseKind#TEXT} operation, from the body's text. */
  R fromText(String text, @Nullable String requestId) {
    return textReader.answer(text, requestId);
  }

  /** Returns the answer of a {@link ResponseKind#EMPTY} operation. */
  R emptyAnswer(@Nullable String requestId) {
    return emptyAnswer.answer("", requestId);
  }

  @Override
  public String toString() {
    return name + " " + method + " " + path;
  }

  /**
   * Declares one operation; the {@code reads...} methods end the declaration. Not thread-safe.
   *
   * @param <Q> the request type
   */
  public static final class Builder<Q> {
    private final String name;
    private final String method;
    private final PathTemplate path;
    private Function<Q, List<String>> pathValues = request -> List.of();
    private @Nullable QueryWriter<Q> query;
    private JsonValues.@Nullable Writer<Q> body;
    private @Nullable Boolean idempotent;

    Builder(String name, String method, String pathTemplate) {
      this.name = Objects.requireNonNull(name, "name");
      this.method = Objects.requireNonNull(method, "method");
      if (!method.equals(method.toUpperCase(Locale.ROOT)) || method.isEmpty()) {
        throw new IllegalArgumentException(name + ": method must be upper-case, got " + method);
      }
      this.path = PathTemplate.parse(Objects.requireNonNull(pathTemplate, "pathTemplate"));
    }

    /**
     * Sets the path values, in the template's order.
     *
     * @param values gives a request's path parameters
     * @return this
     */
    public Builder<Q> path(Function<Q, List<String>> values) {
      this.pathValues = Objects.requireNonNull(values);
      return this;
    }

    /**
     * Sets the query writer.
     *
     * @param writer adds a request's query parameters
     * @return this
     */
    public Builder<Q> query(QueryWriter<Q> writer) {
      this.query = Objects.requireNonNull(writer);
      return this;
    }

    /**
     * Sets the JSON body writer: it writes one whole JSON value, omitting null fields.
     *
     * @param writer writes a request's body
     * @return this
     */
    public Builder<Q> body(JsonValues.Writer<Q> writer) {
      if (method.equals("GET") || method.equals("HEAD")) {
        throw new IllegalArgumentException(name + ": a " + method + " carries no body");
      }
      this.body = Objects.requireNonNull(writer);
      return this;
    }

    /**
     * Sets the JSON body as a model that {@code writer} writes, made from each request.
     *
     * @param writer writes the body model (its codec, looked up once)
     * @param toBody makes the body model from a request
     * @param <B> the body model type
     * @return this
     */
    public <B> Builder<Q> body(JsonValues.Writer<B> writer, Function<Q, B> toBody) {
      Objects.requireNonNull(writer);
      Objects.requireNonNull(toBody);
      return body((g, request) -> writer.write(g, toBody.apply(request)));
    }

    /**
     * Overrides the method's default idempotency (GET, PUT, DELETE yes; POST, PATCH no).
     *
     * @param idempotent whether the operation may be repeated after an ambiguous failure
     * @return this
     */
    public Builder<Q> idempotent(boolean idempotent) {
      this.idempotent = idempotent;
      return this;
    }

    /**
     * Ends the declaration of an operation answering a JSON object.
     *
     * @param reader reads the object
     * @param <R> the response type
     * @return the operation
     */
    public <R> Operation<Q, R> readsModel(JsonValues.Reader<R> reader) {
      return new Operation<>(this, ResponseKind.MODEL, Objects.requireNonNull(reader), null, null);
    }

    /**
     * Ends the declaration of an operation answering text that is no model.
     *
     * @param answer makes the response from the body's text
     * @param <R> the response type
     * @return the operation
     */
    public <R> Operation<Q, R> readsText(Function<String, R> answer) {
      Objects.requireNonNull(answer);
      return readsTextAndRequestId((text, requestId) -> answer.apply(text));
    }

    /**
     * Ends the declaration of an operation answering text that is no model, keeping the answer's
     * {@code X-Request-Id}.
     *
     * @param answer makes the response from the body's text and the request id
     * @param <R> the response type
     * @return the operation
     */
    public <R> Operation<Q, R> readsTextAndRequestId(TextAnswer<R> answer) {
      return new Operation<>(this, ResponseKind.TEXT, null, Objects.requireNonNull(answer), null);
    }

    /**
     * Ends the declaration of an operation whose 2xx answer carries nothing.
     *
     * @param answer makes the response (an empty response object, or {@code null} for {@code Void})
     * @param <R> the response type
     * @return the operation
     */
    public <R> Operation<Q, R> readsNothing(Supplier<R> answer) {
      Objects.requireNonNull(answer);
      return readsNothingButRequestId((text, requestId) -> answer.get());
    }

    /**
     * Ends the declaration of an operation whose 2xx answer carries nothing but its {@code
     * X-Request-Id}.
     *
     * @param answer makes the response from an empty text and the request id
     * @param <R> the response type
     * @return the operation
     */
    public <R> Operation<Q, R> readsNothingButRequestId(TextAnswer<R> answer) {
      return new Operation<>(this, ResponseKind.EMPTY, null, null, Objects.requireNonNull(answer));
    }
  }
}
