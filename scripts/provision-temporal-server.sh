#!/usr/bin/env bash
# Builds the Temporal server and its SQL tool from their Go module, at the version the CLI embeds
# (package.json "config".temporalServerVersion), into the same cache as the CLI, with the server's
# PostgreSQL schema beside them. test/support/cluster.ts (and scripts/cluster.sh) run the PostgreSQL
# backed cluster from there. Called by scripts/test.sh and scripts/cluster.sh (not by `npm start`, which
# needs only the CLI); quiet when the cache is warm.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
package_config() { node -p "require('$HERE/../package.json').config.$1"; }
TEMPORAL_SERVER_VERSION="$(package_config temporalServerVersion)"
CACHE_DIR="${DPA_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/dpa-orchestrator}"
server_dir="$CACHE_DIR/temporal-server/$TEMPORAL_SERVER_VERSION"

if [[ -x "$server_dir/temporal-server" && -x "$server_dir/temporal-sql-tool" && -d "$server_dir/schema" ]]; then
  exit 0
fi
if ! command -v go >/dev/null; then
  echo "temporal server: go not found; the cluster test (test/e2e/cluster.test.ts) will fail without it" >&2
  exit 0
fi

echo "temporal server $TEMPORAL_SERVER_VERSION: building the server and its SQL tool from their Go module (a few minutes, once)..."
mkdir -p "$CACHE_DIR"
staging="$(mktemp -d "$CACHE_DIR/.temporal-server.XXXXXX")"
trap 'rm -rf "$staging"' EXIT
# One `go install` for both: they share the module's build, and its version is a tag without replace
# directives, so module mode works outside any go.mod.
GOBIN="$staging/bin" CGO_ENABLED=0 GOFLAGS=-mod=mod go install -ldflags "-s -w" \
  "go.temporal.io/server/cmd/server@v$TEMPORAL_SERVER_VERSION" \
  "go.temporal.io/server/cmd/tools/sql@v$TEMPORAL_SERVER_VERSION"
mv "$staging/bin/server" "$staging/temporal-server"
mv "$staging/bin/sql" "$staging/temporal-sql-tool"
rmdir "$staging/bin"
# The schema the SQL tool applies ships in the same module: copy PostgreSQL's, so the cache does not
# depend on Go's module cache staying put.
module_dir="$(GOFLAGS=-mod=mod go mod download -json "go.temporal.io/server@v$TEMPORAL_SERVER_VERSION" |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).Dir))')"
mkdir -p "$staging/schema"
cp -R "$module_dir/schema/postgresql/v12" "$staging/schema/postgresql-v12"
chmod -R u+w "$staging/schema"   # the module cache is read-only; the cache copy need not be
mkdir -p "$(dirname "$server_dir")"
rm -rf "$server_dir"
mv "$staging" "$server_dir"   # atomic: a half-built server is never found in the cache
trap - EXIT
echo "temporal server $TEMPORAL_SERVER_VERSION: $server_dir/temporal-server, $server_dir/temporal-sql-tool"
