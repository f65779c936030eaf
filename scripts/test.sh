#!/usr/bin/env bash
# `npm test`: provisions what the tests need (the Temporal servers, a PostgreSQL server), type-checks,
# and runs every test. Extra arguments go to jest, e.g. `npm test -- test/unit`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/provision-temporal.sh
if [[ -z "${TEST_DATABASE_URL:-}" ]]; then
  TEST_DATABASE_URL="$(bash scripts/test-postgres.sh)"
  export TEST_DATABASE_URL
fi
npx tsc --noEmit -p .
# PGlite loads its WebAssembly through a dynamic import, which jest's module sandbox allows only so.
NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning ${NODE_OPTIONS:-}" npx jest "$@"
