package privacy

import "policydesk/internal/core"

// Rules are the pre-publication check as the stores take it (core.PrivacyRules).
type Rules struct{}

var _ core.PrivacyRules = Rules{}

// Scan lists the findings of ScanKeeping as the pre-publication report shows them.
func (Rules) Scan(text string, keep []string) []core.PrepubFinding {
	out := []core.PrepubFinding{}
	for _, f := range ScanKeeping(text, keep) {
		out = append(out, core.PrepubFinding{Kind: f.Kind, Label: f.Label, Match: f.Match, Context: f.Context,
			Severity: f.Severity, Start: f.StartU16, End: f.EndU16})
	}
	return out
}

// CheckSubject refuses a pre-publication check of anything but a policy, an interpretation or a 采纳情况说明.
func (Rules) CheckSubject(subjectType string) error { return CheckSubject(subjectType) }

// CheckSubject refuses a pre-publication check of anything but a policy, an interpretation or a 采纳情况说明.
func CheckSubject(subjectType string) error { return core.CheckSubject(subjectType, "检查") }
