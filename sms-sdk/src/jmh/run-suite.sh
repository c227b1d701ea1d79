#!/usr/bin/env bash
# The whole performance suite in one command: builds the benchmark jar, runs every JMH benchmark with
# -prof gc (sign, parse, end to end with 1 and with 8 callers, end to end on the large body), the
# cold-start and class-path script, and writes the tables of the performance guide (src/site/markdown/performance.md) to
# summary.md.
#
# A 2-core machine shared with other work drifts by 2x within a minute, and JMH runs one method after
# another; so each client gets its own short JMH run, in ROUNDS rounds whose order rotates (ours,
# official, floor; then official, floor, ours; ...), and the summary reports the median over rounds
# and the median of the per-round ratios. Takes about 45 minutes; a quiet machine still gives the
# truest numbers (the summary records the load average).
#
# Usage: src/jmh/run-suite.sh
# Env:   BUILD_DIR (default target-bench); ROUNDS (default 3);
#        MICRO_ARGS (sign, parse; default -f 1 -wi 4 -w 2s -i 3 -r 2s);
#        E2E_ARGS (end to end; default -f 1 -wi 10 -w 3s -i 5 -r 3s: on 2 cores every client's
#        throughput still climbs for 15 to 21 s of calls while the JIT compiles, ours a little
#        longer than the floor, so shorter warm-ups measure the JIT rather than the client)
set -euo pipefail
cd "$(dirname "$0")/../.."

B=${BUILD_DIR:-target-bench}
OUT=$B/bench-results
ROUNDS=${ROUNDS:-3}
MICRO_ARGS=${MICRO_ARGS:--f 1 -wi 4 -w 2s -i 3 -r 2s}
E2E_ARGS=${E2E_ARGS:--f 1 -wi 10 -w 3s -i 5 -r 3s}
CPU=org.migrationkit.sms.bench.CpuTimeProfiler

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
mvn -B -q -Pbench -DbuildDir="$B" -Dmaven.test.skip=true package # tests are not needed here
rm -rf "$OUT"
mkdir -p "$OUT"

# jmh NAME ARGS...: one JMH run, results in $OUT/NAME.json (+ .txt)
jmh() {
  local name=$1
  shift
  java -jar "$B/benchmarks.jar" -prof gc -prof $CPU -rf json -rff "$OUT/$name.json" "$@" >"$OUT/$name.txt"
  grep -E '^(Benchmark|[A-Za-z]+Benchmark\.[a-zA-Z]+ )' "$OUT/$name.txt" | grep -v -E ':(gc|·gc)\.(churn|count|time)' || true
}

# rounds COUNT NAME BENCHMARK ARGS...: each client alone, in rotating order, COUNT times
rounds() {
  local count=$1 name=$2 bench=$3 clients=(ours official floor) r i who
  shift 3
  for r in $(seq "$count"); do
    for i in 0 1 2; do
      who=${clients[$(((r - 1 + i) % 3))]}
      echo "== $name round $r: $who"
      jmh "$name-r$r-$who" "$bench\.$who\$" "$@"
    done
  done
}

# shellcheck disable=SC2086 # the *_ARGS are lists of options
{
  rounds "$ROUNDS" sign SignBenchmark $MICRO_ARGS -bm avgt -tu ns
  rounds "$ROUNDS" parse ParseBenchmark $MICRO_ARGS -bm avgt -tu us
  jmh parse-extra 'ParseBenchmark\.(oursFromString|officialFromString)$' $MICRO_ARGS -bm avgt -tu us
  rounds "$ROUNDS" e2e-1 EndToEndBenchmark $E2E_ARGS -bm thrpt,sample -tu us -t 1
  rounds "$ROUNDS" e2e-8 EndToEndBenchmark $E2E_ARGS -bm thrpt,sample -tu us -t 8
  jmh e2e-large 'EndToEndBenchmark\.(ours|official|floor)$' $E2E_ARGS -bm thrpt -tu us -t 1 -p body=large
  # listTasks (a page of 100 tasks) and createTask (a signed JSON body), ours beside the official SDK
  jmh operations 'OperationsBenchmark\.(ours|official|oursCreate|officialCreate)$' $E2E_ARGS -bm thrpt,sample -tu us -t 1
} | tee "$OUT/jmh.log"

OUT=$OUT BUILD_DIR=$B src/jmh/cold-start.sh 10 | tee "$OUT/cold-start.txt"

{
  echo "Run on $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1), $(uname -sr);"
  echo "load average (1, 5, 15 min) $LOAD_BEFORE at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end."
  echo
  java -cp "$B/benchmarks.jar" org.migrationkit.sms.bench.Summary "$OUT"
} >"$OUT/summary.md"
echo
cat "$OUT/summary.md"
