package server

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"policydesk/internal/rules"
	"policydesk/internal/sqlite"

	"github.com/jackc/pgx/v5"
)

// relayDB is a fresh migrated database on the PostgreSQL cluster of POLICYDESK_TEST_PG (build/pg-test.sh).
func relayDB(t *testing.T) (*sqlite.DB, string) {
	t.Helper()
	admin := os.Getenv("POLICYDESK_TEST_PG")
	if admin == "" {
		t.Skip("PostgreSQL only: set POLICYDESK_TEST_PG (build/pg-test.sh)")
	}
	conn, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("policydesk_relay_%d", os.Getpid())
	if _, err := conn.Exec(`CREATE DATABASE ` + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`)
		conn.Close()
	})
	u, _ := url.Parse(admin)
	u.Path = "/" + name
	db := sqlite.NewDB(u.String(), rules.All())
	db.DataDir = t.TempDir()
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, u.String()
}

// next waits for the next event a page of hub receives.
func next(t *testing.T, ch chan []byte, within time.Duration) string {
	t.Helper()
	select {
	case msg := <-ch:
		return string(msg)
	case <-time.After(within):
		t.Fatalf("no event within %v", within)
		return ""
	}
}

// Two server processes on one database: an event emitted in one reaches the pages of the other within 2 s,
// the other process rereads what it keeps in memory, progress stays where the job runs, and an event emitted
// while the other's listening connection is cut arrives once it has reconnected.
func TestPostgresRelayPassesEventsBetweenProcesses(t *testing.T) {
	db, dsn := relayDB(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	connect := func(ctx context.Context) (*pgx.Conn, error) { return pgx.Connect(ctx, dsn) }
	hubA, hubB := NewHub(), NewHub()
	a, b := NewRelay(hubA, sqlite.EventChannel, connect), NewRelay(hubB, sqlite.EventChannel, connect)
	reread := make(chan string, 10)
	if err := b.Start(ctx, db, func(_ context.Context, name string) { reread <- name }); err != nil {
		t.Fatal(err)
	}
	pageA, pageB := hubA.subscribe(), hubB.subscribe()
	a.Emit("messages:changed", 1) // emitted before a's relay started: passed on once it has
	next(t, pageA, time.Second)
	if err := a.Start(ctx, db, nil); err != nil {
		t.Fatal(err)
	}
	if got := next(t, pageB, 2*time.Second); !strings.Contains(got, "messages:changed\ndata: [1]") {
		t.Fatalf("b's page got %q", got)
	}
	<-reread

	start := time.Now()
	a.Emit("calendar:changed", "2026")
	if got := next(t, pageA, time.Second); !strings.Contains(got, "calendar:changed") {
		t.Fatalf("a's page got %q", got)
	}
	if got := next(t, pageB, 2*time.Second); got != "event: calendar:changed\ndata: [\"2026\"]\n\n" {
		t.Fatalf("b's page got %q", got)
	}
	t.Logf("a → b in %v", time.Since(start))
	if got := <-reread; got != "calendar:changed" {
		t.Fatalf("b reread after %q", got)
	}

	a.Emit("routing:progress", map[string]int{"done": 1})
	next(t, pageA, time.Second)
	b.Emit("messages:changed", 7)
	if got := next(t, pageB, time.Second); !strings.Contains(got, "messages:changed") {
		t.Fatalf("b's own event: %q", got)
	}
	if got := next(t, pageA, 2*time.Second); !strings.Contains(got, "messages:changed\ndata: [7]") {
		t.Fatalf("a's page got %q (progress must stay in b's process, b's change must reach a)", got)
	}

	// Cut b's listening connection, emit while it reconnects: b catches up from the backlog.
	res, err := db.SQL().Exec(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
		WHERE datname = current_database() AND pid <> pg_backend_pid() AND query ILIKE 'listen%'`)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := res.RowsAffected(); n != 2 {
		t.Fatalf("terminated %d listening connections, want 2", n)
	}
	a.Emit("disclosure:changed", 42)
	next(t, pageA, time.Second)
	if got := next(t, pageB, 10*time.Second); !strings.Contains(got, "disclosure:changed\ndata: [42]") {
		t.Fatalf("after reconnecting b's page got %q", got)
	}
	select {
	case extra := <-pageB:
		t.Fatalf("b's page got an event twice or one of its own: %q", extra)
	case <-time.After(500 * time.Millisecond):
	}
}
