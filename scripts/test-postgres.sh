#!/usr/bin/env bash
# Starts (or finds running) a throwaway PostgreSQL server for the tests, from Debian's package, and
# prints its URL. The tests create a database of their own on it per file. fsync is off: nothing
# here must survive a crash of the machine.
set -euo pipefail

PORT="${TEST_POSTGRES_PORT:-54329}"
DATA="${TEST_POSTGRES_DIR:-/tmp/dpa-orchestrator-test-postgres}"
URL="postgres://postgres@127.0.0.1:$PORT/postgres"

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
BIN="$(find_bin)"
if [[ -z "$BIN" ]]; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    echo "installing PostgreSQL from Debian's packages..." >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
    BIN="$(find_bin)"
  fi
  [[ -n "$BIN" ]] || { echo "PostgreSQL is not installed: apt-get install postgresql" >&2; exit 1; }
fi

as_owner() {
  # initdb refuses to run as root: the cluster belongs to the postgres user then.
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  echo "$URL"
  exit 0
fi

if [[ ! -f "$DATA/PG_VERSION" ]]; then
  rm -rf "$DATA"
  mkdir -p "$DATA"
  [[ "$(id -u)" == 0 ]] && chown postgres: "$DATA"
  as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --no-locale >/dev/null
fi
as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 \
  -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
echo "$URL"
