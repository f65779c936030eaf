#!/usr/bin/env bash
# `npm run cluster`: the compose topology (docker-compose.yml) on this machine without Docker, the way to
# outgrow `npm start`: the Temporal server on PostgreSQL (persistence and SQL visibility, the product's
# search attributes), the webhook endpoint and WORKERS (2) worker processes, each its own process.
# CLUSTER_POSTGRES_URL names an administrator's URL of your PostgreSQL server; unset, the tests' one is
# started (scripts/test-postgres.sh: a throwaway server, fsync off, under /tmp). The settings are
# compose's (README: "Settings"); TEMPORAL_PORT (7233) is the frontend's port. Ctrl-C stops it all.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/provision-temporal.sh
bash scripts/provision-temporal-server.sh
if [[ -z "${CLUSTER_POSTGRES_URL:-}" ]]; then
  CLUSTER_POSTGRES_URL="$(bash scripts/test-postgres.sh)"
  export CLUSTER_POSTGRES_URL
fi
exec node --import tsx test/support/cluster.ts
