package privacy

import (
	"testing"

	"policydesk/internal/core"
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
		err := CheckSubject(c.subjectType)
		if c.msg == "" {
			if err != nil {
				t.Errorf("CheckSubject(%q) = %v, want nil", c.subjectType, err)
			}
			continue
		}
		if core.ErrorCode(err) != core.EINVALID || core.ErrorField(err) != "subjectType" || core.ErrorMessage(err) != c.msg {
			t.Errorf("CheckSubject(%q) = %v, want EINVALID subjectType %q", c.subjectType, err, c.msg)
		}
	}
}
