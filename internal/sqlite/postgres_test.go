package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"policydesk/internal/core"
	"policydesk/internal/rules"
	"policydesk/internal/sqlite"
)

// Two server processes on one PostgreSQL database: each write takes the same advisory lock first, so writes
// from both interleave one at a time and the audit chain stays one unbroken line.
func TestPostgresWritersFromTwoServersKeepOneAuditChain(t *testing.T) {
	if !onPostgres() {
		t.Skip("PostgreSQL only: set POLICYDESK_TEST_PG (build/pg-test.sh)")
	}
	ctx := context.Background()
	a := mustOpen(t)
	if _, err := sqlite.NewSettingsStore(a).SaveSection(ctx, core.Section{Name: "综合组", Active: true}); err != nil {
		t.Fatal(err)
	}
	// Another server: a data directory of its own that holds the same audit key.
	b := sqlite.NewDB(a.Path, rules.All())
	b.Clock, b.DataDir = a.Clock, t.TempDir()
	key, err := os.ReadFile(filepath.Join(a.DataDir, sqlite.AuditKeyFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(b.DataDir, sqlite.AuditKeyFile), key, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := b.Open(); err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	const perServer = 20
	var wg sync.WaitGroup
	errs := make(chan error, 2*perServer)
	for i, db := range []*sqlite.DB{a, b} {
		store := sqlite.NewSettingsStore(db)
		for j := 0; j < perServer; j++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := store.SaveSection(ctx, core.Section{Name: fmt.Sprintf("科室%d-%02d", i, j), Active: true}); err != nil {
					errs <- err
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	rows, err := a.SQL().Query(`SELECT id, prev_hash, hash FROM audit_log ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var n, lastID int64
	var lastHash string
	for rows.Next() {
		var id int64
		var prev, hash string
		if err := rows.Scan(&id, &prev, &hash); err != nil {
			t.Fatal(err)
		}
		if n > 0 && (id != lastID+1 || prev != lastHash) {
			t.Fatalf("the chain forks at entry %d: follows %d, links to %.12s, previous hash %.12s", id, lastID, prev, lastHash)
		}
		n, lastID, lastHash = n+1, id, hash
	}
	if n < 2*perServer {
		t.Fatalf("%d audit entries, want at least %d", n, 2*perServer)
	}
	// Each server checkpointed its own appends: both verify the whole chain.
	for i, db := range []*sqlite.DB{a, b} {
		if check, err := db.VerifyAudit(ctx); err != nil || !check.OK {
			t.Fatalf("server %d: VerifyAudit = %+v, %v", i, check, err)
		}
	}
	// A rewrite of the entry one server checkpointed is still caught, although the chain went on after it.
	var headID int64
	if err := b.SQL().QueryRow(`SELECT MAX(id) FROM audit_log`).Scan(&headID); err != nil {
		t.Fatal(err)
	}
	if _, err := sqlite.NewSettingsStore(a).SaveSection(ctx, core.Section{Name: "再加一个科室", Active: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.SQL().Exec(`ALTER TABLE audit_log DISABLE TRIGGER USER`); err != nil {
		t.Fatal(err)
	}
	if _, err := a.SQL().Exec(`DELETE FROM audit_log WHERE id >= ?`, headID-1); err != nil {
		t.Fatal(err)
	}
	if check, err := b.VerifyAudit(ctx); err != nil || check.OK {
		t.Fatalf("entries deleted back past server b's head: VerifyAudit = %+v, %v", check, err)
	}
}

// Server processes on one database: exactly one leads (runs the scheduled jobs); when it stops, another takes
// over at its next try.
func TestPostgresOneServerLeadsAndAnotherTakesOver(t *testing.T) {
	if !onPostgres() {
		t.Skip("PostgreSQL only: set POLICYDESK_TEST_PG (build/pg-test.sh)")
	}
	a := mustOpen(t)
	b := sqlite.NewDB(a.Path, rules.All())
	b.DataDir = a.DataDir
	if err := b.Open(); err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ctxA, stopA := context.WithCancel(context.Background())
	ctxB, stopB := context.WithCancel(context.Background())
	defer stopB()
	doneA := make(chan struct{})
	go func() { a.Lead(ctxA, 20*time.Millisecond); close(doneA) }()
	waitFor(t, "a leads", a.Leading)
	go b.Lead(ctxB, 20*time.Millisecond)
	time.Sleep(100 * time.Millisecond)
	if b.Leading() {
		t.Fatal("two servers lead at once")
	}
	stopA()
	<-doneA
	if a.Leading() {
		t.Fatal("a still leads after it stopped")
	}
	waitFor(t, "b takes over", b.Leading)
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !cond(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out: %s", what)
		}
	}
}

// Events passed between server processes come back in the order they were published, from any point on, and
// the backlog says when it no longer reaches back that far.
func TestPostgresServerEventsBacklog(t *testing.T) {
	if !onPostgres() {
		t.Skip("PostgreSQL only: set POLICYDESK_TEST_PG (build/pg-test.sh)")
	}
	ctx := context.Background()
	db := mustOpen(t)
	start, err := db.LastEventID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := db.PublishEvent(ctx, fmt.Sprintf("p%d", i%2), "messages:changed", []byte(fmt.Sprintf("[%d]", i))); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	events, complete, err := db.EventsAfter(ctx, start, 500)
	if err != nil || !complete || len(events) != 40 {
		t.Fatalf("EventsAfter = %d events, complete %v, %v", len(events), complete, err)
	}
	for i := 1; i < len(events); i++ {
		if events[i].ID <= events[i-1].ID {
			t.Fatalf("events out of order: %d after %d", events[i].ID, events[i-1].ID)
		}
	}
	tail, _, err := db.EventsAfter(ctx, events[29].ID, 500)
	if err != nil || len(tail) != 10 || tail[0].ID != events[30].ID {
		t.Fatalf("EventsAfter(30th) = %d events, %v", len(tail), err)
	}
	if _, err := db.SQL().Exec(`DELETE FROM server_events WHERE id <= ?`, events[9].ID); err != nil {
		t.Fatal(err)
	}
	if _, complete, err := db.EventsAfter(ctx, events[4].ID, 500); err != nil || complete {
		t.Fatalf("after pruning past the reader: complete %v, %v", complete, err)
	}
	if _, complete, err := db.EventsAfter(ctx, events[9].ID, 500); err != nil || !complete {
		t.Fatalf("a reader at the pruned edge: complete %v, %v", complete, err)
	}
}

// A PostgreSQL database must be given a data directory for the audit key and head files.
func TestPostgresNeedsADataDirectory(t *testing.T) {
	db := sqlite.NewDB("postgres://nobody@127.0.0.1:1/none", rules.All())
	wantCode(t, db.Open(), core.EINVALID)
}

// Restoring from within the program exists only on SQLite: on PostgreSQL it is refused with a clear message
// (pg_restore restores a dump; see TestPostgresBackupRestores).
func TestPostgresRefusesSQLiteOnlyFeatures(t *testing.T) {
	if !onPostgres() {
		t.Skip("PostgreSQL only: set POLICYDESK_TEST_PG (build/pg-test.sh)")
	}
	db := mustOpen(t)
	ctx := context.Background()
	_, err := db.Restore(ctx, "x.db", t.TempDir())
	wantCode(t, err, core.EINVALID)
	if problems, err := db.CheckIntegrity(ctx, true); err != nil || len(problems) != 0 {
		t.Fatalf("integrity: %v, %v", problems, err)
	}
}

// Servers starting at once on an empty database migrate it once: the others wait for the advisory lock and
// find nothing left to do.
func TestPostgresServersStartingAtOnceMigrateOnce(t *testing.T) {
	if !onPostgres() {
		t.Skip("PostgreSQL only: set POLICYDESK_TEST_PG (build/pg-test.sh)")
	}
	name := newEmptyPostgresDB(t, "empty")
	dir := t.TempDir()
	var wg sync.WaitGroup
	dbs := make([]*sqlite.DB, 3)
	errs := make([]error, len(dbs))
	for i := range dbs {
		dbs[i] = sqlite.NewDB(pgDSN(name), rules.All())
		dbs[i].DataDir = dir
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = dbs[i].Open()
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("server %d: %v", i, err)
		}
		defer dbs[i].Close()
	}
	var n, distinct, v int
	if err := dbs[0].SQL().QueryRow(`SELECT COUNT(*), COUNT(DISTINCT version), MAX(version) FROM schema_version`).Scan(&n, &distinct, &v); err != nil {
		t.Fatal(err)
	}
	// The baseline is version 27; each later migration adds its own row, once.
	if want := sqlite.LatestSchemaVersion() - 26; n != want || distinct != want || v != sqlite.LatestSchemaVersion() {
		t.Fatalf("schema_version: %d rows (%d versions), latest %d; want %d rows, one per version, up to %d", n, distinct, v, want, sqlite.LatestSchemaVersion())
	}
}

// A search of the register ignores the case of Latin letters, as SQLite's LIKE does, on both databases; % and _
// are searched as themselves.
func TestPolicySearchIgnoresLatinCase(t *testing.T) {
	f := newConsultFixture(t)
	ctx := context.Background()
	if _, err := f.policies.SavePolicy(ctx, core.Policy{Title: "临江市BIM报建试点办法(100%覆盖)", DocNumber: "LJ-GH-2026-7",
		Category: "规范性文件", SectionID: f.sectionID, Disclosure: "主动公开", DisclosureBasis: "《政府信息公开条例》第十九条"}); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{"bim": 1, "lj-gh": 1, "100%": 1, "1_0": 0, "BIM报建": 1, "xyz": 0} {
		page, err := f.policies.Policies(ctx, core.PolicyFilter{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != want {
			t.Errorf("search %q: %d found, want %d", q, page.Total, want)
		}
	}
}

// The daily backup of a PostgreSQL database is a pg_dump with a signed manifest, old ones are pruned, and
// pg_restore of a dump into an empty database gives back every record with an audit chain that verifies.
func TestPostgresBackupRestores(t *testing.T) {
	if !onPostgres() {
		t.Skip("PostgreSQL only: set POLICYDESK_TEST_PG (build/pg-test.sh)")
	}
	ctx := context.Background()
	db := mustOpen(t)
	settings := sqlite.NewSettingsStore(db)
	for _, name := range []string{"综合组", "法规科", "信息公开科"} {
		if _, err := settings.SaveSection(ctx, core.Section{Name: name, Active: true}); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	clock := db.Clock.(*core.FixedClock)
	var dumps []string
	for day := range 3 {
		taken, err := db.DailyBackup(ctx, dir, 2)
		if err != nil || !taken {
			t.Fatalf("day %d: DailyBackup = %v, %v", day, taken, err)
		}
		if taken, _ := db.DailyBackup(ctx, dir, 2); taken {
			t.Fatalf("day %d: a second daily backup on the same day", day)
		}
		list, err := sqlite.ListBackups(dir)
		if err != nil {
			t.Fatal(err)
		}
		dumps = append(dumps, list[0].Path)
		if !strings.HasSuffix(list[0].Name, ".dump") || list[0].SchemaVersion == 0 || list[0].Size == 0 {
			t.Fatalf("day %d: newest backup %+v", day, list[0])
		}
		clock.Advance(25 * time.Hour)
	}
	if list, _ := sqlite.ListBackups(dir); len(list) != 2 {
		t.Fatalf("%d backups kept, want 2", len(list))
	}
	if _, err := os.Stat(dumps[0] + core.BackupManifestSuffix); !os.IsNotExist(err) {
		t.Fatalf("the pruned dump's manifest is still there: %v", err)
	}
	// A change after the last backup is not in it.
	if _, err := settings.SaveSection(ctx, core.Section{Name: "备份之后的科室", Active: true}); err != nil {
		t.Fatal(err)
	}

	name := newEmptyPostgresDB(t, "restored")
	// What a server's operator runs: policydesk restore --db DSN BACKUP.dump, with the data directory that
	// holds the audit key.
	restoredDir := t.TempDir()
	key, _ := os.ReadFile(filepath.Join(db.DataDir, sqlite.AuditKeyFile))
	os.WriteFile(filepath.Join(restoredDir, sqlite.AuditKeyFile), key, 0o600)
	check, err := sqlite.RestoreDump(ctx, pgDSN(name), dumps[2], restoredDir, db.Clock)
	if err != nil || !check.OK || check.Entries == 0 {
		t.Fatalf("RestoreDump = %+v, %v", check, err)
	}
	if _, err := sqlite.RestoreDump(ctx, pgDSN(name), dumps[2], restoredDir, db.Clock); core.ErrorCode(err) != core.EINVALID {
		t.Fatalf("a restore into a database that is not empty: %v", err)
	}
	restored := sqlite.NewDB(pgDSN(name), rules.All())
	restored.DataDir, restored.Clock = restoredDir, db.Clock
	if err := restored.Open(); err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	sections, err := sqlite.NewSettingsStore(restored).Sections(ctx)
	if err != nil || len(sections) != 3 {
		t.Fatalf("restored sections = %d, %v; want the 3 of the backup", len(sections), err)
	}
	if check, err := restored.VerifyAudit(ctx); err != nil || !check.OK || check.Entries == 0 {
		t.Fatalf("restored audit chain: %+v, %v", check, err)
	}
	// A dump whose manifest was altered is refused before anything is restored.
	os.WriteFile(dumps[1]+core.BackupManifestSuffix, []byte(`{"file":"x"}`), 0o600)
	if _, err := sqlite.RestoreDump(ctx, pgDSN(name+"_none"), dumps[1], restoredDir, db.Clock); core.ErrorCode(err) != core.EINVALID {
		t.Fatalf("a dump with a forged manifest: %v", err)
	}
	// Writing goes on in the restored database: its identities continue after the restored rows.
	if _, err := sqlite.NewSettingsStore(restored).SaveSection(ctx, core.Section{Name: "恢复后新建", Active: true}); err != nil {
		t.Fatal(err)
	}
}

// newEmptyPostgresDB creates a database without any schema on the test cluster, dropped when the test ends, and
// returns its name.
func newEmptyPostgresDB(t *testing.T, what string) string {
	t.Helper()
	admin, err := pgAdmin()
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("policydesk_%s_%d", what, os.Getpid())
	if _, err := admin.Exec(`CREATE DATABASE ` + name); err != nil {
		admin.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`)
		admin.Close()
	})
	return name
}

// The terms a message's row holds in PostgreSQL's text index are computed in Go as it is written (IndexTerms);
// the migration that added them, and a writer that leaves them out, compute them in SQL (fts_index_terms).
// Both give the same set for every text of the corpus.
func TestPostgresIndexTermsAgreeWithSQL(t *testing.T) {
	if !onPostgres() {
		t.Skip("PostgreSQL only: set POLICYDESK_TEST_PG (build/pg-test.sh)")
	}
	db := mustOpen(t)
	texts := benchTexts(t)
	texts = append(texts[:min(len(texts), 300)], [2]string{"", ""}, [2]string{"A", "区"}, [2]string{"哈哈哈哈", "Ünïcode 5G"})
	for _, text := range texts {
		grams := sqlite.IndexGrams(text[0] + "\n" + text[1])
		var same bool
		if err := db.SQL().QueryRow(`SELECT fts_index_terms($1) @> $2::text[] AND $2::text[] @> fts_index_terms($1)
			AND cardinality(fts_index_terms($1)) = cardinality($2::text[])`, grams, sqlite.IndexTerms(grams)).Scan(&same); err != nil {
			t.Fatal(err)
		}
		if !same {
			t.Fatalf("IndexTerms and fts_index_terms differ for %q", text)
		}
	}
	// A row written without its terms gets them from the trigger, and a new text replaces them.
	mustExec(t, db, `INSERT INTO messages (id, channel, received_at, received_date, subject, body, due_date, created_at, updated_at)
		VALUES (9001, '网站', '2026-11-20T09:00:00+08:00', '2026-11-20', '违建', '小区加装电梯', '2026-11-25', '2026-11-20', '2026-11-20')`)
	mustExec(t, db, `INSERT INTO messages_fts (rowid, grams) VALUES (9001, '`+sqlite.IndexGrams("违建\n小区加装电梯")+`')`)
	mustExec(t, db, `UPDATE messages_fts SET grams = '`+sqlite.IndexGrams("噪音")+`' WHERE rowid = 9001`)
	var terms int
	if err := db.SQL().QueryRow(`SELECT cardinality(terms) FROM messages_fts WHERE rowid = 9001 AND terms @> '{噪音}' AND NOT terms @> '{小区}'`).Scan(&terms); err != nil {
		t.Fatalf("the trigger did not follow the new text: %v", err)
	}
	if want := len(sqlite.IndexTerms(sqlite.IndexGrams("噪音"))); terms != want {
		t.Fatalf("%d terms after the update, want %d", terms, want)
	}
}
