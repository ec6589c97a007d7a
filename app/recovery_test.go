package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/rules"
	"policydesk/internal/sqlite"
)

func TestRecoveryServiceRestoresADamagedDatabase(t *testing.T) {
	dir := t.TempDir()
	backups := filepath.Join(dir, "backups")
	db := sqlite.NewDB(filepath.Join(dir, "policydesk.db"), rules.All())
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := sqlite.NewSettingsStore(db).SaveBureau(ctx, core.Bureau{Name: "临江市规划和自然资源局"}); err != nil {
		t.Fatal(err)
	}
	b, err := db.Backup(ctx, backups, core.BackupDaily)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if err := os.WriteFile(db.Path, []byte("SQLite format 3\x00 damaged"), 0o600); err != nil {
		t.Fatal(err)
	}

	healthy := NewRecoveryService("", db.Path, backups, sqlite.ListBackups, sqlite.ReplaceWithBackup)
	if st, _ := healthy.Status(); !st.OK || len(st.Backups) != 0 {
		t.Fatalf("healthy status = %+v", st)
	}
	if _, err := healthy.RestoreAndQuit(b.Name); core.ErrorCode(err) != core.EFORBID {
		t.Fatalf("restore on a healthy start: %v", err)
	}

	s := NewRecoveryService("数据库文件已损坏", db.Path, backups, sqlite.ListBackups, sqlite.ReplaceWithBackup)
	quit := make(chan struct{})
	s.quit = func(context.Context) { close(quit) }
	st, err := s.Status()
	if err != nil || st.OK || st.Problem == "" || len(st.Backups) != 1 || st.Backups[0].Name != b.Name {
		t.Fatalf("damaged status = %+v, %v", st, err)
	}
	if _, err := s.RestoreAndQuit("../../etc/passwd"); core.ErrorCode(err) != core.EINVALID {
		t.Fatalf("path outside backups accepted: %v", err)
	}
	kept, err := s.RestoreAndQuit(b.Name)
	if err != nil {
		t.Fatal(err)
	}
	<-quit
	if _, err := os.Stat(kept.Path); err != nil {
		t.Fatalf("damaged file not kept: %v", err)
	}
	db2 := sqlite.NewDB(db.Path, rules.All())
	if err := db2.Open(); err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	if got, _ := sqlite.NewSettingsStore(db2).Bureau(ctx); got.Name != "临江市规划和自然资源局" {
		t.Fatalf("after recovery: %q", got.Name)
	}
}
