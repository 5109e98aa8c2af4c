#!/usr/bin/env bash
# Installs Redmine 5 from Debian's packages as the benchmark peer and creates its instance
# "bench" on PostgreSQL, with the REST API on and the admin's API key written to a file. See
# bench/redmine/README.md.
#
#   bash bench/redmine/install.sh
#
# Idempotent: a second run installs nothing, keeps the database and its data and only checks.
# About a minute the first time (apt, migrations). Runs as root (apt-get, /etc/redmine).
# Environment (all optional):
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=entente PGPASSWORD=entente
#                           the PostgreSQL server and a role that may create databases
#   REDMINE_DB=redmine_bench   the database Redmine gets (created, owned by PGUSER)
#   REDMINE_INSTANCE=bench     the name of the Redmine instance (Debian's multi-tenancy)
#   KEY_FILE=target/bench-redmine/api-key   where the admin's API key goes
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-entente}
export PGPASSWORD=${PGPASSWORD:-entente}
REDMINE_DB=${REDMINE_DB:-redmine_bench}
export REDMINE_INSTANCE=${REDMINE_INSTANCE:-bench}
export RAILS_ENV=production
KEY_FILE=${KEY_FILE:-$ROOT/target/bench-redmine/api-key}
REDMINE_HOME=/usr/share/redmine
CONF=/etc/redmine/$REDMINE_INSTANCE
START=$(date +%s)

step() { echo "[$(date +%T)] $*" >&2; }

# 1. Packages. dbconfig-install false: the package's own "default" instance is left without a
# database (dbconfig-common would otherwise want to administer the local server as postgres); the
# benchmark's instance is configured below from the PG* variables instead. puma from Debian too
# (Ruby 3.1 has no webrick, so `rails server` has nothing to run on), wrk for the load.
installed=$(dpkg-query -W -f='${Status}\n' redmine redmine-pgsql puma wrk 2>/dev/null |
  grep -c 'install ok installed' || true)
if [[ $installed != 4 ]]; then
  step "installing redmine, redmine-pgsql, puma and wrk from Debian"
  debconf-set-selections <<'EOF'
redmine redmine/instances/default/dbconfig-install boolean false
redmine redmine/instances/default/database-type select pgsql
EOF
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    redmine redmine-pgsql puma wrk postgresql-client
else
  step "redmine, redmine-pgsql, puma and wrk already installed"
fi
command -v psql >/dev/null ||
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql-client

# 2. puma in the bundle: Redmine's Gemfile evaluates Gemfile.local when there is one.
if ! grep -qs "gem 'puma'" "$REDMINE_HOME/Gemfile.local"; then
  step "adding puma to $REDMINE_HOME/Gemfile.local"
  echo "gem 'puma'" >>"$REDMINE_HOME/Gemfile.local"
fi

# 3. The database, owned by PGUSER (the lead's role may create databases; Redmine needs nothing
# more than owning its database).
if [[ -z $(psql -d postgres -XAtc "select 1 from pg_database where datname = '$REDMINE_DB'") ]]; then
  step "creating database $REDMINE_DB on $PGHOST:$PGPORT as $PGUSER"
  psql -d postgres -Xqc "create database $REDMINE_DB owner $PGUSER encoding 'UTF8' template template0"
fi

# 4. The instance: directories (config -> /etc/redmine/NAME, log, tmp, files), database.yml and
# the session secret.
"$REDMINE_HOME/bin/redmine-instances" create "$REDMINE_INSTANCE"
cat >"$CONF/database.yml.new" <<EOF
# Written by bench/redmine/install.sh
production:
  adapter: postgresql
  database: $REDMINE_DB
  host: $PGHOST
  port: $PGPORT
  username: $PGUSER
  password: "$PGPASSWORD"
  encoding: utf8
  pool: 10
EOF
mv "$CONF/database.yml.new" "$CONF/database.yml"
chmod 640 "$CONF/database.yml"
chown root:www-data "$CONF/database.yml"
if [[ ! -s "$CONF/secret_key.txt" ]]; then
  head -c 64 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$CONF/secret_key.txt"
  chmod 640 "$CONF/secret_key.txt"
  chown root:www-data "$CONF/secret_key.txt"
fi

cd "$REDMINE_HOME"
# 5. Schema and Redmine's default configuration (trackers, statuses, roles, workflows), in
# English. load_default_data refuses to run twice, so it only runs on an empty tracker table.
step "migrating"
bundle exec rake db:migrate >/dev/null
if [[ $(psql -d "$REDMINE_DB" -XAtc "select count(*) from trackers") == 0 ]]; then
  step "loading Redmine's default data"
  REDMINE_LANG=en bundle exec rake redmine:load_default_data
fi

# 6. REST API on, the admin usable without a password change, and its API key (created on
# first ask).
step "enabling the REST API, reading the admin's API key"
mkdir -p "$(dirname "$KEY_FILE")"
bundle exec rails runner '
  Setting.rest_api_enabled = "1"
  admin = User.find_by_login("admin")
  admin.update_columns(must_change_passwd: false) if admin.must_change_passwd?
  File.write(ARGV[0], admin.api_key + "\n")
' "$KEY_FILE"
chmod 600 "$KEY_FILE"
step "done in $(($(date +%s) - START)) s: instance $REDMINE_INSTANCE on database $REDMINE_DB," \
  "API key in $KEY_FILE"
