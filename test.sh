#!/usr/bin/env bash
# Runs every test of Dateline: builds the solution once (Release), runs all test projects, prints "N passed, N failed".
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter "FullyQualifiedName~Storage").
# Tests that need ../shared skip without it; with DATELINE_REQUIRE_CORPORA=1 (as in CI) they fail instead.
# PostgreSQL tests run against $DATELINE_TEST_POSTGRES; when it is unset and PostgreSQL is installed, a throwaway server
# is started for the run (tools/pg-test-server.sh) and stopped after. Without either they skip, and with
# DATELINE_REQUIRE_POSTGRES=1 (as in CI) they fail instead.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
if [ -z "${DATELINE_TEST_POSTGRES:-}" ] && ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  pg_dir=$(mktemp -d /tmp/dateline-pg.XXXXXX)
  if url=$(tools/pg-test-server.sh start "$pg_dir"); then
    export DATELINE_TEST_POSTGRES="$url"
    trap 'tools/pg-test-server.sh stop "$pg_dir"' EXIT
    echo "PostgreSQL test server: $url"
  else
    echo "could not start a PostgreSQL test server; PostgreSQL tests will skip (or fail if required)" >&2
  fi
fi
results="$PWD/TestResults"
rm -rf "$results"
mkdir -p "$results"

if ! dotnet build Dateline.slnx -c Release --nologo -v quiet -clp:ErrorsOnly; then
  echo "0 passed, 1 failed (build failed)"
  exit 1
fi

dotnet test Dateline.slnx -c Release --no-build --nologo --results-directory "$results" \
  --logger "console;verbosity=minimal" "$@" 2>&1 | tee "$results/test.log"
status=${PIPESTATUS[0]}

# One summary line per test assembly: "Passed!  - Failed: 0, Passed: 25, Skipped: 0, Total: 25, ..."
read -r passed failed skipped < <(sed -n 's/.*Failed: *\([0-9]*\), Passed: *\([0-9]*\), Skipped: *\([0-9]*\), Total.*/\2 \1 \3/p' \
  "$results/test.log" | awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then echo "no tests ran"; failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
