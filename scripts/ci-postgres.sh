#!/usr/bin/env bash
# Starts a throw-away PostgreSQL for the storage tests and prints the line that exports
# TEST_DATABASE_URL, so CI runs:   eval "$(bash scripts/ci-postgres.sh)"
# Installs Debian's postgresql when missing (needs root and apt), then initdb's a cluster in a
# temp dir owned by the postgres user, listening on 127.0.0.1 only. Progress goes to stderr.
set -euo pipefail

PORT="${PGPORT_CI:-55432}"
DIR="${PGDATA_CI:-/tmp/chartmark-ci-pg}"
USER_NAME=chartmark
PASSWORD=chartmark
DB=chartmark_test

log() { echo "ci-postgres: $*" >&2; }

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  log "installing postgresql from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y postgresql >&2
fi
BIN="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")"
log "using $BIN"

if [ -f "$DIR/postmaster.pid" ]; then
  log "stopping the cluster left in $DIR"
  su postgres -c "$BIN/pg_ctl -D $DIR -m fast -w stop" >&2 || true
fi
rm -rf "$DIR"
mkdir -p "$DIR"
chown postgres:postgres "$DIR"
# Local connections trust; TCP needs the password, as a deployed server would.
su postgres -c "$BIN/initdb -D $DIR -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8" >&2
su postgres -c "$BIN/pg_ctl -D $DIR -l $DIR/server.log -w -o '-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=100 -c fsync=off' start" >&2
su postgres -c "$BIN/psql -h $DIR -p $PORT -U postgres -v ON_ERROR_STOP=1 -q" >&2 <<SQL
CREATE ROLE $USER_NAME LOGIN PASSWORD '$PASSWORD';
CREATE DATABASE $DB OWNER $USER_NAME;
SQL
URL="postgres://$USER_NAME:$PASSWORD@127.0.0.1:$PORT/$DB"
log "ready at $URL (stop: su postgres -c '$BIN/pg_ctl -D $DIR stop')"
echo "export TEST_DATABASE_URL=$URL"
