package signoff

import (
	"strings"
	"testing"

	"policydesk/internal/core"
)

func TestCheckSigner(t *testing.T) {
	zhao := core.CurrentUser{PersonID: 2, Name: "赵志强"}
	zhang := core.CurrentUser{PersonID: 3, Name: "张卫东"}
	first := core.SignoffApproval{ID: 10, StepOrder: 1, StepName: "科室负责人审核", PersonID: 2, PersonName: "赵志强", Decision: core.DecisionApprove}
	second := core.SignoffApproval{ID: 11, StepOrder: 2, StepName: "分管领导审签"}
	named := core.SignoffApproval{ID: 12, StepOrder: 3, StepName: "保密审查", PersonID: 4, PersonName: "梁红"}
	cases := []struct {
		name string
		u    core.CurrentUser
		f    Facts
		code string
	}{
		{"anyone on an unnamed first step", zhao, Facts{Step: core.SignoffApproval{ID: 10, StepName: "科室负责人审核"}}, ""},
		{"another person on the second step", zhang, Facts{Step: second, Round: []core.SignoffApproval{first, second}}, ""},
		{"first signer refused on the second step", zhao, Facts{Step: second, Round: []core.SignoffApproval{first, second}}, core.EFORBID},
		{"named signer acts", core.CurrentUser{PersonID: 4, Name: "梁红"}, Facts{Step: named}, ""},
		{"other person on a named step", zhang, Facts{Step: named}, core.EFORBID},
		{"author refused", zhang, Facts{Step: second, AuthorID: 3}, core.EFORBID},
		{"earlier round does not count", zhao, Facts{Step: second, Round: []core.SignoffApproval{second}}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := core.ErrorCode(CheckSigner(tc.u, tc.f)); got != tc.code {
				t.Fatalf("code %q, want %q", got, tc.code)
			}
		})
	}
}

func TestAssign(t *testing.T) {
	sec := Section{Name: "规划科", HeadID: 2, HeadName: "赵志强", LeaderID: 3, LeaderName: "张卫东"}
	std := []core.SignoffStep{
		{Order: 1, Name: "科室负责人审核", Rule: core.SignerSectionHead},
		{Order: 2, Name: "分管领导审签", Rule: core.SignerSectionLeader},
		{Order: 3, Name: "保密审查", Rule: core.SignerPerson, PersonID: 4, PersonName: "梁红"},
	}
	cases := []struct {
		name    string
		steps   []core.SignoffStep
		subject Subject
		want    []int64 // the resolved signers, nil when refused
		refusal string  // a word the refusal must contain
	}{
		{"rules resolved from the drafting section", std, Subject{Section: sec, AuthorID: 9}, []int64{2, 3, 4}, ""},
		{"old configuration without rules", []core.SignoffStep{{Name: "审核"}, {Name: "保密审查", PersonID: 4}}, Subject{Section: sec}, []int64{0, 4}, ""},
		{"any approver stays open", []core.SignoffStep{{Name: "审核", Rule: core.SignerAny, PersonID: 7}}, Subject{Section: sec}, []int64{0}, ""},
		{"section without a head", std, Subject{Section: Section{Name: "法规科", LeaderID: 3}}, nil, "未设置负责人"},
		{"section without a leader", std, Subject{Section: Section{Name: "法规科", HeadID: 2}}, nil, "未设置分管领导"},
		{"no drafting section", std, Subject{}, nil, "本件未填写"},
		{"one person on two steps", std, Subject{Section: Section{Name: "局办", HeadID: 4, LeaderID: 3}}, nil, "一人不能签两个步骤"},
		{"the drafter signs their own work", std, Subject{Section: sec, AuthorID: 2, AuthorName: "赵志强"}, nil, "自己起草"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Assign(tc.steps, tc.subject)
			if tc.want == nil {
				if core.ErrorCode(err) != core.EFORBID || !strings.Contains(err.Error(), tc.refusal) {
					t.Fatalf("err %v, want a refusal with %q", err, tc.refusal)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for i, st := range got {
				if st.PersonID != tc.want[i] {
					t.Fatalf("step %d signer %d, want %d", i, st.PersonID, tc.want[i])
				}
				if st.Rule == "" {
					t.Fatalf("step %d has no rule", i)
				}
			}
		})
	}
}

func TestValidateSignoffStepsRules(t *testing.T) {
	cases := []struct {
		name  string
		steps []core.SignoffStep
		ok    bool
	}{
		{"rules", []core.SignoffStep{{Name: "审核", Rule: core.SignerSectionHead}, {Name: "审签", Rule: core.SignerSectionLeader}}, true},
		{"named person without a person", []core.SignoffStep{{Name: "保密审查", Rule: core.SignerPerson}}, false},
		{"unknown rule", []core.SignoffStep{{Name: "审核", Rule: "boss"}}, false},
		{"legacy unnamed", []core.SignoffStep{{Name: "审核"}}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := ValidateSteps(tc.steps); (err == nil) != tc.ok {
				t.Fatalf("err %v, want ok=%v", err, tc.ok)
			}
		})
	}
}

func TestCheckSubmit(t *testing.T) {
	running := core.Signoff{Round: 1, Current: "分管领导审签"}
	done := core.Signoff{Round: 1, Complete: true}
	closed := core.ReportFacts{Status: core.ConsultationClosed, Generated: true}
	tests := []struct {
		name    string
		subject string
		subj    Subject
		current core.Signoff
		want    string
	}{
		{"a running round", core.SubjectInterpretation, Subject{Title: "解读", Status: core.InterpDrafting}, running, core.ECONFLICT},
		{"an interpretation in 起草", core.SubjectInterpretation, Subject{Status: core.InterpDrafting}, core.Signoff{}, ""},
		{"an interpretation 已退回", core.SubjectInterpretation, Subject{Status: core.InterpReturned}, core.Signoff{}, ""},
		{"an interpretation in review", core.SubjectInterpretation, Subject{Status: core.InterpApproved}, core.Signoff{}, core.EFORBID},
		{"a policy not in 审签", core.SubjectPolicy, Subject{Status: core.PolicyDrafting}, core.Signoff{}, core.EFORBID},
		{"a policy signed already", core.SubjectPolicy, Subject{Status: core.PolicySigning}, done, core.ECONFLICT},
		{"a policy in 审签", core.SubjectPolicy, Subject{Status: core.PolicySigning}, core.Signoff{}, ""},
		{"a report signed, unchanged", core.SubjectReport, Subject{Report: closed}, done, core.ECONFLICT},
		{"a report signed, changed", core.SubjectReport, Subject{Report: core.ReportFacts{Status: core.ConsultationClosed, Generated: true, Changed: true}}, done, ""},
		{"a report before closing", core.SubjectReport, Subject{Report: core.ReportFacts{Status: core.ConsultationOpen, Generated: true}}, core.Signoff{}, core.EFORBID},
		{"a report with undecided comments", core.SubjectReport, Subject{Report: core.ReportFacts{Status: core.ConsultationClosed, Generated: true, Undecided: 2}}, core.Signoff{}, core.EFORBID},
		{"an answer drafted", core.SubjectDisclosure, Subject{Title: "答复稿", Status: "拟稿"}, core.Signoff{}, ""},
		{"an answer not drafted", core.SubjectDisclosure, Subject{Title: "答复稿"}, core.Signoff{}, core.EFORBID},
		{"an answer sent", core.SubjectDisclosure, Subject{Title: "答复稿", Status: core.DisclosureAnswered}, core.Signoff{}, core.ECONFLICT},
		{"an answer signed, unchanged", core.SubjectDisclosure, Subject{Title: "答复稿", Status: "拟稿"}, done, core.ECONFLICT},
		{"an answer signed, changed", core.SubjectDisclosure, Subject{Title: "答复稿", Status: "拟稿", DraftChanged: true}, done, ""},
		{"an answer being signed", core.SubjectDisclosure, Subject{Title: "答复稿", Status: "拟稿"}, running, core.ECONFLICT},
		{"a report completed", core.SubjectAnnual, Subject{Title: "2026年报告", Status: "拟稿"}, core.Signoff{}, ""},
		{"a report without table 二's figures", core.SubjectAnnual, Subject{Title: "2026年报告"}, core.Signoff{}, core.EFORBID},
		{"a report published", core.SubjectAnnual, Subject{Title: "2026年报告", Status: core.AnnualPublished}, core.Signoff{}, core.ECONFLICT},
		{"a report signed, unchanged", core.SubjectAnnual, Subject{Title: "2026年报告", Status: "拟稿"}, done, core.ECONFLICT},
		{"a report edited after its round", core.SubjectAnnual, Subject{Title: "2026年报告", Status: "拟稿", DraftChanged: true}, done, ""},
	}
	for _, tt := range tests {
		if got := core.ErrorCode(CheckSubmit(tt.subject, tt.subj, tt.current)); got != tt.want {
			t.Errorf("%s: code %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestCheckActor(t *testing.T) {
	tests := []struct {
		name string
		u    core.CurrentUser
		want string
	}{
		{"nobody chosen", core.CurrentUser{}, core.EFORBID},
		{"a drafter", core.CurrentUser{PersonID: 3, Name: "王敏", Role: core.RoleDrafter}, core.EFORBID},
		{"an approver", core.CurrentUser{PersonID: 4, Name: "张卫东", Role: core.RoleApprover}, ""},
		{"an administrator", core.CurrentUser{PersonID: 1, Name: "周明远", Role: core.RoleAdmin}, ""},
	}
	for _, tt := range tests {
		if got := core.ErrorCode(CheckActor(tt.u, "分管领导审签")); got != tt.want {
			t.Errorf("%s: code %q, want %q", tt.name, got, tt.want)
		}
	}
	// The rules the stores take check the actor before the signer.
	err := Rules{}.CheckSigner(core.CurrentUser{PersonID: 3, Role: core.RoleDrafter}, Facts{Step: core.SignoffApproval{StepName: "科室负责人审核"}})
	if core.ErrorCode(err) != core.EFORBID {
		t.Errorf("a drafter may not sign: %v", err)
	}
}
