package org.migrationkit.sms.testing;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.internal.json.JsonValues;

/**
 * One request the simulator received and how it answered: request line, headers with secrets
 * masked, the signature verdict, the fault applied and the status sent.
 *
 * <pre>{@code
 * JournalEntry last = simulator.journal().get(simulator.journal().size() - 1);
 * assertEquals("/v3/tasks/" + taskId, last.path());
 * assertTrue(last.signatureValid(), last.signatureReason());
 * }</pre>
 *
 * <p>The values of {@code Authorization}, {@code X-Auth-Token} and {@code X-Security-Token} are
 * replaced by {@link #MASK}; {@link #accessKey()} keeps the access key the request named (not a
 * secret). Immutable.
 */
public final class JournalEntry {
  /** What replaces a secret header's value. */
  public static final String MASK = "****";

  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "x-auth-token", "x-security-token");

  private final long number;
  private final Instant receivedAt;
  private final String method;
  private final String path;
  private final @Nullable String query;
  private final Map<String, List<String>> headers;
  private final boolean signatureValid;
  private final String signatureReason;
  private final @Nullable String accessKey;
  private final @Nullable String taskId;
  private final @Nullable String operation;
  private final @Nullable Fault fault;
  private final int status;
  private final String requestId;

  JournalEntry(
      long number,
      Instant receivedAt,
      String method,
      String path,
      @Nullable String query,
      Map<String, List<String>> headers,
      boolean signatureValid,
      String signatureReason,
      @Nullable String accessKey,
      @Nullable String taskId,
      @Nullable String operation,
      @Nullable Fault fault,
      int status,
      String requestId) {
    this.number = number;
    this.receivedAt = receivedAt;
    this.method = method;
    this.path = path;
    this.query = query;
    this.headers = masked(headers);
    this.signatureValid = signatureValid;
    this.signatureReason = signatureReason;
    this.accessKey = accessKey;
    this.taskId = taskId;
    this.operation = operation;
    this.fault = fault;
    this.status = status;
    this.requestId = requestId;
  }

  private static Map<String, List<String>> masked(Map<String, List<String>> raw) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : raw.entrySet()) {
      String name = e.getKey().toLowerCase(Locale.ROOT);
      List<String> values =
          SECRET_HEADERS.contains(name)
              ? Collections.nCopies(e.getValue().size(), MASK)
              : e.getValue();
      copy.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values);
    }
    copy.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(copy);
  }

  /** {@return the request's number, from 1, in order of arrival since the simulator started} */
  public long number() {
    return number;
  }

  /**
   * {@return when the request arrived, by the simulator's signature clock (real time by default)}
   */
  public Instant receivedAt() {
    return receivedAt;
  }

  /** {@return the HTTP method} */
  public String method() {
    return method;
  }

  /** {@return the path as received, still percent-encoded} */
  public String path() {
    return path;
  }

  /** {@return the query as received, or {@code null}} */
  public @Nullable String query() {
    return query;
  }

  /** {@return the headers by lower-case name, secrets masked} */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * {@return the first value of a header (any case), masked if secret, or {@code null}}
   *
   * @param name the header name, in any case
   */
  public @Nullable String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** {@return whether the signature (or token) was accepted} Judged even when a fault answered. */
  public boolean signatureValid() {
    return signatureValid;
  }

  /** {@return {@code "valid"}, or why the signature was rejected (never a secret)} */
  public String signatureReason() {
    return signatureReason;
  }

  /** {@return the access key an AK/SK request named in {@code Authorization}, or {@code null}} */
  public @Nullable String accessKey() {
    return accessKey;
  }

  /**
   * {@return the task id of a {@code GET /v3/tasks/{task_id}}, decoded, or {@code null} for other
   * paths}
   */
  public @Nullable String taskId() {
    return taskId;
  }

  /**
   * {@return the operation of the API description the method and path are for, such as {@code
   * "CreateTask"} (whatever answered: a fault, a refused signature or the state), or {@code null}
   * when no operation has them}
   */
  public @Nullable String operation() {
    return operation;
  }

  /** {@return the fault that answered (or delayed) this request, or {@code null}} */
  public @Nullable Fault fault() {
    return fault;
  }

  /** {@return the status sent, or 0 when the connection was dropped before any} */
  public int status() {
    return status;
  }

  /** {@return the {@code X-Request-Id} the simulator gave this request} */
  public String requestId() {
    return requestId;
  }

  /**
   * {@return the entry as one line of JSON, for logs and the control API's journal} Every member is
   * always there ({@code null} when the entry has no value), with snake_case names:
   *
   * <pre>{@code
   * {"number":3,"received_at":"2024-05-01T10:00:00.123Z","method":"GET",
   *  "path":"/v3/tasks/ef3b9722-07a0-40ae-89b0-889ee96dfc56","query":null,"operation":"ShowTask",
   *  "task_id":"ef3b9722-07a0-40ae-89b0-889ee96dfc56","status":503,"signature_valid":true,
   *  "signature_reason":"valid","access_key":"test-ak","fault":{"kind":"status","status":503},
   *  "request_id":"sim-1a2b-3","headers":{"authorization":["****"],"host":["127.0.0.1:41234"]}}
   * }</pre>
   *
   * <p>No secret is in it: secret headers carry {@link #MASK}, and neither a signature nor a token
   * is written.
   */
  public String toJson() {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator g = JsonValues.FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("number", number);
      g.writeStringField("received_at", receivedAt.toString());
      g.writeStringField("method", method);
      g.writeStringField("path", path);
      g.writeStringField("query", query);
      g.writeStringField("operation", operation);
      g.writeStringField("task_id", taskId);
      g.writeNumberField("status", status);
      g.writeBooleanField("signature_valid", signatureValid);
      g.writeStringField("signature_reason", signatureReason);
      g.writeStringField("access_key", accessKey);
      g.writeFieldName("fault");
      if (fault == null) {
        g.writeNull();
      } else {
        ControlJson.writeFault(g, fault);
      }
      g.writeStringField("request_id", requestId);
      g.writeObjectFieldStart("headers");
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        g.writeArrayFieldStart(e.getKey());
        for (String v : e.getValue()) {
          g.writeString(v);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof JournalEntry)) {
      return false;
    }
    JournalEntry that = (JournalEntry) o;
    return number == that.number
        && signatureValid == that.signatureValid
        && status == that.status
        && receivedAt.equals(that.receivedAt)
        && method.equals(that.method)
        && path.equals(that.path)
        && Objects.equals(query, that.query)
        && headers.equals(that.headers)
        && signatureReason.equals(that.signatureReason)
        && Objects.equals(accessKey, that.accessKey)
        && Objects.equals(taskId, that.taskId)
        && Objects.equals(operation, that.operation)
        && Objects.equals(fault, that.fault)
        && requestId.equals(that.requestId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(number, requestId, status);
  }

  @Override
  public String toString() {
    return "#"
        + number
        + " "
        + method
        + " "
        + path
        + (query != null ? "?" + query : "")
        + (operation != null ? " (" + operation + ")" : "")
        + " -> "
        + (status == 0 ? "dropped" : String.valueOf(status))
        + (fault != null ? " " + fault : "")
        + (signatureValid ? "" : " (signature: " + signatureReason + ")")
        + " ["
        + requestId
        + "]";
  }
}
