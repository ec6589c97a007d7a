package sqlite_test

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/rules"
	"policydesk/internal/sqlite"
)

// The store tests run against SQLite, and against PostgreSQL when POLICYDESK_TEST_PG names a cluster's
// administrative DSN (build/pg-test.sh starts a throwaway one). Each test then gets a database of its own,
// created from a template that already holds the migrated schema, so a test costs milliseconds, not a migration.

// testPG is the PostgreSQL cluster the tests run against, "" for SQLite.
var testPG = os.Getenv("POLICYDESK_TEST_PG")

// onPostgres reports whether the tests run against PostgreSQL.
func onPostgres() bool { return testPG != "" }

// skipOnPostgres skips a test that cannot pass on PostgreSQL yet, saying why: grep for it to see what is missing.
func skipOnPostgres(tb testing.TB, reason string) {
	tb.Helper()
	if onPostgres() {
		tb.Skip("PostgreSQL: " + reason)
	}
}

var (
	pgTemplateOnce sync.Once
	pgTemplate     string
	pgTemplateErr  error
	pgSeq          atomic.Int64
)

// pgAdmin opens the cluster's administrative database.
func pgAdmin() (*sql.DB, error) { return sql.Open("pgx", testPG) }

// pgDSN is the DSN of database name on the test cluster.
func pgDSN(name string) string {
	u, err := url.Parse(testPG)
	if err != nil {
		panic(err)
	}
	u.Path = "/" + name
	return u.String()
}

// pgTemplateDB creates, once per test binary, a database migrated to the newest schema to copy from.
func pgTemplateDB() (string, error) {
	pgTemplateOnce.Do(func() {
		name := fmt.Sprintf("policydesk_tmpl_%d", os.Getpid())
		admin, err := pgAdmin()
		if err != nil {
			pgTemplateErr = err
			return
		}
		defer admin.Close()
		if _, err := admin.Exec(`DROP DATABASE IF EXISTS ` + name); err != nil {
			pgTemplateErr = err
			return
		}
		if _, err := admin.Exec(`CREATE DATABASE ` + name); err != nil {
			pgTemplateErr = err
			return
		}
		dir, err := os.MkdirTemp("", "policydesk-pg-template")
		if err != nil {
			pgTemplateErr = err
			return
		}
		defer os.RemoveAll(dir)
		db := sqlite.NewDB(pgDSN(name), rules.All())
		db.DataDir = dir
		db.Clock = core.NewFixedClock(now)
		if err := db.Open(); err != nil {
			pgTemplateErr = err
			return
		}
		db.Close()
		pgTemplate = name
	})
	return pgTemplate, pgTemplateErr
}

// newPostgresDB creates an empty, migrated PostgreSQL database for one test and returns its DSN; it is dropped
// when the test ends.
func newPostgresDB(tb testing.TB) string {
	tb.Helper()
	tmpl, err := pgTemplateDB()
	if err != nil {
		tb.Fatalf("PostgreSQL template: %v", err)
	}
	name := fmt.Sprintf("policydesk_%d_%d", os.Getpid(), pgSeq.Add(1))
	admin, err := pgAdmin()
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := admin.Exec(`CREATE DATABASE ` + name + ` TEMPLATE ` + tmpl + ` STRATEGY = FILE_COPY`); err != nil {
		admin.Close()
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`)
		admin.Close()
	})
	return pgDSN(name)
}

// newTestDB is a fresh database, not yet opened, for one test: a SQLite file in a temporary directory, or a
// PostgreSQL database when the tests run against PostgreSQL; its data directory is a temporary directory.
func newTestDB(tb testing.TB) *sqlite.DB {
	tb.Helper()
	dir := tb.TempDir()
	path := filepath.Join(dir, "policydesk.db")
	if onPostgres() {
		path = newPostgresDB(tb)
	}
	db := sqlite.NewDB(path, rules.All())
	db.DataDir = dir
	return db
}
