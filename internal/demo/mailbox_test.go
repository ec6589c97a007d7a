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
	// Every message was matched on arrival by the trained matcher: what it was sure of was routed, what it
	// was not sure of waits in 待分办 or was routed by a person; the confidences are a spread, not all 100 %.
	var unsure, waiting, sure, sureish int
	for _, m := range page.Items {
		d, err := store.Message(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		best, ok := d.Message.Match.Best()
		if !ok {
			t.Errorf("message %d %q was not matched on arrival", m.ID, m.Subject)
			continue
		}
		switch {
		case best.Confidence < mailbox.DefaultRouteThreshold:
			unsure++
			if m.State == core.MsgPending {
				waiting++
			}
		case best.Confidence >= 0.995:
			sure++
		default:
			sureish++
		}
		if m.State == core.MsgPending && best.Confidence >= mailbox.DefaultRouteThreshold {
			t.Errorf("message %q waits in 待分办 though the matcher was %.0f%% sure", m.Subject, 100*best.Confidence)
		}
	}
	t.Logf("confidence: %d below %.0f%%, %d between, %d at 100%%", unsure, 100*mailbox.DefaultRouteThreshold, sureish, sure)
	if waiting < 3 || unsure < 6 || sureish < 10 || sure > len(page.Items)*3/4 {
		t.Errorf("confidences: %d unsure (%d waiting for a person), %d between, %d at 100%% of %d", unsure, waiting, sureish, sure, len(page.Items))
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
