package org.migrationkit.sms.auth;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A credentials file as Huawei Cloud's tools write it: INI sections of {@code key = value} lines.
 *
 * <p>Lenient where people edit by hand: spaces around {@code =}, {@code #} and {@code ;} comment
 * lines, blank lines, CRLF or CR line ends and a UTF-8 byte order mark are accepted. A line that is
 * none of these is ignored and logged at DEBUG by number only, since it may hold a secret. Keys are
 * case-insensitive; section names are not. A later duplicate key wins.
 */
final class ProfileFile {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultCredentialsProvider.class);

  private final Map<String, Map<String, String>> sections;

  private ProfileFile(Map<String, Map<String, String>> sections) {
    this.sections = sections;
  }

  /** Parses the text of {@code file}; the path only names it in log lines. */
  static ProfileFile parse(String text, Path file) {
    Map<String, Map<String, String>> sections = new HashMap<>();
    // null until the first valid header, and after a broken one, so no key lands in a wrong section
    Map<String, String> section = null;
    int number = 0;
    for (Iterator<String> lines = text.lines().iterator(); lines.hasNext(); ) {
      String line = lines.next().strip();
      number++;
      if (number == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1).strip();
      }
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      int equals = line.indexOf('=');
      if (line.startsWith("[") && line.endsWith("]")) {
        section =
            sections.computeIfAbsent(
                line.substring(1, line.length() - 1).strip(), name -> new HashMap<>());
      } else if (line.startsWith("[")) {
        section = null;
        LOG.debug("Ignored line {} of {}: a section header without ']'", number, file);
      } else if (section != null && equals > 0) {
        String key = line.substring(0, equals).strip().toLowerCase(Locale.ROOT);
        section.put(key, line.substring(equals + 1).strip());
      } else {
        LOG.debug("Ignored line {} of {}: not 'key = value' inside a section", number, file);
      }
    }
    return new ProfileFile(sections);
  }

  /**
   * Returns the keys and values of a section, or {@code null} when the file has no such section.
   */
  @Nullable Map<String, String> section(String name) {
    return sections.get(name);
  }
}
