package consult

import (
	"slices"
	"strings"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

// The decisions of 征求意见's steps over the facts the store has loaded: a comment entered by hand, grouping,
// a consultation's record and its period, the 采纳情况说明's publication, and a policy's life. Each refuses with
// the reason the office reads; the store then writes, audits and commits.

// CheckComment normalises and checks a comment entered by hand: its text, the day it arrived, and the channel
// and commenter category as offices write them.
func CheckComment(c core.Comment) (core.Comment, error) {
	c.Body, c.Commenter, c.Contact = strings.TrimSpace(c.Body), strings.TrimSpace(c.Commenter), strings.TrimSpace(c.Contact)
	if c.Body == "" {
		return c, core.FieldErrorf(core.EINVALID, "body", "请填写意见内容")
	}
	d, err := calendar.ParseDate(c.ReceivedDate)
	if err != nil {
		return c, core.FieldErrorf(core.EINVALID, "receivedDate", "请填写收到日期(如 2026-03-05)")
	}
	c.ReceivedDate = calendar.FormatDate(d)
	ch, ok := NormalizeChannel(c.Channel)
	if !ok {
		return c, core.FieldErrorf(core.EINVALID, "channel", "请选择反馈渠道(%s)", strings.Join(core.Channels, "、"))
	}
	c.Channel = ch
	cat, ok := NormalizeCategory(c.Category)
	if !ok {
		return c, core.FieldErrorf(core.EINVALID, "category", "请选择提出主体类别(%s)", strings.Join(core.CommenterCategories, "、"))
	}
	c.Category = cat
	return c, nil
}

// CheckDecision checks a decision: one comment or one group, one of the four answers, and a reason unless the
// comment is adopted in full, because the reasons for not adopting are published.
func CheckDecision(d core.Decision) (core.Decision, error) {
	d.Reason, d.Response = strings.TrimSpace(d.Reason), strings.TrimSpace(d.Response)
	switch {
	case (d.CommentID == 0) == (d.GroupID == 0):
		return d, core.Errorf(core.EINVALID, "请选择一条意见或一组意见")
	case !slices.Contains(core.Decisions, d.Decision):
		return d, core.FieldErrorf(core.EINVALID, "decision", "请选择处理结果(采纳、部分采纳、不予采纳或不属于征求范围)")
	case d.Decision != core.DecisionAdopted && d.Reason == "":
		return d, core.FieldErrorf(core.EINVALID, "reason", "处理结果为“%s”时须填写理由", d.Decision)
	}
	return d, nil
}

// CheckSplit decides whether a comment may leave its group: only one grouped with others.
func CheckSplit(c core.Comment) error {
	if c.GroupID == 0 || c.GroupSize < 2 {
		return core.Errorf(core.EINVALID, "这条意见没有与其他意见归并，无需拆分")
	}
	return nil
}

// CheckMerge decides whether groups and comments may be joined: at least two, every comment of the
// consultation being grouped (members are the comments named, as stored).
func CheckMerge(m core.GroupMerge, members []core.Comment) error {
	if len(m.GroupIDs)+len(m.CommentIDs) < 2 {
		return core.Errorf(core.EINVALID, "请至少选择两组或两条意见进行归并")
	}
	for _, c := range members {
		if c.ConsultationID != m.ConsultationID {
			return core.Errorf(core.EINVALID, "意见(编号%d)不属于本次征求意见", c.ID)
		}
	}
	return nil
}

// CheckListStatus refuses an unknown status in a filter of the consultation list.
func CheckListStatus(status string) error {
	switch status {
	case "", core.ConsultationPending, core.ConsultationOpen, core.ConsultationClosed:
		return nil
	}
	return core.FieldErrorf(core.EINVALID, "status", "未知的征求意见状态“%s”", status)
}

// CheckOpen decides whether a new consultation may be opened on p: only while it is drafted or consulted on.
// versionOwner is the policy the chosen text belongs to (0 when none was chosen or it does not exist).
func CheckOpen(p core.Policy, versionID, versionOwner int64) error {
	if err := checkVersionOwner(p, versionID, versionOwner); err != nil {
		return err
	}
	if p.Status != core.PolicyDrafting && p.Status != core.PolicyConsulting {
		return core.Errorf(core.EFORBID, "“%s”处于“%s”状态，不能再征求意见", p.Title, p.Status)
	}
	return nil
}

// CheckEdit decides whether a consultation's record may change from old to c: it stays with its policy and
// its text belongs to it, and once it has started its dates move only by an extension or a reopening, which
// leave a record.
func CheckEdit(old, c core.Consultation, p core.Policy, versionOwner int64) error {
	if err := checkVersionOwner(p, c.VersionID, versionOwner); err != nil {
		return err
	}
	if old.PolicyID != c.PolicyID {
		return core.FieldErrorf(core.EINVALID, "policyId", "征求意见记录不能改到另一份文件下")
	}
	if old.Status != core.ConsultationPending && (old.OpenDate != c.OpenDate || old.CloseDate != c.CloseDate) {
		return core.Errorf(core.EFORBID, "征求意见已经开始，起止日期只能通过“延期”或“重新开放”调整，以便留下调整记录")
	}
	return nil
}

func checkVersionOwner(p core.Policy, versionID, owner int64) error {
	if versionID != 0 && owner != p.ID {
		return core.FieldErrorf(core.EINVALID, "versionId", "所选文本不属于“%s”", p.Title)
	}
	return nil
}

// CheckPeriodKind decides which way a consultation's period may change: an open one is extended (延期), a
// closed one reopened (重新开放).
func CheckPeriodKind(kind string, old core.Consultation) error {
	switch {
	case kind == core.NoticeExtended && old.Status == core.ConsultationClosed:
		return core.Errorf(core.EFORBID, "征求意见已于%s截止，请使用“重新开放”", old.CloseDate)
	case kind == core.NoticeReopened && old.Status != core.ConsultationClosed:
		return core.Errorf(core.EFORBID, "征求意见尚未截止，请使用“延期”")
	}
	return nil
}

// CheckReportInput reads the publication of a 采纳情况说明: its date, not before the consultation closed, and
// the website address.
func CheckReportInput(p core.ReportPublication, closeDate string) (time.Time, string, error) {
	date, err := calendar.ParseDate(p.PublishedDate)
	if err != nil {
		return date, "", core.FieldErrorf(core.EINVALID, "publishedDate", "请填写发布日期(如 2026-11-20)")
	}
	url := strings.TrimSpace(p.PublishedURL)
	switch {
	case url == "":
		return date, url, core.FieldErrorf(core.EINVALID, "publishedUrl", "请填写网站发布地址")
	case calendar.FormatDate(date) < closeDate:
		return date, url, core.FieldErrorf(core.EINVALID, "publishedDate", "发布日期不能早于征求意见截止日期%s", closeDate)
	}
	return date, url, nil
}

// ValidatePolicy checks the fields every policy needs before it can be saved: 公开属性 and its basis are
// required from the first draft (seed 000).
func ValidatePolicy(p core.Policy) error {
	switch {
	case strings.TrimSpace(p.Title) == "":
		return core.FieldErrorf(core.EINVALID, "title", "请填写文件标题")
	case !slices.Contains(core.PolicyCategories, p.Category):
		return core.FieldErrorf(core.EINVALID, "category", "请选择文件类别(规范性文件、重大行政决策或其他)")
	case p.SectionID == 0:
		return core.FieldErrorf(core.EINVALID, "sectionId", "请选择起草科室")
	case !slices.Contains(core.DisclosureTypes, p.Disclosure):
		return core.FieldErrorf(core.EINVALID, "disclosure", "请选择公开属性(主动公开、依申请公开或不予公开)")
	case strings.TrimSpace(p.DisclosureBasis) == "":
		return core.FieldErrorf(core.EINVALID, "disclosureBasis", "请填写公开属性的依据")
	}
	return nil
}

// CheckPolicyTransition checks a status change: the move must be allowed, publication needs a valid date and
// the website URL, and going back or repealing needs a reason. It returns the publication date.
func CheckPolicyTransition(from string, c core.PolicyStatusChange) (time.Time, error) {
	var date time.Time
	if !slices.Contains(core.PolicyStatuses, c.Status) {
		return date, core.FieldErrorf(core.EINVALID, "status", "未知的文件状态“%s”", c.Status)
	}
	if !slices.Contains(core.NextPolicyStatuses(from), c.Status) {
		return date, core.Errorf(core.EFORBID, "文件状态不能从“%s”改为“%s”", from, c.Status)
	}
	switch {
	case c.Status == core.PolicyPublished && c.PublishedDate == "":
		return date, core.FieldErrorf(core.EINVALID, "publishedDate", "请填写发布日期")
	case c.Status == core.PolicyPublished && strings.TrimSpace(c.PublishedURL) == "":
		return date, core.FieldErrorf(core.EINVALID, "publishedUrl", "请填写网站发布地址")
	case (c.Status == core.PolicyDrafting || c.Status == core.PolicyRepealed) && strings.TrimSpace(c.Reason) == "":
		return date, core.FieldErrorf(core.EINVALID, "reason", "请填写“%s”的原因", c.Status)
	}
	if c.Status == core.PolicyPublished {
		d, err := calendar.ParseDate(c.PublishedDate)
		if err != nil {
			return date, core.FieldErrorf(core.EINVALID, "publishedDate", "发布日期格式不正确：%s", c.PublishedDate)
		}
		date = d
	}
	return date, nil
}

// CheckDelete decides whether a policy may be deleted: only one still drafted that was never consulted on and
// has nothing else linked to it (linked: the store found an interpretation or another record referring to it).
func CheckDelete(p core.Policy, linked bool) error {
	switch {
	case p.Status != core.PolicyDrafting || p.Consultations > 0:
		return core.Errorf(core.EFORBID, "“%s”已进入%s或已征求意见，不能删除", p.Title, p.Status)
	case linked:
		return core.Errorf(core.EFORBID, "“%s”已有关联的解读或其他记录，不能删除", p.Title)
	}
	return nil
}

// CheckVersionDate reads the date of a policy text.
func CheckVersionDate(s string) (time.Time, error) {
	d, err := calendar.ParseDate(s)
	if err != nil {
		return d, core.FieldErrorf(core.EINVALID, "versionDate", "请填写文本日期(如 2026-03-02)")
	}
	return d, nil
}
