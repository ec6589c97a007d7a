package demo

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"policydesk/internal/core"
	"policydesk/internal/mailbox"
	"policydesk/internal/rules"
	"policydesk/internal/sqlite"
)

func TestSeedMailbox(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 20, 9, 30, 0, 0, core.Shanghai)
	clock := core.NewFixedClock(now)
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "demo.db"), rules.All())
	db.Clock = clock
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cals := sqlite.NewCalendarStore(db)
	if err := cals.Load(ctx); err != nil {
		t.Fatal(err)
	}
	settings := sqlite.NewSettingsStore(db)
	if err := Seed(ctx, settings); err != nil {
		t.Fatal(err)
	}
	store := sqlite.NewMailboxStore(db, cals.Calendar, nil, nil)
	if err := SeedMailbox(ctx, db, settings, store, cals.Calendar); err != nil {
		t.Fatal(err)
	}
	if db.Clock != core.Clock(clock) {
		t.Error("seeding left its clock behind")
	}
	states := map[string]int{}
	page, err := store.Messages(ctx, core.MessageFilter{PageSize: 200})
	if err != nil {
		t.Fatal(err)
	}
	overdue := 0
	for _, m := range page.Items {
		states[m.State]++
		if m.DueStatus == "overdue" {
			overdue++
		}
	}
	if page.Total != len(mailboxMessages) || page.Total < 55 {
		t.Errorf("messages = %d", page.Total)
	}
	for _, s := range core.MessageStates {
		if states[s] == 0 {
			t.Errorf("no demo message in state %s (%v)", s, states)
		}
	}
	if overdue < 2 {
		t.Errorf("overdue = %d, want some", overdue)
	}
	st, _, err := mailbox.ReadStats(ctx, store, "2026-09-01", "2026-11-20")
	if err != nil {
		t.Fatal(err)
	}
	if st.Total.Answered < 25 || st.Total.OnTime == st.Total.Answered || st.Total.OnTime == 0 {
		t.Errorf("stats = %+v: want many answered, most on time, some late", st.Total)
	}
	templates, err := store.ReplyTemplates(ctx)
	if err != nil || len(templates) != 3 {
		t.Errorf("templates = %d %v", len(templates), err)
	}
	check, err := db.VerifyAudit(ctx)
	if err != nil || !check.OK {
		t.Errorf("audit = %+v %v", check, err)
	}
}
