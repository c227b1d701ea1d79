package org.migrationkit.sms.testsupport;

import java.util.IdentityHashMap;
import java.util.Map;

/** Everything a throwable would show a log: its and its causes' types, messages and toString. */
public final class ThrowableText {
  private ThrowableText() {}

  /**
   * Returns the messages and {@code toString()} of {@code t} and of every cause and suppressed one.
   */
  public static String of(Throwable t) {
    StringBuilder s = new StringBuilder();
    append(s, t, new IdentityHashMap<>());
    return s.toString();
  }

  private static void append(StringBuilder s, Throwable t, Map<Throwable, Boolean> seen) {
    if (t == null || seen.put(t, Boolean.TRUE) != null) {
      return;
    }
    s.append(t).append('\n').append(t.getMessage()).append('\n');
    s.append(t.getLocalizedMessage()).append('\n');
    for (Throwable suppressed : t.getSuppressed()) {
      append(s, suppressed, seen);
    }
    append(s, t.getCause(), seen);
  }
}
