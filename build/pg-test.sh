#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15 cluster: initdb in a temp directory as an unprivileged user,
# listening only on 127.0.0.1 on a free port, with POLICYDESK_TEST_PG set to its DSN; the cluster is stopped and
# deleted at the end. PostgreSQL 15's binaries come from Debian's postgresql-15 (build/deps.sh installs it for
# the tests).
#   build/pg-test.sh go test -count=1 ./internal/sqlite
set -euo pipefail
pgbin=${POLICYDESK_PG_BIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$pgbin/initdb" ]; then
  echo "未找到 PostgreSQL 15($pgbin)：请安装 postgresql-15(POLICYDESK_TEST_DEPS=1 build/deps.sh)" >&2
  exit 1
fi
if [ "$#" -eq 0 ]; then echo "用法: build/pg-test.sh 命令 [参数…]" >&2; exit 2; fi

# initdb refuses to run as root: the cluster belongs to the postgres user (or nobody) when run as root.
as=()
if [ "$(id -u)" -eq 0 ]; then
  user=postgres
  id -u "$user" >/dev/null 2>&1 || user=nobody
  as=(runuser -u "$user" --)
fi
dir=$(mktemp -d /tmp/policydesk-pg.XXXXXX)
chmod 755 "$dir"
[ ${#as[@]} -eq 0 ] || chown "$user" "$dir"
cleanup() {
  "${as[@]}" "$pgbin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

# A free loopback port: one nobody answers on.
for _ in $(seq 50); do
  port=$((20000 + RANDOM % 40000))
  (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
done
"${as[@]}" "$pgbin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
# Test settings: durability off (the cluster is thrown away), loopback only, no Unix socket outside the temp dir.
"${as[@]}" "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "-c listen_addresses=127.0.0.1 -p $port \
  -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }

export POLICYDESK_TEST_PG="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
echo "PostgreSQL 15 测试库: $POLICYDESK_TEST_PG" >&2
"$@"
