// Package signoff holds who may sign a sign-off step (三审 means three people). It does no I/O: the store
// loads the round and the subject's author and asks CheckSigner inside its transaction.
package signoff

import (
	"policydesk/internal/consult"
	"policydesk/internal/core"
)

// Facts are what CheckSigner decides on.
type Facts = core.SignerFacts

// CheckSigner refuses a decision by anyone but the step's named signer, by someone who already signed
// another step of the same round, and by the author of the work being signed.
func CheckSigner(u core.CurrentUser, f Facts) error {
	if f.Step.PersonID != 0 && f.Step.PersonID != u.PersonID {
		return core.Errorf(core.EFORBID, "“%s”应由%s审签，%s不能代签；请切换为%s后再操作，或在“设置 → 审签步骤”中更改签批人",
			f.Step.StepName, f.Step.PersonName, u.Name, f.Step.PersonName)
	}
	for _, st := range f.Round {
		if st.ID != f.Step.ID && st.Decision != "" && st.PersonID == u.PersonID {
			return core.Errorf(core.EFORBID, "%s已签“%s”，同一轮审签中一人不能签两个步骤；“%s”请由另一位审签人员办理",
				u.Name, st.StepName, f.Step.StepName)
		}
	}
	if f.AuthorID != 0 && f.AuthorID == u.PersonID {
		return core.Errorf(core.EFORBID, "%s是本件的起草人，不能审签自己起草的材料；“%s”请由另一位审签人员办理", u.Name, f.Step.StepName)
	}
	return nil
}

// Section is what the rules of a step need of the subject's drafting section.
type Section = core.SignerSection

// Subject is what the rules need of the record submitted for sign-off.
type Subject = core.SignoffSubject

// Assign resolves each configured step to its signer for a new round: a named person stays, 起草科室负责人
// and 分管领导 come from the drafting section, 任一审签人员 stays open. It refuses a round that could not be
// signed as configured: a rule with nobody behind it, one person on two steps (三审 means three people), or
// the drafter as a signer of their own work. The refusal says what to set in 设置.
func Assign(steps []core.SignoffStep, s Subject) ([]core.SignoffStep, error) {
	out := make([]core.SignoffStep, len(steps))
	seen := map[int64]string{}
	for i, st := range steps {
		st.Rule = st.SignerRule()
		switch st.Rule {
		case core.SignerSectionHead:
			if s.Section.HeadID == 0 {
				return nil, core.Errorf(core.EFORBID, "“%s”由起草科室负责人签批，但%s未设置负责人；请在“设置 → 科室”中设置后再提交审签",
					st.Name, sectionLabel(s.Section))
			}
			st.PersonID, st.PersonName = s.Section.HeadID, s.Section.HeadName
		case core.SignerSectionLeader:
			if s.Section.LeaderID == 0 {
				return nil, core.Errorf(core.EFORBID, "“%s”由起草科室分管领导签批，但%s未设置分管领导；请在“设置 → 科室”中设置后再提交审签",
					st.Name, sectionLabel(s.Section))
			}
			st.PersonID, st.PersonName = s.Section.LeaderID, s.Section.LeaderName
		case core.SignerAny:
			st.PersonID, st.PersonName = 0, ""
		}
		if st.PersonID != 0 {
			if other, ok := seen[st.PersonID]; ok {
				return nil, core.Errorf(core.EFORBID, "“%s”和“%s”都将由%s签批，同一轮审签中一人不能签两个步骤；请在“审签流程设置”或“设置 → 科室”中调整签批人",
					other, st.Name, st.PersonName)
			}
			seen[st.PersonID] = st.Name
			if st.PersonID == s.AuthorID {
				return nil, core.Errorf(core.EFORBID, "%s是本件的起草人，又是“%s”的签批人，不能审签自己起草的材料；请在“审签流程设置”中为该步骤指定其他签批人",
					st.PersonName, st.Name)
			}
		}
		out[i] = st
	}
	return out, nil
}

func sectionLabel(s Section) string {
	if s.Name == "" {
		return "起草科室(本件未填写)"
	}
	return "起草科室“" + s.Name + "”"
}

// CheckSubmit refuses a round that cannot start: one already running, a record in the wrong state (an
// interpretation must be 起草 or 已退回, a policy in 审签 and not yet signed), a 采纳情况说明 not ready or
// signed already without a change of substance.
func CheckSubmit(subjectType string, subj Subject, current core.Signoff) error {
	switch {
	case current.Round > 0 && current.Current != "":
		return core.Errorf(core.ECONFLICT, "“%s”正在审签中(待%s)，不能重复提交", subj.Title, current.Current)
	case subjectType == core.SubjectInterpretation && subj.Status != core.InterpDrafting && subj.Status != core.InterpReturned:
		return core.Errorf(core.EFORBID, "解读处于“%s”状态，不能提交审签", subj.Status)
	case subjectType == core.SubjectPolicy && subj.Status != core.PolicySigning:
		return core.Errorf(core.EFORBID, "文件处于“%s”状态；请先将文件状态改为“审签”，再提交审签流程", subj.Status)
	case subjectType == core.SubjectPolicy && current.Complete:
		return core.Errorf(core.ECONFLICT, "“%s”已完成审签", subj.Title)
	case subjectType == core.SubjectReport && current.Complete && !subj.Report.Changed:
		return core.Errorf(core.ECONFLICT, "意见采纳情况说明已完成审签")
	case subjectType == core.SubjectReport:
		return consult.CheckReportReady(subj.Report, "提交审签")
	}
	if d, ok := drafted[subjectType]; ok {
		switch {
		case subj.Status == d.final:
			return core.Errorf(core.ECONFLICT, d.finalMsg, subj.Title)
		case subj.Status == "":
			return core.Errorf(core.EFORBID, "%s", d.undraftedMsg)
		case current.Complete && !subj.DraftChanged:
			return core.Errorf(core.ECONFLICT, d.signedMsg, subj.Title)
		}
	}
	return nil
}

// draftRules are the refusals of a subject signed off as a draft (依申请公开's 答复稿, the annual report): once
// it is final, before anything is drafted, and when the draft is signed already and unchanged since.
type draftRules struct {
	final                             string // the status after which nothing is signed off again
	finalMsg, undraftedMsg, signedMsg string // finalMsg and signedMsg name the subject's title
}

var drafted = map[string]draftRules{
	core.SubjectDisclosure: {core.DisclosureAnswered, "“%s”已答复，不能再提交审签", "请先拟写答复稿（答复类型和答复要点），再提交审签",
		"“%s”的答复稿已完成审签"},
	core.SubjectAnnual: {core.AnnualPublished, "《%s》已发布，不能再提交审签", "请先在“补充与发布”中填写第二十条第（五）（六）（八）项并注明来源，再提交审签",
		"《%s》已完成审签"},
}

// CheckActor refuses a sign-off decision by nobody in particular or by someone whose role does not sign.
func CheckActor(u core.CurrentUser, step string) error {
	switch {
	case u.PersonID == 0:
		return core.Errorf(core.EFORBID, "尚未选择当前使用人，不能审签；请先在“设置 → 当前使用人”中选择您的姓名")
	case !core.SignsOff(u.Role):
		return core.Errorf(core.EFORBID, "%s(%s)无权审签“%s”：审签须由审核审签人员或系统管理员进行，请切换当前使用人", u.Name, core.RoleLabel(u.Role), step)
	}
	return nil
}

// CheckSubject refuses a sign-off of anything but a policy, an interpretation, a 采纳情况说明, a 依申请公开
// answer draft (which, unlike the others, is never checked before publication) or the annual report.
func CheckSubject(subjectType string) error {
	if subjectType == core.SubjectDisclosure || subjectType == core.SubjectAnnual {
		return nil
	}
	return core.CheckSubject(subjectType, "审签")
}

// PendingStep is the step of current's latest round waiting for a decision and whether it is the round's last.
// It refuses a decision on a subject with no step waiting: never submitted, returned or signed already.
func PendingStep(subj Subject, current core.Signoff) (core.SignoffApproval, bool, error) {
	step, last, ok := current.Pending()
	if !ok {
		return step, last, core.Errorf(core.EFORBID, "“%s”没有待审签的步骤，请先提交审签", subj.Title)
	}
	return step, last, nil
}

// Rules are the sign-off rules as the stores take them (core.SignoffRules).
type Rules struct{}

var _ core.SignoffRules = Rules{}

func (Rules) CheckSubmit(subjectType string, subj Subject, current core.Signoff) error {
	return CheckSubmit(subjectType, subj, current)
}

func (Rules) Assign(steps []core.SignoffStep, subj Subject) ([]core.SignoffStep, error) {
	return Assign(steps, subj)
}

// CheckSigner applies CheckActor, then CheckSigner.
func (Rules) CheckSigner(u core.CurrentUser, f Facts) error {
	if err := CheckActor(u, f.Step.StepName); err != nil {
		return err
	}
	return CheckSigner(u, f)
}

func (Rules) CheckSubject(subjectType string) error { return CheckSubject(subjectType) }

func (Rules) PendingStep(subj Subject, current core.Signoff) (core.SignoffApproval, bool, error) {
	return PendingStep(subj, current)
}
