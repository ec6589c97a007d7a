package demo

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/rules"
	"policydesk/internal/sqlite"
)

// demoDB is a new database at the demo's fixed time (2026-11-20 09:30), seeded with the bureau (Seed).
type demoDB struct {
	ctx      context.Context
	clock    *core.FixedClock
	db       *sqlite.DB
	settings *sqlite.SettingsStore
	cal      func() *calendar.Calendar
}

func newDemoDB(t *testing.T) demoDB {
	t.Helper()
	d := demoDB{ctx: context.Background(), clock: core.NewFixedClock(time.Date(2026, 11, 20, 9, 30, 0, 0, core.Shanghai))}
	d.db = sqlite.NewDB(filepath.Join(t.TempDir(), "demo.db"), rules.All())
	d.db.Clock = d.clock
	if err := d.db.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.db.Close() })
	d.settings = sqlite.NewSettingsStore(d.db)
	if err := Seed(d.ctx, d.settings); err != nil {
		t.Fatal(err)
	}
	cal := calendar.New(calendar.Builtin())
	d.cal = func() *calendar.Calendar { return cal }
	return d
}
