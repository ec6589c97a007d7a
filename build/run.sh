#!/usr/bin/env bash
# One command to build and start PolicyDesk on Debian 12: installs what is missing, builds, and starts the app.
# The first start seeds a demo bureau. Without a display the app runs under Xvfb (a virtual screen).
# Options are passed to the app, e.g.  build/run.sh --data-dir /tmp/pd-demo
set -euo pipefail
cd "$(dirname "$0")/.."
build/deps.sh
build/build.sh
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec build/bin/policydesk "$@"
fi
# xvfb-run guards the virtual screen with an X authority file of its own: a screenshot taken from another
# shell needs that file as well as the display number, so both are written down.
echo "==> 没有图形显示，使用虚拟屏幕(Xvfb)运行；截图: DISPLAY=\$(cat /tmp/policydesk-display) XAUTHORITY=\$(cat /tmp/policydesk-xauthority) import -window root shot.png"
exec xvfb-run -a -s '-screen 0 1360x900x24' bash -c 'echo "$DISPLAY" > /tmp/policydesk-display; echo "${XAUTHORITY:-}" > /tmp/policydesk-xauthority; exec "$0" "$@"' build/bin/policydesk "$@"
