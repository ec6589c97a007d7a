package interpret

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

// The rules of 政策解读 (DOMAIN.md §3): what an interpretation needs, when it may change, the three 三同步
// rules a policy's status obeys, publication after the policy, and exemptions. Each works over the facts the
// store has loaded and refuses with the reason the office reads.

// Validate checks what every interpretation needs before it is saved. policySection is the
// policy's drafting section: 谁起草、谁解读, so another section must say why it writes the interpretation.
func Validate(in core.Interpretation, policySection int64) error {
	switch {
	case in.PolicyID == 0:
		return core.FieldErrorf(core.EINVALID, "policyId", "请选择要解读的文件")
	case !slices.Contains(core.InterpretationForms, in.Form):
		return core.FieldErrorf(core.EINVALID, "form", "请选择解读形式(%s)", strings.Join(core.InterpretationForms, "、"))
	case strings.TrimSpace(in.Title) == "":
		return core.FieldErrorf(core.EINVALID, "title", "请填写解读标题")
	case in.SectionID == 0:
		return core.FieldErrorf(core.EINVALID, "sectionId", "请选择解读科室")
	case in.SectionID != policySection && strings.TrimSpace(in.SectionReason) == "":
		return core.FieldErrorf(core.EINVALID, "sectionReason", "按照“谁起草、谁解读”的原则，解读应由文件起草科室负责；由其他科室解读的，请填写原因")
	}
	for i, q := range in.QA {
		if strings.TrimSpace(q.Question) == "" {
			return core.FieldErrorf(core.EINVALID, "qa", "第%d组问答缺少问题", i+1)
		}
	}
	for i, bl := range in.Graphic.Blocks {
		if !slices.ContainsFunc(core.GraphicBlockKinds, func(o core.Option) bool { return o.Value == bl.Kind }) {
			return core.FieldErrorf(core.EINVALID, "graphic", "图解第%d块的类型“%s”不正确", i+1, bl.Kind)
		}
	}
	return nil
}

// CanEdit tells whether an interpretation in status may still be changed: only its drafter's
// versions are editable; once under review or approved the text is what the approvers saw.
func CanEdit(status string) error {
	if status == core.InterpDrafting || status == core.InterpReturned {
		return nil
	}
	return core.Errorf(core.EFORBID, "解读处于“%s”状态，不能修改；如需修改，请由审核人退回", status)
}

// CheckSyncDraft is rule 1 (同步起草): a policy enters 审签 only with at least one interpretation, or with a
// recorded exemption and its reason.
func CheckSyncDraft(f core.SyncFacts) error {
	if len(f.Interpretations) > 0 || strings.TrimSpace(f.DraftExemption) != "" {
		return nil
	}
	return core.Errorf(core.EFORBID, "该文件尚无政策解读，不能提交审签；如确无需解读，请登记豁免理由。")
}

// CheckSyncApproval is rule 2 (同步审签): a policy is approved (its sign-off completed, or it moves on to
// publication) only when every interpretation is approved.
func CheckSyncApproval(f core.SyncFacts) error {
	var pending []string
	for _, in := range f.Interpretations {
		if in.Status != core.InterpApproved && in.Status != core.InterpPublished {
			pending = append(pending, fmt.Sprintf("“%s”(%s)", in.Title, in.Status))
		}
	}
	if len(pending) == 0 {
		return nil
	}
	return core.Errorf(core.EFORBID, "政策解读须与文件同步审签，以下解读尚未审签：%s", strings.Join(pending, "、"))
}

// CheckPolicyStatusSync applies rules 1 and 2 to a policy status change from status from.
func CheckPolicyStatusSync(from string, c core.PolicyStatusChange, f core.SyncFacts) error {
	switch {
	case c.Status == core.PolicySigning && from != core.PolicySigning:
		return CheckSyncDraft(f)
	case c.Status == core.PolicyPublished:
		return CheckSyncApproval(f)
	}
	return nil
}

// checkPublishOrder checks publishing an interpretation: it must be approved, its policy published,
// and it cannot go online before the policy.
func checkPublishOrder(in core.Interpretation, policy core.Policy, date string) error {
	switch {
	case in.Status != core.InterpApproved:
		return core.Errorf(core.EFORBID, "解读“%s”尚未审签(当前状态：%s)，不能发布", in.Title, in.Status)
	case policy.Status != core.PolicyPublished:
		return core.Errorf(core.EFORBID, "文件尚未发布，解读应与文件同步发布；请先登记文件的发布日期和网址")
	case date < policy.PublishedDate:
		return core.FieldErrorf(core.EINVALID, "publishedDate", "解读的发布日期(%s)不能早于文件的发布日期(%s)", date, policy.PublishedDate)
	}
	return nil
}

// Due is rule 3 (同步发布): an interpretation is due core.InterpretationLag working days after the
// policy's publication date (the publication day itself not counted). It returns "" while the policy is
// unpublished.
func Due(cal core.WorkdayAdder, policyPublished string) (string, error) {
	if policyPublished == "" {
		return "", nil
	}
	d, err := time.ParseInLocation("2006-01-02", policyPublished, time.UTC)
	if err != nil {
		return "", core.FieldErrorf(core.EINVALID, "publishedDate", "发布日期格式不正确：%s", policyPublished)
	}
	return cal.AddWorkdays(d, core.InterpretationLag).Format("2006-01-02"), nil
}

// Verdicts states which of the three 三同步 rules hold for a policy's panel, with a line for each one unmet:
// 同步起草 (an interpretation or an exemption), 同步审签 (every interpretation approved — nothing to approve
// counts only when an exemption stands in for one) and 同步发布 (each published by its due date).
func Verdicts(p core.SyncPanel, f core.SyncFacts) core.SyncPanel {
	p.Problems = []string{}
	p.DraftOK, p.ApprovalOK = false, false
	if err := CheckSyncDraft(f); err != nil {
		p.Problems = append(p.Problems, core.ErrorMessage(err))
	} else {
		p.DraftOK = true
	}
	if err := CheckSyncApproval(f); err != nil {
		p.Problems = append(p.Problems, core.ErrorMessage(err))
	} else {
		p.ApprovalOK = p.DraftOK
	}
	p.PublishOK = p.Policy.Published != ""
	for _, r := range p.Interpretations {
		if r.DueStatus != "done" {
			p.PublishOK = false
		}
		switch r.DueStatus {
		case "late":
			p.Problems = append(p.Problems, fmt.Sprintf("“%s”于%s发布，晚于应发布日期%s", r.Title, r.Published, r.Due))
		case calendar.StatusOverdue, calendar.StatusDueToday:
			p.Problems = append(p.Problems, fmt.Sprintf("“%s”应于%s前发布(%s)", r.Title, r.Due, r.DueLabel))
		}
	}
	return p
}

// CheckUpdate decides whether a saved interpretation (old) may take the drafter's changes: it stays with its
// policy and is still the drafter's.
func CheckUpdate(old, in core.Interpretation) error {
	if old.PolicyID != in.PolicyID {
		return core.FieldErrorf(core.EINVALID, "policyId", "解读不能改挂到其他文件，请在该文件下新建解读")
	}
	return CanEdit(old.Status)
}

// CheckPublish reads the publication of an approved interpretation of policy: a valid date, not before the
// policy's, and the website address.
func CheckPublish(in core.Interpretation, policy core.Policy, p core.Publication) (time.Time, string, error) {
	d, err := calendar.ParseDate(p.PublishedDate)
	if err != nil {
		return d, "", core.FieldErrorf(core.EINVALID, "publishedDate", "发布日期格式不正确：%s", p.PublishedDate)
	}
	url := strings.TrimSpace(p.PublishedURL)
	if url == "" {
		return d, url, core.FieldErrorf(core.EINVALID, "publishedUrl", "请填写网站发布地址")
	}
	return d, url, checkPublishOrder(in, policy, calendar.FormatDate(d))
}

// CheckExemption checks a departure from a rule recorded with its reason: a known rule, a reason, and the
// policy-level rules (同步起草, 征求意见未结束) recorded on the policy.
func CheckExemption(e core.ExemptionInput) (core.ExemptionInput, error) {
	e.Reason = strings.TrimSpace(e.Reason)
	switch {
	case e.Rule != core.RuleSyncDraft && e.Rule != core.RuleOtherSection && e.Rule != core.RuleConsultOpen:
		return e, core.FieldErrorf(core.EINVALID, "rule", "未知的豁免事项“%s”", e.Rule)
	case e.Reason == "":
		return e, core.FieldErrorf(core.EINVALID, "reason", "请填写豁免理由")
	case (e.Rule == core.RuleSyncDraft || e.Rule == core.RuleConsultOpen) && e.SubjectType != core.SubjectPolicy:
		return e, core.FieldErrorf(core.EINVALID, "subjectType", "“%s”豁免应登记在文件上", e.Rule)
	}
	return e, nil
}

// Rules are the interpretation rules as the stores take them (core.InterpretationRules).
type Rules struct{}

var _ core.InterpretationRules = Rules{}

func (Rules) Validate(in core.Interpretation, policySection int64) error {
	return Validate(in, policySection)
}
func (Rules) CanEdit(status string) error                   { return CanEdit(status) }
func (Rules) CheckUpdate(old, in core.Interpretation) error { return CheckUpdate(old, in) }
func (Rules) CheckSyncDraft(f core.SyncFacts) error         { return CheckSyncDraft(f) }
func (Rules) CheckSyncApproval(f core.SyncFacts) error      { return CheckSyncApproval(f) }
func (Rules) CheckPolicyStatusSync(from string, c core.PolicyStatusChange, f core.SyncFacts) error {
	return CheckPolicyStatusSync(from, c, f)
}
func (Rules) CheckPublish(in core.Interpretation, policy core.Policy, p core.Publication) (time.Time, string, error) {
	return CheckPublish(in, policy, p)
}
func (Rules) CheckExemption(e core.ExemptionInput) (core.ExemptionInput, error) {
	return CheckExemption(e)
}
func (Rules) Due(cal core.WorkdayAdder, policyPublished string) (string, error) {
	return Due(cal, policyPublished)
}
func (Rules) Verdicts(p core.SyncPanel, f core.SyncFacts) core.SyncPanel { return Verdicts(p, f) }
