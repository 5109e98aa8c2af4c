#!/usr/bin/env bash
# Generates a whole ministry's portfolio into PostgreSQL for the scale benchmarks: 150 charters,
# 750 working groups, 100,000 projects, 1,000,000 milestones, 50,000 meetings, 2,000,000 audit
# events, with accounts, memberships and API tokens. See bench/scale/README.md ("Generator").
#
#   bash bench/scale/generate.sh                 # full size, database entente_scale
#   SCALE=small DB=entente_scale_small bash bench/scale/generate.sh   # 1/100, for quick runs
#
# Phases: (1) drop and create the database; (2) write the generated charters' definitions to
# OUT_DIR/definitions; (3) start the real application jar once on the empty database with that
# folder: Flyway makes the schema and the application loads every charter (the bundled az-us-2026
# and the generated ones) as it would in production, then it is stopped; (4) bench/scale/
# Generator.java adds the working records with COPY, continuing the application's audit hash
# chain, and writes OUT_DIR/fixture.env; (5) VACUUM ANALYZE and table sizes; (6) unless VERIFY=0,
# start the application again on the result and check that its pages and API answer and that it
# verifies the audit chain.
#
# Writes bench/results/scale-generate-<date>-<time>.txt (git-ignored) and prints the same.
# Environment (all optional):
#   SCALE=full|small    small is 1/100 of every count (at least 2 charters and 7 groups)
#   DB=entente_scale    the database: DROPPED and created again
#   OUT_DIR=target/bench-scale   definitions/, fixture.env, the application's logs and audit
#                       signing key (target/bench-scale-small when SCALE=small)
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=entente PGPASSWORD=entente   the server (role CREATEDB)
#   CHARTERS GROUPS PROJECTS MILESTONES MEETINGS AUDIT_EVENTS   override one count
#   SEED=8              the same seed gives the same records
#   PORT=18190          the port the application is started on in (3) and (6)
#   VERIFY=1            phase (6); 0 skips it. CHECK_TIMEOUT=120: seconds per request there (at
#                       full size the dashboard API takes minutes: a finding, not a hang)
#   SKIP_BUILD=1        use target/entente.jar and the classpath file as they are
#   JAVA=java JAVA_OPTS="-Xmx3g"   for the generator; APP_JAVA_OPTS="-Xmx1g" for the application
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JAVA=${JAVA:-java}
read -r -a JAVA_ARGS <<<"${JAVA_OPTS:--Xmx3g}"
read -r -a APP_ARGS <<<"${APP_JAVA_OPTS:--Xmx1g}"
export SCALE=${SCALE:-full}
export DB=${DB:-entente_scale}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-entente}
export PGPASSWORD=${PGPASSWORD:-entente}
if [[ "$SCALE" == small ]]; then
  OUT_DIR=${OUT_DIR:-$ROOT/target/bench-scale-small}
else
  OUT_DIR=${OUT_DIR:-$ROOT/target/bench-scale}
fi
PORT=${PORT:-18190}
VERIFY=${VERIFY:-1}
CHECK_TIMEOUT=${CHECK_TIMEOUT:-120}
CPFILE="$ROOT/target/scale-classpath.txt"
STAMP=$(date +%Y-%m-%d-%H%M%S)
mkdir -p "$ROOT/bench/results" "$OUT_DIR"
OUT_DIR=$(cd "$OUT_DIR" && pwd)
REPORT="$ROOT/bench/results/scale-generate-$STAMP.txt"

case "$SCALE" in full | small) ;; *) echo "SCALE must be full or small" >&2; exit 2 ;; esac
if [[ ! "$DB" =~ ^[a-z_][a-z0-9_]*$ ]]; then
  echo "DB must be a plain lower-case name" >&2
  exit 2
fi
if ! command -v psql >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql-client
fi

COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
if [[ -n "$(git -C "$ROOT" status --porcelain -- . ':!bench' 2>/dev/null)" ]]; then
  COMMIT="$COMMIT plus uncommitted changes outside bench/"
fi

if [[ "${SKIP_BUILD:-0}" != 1 || ! -f "$CPFILE" || ! -f "$ROOT/target/entente.jar" ]]; then
  echo "Building target/entente.jar and resolving the classpath ..." >&2
  "$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" -DskipTests -Dspotless.check.skip=true \
    -Djacoco.skip=true package dependency:build-classpath -Dmdep.outputFile="$CPFILE"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/entente-scale-gen.XXXXXX")
APP_PID=
cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
# Run copies, so that a rebuild elsewhere during the run cannot change the jar mid-run.
cp "$ROOT/target/entente.jar" "$WORK/entente.jar"
mkdir -p "$WORK/generator"
javac -proc:none -nowarn -d "$WORK/generator" -cp "$(cat "$CPFILE")" "$ROOT/bench/scale/Generator.java"
CP="$WORK/generator:$(cat "$CPFILE")"

psql_db() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

{
  echo "date: $(date)"
  echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)," \
    "$(free -h | awk '/^Mem:/ {print $2}') memory, $(uname -sr)"
  echo "java: $("$JAVA" -version 2>&1 | head -n 2 | tr '\n' ' ')"
  echo "postgresql: $(psql -X -tA -d postgres -c 'show server_version' 2>/dev/null || echo '?')" \
    "at $PGHOST:$PGPORT, database $DB"
  echo "commit: $COMMIT"
  echo "command: SCALE=$SCALE DB=$DB bash bench/scale/generate.sh"
  echo
} | tee "$REPORT"

PHASES=()
T_ALL=$(date +%s.%N)
phase_start() { T_PHASE=$(date +%s.%N); echo "== $1" | tee -a "$REPORT"; }
phase_end() {
  local s
  s=$(echo "$(date +%s.%N) - $T_PHASE" | bc)
  PHASES+=("| $1 | $(printf '%.1f' "$s") |")
}

# Starts the application on the database; waits until it has loaded every definition.
start_app() {
  local log=$1
  shift
  (cd "$WORK" && exec "$JAVA" "${APP_ARGS[@]}" -jar "$WORK/entente.jar" \
    --server.port="$PORT" \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
    --spring.datasource.username="$PGUSER" --spring.datasource.password="$PGPASSWORD" \
    --entente.definitions.folder="$OUT_DIR/definitions" \
    --entente.audit.signing-key-file="$OUT_DIR/audit-signing.key" \
    --entente.reminders.scheduling=false \
    --entente.security.secure-cookie=false \
    "$@" >"$log" 2>&1) &
  APP_PID=$!
  local waited=0
  # The definitions are loaded by an ApplicationRunner after Tomcat answers: wait for its log lines.
  # The indicators module then loads the bundled charter's reference indicators, on the first
  # start only: wait for that too (on later starts it logs the same line with 0 created).
  until [[ $(grep -c "Charter definition .* loaded as" "$log" 2>/dev/null || true) -ge $CHARTERS_EXPECTED ]] \
    && grep -q "Reference indicators" "$log"; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "The application stopped; its log ($log):" >&2
      tail -n 40 "$log" >&2
      exit 1
    fi
    if grep -q "refused" "$log"; then
      echo "A charter definition was refused; see $log" >&2
      grep -A5 "refused" "$log" | head -n 30 >&2
      exit 1
    fi
    sleep 1
    waited=$((waited + 1))
    if ((waited > 900)); then
      echo "The application did not load its definitions within 900 s; see $log" >&2
      exit 1
    fi
  done
}

stop_app() {
  kill "$APP_PID"
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=
}

# 1. The database.
phase_start "drop and create database $DB"
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "drop database if exists $DB with (force)"
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "create database $DB"
# The application's signed checkpoint of the old database's audit chain: the new chain would not
# match it ("history was rewritten") when the data is generated again into the same OUT_DIR.
rm -f "$OUT_DIR/audit-signing-checkpoint.json"
phase_end "drop and create the database"

# 2. The charters' definitions.
phase_start "write the generated charters' definitions"
"$JAVA" "${JAVA_ARGS[@]}" -cp "$CP" Generator definitions "$OUT_DIR" \
  | tee -a "$REPORT"
CHARTERS_EXPECTED=$(($(find "$OUT_DIR/definitions" -name '*.yaml' | wc -l) + 1))
phase_end "write definitions"

# 3. Schema and charters, by the application itself.
phase_start "start the application on the empty database: Flyway and the definitions"
start_app "$OUT_DIR/app-load.log"
echo "loaded $CHARTERS_EXPECTED charters; stopping the application" | tee -a "$REPORT"
stop_app
phase_end "schema (Flyway) and charters (application start)"

# 4. The working records.
phase_start "generate the working records (COPY)"
"$JAVA" "${JAVA_ARGS[@]}" -cp "$CP" Generator load "$OUT_DIR" \
  | tee -a "$REPORT"
phase_end "working records (COPY, keys and indexes)"

# 5. Statistics, visibility map, sizes.
phase_start "vacuum analyze"
psql_db -c "set client_min_messages = error" -c "vacuum (analyze)"
phase_end "vacuum analyze"
{
  echo
  echo "| table | rows | table size | with indexes |"
  echo "| --- | ---: | ---: | ---: |"
  psql_db -tA -F ' | ' -c "select c.relname, to_char(c.reltuples::bigint, 'FM999,999,999'),
      pg_size_pretty(pg_table_size(c.oid)), pg_size_pretty(pg_total_relation_size(c.oid))
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r' and c.reltuples > 0
    order by pg_total_relation_size(c.oid) desc" | sed 's/^/| /; s/$/ |/'
  echo
  echo "database size: $(psql_db -tA -c "select pg_size_pretty(pg_database_size('$DB'))")"
} | tee -a "$REPORT"

# 6. The application on the generated data.
# shellcheck disable=SC1091
source "$OUT_DIR/fixture.env"
if [[ "$VERIFY" == 1 ]]; then
  phase_start "start the application on the generated data and check it"
  export ENTENTE_OPERATOR_TOKEN="$TOKEN_OPERATOR"
  start_app "$OUT_DIR/app-verify.log" 2>&1
  phase_end "application start on the generated data"
  # a second start is not expected to load anything again
  reloaded=$(grep "loaded as" "$OUT_DIR/app-verify.log" | grep -vc ": unchanged" || true)
  fail=0
  check() {
    local what=$1 url=$2 token=${3:-}
    local args=(-s --max-time "$CHECK_TIMEOUT" -o "$WORK/body" -w '%{http_code} %{time_total}'
      "http://127.0.0.1:$PORT$url")
    [[ -n "$token" ]] && args+=(-H "Authorization: Bearer $token")
    local result
    result=$(curl "${args[@]}")
    printf '| %s | `%s` | %s | %s s |\n' "$what" "$url" "${result% *}" "${result#* }"
    [[ "${result% *}" == 200 ]] || fail=1
  }
  {
    echo
    echo "charters reloaded at the second start (should be 0): $reloaded"
    echo
    echo "| check | URL | status | time |"
    echo "| --- | --- | ---: | ---: |"
    check "portal" "/public"
    check "charter page" "/charters/$CHARTER_KEY"
    check "commitment page" "/charters/$CHARTER_KEY/commitments/$COMMITMENT_KEY"
    check "deadlines page" "/charters/$CHARTER_KEY/deadlines"
    check "charters API" "/api/charters" "$TOKEN_US"
    check "working groups API" "/api/charters/$CHARTER_KEY/working-groups" "$TOKEN_US"
    check "projects API (U.S. co-chair)" \
      "/api/charters/$CHARTER_KEY/working-groups/$GROUP_KEY/projects" "$TOKEN_US"
    check "roadmap API (Azerbaijani member)" \
      "/api/charters/$CHARTER_KEY/working-groups/$GROUP_KEY/roadmap" "$TOKEN_AZ"
    check "project API" "/api/projects/$PROJECT_ID" "$TOKEN_US"
    check "meetings API" "/api/charters/$CHARTER_KEY/meetings" "$TOKEN_AZ"
    check "obligations API" "/api/charters/$CHARTER_KEY/obligations" "$TOKEN_AZ"
    check "search API" "/api/charters/$CHARTER_KEY/search?q=$SEARCH_TERM" "$TOKEN_US"
    check "dashboard API" "/api/dashboard/$CHARTER_KEY" "$TOKEN_US"
    check "audit events API" "/api/audit/events" "$TOKEN_OPERATOR"
    CHECK_TIMEOUT=600 check "audit verification API" "/api/audit/verification" "$TOKEN_OPERATOR"
    echo
    echo "audit verification: $(cat "$WORK/body")"
  } | tee -a "$REPORT"
  if ! grep -q '"intact":true' "$WORK/body"; then
    echo "THE AUDIT CHAIN DOES NOT VERIFY" | tee -a "$REPORT"
    fail=1
  fi
  stop_app
fi

{
  echo
  echo "| phase | seconds |"
  echo "| --- | ---: |"
  printf '%s\n' "${PHASES[@]}"
  echo "| total | $(printf '%.1f' "$(echo "$(date +%s.%N) - $T_ALL" | bc)") |"
  echo
  echo "fixture: $OUT_DIR/fixture.env"
} | tee -a "$REPORT"
echo "Results: ${REPORT#"$ROOT/"}" >&2
exit "${fail:-0}"
