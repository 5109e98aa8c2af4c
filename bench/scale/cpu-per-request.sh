#!/usr/bin/env bash
# CPU per request: one jar started on the fixture's database, each endpoint loaded with wrk, and the
# process's CPU time (from /proc) before and after divided by the requests served. Less sensitive
# to a busy or drifting machine than latency; run two jars one after the other and compare.
#
#   JAR=target/bench-compare/entente-new.jar LABEL=new bash bench/scale/cpu-per-request.sh
#
# Environment: JAR (required), LABEL (default: the jar's name), FIXTURE
# (target/bench-scale-small/fixture.env, as bench/compare.sh makes it), DURATION=15 WARMUP=5
# seconds of wrk per endpoint, PORT=18191, JFR=1 to record a flight recording beside the result.
# Writes bench/results/cpu-<label>-<stamp>.txt: endpoint, status, requests, p50, CPU ms per request.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JAR=${JAR:?set JAR to the jar to measure}
LABEL=${LABEL:-$(basename "$JAR" .jar)}
FIXTURE=${FIXTURE:-$ROOT/target/bench-scale-small/fixture.env}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
PORT=${PORT:-18191}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-entente}
export PGPASSWORD=${PGPASSWORD:-entente}
[[ -f "$FIXTURE" ]] || { echo "No fixture at $FIXTURE: run bench/compare.sh or bench/scale/generate.sh" >&2; exit 2; }
# shellcheck disable=SC1090
source "$FIXTURE"
COMMITMENT=${COMMITMENT:-${COMMITMENT_KEY:-}}
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 2; }
OUT="$ROOT/bench/results/cpu-$LABEL-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
EXTRA=()
[[ "${JFR:-0}" == 1 ]] && EXTRA=("-XX:StartFlightRecording=filename=$OUT/recording.jfr,settings=profile")
(cd "$OUT" && exec java -Xmx1g "${EXTRA[@]}" -jar "$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")" \
  --server.port="$PORT" --server.address=127.0.0.1 \
  --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
  --spring.datasource.username="$PGUSER" --spring.datasource.password="$PGPASSWORD" \
  --entente.operator-token="$TOKEN_OPERATOR" --entente.definitions.folder= \
  --entente.reminders.scheduling=false) >"$OUT/app.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  kill -0 $PID 2>/dev/null || { echo "Entente exited; see $OUT/app.log" >&2; exit 1; }
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/public/charters/$CHARTER_KEY")" == 200 ]] && break
  sleep 0.5
done
cpu() { awk '{print $14 + $15}' "/proc/$PID/stat"; }   # utime + stime, in clock ticks
TICK_MS=$((1000 / $(getconf CLK_TCK)))
ENDPOINTS=(
  "portal-overview|/public/charters/$CHARTER_KEY|"
  "commitment-page|/charters/$CHARTER_KEY/commitments/$COMMITMENT|"
  "commitments-filtered|/api/charters/$CHARTER_KEY/commitments?workingGroup=$GROUP_KEY&page=0&size=20|$TOKEN_US"
  "audit-filtered|/api/audit/events?recordType=project&recordId=$PROJECT_ID&page=0&size=20|$TOKEN_OPERATOR"
  "deadlines|/api/charters/$CHARTER_KEY/obligations?status=overdue&page=0&size=20|$TOKEN_US"
  "dashboard|/api/dashboard/$CHARTER_KEY|$TOKEN_US"
  "search|/api/charters/$CHARTER_KEY/search?q=$SEARCH_TERM&page=0&size=20|$TOKEN_US"
)
{
  echo "# CPU per request: $LABEL ($JAR), $(date -u '+%Y-%m-%d %H:%M UTC'), ${DURATION}s of wrk -t2 -c8 per endpoint"
  for e in "${ENDPOINTS[@]}"; do
    IFS='|' read -r name path token <<<"$e"
    H=()
    [[ -n "$token" ]] && H=(-H "Authorization: Bearer $token")
    code=$(curl -s -o /dev/null -w '%{http_code}' "${H[@]}" "http://127.0.0.1:$PORT$path")
    wrk -t2 -c8 -d"${WARMUP}s" "${H[@]}" "http://127.0.0.1:$PORT$path" >/dev/null
    before=$(cpu)
    result=$(wrk -t2 -c8 -d"${DURATION}s" --latency "${H[@]}" "http://127.0.0.1:$PORT$path")
    after=$(cpu)
    requests=$(awk '/requests in/ {print $1}' <<<"$result")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$result")
    per=$(awk -v t=$((after - before)) -v n="$requests" -v ms="$TICK_MS" 'BEGIN { printf "%.3f", t * ms / n }')
    echo "$name status=$code requests=$requests p50=$p50 cpu_ms_per_request=$per"
  done
} | tee "$OUT.txt"
