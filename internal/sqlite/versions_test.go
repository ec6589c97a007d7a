package sqlite_test

import (
	"context"
	"strings"
	"testing"

	"policydesk/internal/core"
)

// A save based on an older version of a policy, consultation, comment or interpretation is refused with who
// changed it; a save on the current version goes through and moves the version on.
func TestStaleRecordSavesRefused(t *testing.T) {
	ctx := context.Background()
	f := newConsultFixture(t)
	c := f.consultation(t, false)
	pd, err := f.policies.Policy(ctx, c.PolicyID)
	if err != nil {
		t.Fatal(err)
	}
	p := pd.Policy
	cm, err := f.store.SaveComment(ctx, core.Comment{ConsultationID: c.ID, ReceivedDate: "2026-11-10", Channel: "网站",
		Commenter: "王先生", Category: "自然人", Body: "建议明确电梯维护费用的分担方式。"})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		save  func(version int64) (int64, error)
		first int64
	}{
		{"policy", func(v int64) (int64, error) {
			q := p
			q.Version, q.Title = v, q.Title+"（修改）"
			out, err := f.policies.SavePolicy(ctx, q)
			return out.Version, err
		}, p.Version},
		{"consultation", func(v int64) (int64, error) {
			dd, err := f.store.Consultation(ctx, c.ID)
			if err != nil {
				return 0, err
			}
			d := dd.Consultation
			d.Version, d.Contact = v, d.Contact+"，电话0571-88012321"
			out, err := f.store.SaveConsultation(ctx, d)
			return out.Version, err
		}, 0},
		{"comment", func(v int64) (int64, error) {
			q := cm
			q.Version, q.Body = v, q.Body+"（补充）"
			out, err := f.store.SaveComment(ctx, q)
			return out.Version, err
		}, cm.Version},
	}
	for _, tc := range cases {
		first := tc.first
		if tc.name == "consultation" {
			d, _ := f.store.Consultation(ctx, c.ID)
			first = d.Consultation.Version
		}
		if first < 1 {
			t.Fatalf("%s: version %d", tc.name, first)
		}
		next, err := tc.save(first)
		if err != nil || next <= first {
			t.Fatalf("%s on the current version: %d %v", tc.name, next, err)
		}
		_, err = tc.save(first)
		if core.ErrorCode(err) != core.ECONFLICT || !strings.Contains(core.ErrorMessage(err), "孙佳怡") {
			t.Errorf("%s on an old version: %v", tc.name, err)
		}
		if _, err := tc.save(0); err != nil {
			t.Errorf("%s without a version (not checked): %v", tc.name, err)
		}
	}

	fi := newInterpFixture(t)
	in := fi.text(t, "《办法》解读")
	in.Title = "《办法》政策解读"
	saved, err := fi.store.SaveInterpretation(ctx, in)
	if err != nil || saved.Version <= in.Version {
		t.Fatalf("interpretation: %d→%d %v", in.Version, saved.Version, err)
	}
	in.Title = "旧页面上的标题"
	if _, err := fi.store.SaveInterpretation(ctx, in); core.ErrorCode(err) != core.ECONFLICT {
		t.Errorf("interpretation on an old version: %v", err)
	}
}
