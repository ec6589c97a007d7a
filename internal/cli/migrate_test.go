package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// migrate's refusals, before anything is opened or copied (the copy itself: internal/sqlite TestPostgresCopyFromSQLite).
func TestMigrateRefusals(t *testing.T) {
	src, dest := t.TempDir(), t.TempDir()
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"migrate"}, 2, "用法"},
		{[]string{"migrate", "--from", src}, 2, "用法"},
		{[]string{"migrate", "--from", src, "--to", filepath.Join(dest, "x.db")}, 2, "PostgreSQL 连接串"},
		{[]string{"migrate", "--from", src, "--to", "postgres://u@127.0.0.1:1/pd", "--data-dir", dest}, 1, "没有 PolicyDesk 数据库"},
		{[]string{"migrate", "--from", dest, "--to", "postgres://u@127.0.0.1:1/pd", "--data-dir", dest}, 1, "不能是同一个目录"},
	} {
		_, errOut, code := run(t, c.args...)
		if code != c.code || !strings.Contains(errOut, c.says) {
			t.Errorf("%q: exit %d, %q; want %d and %q", c.args, code, errOut, c.code, c.says)
		}
	}
}
