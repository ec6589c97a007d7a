package demo

import (
	"testing"
	"unicode"

	"policydesk/internal/core"
	"policydesk/internal/dedup"
	"policydesk/internal/sqlite"
)

type bigrams struct{}

func (bigrams) Cut(text string) []string {
	var out []string
	rs := []rune(text)
	for i := 0; i+1 < len(rs); i++ {
		if unicode.Is(unicode.Han, rs[i]) && unicode.Is(unicode.Han, rs[i+1]) {
			out = append(out, string(rs[i:i+2]))
		}
	}
	return out
}

func (bigrams) Keywords(string, int) []core.Keyword { return nil }

func TestSeedConsultations(t *testing.T) {
	d := newDemoDB(t)
	ctx, clock, settings, db, calFn := d.ctx, d.clock, d.settings, d.db, d.cal
	policies := sqlite.NewPolicyStore(db, calFn)
	consultations := sqlite.NewConsultationStore(db, calFn, dedup.Grouper{Seg: bigrams{}}, nil)
	if err := SeedConsultations(ctx, settings, policies, consultations, sqlite.NewInterpretationStore(db, calFn), clock); err != nil {
		t.Fatal(err)
	}
	page, err := consultations.Consultations(ctx, core.ConsultationFilter{})
	if err != nil || page.Total != 3 {
		t.Fatalf("consultations: %d %v", page.Total, err)
	}
	byTitle := map[string]core.Consultation{}
	for _, c := range page.Consultations {
		byTitle[c.PolicyTitle] = c
	}
	open := byTitle["临江市既有住宅增设电梯规划管理办法(征求意见稿)"]
	closed := byTitle["临江市城市更新实施办法(征求意见稿)"]
	done := byTitle["临江市不动产登记若干规定(征求意见稿)"]
	if open.Status != core.ConsultationOpen || open.CommentCount != 6 {
		t.Errorf("open consultation = %+v", open)
	}
	if closed.Status != core.ConsultationClosed || closed.CommentCount < 35 || closed.GroupCount >= closed.CommentCount || closed.UndecidedCount == 0 ||
		closed.UndecidedCount == closed.CommentCount {
		t.Errorf("closed consultation = %+v", closed)
	}
	if done.ReportPublished == "" || done.UndecidedCount != 0 {
		t.Errorf("consultation with report = %+v", done)
	}
	ds, err := consultations.Deadlines(ctx, clock.Now())
	if err != nil || len(ds) == 0 {
		t.Fatalf("demo deadlines: %v %v", ds, err)
	}
	if check, err := db.VerifyAudit(ctx); err != nil || !check.OK {
		t.Fatalf("audit: %+v %v", check, err)
	}
}
