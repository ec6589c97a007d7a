package sqlite_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"policydesk/internal/core"
	"policydesk/internal/rules"
	"policydesk/internal/sqlite"
)

func TestBackupRestoreRoundTrip(t *testing.T) {
	skipOnPostgres(t, "backups are SQLite files (VACUUM INTO, the online backup API); pg_dump backups are next")
	db := mustOpen(t)
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "backups")
	s := sqlite.NewSettingsStore(db)
	if _, err := s.SaveBureau(ctx, core.Bureau{Name: "备份前的名称"}); err != nil {
		t.Fatal(err)
	}
	b, err := db.Backup(ctx, dir, core.BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	if b.Reason != core.BackupManual || b.ReasonLabel != "手动备份" || b.Size == 0 || b.CreatedAt != "2026-11-20T09:30:00+08:00" {
		t.Fatalf("backup info = %+v", b)
	}
	if _, err := s.SaveBureau(ctx, core.Bureau{Name: "备份后的名称"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveSection(ctx, core.Section{Name: "备份后新建的科室"}); err != nil {
		t.Fatal(err)
	}

	res, err := db.Restore(ctx, b.Path, dir)
	if err != nil {
		t.Fatal(err)
	}
	if res.SafetyCopy.Reason != core.BackupBeforeRestore {
		t.Errorf("safety copy = %+v", res.SafetyCopy)
	}
	// The same *DB (and every service holding it) now sees the restored data.
	got, _ := s.Bureau(ctx)
	secs, _ := s.Sections(ctx)
	if got.Name != "备份前的名称" || len(secs) != 0 {
		t.Fatalf("after restore: bureau %q, %d sections", got.Name, len(secs))
	}
	if check, err := db.VerifyAudit(ctx); err != nil || !check.OK {
		t.Fatalf("audit after restore: %+v %v", check, err)
	}
	// And the replaced data is in the safety copy: restoring it undoes the restore.
	if _, err := db.Restore(ctx, res.SafetyCopy.Path, dir); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Bureau(ctx)
	if got.Name != "备份后的名称" {
		t.Fatalf("undo restore: %q", got.Name)
	}
	list, err := sqlite.ListBackups(dir)
	if err != nil || len(list) != 3 {
		t.Fatalf("backups = %d, %v", len(list), err)
	}
	// All three share one second of the fixed clock: the newest written comes first, and each knows its version.
	if list[0].Reason != core.BackupBeforeRestore || list[2].Reason != core.BackupManual {
		t.Errorf("order = %s, %s, %s", list[0].Name, list[1].Name, list[2].Name)
	}
	for _, b := range list {
		if b.SchemaVersion != sqlite.LatestSchemaVersion() {
			t.Errorf("%s: schema version %d", b.Name, b.SchemaVersion)
		}
	}
}

func TestRestoreRefusesBadFiles(t *testing.T) {
	skipOnPostgres(t, "backups are SQLite files (VACUUM INTO, the online backup API); pg_dump backups are next")
	db := mustOpen(t)
	ctx := context.Background()
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	_, err := db.Restore(ctx, write("text.db", []byte("这不是数据库")), dir)
	wantCode(t, err, core.EINVALID)
	_, err = db.Restore(ctx, filepath.Join(dir, "missing.db"), dir)
	wantCode(t, err, core.ENOTFOUND)

	// A valid SQLite file that is not a PolicyDesk database.
	other := sqlite.NewDB(filepath.Join(dir, "other.db"), rules.All())
	if err := other.Open(); err != nil {
		t.Fatal(err)
	}
	if _, err := other.SQL().Exec(`DROP TABLE audit_log`); err != nil {
		t.Fatal(err)
	}
	other.Close()
	_, err = db.Restore(ctx, other.Path, dir)
	wantCode(t, err, core.EINVALID)

	// A damaged copy: a page of the file overwritten.
	b, err := db.Backup(ctx, dir, core.BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(b.Path)
	for i := 4096 * 2; i < 4096*3 && i < len(data); i++ {
		data[i] = 0x5a
	}
	_, err = db.Restore(ctx, write("damaged.db", data), dir)
	wantCode(t, err, core.EINVALID)
	// Nothing was replaced by the refused restores.
	if problems, err := db.CheckIntegrity(ctx, true); err != nil || len(problems) != 0 {
		t.Fatalf("integrity: %v %v", problems, err)
	}
}

func TestDailyBackupAndPrune(t *testing.T) {
	skipOnPostgres(t, "backups are SQLite files (VACUUM INTO, the online backup API); pg_dump backups are next")
	db := mustOpen(t)
	ctx := context.Background()
	dir := t.TempDir()
	clock := db.Clock.(*core.FixedClock)
	taken, err := db.DailyBackup(ctx, dir, 3)
	if err != nil || !taken {
		t.Fatalf("first daily backup: %v %v", taken, err)
	}
	clock.Advance(2 * time.Hour)
	if taken, _ := db.DailyBackup(ctx, dir, 3); taken {
		t.Fatal("second backup within a day")
	}
	if _, err := db.Backup(ctx, dir, core.BackupManual); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		clock.Advance(25 * time.Hour)
		if taken, err := db.DailyBackup(ctx, dir, 3); err != nil || !taken {
			t.Fatalf("day %d: %v %v", i, taken, err)
		}
	}
	list, _ := sqlite.ListBackups(dir)
	daily, manual := 0, 0
	for _, b := range list {
		switch b.Reason {
		case core.BackupDaily:
			daily++
		case core.BackupManual:
			manual++
		}
	}
	if daily != 3 || manual != 1 {
		t.Fatalf("kept %d daily, %d manual", daily, manual)
	}
}

func TestBackupBeforeMigration(t *testing.T) {
	skipOnPostgres(t, "backups are SQLite files (VACUUM INTO, the online backup API); pg_dump backups are next")
	db := mustOpen(t)
	if _, err := sqlite.NewSettingsStore(db).SaveBureau(context.Background(), core.Bureau{Name: "升级前"}); err != nil {
		t.Fatal(err)
	}
	db.Close()

	// The next version adds a migration; opening the old database backs it up before migrating.
	next := fstest.MapFS{"migrations/9001_add_a_column.sql": {Data: []byte(`ALTER TABLE sections ADD COLUMN fax TEXT NOT NULL DEFAULT '';`)}}
	current, err := fs.Glob(sqlite.EmbeddedMigrations(), "migrations/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range current {
		data, err := fs.ReadFile(sqlite.EmbeddedMigrations(), name)
		if err != nil {
			t.Fatal(err)
		}
		next[name] = &fstest.MapFile{Data: data}
	}
	dir := t.TempDir()
	db2 := sqlite.NewDB(db.Path, rules.All())
	db2.Clock, db2.BackupDir, db2.MigrationFS = db.Clock, dir, next
	if err := db2.Open(); err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	if v, _ := db2.SchemaVersion(context.Background()); v != 9001 {
		t.Fatalf("version after migration = %d", v)
	}
	list, _ := sqlite.ListBackups(dir)
	if len(list) != 1 || list[0].Reason != core.BackupBeforeMigrate {
		t.Fatalf("backups before migration: %+v", list)
	}
	// The backup holds the database as it was, at the old version.
	info, err := sqlite.ValidateBackup(context.Background(), list[0].Path, filepath.Join(db.DataDir, sqlite.AuditKeyFile))
	if err != nil || info.SchemaVersion != sqlite.LatestSchemaVersion() {
		t.Fatalf("backup: %+v, %v", info, err)
	}
	// A fresh database gets no "before migration" backup: there is nothing to lose.
	fresh := sqlite.NewDB(filepath.Join(t.TempDir(), "new.db"), rules.All())
	fresh.BackupDir = t.TempDir()
	if err := fresh.Open(); err != nil {
		t.Fatal(err)
	}
	fresh.Close()
	if l, _ := sqlite.ListBackups(fresh.BackupDir); len(l) != 0 {
		t.Fatalf("fresh database backed up: %+v", l)
	}
}

func TestReplaceWithBackupKeepsTheDamagedFile(t *testing.T) {
	skipOnPostgres(t, "backups are SQLite files (VACUUM INTO, the online backup API); pg_dump backups are next")
	db := mustOpen(t)
	ctx := context.Background()
	dir := t.TempDir()
	if _, err := sqlite.NewSettingsStore(db).SaveBureau(ctx, core.Bureau{Name: "备份中的名称"}); err != nil {
		t.Fatal(err)
	}
	b, err := db.Backup(ctx, dir, core.BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	// Damage the database file beyond opening.
	if err := os.WriteFile(db.Path, []byte("SQLite format 3\x00garbage garbage garbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	kept, err := sqlite.ReplaceWithBackup(ctx, db.Path, b.Path, dir)
	if err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(kept.Path); string(data[:16]) != "SQLite format 3\x00" || len(data) > 100 {
		t.Fatalf("damaged file not kept: %d bytes", len(data))
	}
	db2 := sqlite.NewDB(db.Path, rules.All())
	if err := db2.Open(); err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	got, _ := sqlite.NewSettingsStore(db2).Bureau(ctx)
	if got.Name != "备份中的名称" {
		t.Fatalf("restored bureau = %q", got.Name)
	}
	// A bad backup is refused and the database left alone.
	_, err = sqlite.ReplaceWithBackup(ctx, db.Path, kept.Path, dir)
	wantCode(t, err, core.EINVALID)
}
