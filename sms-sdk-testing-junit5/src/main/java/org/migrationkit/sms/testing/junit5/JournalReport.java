package org.migrationkit.sms.testing.junit5;

import java.util.List;
import org.migrationkit.sms.testing.JournalEntry;

/**
 * A failing test's last requests, one line each, with nothing secret: no header, no query value and
 * no body, only what locates a request and how it was answered.
 */
final class JournalReport {
  private JournalReport() {}

  /**
   * Returns the report of {@code journal}'s last {@code limit} entries.
   *
   * @param title what failed, for the first line
   * @param endpoint the simulator's endpoint
   * @param journal the simulator's journal, oldest first
   * @param limit how many of the latest entries to show
   */
  static String describe(String title, String endpoint, List<JournalEntry> journal, int limit) {
    int from = Math.max(0, journal.size() - limit);
    StringBuilder s = new StringBuilder("SmsSimulator journal of failed test ").append(title);
    s.append(" (").append(endpoint).append("): ");
    if (journal.isEmpty()) {
      return s.append("no requests").toString();
    }
    s.append(from == 0 ? "all " : "last ").append(journal.size() - from);
    s.append(" of ").append(journal.size()).append(journal.size() == 1 ? " request" : " requests");
    for (JournalEntry e : journal.subList(from, journal.size())) {
      s.append(System.lineSeparator()).append("  ");
      line(s, e);
    }
    return s.toString();
  }

  private static void line(StringBuilder s, JournalEntry e) {
    s.append('#').append(e.number()).append(' ').append(e.method()).append(' ').append(e.path());
    String query = e.query();
    if (query != null && !query.isEmpty()) {
      s.append('?');
      parameterNames(s, query);
    }
    s.append(" -> ").append(e.status() == 0 ? "dropped" : String.valueOf(e.status()));
    if (e.operation() != null) {
      s.append(' ').append(e.operation());
    }
    if (e.fault() != null) {
      s.append(' ').append(e.fault());
    }
    if (!e.signatureValid()) {
      s.append(" (signature refused: ").append(e.signatureReason()).append(')');
    }
    s.append(" [").append(e.requestId()).append(']');
  }

  /** Appends {@code a=1&b=2} as {@code a&b}: a value may be a secret, a name is not. */
  private static void parameterNames(StringBuilder s, String query) {
    int start = 0;
    boolean first = true;
    while (start <= query.length()) {
      int end = query.indexOf('&', start);
      if (end < 0) {
        end = query.length();
      }
      int eq = query.indexOf('=', start);
      String name = query.substring(start, eq >= 0 && eq < end ? eq : end);
      if (!name.isEmpty()) {
        s.append(first ? "" : "&").append(name);
        first = false;
      }
      start = end + 1;
    }
  }
}
