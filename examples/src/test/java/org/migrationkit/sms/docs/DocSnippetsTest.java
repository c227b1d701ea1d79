package org.migrationkit.sms.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.migrationkit.sms.SmsClient;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.model.ShowTaskResponse;
import org.migrationkit.sms.testing.SmsSimulator;

/**
 * Keeps the README and the guides true to the code: every {@code ```java} block is a region of a
 * compiled file in this package, every relative link resolves, and no text names internal issues.
 * The cheap snippets also run against the simulator.
 */
class DocSnippetsTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Pattern MARKER = Pattern.compile("<!-- snippet: ([^#\\s]+)#([\\w-]+) -->");
  private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6} +(.+?)\\s*#*$");
  private static final Pattern ISSUE = Pattern.compile("(?i)\\bissues? *#?\\d+");

  /**
   * Pages whose Java blocks are not yet regions of compiled files (their links and wording are
   * still checked).
   */
  private static final Set<String> BLOCKS_NOT_YET_SNIPPETS = Set.of("src/site/markdown/testing.md");

  static List<Path> documents() throws IOException {
    List<Path> docs = new ArrayList<>();
    docs.add(ROOT.resolve("README.md"));
    try (Stream<Path> guides = Files.list(ROOT.resolve("src/site/markdown"))) {
      guides.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  @Test
  void everyJavaBlock_isTheRegionOfACompiledSnippet() throws IOException {
    List<String> problems = new ArrayList<>();
    int blocks = 0;
    for (Path doc : documents()) {
      String name = ROOT.relativize(doc).toString();
      List<String> lines = Files.readAllLines(doc);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (!line.equals("```java")) {
          continue;
        }
        int open = i;
        int indent = lines.get(i).indexOf('`');
        int end = i + 1;
        while (end < lines.size() && !lines.get(end).strip().equals("```")) {
          end++;
        }
        List<String> block = dedent(lines.subList(i + 1, end), indent);
        String at = name + ":" + (i + 1);
        i = end;
        if (BLOCKS_NOT_YET_SNIPPETS.contains(name)) {
          continue;
        }
        blocks++;
        Matcher marker = MARKER.matcher(previousNonBlank(lines, open - 1));
        if (!marker.matches()) {
          problems.add(
              at + ": a ```java block without a <!-- snippet: file#region --> line above it");
          continue;
        }
        List<String> region = region(marker.group(1), marker.group(2), at, problems);
        if (region != null && !region.equals(block)) {
          problems.add(
              at
                  + ": differs from "
                  + marker.group(1)
                  + "#"
                  + marker.group(2)
                  + "; the region reads:\n"
                  + String.join("\n", region));
        }
      }
    }
    assertThat(problems).as("Java blocks of the docs").isEmpty();
    assertThat(blocks).as("Java blocks checked").isGreaterThan(5);
  }

  @Test
  void everyRelativeLink_resolvesToAFileAndAnchor() throws IOException {
    List<String> problems = new ArrayList<>();
    Map<Path, Set<String>> anchors = new HashMap<>();
    for (Path doc : documents()) {
      String text = withoutCode(Files.readString(doc));
      Matcher link = LINK.matcher(text);
      while (link.find()) {
        String target = link.group(1);
        if (target.matches("^[a-z]+:.*")) {
          continue; // https:, mailto:
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
        if (file.endsWith(".html") && doc.startsWith(ROOT.resolve("src/site"))) {
          // the site's pages link to what `mvn site` renders from the Markdown beside them
          resolved =
              resolved.resolveSibling(resolved.getFileName().toString().replace(".html", ".md"));
        }
        String at = ROOT.relativize(doc) + ": link " + target;
        if (!Files.exists(resolved)) {
          problems.add(at + ": no file " + ROOT.relativize(resolved));
          continue;
        }
        if (anchor != null && resolved.toString().endsWith(".md")) {
          Set<String> known = anchors.computeIfAbsent(resolved, DocSnippetsTest::anchorsOf);
          if (!known.contains(anchor)) {
            problems.add(at + ": no heading #" + anchor + " in " + ROOT.relativize(resolved));
          }
        }
      }
    }
    assertThat(problems).as("relative links of the docs").isEmpty();
  }

  @Test
  void noDocument_speaksOfIssues() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path doc : documents()) {
      List<String> lines = Files.readAllLines(doc);
      for (int i = 0; i < lines.size(); i++) {
        if (ISSUE.matcher(lines.get(i)).find()) {
          problems.add(ROOT.relativize(doc) + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
    }
    assertThat(problems).as("internal plans named in the docs").isEmpty();
  }

  @Test
  void anchors_followGitHubsRules() {
    assertThat(anchor("Credentials: `DefaultCredentialsProvider`"))
        .isEqualTo("credentials-defaultcredentialsprovider");
    assertThat(anchor("Using it beside Huawei Cloud's own Java SDK"))
        .isEqualTo("using-it-beside-huawei-clouds-own-java-sdk");
    assertThat(anchor("Sign (the `ShowTask` request; `SignBenchmark`)"))
        .isEqualTo("sign-the-showtask-request-signbenchmark");
  }

  @Test
  void runnableSnippets_workAgainstTheSimulator() throws Exception {
    Credentials credentials = Credentials.akSk("doc-ak", "doc-sk").withDomainId("doc-domain");
    try (SmsSimulator simulator = SmsSimulator.start(credentials);
        SmsClient sms = ObservabilitySnippets.listener(simulator.endpoint(), credentials)) {
      ShowTaskResponse task =
          WaitingSnippets.async(sms, SmsSimulator.EXAMPLE_TASK_ID).get(10, TimeUnit.SECONDS);
      assertThat(task.getName()).isEqualTo("MigrationTask");
      assertThat(CompatibilitySnippets.jacksonModule(task)).isEqualTo(task);
      simulator.addSourceServer("web-1");
      assertThat(OperationsSnippets.paging(sms)).isZero();
    }
  }

  private static List<String> region(String file, String name, String at, List<String> problems) {
    Path source = ROOT.resolve(file);
    if (!Files.isRegularFile(source)) {
      problems.add(at + ": the marker names " + file + ", which does not exist");
      return null;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(source);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
    int start = lines.indexOf(marker(lines, "// [START " + name + "]"));
    int end = lines.indexOf(marker(lines, "// [END " + name + "]"));
    if (start < 0 || end < start) {
      problems.add(at + ": " + file + " has no region " + name);
      return null;
    }
    List<String> body = lines.subList(start + 1, end);
    int indent =
        body.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    return dedent(body, indent);
  }

  private static String marker(List<String> lines, String marker) {
    return lines.stream().filter(l -> l.strip().equals(marker)).findFirst().orElse("\0");
  }

  private static List<String> dedent(List<String> lines, int indent) {
    return lines.stream()
        .map(
            l -> l.length() >= indent && l.substring(0, indent).isBlank() ? l.substring(indent) : l)
        .map(String::stripTrailing)
        .collect(Collectors.toList());
  }

  private static String previousNonBlank(List<String> lines, int index) {
    for (int i = index; i >= 0; i--) {
      if (!lines.get(i).isBlank()) {
        return lines.get(i).strip();
      }
    }
    return "";
  }

  /** The text outside fenced blocks and inline code, where Markdown links live. */
  private static String withoutCode(String markdown) {
    return markdown.replaceAll("(?ms)^\\s*```.*?^\\s*```", "").replaceAll("`[^`\\n]*`", "``");
  }

  private static Set<String> anchorsOf(Path markdown) {
    Set<String> anchors = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean fenced = false;
    try {
      for (String line : Files.readAllLines(markdown)) {
        if (line.strip().startsWith("```")) {
          fenced = !fenced;
        }
        Matcher heading = HEADING.matcher(line);
        if (fenced || !heading.matches()) {
          continue;
        }
        String base = anchor(heading.group(1));
        int n = seen.merge(base, 1, Integer::sum) - 1;
        anchors.add(n == 0 ? base : base + "-" + n);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + markdown, e);
    }
    return anchors;
  }

  /** GitHub's heading anchor: lower case, punctuation dropped, spaces as hyphens. */
  static String anchor(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
  }
}
