package demo

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/disclosure"
	"policydesk/internal/rules"
	"policydesk/internal/sqlite"
)

// The demo register goes through the store's rules: every application on the statutory clock, answered ones
// of four kinds, open ones not yet overdue, and table 三 balanced.
func TestSeedDisclosure(t *testing.T) {
	ctx := context.Background()
	clock := core.NewFixedClock(time.Date(2026, 11, 20, 9, 30, 0, 0, core.Shanghai))
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "demo.db"), rules.All())
	db.Clock = clock
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	settings := sqlite.NewSettingsStore(db)
	if err := Seed(ctx, settings); err != nil {
		t.Fatal(err)
	}
	cal := calendar.New(calendar.Builtin())
	store := sqlite.NewDisclosureStore(db, func() *calendar.Calendar { return cal })
	if err := SeedDisclosure(ctx, store, settings, clock); err != nil {
		t.Fatal(err)
	}
	list, err := store.DisclosureRequests(ctx, core.DisclosureFilter{})
	if err != nil || len(list) != len(demoRequests) {
		t.Fatalf("register: %d, %v", len(list), err)
	}
	open := 0
	for _, r := range list {
		switch r.Status {
		case core.DisclosureOpen:
			open++
		case core.DisclosureOnTime:
		default:
			t.Errorf("%s %s: status %s", r.CaseNo, r.Applicant, r.Status)
		}
		if r.SectionName == "" {
			t.Errorf("%s has no section", r.CaseNo)
		}
	}
	if open != 3 {
		t.Errorf("open applications = %d, want 3", open)
	}
	table, err := disclosure.ReadAnnualTable(ctx, store, 2026)
	if err != nil || table.Check != "" || table.OnTime != 4 {
		t.Fatalf("table 三: %+v %v", table, err)
	}
}
