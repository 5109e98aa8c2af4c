#!/usr/bin/env bash
# Whole-government scale: Entente on PostgreSQL under wrk, each endpoint beside the same SQL run
# directly with pgbench (the limit), plus start-up, resident memory and, on request, sustained load
# and a soak. See bench/scale/README.md, section "Measure".
#
#   FIXTURE=target/bench-scale/fixture.env bash bench/scale/measure.sh
#
# The fixture (written by bench/scale/generate.sh) names the database and the records to ask for:
# DB, TOKEN_OPERATOR, TOKEN_US, TOKEN_AZ, CHARTER_KEY, GROUP_KEY, COMMITMENT_KEY, PROJECT_ID,
# SEARCH_TERM.
#
# Environment (all optional):
#   FIXTURE=target/bench-scale/fixture.env
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=entente PGPASSWORD=entente   the PostgreSQL server
#   SKIP_BUILD=1        use target/entente.jar as it is
#   JAR=path            measure this jar instead (nothing is built); JAR_LABEL="..." says in the
#                       report what it was built from (bench/compare.sh passes both)
#   PORT=18181          Entente's port (loopback only)
#   DURATION=30         seconds of wrk (and of pgbench) per endpoint
#   WARMUP=5            seconds of unrecorded wrk per endpoint before it is measured
#   CONNECTIONS=8 THREADS=2   wrk's -c and -t; pgbench gets -c CONNECTIONS -j THREADS
#   ENDPOINTS=""        space-separated names to measure (default: all; see the list below)
#   SQL=1               0: skip the raw-SQL limit (and the statement counts)
#   PGBENCH=1           0: capture and count each endpoint's statements, but do not run them under
#                       pgbench (halves the time; the SQL tx/s, p50, p99 and ratio columns say n/a)
#   REPORT=path         where the report goes (default bench/results/scale-<stamp>.txt; the
#                       statements go beside it, in <report without .txt>-sql/)
#   LOAD_MINUTES=0      > 0: that many minutes of mixed load over all endpoints, errors counted
#   SOAK_MINUTES=0      > 0: that many minutes of mixed load, heap after GC and connection pool
#                       sampled every SAMPLE_SECONDS=15 into a CSV, verdict flat or not
#   QUIET_MAX=30 QUIET_WAIT=120   wait (bounded) for a quieter machine before measuring
#   JAVA=java JAVA_OPTS="-Xmx1g"  the JVM and its options
#
# Default run (DURATION=30, 9 endpoints, no sustained modes): build ~2 min, start ~1 min, then per
# endpoint 5 s warm-up + 30 s wrk + 30 s pgbench: about 13 minutes in all.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$ROOT/bench/scale"
FIXTURE=${FIXTURE:-$ROOT/target/bench-scale/fixture.env}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-entente}
export PGPASSWORD=${PGPASSWORD:-entente}
PORT=${PORT:-18181}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
SQL=${SQL:-1}
PGBENCH=${PGBENCH:-1}
LOAD_MINUTES=${LOAD_MINUTES:-0}
SOAK_MINUTES=${SOAK_MINUTES:-0}
SAMPLE_SECONDS=${SAMPLE_SECONDS:-15}
QUIET_MAX=${QUIET_MAX:-30}
QUIET_WAIT=${QUIET_WAIT:-120}
JAVA=${JAVA:-java}
read -r -a JAVA_ARGS <<<"${JAVA_OPTS:--Xmx1g}"
TIMEOUT=${TIMEOUT:-300}

[[ -f "$FIXTURE" ]] || { echo "No fixture at $FIXTURE: run bench/scale/generate.sh first (or set FIXTURE)" >&2; exit 2; }
# shellcheck disable=SC1090
source "$FIXTURE"
# generate.sh names the commitment COMMITMENT_KEY; COMMITMENT is the older name
COMMITMENT=${COMMITMENT:-${COMMITMENT_KEY:-}}
for v in DB TOKEN_OPERATOR TOKEN_US CHARTER_KEY GROUP_KEY COMMITMENT PROJECT_ID SEARCH_TERM; do
  [[ -n "${!v:-}" ]] || { echo "The fixture $FIXTURE does not set $v" >&2; exit 2; }
done
# The operator token is the deployment's: Entente is started with the fixture's.
(( ${#TOKEN_OPERATOR} >= 32 )) || { echo "TOKEN_OPERATOR must have 32+ characters" >&2; exit 2; }

# --- tools -------------------------------------------------------------------------------------
need_pkg() { # need_pkg COMMAND PACKAGE: installs the Debian package when the command is missing
  command -v "$1" >/dev/null && return
  echo "Installing $2 ..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$2" >/dev/null \
    || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$2" >/dev/null; }
}
need_pkg curl curl
need_pkg wrk wrk
need_pkg psql postgresql-client
[[ "$SQL" == 1 && "$PGBENCH" == 1 ]] && need_pkg pgbench postgresql-contrib
psql -X -q -d "$DB" -c 'select 1' >/dev/null || { echo "Cannot connect to database $DB as $PGUSER@$PGHOST:$PGPORT" >&2; exit 2; }

COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
if [[ -n "$(git -C "$ROOT" status --porcelain -- . ':!bench' 2>/dev/null)" ]]; then
  COMMIT="$COMMIT plus uncommitted changes outside bench/"
fi
if [[ -n "${JAR:-}" ]]; then
  COMMIT="${JAR_LABEL:-$JAR} (JAR=$JAR; the scripts from $COMMIT)"
  SKIP_BUILD=1
else
  JAR="$ROOT/target/entente.jar"
  [[ "${SKIP_BUILD:-0}" == 1 ]] && COMMIT="jar already built (SKIP_BUILD=1; HEAD is $COMMIT)"
fi

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "Building target/entente.jar ..."
  "$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" package -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true
fi
[[ -f "$JAR" ]] || { echo "Missing $JAR (run without SKIP_BUILD=1)" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/entente-scale.XXXXXX")
cp "$JAR" "$WORK/entente.jar"
PID=""
LOADPID=""
cleanup() {
  # a load left running (the script stopped during the soak) would go on hammering the port
  if [[ -n "$LOADPID" ]]; then pkill -P "$LOADPID" 2>/dev/null || true; kill "$LOADPID" 2>/dev/null || true; fi
  if [[ -n "$PID" ]] && kill -0 "$PID" 2>/dev/null; then
    kill "$PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$PID" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$PID" 2>/dev/null || true
  fi
  [[ "${KEEP_WORK:-0}" == 1 ]] || rm -rf "$WORK"
}
trap cleanup EXIT

# --- helpers -----------------------------------------------------------------------------------
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
cpu_snapshot() {
  awk '/^cpu / { idle = $5 + $6; total = 0; for (i = 2; i <= 9; i++) total += $i;
                 print total - idle, total; exit }' /proc/stat
}
cpu_busy_pct() {
  local b1 t1 b2 t2
  read -r b1 t1 < <(cpu_snapshot); sleep 1; read -r b2 t2 < <(cpu_snapshot)
  echo $(( (b2 - b1) * 100 / (t2 - t1 > 0 ? t2 - t1 : 1) ))
}
wait_for_quiet() { # prints the last busy % (bounded wait; the app itself is idle by then)
  local waited=0 busy
  busy=$(cpu_busy_pct)
  while (( busy > QUIET_MAX && waited < QUIET_WAIT )); do sleep 2; waited=$((waited + 3)); busy=$(cpu_busy_pct); done
  echo "$busy"
}
rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
hwm_mb() { awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
ms() { awk -v us="$1" 'BEGIN { printf "%.2f", us / 1000 }'; }
field() { sed -n "s/.* $1=\\([^ ]*\\).*/\\1/p" <<<" $2"; }

token_of() { case $1 in us) echo "$TOKEN_US" ;; az) echo "${TOKEN_AZ:-$TOKEN_US}" ;; op) echo "$TOKEN_OPERATOR" ;; *) echo - ;; esac; }
urlenc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1" 2>/dev/null || printf '%s' "$1" | sed 's/ /%20/g'; }

# --- the endpoints -----------------------------------------------------------------------------
# name | path | who (none: anonymous, us/az: a US/AZ member's read token, op: operator token)
#      | SQL file under endpoints/ (its pgbench variables: see sql_vars) | kind (for the targets)
Q=$(urlenc "$SEARCH_TERM")
TODAY=$(date -u +%F)
ENDPOINT_LIST=(
  "portal-overview|/public/charters/$CHARTER_KEY|none|portal-overview.sql|portal"
  "commitment-page|/charters/$CHARTER_KEY/commitments/$COMMITMENT|none|commitment-page.sql|page"
  "projects-page|/api/charters/$CHARTER_KEY/working-groups/$GROUP_KEY/projects?page=1&size=20|us|projects-page.sql|list"
  "audit-page|/api/audit/events?page=10&size=50|op|audit-page.sql|list"
  "commitments-filtered|/api/charters/$CHARTER_KEY/commitments?workingGroup=$GROUP_KEY&page=0&size=20|us|commitments-filtered.sql|list"
  "audit-filtered|/api/audit/events?recordType=project&recordId=$PROJECT_ID&page=0&size=20|op|audit-filtered.sql|list"
  "deadlines|/api/charters/$CHARTER_KEY/obligations?status=overdue&page=0&size=20|us|deadlines.sql|other"
  "dashboard|/api/dashboard/$CHARTER_KEY|us|dashboard.sql|other"
  "search|/api/charters/$CHARTER_KEY/search?q=$Q&page=0&size=20|us|search.sql|other"
)
SELECTED=${ENDPOINTS:-}
selected() { [[ -z "$SELECTED" ]] || [[ " $SELECTED " == *" $1 "* ]]; }

# --- start Entente -----------------------------------------------------------------------------
if port_in_use "$PORT"; then echo "Port $PORT is already in use" >&2; exit 2; fi
READY_URL="http://127.0.0.1:$PORT/public/charters/$CHARTER_KEY"
BUSY_BEFORE=$(wait_for_quiet)
echo "Starting Entente on $DB (port $PORT; machine $BUSY_BEFORE% busy) ..."
START=$(now_ms)
(cd "$WORK" && exec "$JAVA" "${JAVA_ARGS[@]}" "-Xlog:gc:file=$WORK/gc.log:uptime" -jar "$WORK/entente.jar" \
  "--server.port=$PORT" "--server.address=127.0.0.1" \
  "--spring.datasource.url=jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
  "--spring.datasource.username=$PGUSER" "--spring.datasource.password=$PGPASSWORD" \
  "--entente.operator-token=$TOKEN_OPERATOR" "--entente.definitions.folder=" \
  "--entente.reminders.scheduling=false" \
  "--logging.level.com.zaxxer.hikari.pool.HikariPool=DEBUG") >"$WORK/app.log" 2>&1 &
PID=$!
READY_MS=""
while :; do
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$READY_URL" 2>/dev/null || true)
  if [[ "$code" == 200 ]]; then READY_MS=$(( $(now_ms) - START )); break; fi
  if ! kill -0 "$PID" 2>/dev/null; then echo "Entente exited; its log:" >&2; tail -30 "$WORK/app.log" >&2; exit 1; fi
  if (( $(now_ms) - START > TIMEOUT * 1000 )); then echo "Entente not ready after ${TIMEOUT}s; log:" >&2; tail -30 "$WORK/app.log" >&2; exit 1; fi
  sleep 0.1
done
STARTED_S=$(sed -n 's/.*Started EntenteApplication in \([0-9.]*\) seconds.*/\1/p' "$WORK/app.log" | head -1)
sleep 5
RSS_IDLE=$(rss_mb "$PID")
echo "Ready in ${READY_MS} ms (Spring: started in ${STARTED_S:-?} s); RSS idle ${RSS_IDLE} MB"

# Every endpoint must answer 200 before it is measured: a 4xx measured fast is no measurement.
for e in "${ENDPOINT_LIST[@]}"; do
  IFS='|' read -r name path who _ _ <<<"$e"
  selected "$name" || continue
  tok=$(token_of "$who"); hdr=()
  [[ "$tok" != - ]] && hdr=(-H "Authorization: Bearer $tok")
  code=$(curl -s -o "$WORK/check-$name" -w '%{http_code}' --max-time 60 "${hdr[@]}" "http://127.0.0.1:$PORT$path" || true)
  if [[ "$code" != 200 ]]; then
    echo "  $name: GET $path answered $code, not 200:" >&2; head -c 400 "$WORK/check-$name" >&2; echo >&2
    exit 1
  fi
done

# --- the SQL limit: capturing what each endpoint runs ------------------------------------------
# The statements one request runs are read from PostgreSQL's own log: the database gets
# log_min_duration_statement = 0 (a superuser setting: as PGSUPERUSER, or as the postgres account
# when this script runs as root next to the server), Entente's connections are closed so that the
# pool opens new ones with the setting, one request is made, and endpoints/log2sql.py turns the
# lines logged for the database meanwhile into a pgbench script. Then the setting is reset and the
# connections closed again. The scripts are kept in the report's folder (scale-<stamp>-sql/).
as_superuser() { # as_superuser SQL
  if [[ -n "${PGSUPERUSER:-}" ]]; then psql -X -q -At -U "$PGSUPERUSER" -d "$DB" -c "$1"
  elif [[ $(id -u) == 0 ]] && id postgres >/dev/null 2>&1; then su postgres -c "env -u PGHOST -u PGUSER -u PGPASSWORD psql -X -q -At -p $PGPORT -d $DB -c \"$1\""
  else return 1; fi
}
server_log() {
  [[ -n "${PG_LOG:-}" ]] && { echo "$PG_LOG"; return; }
  command -v pg_lsclusters >/dev/null && pg_lsclusters -h 2>/dev/null | awk -v p="$PGPORT" '$3 == p { print $7; exit }'
}
close_pool() { psql -X -q -At -d "$DB" -c "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = current_database() and application_name = 'PostgreSQL JDBC Driver'" >/dev/null 2>&1 || as_superuser "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = current_database() and application_name = 'PostgreSQL JDBC Driver'" >/dev/null || true; sleep 1; }

capture_sql() { # capture_sql NAME URL TOKEN OUTFILE
  local log=$1 hdr=() before
  log=$(server_log)
  [[ "$3" != - ]] && hdr=(-H "Authorization: Bearer $3")
  for _ in 1 2 3; do curl -s -o /dev/null --max-time 120 "${hdr[@]}" "$2" || true; done # warm, and past closed connections
  # Wait (at most 120 s) until none of Entente's connections is busy: requests wrk left queued
  # when it stopped would otherwise be logged in the middle of this one.
  for _ in $(seq 1 120); do
    [[ $(psql -X -At -d "$DB" -c "select count(*) from pg_stat_activity where datname = current_database() and application_name = 'PostgreSQL JDBC Driver' and state <> 'idle'") == 0 ]] && break
    sleep 1
  done
  sleep 0.5; before=$(wc -l <"$log")
  curl -s -o /dev/null --max-time 120 "${hdr[@]}" "$2" || true
  sleep 1
  tail -n +"$((before + 1))" "$log" | python3 "$HERE/endpoints/log2sql.py" "$DB" >"$4"
}

run_pgbench() { # run_pgbench FILE: prints "tps p50_ms p99_ms failed" over DURATION seconds
  local file=$1
  rm -f "$WORK"/pgbench_log.*
  (cd "$WORK" && pgbench -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" --log \
    --log-prefix=pgbench_log -f "$file" "$DB") >"$WORK/pgbench.out" 2>&1 || true
  local tps failed
  grep -q 'aborted in command' "$WORK/pgbench.out" && { echo "n/a n/a n/a aborted"; grep -m3 'ERROR' "$WORK/pgbench.out" >&2; return; }
  tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgbench.out" | head -1)
  failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$WORK/pgbench.out" | head -1)
  if [[ -z "$tps" ]]; then echo "n/a n/a n/a err"; sed -n 1,20p "$WORK/pgbench.out" >&2; return; fi
  # per-transaction log: client_id transaction_no time(us) script_no time_epoch time_us
  cat "$WORK"/pgbench_log.* 2>/dev/null | awk '{ print $3 }' | sort -n | awk -v tps="$tps" -v f="${failed:-0}" \
    '{ v[NR] = $1 } END { if (NR == 0) { print tps, "n/a", "n/a", f; exit }
       p50 = v[int((NR - 1) * 0.50) + 1]; p99 = v[int((NR - 1) * 0.99) + 1];
       printf "%.1f %.2f %.2f %s\n", tps, p50 / 1000, p99 / 1000, f }'
}

run_wrk() { # run_wrk SECONDS URL TOKEN: prints the RESULT line of count-errors.lua
  local hdr=()
  [[ "$3" != - ]] && hdr=(-H "Authorization: Bearer $3")
  wrk -t "$THREADS" -c "$CONNECTIONS" -d "${1}s" --timeout 10s --latency "${hdr[@]}" \
    -s "$HERE/endpoints/count-errors.lua" "$2" >"$WORK/wrk.out" 2>&1 || true
  grep '^RESULT' "$WORK/wrk.out" || { echo "RESULT requests=0 responses=0 non2xx=0 socket_errors=1 seconds=0 p50_us=0 p90_us=0 p99_us=0 max_us=0"; cat "$WORK/wrk.out" >&2; }
}

# --- per endpoint: Entente under wrk -----------------------------------------------------------
declare -A WRK_RESULT SQL_RESULT
ERRORS_TOTAL=0
for e in "${ENDPOINT_LIST[@]}"; do
  IFS='|' read -r name path who _ _ <<<"$e"
  selected "$name" || continue
  url="http://127.0.0.1:$PORT$path"; tok=$(token_of "$who")
  busy=$(wait_for_quiet)
  echo "[$name] GET $path (machine $busy% busy before)"
  (( WARMUP > 0 )) && run_wrk "$WARMUP" "$url" "$tok" >/dev/null
  WRK_RESULT[$name]=$(run_wrk "$DURATION" "$url" "$tok")
  r=${WRK_RESULT[$name]}
  echo "  Entente: $(field requests "$r") requests, p50 $(ms "$(field p50_us "$r")") ms, p99 $(ms "$(field p99_us "$r")") ms, non-2xx $(field non2xx "$r"), socket errors $(field socket_errors "$r")"
done
RSS_LOADED=$(rss_mb "$PID"); RSS_PEAK=$(hwm_mb "$PID")

# --- per endpoint: the same SQL under pgbench --------------------------------------------------
SQL_DIR=""
SQL_NOTE=""
if [[ "$SQL" == 1 ]]; then
  LOGFILE=$(server_log || true)
  if [[ -z "$LOGFILE" || ! -r "$LOGFILE" ]]; then
    SQL_NOTE="SQL limit not measured: PostgreSQL's log file is not readable here (set PG_LOG)"
  elif ! as_superuser "alter database $DB set log_min_duration_statement = 0" >/dev/null 2>&1; then
    SQL_NOTE="SQL limit not measured: no superuser to set log_min_duration_statement (set PGSUPERUSER)"
  else
    SQL_DIR="$WORK/sql"; mkdir -p "$SQL_DIR"
    close_pool
    for e in "${ENDPOINT_LIST[@]}"; do
      IFS='|' read -r name path who _ _ <<<"$e"
      selected "$name" || continue
      capture_sql "$name" "http://127.0.0.1:$PORT$path" "$(token_of "$who")" "$SQL_DIR/$name.sql"
      echo "[$name] captured $(grep -c . "$SQL_DIR/$name.sql" || true) statements"
    done
    as_superuser "alter database $DB reset log_min_duration_statement" >/dev/null
    close_pool
    for e in "${ENDPOINT_LIST[@]}"; do
      IFS='|' read -r name _ _ _ _ <<<"$e"
      selected "$name" || continue
      [[ -s "$SQL_DIR/$name.sql" && "$PGBENCH" == 1 ]] || continue
      busy=$(wait_for_quiet)
      s_tps=n/a s_p50=n/a s_p99=n/a s_failed=err
      read -r s_tps s_p50 s_p99 s_failed < <(run_pgbench "$SQL_DIR/$name.sql") || true
      [[ "${s_failed:-0}" != 0 && "$s_failed" != err ]] && s_p50=n/a # aborted clients: no limit
      SQL_RESULT[$name]="$s_tps $s_p50 $s_p99 $s_failed"
      echo "[$name] SQL: $s_tps tx/s, p50 $s_p50 ms, p99 $s_p99 ms (failed: $s_failed; machine $busy% busy before)"
    done
  fi
  [[ -n "$SQL_NOTE" ]] && echo "$SQL_NOTE" >&2
fi

# --- rows and targets --------------------------------------------------------------------------
ROWS=()
for e in "${ENDPOINT_LIST[@]}"; do
  IFS='|' read -r name path _ _ kind <<<"$e"
  selected "$name" || continue
  r=${WRK_RESULT[$name]}
  req=$(field requests "$r"); non2xx=$(field non2xx "$r"); sock=$(field socket_errors "$r")
  secs=$(field seconds "$r"); p50=$(ms "$(field p50_us "$r")"); p99=$(ms "$(field p99_us "$r")")
  rps=$(awk -v n="$req" -v s="$secs" 'BEGIN { printf "%.1f", (s > 0 ? n / s : 0) }')
  errs=$((non2xx + sock)); ERRORS_TOTAL=$((ERRORS_TOTAL + errs))
  err_pct=$(awk -v e="$errs" -v n="$req" 'BEGIN { printf "%.2f", (n > 0 ? 100 * e / n : 100) }')
  read -r s_tps s_p50 s_p99 _ <<<"${SQL_RESULT[$name]:-n/a n/a n/a n/a}"
  r_lat=n/a r_tput=n/a
  (( req > 0 )) || { p50=n/a; p99=n/a; errs=1; ERRORS_TOTAL=$((ERRORS_TOTAL + 1)); } # nothing answered in time
  if [[ "$s_p50" != n/a && "$p50" != n/a ]]; then
    r_lat=$(awk -v a="$p50" -v b="$s_p50" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
    r_tput=$(awk -v a="$rps" -v b="$s_tps" 'BEGIN { printf "%.2f", (a > 0 ? b / a : 0) }')
  fi
  v=""
  case $kind in
    portal) v+=$(awk -v p="$p99" 'BEGIN { print (p != "n/a" && p <= 50 ? "p99≤50ms PASS" : "p99≤50ms MISS") }') ;;
    list) v+=$(awk -v p="$p99" 'BEGIN { print (p != "n/a" && p <= 30 ? "p99≤30ms PASS" : "p99≤30ms MISS") }') ;;
  esac
  if [[ "$r_lat" != n/a ]]; then
    v+="${v:+; }"$(awk -v a="$r_lat" -v b="$r_tput" 'BEGIN { print (a <= 1.5 && b <= 1.5 ? "≤1.5×SQL PASS" : "≤1.5×SQL MISS") }')
  fi
  v+="${v:+; }"$( (( errs == 0 )) && echo "0 errors PASS" || echo "0 errors MISS")
  nsql=n/a; [[ -n "$SQL_DIR" && -f "$SQL_DIR/$name.sql" ]] && nsql=$(grep -c . "$SQL_DIR/$name.sql")
  ROWS+=("| $name | \`${path}\` | $rps | $p50 | $p99 | $err_pct | $nsql | $s_tps | $s_p50 | $s_p99 | $r_lat | $r_tput | $v |")
done
RSS_LOADED=$(rss_mb "$PID"); RSS_PEAK=$(hwm_mb "$PID")

# --- sustained load and soak -------------------------------------------------------------------
REQS="$WORK/requests.tsv"
: >"$REQS"
for e in "${ENDPOINT_LIST[@]}"; do
  IFS='|' read -r name path who _ _ <<<"$e"
  selected "$name" && printf '%s\t%s\n' "$path" "$(token_of "$who")" >>"$REQS"
done

run_mixed() { # run_mixed SECONDS: mixed load, prints the RESULT line of mixed.lua
  wrk -t "$THREADS" -c "$CONNECTIONS" -d "${1}s" --timeout 10s --latency -s "$HERE/endpoints/mixed.lua" \
    "http://127.0.0.1:$PORT" -- "$REQS" >"$WORK/mixed.out" 2>&1 || true
  grep '^RESULT' "$WORK/mixed.out" || { echo "RESULT requests=0 responses=0 non2xx=0 socket_errors=1 seconds=0 p50_us=0 p90_us=0 p99_us=0 max_us=0"; cat "$WORK/mixed.out" >&2; }
}
LOAD_LINE=""
if (( LOAD_MINUTES > 0 )); then
  echo "Sustained mixed load for $LOAD_MINUTES min ..."
  r=$(run_mixed $((LOAD_MINUTES * 60)))
  errs=$(( $(field non2xx "$r") + $(field socket_errors "$r") ))
  ERRORS_TOTAL=$((ERRORS_TOTAL + errs))
  LOAD_LINE="Sustained mixed load, $LOAD_MINUTES min: $(field requests "$r") requests, $(awk -v n="$(field requests "$r")" -v s="$(field seconds "$r")" 'BEGIN { printf "%.1f", (s > 0 ? n / s : 0) }') req/s, p50 $(ms "$(field p50_us "$r")") ms, p99 $(ms "$(field p99_us "$r")") ms, errors $errs — $( (( errs == 0 )) && echo PASS || echo MISS)"
  echo "  $LOAD_LINE"
fi

SOAK_LINE=""
if (( SOAK_MINUTES > 0 )); then
  CSV="$ROOT/bench/results/scale-soak-$(date +%Y%m%d-%H%M%S).csv"
  mkdir -p "$ROOT/bench/results"
  echo "Soak for $SOAK_MINUTES min, sampling every ${SAMPLE_SECONDS}s into $CSV ..."
  echo "seconds,heap_after_gc_mb,gc_count,rss_mb,db_connections_active,db_connections_idle,pool_total,pool_active,pool_idle,pool_waiting" >"$CSV"
  run_mixed $((SOAK_MINUTES * 60)) >"$WORK/soak.result" &
  LOADPID=$!
  t0=$(now_ms)
  while kill -0 "$LOADPID" 2>/dev/null; do
    sleep "$SAMPLE_SECONDS"
    kill -0 "$LOADPID" 2>/dev/null || break
    # Heap after GC: the last collection's "before->after(capacity)" in the GC log, in MB.
    heap=$(grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$WORK/gc.log" | tail -1 | sed 's/.*->\([0-9]*\)M.*/\1/' || true)
    gcs=$(grep -c 'Pause' "$WORK/gc.log" || true)
    # The pool as PostgreSQL sees it (Entente's connections say "PostgreSQL JDBC Driver").
    read -r act idle < <(psql -X -At -F ' ' -d "$DB" -c "select count(*) filter (where state = 'active'), count(*) filter (where state like 'idle%') from pg_stat_activity where datname = current_database() and application_name = 'PostgreSQL JDBC Driver'")  || true
    # The pool as Hikari sees it: its housekeeper logs every 30 s, since HikariCP 7
    # "stats (total=T/MAX, idle=I/MAX, active=A, waiting=W)"; written here as total,active,idle,waiting.
    # (No match must not end the run: set -e and pipefail would, as they did on 2026-12-03.)
    stats=$(grep -o 'total=[0-9]*/[0-9]*, idle=[0-9]*/[0-9]*, active=[0-9]*, waiting=[0-9]*' "$WORK/app.log" | tail -1 \
      | sed -E 's#total=([0-9]*)/[0-9]*, idle=([0-9]*)/[0-9]*, active=([0-9]*), waiting=([0-9]*)#\1,\3,\2,\4#' || true)
    echo "$(( ($(now_ms) - t0) / 1000 )),${heap:-},${gcs},$(rss_mb "$PID"),${act},${idle},${stats:-,,,}" >>"$CSV"
  done
  wait "$LOADPID" || true
  r=$(cat "$WORK/soak.result")
  errs=$(( $(field non2xx "$r") + $(field socket_errors "$r") ))
  ERRORS_TOTAL=$((ERRORS_TOTAL + errs))
  # Flat: the last third's mean heap after GC within 10% (or 16 MB) of the first third's, and the
  # pool never waiting and never above its size in the last third more than in the first.
  SOAK_LINE=$(python3 - "$CSV" "$errs" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
def num(r, k):
    try: return float(r[k])
    except (ValueError, KeyError): return None
n = len(rows)
if n < 6:
    print(f"Soak: only {n} samples, no verdict"); sys.exit()
first, last = rows[: n // 3], rows[-(n // 3):]
def mean(rs, k):
    v = [x for x in (num(r, k) for r in rs) if x is not None]
    return sum(v) / len(v) if v else float("nan")
h1, h3 = mean(first, "heap_after_gc_mb"), mean(last, "heap_after_gc_mb")
c1 = mean(first, "db_connections_active") + mean(first, "db_connections_idle")
c3 = mean(last, "db_connections_active") + mean(last, "db_connections_idle")
w3 = max((num(r, "pool_waiting") or 0) for r in last)
heap_flat = abs(h3 - h1) <= max(16, 0.10 * h1)
pool_flat = c3 <= c1 + 1 and w3 == 0
verdict = "flat" if heap_flat and pool_flat else "NOT flat"
print(f"Soak, {n} samples: heap after GC {h1:.0f} MB (first third) -> {h3:.0f} MB (last third); "
      f"connections {c1:.1f} -> {c3:.1f}, waiting in last third max {w3:.0f}; errors {sys.argv[2]}: {verdict} — "
      + ("PASS" if verdict == "flat" and sys.argv[2] == "0" else "MISS"))
PY
)
  echo "  $SOAK_LINE"
fi
RSS_END=$(rss_mb "$PID")

# --- report ------------------------------------------------------------------------------------
STAMP=$(date +%Y%m%d-%H%M%S)
OUT=${REPORT:-$ROOT/bench/results/scale-$STAMP.txt}
mkdir -p "$(dirname "$OUT")"
OUT_SQL="${OUT%.txt}-sql"
COUNTS=$(grep -E '^(ROWS_|COUNT_|N_)[A-Z_]*=' "$FIXTURE" | paste -sd ' ' - || true)
{
  echo "# Entente at whole-government scale — $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- Machine: $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(sed -n 's/^PRETTY_NAME="\(.*\)"/\1/p' /etc/os-release), $(uname -r)"
  echo "- Java: $("$JAVA" -version 2>&1 | head -1) ${JAVA_OPTS:--Xmx1g}; PostgreSQL: $(psql -X -At -d "$DB" -c 'show server_version') at $PGHOST:$PGPORT, database $DB"
  echo "- Commit: $COMMIT"
  echo "- Command: FIXTURE=$FIXTURE DURATION=$DURATION WARMUP=$WARMUP CONNECTIONS=$CONNECTIONS THREADS=$THREADS LOAD_MINUTES=$LOAD_MINUTES SOAK_MINUTES=$SOAK_MINUTES${ENDPOINTS:+ ENDPOINTS=\"$ENDPOINTS\"}$([[ "$PGBENCH" == 1 ]] || echo " PGBENCH=0") bash bench/scale/measure.sh"
  echo "- Data: ${COUNTS:-see $FIXTURE}"
  echo "- Load: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s over loopback, after ${WARMUP}s of warm-up; non-2xx answers count as errors."
  echo "  SQL: pgbench -M prepared -c$CONNECTIONS -j$THREADS -T$DURATION, one transaction = the statements one request runs (bench/scale/endpoints/*.sql)."
  echo "  Ratios: Entente p50 / SQL p50, and SQL tx/s / Entente req/s (target ≤ 1.5 both)."
  echo
  echo "| Start-up (launch → first 200 of the portal overview) | Spring \"started in\" | RSS idle | RSS after the endpoints | RSS peak | RSS at the end |"
  echo "|---|---|---|---|---|---|"
  echo "| ${READY_MS} ms | ${STARTED_S:-?} s | ${RSS_IDLE} MB | ${RSS_LOADED} MB | ${RSS_PEAK} MB | ${RSS_END} MB |"
  echo
  echo "| Endpoint | Request | Entente req/s | p50 ms | p99 ms | errors % | SQL statements | SQL tx/s | SQL p50 ms | SQL p99 ms | ratio p50 | ratio tput | targets |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  [[ -n "$SQL_NOTE" ]] && echo "- $SQL_NOTE"
  [[ -n "$SQL_DIR" ]] && echo "- The statements each request ran, as pgbench scripts: ${OUT_SQL#"$ROOT"/}/"
  [[ -n "$SQL_DIR" && "$PGBENCH" != 1 ]] && echo "- PGBENCH=0: the statements were counted, not run under pgbench (SQL columns n/a)"
  [[ -n "$LOAD_LINE" ]] && echo "- $LOAD_LINE"
  [[ -n "$SOAK_LINE" ]] && echo "- $SOAK_LINE (samples: ${CSV#"$ROOT"/})"
  echo "- Errors in all: $ERRORS_TOTAL — $( (( ERRORS_TOTAL == 0 )) && echo PASS || echo MISS)"
} | tee "$OUT"
if [[ -n "$SQL_DIR" ]]; then rm -rf "$OUT_SQL"; cp -r "$SQL_DIR" "$OUT_SQL"; fi
echo
echo "Written to ${OUT#"$ROOT"/}"
