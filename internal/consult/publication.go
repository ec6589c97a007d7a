package consult

import (
	"strings"

	"policydesk/internal/core"
)

// PublicationFacts are what the store loads about a policy before it moves to 审签 or 已发布.
type PublicationFacts = core.PublicationFacts

// CheckPolicyMove decides whether a policy may move from one status to another given the loaded facts:
// it enters 审签 only after its consultation has run its course and every comment is decided, unless an
// exemption with its reason is recorded; it is published only when its own sign-off round is complete,
// never when it is 不予公开, and with a stated reason when it is 依申请公开.
func CheckPolicyMove(from string, c core.PolicyStatusChange, f PublicationFacts) error {
	if c.Status == core.PolicySigning && from != core.PolicySigning && strings.TrimSpace(f.ConsultExemption) == "" {
		if len(f.OpenConsultations) > 0 {
			return core.Errorf(core.EFORBID, "征求意见(%s)尚未结束，不能提交审签；请待征求期满并处理全部意见，或登记“%s”豁免并写明理由。",
				strings.Join(f.OpenConsultations, "、"), core.RuleConsultOpen)
		}
		if f.UndecidedComments > 0 {
			return core.Errorf(core.EFORBID, "还有 %d 条意见未作处理，不能提交审签；请在意见台账中逐条处理，或登记“%s”豁免并写明理由。",
				f.UndecidedComments, core.RuleConsultOpen)
		}
	}
	if c.Status != core.PolicyPublished {
		return nil
	}
	switch f.Disclosure {
	case core.DisclosureNone:
		return core.FieldErrorf(core.EFORBID, "disclosure", "该文件公开属性为“不予公开”，不能登记为已发布；如公开属性有误，请先在文件登记中修改公开属性及依据。")
	case core.DisclosureOnRequest:
		if strings.TrimSpace(c.Reason) == "" {
			return core.FieldErrorf(core.EINVALID, "reason", "该文件公开属性为“依申请公开”，请填写现予主动发布的原因。")
		}
	}
	switch {
	case f.SignoffRound == 0 || f.SignoffSteps == 0:
		return core.Errorf(core.EFORBID, "该文件尚未提交审签，不能发布；请先在“审签”中提交并完成各审签步骤。")
	case f.SignoffReturned:
		return core.Errorf(core.EFORBID, "该文件第 %d 轮审签已被退回，不能发布；请修改后重新提交审签。", f.SignoffRound)
	case f.SignoffApproved < f.SignoffSteps:
		return core.Errorf(core.EFORBID, "该文件第 %d 轮审签尚未完成(已同意 %d/%d 步)，不能发布；请待各审签步骤全部同意后再发布。",
			f.SignoffRound, f.SignoffApproved, f.SignoffSteps)
	}
	return nil
}
