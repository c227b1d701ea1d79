package org.migrationkit.sms.internal;

import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.model.OpenEnum;

/**
 * The query string of one request, percent-encoded as it is written: every byte outside the RFC
 * 3986 unreserved characters becomes {@code %XX}, so a space, {@code +}, {@code /}, {@code =},
 * {@code &} or non-ASCII text reaches the service as itself, and the URL OkHttp sends is exactly
 * the query the signer canonicalises. A {@code null} value is omitted; an {@link Iterable} adds the
 * name once per non-null element.
 *
 * <pre>{@code
 * (request, query) -> {
 *   query.add("state", request.getState());   // omitted when null
 *   query.add("limit", request.getLimit());
 * }
 * }</pre>
 */
public final class QueryParameters {
  private final StringBuilder s = new StringBuilder(64);

  QueryParameters() {}

  /**
   * Adds {@code name=value}, unless {@code value} is {@code null}.
   *
   * @param name the parameter's wire name
   * @param value a string, number, boolean, open enum (its wire value), or an iterable of them
   * @return this
   */
  public QueryParameters add(String name, @Nullable Object value) {
    if (value instanceof Iterable) {
      for (Object element : (Iterable<?>) value) {
        add(name, element);
      }
    } else if (value != null) {
      if (s.length() > 0) {
        s.append('&');
      }
      PercentEncoding.append(s, name);
      s.append('=');
      PercentEncoding.append(s, text(value));
    }
    return this;
  }

  private static String text(Object value) {
    return value instanceof OpenEnum ? ((OpenEnum) value).value() : value.toString();
  }

  /** Returns the encoded query, or {@code null} when no parameter was added. */
  @Nullable String encoded() {
    return s.length() == 0 ? null : s.toString();
  }
}
