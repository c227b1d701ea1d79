package org.migrationkit.sms.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The credential values one request carried ({@code Authorization} and its signature, {@code
 * X-Security-Token}, {@code X-Auth-Token}), so that text a server sends back can be cleaned of them
 * before it enters an exception message, a {@code toString()} or a log line: a hostile or debugging
 * endpoint may echo the request's headers in its error body. The secret key itself never leaves the
 * client, so no server can echo it.
 *
 * <pre>{@code
 * SentSecrets sent = SentSecrets.of(signedHeaders);
 * String clean = sent.redact(serverText); // each value, or a cut-off start of one, is ****
 * }</pre>
 */
public final class SentSecrets {
  /** Nothing to hide: a request that carried no credentials. */
  public static final SentSecrets NONE = new SentSecrets(List.of());

  /** The shortest start of a value that is still hidden when the text ends with it. */
  private static final int MIN_PARTIAL = 8;

  private static final String MASK = "****";

  private final List<String> values;

  private SentSecrets(List<String> values) {
    this.values = values;
  }

  /** Returns the secrets among the headers a signer added to a request. */
  public static SentSecrets of(Map<String, String> signedHeaders) {
    List<String> values = new ArrayList<>(4);
    for (Map.Entry<String, String> h : signedHeaders.entrySet()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      String value = h.getValue();
      if (name.equals("authorization")) {
        values.add(value);
        int signature = value.indexOf("Signature=");
        if (signature >= 0) {
          values.add(value.substring(signature + "Signature=".length()).strip());
        }
      } else if (name.equals("x-security-token") || name.equals("x-auth-token")) {
        values.add(value);
      }
    }
    values.removeIf(v -> v.length() < MIN_PARTIAL);
    // the longest first, so the whole Authorization value goes before the signature inside it
    values.sort((a, b) -> b.length() - a.length());
    return values.isEmpty() ? NONE : new SentSecrets(List.copyOf(values));
  }

  /**
   * Returns {@code text} with every secret, and a start of one that ends the text (a body cut off
   * at a size limit), replaced by {@code ****}; {@code null} stays {@code null}.
   */
  public @Nullable String redact(@Nullable String text) {
    if (text == null || values.isEmpty()) {
      return text;
    }
    String result = text;
    for (String value : values) {
      if (result.contains(value)) {
        result = result.replace(value, MASK);
      }
    }
    for (String value : values) {
      for (int n = Math.min(value.length() - 1, result.length()); n >= MIN_PARTIAL; n--) {
        if (result.regionMatches(result.length() - n, value, 0, n)) {
          result = result.substring(0, result.length() - n) + MASK;
          break;
        }
      }
    }
    return result;
  }

  /**
   * Returns {@code error} itself when no message in its cause chain holds a secret; otherwise a
   * stand-in (same stack trace, the class name and the cleaned message) for the whole chain.
   */
  public Throwable clean(Throwable error) {
    if (values.isEmpty() || !appearsIn(error)) {
      return error;
    }
    return standIn(error, 0);
  }

  private boolean appearsIn(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && !message.equals(redact(message))) {
        return true;
      }
    }
    return false;
  }

  private Throwable standIn(Throwable error, int depth) {
    Throwable cause = error.getCause();
    RedactedFailure copy =
        new RedactedFailure(
            error.getClass().getName() + ": " + redact(String.valueOf(error.getMessage())),
            cause != null && depth < 8 ? standIn(cause, depth + 1) : null);
    copy.setStackTrace(error.getStackTrace());
    return copy;
  }

  /** Stands in for a failure whose message held a secret. */
  static final class RedactedFailure extends Exception {
    private static final long serialVersionUID = 1L;

    RedactedFailure(String message, @Nullable Throwable cause) {
      super(message, cause);
    }
  }
}
