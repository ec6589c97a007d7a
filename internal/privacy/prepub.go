package privacy

import (
	"strings"

	"policydesk/internal/core"
)

// CheckAck refuses acknowledging a blocking finding: a 密级 mark means the text must not go online
// (涉密不上网), so it can only be removed.
func CheckAck(f core.PrepubFinding, reason string) error {
	if f.Severity == core.SeverityBlock {
		return core.Errorf(core.EFORBID, "“%s”是%s，涉密内容不得上网，只能修改原文后重新检查，不能确认放行", f.Match, f.Label)
	}
	if strings.TrimSpace(reason) == "" {
		return core.FieldErrorf(core.EINVALID, "reason", "请填写保留“%s”的理由", f.Match)
	}
	return nil
}

// Clear reports whether every finding is acknowledged; it returns the first open one as an error.
func Clear(findings []core.PrepubFinding) error {
	for _, f := range findings {
		if f.Resolution != core.FindingAcknowledged {
			return core.Errorf(core.EFORBID, "发布前检查发现%s“%s”尚未处理：请修改原文，或登记保留理由后再发布", f.Label, f.Match)
		}
	}
	return nil
}

func (Rules) CheckAck(f core.PrepubFinding, reason string) error { return CheckAck(f, reason) }
func (Rules) Clear(findings []core.PrepubFinding) error          { return Clear(findings) }
