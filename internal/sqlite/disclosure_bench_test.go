package sqlite_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/disclosure"
	"policydesk/internal/sqlite"
)

// A register at the scale of seed 000 (6 880 applications in a year), a tenth of them suspended once: listing
// the year (each request with its suspensions and clock) and building table 三.
func BenchmarkDisclosureRegister(b *testing.B) {
	f := newConsultFixture(b)
	ctx := context.Background()
	cal := calendar.New(calendar.Builtin())
	s := sqlite.NewDisclosureStore(f.db, func() *calendar.Calendar { return cal })
	const n = 6880
	rows := make([]core.DisclosureRecord, 0, n)
	start := time.Date(2026, 1, 5, 0, 0, 0, 0, core.Shanghai)
	for i := 0; i < n; i++ {
		received := start.AddDate(0, 0, i%300)
		r := core.DisclosureRecord{No: fmt.Sprintf("B%05d", i), Received: received, Column: i % 6, Outcome: -1,
			Applicant: fmt.Sprintf("申请人%d", i%900), Content: fmt.Sprintf("第%d号地块规划条件", i%1500), Channel: "当面"}
		if i%3 != 0 {
			r.Outcome, r.Answered = i%21, received.AddDate(0, 0, 15)
		}
		rows = append(rows, r)
	}
	if _, err := s.ImportRegister(ctx, "bench.csv", rows); err != nil {
		b.Fatal(err)
	}
	list, err := s.DisclosureRequests(ctx, core.DisclosureFilter{Status: "open"})
	if err != nil {
		b.Fatal(err)
	}
	paused := 0
	for _, r := range list {
		if paused >= n/10 || r.Status != core.DisclosureOpen {
			continue
		}
		if _, err := s.ConsultThirdParty(ctx, core.DisclosurePauseInput{RequestID: r.ID, Date: r.Received, Party: "某公司"}); err == nil {
			paused++
		}
	}
	if paused == 0 {
		b.Fatal("no request was suspended")
	}
	b.Run("list the year", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if rs, err := s.DisclosureRequests(ctx, core.DisclosureFilter{Year: 2026}); err != nil || len(rs) != n {
				b.Fatal(len(rs), err)
			}
		}
	})
	b.Run("table 三", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := disclosure.ReadAnnualTable(ctx, s, 2026); err != nil {
				b.Fatal(err)
			}
		}
	})
}
