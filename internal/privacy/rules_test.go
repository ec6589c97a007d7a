package privacy

import (
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

func TestCheckSubject(t *testing.T) {
	cases := []struct {
		subjectType string
		msg         string // "" when allowed
	}{
		{core.SubjectPolicy, ""},
		{core.SubjectInterpretation, ""},
		{core.SubjectReport, ""},
		{"message", "未知的检查对象“message”"},
		{"", "未知的检查对象“”"},
	}
	for _, c := range cases {
		testutil.Invalid(t, CheckSubject(c.subjectType), "subjectType", c.msg)
	}
}
