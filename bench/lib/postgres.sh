#!/usr/bin/env bash
# A real PostgreSQL server for the benchmarks: Debian's package, its default cluster on 127.0.0.1:5432,
# tuned for a machine of this size, and a role the benchmarks connect as. Idempotent; needs root
# (or sudo). Sourced by bench/run.sh; can also be run on its own:
#
#   bash bench/lib/postgres.sh
#
# Environment (all optional):
#   PGUSER=entente PGPASSWORD=entente   the role created (LOGIN CREATEDB) if missing
#   PG_SHARED_BUFFERS=4GB PG_EFFECTIVE_CACHE=12GB PG_WORK_MEM=16MB PG_MAX_CONNECTIONS=300
#   PG_TUNE=1     set the values above with ALTER SYSTEM and restart if they changed (0: leave as is)
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "==> installing PostgreSQL from Debian" >&2
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends postgresql postgresql-contrib
fi
PG_VERSION=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
CLUSTER="$PG_VERSION main"
if ! pg_lsclusters -h | awk '{print $1" "$2" "$4}' | grep -q "^$CLUSTER online"; then
  echo "==> starting PostgreSQL $CLUSTER" >&2
  $SUDO pg_ctlcluster $CLUSTER start
fi

# As the postgres superuser over the local socket, whatever PG* variables the caller has set.
PSQL_AS_POSTGRES="env -u PGHOST -u PGPORT -u PGUSER -u PGPASSWORD -u PGDATABASE psql -X -q -At -d postgres"
as_postgres() { $SUDO -u postgres $PSQL_AS_POSTGRES "$@"; }
if [ "$(id -u)" -eq 0 ]; then as_postgres() { su postgres -c "$PSQL_AS_POSTGRES $(printf '%q ' "$@")"; }; fi

if [ "${PG_TUNE:-1}" = 1 ]; then
  changed=0
  for setting in "shared_buffers=${PG_SHARED_BUFFERS:-4GB}" \
    "effective_cache_size=${PG_EFFECTIVE_CACHE:-12GB}" "work_mem=${PG_WORK_MEM:-16MB}" \
    "maintenance_work_mem=512MB" "max_connections=${PG_MAX_CONNECTIONS:-300}" \
    "max_wal_size=8GB" "random_page_cost=1.1"; do
    name=${setting%%=*}
    value=${setting#*=}
    current=$(as_postgres -c "select coalesce((select setting from pg_file_settings where name = '$name' and applied and sourcefile like '%postgresql.auto.conf'), '')")
    if [ "$current" != "$value" ]; then
      as_postgres -c "alter system set $name = '$value'"
      changed=1
    fi
  done
  if [ "$changed" = 1 ]; then
    echo "==> PostgreSQL settings changed; restarting $CLUSTER" >&2
    $SUDO pg_ctlcluster $CLUSTER restart
  fi
fi

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}
export PGUSER=${PGUSER:-entente} PGPASSWORD=${PGPASSWORD:-entente}
if [ "$(as_postgres -c "select count(*) from pg_roles where rolname = '$PGUSER'")" = 0 ]; then
  as_postgres -c "create role \"$PGUSER\" login createdb password '$PGPASSWORD'"
fi
psql -X -q -At -d postgres -c "select 'PostgreSQL ' || current_setting('server_version') || ', shared_buffers ' || current_setting('shared_buffers') || ', as ' || current_user" >&2
