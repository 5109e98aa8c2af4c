#!/usr/bin/env bash
# Nothing lost: Entente on a PostgreSQL server, written to through its API by several threads and
# killed with SIGKILL at a random moment, CYCLES times; after each restart every acknowledged write
# must be there as acknowledged, no aggregate half-written, the audit trail and the records in
# agreement and the chain verifying. Then pg_dump (custom format) and pg_restore into a new
# database, which must hold the same rows (count and MD5 per table) and a verifying chain.
# See bench/durability/README.md.
#
#   bash bench/durability/run.sh
#
# Writes bench/results/durability-<date>-<time>.txt (git-ignored) and prints the same. About 40
# minutes at full size on 2 CPUs (each cycle is a start of the application), plus the build.
# Environment (all optional):
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=entente PGPASSWORD=entente  the server and a role that
#                       may create databases
#   DB=entente_kill RESTORE_DB=entente_restore  the databases (dropped and made anew)
#   CYCLES=100          kill cycles
#   MAX_MINUTES=<n>     start no cycle after this many minutes (then the backup round trip runs
#                       on what was written, and the report says how many cycles ran)
#   WRITERS=4           writer threads, each with its own account
#   LOAD_MIN_MS=2000 LOAD_MAX_MS=8000  the load runs a random time between these before the kill
#   SEED=<n>            the random seed (kill moments, the mix of writes); printed in the report
#   PORT=18401          the application's port on 127.0.0.1
#   SKIP_BUILD=1        use target/entente.jar and the classes as they are
#   APP_JAVA_OPTS="..." the application's JVM options (default: fast start, C1 only, -Xmx512m)
#   JAVA=java JAVA_OPTS="-Xmx512m"  the driver's
#   ENTENTE_PG_BIN=/usr/bin  where pg_dump and pg_restore are
set -euo pipefail
# One brace group, read whole before it runs: editing this file during a run cannot change the run.
{

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JAVA=${JAVA:-java}
read -r -a JAVA_ARGS <<<"${JAVA_OPTS:--Xmx512m}"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-entente} PGPASSWORD=${PGPASSWORD:-entente}
CYCLES=${CYCLES:-100}
STAMP=$(date +%Y-%m-%d-%H%M%S)
mkdir -p "$ROOT/bench/results"
OUT="$ROOT/bench/results/durability-$STAMP.txt"
CPFILE="$ROOT/target/durability-bench-classpath.txt"

# pg_dump and pg_restore for the backup round trip.
if ! command -v pg_dump >/dev/null || ! command -v pg_restore >/dev/null; then
  echo "Installing postgresql-client from Debian ..." >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends postgresql-client
fi

COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
if [[ -n "$(git -C "$ROOT" status --porcelain -- . ':!bench' 2>/dev/null)" ]]; then
  COMMIT="$COMMIT plus uncommitted changes outside bench/"
fi

if [[ "${SKIP_BUILD:-0}" != 1 || ! -f "$CPFILE" || ! -f "$ROOT/target/entente.jar" ]]; then
  echo "Building target/entente.jar and the test classes, resolving the test classpath ..." >&2
  "$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" -DskipTests -Dspotless.check.skip=true \
    -Djacoco.skip=true package dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$CPFILE"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/entente-durability.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# Run copies, so that a rebuild elsewhere during the run cannot change them mid-run.
cp "$ROOT/target/entente.jar" "$WORK/entente.jar"
cp -r "$ROOT/target/classes" "$WORK/classes"
cp -r "$ROOT/target/test-classes" "$WORK/test-classes"

{
  echo "date: $(date)"
  echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)," \
    "$(free -h | awk '/^Mem:/ {print $2}') memory, $(uname -sr)"
  echo "java: $("$JAVA" -version 2>&1 | head -n 2 | tr '\n' ' ')"
  echo "pg_dump: $(pg_dump --version)"
  echo "commit: $COMMIT"
  echo "command: CYCLES=$CYCLES${MAX_MINUTES:+ MAX_MINUTES=$MAX_MINUTES} bash bench/durability/run.sh"
  echo "load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
} | tee "$OUT"

PROPS=(
  -Djar="$WORK/entente.jar"
  -Dwork="$WORK/run"
  -Ddb="${DB:-entente_kill}"
  -DrestoreDb="${RESTORE_DB:-entente_restore}"
  -Dcycles="$CYCLES"
  -Dwriters="${WRITERS:-4}"
  -DloadMinMs="${LOAD_MIN_MS:-2000}"
  -DloadMaxMs="${LOAD_MAX_MS:-8000}"
  -DappPort="${PORT:-18401}"
)
if [[ -n "${SEED:-}" ]]; then PROPS+=(-Dseed="$SEED"); fi
if [[ -n "${MAX_MINUTES:-}" ]]; then PROPS+=(-DmaxMinutes="$MAX_MINUTES"); fi
if [[ -n "${APP_JAVA_OPTS:-}" ]]; then PROPS+=(-DappJavaOpts="$APP_JAVA_OPTS"); fi

status=0
"$JAVA" "${JAVA_ARGS[@]}" "${PROPS[@]}" \
  -cp "$WORK/classes:$WORK/test-classes:$(cat "$CPFILE")" \
  org.entente.durability.DurabilityBench 2> >(tee "$WORK/progress.txt" >&2) | tee -a "$OUT" || status=$?
if [[ $status -ne 0 ]]; then
  echo "The run failed or found a problem (exit $status); the application's log:" >&2
  tail -n 40 "$WORK/run/app.log" >&2 || true
  mkdir -p "$ROOT/bench/results/durability-$STAMP"
  cp -r "$WORK/run/app.log" "$WORK/progress.txt" "$ROOT/bench/results/durability-$STAMP/" 2>/dev/null || true
fi
echo "time: $SECONDS s in all" | tee -a "$OUT"
echo >&2
echo "Results: ${OUT#"$ROOT/"}" >&2
exit "$status"
}
