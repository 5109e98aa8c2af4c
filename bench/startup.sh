#!/usr/bin/env bash
# Start-up benchmark: Entente with the default charter vs an empty Spring Boot app with the same
# starters (bench/empty-app). See bench/README.md.
#
#   bash bench/startup.sh
#
# Environment (all optional):
#   SKIP_BUILD=1      use the jars already in target/ and bench/empty-app/target/
#   RUNS=5            starts per app
#   TIMEOUT=120       seconds before a start counts as failed
#   ENTENTE_PORT=18081, EMPTY_PORT=18082
#   QUIET_MAX=20      before each start, wait until the CPU is at most this % busy ...
#   QUIET_WAIT=180    ... for at most this many seconds (0: do not wait)
#   MAX_OTHER=15      a run during which other processes used more than this % of the machine
#                     (the script's own curl polling counts as other: ~10% on 2 CPUs) is
#                     discarded and repeated, at most RETRIES=3 times per run
#   JAVA=java, JAVA_OPTS=""   the JVM and its options, the same for both apps
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${RUNS:-5}
TIMEOUT=${TIMEOUT:-120}
ENTENTE_PORT=${ENTENTE_PORT:-18081}
EMPTY_PORT=${EMPTY_PORT:-18082}
QUIET_MAX=${QUIET_MAX:-20}
QUIET_WAIT=${QUIET_WAIT:-180}
MAX_OTHER=${MAX_OTHER:-15}
RETRIES=${RETRIES:-3}
JAVA=${JAVA:-java}
read -r -a JAVA_ARGS <<<"${JAVA_OPTS:-}"
CHARTER_TITLE="Charter of Strategic Partnership"
H2_OPTIONS="MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"

command -v curl >/dev/null || { echo "curl is required" >&2; exit 2; }

# What is measured: recorded before building, since the tree may change during the benchmark.
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
if [[ -n "$(git -C "$ROOT" status --porcelain -- . ':!bench' 2>/dev/null)" ]]; then
  COMMIT="$COMMIT plus uncommitted changes outside bench/"
fi
[[ "${SKIP_BUILD:-0}" == 1 ]] && COMMIT="jars already built (SKIP_BUILD=1; HEAD is $COMMIT)"

# The empty app must keep the main pom's non-test dependencies, or the comparison is unfair.
deps_of() {
  python3 - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
for d in ET.parse(sys.argv[1]).getroot().find("m:dependencies", ns):
    scope = d.findtext("m:scope", "compile", ns)
    if scope != "test":
        print(d.findtext("m:groupId", "", ns) + ":" + d.findtext("m:artifactId", "", ns))
PY
}
if command -v python3 >/dev/null; then
  DEPS_DIFF=$(diff <(deps_of "$ROOT/pom.xml" | sort) <(deps_of "$ROOT/bench/empty-app/pom.xml" | sort) \
    | sed -n 's/^< /only in pom.xml: /p; s/^> /only in empty-app: /p' | paste -sd ';' - || true)
  DEPS_CHECK=${DEPS_DIFF:-"same non-test dependencies as pom.xml"}
else
  DEPS_CHECK="not checked (no python3)"
fi
[[ -n "${DEPS_DIFF:-}" ]] && echo "WARNING: empty app dependencies differ: $DEPS_DIFF" >&2

# --- build -------------------------------------------------------------------------------------
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "Building target/entente.jar and bench/empty-app/target/empty-app.jar ..."
  "$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" package -DskipTests -Dspotless.check.skip=true
  "$ROOT/mvnw" -q -B -f "$ROOT/bench/empty-app/pom.xml" package
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/entente-startup.XXXXXX")
PID=""
cleanup() {
  if [[ -n "$PID" ]] && kill -0 "$PID" 2>/dev/null; then kill -KILL "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# Run copies, so that a rebuild elsewhere during the benchmark cannot swap a jar mid-run.
for jar in "$ROOT/target/entente.jar" "$ROOT/bench/empty-app/target/empty-app.jar"; do
  [[ -f "$jar" ]] || { echo "Missing $jar (run without SKIP_BUILD=1)" >&2; exit 2; }
  cp "$jar" "$WORK/"
done

# --- helpers -----------------------------------------------------------------------------------
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# "busy total" jiffies of the whole machine, from the first line of /proc/stat.
cpu_snapshot() {
  awk '/^cpu / { idle = $5 + $6; total = 0; for (i = 2; i <= 9; i++) total += $i;
                 print total - idle, total; exit }' /proc/stat
}

# % of the machine's CPU that was busy over one second.
cpu_busy_pct() {
  local b1 t1 b2 t2
  read -r b1 t1 < <(cpu_snapshot); sleep 1; read -r b2 t2 < <(cpu_snapshot)
  echo $(( (b2 - b1) * 100 / (t2 - t1 > 0 ? t2 - t1 : 1) ))
}

# Waits (bounded) for other work on the machine to calm down; prints the last busy %.
wait_for_quiet() {
  local waited=0 busy
  busy=$(cpu_busy_pct)
  while (( busy > QUIET_MAX && waited < QUIET_WAIT )); do
    sleep 2; waited=$((waited + 3)); busy=$(cpu_busy_pct)
  done
  echo "$busy"
}

# utime + stime of a process, in clock ticks (the unit of /proc/stat).
proc_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo 0; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a";
  else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

HZ=$(getconf CLK_TCK)
ROWS=()      # app|run|ready_ms|started_s|process_s|cpu_s|busy_before|other_busy_during
FAILED=0
LAST_OTHER=0

# run_once APP RUN: one cold start of APP in a fresh folder, measured until ready, then stopped.
run_once() {
  local app=$1 run=$2 port url dir jar args=()
  dir="$WORK/$app-$run"; mkdir -p "$dir"
  case $app in
    entente)
      port=$ENTENTE_PORT; url="http://127.0.0.1:$port/"; jar="$WORK/entente.jar"
      args=("--spring.datasource.url=jdbc:h2:file:$dir/entente;$H2_OPTIONS" "--entente.definitions.folder=") ;;
    empty-app)
      port=$EMPTY_PORT; url="http://127.0.0.1:$port/actuator/health"; jar="$WORK/empty-app.jar"
      args=("--spring.datasource.url=jdbc:h2:file:$dir/db;$H2_OPTIONS") ;;
  esac
  if port_in_use "$port"; then echo "Port $port is already in use" >&2; exit 2; fi

  local busy_before; busy_before=$(wait_for_quiet)
  local b0 t0 b1 t1 start end code ready=""
  read -r b0 t0 < <(cpu_snapshot)
  start=$(now_ms)
  (cd "$dir" && exec "$JAVA" "${JAVA_ARGS[@]}" -jar "$jar" "--server.port=$port" "${args[@]}") \
    >"$dir/log" 2>&1 &
  PID=$!
  while :; do
    code=$(curl -s -o "$dir/body" -w '%{http_code}' --max-time 5 "$url" 2>/dev/null || true)
    if [[ "$code" == 200 ]] && { [[ $app != entente ]] || grep -q "$CHARTER_TITLE" "$dir/body"; }; then
      end=$(now_ms); ready=$((end - start)); break
    fi
    if ! kill -0 "$PID" 2>/dev/null; then echo "  $app run $run: process exited; log: " >&2; tail -20 "$dir/log" >&2; break; fi
    if (( $(now_ms) - start > TIMEOUT * 1000 )); then echo "  $app run $run: timed out after ${TIMEOUT}s" >&2; break; fi
    sleep 0.05
  done
  read -r b1 t1 < <(cpu_snapshot)
  local jticks; jticks=$(proc_ticks "$PID")
  local other_busy=$(( (b1 - b0 - jticks) * 100 / (t1 - t0 > 0 ? t1 - t0 : 1) ))
  (( other_busy < 0 )) && other_busy=0

  # Stop: SIGTERM (graceful), then SIGKILL after 30 s.
  kill -TERM "$PID" 2>/dev/null || true
  for _ in $(seq 300); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
  PID=""

  local started process
  started=$(sed -n 's/.* Started .* in \([0-9.]*\) seconds (process running for \([0-9.]*\)).*/\1/p' "$dir/log" | head -1)
  process=$(sed -n 's/.* Started .* in \([0-9.]*\) seconds (process running for \([0-9.]*\)).*/\2/p' "$dir/log" | head -1)
  if [[ -z "$ready" ]]; then FAILED=1; ready="failed"; fi
  local cpu_s; cpu_s=$(awk -v t="$jticks" -v hz="$HZ" 'BEGIN { printf "%.1f", t / hz }')
  LAST_OTHER=$other_busy
  ROWS+=("$app|$run|$ready|${started:-?}|${process:-?}|$cpu_s|$busy_before|$other_busy")
  printf '  %-9s run %d: ready %s ms, Spring "Started in" %s s, JVM CPU %s s, other load %s%%\n' \
    "$app" "$run" "$ready" "${started:-?}" "$cpu_s" "$other_busy" >&2
  rm -rf "$dir"
}

# --- run ---------------------------------------------------------------------------------------
# run_counted APP RUN: run_once, repeated (at most RETRIES times) while other load spoils it.
run_counted() {
  local try
  for ((try = 0; ; try++)); do
    run_once "$1" "$2"
    (( LAST_OTHER <= MAX_OTHER )) && return 0
    if (( try >= RETRIES )); then
      echo "  $1 run $2: other load stayed above $MAX_OTHER%; keeping this run" >&2; return 0
    fi
    # Mark the row just added as discarded: it stays in the table, not in the medians.
    local last=$(( ${#ROWS[@]} - 1 )) f
    IFS='|' read -r -a f <<<"${ROWS[$last]}"
    ROWS[$last]="${f[0]}|${f[1]} (discarded)|${f[2]}|${f[3]}|${f[4]}|${f[5]}|${f[6]}|${f[7]}"
    echo "  $1 run $2: other load ${LAST_OTHER}% > $MAX_OTHER%, discarded, repeating" >&2
  done
}

echo "Start-up benchmark: $RUNS cold starts per app, alternating apps" >&2
for ((i = 1; i <= RUNS; i++)); do
  # Alternate which app goes first, so a drift in machine load hits both alike.
  if (( i % 2 )); then run_counted entente "$i"; run_counted empty-app "$i"
  else run_counted empty-app "$i"; run_counted entente "$i"; fi
done

# --- report ------------------------------------------------------------------------------------
col() { # col APP FIELD -> the values of one column for one app (numbers only)
  local r
  for r in "${ROWS[@]}"; do
    IFS='|' read -r -a f <<<"$r"
    [[ ${f[0]} == "$1" && ${f[1]} =~ ^[0-9]+$ && ${f[$2]} =~ ^[0-9.]+$ ]] && echo "${f[$2]}"
  done
  return 0
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.2f", a / b; else print "n/a" }'; }

report() {
  echo "# Start-up benchmark ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "- Command: bash bench/startup.sh (RUNS=$RUNS, TIMEOUT=${TIMEOUT}s, QUIET_MAX=$QUIET_MAX%, MAX_OTHER=$MAX_OTHER%, JAVA_OPTS='${JAVA_OPTS:-}')"
  echo "- Built from: $COMMIT"
  echo "- Empty app: ${DEPS_CHECK}"
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), nproc $(nproc)"
  echo "- Memory: $(free -h | awk '/^Mem:/ { print $2 " total, " $7 " available" }')"
  echo "- Java: $("$JAVA" -version 2>&1 | head -1)"
  echo
  echo "Ready: ms from launching \`java -jar\` until the ready URL answers 200 (Entente: \`GET /\` showing"
  echo "\"$CHARTER_TITLE\"; empty app: \`GET /actuator/health\`). Started: Spring's \"Started ... in X seconds\"."
  echo "JVM CPU: CPU time the JVM used until ready. Other load: % of the machine used by other processes"
  echo "during the run (CPU busy % just before the start in brackets); runs above $MAX_OTHER% are discarded"
  echo "and repeated, and are left out of the medians."
  echo
  echo "| App | Run | Ready (ms) | Started (s) | Process running for (s) | JVM CPU (s) | Other load |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  local r
  for r in "${ROWS[@]}"; do
    IFS='|' read -r -a f <<<"$r"
    echo "| ${f[0]} | ${f[1]} | ${f[2]} | ${f[3]} | ${f[4]} | ${f[5]} | ${f[7]}% (${f[6]}%) |"
  done
  local er es ec mr ms mc
  er=$(col entente 2 | median); es=$(col entente 3 | median); ec=$(col entente 5 | median)
  mr=$(col empty-app 2 | median); ms=$(col empty-app 3 | median); mc=$(col empty-app 5 | median)
  echo
  echo "| Median of $RUNS | Ready (ms) | Started (s) | JVM CPU (s) |"
  echo "|---|---:|---:|---:|"
  echo "| Entente, default charter | $er | $es | $ec |"
  echo "| Empty app, same starters | $mr | $ms | $mc |"
  echo "| Ratio Entente / empty | $(ratio "$er" "$mr") | $(ratio "$es" "$ms") | $(ratio "$ec" "$mc") |"
  (( FAILED )) && echo && echo "WARNING: at least one start failed or timed out; its row is excluded from the medians."
  for r in "${ROWS[@]}"; do
    IFS='|' read -r -a f <<<"$r"
    if [[ ${f[1]} =~ ^[0-9]+$ ]] && (( f[7] > MAX_OTHER )); then
      echo; echo "WARNING: some counted runs had other load above $MAX_OTHER% (retries ran out); the medians are unreliable."
      break
    fi
  done
  return 0
}

mkdir -p "$ROOT/bench/results"
OUT="$ROOT/bench/results/startup-$(date '+%Y-%m-%d-%H%M%S').txt"
report | tee "$OUT"
echo >&2
echo "Written to ${OUT#"$ROOT"/}" >&2
exit "$FAILED"
