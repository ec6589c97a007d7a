#!/usr/bin/env bash
# Builds PolicyDesk's installers on a Debian 12 machine (as root, or with sudo for the system packages):
#   build/dist/policydesk-VERSION-windows-amd64-setup.exe       Windows 10/11 (per-machine NSIS installer)
#   build/dist/policydesk_VERSION-1_amd64-webkit2gtk-4.1.deb     Debian 12+, Ubuntu 24.04, deepin 23
#   build/dist/policydesk_VERSION-1_amd64-webkit2gtk-4.0.deb     统信UOS 1070, 麒麟 V10 (only webkit2gtk-4.0)
# The version is wails.json's info.productVersion; the commit is `git rev-parse HEAD`. Re-runs reuse the Go build
# cache and skip the icons when the SVG did not change.
#   PACKAGE_SKIP_FRONTEND=1   use frontend/dist as it is (build/test.sh has just built it)
#   PACKAGE_TARGETS="windows deb41 deb40"   build only some of them
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=build/dist
work=build/.package
mkdir -p "$out" "$work"
targets=" ${PACKAGE_TARGETS:-windows deb41 deb40} "
t0=$(date +%s)
step() { printf '\n==> %s (%ss)\n' "$*" "$(( $(date +%s) - t0 ))"; }

# --- system packages ---------------------------------------------------------------------------------------------
packages=(build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.1-dev libwebkit2gtk-4.0-dev gcc-mingw-w64-x86-64
  g++-mingw-w64-x86-64 binutils-mingw-w64-x86-64 nsis dpkg-dev fakeroot lintian librsvg2-bin imagemagick fonts-noto-cjk)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  step "安装打包所需的系统软件包: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

version=$(node -p 'require("./wails.json").info.productVersion')
commit=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
if [ "$commit" != unknown ] && ! git diff --quiet HEAD -- . ':!build/dist' 2>/dev/null; then commit="$commit-dirty"; fi
ldflags="-s -w -X policydesk/internal/buildinfo.Commit=$commit"
# The Maintainer of the .deb files and their changelog (set PACKAGE_MAINTAINER to the bureau's packaging contact).
maintainer=${PACKAGE_MAINTAINER:-"PolicyDesk <packaging@policydesk.example.org>"}
echo "版本 $version，提交 $commit"

# --- frontend ----------------------------------------------------------------------------------------------------
if [ "${PACKAGE_SKIP_FRONTEND:-0}" != 1 ] || [ ! -f frontend/dist/index.html ]; then
  step "前端构建"
  (cd frontend && npm run build --silent >/dev/null)
fi

# --- icons: every size from the one SVG -----------------------------------------------------------------------------
svg=build/icons/policydesk.svg
icons=$work/icons
sizes=(16 22 24 32 48 64 128 256 512)
if [ ! -f "$icons/stamp" ] || [ "$(cat "$icons/stamp")" != "$(sha256sum "$svg" | cut -d' ' -f1)" ]; then
  step "图标 (PNG ${sizes[*]}、ICO、appicon.png)"
  rm -rf "$icons" && mkdir -p "$icons"
  for s in "${sizes[@]}" 1024; do rsvg-convert -w "$s" -h "$s" "$svg" -o "$icons/$s.png"; done
  /usr/bin/convert "$icons/16.png" "$icons/24.png" "$icons/32.png" "$icons/48.png" "$icons/64.png" "$icons/128.png" \
    "$icons/256.png" "$icons/policydesk.ico"
  sha256sum "$svg" | cut -d' ' -f1 > "$icons/stamp"
fi
# Wails looks for build/appicon.png (window icon on Linux, `wails build` icons); keep it in step with the SVG.
cmp -s "$icons/1024.png" build/appicon.png || cp "$icons/1024.png" build/appicon.png

# --- Windows -------------------------------------------------------------------------------------------------------
if [[ $targets == *" windows "* ]]; then
  step "Windows: 资源 (图标、版本信息、清单) 与 policydesk.exe"
  win=$work/windows
  mkdir -p "$win"
  IFS=. read -r vmaj vmin vpat _ <<< "$version.0.0"
  sed -e "s/@VERSION@/$version/g" -e "s/@VMAJ@/$vmaj/g" -e "s/@VMIN@/${vmin:-0}/g" -e "s/@VPAT@/${vpat:-0}/g" \
    -e "s|@ICON@|$root/$icons/policydesk.ico|g" -e "s|@MANIFEST@|$root/build/windows/policydesk.exe.manifest|g" \
    build/windows/policydesk.rc > "$win/policydesk.rc"
  # The .syso is picked up by the Go linker for GOOS=windows builds of the main package only.
  x86_64-w64-mingw32-windres -O coff -c 65001 -i "$win/policydesk.rc" -o rsrc_windows_amd64.syso
  # -static: libstdc++ (gojieba is C++), libgcc and libwinpthread go into the exe; it needs only Windows' DLLs.
  GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ \
    go build -tags desktop,production -trimpath -ldflags "$ldflags -H windowsgui -extldflags=-static" \
    -o "$win/policydesk.exe" .
  rm -f rsrc_windows_amd64.syso
  dlls=$(x86_64-w64-mingw32-objdump -p "$win/policydesk.exe" | sed -n 's/^\s*DLL Name: //p' | tr 'A-Z' 'a-z' | sort -u)
  bad=$(grep -Eiv '^(kernel32|user32|gdi32|advapi32|shell32|ole32|oleaut32|comctl32|comdlg32|ws2_32|winmm|version|shlwapi|uxtheme|dwmapi|crypt32|bcrypt|ntdll|secur32|iphlpapi|userenv|setupapi|winspool\.drv|imm32|msvcrt|powrprof|dnsapi|netapi32|mswsock|rpcrt4|wininet|winhttp|shcore|api-ms-win-[a-z0-9-]+)(\.dll)?$' <<< "$dlls" || true)
  if [ -n "$bad" ]; then echo "policydesk.exe 依赖非系统 DLL：$bad" >&2; exit 1; fi
  echo "policydesk.exe 只依赖系统 DLL：$(echo $dlls)"
  step "Windows: NSIS 安装程序"
  setup="$out/policydesk-$version-windows-amd64-setup.exe"
  # LZMA over the 36 MB exe is the slowest step: skipped when the exe, the script and the icon are unchanged.
  key="$version $(cat "$win/policydesk.exe" build/windows/installer.nsi "$icons/policydesk.ico" | sha256sum | cut -d' ' -f1)"
  if [ -f "$setup" ] && [ "$(cat "$win/setup.stamp" 2>/dev/null)" = "$key" ]; then
    echo "$setup 的内容未变，不重新打包"
  else
    makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$version" -DVMAJ="$vmaj" -DVMIN="${vmin:-0}" -DVPAT="${vpat:-0}" \
      -DEXE="$root/$win/policydesk.exe" -DICON="$root/$icons/policydesk.ico" -DOUTFILE="$root/$setup" \
      build/windows/installer.nsi
    echo "$key" > "$win/setup.stamp"
  fi
fi

# --- Debian packages -----------------------------------------------------------------------------------------------
# deb WEBKIT TAGS: builds the binary against webkit2gtk-WEBKIT and packs it with its Depends.
deb() {
  local webkit=$1 tags=$2 stage="$work/deb-$1" file="$out/policydesk_${version}-1_amd64-webkit2gtk-$1.deb"
  step "Debian 软件包 (webkit2gtk-$webkit)"
  rm -rf "$stage" && mkdir -p "$stage/DEBIAN" "$stage/usr/bin"
  go build -tags "$tags" -trimpath -buildmode=pie -ldflags "$ldflags" -o "$stage/usr/bin/policydesk" .
  install -Dm644 build/linux/policydesk.desktop "$stage/usr/share/applications/policydesk.desktop"
  for s in "${sizes[@]}"; do install -Dm644 "$icons/$s.png" "$stage/usr/share/icons/hicolor/${s}x${s}/apps/policydesk.png"; done
  install -Dm644 "$svg" "$stage/usr/share/icons/hicolor/scalable/apps/policydesk.svg"
  install -Dm644 build/linux/policydesk-server.service "$stage/lib/systemd/system/policydesk-server.service"
  install -Dm644 build/linux/copyright "$stage/usr/share/doc/policydesk/copyright"
  sed -e "s/@VERSION@/$version/g" -e "s|@MAINTAINER@|$maintainer|" build/linux/changelog |
    gzip -9n > "$stage/usr/share/doc/policydesk/changelog.Debian.gz"
  install -d "$stage/usr/share/man/man1"
  sed "s/@VERSION@/$version/g" build/linux/policydesk.1 | gzip -9n > "$stage/usr/share/man/man1/policydesk.1.gz"
  install -m755 build/linux/postinst build/linux/postrm "$stage/DEBIAN/"
  # Depends: the shared libraries the binary links, as dpkg-shlibdeps resolves them on this machine.
  local shl=$work/shlibs-$webkit
  rm -rf "$shl" && mkdir -p "$shl/debian"
  printf 'Source: policydesk\n\nPackage: policydesk\nArchitecture: amd64\n' > "$shl/debian/control"
  local libs
  libs=$(cd "$shl" && dpkg-shlibdeps -O "$root/$stage/usr/bin/policydesk" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
  [ -n "$libs" ] || { echo "dpkg-shlibdeps 未给出依赖" >&2; exit 1; }
  local size
  size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
  sed -e "s/@VERSION@/$version-1/" -e "s/@DEPENDS@/$libs, adduser/" -e "s/@SIZE@/$size/" -e "s/@WEBKIT@/$webkit/g" -e "s|@MAINTAINER@|$maintainer|" \
    build/linux/control > "$stage/DEBIAN/control"
  # xz over the binary takes a while: skipped when no staged file changed.
  local key
  key=$(cd "$stage" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
  if [ -f "$file" ] && [ "$(cat "$stage.stamp" 2>/dev/null)" = "$key" ]; then
    echo "内容未变，不重新打包"
  else
    dpkg-deb --root-owner-group -Zxz --build "$stage" "$file" >/dev/null
    echo "$key" > "$stage.stamp"
  fi
  echo "$file"
}
if [[ $targets == *" deb41 "* ]]; then deb 4.1 desktop,production,webkit2_41; fi
if [[ $targets == *" deb40 "* ]]; then deb 4.0 desktop,production; fi

step "完成"
ls -l "$out"
