#!/usr/bin/env bash
# Two Entente nodes on one PostgreSQL database behind nginx, beside one node alone: throughput,
# p50/p99 latency and errors under wrk, then the audit chain checked for gaps and verified. See
# bench/cluster/README.md.
#
#   bash bench/cluster/run.sh
#
# Writes bench/results/cluster-<date>-<time>.txt (git-ignored) and prints the same. About
# 2 x 2 x len(CONNECTIONS) x DURATION of load (4 minutes with the defaults) plus start-up and the
# build. Installs nginx and wrk with apt-get when missing. Environment (all optional):
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=entente PGPASSWORD=entente   the PostgreSQL server
#   DB=entente_cluster   the database; dropped and created afresh at the start (the role needs
#                        CREATEDB)
#   NGINX_PORT=18280 PORT_A=18281 PORT_B=18282   loopback ports of nginx and the two nodes
#   THREADS=2 CONNECTIONS="8 16" DURATION=30s   wrk: threads, each connection count measured, time
#   WARMUP=10s           unrecorded load on each node before measuring (0: none)
#   TIMEOUT=10s          wrk: a response slower than this counts as an error (timeout)
#   WRITES=1             also measure the signed-in write mix (0: the read endpoint only)
#   POOL=10              connection pool of each node (spring.datasource.hikari.maximum-pool-size)
#   SKIP_BUILD=1         use target/entente.jar as it is
#   JAVA=java JAVA_OPTS="-Xmx1g"   for each node
#   KEEP=1               keep the temporary folder (logs of the nodes and nginx)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-entente}
export PGPASSWORD=${PGPASSWORD:-entente}
DB=${DB:-entente_cluster}
NGINX_PORT=${NGINX_PORT:-18280}
PORT_A=${PORT_A:-18281}
PORT_B=${PORT_B:-18282}
THREADS=${THREADS:-2}
read -r -a CONNS <<<"${CONNECTIONS:-8 16}"
DURATION=${DURATION:-30s}
TIMEOUT=${TIMEOUT:-10s}
WARMUP=${WARMUP:-10s}
[[ "$DURATION" =~ ^[0-9]+$ ]] && DURATION="${DURATION}s"
WRITES=${WRITES:-1}
POOL=${POOL:-10}
JAVA=${JAVA:-java}
read -r -a JAVA_ARGS <<<"${JAVA_OPTS:--Xmx1g}"
CHARTER=az-us-2026
# The operator token of this run only (at least 32 characters), passed to both nodes.
TOKEN="cluster-bench-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
ADMIN_PASSWORD="cluster bench password $(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')"

STAMP=$(date +%Y-%m-%d-%H%M%S)
mkdir -p "$ROOT/bench/results"
OUT="$ROOT/bench/results/cluster-$STAMP.txt"

say() { echo "$*" >&2; }

# ------------------------------------------------------------------ tools
need=()
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || need+=(nginx)
command -v wrk >/dev/null || need+=(wrk)
command -v psql >/dev/null || need+=(postgresql-client)
command -v curl >/dev/null || need+=(curl)
if ((${#need[@]})); then
  say "Installing ${need[*]} ..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}" >&2
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

# ------------------------------------------------------------------ what is measured
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
if [[ -n "$(git -C "$ROOT" status --porcelain -- . ':!bench' 2>/dev/null)" ]]; then
  COMMIT="$COMMIT plus uncommitted changes outside bench/"
fi
if [[ "${SKIP_BUILD:-0}" != 1 || ! -f "$ROOT/target/entente.jar" ]]; then
  say "Building target/entente.jar ..."
  "$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" -DskipTests -Dspotless.check.skip=true \
    -Djacoco.skip=true package >&2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/entente-cluster-bench.XXXXXX")
PIDS=()
cleanup() {
  local status=$?
  if [[ -f "$WORK/nginx/nginx.pid" ]]; then
    kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
  fi
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [[ "${KEEP:-0}" == 1 || $status -ne 0 ]]; then
    say "Logs kept in $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# A copy, so that a rebuild elsewhere during the benchmark cannot change the jar mid-run.
cp "$ROOT/target/entente.jar" "$WORK/entente.jar"

# ------------------------------------------------------------------ database and nodes
say "Creating database $DB on $PGHOST:$PGPORT ..."
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "drop database if exists $DB" \
  -c "create database $DB" >&2

start_node() { # name port
  local name=$1 port=$2
  mkdir -p "$WORK/$name"
  (
    cd "$WORK/$name"
    exec "$JAVA" "${JAVA_ARGS[@]}" -jar "$WORK/entente.jar" \
      --server.port="$port" --server.address=127.0.0.1 \
      --server.forward-headers-strategy=native \
      --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
      --spring.datasource.username="$PGUSER" --spring.datasource.password="$PGPASSWORD" \
      --spring.datasource.hikari.maximum-pool-size="$POOL" \
      --entente.operator-token="$TOKEN" \
      --entente.definitions.folder= \
      --entente.audit.signing-key-file="$WORK/audit-signing.key" \
      --entente.security.secure-cookie=false \
      --entente.base-url="http://127.0.0.1:$NGINX_PORT"
  ) >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
}

wait_ready() { # name port
  local name=$1 port=$2 i
  for ((i = 0; i < 600; i++)); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/public/charters/$CHARTER" 2>/dev/null; then
      return 0
    fi
    if grep -q "Application run failed" "$WORK/$name.log"; then
      say "Node $name failed to start:"
      grep -m1 -A3 "Application run failed" "$WORK/$name.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  say "Node $name not ready after 300 s"
  tail -n 40 "$WORK/$name.log" >&2
  exit 1
}

# Both at once, as a deployment starts them: they load the same charter into the empty database.
say "Starting node a on $PORT_A and node b on $PORT_B together ..."
T0=$(date +%s%N)
start_node a "$PORT_A"
start_node b "$PORT_B"
wait_ready a "$PORT_A"
wait_ready b "$PORT_B"
STARTED_MS=$((($(date +%s%N) - T0) / 1000000))

# ------------------------------------------------------------------ nginx
mkdir -p "$WORK/nginx"
sed -e "s|@PREFIX@|$WORK/nginx|g" -e "s|@NGINX_PORT@|$NGINX_PORT|g" \
  -e "s|@PORT_A@|$PORT_A|g" -e "s|@PORT_B@|$PORT_B|g" \
  "$ROOT/bench/cluster/nginx.conf" >"$WORK/nginx/nginx.conf"
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log"
for ((i = 0; i < 50; i++)); do
  curl -fsS -o /dev/null "http://127.0.0.1:$NGINX_PORT/public" 2>/dev/null && break
  sleep 0.2
done
VIA_NGINX="http://127.0.0.1:$NGINX_PORT"

# ------------------------------------------------------------------ a signed-in session
# The first administrator, with the one-time link a node printed (both print one when they start
# together on an empty database; only the one issued last works), all through nginx.
csrf_of() { grep -o 'name="_csrf" value="[^"]*"' | head -n1 | sed 's/.*value="\(.*\)"/\1/'; }
JAR="$WORK/cookies.txt"
SESSION=""
for link in $(grep -ho 'setup?token=[0-9a-f]*' "$WORK/a.log" "$WORK/b.log" | sort -u); do
  rm -f "$JAR"
  page=$(curl -sS -c "$JAR" -b "$JAR" "$VIA_NGINX/$link")
  [[ "$page" == *"_csrf"* ]] || continue
  created=$(curl -sS -o /dev/null -w '%{redirect_url}' -c "$JAR" -b "$JAR" "$VIA_NGINX/setup" \
    --data-urlencode "token=${link#setup?token=}" --data-urlencode "username=admin" \
    --data-urlencode "displayName=Bench Admin" --data-urlencode "password=$ADMIN_PASSWORD" \
    --data-urlencode "confirmPassword=$ADMIN_PASSWORD" \
    --data-urlencode "_csrf=$(csrf_of <<<"$page")")
  [[ "$created" == *"/login?created" ]] || continue
  rm -f "$JAR"
  page=$(curl -sS -c "$JAR" -b "$JAR" "$VIA_NGINX/login")
  signed=$(curl -sS -o /dev/null -w '%{redirect_url}' -c "$JAR" -b "$JAR" "$VIA_NGINX/login" \
    --data-urlencode "username=admin" --data-urlencode "password=$ADMIN_PASSWORD" \
    --data-urlencode "_csrf=$(csrf_of <<<"$page")")
  [[ "$signed" == */ ]] || { say "Login through nginx answered $signed"; break; }
  SESSION=$(awk '$6 == "SESSION" {print $7}' "$JAR" | tail -n1)
  [[ -n "$SESSION" ]] && break
done
SIGNED_IN=0
if [[ -n "$SESSION" ]]; then
  # The same cookie on each node directly: signed in on both.
  for port in "$PORT_A" "$PORT_B"; do
    if curl -sS -H "Cookie: SESSION=$SESSION" "http://127.0.0.1:$port/" | grep -c "Signed in as" >/dev/null; then
      SIGNED_IN=$((SIGNED_IN + 1))
    fi
  done
fi
if ((SIGNED_IN != 2)); then
  say "Could not sign in through nginx with one session on both nodes (signed in on $SIGNED_IN)"
  [[ "$WRITES" == 1 ]] && exit 1
fi

# ------------------------------------------------------------------ wrk scripts
# Counts responses that are not 2xx (wrk itself counts only 4xx/5xx), and for the signed-in page
# those that do not show the signed-in account: a session one node did not know would answer the
# anonymous start page or a redirect to the login form.
cat >"$WORK/count.lua" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) bad = 0 end
function response(status, headers, body)
  if status < 200 or status > 299 then bad = bad + 1 end
end
function done(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do n = n + t:get("bad") end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d bad=%d socket=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), n,
    e.connect + e.read + e.write + e.timeout))
end
LUA
YESTERDAY=$(date -u -d yesterday +%Y-%m-%d)
cat >"$WORK/mix.lua" <<LUA
-- Half the requests record an event through the API (operator token: an audited write, one
-- row in the chain each); half load the start page with the signed-in session cookie.
local threads = {}
function setup(thread) table.insert(threads, thread) end
-- The requests are made in init: wrk.format at the top level runs before wrk knows the host, and
-- a request without a Host header is refused (400).
local post, page
function init(args)
  bad = 0; writes = 0; n = 0
  post = wrk.format("POST", "/api/charters/$CHARTER/events",
    {["Authorization"] = "Bearer $TOKEN", ["Content-Type"] = "application/json"},
    '{"kind":"meeting-held","subject":"wg-energy","occurredOn":"$YESTERDAY"}')
  page = wrk.format("GET", "/", {["Cookie"] = "SESSION=$SESSION"})
end
function request()
  n = n + 1
  if n % 2 == 1 then return post end
  return page
end
-- Which kind a response answers is told by the response itself: wrk keeps several connections
-- per thread in flight, so the order of responses is not the order of requests.
function response(status, headers, body)
  if status == 201 then
    writes = writes + 1
  elseif status ~= 200 or not string.find(body, "Signed in as", 1, true) then
    bad = bad + 1
  end
end
function done(summary, latency, requests)
  local b, w = 0, 0
  for _, t in ipairs(threads) do b = b + t:get("bad"); w = w + t:get("writes") end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d bad=%d socket=%d writes=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), b,
    e.connect + e.read + e.write + e.timeout, w))
end
LUA

# ------------------------------------------------------------------ measure
{
  echo "date: $(date)"
  echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)," \
    "$(free -h | awk '/^Mem:/ {print $2}') memory, $(uname -sr)"
  echo "java: $("$JAVA" -version 2>&1 | head -n 2 | tr '\n' ' ')"
  echo "postgresql: $(psql -X -At -d "$DB" -c 'show server_version')"
  echo "nginx: $("$NGINX" -v 2>&1 | sed 's/.*: //'), wrk: $(wrk -v 2>&1 | head -n1 | awk '{print $2}')"
  echo "commit: $COMMIT"
  echo "command: THREADS=$THREADS CONNECTIONS=\"${CONNS[*]}\" DURATION=$DURATION TIMEOUT=$TIMEOUT WRITES=$WRITES POOL=$POOL bash bench/cluster/run.sh"
  echo "both nodes started together and ready in ${STARTED_MS} ms; one session signed in on $SIGNED_IN of 2 nodes"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
} | tee "$OUT"

ROWS=()
measure() { # label target-url path script
  local label=$1 base=$2 path=$3 script=$4 c line
  for c in "${CONNS[@]}"; do
    say "wrk $label, $c connections, $DURATION ..."
    line=$(wrk -t"$THREADS" -c"$c" -d"$DURATION" --timeout "$TIMEOUT" --latency -s "$script" \
      "$base$path" 2>&1 |
      tee -a "$WORK/wrk.txt" | grep '^RESULT' || true)
    if [[ -z "$line" ]]; then
      ROWS+=("| $label | $c | wrk failed | | | |")
      continue
    fi
    eval "${line#RESULT }"
    local rps p50 p99
    rps=$(awk -v r="$requests" -v d="$duration_us" 'BEGIN {printf "%.0f", r / (d / 1e6)}')
    p50=$(awk -v v="$p50_us" 'BEGIN {printf "%.1f", v / 1000}')
    p99=$(awk -v v="$p99_us" 'BEGIN {printf "%.1f", v / 1000}')
    ROWS+=("| $label | $c | $rps | $p50 | $p99 | $((bad + socket)) of $requests |")
  done
}

ONE="http://127.0.0.1:$PORT_A"
# Warm-up, not recorded: both nodes have run the read and the write paths before the first
# measurement, so that one node (measured first) is not also the one compiling its code.
if [[ "$WARMUP" != 0 ]]; then
  for port in "$PORT_A" "$PORT_B"; do
    say "Warm-up of the node on $port, 2 x $WARMUP ..."
    wrk -t1 -c4 -d"$WARMUP" --timeout "$TIMEOUT" -s "$WORK/count.lua" \
      "http://127.0.0.1:$port/public/charters/$CHARTER" >/dev/null 2>&1 || true
    [[ "$WRITES" == 1 ]] && { wrk -t1 -c4 -d"$WARMUP" --timeout "$TIMEOUT" -s "$WORK/mix.lua" \
      "http://127.0.0.1:$port/" >/dev/null 2>&1 || true; }
  done
fi
measure "portal overview, one node" "$ONE" "/public/charters/$CHARTER" "$WORK/count.lua"
measure "portal overview, two nodes via nginx" "$VIA_NGINX" "/public/charters/$CHARTER" "$WORK/count.lua"
if [[ "$WRITES" == 1 ]]; then
  measure "write mix, one node" "$ONE" "/" "$WORK/mix.lua"
  measure "write mix, two nodes via nginx" "$VIA_NGINX" "/" "$WORK/mix.lua"
fi

# ------------------------------------------------------------------ the audit chain
read -r EVENTS MIN MAX RECORDED < <(psql -X -At -F ' ' -d "$DB" -c \
  "select count(*), coalesce(min(seq), 0), coalesce(max(seq), 0),
          count(*) filter (where action = 'event.recorded') from audit_event")
HEAD=$(psql -X -At -d "$DB" -c "select seq from audit_head where id = 1")
GAPS=$((MAX - MIN + 1 - EVENTS))
# The nodes are stopped first, so that the verification reads a chain nobody writes to.
kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
PIDS=()
VERIFY=$("$JAVA" -jar "$WORK/entente.jar" audit-verify \
  --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
  --spring.datasource.username="$PGUSER" --spring.datasource.password="$PGPASSWORD" \
  --logging.level.root=WARN 2>&1 | grep -E '^audit chain' || echo "audit-verify failed")

{
  echo "| Endpoint | Connections | Requests/s | p50 (ms) | p99 (ms) | Errors |"
  echo "|---|---:|---:|---:|---:|---:|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "Audit chain: $EVENTS events, seq $MIN..$MAX, head $HEAD, gaps $GAPS; $RECORDED event.recorded"
  echo "$VERIFY"
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "Two nodes, PostgreSQL, nginx and wrk share the same $(nproc) CPUs: the two-node rows show"
  echo "the cost and correctness of the arrangement, not the scaling of separate machines."
} | tee -a "$OUT"
say "Results: ${OUT#"$ROOT/"}"
if ((GAPS != 0 || HEAD != MAX)) || [[ "$VERIFY" != "audit chain intact"* ]]; then
  say "The audit chain has gaps or does not verify"
  exit 1
fi
