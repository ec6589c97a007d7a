#!/usr/bin/env bash
# End-to-end tests: the real app (dev build, real Go services) serves its UI on 127.0.0.1:34115 under Xvfb, and
# Debian's Chromium, driven by playwright-core, clicks through it. The tests start and restart the app themselves
# (frontend/e2e/harness.mjs). Screenshots go to build/e2e-screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f frontend/dist/index.html ] || (cd frontend && npm run build --silent)
go build -tags dev,webkit2_41 -o build/bin/policydesk-dev .
export POLICYDESK_BIN="$PWD/build/bin/policydesk-dev"
# Team mode (15-team): the server-only build, which links no GTK or WebKit.
go build -tags server -o build/bin/policydesk-server .
export POLICYDESK_SERVER_BIN="$PWD/build/bin/policydesk-server"
export POLICYDESK_ASSETS="$PWD/frontend/dist"
export E2E_SHOTS="$PWD/build/e2e-screenshots"
rm -rf "$E2E_SHOTS" && mkdir -p "$E2E_SHOTS"
cd frontend
xvfb-run -a -s '-screen 0 1360x900x24' node --test --test-concurrency=1 --test-reporter=spec e2e/
# Team mode once more with the server on PostgreSQL 15 (a throwaway cluster, as for the store tests).
E2E_SHOTS="$E2E_SHOTS/postgres" && mkdir -p "$E2E_SHOTS" && export E2E_SHOTS
../build/pg-test.sh bash -c 'E2E_SERVER_DB="$POLICYDESK_TEST_PG" exec xvfb-run -a -s "-screen 0 1360x900x24" node --test --test-concurrency=1 --test-reporter=spec e2e/15-team.test.mjs'
