#!/usr/bin/env bash
# Redmine 5 (Debian's packages, puma, PostgreSQL) under wrk on its JSON list endpoints, and, when
# given an Entente to compare with, Entente's comparable endpoints with the same wrk settings in
# the same run, with the ratios. See bench/redmine/README.md.
#
#   bash bench/redmine/measure.sh                      # after install.sh and load.sh
#   ENTENTE_URL=http://127.0.0.1:18181 ENTENTE_TOKEN=... ENTENTE_CHARTER=... ENTENTE_GROUP=... \
#     bash bench/redmine/measure.sh                    # side by side
#
# Starts puma on loopback, waits until Redmine answers, measures each endpoint (WARMUP s unrecorded,
# then DURATION s recorded), stops puma (always, also on failure or Ctrl-C), prints a Markdown table
# and writes it to bench/results/redmine-<date>-<time>.txt. About 4 minutes with the defaults, 6
# side by side. Environment (all optional):
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=entente PGPASSWORD=entente REDMINE_DB=redmine_bench
#   REDMINE_INSTANCE=bench   KEY_FILE=target/bench-redmine/api-key (written by install.sh)
#   PORT=18300               puma's port (loopback only)
#   WORKERS=2 PUMA_THREADS=5 puma's -w and -t (2 workers: Redmine at its best on 2 CPUs)
#   DURATION=30 WARMUP=5     seconds of wrk per endpoint, recorded and unrecorded
#   THREADS=2 CONNECTIONS=8  wrk's -t and -c, as bench/scale/measure.sh uses for Entente
#   TIMEOUT=10s              wrk's --timeout, for both systems: an answer slower than this counts
#                            as a socket error (wrk's default, 2 s, would cut off Redmine's tail)
#   QUIET_MAX=30 QUIET_WAIT=120   wait (bounded) for a quieter machine before each endpoint
#   Side by side, Entente already running (this script does not start it):
#   ENTENTE_URL              e.g. http://127.0.0.1:18301; unset: Redmine only
#   ENTENTE_TOKEN ENTENTE_CHARTER ENTENTE_GROUP   a bearer token and the charter and working
#                            group whose projects are listed; when unset they are read from
#                            FIXTURE=target/bench-scale/fixture.env (TOKEN_US, CHARTER_KEY,
#                            GROUP_KEY), which bench/scale/generate.sh writes
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$ROOT/bench/redmine"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-entente}
export PGPASSWORD=${PGPASSWORD:-entente}
REDMINE_DB=${REDMINE_DB:-redmine_bench}
export REDMINE_INSTANCE=${REDMINE_INSTANCE:-bench} RAILS_ENV=production
KEY_FILE=${KEY_FILE:-$ROOT/target/bench-redmine/api-key}
PORT=${PORT:-18300}
WORKERS=${WORKERS:-2}
PUMA_THREADS=${PUMA_THREADS:-5}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-5}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-8}
TIMEOUT=${TIMEOUT:-10s}
QUIET_MAX=${QUIET_MAX:-30}
QUIET_WAIT=${QUIET_WAIT:-120}
FIXTURE=${FIXTURE:-$ROOT/target/bench-scale/fixture.env}
ENTENTE_URL=${ENTENTE_URL:-}
REDMINE_HOME=/usr/share/redmine
LOG=/var/log/redmine/$REDMINE_INSTANCE/production.log
BASE="http://127.0.0.1:$PORT"

command -v wrk >/dev/null && command -v puma >/dev/null && [[ -d $REDMINE_HOME ]] ||
  { echo "Redmine, puma or wrk is missing: run bench/redmine/install.sh" >&2; exit 2; }
[[ -s $KEY_FILE ]] || { echo "No API key in $KEY_FILE: run bench/redmine/install.sh" >&2; exit 2; }
KEY=$(<"$KEY_FILE")
sql() { psql -d "$REDMINE_DB" -X -q -v ON_ERROR_STOP=1 -At "$@"; }
ISSUES=$(sql -c "select count(*) from issues where parent_id is null")
MILESTONES=$(sql -c "select count(*) from issues where parent_id is not null")
((ISSUES > 0)) || { echo "No issues in $REDMINE_DB: run bench/redmine/load.sh" >&2; exit 2; }
# The filtered list: the working group (subproject) with the median number of projects (issues),
# all statuses, projects only (not their milestone subtasks): the same set as Entente's list of one
# working group's projects.
read -r GROUP GROUP_SIZE < <(sql -F ' ' -c "select p.identifier, count(i.id) from projects p
  left join issues i on i.project_id = p.id and i.parent_id is null where p.parent_id is not null
  group by p.identifier order by count(i.id), p.identifier
  offset (select count(*) / 2 from projects where parent_id is not null) limit 1")
FEATURE=$(sql -c "select id from trackers where name = 'Feature'")

if [[ -n $ENTENTE_URL ]]; then
  if [[ -z ${ENTENTE_TOKEN:-} || -z ${ENTENTE_CHARTER:-} || -z ${ENTENTE_GROUP:-} ]] && [[ -f $FIXTURE ]]; then
    # shellcheck disable=SC1090
    source "$FIXTURE"
    ENTENTE_TOKEN=${ENTENTE_TOKEN:-${TOKEN_US:-}}
    ENTENTE_CHARTER=${ENTENTE_CHARTER:-${CHARTER_KEY:-}}
    ENTENTE_GROUP=${ENTENTE_GROUP:-${GROUP_KEY:-}}
  fi
  for v in ENTENTE_TOKEN ENTENTE_CHARTER ENTENTE_GROUP; do
    [[ -n ${!v:-} ]] || { echo "ENTENTE_URL is set but $v is not (nor in $FIXTURE)" >&2; exit 2; }
  done
fi

STAMP=$(date +%Y-%m-%d-%H%M%S)
mkdir -p "$ROOT/bench/results"
OUT="$ROOT/bench/results/redmine-$STAMP.txt"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/redmine-bench.XXXXXX")
PUMA_PID=
stop_puma() {
  if [[ -n $PUMA_PID ]] && kill -0 "$PUMA_PID" 2>/dev/null; then
    # puma was started in its own process group (setsid): its workers go with it.
    kill -TERM -- "-$PUMA_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$PUMA_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$PUMA_PID" 2>/dev/null || true
  fi
  PUMA_PID=
}
trap 'stop_puma; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

# Share of both CPUs busy over one second, from /proc/stat.
busy() {
  local a b
  read -r -a a < <(head -1 /proc/stat)
  sleep 1
  read -r -a b < <(head -1 /proc/stat)
  local idle=$(((b[4] + b[5]) - (a[4] + a[5])))
  local total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
  echo $((total > 0 ? 100 * (total - idle) / total : 0))
}
wait_quiet() {
  local waited=0 b
  b=$(busy)
  while ((b > QUIET_MAX && waited < QUIET_WAIT)); do
    sleep 4
    waited=$((waited + 5))
    b=$(busy)
  done
  echo "$b"
}

COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
{
  echo "date: $(date)"
  echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)," \
    "$(free -h | awk '/^Mem:/ {print $2}') memory, $(uname -sr)"
  echo "redmine: $(dpkg-query -W -f='${Version}' redmine), puma $(dpkg-query -W -f='${Version}' puma)," \
    "ruby $(ruby -e 'print RUBY_VERSION'), PostgreSQL $(sql -c 'show server_version')" \
    "on $PGHOST:$PGPORT database $REDMINE_DB"
  echo "data: $(sql -c "select count(*) from projects where parent_id is null") charters (projects)," \
    "$(sql -c "select count(*) from projects where parent_id is not null") working groups (subprojects)," \
    "$ISSUES projects (issues), $MILESTONES milestones (subtasks);" \
    "filtered list: subproject $GROUP with $GROUP_SIZE issues"
  echo "puma: -w $WORKERS -t $PUMA_THREADS:$PUMA_THREADS --preload, port $PORT;" \
    "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --timeout $TIMEOUT --latency (after ${WARMUP}s unrecorded)"
  echo "commit: $COMMIT (bench scripts)"
  echo "command: ${ENTENTE_URL:+ENTENTE_URL=$ENTENTE_URL }bash bench/redmine/measure.sh"
  echo
} | tee "$OUT"

echo "Starting puma ($WORKERS workers) on $BASE ..." >&2
T0=$(date +%s.%N)
(cd "$REDMINE_HOME" && exec setsid bundle exec puma -e production -b "tcp://127.0.0.1:$PORT" \
  -w "$WORKERS" -t "$PUMA_THREADS:$PUMA_THREADS" --preload config.ru) >"$WORK/puma.log" 2>&1 &
PUMA_PID=$!
until [[ $(curl -s -o /dev/null -w '%{http_code}' -H "X-Redmine-API-Key: $KEY" \
  "$BASE/projects.json?limit=1" || true) == 200 ]]; do
  if ! kill -0 "$PUMA_PID" 2>/dev/null; then
    echo "puma stopped before answering:" >&2 && tail -20 "$WORK/puma.log" >&2 && exit 1
  fi
  if (($(echo "$(date +%s.%N) - $T0 > 180" | bc))); then
    echo "Redmine did not answer within 180 s" >&2 && tail -20 "$WORK/puma.log" >&2 && exit 1
  fi
  sleep 0.2
done
READY=$(printf '%.1f' "$(echo "$(date +%s.%N) - $T0" | bc)")
echo "Redmine answered after $READY s" | tee -a "$OUT" >&2

# name|system|url|header
CASES=(
  "issues|redmine|$BASE/issues.json?limit=25|X-Redmine-API-Key: $KEY"
  "issues-filtered|redmine|$BASE/issues.json?limit=25&project_id=$GROUP&status_id=*&tracker_id=$FEATURE|X-Redmine-API-Key: $KEY"
  "projects|redmine|$BASE/projects.json?limit=25|X-Redmine-API-Key: $KEY"
)
if [[ -n $ENTENTE_URL ]]; then
  CASES+=(
    "projects-of-group|entente|$ENTENTE_URL/api/charters/$ENTENTE_CHARTER/working-groups/$ENTENTE_GROUP/projects?page=0&size=25|Authorization: Bearer $ENTENTE_TOKEN"
    "charters|entente|$ENTENTE_URL/api/charters?page=0&size=25|Authorization: Bearer $ENTENTE_TOKEN"
  )
fi

declare -A RPS P50 P99
ROWS=()
for c in "${CASES[@]}"; do
  IFS='|' read -r name system url header <<<"$c"
  # One request first: it must answer 200 with JSON, and says how long the whole list is.
  code=$(curl -s -o "$WORK/first.json" -w '%{http_code}' -H "$header" "$url" || true)
  total=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d.get("total_count", d.get("totalItems", "?")))' \
    "$WORK/first.json" 2>/dev/null || echo '?')
  if [[ $code != 200 ]]; then
    echo "$system $name: $url answered $code, not 200: $(head -c 300 "$WORK/first.json")" >&2
    exit 1
  fi
  quiet=$(wait_quiet)
  echo "[$(date +%T)] $system $name (list of $total; machine ${quiet}% busy before): ${WARMUP}s warm-up, ${DURATION}s measured ..." >&2
  ((WARMUP > 0)) && wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout "$TIMEOUT" \
    -H "$header" "$url" >/dev/null
  offset=$(stat -c %s "$LOG" 2>/dev/null || echo 0)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout "$TIMEOUT" --latency -H "$header" \
    -s "$HERE/../scale/endpoints/count-errors.lua" "$url" >"$WORK/$system-$name.wrk"
  line=$(grep '^RESULT' "$WORK/$system-$name.wrk")
  eval "$(echo "${line#RESULT }" | tr ' ' '\n' | sed 's/^/r_/')"
  errors=$((r_non2xx + r_socket_errors))
  rps=$(echo "scale=1; $r_requests / $r_seconds" | bc)
  p50=$(echo "scale=1; $r_p50_us / 1000" | bc)
  p99=$(echo "scale=1; $r_p99_us / 1000" | bc)
  rate=$(python3 -c "print(f'{100 * $errors / max($r_requests, 1):.2f} %')")
  # Where Redmine says its time went: the medians of the "Completed 200 OK in X ms (Views: Y |
  # ActiveRecord: Z)" lines its production log got during the recorded run (Entente: -).
  inside=-
  if [[ $system == redmine && -f $LOG ]]; then
    inside=$(tail -c "+$((offset + 1))" "$LOG" | python3 -c '
import re, statistics, sys
rows = [tuple(map(float, m.groups())) for m in re.finditer(
    r"Completed 2\d\d \w+ in (\d+)ms \(Views: ([\d.]+)ms \| ActiveRecord: ([\d.]+)ms", sys.stdin.read())]
print(" / ".join(f"{statistics.median(r[i] for r in rows):.0f}" for i in range(3)) if rows else "-")')
  fi
  # No request completed (all slower than DURATION or TIMEOUT): no throughput or latency to show.
  ((r_requests > 0)) || rps=- p50=- p99=-
  RPS[$system-$name]=$rps P50[$system-$name]=$p50 P99[$system-$name]=$p99
  ROWS+=("| $system | $name | \`/${url#*://*/}\` | $total | $rps | $p50 | $p99 | $errors / $r_requests ($rate) | $inside | $quiet % |")
done

RSS=$(ps -o rss= -g "$PUMA_PID" 2>/dev/null | awk '{s += $1} END {printf "%.0f", s / 1024}')
stop_puma

{
  echo
  echo "| system | endpoint | URL (host and port left out) | list length | requests/s | p50 ms | p99 ms | errors (non-2xx + socket) | inside Redmine, median ms: all / views / ActiveRecord | busy before |"
  echo "|---|---|---|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "puma resident memory after the load (master and $WORKERS workers): ${RSS} MiB"
  if [[ -n $ENTENTE_URL ]]; then
    echo
    echo "| comparison (Entente / Redmine) | Entente requests/s | Redmine requests/s | throughput ratio | Entente p99 ms | Redmine p99 ms | target: ≥ 10× at a lower p99 |"
    echo "|---|---:|---:|---:|---:|---:|---|"
    for pair in "projects-of-group:issues-filtered" "projects-of-group:issues" "charters:projects"; do
      e=entente-${pair%%:*} r=redmine-${pair##*:}
      if [[ ${RPS[$r]} == - || ${RPS[$e]} == - ]]; then
        ratio="n/a" met="not measured: one side completed no request"
      else
        ratio=$(echo "scale=1; ${RPS[$e]} / ${RPS[$r]}" | bc)
        met=$(python3 -c "print('met' if ${RPS[$e]} >= 10 * ${RPS[$r]} and ${P99[$e]} < ${P99[$r]} else 'missed')")
      fi
      echo "| ${pair%%:*} / ${pair##*:} | ${RPS[$e]} | ${RPS[$r]} | ${ratio}× | ${P99[$e]} | ${P99[$r]} | $met |"
    done
  fi
  echo
  echo "wrk's own output, endpoint by endpoint (the authentication header left out):"
  for c in "${CASES[@]}"; do
    IFS='|' read -r name system _ <<<"$c"
    echo
    echo "--- $system $name"
    grep -v '^RESULT' "$WORK/$system-$name.wrk"
  done
} | tee -a "$OUT"
echo >&2
echo "Written to $OUT" >&2
