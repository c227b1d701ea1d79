package org.migrationkit.sms.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code fleet run --servers FILE}: one source server per line, {@code sourceServerId} (a new
 * target from the template) or {@code sourceServerId,targetServerId,migrationIp} (an existing ECS
 * to migrate onto, and the address the agent reaches it at, which the API requires with it); blank
 * lines and lines starting with {@code #} are skipped. Every bad line is named in one error, before
 * any call.
 */
final class ServersFile {
  private ServersFile() {}

  /**
   * {@return source server id to {@code "targetServerId,migrationIp"} ({@code ""} when none), in
   * file order}
   */
  static Map<String, String> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot read the servers file " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> servers = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (int n = 1; n <= lines.size(); n++) {
      String line = lines.get(n - 1).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(",", -1);
      String source = parts[0].strip();
      String target = parts.length == 3 ? parts[1].strip() + "," + parts[2].strip() : "";
      if ((parts.length != 1 && parts.length != 3)
          || source.isEmpty()
          || source.contains(" ")
          || target.startsWith(",")
          || target.endsWith(",")) {
        problems.add("line " + n + " is not 'sourceServerId[,targetServerId,migrationIp]'");
      } else if (servers.containsKey(source)) {
        problems.add("line " + n + " repeats server " + source);
      } else {
        servers.put(source, target);
      }
    }
    if (servers.isEmpty() && problems.isEmpty()) {
      problems.add("it names no server");
    }
    if (!problems.isEmpty()) {
      throw new UsageException("servers file " + file + ": " + String.join("; ", problems));
    }
    return servers;
  }
}
