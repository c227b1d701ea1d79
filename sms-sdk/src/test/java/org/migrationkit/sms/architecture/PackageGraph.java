package org.migrationkit.sms.architecture;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

/**
 * The package dependencies among the client's own classes, as {@code jdeps -verbose:package} reads
 * them from the bytecode (so Javadoc links do not count, and every real use does).
 */
final class PackageGraph {
  static final String ROOT = "org.migrationkit.sms";
  private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)");

  private final Map<String, Set<String>> edges;

  private PackageGraph(Map<String, Set<String>> edges) {
    this.edges = edges;
  }

  /** Runs jdeps on a classes folder or jar and keeps the edges between the client's packages. */
  static PackageGraph of(Path classes) {
    ToolProvider jdeps =
        ToolProvider.findFirst("jdeps")
            .orElseThrow(() -> new AssertionError("jdeps is not in this JDK (module jdk.jdeps)"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        jdeps.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "-verbose:package",
            "-filter:none",
            classes.toString());
    if (exit != 0) {
      throw new AssertionError("jdeps failed on " + classes + " with " + exit + ": " + out + err);
    }
    Map<String, Set<String>> edges = new TreeMap<>();
    for (String line : out.toString().split("\\R")) {
      Matcher m = EDGE.matcher(line);
      if (m.find() && isOwn(m.group(1)) && isOwn(m.group(2))) {
        edges.computeIfAbsent(m.group(1), k -> new TreeSet<>());
        if (!m.group(1).equals(m.group(2))) {
          edges.get(m.group(1)).add(m.group(2));
        }
      }
    }
    if (edges.isEmpty()) {
      throw new AssertionError("jdeps found no package of " + ROOT + " in " + classes + ": " + out);
    }
    return new PackageGraph(edges);
  }

  private static boolean isOwn(String pkg) {
    return pkg.equals(ROOT) || pkg.startsWith(ROOT + ".");
  }

  Set<String> packages() {
    return Collections.unmodifiableSet(edges.keySet());
  }

  /** Returns the client's packages that {@code pkg} uses directly. */
  Set<String> usedBy(String pkg) {
    return edges.getOrDefault(pkg, Set.of());
  }

  /**
   * Returns a shortest cycle through {@code pkg} as the packages along it, {@code pkg} first and
   * last, or an empty list when there is none.
   */
  List<String> cycleThrough(String pkg) {
    Map<String, String> reachedFrom = new LinkedHashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    for (String next : usedBy(pkg)) {
      reachedFrom.put(next, pkg);
      queue.add(next);
    }
    while (!queue.isEmpty()) {
      String at = queue.remove();
      if (at.equals(pkg)) {
        List<String> cycle = new ArrayList<>();
        String step = pkg;
        do {
          cycle.add(0, step);
          step = reachedFrom.get(step);
        } while (!step.equals(pkg));
        cycle.add(0, pkg);
        return cycle;
      }
      for (String next : usedBy(at)) {
        if (!reachedFrom.containsKey(next)) {
          reachedFrom.put(next, at);
          queue.add(next);
        }
      }
    }
    return List.of();
  }
}
