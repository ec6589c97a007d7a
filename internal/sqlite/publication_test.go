package sqlite_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/sqlite"
)

// signOffAll submits the policy's sign-off and agrees to every step as a new approver.
func signOffAll(t *testing.T, f *consultFixture, interps *sqlite.InterpretationStore, policyID int64) {
	t.Helper()
	signOff(t, f, interps, core.SubjectPolicy, policyID)
}

// signOff submits a subject's sign-off and agrees to every step as a new approver.
func signOff(t *testing.T, f *consultFixture, interps *sqlite.InterpretationStore, subjectType string, id int64) {
	t.Helper()
	ctx := context.Background()
	so, err := interps.SubmitSignoff(ctx, subjectType, id)
	if err != nil {
		t.Fatal(err)
	}
	settings := sqlite.NewSettingsStore(f.db)
	for i := range so.Steps {
		approver := mustPerson(t, ctx, settings, fmt.Sprintf("审签人%s%d", subjectType, i+1), f.sectionID, core.RoleApprover)
		if _, err := settings.SetCurrentUser(ctx, approver.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := interps.DecideSignoff(ctx, core.SignoffAction{SubjectType: subjectType, SubjectID: id, Decision: core.DecisionApprove}); err != nil {
			t.Fatal(err)
		}
	}
}

// The 30-day period is not cut short silently: while the consultation runs, the policy enters 审签 only
// after a 征求意见未结束 exemption with its reason is recorded, through either store that moves it.
func TestOpenConsultationBlocksSigning(t *testing.T) {
	ctx := context.Background()
	f := newConsultFixture(t)
	c := f.consultation(t, false)
	interps := sqlite.NewInterpretationStore(f.db, func() *calendar.Calendar { return calendar.New(calendar.Builtin()) })
	if _, err := interps.RecordExemption(ctx, core.ExemptionInput{SubjectType: core.SubjectPolicy, SubjectID: c.PolicyID, Rule: core.RuleSyncDraft, Reason: "内部管理制度"}); err != nil {
		t.Fatal(err)
	}
	_, err := f.policies.SetPolicyStatus(ctx, core.PolicyStatusChange{PolicyID: c.PolicyID, Status: core.PolicySigning})
	wantCode(t, err, core.EFORBID)
	if msg := core.ErrorMessage(err); !strings.Contains(msg, "征求意见") || !strings.Contains(msg, "豁免") {
		t.Fatalf("message = %q", msg)
	}
	// A blank reason is no exemption; an exemption only sits on a policy.
	_, err = interps.RecordExemption(ctx, core.ExemptionInput{SubjectType: core.SubjectPolicy, SubjectID: c.PolicyID, Rule: core.RuleConsultOpen, Reason: " "})
	wantCode(t, err, core.EINVALID)
	_, err = interps.RecordExemption(ctx, core.ExemptionInput{SubjectType: core.SubjectInterpretation, SubjectID: 1, Rule: core.RuleConsultOpen, Reason: "x"})
	wantCode(t, err, core.EINVALID)
	if _, err := interps.RecordExemption(ctx, core.ExemptionInput{SubjectType: core.SubjectPolicy, SubjectID: c.PolicyID, Rule: core.RuleConsultOpen,
		Reason: "省政府要求12月1日前出台"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.policies.SetPolicyStatus(ctx, core.PolicyStatusChange{PolicyID: c.PolicyID, Status: core.PolicySigning}); err != nil {
		t.Fatal(err)
	}
}

// 不予公开 is never published; 依申请公开 is published only with the reason it now is.
func TestDisclosureGuardsPublication(t *testing.T) {
	ctx := context.Background()
	interpsFor := func(f *consultFixture) *sqlite.InterpretationStore {
		return sqlite.NewInterpretationStore(f.db, func() *calendar.Calendar { return calendar.New(calendar.Builtin()) })
	}
	for _, tc := range []struct {
		disclosure, reason, want string
	}{
		{core.DisclosureNone, "", core.EFORBID},
		{core.DisclosureNone, "领导同意", core.EFORBID},
		{core.DisclosureOnRequest, "", core.EINVALID},
		{core.DisclosureOnRequest, "申请人较多，转为主动公开", ""},
		{core.DisclosureActive, "", ""},
	} {
		t.Run(tc.disclosure+tc.reason, func(t *testing.T) {
			f := newConsultFixture(t)
			interps := interpsFor(f)
			p, _ := f.policyWithDraft(t, false)
			p.Disclosure = tc.disclosure
			p, err := f.policies.SavePolicy(ctx, p)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := interps.RecordExemption(ctx, core.ExemptionInput{SubjectType: core.SubjectPolicy, SubjectID: p.ID, Rule: core.RuleSyncDraft, Reason: "内部管理制度"}); err != nil {
				t.Fatal(err)
			}
			if _, err := f.policies.SetPolicyStatus(ctx, core.PolicyStatusChange{PolicyID: p.ID, Status: core.PolicySigning}); err != nil {
				t.Fatal(err)
			}
			signOffAll(t, f, interps, p.ID)
			// the 三同步 page's publication carries the reason as the register's status change does
			_, err = interps.PublishPolicy(ctx, core.Publication{ID: p.ID, PublishedDate: "2026-11-20", PublishedURL: "https://x/1.html", Reason: tc.reason})
			wantCode(t, err, tc.want)
			// The interpretation store's publication goes through the same rule.
			if tc.want != "" {
				_, err = interps.PublishPolicy(ctx, core.Publication{ID: p.ID, PublishedDate: "2026-11-20", PublishedURL: "https://x/1.html"})
				if core.ErrorCode(err) == "" {
					t.Fatal("PublishPolicy walked around the rule")
				}
			}
		})
	}
}
