package demo

import (
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/disclosure"
	"policydesk/internal/sqlite"
)

// The demo register goes through the store's rules: every application on the statutory clock, answered ones
// of four kinds, open ones not yet overdue, and table 三 balanced.
func TestSeedDisclosure(t *testing.T) {
	d := newDemoDB(t)
	ctx, clock, settings := d.ctx, d.clock, d.settings
	store := sqlite.NewDisclosureStore(d.db, d.cal)
	if err := SeedDisclosure(ctx, store, settings, sqlite.NewInterpretationStore(d.db, d.cal), clock); err != nil {
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
		if r.Outcome >= 0 {
			detail, err := store.DisclosureRequest(ctx, r.ID)
			if err != nil || detail.Request.SignoffState != core.DraftSigned {
				t.Errorf("%s answered without a signed draft: %q %v", r.CaseNo, detail.Request.SignoffState, err)
			}
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
