package org.migrationkit.sms.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns one suite run (JMH's JSON results, the cold-start and class-path tables) into the markdown
 * tables of the performance guide (src/site/markdown/performance.md), each of our numbers beside
 * the official SDK's and the floor's, with the ratios the targets are set on.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.migrationkit.sms.bench.Summary <results folder>}
 */
public final class Summary {
  private static final String[] CLIENTS = {"ours", "official", "floor"};
  private static final Pattern ROUND = Pattern.compile("-r(\\d+)-");

  private final List<Result> results;
  private final Path dir;
  private final StringBuilder out = new StringBuilder();
  private final List<String> verdicts = new ArrayList<>();

  private Summary(Path dir, List<Result> results) {
    this.dir = dir;
    this.results = results;
  }

  /** One JMH result: a benchmark method in one mode, thread count and body, in one round (or 0). */
  record Result(
      int round,
      String benchmark,
      String method,
      String mode,
      int threads,
      String body,
      double score,
      String unit,
      double p50,
      double p99,
      double bytesPerOp,
      double cpuMicrosPerOp) {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target-bench/bench-results");
    List<Result> results = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        read(file, results);
      }
    }
    Summary summary = new Summary(dir, results);
    summary.write();
    System.out.print(summary.out);
  }

  private static void read(Path file, List<Result> into) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    Matcher m = ROUND.matcher(file.getFileName().toString());
    int round = m.find() ? Integer.parseInt(m.group(1)) : 0;
    for (JsonNode run : root) {
      String[] name = run.get("benchmark").asText().split("\\.");
      JsonNode primary = run.get("primaryMetric");
      JsonNode percentiles = primary.get("scorePercentiles");
      double bytes = Double.NaN;
      double cpu = Double.NaN;
      for (Iterator<String> it = run.get("secondaryMetrics").fieldNames(); it.hasNext(); ) {
        String metric = it.next();
        double score = run.get("secondaryMetrics").get(metric).get("score").asDouble();
        if (metric.endsWith("gc.alloc.rate.norm")) {
          bytes = score;
        } else if (metric.endsWith("cpu.time.norm")) {
          cpu = score;
        }
      }
      JsonNode params = run.get("params");
      into.add(
          new Result(
              round,
              name[name.length - 2],
              name[name.length - 1],
              run.get("mode").asText(),
              run.get("threads").asInt(),
              params != null && params.has("body") ? params.get("body").asText() : "",
              primary.get("score").asDouble(),
              primary.get("scoreUnit").asText(),
              percentiles.get("50.0").asDouble(),
              percentiles.get("99.0").asDouble(),
              bytes,
              cpu));
    }
  }

  /** Returns the metric of a benchmark per round (rounds in order; NaN when it did not run). */
  private TreeMap<Integer, Double> perRound(
      Key key, String client, ToDoubleFunction<Result> metric) {
    TreeMap<Integer, Double> values = new TreeMap<>();
    for (Result r : results) {
      if (r.benchmark.equals(key.benchmark)
          && r.method.equals(client)
          && r.mode.equals(key.mode)
          && r.threads == key.threads
          && r.body.equals(key.body)) {
        values.put(r.round, metric.applyAsDouble(r));
      }
    }
    return values;
  }

  /** Returns the median over rounds of a client's metric. */
  private double value(Key key, String client, ToDoubleFunction<Result> metric) {
    return median(new ArrayList<>(perRound(key, client, metric).values()));
  }

  /** Returns {@code client / floor} per round, pairing runs of the same round. */
  private List<Double> ratios(Key key, String client, ToDoubleFunction<Result> metric) {
    TreeMap<Integer, Double> mine = perRound(key, client, metric);
    TreeMap<Integer, Double> floor = perRound(key, "floor", metric);
    List<Double> ratios = new ArrayList<>();
    for (Integer round : mine.keySet()) {
      if (floor.containsKey(round)) {
        ratios.add(mine.get(round) / floor.get(round));
      }
    }
    return ratios;
  }

  /** Which runs a number comes from. */
  record Key(String benchmark, String mode, int threads, String body) {}

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return (sorted.get((n - 1) / 2) + sorted.get(n / 2)) / 2;
  }

  private void write() throws IOException {
    headline();
    sign();
    parse();
    endToEndDetail();
    line("");
    line("### Targets");
    line("");
    verdicts.forEach(this::line);
  }

  // --- the headline table -------------------------------------------------------------------

  private static final Key E2E_SAMPLE_1 = new Key("EndToEndBenchmark", "sample", 1, "small");
  private static final Key E2E_THRPT_1 = new Key("EndToEndBenchmark", "thrpt", 1, "small");
  private static final Key E2E_THRPT_8 = new Key("EndToEndBenchmark", "thrpt", 8, "small");

  private void headline() throws IOException {
    line("### Per call, end to end (`showTask` against the loopback server, 3 KB example body)");
    line("");
    line(
        "Each value is the median over rounds; each ratio the median of the per-round ratios "
            + "(listed).");
    line("");
    line(
        "| per call | ours | official | floor | ours/floor (per round) | official/floor | "
            + "target (ours/floor) |");
    line("|---|---:|---:|---:|---:|---:|---|");
    ToDoubleFunction<Result> p50 = r -> micros(r, true);
    ToDoubleFunction<Result> p99 = r -> micros(r, false);
    ToDoubleFunction<Result> thrpt = Summary::perSecond;
    ToDoubleFunction<Result> kb = r -> r.bytesPerOp / 1024;
    row("latency p50, 1 caller (µs)", E2E_SAMPLE_1, p50, "%.1f", "<= 1.10x", 1.10, false);
    row("latency p99, 1 caller (µs)", E2E_SAMPLE_1, p99, "%.1f", "<= 1.25x", 1.25, false);
    row("throughput, 8 callers (/s)", E2E_THRPT_8, thrpt, "%,.0f", ">= 0.95x", 0.95, true);
    row("bytes allocated per call (KB)", E2E_THRPT_1, kb, "%.1f", "<= 1.00x", 1.00, false);
    cpuRow("CPU per call, 1 caller (µs, whole JVM)", E2E_THRPT_1);
    cpuRow("CPU per call, 8 callers (µs, whole JVM)", E2E_THRPT_8);
    double[] cold = coldStart(2);
    line(
        String.format(
            Locale.ROOT,
            "| cold start, new JVM to first task printed, median of runs (ms) | %.0f | %.0f | "
                + "%.0f | %s | %s | <= 1.00x |",
            cold[0] / 1000,
            cold[1] / 1000,
            cold[2] / 1000,
            ratio(cold[0] / cold[2]),
            ratio(cold[1] / cold[2])));
    String[][] classPath = classPath();
    line(
        String.format(
            Locale.ROOT,
            "| runtime class path | %s jars, %s MB | %s jars, %s MB | %s jars, %s MB | | | "
                + "ours <= 6 MB |",
            classPath[0][0],
            classPath[0][1],
            classPath[1][0],
            classPath[1][1],
            classPath[2][0],
            classPath[2][1]));
    verdict("cold start <= 1.0x floor", cold[0] / cold[2] <= 1.0, ratio(cold[0] / cold[2]));
    double mb = Double.parseDouble(classPath[0][1]);
    verdict(
        "runtime class path <= 6 MB",
        mb <= 6.0,
        classPath[0][1] + " MB in " + classPath[0][0] + " jars");
  }

  private void row(
      String what,
      Key key,
      ToDoubleFunction<Result> metric,
      String format,
      String target,
      double limit,
      boolean atLeast) {
    double[] v = new double[CLIENTS.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = value(key, CLIENTS[i], metric);
    }
    List<Double> ours = ratios(key, "ours", metric);
    double oursRatio = median(ours);
    double officialRatio = median(ratios(key, "official", metric));
    line(
        String.format(
            Locale.ROOT,
            "| %s | " + format + " | " + format + " | " + format + " | %s (%s) | %s | %s |",
            what,
            v[0],
            v[1],
            v[2],
            ratio(oursRatio),
            ratioList(ours),
            ratio(officialRatio),
            target));
    verdict(
        what + " " + target + " floor",
        atLeast ? oursRatio >= limit : oursRatio <= limit,
        ratio(oursRatio) + " (rounds: " + ratioList(ours) + ")");
  }

  /** A row that is evidence, not a target: process CPU time per call, which load barely moves. */
  private void cpuRow(String what, Key key) {
    ToDoubleFunction<Result> cpu = Result::cpuMicrosPerOp;
    List<Double> ours = ratios(key, "ours", cpu);
    line(
        String.format(
            Locale.ROOT,
            "| %s | %.1f | %.1f | %.1f | %s (%s) | %s | (no target; see below) |",
            what,
            value(key, "ours", cpu),
            value(key, "official", cpu),
            value(key, "floor", cpu),
            ratio(median(ours)),
            ratioList(ours),
            ratio(median(ratios(key, "official", cpu)))));
  }

  // --- sign and parse -----------------------------------------------------------------------

  private void sign() {
    line("");
    line("### Sign (the `ShowTask` request; `SignBenchmark`)");
    line("");
    line("| signer | ns/op | B/op | time vs floor | bytes vs floor |");
    line("|---|---:|---:|---:|---:|");
    Key key = new Key("SignBenchmark", "avgt", 1, "");
    for (String client : CLIENTS) {
      line(
          String.format(
              Locale.ROOT,
              "| %s | %,.0f | %,.0f | %s | %s |",
              client,
              value(key, client, Summary::nanos),
              value(key, client, Result::bytesPerOp),
              ratio(median(ratios(key, client, Summary::nanos))),
              ratio(median(ratios(key, client, Result::bytesPerOp)))));
    }
  }

  private void parse() {
    line("");
    line("### Parse (from the body's bytes; `ParseBenchmark`)");
    line("");
    double smallKb = Fixtures.smallBody().length / 1024.0;
    double largeKb = Fixtures.largeBody().length / 1024.0;
    line(
        String.format(
            Locale.ROOT,
            "small = the API page's example, %.1f KB; large = 1,000 disks and 500 sub-tasks, "
                + "%,.0f KB."
                + " `*FromString` start from the text (one run, not in rounds).",
            smallKb,
            largeKb));
    line("");
    line(
        "| reader | small µs/op | small B/op | large µs/op | large B/op | µs/KB small → large "
            + "| B/KB small → large | large B/op ÷ body size |");
    line("|---|---:|---:|---:|---:|---:|---:|---:|");
    Key small = new Key("ParseBenchmark", "avgt", 1, "small");
    Key large = new Key("ParseBenchmark", "avgt", 1, "large");
    double largeBytes = Fixtures.largeBody().length;
    for (String method :
        new String[] {"ours", "oursFromString", "official", "officialFromString", "floor"}) {
      double sT = value(small, method, r -> micros(r, true));
      double lT = value(large, method, r -> micros(r, true));
      double sB = value(small, method, Result::bytesPerOp);
      double lB = value(large, method, Result::bytesPerOp);
      if (Double.isNaN(sT) || Double.isNaN(lT)) {
        continue;
      }
      double tS = sT / smallKb;
      double tL = lT / largeKb;
      double bS = sB / smallKb;
      double bL = lB / largeKb;
      line(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %,.0f | %,.0f | %,.0f | %.2f → %.2f (%s) | %,.0f → %,.0f (%s) | "
                  + "%.2fx |",
              method,
              sT,
              sB,
              lT,
              lB,
              tS,
              tL,
              ratio(tL / tS),
              bS,
              bL,
              ratio(bL / bS),
              lB / largeBytes));
      if (method.equals("ours")) {
        verdict(
            "parse cost per KB flat from the 3 KB example to the 1.1 MB task (large/small per "
                + "KB <= 1.2x,"
                + " time and bytes)",
            tL / tS <= 1.2 && bL / bS <= 1.2,
            String.format(Locale.ROOT, "time %s, bytes %s", ratio(tL / tS), ratio(bL / bS)));
      }
    }
  }

  private void endToEndDetail() throws IOException {
    line("");
    line(
        "### End to end, every mode (medians over rounds; µs per call, calls per second, KB "
            + "allocated per call)");
    line("");
    line("| body, callers | client | thrpt /s | p50 µs | p99 µs | KB/op | CPU µs/op |");
    line("|---|---|---:|---:|---:|---:|---:|");
    for (String body : new String[] {"small", "large"}) {
      for (int threads : new int[] {1, 8}) {
        Key t = new Key("EndToEndBenchmark", "thrpt", threads, body);
        Key s = new Key("EndToEndBenchmark", "sample", threads, body);
        for (String client : CLIENTS) {
          double thrpt = value(t, client, Summary::perSecond);
          double p50 = value(s, client, r -> micros(r, true));
          double p99 = value(s, client, r -> micros(r, false));
          double kb = value(t, client, r -> r.bytesPerOp / 1024);
          double cpu = value(t, client, Result::cpuMicrosPerOp);
          if (Double.isNaN(thrpt) && Double.isNaN(p50)) {
            continue;
          }
          line(
              String.format(
                  Locale.ROOT,
                  "| %s, %d | %s | %s | %s | %s | %s | %s |",
                  body,
                  threads,
                  client,
                  cell("%,.0f", thrpt),
                  cell("%.1f", p50),
                  cell("%.1f", p99),
                  cell("%.1f", kb),
                  cell("%.1f", cpu)));
        }
      }
    }
    double oursLarge =
        value(new Key("EndToEndBenchmark", "thrpt", 1, "large"), "ours", Result::bytesPerOp);
    double parseLarge =
        value(new Key("ParseBenchmark", "avgt", 1, "large"), "ours", Result::bytesPerOp);
    if (!Double.isNaN(oursLarge) && !Double.isNaN(parseLarge)) {
      double extra = oursLarge - parseLarge;
      double body = Fixtures.largeBody().length;
      verdict(
          "memory bounded, no whole-body copy: on the 1.1 MB body, end to end allocates less "
              + "than one body"
              + " beyond the parse itself",
          extra < body,
          String.format(
              Locale.ROOT,
              "%,.0f B beyond the parse for a %,.0f B body (%.2fx)",
              extra,
              body,
              extra / body));
    }
    double[] exit = coldStart(3);
    line("");
    line(
        String.format(
            Locale.ROOT,
            "Cold start to process exit (median, ms): ours %.0f, official %.0f, floor %.0f.",
            exit[0] / 1000,
            exit[1] / 1000,
            exit[2] / 1000));
  }

  private static String cell(String format, double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, format, value);
  }

  // --- cold start and class path --------------------------------------------------------------

  /** Returns the median of a column of cold-start.tsv per client, in microseconds. */
  private double[] coldStart(int column) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve("cold-start.tsv"));
    double[] medians = new double[CLIENTS.length];
    for (int c = 0; c < CLIENTS.length; c++) {
      List<Double> values = new ArrayList<>();
      for (String l : lines.subList(1, lines.size())) {
        String[] f = l.split("\t");
        if (f[0].equals(CLIENTS[c])) {
          values.add(Double.parseDouble(f[column]));
        }
      }
      values.sort(null);
      int n = values.size();
      medians[c] = n == 0 ? Double.NaN : (values.get((n - 1) / 2) + values.get(n / 2)) / 2;
    }
    return medians;
  }

  /** Returns {jars, MB} per client from classpath.tsv. */
  private String[][] classPath() throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve("classpath.tsv"));
    String[][] out = new String[CLIENTS.length][];
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split("\t");
      for (int c = 0; c < CLIENTS.length; c++) {
        if (f[0].equals(CLIENTS[c])) {
          out[c] = new String[] {f[1], f[3]};
        }
      }
    }
    return out;
  }

  // --- units and formatting -------------------------------------------------------------------

  /**
   * Returns the p50 (or p99) of a sample-time result, or the mean of an average-time one, in µs.
   */
  private static double micros(Result r, boolean p50) {
    double value = r.mode.equals("sample") ? (p50 ? r.p50 : r.p99) : r.score;
    return value * secondsPerUnit(r.unit.substring(0, r.unit.indexOf('/'))) * 1e6;
  }

  private static double nanos(Result r) {
    return micros(r, true) * 1000;
  }

  private static double perSecond(Result r) {
    return r.score / secondsPerUnit(r.unit.substring(r.unit.indexOf('/') + 1));
  }

  private static double secondsPerUnit(String unit) {
    return switch (unit) {
      case "ns" -> 1e-9;
      case "us" -> 1e-6;
      case "ms" -> 1e-3;
      case "s" -> 1;
      default -> throw new IllegalArgumentException("unknown time unit " + unit);
    };
  }

  private void verdict(String target, boolean met, String measured) {
    verdicts.add(
        "- " + (met ? "**met**" : "**missed**") + ": " + target + " — measured " + measured);
  }

  private static String ratioList(List<Double> ratios) {
    StringBuilder b = new StringBuilder();
    for (double r : ratios) {
      b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", r));
    }
    return b.toString();
  }

  private static String ratio(double r) {
    return String.format(Locale.ROOT, "%.2fx", r);
  }

  private void line(String s) {
    out.append(s).append('\n');
  }
}
