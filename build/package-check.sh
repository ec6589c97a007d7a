#!/usr/bin/env bash
# Builds the three installers (build/package.sh) and checks them the way a desk would use them: the Windows exe needs
# only system DLLs, the webkit2gtk-4.1 package installs with its Depends, answers on the command line, opens its
# window (screenshot: build/e2e-screenshots/package-deb41.png), removes and purges cleanly, and lintian finds no
# errors in either .deb. Installs into /usr/bin (needs root) and always removes the package again.
set -euo pipefail
cd "$(dirname "$0")/.."
t0=$(date +%s)
build/package.sh
version=$(node -p 'require("./wails.json").info.productVersion')
dist=build/dist
deb41=$dist/policydesk_${version}-1_amd64-webkit2gtk-4.1.deb
deb40=$dist/policydesk_${version}-1_amd64-webkit2gtk-4.0.deb
setup=$dist/policydesk-$version-windows-amd64-setup.exe
fail() { echo "安装包检查失败：$*" >&2; exit 1; }
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

echo "==> Windows 安装程序"
file "$setup" | grep -q 'PE32 executable (GUI)' || fail "$setup 不是 Windows 程序"
exe=build/.package/windows/policydesk.exe
dlls=$(x86_64-w64-mingw32-objdump -p "$exe" | sed -n 's/^\s*DLL Name: //p' | tr 'A-Z' 'a-z' | sort -u)
echo "policydesk.exe 导入的 DLL：$(echo $dlls)"
if grep -Eq 'libstdc|libgcc|libwinpthread|libjieba|\.so' <<< "$dlls"; then fail "policydesk.exe 依赖 MinGW 运行库"; fi

echo "==> lintian"
for f in "$deb41" "$deb40"; do
  report=$(lintian --tag-display-limit 0 "$f" 2>&1 | grep -v 'running with root privileges' || true)
  [ -z "$report" ] || echo "$report"
  if grep -q '^E: ' <<< "$report"; then fail "lintian 报告 $f 有错误"; fi
done

echo "==> 安装 $deb41"
tmp=$(mktemp -d)
app_pid="" xvfb_pid=""
cleanup() {
  [ -z "$app_pid" ] || kill "$app_pid" 2>/dev/null || true
  [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
  if dpkg-query -W -f='${Status}' policydesk 2>/dev/null | grep -q 'ok installed'; then $sudo dpkg -P policydesk >/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
if ! $sudo dpkg -i "$deb41" >/dev/null 2>"$tmp/dpkg.err"; then
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -f -y -qq >/dev/null
fi
dpkg-query -W -f='${Status}' policydesk | grep -q 'ok installed' || { cat "$tmp/dpkg.err"; fail "policydesk 未能安装"; }
for f in /usr/bin/policydesk /usr/share/applications/policydesk.desktop /lib/systemd/system/policydesk-server.service \
  /usr/share/icons/hicolor/16x16/apps/policydesk.png /usr/share/icons/hicolor/512x512/apps/policydesk.png \
  /usr/share/icons/hicolor/scalable/apps/policydesk.svg /usr/share/doc/policydesk/copyright; do
  [ -e "$f" ] || fail "安装后缺少 $f"
done
getent passwd policydesk >/dev/null || fail "postinst 没有创建系统用户 policydesk"
[ "$(stat -c %U /var/lib/policydesk)" = policydesk ] || fail "/var/lib/policydesk 不属于 policydesk"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate /usr/share/applications/policydesk.desktop; fi

export POLICYDESK_DATA_DIR="$tmp/data"
answer=$(/usr/bin/policydesk workday 2026-10-10)
[ "$answer" = true ] || fail "policydesk workday 2026-10-10 应为 true(国庆调休上班)，实际：$answer"
/usr/bin/policydesk --version | grep -q "^policydesk $version (commit [0-9a-f]" || fail "--version 输出不对：$(/usr/bin/policydesk --version)"
echo "workday 2026-10-10 → $answer；$(/usr/bin/policydesk --version)"

echo "==> 在 Xvfb 中启动已安装的程序并截图"
disp=:$(( 90 + RANDOM % 400 ))
Xvfb "$disp" -ac -screen 0 1360x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
sleep 1
DISPLAY=$disp HOME="$tmp" /usr/bin/policydesk >"$tmp/app.log" 2>&1 &
app_pid=$!
shown=""
for _ in $(seq 1 60); do
  kill -0 "$app_pid" 2>/dev/null || { cat "$tmp/app.log"; fail "程序启动后退出"; }
  if DISPLAY=$disp xdotool search --onlyvisible --name '政策解读与公众参与工作台' >/dev/null 2>&1; then shown=1; break; fi
  sleep 1
done
[ -n "$shown" ] || { cat "$tmp/app.log"; fail "60 秒内没有出现程序窗口"; }
sleep 6 # let the page render
mkdir -p build/e2e-screenshots
DISPLAY=$disp /usr/bin/import -window root build/e2e-screenshots/package-deb41.png
echo "截图：build/e2e-screenshots/package-deb41.png"
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
kill "$xvfb_pid"; wait "$xvfb_pid" 2>/dev/null || true; xvfb_pid=""

echo "==> 卸载"
$sudo dpkg -r policydesk >/dev/null
[ ! -e /usr/bin/policydesk ] || fail "dpkg -r 后 /usr/bin/policydesk 仍在"
[ ! -e /usr/share/applications/policydesk.desktop ] || fail "dpkg -r 后 .desktop 仍在"
$sudo dpkg -P policydesk >/dev/null
! dpkg-query -W -f='${Status}' policydesk 2>/dev/null | grep -q installed || fail "dpkg -P 后仍有 policydesk 的记录"
[ ! -e /var/lib/policydesk ] || fail "清除后空的 /var/lib/policydesk 仍在"
echo "安装包检查通过，用时 $(( $(date +%s) - t0 )) 秒"
