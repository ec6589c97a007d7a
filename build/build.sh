#!/usr/bin/env bash
# Builds the desktop app into build/bin/policydesk (frontend first, then the Go binary with the assets embedded).
set -euo pipefail
cd "$(dirname "$0")/.."
(cd frontend && npm run build --silent)
go build -tags desktop,production,webkit2_41 -trimpath -ldflags "-s -w" -o build/bin/policydesk .
