#!/usr/bin/env bash
# Entente at whole-government scale, one command: every benchmark of issue 8 in one run on this
# machine, against a real PostgreSQL server (Debian's package) and Redmine 5 as the peer.
#
#   bash bench/run.sh
#
# Steps (each also runs on its own; see bench/README.md):
#   postgres    install, start and tune Debian's PostgreSQL; create the role (bench/lib/postgres.sh)
#   build       build target/entente.jar once (the steps below use it with SKIP_BUILD=1)
#   generate    a ministry's portfolio into PostgreSQL (bench/scale/generate.sh)
#   measure     Entente under wrk beside the same SQL run directly (bench/scale/measure.sh)
#   redmine     Redmine 5 installed, loaded with the equivalent data and measured the same way
#               (bench/redmine/)
#   import      CSV import of 1,000,000 milestones beside COPY (bench/import/run.sh)
#   durability  SIGKILL during write load, N cycles, and a pg_dump/pg_restore round trip
#               (bench/durability/run.sh)
#   cluster     two nodes behind nginx beside one node (bench/cluster/run.sh)
#   startup     start-up time beside an empty app (bench/startup.sh)
#
# Environment (all optional):
#   STEPS="postgres build generate measure redmine import durability cluster startup"
#   SCALE=full        full: 150 charters, 100,000 projects, 1,000,000 milestones, 2,000,000 audit
#                     events, in database entente_scale (target/bench-scale/fixture.env); small: a
#                     hundredth, for a quick look (minutes instead of an hour or more), in its own
#                     database entente_scale_small (target/bench-scale-small/fixture.env), so that a
#                     small run never drops the full data
#   DURATION=30       seconds of wrk per endpoint
#   LOAD_MINUTES=10 SOAK_MINUTES=30   the sustained load (errors) and the soak (heap, pool)
#   CYCLES=100        kill cycles of the durability step
# Each step writes its own bench/results/<name>-<stamp>.txt; this script prints where they are and
# writes bench/results/run-<stamp>.md, their concatenation, with the machine and the commit.
#
# Before and after a change (is any endpoint slower than at an older commit, beyond the noise of
# two runs of the same jar?): bash bench/compare.sh OLD_REVISION, see bench/README.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
STEPS=${STEPS:-postgres build generate measure redmine import durability cluster startup}
export SCALE=${SCALE:-full}
export DURATION=${DURATION:-30}
export LOAD_MINUTES=${LOAD_MINUTES:-10} SOAK_MINUTES=${SOAK_MINUTES:-30}
export CYCLES=${CYCLES:-100}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}
export PGUSER=${PGUSER:-entente} PGPASSWORD=${PGPASSWORD:-entente}
STAMP=$(date +%Y-%m-%d-%H%M%S)
mkdir -p bench/results
SUMMARY="bench/results/run-$STAMP.md"
MARK=$(mktemp)
trap 'rm -f "$MARK"' EXIT

{
  echo "# bench/run.sh, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)," \
    "$(free -h | awk '/^Mem:/ {print $2}') memory, $(uname -sr)"
  echo "- java: $(java -version 2>&1 | head -n 1)"
  echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git status --porcelain 2>/dev/null | grep -q . && echo ' (uncommitted changes)')"
  echo "- steps: $STEPS; SCALE=$SCALE DURATION=$DURATION LOAD_MINUTES=$LOAD_MINUTES SOAK_MINUTES=$SOAK_MINUTES CYCLES=$CYCLES"
  echo
} >"$SUMMARY"

has() { [[ " $STEPS " == *" $1 "* ]]; }
step() {
  local name=$1
  shift
  echo "==> [$(date -u +%H:%M:%S)] $name: $*" >&2
  local started=$SECONDS
  if "$@"; then
    echo "- $name: done in $((SECONDS - started)) s" >>"$SUMMARY"
  else
    echo "- $name: FAILED (exit $?) after $((SECONDS - started)) s" >>"$SUMMARY"
    FAILED="${FAILED:-} $name"
  fi
}

if [[ "$SCALE" == small ]]; then
  FIXTURE=${FIXTURE:-"$ROOT/target/bench-scale-small/fixture.env"}
  SCALE_DB=${DB:-entente_scale_small}
else
  FIXTURE=${FIXTURE:-"$ROOT/target/bench-scale/fixture.env"}
  SCALE_DB=${DB:-entente_scale}
fi

# Redmine and Entente side by side: Entente on the generated portfolio (as measure.sh starts it),
# then bench/redmine/measure.sh drives both with the same wrk settings in the same run.
redmine_beside_entente() {
  local port=18301 work pid code
  work=$(mktemp -d)
  cp target/entente.jar "$work/"
  # shellcheck disable=SC1090
  (source "$FIXTURE"
    cd "$work" && exec java -Xmx1g -jar entente.jar "--server.port=$port" --server.address=127.0.0.1 \
      "--spring.datasource.url=jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
      "--spring.datasource.username=$PGUSER" "--spring.datasource.password=$PGPASSWORD" \
      "--entente.operator-token=$TOKEN_OPERATOR" "--entente.definitions.folder=" \
      "--entente.reminders.scheduling=false") >"$work/app.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port/actuator/health" || true)
    [[ "$code" == 200 ]] && break
    kill -0 "$pid" 2>/dev/null || { tail -30 "$work/app.log" >&2; return 1; }
    sleep 0.5
  done
  local rc=0
  env FIXTURE="$FIXTURE" ENTENTE_URL="http://127.0.0.1:$port" bash bench/redmine/measure.sh || rc=$?
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  rm -rf "$work"
  return "$rc"
}
has postgres && step postgres bash bench/lib/postgres.sh
# with the classpath file generate.sh needs, so that it does not build again
has build && step build ./mvnw -q -B -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true package \
  dependency:build-classpath -Dmdep.outputFile="$ROOT/target/scale-classpath.txt"
export SKIP_BUILD=1
has generate && step generate env OUT_DIR="$(dirname "$FIXTURE")" DB="$SCALE_DB" bash bench/scale/generate.sh
has measure && step measure env FIXTURE="$FIXTURE" bash bench/scale/measure.sh
has redmine && step redmine-install bash bench/redmine/install.sh
has redmine && step redmine-load bash bench/redmine/load.sh
has redmine && step redmine-measure redmine_beside_entente
has import && step import env PG=server MILESTONES=1000000 bash bench/import/run.sh
has durability && step durability bash bench/durability/run.sh
has cluster && step cluster bash bench/cluster/run.sh
has startup && step startup env SKIP_BUILD=0 bash bench/startup.sh

{
  echo
  for f in $(find bench/results -maxdepth 1 -name '*.txt' -newer "$MARK" | sort); do
    echo "## $f"
    echo
    cat "$f"
    echo
  done
} >>"$SUMMARY"
echo "==> summary: $SUMMARY" >&2
if [ -n "${FAILED:-}" ]; then
  echo "==> failed steps:$FAILED" >&2
  exit 1
fi
