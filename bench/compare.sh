#!/usr/bin/env bash
# Before and after: is any endpoint slower than it was at an older commit, beyond the noise of two
# runs of the same jar? One command:
#
#   bash bench/compare.sh e1ebf2a          # the old revision: any commit, tag or branch
#
# 1. Builds the old revision's jar from `git archive OLD` (in target/bench-compare/src-<sha>, kept
#    as target/bench-compare/entente-<sha>.jar and reused by later runs) and the working tree's jar
#    (./mvnw package, as it is, uncommitted changes included).
# 2. Makes sure PostgreSQL answers (bench/lib/postgres.sh if it does not) and that the fixture
#    exists: FIXTURE, whose database must still be there, is reused as it is; without one, SCALE
#    data is generated once (bench/scale/generate.sh) and later runs reuse it.
# 3. Runs bench/scale/measure.sh (the working tree's, for every run) on the same database: first
#    a short run of the old jar whose figures are thrown away (it warms PostgreSQL's and the
#    system's caches: a first run measured slower whichever jar it was), then new, old, old, new
#    (the order cancels a drift of the machine over the runs). The two runs of each jar show the
#    noise next to the old→new difference.
# 4. Writes one Markdown table, bench/results/compare-<stamp>.md, and prints it: per endpoint the
#    p50, p99 and req/s of each run, the SQL statements each jar's request ran (from PostgreSQL's
#    log, as measure.sh captures them), the old→new change, the new→new and old→old differences,
#    and whether the new jar is slower beyond the noise. The measure.sh reports are kept beside it, in
#    bench/results/compare-<stamp>/.
#
# Environment (all optional):
#   DURATION=10 WARMUP=5 CONNECTIONS=8 THREADS=2 ENDPOINTS=""   passed to measure.sh (ENDPOINTS:
#                       space-separated names, default all nine; see bench/scale/README.md)
#   PGBENCH=0           1: also run each endpoint's statements under pgbench (the SQL limit), which
#                       doubles the time of each run; the statement counts are captured either way
#   SCALE=small         the data generated when there is no fixture: small (1/100, ~5 min) or full
#   FIXTURE=target/bench-scale-<scale>/fixture.env   (target/bench-scale/fixture.env for full)
#   DB=entente_scale_small                           the database generated (entente_scale for full)
#   FLOOR=2             a change under FLOOR % never counts as slower, whatever the noise
#   WARMUP_DURATION=5   seconds of wrk per endpoint in the warm-up run, whose figures are not used
#   REBUILD=0           1: build the old jar again even if target/bench-compare has it
#   QUIET_MAX=30 QUIET_WAIT=120 JAVA JAVA_OPTS PGHOST PGPORT PGUSER PGPASSWORD   as in measure.sh
#
# Time: two builds (~2 min each on 2 CPUs; the old one is cached), then three runs of about
# 1 min start-up and statement capture + 9 × (WARMUP + DURATION) s: about 15 minutes with the
# defaults (DURATION=10, all nine endpoints, PGBENCH=0), if the fixture exists.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
OLD=${1:-${OLD:-}}
[[ -n "$OLD" ]] || { echo "usage: bash bench/compare.sh OLD_REVISION   (for example e1ebf2a)" >&2; exit 2; }
OLD_SHA=$(git rev-parse --verify --quiet "$OLD^{commit}") || { echo "Unknown revision: $OLD" >&2; exit 2; }
OLD_SHORT=$(git rev-parse --short "$OLD_SHA")

export DURATION=${DURATION:-10} WARMUP=${WARMUP:-5} PGBENCH=${PGBENCH:-0}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}
export PGUSER=${PGUSER:-entente} PGPASSWORD=${PGPASSWORD:-entente}
SCALE=${SCALE:-small}
case "$SCALE" in
  small) FIXTURE=${FIXTURE:-$ROOT/target/bench-scale-small/fixture.env}; GEN_DB=${DB:-entente_scale_small} ;;
  full) FIXTURE=${FIXTURE:-$ROOT/target/bench-scale/fixture.env}; GEN_DB=${DB:-entente_scale} ;;
  *) echo "SCALE must be small or full" >&2; exit 2 ;;
esac
FLOOR=${FLOOR:-2}
MVN=(-q -B -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true)
DIR="$ROOT/target/bench-compare"
STAMP=$(date +%Y-%m-%d-%H%M%S)
RESULTS="$ROOT/bench/results/compare-$STAMP"
SUMMARY="$RESULTS.md"
mkdir -p "$DIR" "$RESULTS"
T0=$SECONDS
say() { echo "==> [$(date -u +%H:%M:%S), $((SECONDS - T0)) s] $*" >&2; }

# --- 1. the two jars -----------------------------------------------------------------------------
OLD_JAR="$DIR/entente-$OLD_SHA.jar"
if [[ "${REBUILD:-0}" == 1 || ! -s "$OLD_JAR" ]]; then
  say "building the old jar: $OLD_SHORT ($(git log -1 --format=%s "$OLD_SHA" | cut -c1-60))"
  SRC="$DIR/src-$OLD_SHA"
  rm -rf "$SRC"
  mkdir -p "$SRC"
  git archive --format=tar "$OLD_SHA" | tar -x -C "$SRC"
  (cd "$SRC" && ./mvnw "${MVN[@]}" package)
  cp "$SRC/target/entente.jar" "$OLD_JAR.part" && mv "$OLD_JAR.part" "$OLD_JAR"
  rm -rf "$SRC"
else
  say "reusing the old jar $OLD_JAR"
fi

NEW_SHORT=$(git rev-parse --short HEAD)
if [[ -n "$(git status --porcelain -- . ':!bench' 2>/dev/null)" ]]; then
  NEW_LABEL="$NEW_SHORT plus uncommitted changes outside bench/"
else
  NEW_LABEL="$NEW_SHORT"
fi
say "building the working tree's jar ($NEW_LABEL)"
# the classpath file lets generate.sh run without building again (SKIP_BUILD=1)
./mvnw "${MVN[@]}" package dependency:build-classpath -Dmdep.outputFile="$ROOT/target/scale-classpath.txt"
NEW_JAR="$DIR/entente-new.jar"
cp target/entente.jar "$NEW_JAR"

# --- 2. PostgreSQL and the fixture ---------------------------------------------------------------
if ! psql -X -q -At -d postgres -c 'select 1' >/dev/null 2>&1; then
  say "PostgreSQL does not answer at $PGHOST:$PGPORT as $PGUSER: bench/lib/postgres.sh"
  bash bench/lib/postgres.sh
fi
fixture_db() { (set +u; source "$FIXTURE" >/dev/null 2>&1; echo "${DB:-}"); }
if [[ -f "$FIXTURE" ]] && [[ -n "$(fixture_db)" ]] \
  && psql -X -q -At -d "$(fixture_db)" -c 'select 1' >/dev/null 2>&1; then
  say "reusing the fixture $FIXTURE (database $(fixture_db))"
else
  [[ -f "$FIXTURE" ]] && say "the database of $FIXTURE is gone: generating it again"
  say "generating SCALE=$SCALE data into database $GEN_DB ($(dirname "$FIXTURE"))"
  env SCALE="$SCALE" DB="$GEN_DB" OUT_DIR="$(dirname "$FIXTURE")" SKIP_BUILD=1 bash bench/scale/generate.sh
fi
FIXTURE=$(cd "$(dirname "$FIXTURE")" && pwd)/$(basename "$FIXTURE")

# --- 3. a warm-up run (thrown away), then new, old, old, new ------------------------------------
say "measure.sh, warm-up run of the old jar (its figures are not used)"
env FIXTURE="$FIXTURE" JAR="$OLD_JAR" JAR_LABEL="warm-up: $OLD_SHORT" REPORT="$RESULTS/0-warm-up.txt" \
  DURATION="${WARMUP_DURATION:-5}" LOAD_MINUTES=0 SOAK_MINUTES=0 bash bench/scale/measure.sh >/dev/null
RUNS=("1-new|$NEW_JAR|new: $NEW_LABEL" "2-old|$OLD_JAR|old: $OLD_SHORT"
  "3-old|$OLD_JAR|old again: $OLD_SHORT" "4-new|$NEW_JAR|new again: $NEW_LABEL")
for r in "${RUNS[@]}"; do
  IFS='|' read -r name jar label <<<"$r"
  say "measure.sh, run $name ($label)"
  env FIXTURE="$FIXTURE" JAR="$jar" JAR_LABEL="$label" REPORT="$RESULTS/$name.txt" \
    LOAD_MINUTES=0 SOAK_MINUTES=0 bash bench/scale/measure.sh
done

say "writing $SUMMARY"
python3 - "$RESULTS" "$FLOOR" >"$RESULTS/table.md" <<'PY'
import re, sys
results, floor = sys.argv[1], float(sys.argv[2])
runs = ["1-new", "2-old", "3-old", "4-new"]

def read(run):
    rows, ready = {}, "?"
    for line in open(f"{results}/{run}.txt", encoding="utf-8"):
        m = re.match(r"\| (\d+) ms \|", line)
        if m:
            ready = m.group(1)
        cells = [c.strip() for c in line.strip().split("|")[1:-1]]
        # | Endpoint | Request | req/s | p50 | p99 | errors % | SQL statements | ...
        if len(cells) >= 7 and cells[1].startswith("`"):
            def num(x):
                try:
                    return float(x)
                except ValueError:
                    return None
            rows[cells[0]] = dict(rps=num(cells[2]), p50=num(cells[3]), p99=num(cells[4]),
                                  err=cells[5], sql=cells[6])
    return rows, ready

data = {r: read(r) for r in runs}
n1, o1, o2, n2 = (data[r][0] for r in runs)

def fmt(x):
    return "n/a" if x is None else (f"{x:.0f}" if x >= 100 else f"{x:.2f}" if x < 10 else f"{x:.1f}")

def judge(metric, a, b, o1, o2):
    """(change old→new in %, noise in %, slower beyond noise?), positive = slower. The change is
    the mean of the two new runs against the mean of the two old runs; the noise is the larger
    of the new→new and old→old differences, each in % of its pair's mean."""
    if None in (a, b, o1, o2) or a + b == 0 or o1 + o2 == 0:
        return None
    new, old = (a + b) / 2, (o1 + o2) / 2
    change = (new - old) / old * 100 if metric != "rps" else (old - new) / old * 100
    noise = max(abs(a - b) / new * 100, abs(o1 - o2) / old * 100)
    return change, noise, change > max(noise, floor)

def pct(x):
    return f"{x:+.1f}%"

print("| endpoint | SQL statements old → new | p50 ms new, new / old, old "
      "| p99 ms new, new / old, old | req/s new, new / old, old "
      "| slower old→new (p50, p99, req/s) | noise (p50, p99, req/s) | slower beyond noise? |")
print("|---|---|---|---|---|---|---|---|")
slower_any = []
for name in n1:
    a, o, p, b = n1[name], o1.get(name), o2.get(name), n2.get(name)
    if not o or not p or not b:
        print(f"| {name} | missing in a run | | | | | | ? |")
        continue
    sql = f"{o['sql']} → {a['sql']}" + ("" if a["sql"] == b["sql"] else f" / {b['sql']}")
    if a["sql"].isdigit() and o["sql"].isdigit() and int(a["sql"]) > int(o["sql"]):
        sql += " (more)"
    cols, changes, noises, why = [], [], [], []
    for metric, label in (("p50", "p50"), ("p99", "p99"), ("rps", "req/s")):
        cols.append(f"{fmt(a[metric])}, {fmt(b[metric])} / {fmt(o[metric])}, {fmt(p[metric])}")
        j = judge(metric, a[metric], b[metric], o[metric], p[metric])
        if j is None:
            changes.append("n/a"); noises.append("n/a"); why.append(f"{label} n/a")
            continue
        changes.append(pct(j[0])); noises.append(f"{j[1]:.1f}%")
        if j[2]:
            why.append(f"{label} {pct(j[0])} > {max(j[1], floor):.1f}%")
    errors = [x for x in (a["err"], o["err"], p["err"], b["err"]) if x not in ("0.00",)]
    verdict = ("**yes**: " + "; ".join(w for w in why if "n/a" not in w)) if any("n/a" not in w for w in why) else "no"
    if any("n/a" in w for w in why):
        verdict += " (" + ", ".join(w for w in why if "n/a" in w) + ")"
    if errors:
        verdict += f"; errors % new, new / old, old {a['err']}, {b['err']} / {o['err']}, {p['err']}"
    if verdict.startswith("**yes"):
        slower_any.append(name)
    print(f"| {name} | {sql} | {' | '.join(cols)} | {', '.join(changes)} | {', '.join(noises)} | {verdict} |")
print()
print(f"Start-up (launch → first 200 of the portal overview), ms: new {data['1-new'][1]}, "
      f"old {data['2-old'][1]}, old again {data['3-old'][1]}, new again {data['4-new'][1]}.")
print()
print("Slower old→new: the mean of the two new runs against the mean of the two old runs, in % "
      "of the old (for req/s, fewer is slower). Noise: the larger of the new→new and old→old "
      "differences, each in % of its pair's mean. Slower beyond noise: old→new > noise, and > "
      f"{floor:g}% (FLOOR), on any of p50, p99 or req/s. Runs in the order new, old, old, new, "
      "after a warm-up run whose figures are not used.")
print()
print("Endpoints slower beyond noise: " + (", ".join(slower_any) if slower_any else "none") + ".")
PY
{
  echo "# bench/compare.sh: $OLD_SHORT (old) against $NEW_LABEL (new), $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- old: $OLD_SHORT $(git log -1 --format=%s "$OLD_SHA" | cut -c1-100)"
  echo "- new: $NEW_LABEL $(git log -1 --format=%s HEAD | cut -c1-100)"
  echo "- machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)," \
    "$(free -h | awk '/^Mem:/ {print $2}') memory, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
  echo "- data: $FIXTURE (database $(fixture_db))"
  echo "- runs, in this order: a warm-up (old jar, not used), new, old, old again, new again; each bench/scale/measure.sh with DURATION=$DURATION" \
    "WARMUP=$WARMUP${ENDPOINTS:+ ENDPOINTS=\"$ENDPOINTS\"} PGBENCH=$PGBENCH; reports in ${RESULTS#"$ROOT"/}/"
  echo "- command: DURATION=$DURATION${ENDPOINTS:+ ENDPOINTS=\"$ENDPOINTS\"} PGBENCH=$PGBENCH bash bench/compare.sh $OLD; took $((SECONDS - T0)) s"
  echo
  cat "$RESULTS/table.md"
} >"$SUMMARY"
rm -f "$RESULTS/table.md"
cat "$SUMMARY"
echo >&2
say "written to ${SUMMARY#"$ROOT"/}"
