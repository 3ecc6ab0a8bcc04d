#!/usr/bin/env bash
# Loopback load test of `dateline serve`: a fresh store with the demo corpus, the server on a free 127.0.0.1 port,
# then bench/Dateline.LoadTest (bounded: CLIENTS clients for SECONDS seconds, one ingest running throughout).
# Usage: bench/load.sh [CLIENTS=100] [SECONDS=60] [SERVE_ARGS...]   (e.g. --no-cache to measure without the read cache)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
clients=${1:-100}
seconds=${2:-60}
shift $(( $# < 2 ? $# : 2 ))
tmp=$(mktemp -d)
key=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT

./dateline --db "$tmp/load.db" demo >/dev/null
dotnet build bench/Dateline.LoadTest -c Release --nologo -v quiet -clp:ErrorsOnly
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
DATELINE_API_KEY="$key" ./dateline serve --db "$tmp/load.db" --urls "http://127.0.0.1:$port" "$@" >"$tmp/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break; sleep 0.5; done

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load on the cores now: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet bench/Dateline.LoadTest/bin/Release/net10.0/Dateline.LoadTest.dll --url "http://127.0.0.1:$port" --clients "$clients" \
  --seconds "$seconds" --key "$key"
