package signoff

import (
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
