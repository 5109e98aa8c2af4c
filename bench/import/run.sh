#!/usr/bin/env bash
# CSV import benchmark on embedded PostgreSQL: a 50,000-row project file and a 50,000-row
# milestone file imported into one working group, each replayed, and the project file with one bad
# row near the end; wall time, rows/s and peak memory. See bench/import/README.md.
#
#   bash bench/import/run.sh
#
# Writes bench/results/import-<date>-<time>.txt (git-ignored) and prints the same. A few minutes
# on 2 CPUs, plus the build. Environment (all optional):
#   SKIP_BUILD=1        use target/classes and target/test-classes as they are (the classpath
#                       file from an earlier run is reused when present)
#   ROWS=50000          rows per file; PROJECTS=… MILESTONES=… set one file's rows (e.g.
#                       MILESTONES=1000000 for the 1,000,000-milestone import beside COPY)
#   PG=embedded         or PG=server: a running PostgreSQL (e.g. Debian's postgresql-15) reached
#                       with PGHOST PGPORT PGUSER PGPASSWORD (defaults 127.0.0.1 5432 entente
#                       entente; the role needs CREATEDB); the run makes its own database and drops
#                       it. PG CPU then counts the server's other clients too (PG_PIDFILE, default
#                       /var/run/postgresql/15-main.pid)
#   COPY=1              also time PostgreSQL COPY of the same rows, for reference (0: skip)
#   QUIET_MAX=20 QUIET_WAIT=60  before each measurement wait up to QUIET_WAIT s for the machine
#                       to be at most QUIET_MAX % busy
#   NOISY=15            flag measurements during which other processes used more than this %
#   JAVA=java JAVA_OPTS="-Xmx2g"
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JAVA=${JAVA:-java}
read -r -a JAVA_ARGS <<<"${JAVA_OPTS:--Xmx2g}"
STAMP=$(date +%Y-%m-%d-%H%M%S)
mkdir -p "$ROOT/bench/results"
OUT="$ROOT/bench/results/import-$STAMP.txt"
CPFILE="$ROOT/target/import-bench-classpath.txt"

# What is measured: recorded before building, since the tree may change during the benchmark.
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
if [[ -n "$(git -C "$ROOT" status --porcelain -- . ':!bench' 2>/dev/null)" ]]; then
  COMMIT="$COMMIT plus uncommitted changes outside bench/"
fi

if [[ "${SKIP_BUILD:-0}" != 1 || ! -f "$CPFILE" ]]; then
  echo "Compiling main and test classes, resolving the test classpath ..." >&2
  "$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" -DskipTests -Dspotless.check.skip=true \
    -Djacoco.skip=true test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$CPFILE"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/entente-import-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# Run copies, so that a rebuild elsewhere during the benchmark cannot change classes mid-run.
cp -r "$ROOT/target/classes" "$WORK/classes"
cp -r "$ROOT/target/test-classes" "$WORK/test-classes"

{
  echo "date: $(date)"
  echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)," \
    "$(free -h | awk '/^Mem:/ {print $2}') memory, $(uname -sr)"
  echo "java: $("$JAVA" -version 2>&1 | head -n 2 | tr '\n' ' ')"
  echo "commit: $COMMIT"
  echo "command: bash bench/import/run.sh"
  echo
} | tee "$OUT"

cd "$WORK"
# The generated CSV files go to $WORK/files, removed at the end.
mkdir -p "$WORK/files"
FILES_DIR="$WORK/files" "$JAVA" "${JAVA_ARGS[@]}" \
  -cp "$WORK/classes:$WORK/test-classes:$(cat "$CPFILE")" \
  "$ROOT/bench/import/ImportBench.java" 2>"$WORK/stderr.txt" | tee -a "$OUT" || {
  status=$?
  echo "The benchmark failed (exit $status); its error output:" >&2
  tail -n 60 "$WORK/stderr.txt" >&2
  exit "$status"
}
echo >&2
echo "Results: ${OUT#"$ROOT/"}" >&2
