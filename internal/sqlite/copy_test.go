package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/rules"
	"policydesk/internal/sqlite"
)

// Moving up: the demo bureau's SQLite database copied into an empty PostgreSQL one has every row, the same
// inbox (counts by state, text search), an audit chain that verifies with the same key, and goes on working.
func TestPostgresCopyFromSQLite(t *testing.T) {
	if !onPostgres() {
		t.Skip("PostgreSQL only: set POLICYDESK_TEST_PG (build/pg-test.sh)")
	}
	ctx := context.Background()
	b := newDemoBureau(t) // SQLite, whatever the tests run against
	dsn := newPostgresDB(t)
	if empty, err := sqlite.TargetIsEmpty(ctx, dsn); err != nil || !empty {
		t.Fatalf("a migrated database with no records: empty = %v, %v", empty, err)
	}
	dir := t.TempDir()
	key, err := os.ReadFile(filepath.Join(filepath.Dir(b.db.Path), sqlite.AuditKeyFile))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, sqlite.AuditKeyFile), key, 0o600)
	to := sqlite.NewDB(dsn, rules.All())
	to.DataDir, to.Clock = dir, b.db.Clock
	if err := to.Open(); err != nil {
		t.Fatal(err)
	}
	defer to.Close()
	counts, err := sqlite.CopyInto(ctx, b.db, to)
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]int64{}
	for _, c := range counts {
		rows[c.Table] = c.Rows
	}
	if rows["messages"] == 0 || rows["audit_log"] == 0 || rows["people"] == 0 || rows["sessions"] != 0 {
		t.Fatalf("copied %v", rows)
	}
	if empty, _ := sqlite.TargetIsEmpty(ctx, dsn); empty {
		t.Fatal("the copied database still counts as empty")
	}
	if check, err := to.VerifyAudit(ctx); err != nil || !check.OK || int64(check.Entries) != rows["audit_log"] {
		t.Fatalf("audit after the copy: %+v, %v", check, err)
	}
	// What the source's triggers kept is copied as it was, not counted twice by the target's.
	for _, q := range []string{`SELECT COALESCE(SUM(members), 0) FROM comment_groups`, `SELECT COALESCE(SUM(n), 0) FROM message_state_counts`} {
		var want, got int64
		if err := b.db.SQL().QueryRow(q).Scan(&want); err != nil {
			t.Fatal(err)
		}
		if err := to.SQL().QueryRow(q).Scan(&got); err != nil || got != want || want == 0 {
			t.Fatalf("%s: %d on PostgreSQL (%v), %d on SQLite", q, got, err, want)
		}
	}
	cal := calendar.New(calendar.Builtin())
	lite, pg := b.mailbox, sqlite.NewMailboxStore(to, func() *calendar.Calendar { return cal }, nil, nil)
	for _, f := range []core.MessageFilter{{}, {Text: "加装电梯"}, {Text: "违建"}, {State: "待分办"}} {
		want, err := lite.Messages(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		got, err := pg.Messages(ctx, f)
		if err != nil || got.Total != want.Total || got.Total == 0 && f.Text != "" {
			t.Fatalf("%+v: %d messages on PostgreSQL (%v), %d on SQLite", f, got.Total, err, want.Total)
		}
	}
	// New records get ids after the copied ones.
	sec, err := sqlite.NewSettingsStore(to).SaveSection(core.WithActor(ctx, core.System), core.Section{Name: "迁移后新建", Active: true})
	if err != nil || sec.ID <= rows["sections"] {
		t.Fatalf("a section after the copy: %+v, %v", sec, err)
	}
}
