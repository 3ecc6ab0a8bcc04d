#!/usr/bin/env bash
# Regenerates the typed API client the web tests compile and call (tests/Dateline.Web.Tests/Client/):
# serves an empty store on a free loopback port, saves its /openapi/v1.json, and runs the pinned Kiota
# (.config/dotnet-tools.json). Run after changing the API; the tests fail while the committed document is stale.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=tests/Dateline.Web.Tests/Client
tmp=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT

dotnet tool restore >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
./dateline serve --db "$tmp/empty.db" --urls "http://127.0.0.1:$port" >"$tmp/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/openapi/v1.json" -o "$tmp/openapi.json" 2>/dev/null && break
  sleep 0.5
done
[ -s "$tmp/openapi.json" ] || { cat "$tmp/serve.log"; echo "the server did not answer" >&2; exit 1; }

"$(dirname "$0")/kiota-generate.sh" "$tmp/openapi.json" "$out"
cp "$tmp/openapi.json" "$out/openapi.json"
echo "wrote $out (client) and $out/openapi.json"
