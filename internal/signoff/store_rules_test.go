package signoff

import (
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

func TestCheckSubject(t *testing.T) {
	testutil.Invalid(t, CheckSubject(core.SubjectReport), "subjectType", "")
	testutil.Invalid(t, CheckSubject(core.SubjectDisclosure), "subjectType", "")
	testutil.Invalid(t, CheckSubject("message"), "subjectType", "未知的审签对象“message”")
}

func TestPendingStep(t *testing.T) {
	first := core.SignoffApproval{ID: 10, StepName: "科室负责人审核", Decision: core.DecisionApprove}
	second := core.SignoffApproval{ID: 11, StepName: "分管领导审签"}
	third := core.SignoffApproval{ID: 12, StepName: "保密审查"}
	subj := Subject{Title: "关于加强耕地保护的通知"}
	refused := "“关于加强耕地保护的通知”没有待审签的步骤，请先提交审签"
	cases := []struct {
		name    string
		current core.Signoff
		step    int64
		last    bool
		msg     string // "" when allowed
	}{
		{"middle step waits", core.Signoff{Round: 1, Steps: []core.SignoffApproval{first, second, third}}, 11, false, ""},
		{"last step waits", core.Signoff{Round: 1, Steps: []core.SignoffApproval{first, second}}, 11, true, ""},
		{"never submitted", core.Signoff{}, 0, false, refused},
		{"returned", core.Signoff{Round: 1, Returned: true, Steps: []core.SignoffApproval{first, second}}, 0, false, refused},
		{"complete", core.Signoff{Round: 1, Complete: true, Steps: []core.SignoffApproval{first}}, 0, false, refused},
		{"every step decided", core.Signoff{Round: 1, Steps: []core.SignoffApproval{first}}, 0, false, refused},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			step, last, err := PendingStep(subj, c.current)
			if c.msg != "" {
				testutil.Refusal(t, err, core.EFORBID, "", c.msg)
				return
			}
			if err != nil || step.ID != c.step || last != c.last {
				t.Fatalf("step %d last %v err %v, want step %d last %v", step.ID, last, err, c.step, c.last)
			}
		})
	}
}

func TestCheckAction(t *testing.T) {
	for _, c := range []struct {
		a     core.SignoffAction
		field string
		msg   string
	}{
		{core.SignoffAction{SubjectType: core.SubjectPolicy, Decision: core.DecisionApprove}, "", ""},
		{core.SignoffAction{SubjectType: core.SubjectReport, Decision: core.DecisionReturn, Opinion: "请补充依据"}, "", ""},
		{core.SignoffAction{SubjectType: "message", Decision: core.DecisionApprove}, "subjectType", "未知的审签对象“message”"},
		{core.SignoffAction{SubjectType: core.SubjectPolicy, Decision: "同意吧"}, "decision", "请选择“同意”或“退回”"},
		{core.SignoffAction{SubjectType: core.SubjectInterpretation, Decision: core.DecisionReturn, Opinion: " "}, "opinion", "退回时请填写审核意见，以便起草人修改"},
	} {
		testutil.Invalid(t, CheckAction(c.a), c.field, c.msg)
	}
}
