package signoff

import (
	"testing"

	"policydesk/internal/core"
)

// refusal is err's code, field and message; all "" for nil.
func refusal(err error) (code, field, msg string) {
	if err == nil {
		return "", "", ""
	}
	return core.ErrorCode(err), core.ErrorField(err), core.ErrorMessage(err)
}

func TestCheckSubject(t *testing.T) {
	cases := []struct {
		subjectType string
		msg         string // "" when allowed
	}{
		{core.SubjectPolicy, ""},
		{core.SubjectInterpretation, ""},
		{core.SubjectReport, ""},
		{"message", "未知的审签对象“message”"},
		{"", "未知的审签对象“”"},
	}
	for _, c := range cases {
		code, field, msg := refusal(CheckSubject(c.subjectType))
		if c.msg == "" && code != "" || c.msg != "" && (code != core.EINVALID || field != "subjectType" || msg != c.msg) {
			t.Errorf("CheckSubject(%q) = %s %s %q, want %q", c.subjectType, code, field, msg, c.msg)
		}
	}
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
			code, field, msg := refusal(err)
			if c.msg != "" {
				if code != core.EFORBID || field != "" || msg != c.msg {
					t.Fatalf("err %v, want EFORBID %q", err, c.msg)
				}
				return
			}
			if err != nil || step.ID != c.step || last != c.last {
				t.Fatalf("step %d last %v err %v, want step %d last %v", step.ID, last, err, c.step, c.last)
			}
		})
	}
}
