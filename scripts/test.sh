#!/usr/bin/env bash
# `npm test`: provisions what the tests need (the Temporal servers, a PostgreSQL server), type-checks,
# lints, checks the format, and runs every test. Extra arguments go to jest, e.g. `npm test -- test/unit`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/provision-temporal.sh
# The Temporal server and its SQL tool, for the cluster on PostgreSQL (test/e2e/cluster.test.ts).
bash scripts/provision-temporal-server.sh
if [[ -z "${TEST_DATABASE_URL:-}" ]]; then
  TEST_DATABASE_URL="$(bash scripts/test-postgres.sh)"
  export TEST_DATABASE_URL
fi
npx tsc --noEmit -p .
# The house style and the layers (eslint.config.mjs), and one format (Prettier): a violation fails the run.
npx eslint --max-warnings 0 .
npx prettier --check --log-level warn "**/*.{ts,js,mjs}"

summary="$(mktemp)"
trap 'rm -f "$summary"' EXIT
status=0
# PGlite loads its WebAssembly through a dynamic import, which jest's module sandbox allows only so.
NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning ${NODE_OPTIONS:-}" \
  npx jest --json --outputFile="$summary" "$@" || status=$?
# One plain closing line, whatever the reporter printed above it.
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`jest: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : ""));
' "$summary" 2>/dev/null || true
exit "$status"
