package privacy

import (
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

func TestCheckSubject(t *testing.T) {
	testutil.Invalid(t, CheckSubject(core.SubjectReport), "subjectType", "")
	testutil.Invalid(t, CheckSubject("message"), "subjectType", "未知的检查对象“message”")
}
