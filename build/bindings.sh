#!/usr/bin/env bash
# Regenerates the TypeScript bindings of the Go services (frontend/wailsjs) the way `wails generate module`
# does: build with the "bindings" tag and run the binary, which writes them and exits. The output type
# (bindings.ts_generation.outputType in wails.json: "interfaces") reaches the binary the way the wails command
# passes it, as the tsoutputtype variable.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p frontend/dist && touch frontend/dist/.gitkeep
outputType=$(tr -d '\n' < wails.json | grep -o '"outputType"[[:space:]]*:[[:space:]]*"[a-z]*"' | grep -o '"[a-z]*"$' | tr -d '"' || true)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -tags bindings -o "$tmp/policydesk-bindings" .
POLICYDESK_DATA_DIR="$tmp/data" tsoutputtype="${outputType:-classes}" "$tmp/policydesk-bindings" > "$tmp/log" 2>&1 || { cat "$tmp/log" >&2; exit 1; }
