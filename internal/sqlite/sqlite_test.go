package sqlite_test

import (
	"context"
	"testing"
	"time"

	"policydesk/internal/core"
	"policydesk/internal/rules"
	"policydesk/internal/sqlite"
)

// now is the fixed time of every test: Friday 2026-11-20, 09:30 China time.
var now = time.Date(2026, 11, 20, 9, 30, 0, 0, core.Shanghai)

// mustOpen opens a fresh database (SQLite, or PostgreSQL when POLICYDESK_TEST_PG is set) with a fixed clock.
func mustOpen(tb testing.TB) *sqlite.DB {
	tb.Helper()
	db := newTestDB(tb)
	db.Clock = core.NewFixedClock(now)
	if err := db.Open(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// mustSection saves a new active section.
func mustSection(tb testing.TB, ctx context.Context, s *sqlite.SettingsStore, name string) core.Section {
	tb.Helper()
	sec, err := s.SaveSection(ctx, core.Section{Name: name, Active: true})
	if err != nil {
		tb.Fatal(err)
	}
	return sec
}

// mustPerson saves a new active person with role in the section.
func mustPerson(tb testing.TB, ctx context.Context, s *sqlite.SettingsStore, name string, sectionID int64, role string) core.Person {
	tb.Helper()
	p, err := s.SavePerson(ctx, core.Person{Name: name, SectionID: sectionID, Role: role, Active: true})
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

func reopen(tb testing.TB, db *sqlite.DB) *sqlite.DB {
	tb.Helper()
	if err := db.Close(); err != nil {
		tb.Fatal(err)
	}
	db2 := sqlite.NewDB(db.Path, rules.All())
	db2.Clock, db2.DataDir = db.Clock, db.DataDir
	if err := db2.Open(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db2.Close() })
	return db2
}

func wantCode(tb testing.TB, err error, code string) {
	tb.Helper()
	if got := core.ErrorCode(err); got != code {
		tb.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}

func TestMigrationsRecordedAndIdempotent(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	v, err := db.SchemaVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if v != sqlite.LatestSchemaVersion() || v < 1 {
		t.Fatalf("schema version %d, latest %d", v, sqlite.LatestSchemaVersion())
	}
	db = reopen(t, db)
	var n int
	if err := db.SQL().QueryRow(`SELECT COUNT(*) FROM schema_version`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	ms, _ := db.KnownMigrations()
	if n != len(ms) {
		t.Fatalf("schema_version has %d rows after reopening, want %d", n, len(ms))
	}
	if p, err := db.PendingMigrations(ctx); err != nil || p != 0 {
		t.Fatalf("pending = %d, %v", p, err)
	}
}

func TestPragmas(t *testing.T) {
	skipOnPostgres(t, "checks SQLite pragmas")
	db := mustOpen(t)
	var mode string
	var fk, timeout int
	if err := db.SQL().QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if err := db.SQL().QueryRow(`PRAGMA foreign_keys`).Scan(&fk); err != nil {
		t.Fatal(err)
	}
	if err := db.SQL().QueryRow(`PRAGMA busy_timeout`).Scan(&timeout); err != nil {
		t.Fatal(err)
	}
	if mode != "wal" || fk != 1 || timeout < 1000 {
		t.Fatalf("journal_mode=%s foreign_keys=%d busy_timeout=%d", mode, fk, timeout)
	}
}

func TestNewerDatabaseRefused(t *testing.T) {
	db := mustOpen(t)
	if _, err := db.SQL().Exec(`INSERT INTO schema_version (version, name, applied_at) VALUES (9999, 'future', 'x')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db2 := sqlite.NewDB(db.Path, rules.All())
	db2.DataDir = db.DataDir
	err := db2.Open()
	if err == nil {
		db2.Close()
		t.Fatal("a database from a newer version was opened")
	}
	wantCode(t, err, core.EINVALID)
}
