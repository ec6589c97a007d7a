package sqlite_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/sqlite"
)

// hostileCopy makes a backup of db and changes it with stmts through a plain connection.
func hostileCopy(t *testing.T, db *sqlite.DB, dir, name string, stmts ...string) string {
	t.Helper()
	b, err := db.Backup(context.Background(), dir, core.BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	path := b.Path
	if name != "" { // renamed, the manifest still names the original file, which is refused on its own
		path = filepath.Join(dir, name)
		if err := os.Rename(b.Path, path); err != nil {
			t.Fatal(err)
		}
	}
	conn, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, s := range stmts {
		if _, err := conn.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	return path
}

func TestRestoreRefusesHostileBackups(t *testing.T) {
	skipOnPostgres(t, "backups are SQLite files (VACUUM INTO, the online backup API); pg_dump backups are next")
	db, ctx := auditFixture(t)
	dir := t.TempDir()
	refuse := func(path, want string) {
		t.Helper()
		before, _ := db.VerifyAudit(ctx)
		_, err := db.Restore(ctx, path, dir)
		wantCode(t, err, core.EINVALID)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("restore %s: %v, want a message naming %q", filepath.Base(path), err, want)
		}
		if after, _ := db.VerifyAudit(ctx); !after.OK || after.Entries != before.Entries {
			t.Errorf("live database changed by a refused restore: %+v", after)
		}
	}
	// Another application's file that happens to have the checked tables.
	refuse(hostileCopy(t, db, dir, "other-app.db", `PRAGMA application_id = 1234`), "不是本程序的数据库")
	// A skeleton: only a few tables.
	refuse(hostileCopy(t, db, dir, "skeleton.db", `DROP TABLE comments`), "缺少 索引 comments_batch ON comments")
	// A backup carrying a trigger that would erase later audit entries.
	refuse(hostileCopy(t, db, dir, "trigger.db", `CREATE TRIGGER wipe AFTER INSERT ON audit_log BEGIN SELECT 1; END`), "触发器 wipe")
	// A changed column.
	refuse(hostileCopy(t, db, dir, "column.db", `ALTER TABLE sections ADD COLUMN note TEXT`), "sections")
	// A broken audit chain.
	refuse(hostileCopy(t, db, dir, "chain.db", `DROP TRIGGER audit_log_no_delete`, `DELETE FROM audit_log WHERE id = 2`,
		`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, '审计日志只能追加，不能删除记录');
END`), "审计日志不完整")
	// The newest audit entries cut off after the backup was taken: the chain still verifies, the manifest does not.
	cut := hostileCopy(t, db, dir, "", `DROP TRIGGER audit_log_no_delete`, `DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)`,
		`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, '审计日志只能追加，不能删除记录');
END`)
	refuse(cut, "末尾记录被删除")
	// A backup without its manifest, and one whose manifest was edited.
	bare := hostileCopy(t, db, dir, "")
	if err := os.Remove(bare + core.BackupManifestSuffix); err != nil {
		t.Fatal(err)
	}
	refuse(bare, "缺少校验清单")
	edited := hostileCopy(t, db, dir, "")
	data, _ := os.ReadFile(edited + core.BackupManifestSuffix)
	if err := os.WriteFile(edited+core.BackupManifestSuffix, []byte(strings.Replace(string(data), `"auditEntries": 4`, `"auditEntries": 3`, 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	refuse(edited, "签名无效")
	// The genuine one is accepted and its head becomes the live head.
	good := hostileCopy(t, db, dir, "")
	if _, err := sqlite.NewSettingsStore(db).SaveSection(ctx, core.Section{Name: "信息中心", Active: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Restore(ctx, good, dir); err != nil {
		t.Fatal(err)
	}
	if check, err := db.VerifyAudit(ctx); err != nil || !check.OK || check.Entries != 4 {
		t.Fatalf("after restore: %+v, %v", check, err)
	}
}

func TestReplaceWithBackupFailureKeepsOriginal(t *testing.T) {
	skipOnPostgres(t, "backups are SQLite files (VACUUM INTO, the online backup API); pg_dump backups are next")
	db, ctx := auditFixture(t)
	dir := t.TempDir()
	b, err := db.Backup(ctx, dir, core.BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	orig, _ := os.ReadFile(db.Path)
	// The replacement cannot be written (a directory stands where its temporary file goes).
	if err := os.Mkdir(db.Path+".restoring", 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(db.Path+".restoring", "x"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := sqlite.ReplaceWithBackup(ctx, db.Path, b.Path, dir); err == nil {
		t.Fatal("replace succeeded although the replacement could not be written")
	}
	if now, err := os.ReadFile(db.Path); err != nil || len(now) != len(orig) {
		t.Fatalf("original database gone or changed: %d bytes, %v", len(now), err)
	}
}
