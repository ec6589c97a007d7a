#!/usr/bin/env bash
# Installs what PolicyDesk needs on a Debian 12 machine (as root, or with sudo): the GTK/WebKit libraries Wails links
# against, Xvfb for running without a display, Chromium for end-to-end tests, CJK fonts, and the frontend's npm
# packages. Safe to run again: installed packages are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.1-dev xvfb xauth xdotool chromium fonts-noto-cjk
  imagemagick poppler-utils)
if [ "${POLICYDESK_TEST_DEPS:-0}" = 1 ]; then
  # Only the test suite needs these: a real IMAP server, LibreOffice for document checks, and PostgreSQL 15 whose
  # binaries build/pg-test.sh uses for a throwaway cluster (the store's tests run on it a second time).
  packages+=(dovecot-imapd libreoffice-writer-nogui postgresql-15)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "==> 安装系统依赖: ${missing[*]}"
  $sudo apt-get update -qq
  # With recommends, as on the machines these scripts were tested on (LibreOffice needs some of them to convert).
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v go >/dev/null; then echo "需要 Go 1.26 或更新版本(https://go.dev/dl/)" >&2; exit 1; fi
if ! command -v npm >/dev/null; then echo "需要 Node.js 20 或更新版本" >&2; exit 1; fi

# npm ci only when the lock file changed since the last install.
stamp=frontend/node_modules/.package-lock.sha
want=$(sha256sum frontend/package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "==> 安装前端依赖 (npm ci)"
  (cd frontend && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
fi
go mod download
