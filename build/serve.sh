#!/usr/bin/env bash
# Team mode in one command: installs what is missing, builds the server (go build -tags server: no GTK or WebKit)
# into build/bin/policydesk-server and starts `policydesk-server serve` with the options given, e.g.
#   build/serve.sh --demo --listen 127.0.0.1:8080
#   build/serve.sh --data-dir /srv/policydesk --listen 0.0.0.0:8443 --tls-self-signed
set -euo pipefail
cd "$(dirname "$0")/.."
build/deps.sh
(cd frontend && npm run build --silent)
go build -tags server -trimpath -ldflags "-s -w" -o build/bin/policydesk-server .
exec build/bin/policydesk-server serve "$@"
