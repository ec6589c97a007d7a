package signoff

import (
	"strings"

	"policydesk/internal/core"
)

// ValidateSteps checks a sign-off configuration: at least one step, each named once, each with a
// known rule and a person where the rule names one.
func ValidateSteps(steps []core.SignoffStep) error {
	if len(steps) == 0 {
		return core.FieldErrorf(core.EINVALID, "steps", "至少需要一个审签步骤")
	}
	seen := map[string]bool{}
	for i, s := range steps {
		name := strings.TrimSpace(s.Name)
		if name == "" {
			return core.FieldErrorf(core.EINVALID, "steps", "第%d个审签步骤缺少名称", i+1)
		}
		if seen[name] {
			return core.FieldErrorf(core.EINVALID, "steps", "审签步骤“%s”重复", name)
		}
		seen[name] = true
		switch s.SignerRule() {
		case core.SignerPerson:
			if s.PersonID == 0 {
				return core.FieldErrorf(core.EINVALID, "steps", "审签步骤“%s”须指定签批人", name)
			}
		case core.SignerSectionHead, core.SignerSectionLeader, core.SignerAny:
		default:
			return core.FieldErrorf(core.EINVALID, "steps", "审签步骤“%s”的签批人规则“%s”无效", name, s.Rule)
		}
	}
	return nil
}

// CheckAction checks a decision: returning needs an opinion, because it goes back to the drafter.
func CheckAction(a core.SignoffAction) error {
	if err := CheckSubject(a.SubjectType); err != nil {
		return err
	}
	switch {
	case a.Decision != core.DecisionApprove && a.Decision != core.DecisionReturn:
		return core.FieldErrorf(core.EINVALID, "decision", "请选择“同意”或“退回”")
	case a.Decision == core.DecisionReturn && strings.TrimSpace(a.Opinion) == "":
		return core.FieldErrorf(core.EINVALID, "opinion", "退回时请填写审核意见，以便起草人修改")
	}
	return nil
}

func (Rules) ValidateSteps(steps []core.SignoffStep) error { return ValidateSteps(steps) }
func (Rules) CheckAction(a core.SignoffAction) error       { return CheckAction(a) }
