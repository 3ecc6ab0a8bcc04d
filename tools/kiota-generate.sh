#!/usr/bin/env bash
# Runs the pinned Kiota on an OpenAPI document: kiota-generate.sh OPENAPI.json OUTPUT_FOLDER
# (shared by generate-api-client.sh and the test that regenerates the client and compares it with the committed one).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet kiota generate --language CSharp --openapi "$1" --output "$2" --class-name DatelineClient \
  --namespace-name Dateline.Web.Tests.Client --exclude-backward-compatible --clean-output --log-level Warning >/dev/null
rm -f "$2/kiota-lock.json" "$2/.kiota.log"
