#!/usr/bin/env bash
# Cold start and runtime class path of ours, the official SDK and the floor client.
#
# Each sample is a new JVM that builds the client, fetches one task from a loopback server (a separate,
# already warm JVM answering the API page's example) and prints it; the time is from just before the
# JVM is launched to just after the task is printed (the program stamps that moment), plus the whole
# process's wall time for reference. Clients alternate (ours, official, floor, ours, ...); one untimed
# round goes first so that every jar is in the page cache; the median of RUNS rounds is reported.
#
# Every client runs on its own runtime class path as a user would have it: ours on our jar and its
# runtime dependencies, the official SDK on its own declared dependencies (OkHttp 4, its Jackson),
# the floor on OkHttp + jackson-databind. No JVM flags beyond the default.
#
# Usage: src/jmh/cold-start.sh [RUNS]   (default 10; needs `mvn -B -Pbench -DbuildDir=target-bench -Dmaven.test.skip=true package`)
# Env:   BUILD_DIR (default target-bench), OUT (default $BUILD_DIR/bench-results), JAVA (default java)
set -euo pipefail
cd "$(dirname "$0")/../.."

RUNS=${1:-10}
B=${BUILD_DIR:-target-bench}
OUT=${OUT:-$B/bench-results}
JAVA=${JAVA:-java}
C=$B/cold
DEP_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath

if [[ ! -f $B/benchmarks.jar ]]; then
  echo "no $B/benchmarks.jar: run mvn -B -Pbench -DbuildDir=$B -Dmaven.test.skip=true package first" >&2
  exit 1
fi
rm -rf "$C"
mkdir -p "$C" "$OUT"

# --- class paths -------------------------------------------------------------------------------
# the versions are pinned in the parent pom (the reactor top)
pom_property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" ../pom.xml | head -1; }

# Ours as a user's build resolves it: optional dependencies (and what only they bring) left out.
mvn -B -q -DbuildDir="$B" ${DEP_PLUGIN%:*}:tree -Dscope=runtime -DoutputFile="$PWD/$C/ours.tree"
optional=$(awk 'NR > 1 {
    at = index($0, "- "); if ((at - 2) / 3 == 0) skip = ($0 ~ /\(optional\)/)
    if (skip) { split(substr($0, at + 2), gav, ":"); print gav[2] } }' "$C/ours.tree" | paste -sd,)
mvn -B -q -DbuildDir="$B" $DEP_PLUGIN -DincludeScope=runtime -DexcludeArtifactIds="$optional" \
  -Dmdep.outputFile="$PWD/$C/ours.deps"
mvn -B -q -f src/jmh/classpath/official.pom.xml $DEP_PLUGIN -DincludeScope=runtime \
  -DbuildDir="$PWD/$B/classpath-official" -Dmdep.outputFile="$PWD/$C/official.deps"
mvn -B -q -f src/jmh/classpath/floor.pom.xml $DEP_PLUGIN -DincludeScope=runtime \
  -DbuildDir="$PWD/$B/classpath-floor" -Dmdep.outputFile="$PWD/$C/floor.deps" \
  -Dokhttp.artifact="$(pom_property okhttp.artifact)" -Dokhttp.version="$(pom_property okhttp.version)" \
  -Djackson.version="$(pom_property jackson.version)"

# Our jar as `mvn package` makes it: the main classes and resources, without the bench sources that
# the bench profile compiles beside them.
mkdir -p "$C/sdk" "$C/main-ours" "$C/main-official" "$C/main-floor"
cp -r "$B/classes/." "$C/sdk/"
rm -rf "$C/sdk/org/migrationkit/sms/bench" "$C/sdk/META-INF/BenchmarkList" "$C/sdk/META-INF/CompilerHints"
jar --create --file "$C/sms-sdk.jar" -C "$C/sdk" .

bench=org/migrationkit/sms/bench
for who in ours official floor; do mkdir -p "$C/main-$who/$bench/cold"; done
cp "$B/classes/$bench/cold/OursFirstTask.class" "$C/main-ours/$bench/cold/"
cp "$B/classes/$bench/cold/OfficialFirstTask.class" "$C/main-official/$bench/cold/"
cp "$B/classes/$bench/cold/FloorFirstTask.class" "$C/main-floor/$bench/cold/"
cp "$B/classes/$bench"/Floor*.class "$C/main-floor/$bench/" # the floor client is application code
for who in ours official floor; do jar --create --file "$C/main-$who.jar" -C "$C/main-$who" .; done

declare -A LIBS MAIN
LIBS[ours]="$PWD/$C/sms-sdk.jar:$(cat "$C/ours.deps")"
LIBS[official]="$(cat "$C/official.deps")"
LIBS[floor]="$(cat "$C/floor.deps")"
MAIN[ours]=org.migrationkit.sms.bench.cold.OursFirstTask
MAIN[official]=org.migrationkit.sms.bench.cold.OfficialFirstTask
MAIN[floor]=org.migrationkit.sms.bench.cold.FloorFirstTask

{
  printf 'client\tjars\tbytes\tMB\tjar names\n'
  for who in ours official floor; do
    IFS=: read -r -a jars <<<"${LIBS[$who]}"
    bytes=$(stat -c %s "${jars[@]}" | paste -sd+ | bc)
    names=$(for j in "${jars[@]}"; do basename "$j"; done | sort | paste -sd' ')
    printf '%s\t%d\t%d\t%.2f\t%s\n' "$who" "${#jars[@]}" "$bytes" "$(echo "$bytes/1048576" | bc -l)" "$names"
  done
} >"$OUT/classpath.tsv"

# --- cold start --------------------------------------------------------------------------------
"$JAVA" -cp "$B/benchmarks.jar" org.migrationkit.sms.bench.LoopbackServer small >"$C/server.out" 2>&1 &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true' EXIT
for _ in $(seq 100); do [[ -s $C/server.out ]] && break; sleep 0.1; done
ENDPOINT=$(head -1 "$C/server.out")
[[ $ENDPOINT == http://* ]] || { echo "loopback server did not start: $(cat "$C/server.out")" >&2; exit 1; }

# Prints "<ms to printed task> <ms to process exit>" for one new JVM.
sample() {
  local who=$1 start end out printed
  start=$(date +%s%N)
  out=$("$JAVA" -cp "$PWD/$C/main-$who.jar:${LIBS[$who]}" "${MAIN[$who]}" \
    "$ENDPOINT" ef3b9722-07a0-40ae-89b0-889ee96dfc56 HPUABENCHMARK0000001 \
    bench+secret/key0000000000000000000000000 0a1b2c3d4e5f60718293a4b5c6d7e8f9 2>>"$C/$who.stderr")
  end=$(date +%s%N)
  grep -q '^task .* disks=1$' <<<"$out" || { echo "$who printed no task: $out" >&2; exit 1; }
  printed=$(sed -n 's/^printed-at-us //p' <<<"$out")
  echo "$(( (printed * 1000 - start) / 1000 )) $(( (end - start) / 1000 ))" # microseconds
}

for who in ours official floor; do sample "$who" >/dev/null; done # untimed: fills the page cache
printf 'client\trun\tto_printed_us\tprocess_us\n' >"$OUT/cold-start.tsv"
for run in $(seq "$RUNS"); do
  for who in ours official floor; do
    read -r to_print to_exit < <(sample "$who")
    printf '%s\t%d\t%d\t%d\n' "$who" "$run" "$to_print" "$to_exit" >>"$OUT/cold-start.tsv"
  done
done

median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
echo "cold start, median of $RUNS (ms): new JVM -> first task printed | -> process exit"
for who in ours official floor; do
  p=$(awk -v w="$who" '$1==w {print $3}' "$OUT/cold-start.tsv" | median)
  e=$(awk -v w="$who" '$1==w {print $4}' "$OUT/cold-start.tsv" | median)
  printf '  %-9s %7.1f | %7.1f\n' "$who" "$(echo "$p/1000" | bc -l)" "$(echo "$e/1000" | bc -l)"
done
echo "runtime class path:"
awk -F'\t' 'NR>1 {printf "  %-9s %2d jars %6.2f MB\n", $1, $2, $4}' "$OUT/classpath.tsv"
