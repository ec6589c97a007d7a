#!/usr/bin/env bash
# One command to run every test of PolicyDesk on Debian 12: formatting, generated bindings, go vet, Go unit tests
# (race detector where affordable), bounded fuzzing of every importer and parser, the frontend's type check and
# lint and unit tests, end-to-end tests in Chromium against the real app, and the installers (built, installed, removed).
set -euo pipefail
cd "$(dirname "$0")/.."
POLICYDESK_TEST_DEPS=1 build/deps.sh
step() { printf '\n==> %s\n' "$*"; }
t0=$(date +%s)

step "gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './frontend/*'))
if [ -n "$unformatted" ]; then echo "gofmt would change:"; echo "$unformatted"; exit 1; fi

step "生成的前端绑定与 Go 代码一致"
build/bindings.sh
if git rev-parse --git-dir >/dev/null 2>&1; then
  if ! git diff --quiet -- frontend/wailsjs || [ -n "$(git ls-files --others --exclude-standard frontend/wailsjs)" ]; then
    git status --short frontend/wailsjs
    echo "frontend/wailsjs 与 Go 服务不一致：请运行 build/bindings.sh 并提交结果" >&2
    exit 1
  fi
fi

step "前端构建与类型检查 (vue-tsc + vite)"
(cd frontend && npm run build --silent)

step "前端代码检查 (eslint + eslint-plugin-vue)"
(cd frontend && npx eslint .)

step "go vet"
go vet ./...

step "staticcheck"
# Pinned: the version that supports this Go release; installed into the module's own tool folder.
staticcheck=build/bin/staticcheck
if [ ! -x "$staticcheck" ] || ! "$staticcheck" -version 2>/dev/null | grep -q 0.8.2; then
  GOBIN="$PWD/build/bin" go install honnef.co/go/tools/cmd/staticcheck@v0.8.2
fi
"$staticcheck" ./...

step "服务器版本不链接 GTK/WebKit (go build -tags server)"
go build -tags server -o build/bin/policydesk-server .
if ldd build/bin/policydesk-server | grep -Ei 'gtk|webkit|gdk'; then
  echo "policydesk serve 的服务器版本不应链接 GTK/WebKit" >&2
  exit 1
fi

step "go test (竞态检测: 纯 Go 领域包)"
race_pkgs=$(go list ./internal/... | grep -E '/internal/(core|calendar|datadir|privacy|dedup)$' || true)
[ -z "$race_pkgs" ] || go test -race -count=1 $race_pkgs
step "go test ./..."
go test -count=1 ./...
step "go test ./internal/sqlite 与多进程事件转发对 PostgreSQL 15 (临时集群)"
build/pg-test.sh bash -c 'go test -count=1 ./internal/sqlite && go test -count=1 -run Postgres ./internal/server'

if [ -x build/fuzz.sh ]; then
  step "模糊测试 (每个目标限时)"
  build/fuzz.sh
fi

step "前端单元测试 (vitest)"
(cd frontend && npx vitest run)

step "端到端测试 (Chromium + 真实 Go 服务)"
build/e2e.sh

step "安装包 (Windows setup.exe、两个 .deb：构建、安装、启动截图、卸载、lintian)"
PACKAGE_SKIP_FRONTEND=1 build/package-check.sh

echo
echo "全部测试通过，用时 $(( $(date +%s) - t0 )) 秒"
