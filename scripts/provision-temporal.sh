#!/usr/bin/env bash
# Makes the two Temporal servers available without any download at run time:
#   - the Temporal CLI (dev server with Web UI and SQLite persistence), built from its Go module;
#   - the time-skipping test server, resolved from Maven Central and started by a wrapper that execs java.
# (The Temporal server itself, for the cluster test and `npm run cluster`, is scripts/provision-temporal-server.sh:
# `npm start` does not need it, so it is not built here.)
# Both land in a cache outside the work tree, so later runs (and other clones) reuse them.
# Prints nothing but a line per part when the cache is warm. Where a machine has neither Go nor Java,
# nothing is provisioned and @temporalio/testing downloads its servers as usual.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# The versions live in package.json ("config"), where client/embedded/temporal-binaries.ts reads them too.
# The CLI's is the newest release whose go.mod carries no replace directive, so `go install` works.
package_config() { node -p "require('$HERE/../package.json').config.$1"; }
TEMPORAL_CLI_VERSION="$(package_config temporalCliVersion)"
TEMPORAL_TEST_SERVER_VERSION="$(package_config temporalTestServerVersion)"
CACHE_DIR="${DPA_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/dpa-orchestrator}"

cli_dir="$CACHE_DIR/temporal-cli/$TEMPORAL_CLI_VERSION"
test_server_dir="$CACHE_DIR/temporal-test-server/$TEMPORAL_TEST_SERVER_VERSION"

provision_cli() {
  if [[ -x "$cli_dir/temporal" ]]; then
    # Already there: nothing to say (npm start keeps its output to the summary of addresses).
    return
  fi
  if ! command -v go >/dev/null; then
    echo "temporal cli: go not found; @temporalio/testing will download the dev server itself" >&2
    return
  fi
  echo "temporal cli $TEMPORAL_CLI_VERSION: building from its Go module (a few minutes, once)..."
  local staging
  staging="$(mktemp -d "$CACHE_DIR/.temporal-cli.XXXXXX")"
  GOBIN="$staging" CGO_ENABLED=0 GOFLAGS=-mod=mod go install \
    -ldflags "-s -w -X github.com/temporalio/cli/temporalcli.Version=$TEMPORAL_CLI_VERSION" \
    "github.com/temporalio/cli/cmd/temporal@v$TEMPORAL_CLI_VERSION"
  mkdir -p "$(dirname "$cli_dir")"
  rm -rf "$cli_dir"
  mv "$staging" "$cli_dir"   # atomic: a half-built binary is never found in the cache
  echo "temporal cli $TEMPORAL_CLI_VERSION: $cli_dir/temporal"
}

provision_test_server() {
  if [[ -x "$test_server_dir/temporal-test-server" ]]; then
    return
  fi
  if ! command -v java >/dev/null || ! command -v mvn >/dev/null; then
    echo "temporal test server: java or mvn not found; @temporalio/testing will download the test server itself" >&2
    return
  fi
  echo "temporal test server $TEMPORAL_TEST_SERVER_VERSION: resolving from Maven Central..."
  local staging
  staging="$(mktemp -d "$CACHE_DIR/.temporal-test-server.XXXXXX")"
  mvn -q -B -f "$HERE/temporal-test-server.pom.xml" \
    -Dtemporal.test.server.version="$TEMPORAL_TEST_SERVER_VERSION" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$staging/lib"
  # The SDK gives a spawned server about five seconds to answer, and kills it by pid: exec keeps the
  # pid the JVM's, and the flags keep its start near two seconds on two cores.
  cat >"$staging/temporal-test-server" <<'WRAPPER'
#!/bin/sh
dir="$(cd "$(dirname "$0")" && pwd)"
exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto ${TEMPORAL_TEST_SERVER_JAVA_OPTS:-} \
  -cp "$dir/lib/*" io.temporal.testserver.TestServer "$@"
WRAPPER
  chmod +x "$staging/temporal-test-server"
  mkdir -p "$(dirname "$test_server_dir")"
  rm -rf "$test_server_dir"
  mv "$staging" "$test_server_dir"
  echo "temporal test server $TEMPORAL_TEST_SERVER_VERSION: $test_server_dir/temporal-test-server"
}

mkdir -p "$CACHE_DIR"
provision_cli
provision_test_server
