// Package consult holds the 征求意见 rules that need the working-day calendar, the normalisation of what
// offices write in comment sheets, and the layout of the 意见收集采纳情况说明. It does no I/O.
package consult

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/privacy"
)

// EarliestClose is the earliest lawful close date of a consultation opened on open: 30 natural days
// counted from the day after opening, moved to the next working day when it falls on a rest day.
func EarliestClose(cal core.WorkingDays, open time.Time) time.Time {
	return cal.PeriodEnd(open, core.MinCommentDays)
}

// CheckPeriod compares a proposed close date with the lawful one for the close-date picker, and warns when
// either date lies in a year whose holidays the calendar does not hold.
func CheckPeriod(cal core.WorkingDays, openDate, closeDate string) (core.PeriodCheck, error) {
	pc, err := checkPeriod(cal, openDate, closeDate)
	if cv, ok := cal.(core.CalendarCoverage); ok {
		pc.CalendarWarning = CalendarWarning(cv.Covers, pc.EarliestClose, pc.CloseDate)
	}
	return pc, err
}

func checkPeriod(cal core.WorkingDays, openDate, closeDate string) (core.PeriodCheck, error) {
	open, err := calendar.ParseDate(openDate)
	if err != nil {
		return core.PeriodCheck{}, core.FieldErrorf(core.EINVALID, "openDate", "开始日期格式不正确：%s", openDate)
	}
	earliest := EarliestClose(cal, open)
	pc := core.PeriodCheck{OpenDate: calendar.FormatDate(open), EarliestClose: calendar.FormatDate(earliest)}
	if closeDate == "" {
		pc.Message = fmt.Sprintf("征求意见期限不少于%d日，最早可于%s截止", core.MinCommentDays, pc.EarliestClose)
		return pc, nil
	}
	closing, err := calendar.ParseDate(closeDate)
	if err != nil {
		return pc, core.FieldErrorf(core.EINVALID, "closeDate", "截止日期格式不正确：%s", closeDate)
	}
	if !closing.After(open) {
		return pc, core.FieldErrorf(core.EINVALID, "closeDate", "截止日期须晚于开始日期")
	}
	pc.CloseDate = calendar.FormatDate(closing)
	pc.NaturalDays = int(closing.Sub(open).Hours() / 24)
	pc.Short = closing.Before(earliest)
	if pc.Short {
		pc.Message = fmt.Sprintf("征求意见期限%d日，早于法定最早截止日期%s，须填写缩短期限的理由", pc.NaturalDays, pc.EarliestClose)
	} else {
		pc.Message = fmt.Sprintf("征求意见期限%d日，符合不少于%d日的要求", pc.NaturalDays, core.MinCommentDays)
	}
	return pc, nil
}

// CalendarWarning names the years among dates (civil dates, "" skipped) whose holidays covers does not
// hold: such a date was reckoned on Monday to Friday alone and may fall on a public holiday.
func CalendarWarning(covers func(year int) bool, dates ...string) string {
	var missing []string
	for _, d := range dates {
		t, err := calendar.ParseDate(d)
		if d == "" || err != nil || covers(t.Year()) {
			continue
		}
		if y := strconv.Itoa(t.Year()); !slices.Contains(missing, y) {
			missing = append(missing, y)
		}
	}
	if len(missing) == 0 {
		return ""
	}
	years := strings.Join(missing, "、") + "年"
	return "尚未导入" + years + "的节假日安排：" + years + "的日期仅按周一至周五推算，可能落在法定节假日或调休日；请在“设置 → 工作日历”导入放假通知后再核对"
}

// ValidateConsultation checks a consultation before it is saved: dates, at least one known channel,
// contact details, and a reason when the period is shorter than the lawful one.
func ValidateConsultation(cal core.WorkingDays, c core.Consultation) (core.PeriodCheck, error) {
	if c.PolicyID == 0 {
		return core.PeriodCheck{}, core.FieldErrorf(core.EINVALID, "policyId", "请选择征求意见的文件")
	}
	pc, err := CheckPeriod(cal, c.OpenDate, c.CloseDate)
	if err != nil {
		return pc, err
	}
	if pc.CloseDate == "" {
		return pc, core.FieldErrorf(core.EINVALID, "closeDate", "请填写截止日期")
	}
	if pc.Short && strings.TrimSpace(c.ShortReason) == "" {
		return pc, core.FieldErrorf(core.EINVALID, "shortReason", "截止日期早于%s(不少于%d日)，须填写缩短征求意见期限的理由", pc.EarliestClose, core.MinCommentDays)
	}
	if len(c.Channels) == 0 {
		return pc, core.FieldErrorf(core.EINVALID, "channels", "请至少选择一种意见反馈渠道")
	}
	for _, ch := range c.Channels {
		if _, ok := NormalizeChannel(ch); !ok {
			return pc, core.FieldErrorf(core.EINVALID, "channels", "未知的意见反馈渠道“%s”", ch)
		}
	}
	if strings.TrimSpace(c.Contact) == "" {
		return pc, core.FieldErrorf(core.EINVALID, "contact", "请填写联系方式(电话、电子邮箱或通信地址)，公众需要知道如何提交意见")
	}
	return pc, nil
}

// CheckPeriodChange checks an extension or reopening: a reason, and a new close date that is later than
// the current one and not in the past.
func CheckPeriodChange(c core.PeriodChange, oldClose string, today time.Time) (time.Time, error) {
	if strings.TrimSpace(c.Reason) == "" {
		return time.Time{}, core.FieldErrorf(core.EINVALID, "reason", "请填写调整征求意见期限的理由")
	}
	newClose, err := calendar.ParseDate(c.NewClose)
	if err != nil {
		return time.Time{}, core.FieldErrorf(core.EINVALID, "newClose", "新的截止日期格式不正确：%s", c.NewClose)
	}
	if calendar.FormatDate(newClose) <= oldClose {
		return time.Time{}, core.FieldErrorf(core.EINVALID, "newClose", "新的截止日期须晚于原截止日期%s", oldClose)
	}
	if newClose.Before(calendar.Day(today)) {
		return time.Time{}, core.FieldErrorf(core.EINVALID, "newClose", "新的截止日期不能早于今天")
	}
	return newClose, nil
}

// channelSynonyms maps what sheets write to the channels of core.Channels.
var channelSynonyms = map[string]string{
	"网站": "网站", "网上": "网站", "网络": "网站", "门户网站": "网站", "政府网站": "网站", "在线": "网站", "网上留言": "网站", "官网": "网站", "互联网": "网站",
	"电子邮件": "电子邮件", "邮件": "电子邮件", "电子邮箱": "电子邮件", "邮箱": "电子邮件", "email": "电子邮件", "e-mail": "电子邮件",
	"信函": "信函", "信件": "信函", "来信": "信函", "邮寄": "信函", "书面": "信函",
	"传真":  "传真",
	"座谈会": "座谈会", "座谈": "座谈会",
	"听证会": "听证会", "听证": "听证会",
}

// NormalizeChannel maps a channel as written to one of core.Channels.
func NormalizeChannel(s string) (string, bool) {
	ch, ok := channelSynonyms[strings.ToLower(squeeze(s))]
	return ch, ok
}

// categorySynonyms maps what sheets write to the categories of core.CommenterCategories.
var categorySynonyms = map[string]string{
	"自然人": "自然人", "个人": "自然人", "市民": "自然人", "公民": "自然人", "群众": "自然人", "居民": "自然人", "业主": "自然人", "网民": "自然人",
	"企业": "企业", "公司": "企业", "企业家": "企业", "民营企业": "企业", "国有企业": "企业", "开发企业": "企业",
	"行业协会商会": "行业协会商会", "行业协会": "行业协会商会", "商会": "行业协会商会", "协会": "行业协会商会", "行业组织": "行业协会商会",
	"专家学者": "专家学者", "专家": "专家学者", "学者": "专家学者", "律师": "专家学者", "高校": "专家学者",
	"人大代表政协委员": "人大代表政协委员", "人大代表": "人大代表政协委员", "政协委员": "人大代表政协委员", "两代表一委员": "人大代表政协委员",
	"政府部门": "政府部门", "部门": "政府部门", "机关": "政府部门", "街道": "政府部门", "区政府": "政府部门", "区县": "政府部门",
	"其他": "其他",
}

// NormalizeCategory maps a commenter category as written to one of core.CommenterCategories; an unknown
// one becomes 其他 with ok false so the import can warn.
func NormalizeCategory(s string) (string, bool) {
	s = squeeze(s)
	if s == "" {
		return "其他", true
	}
	if c, ok := categorySynonyms[s]; ok {
		return c, true
	}
	return "其他", false
}

// squeeze removes all white space, including the full-width space.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u3000' {
			return -1
		}
		return r
	}, s)
}

// articlePattern finds article references such as 第十二条 or 第12条 in a comment or a clause cell.
var articlePattern = regexp.MustCompile(`第[一二三四五六七八九十百零〇两0-9０-９]+[章条节]`)

// ResolveClauses finds the clauses a comment concerns. ref is the clause cell (may be empty) and body the
// comment text; each 第X条/第X章 found is matched to a clause path of the draft whose last element (or
// the whole path) equals it. References that match no clause are returned in unknown so that the import
// can warn, and kept as written.
func ResolveClauses(ref, body string, paths []string) (resolved, unknown []string) {
	var refs []string
	for _, part := range strings.FieldsFunc(normalizeDigits(ref), func(r rune) bool { return strings.ContainsRune("、,，;； ", r) }) {
		found := articlePattern.FindAllString(part, -1)
		switch {
		case slices.Contains(paths, part) || len(found) == 0:
			refs = append(refs, part)
		default:
			refs = append(refs, found[len(found)-1]) // 第三章第十二条: the article is what the comment is about
		}
	}
	fromCell := len(refs) > 0
	if !fromCell {
		refs = articlePattern.FindAllString(normalizeDigits(body), -1)
	}
	seen := map[string]bool{}
	for _, r := range refs {
		p, ok := matchClause(r, paths)
		if !ok {
			if fromCell && !seen[r] {
				unknown = append(unknown, r)
				resolved = append(resolved, r)
				seen[r] = true
			}
			continue
		}
		if !seen[p] {
			resolved = append(resolved, p)
			seen[p] = true
		}
	}
	return resolved, unknown
}

func matchClause(ref string, paths []string) (string, bool) {
	for _, p := range paths {
		if p == ref || strings.HasSuffix(p, "/"+ref) {
			return p, true
		}
	}
	// 第12条 written with digits: compare through Chinese numerals.
	if alt := chineseArticle(ref); alt != ref {
		for _, p := range paths {
			if p == alt || strings.HasSuffix(p, "/"+alt) {
				return p, true
			}
		}
	}
	return "", false
}

func normalizeDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return '0' + (r - '０')
		}
		return r
	}, s)
}

// chineseArticle rewrites 第12条 as 第十二条, the way drafts number their articles.
func chineseArticle(ref string) string {
	inner := strings.TrimSuffix(strings.TrimPrefix(ref, "第"), ref[len(ref)-3:])
	n := 0
	for _, r := range inner {
		if r < '0' || r > '9' {
			return ref
		}
		n = n*10 + int(r-'0')
	}
	if n <= 0 || n >= 1000 {
		return ref
	}
	return "第" + ChineseNumber(n) + ref[len(ref)-3:]
}

// ChineseNumber writes 1–999 in Chinese numerals as articles are numbered: 十二, 二十, 一百零五.
func ChineseNumber(n int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	var b strings.Builder
	h, t, u := n/100, n/10%10, n%10
	if h > 0 {
		b.WriteString(digits[h] + "百")
		if t == 0 && u > 0 {
			b.WriteString("零")
		}
	}
	if t > 0 {
		if !(h == 0 && t == 1) {
			b.WriteString(digits[t])
		}
		b.WriteString("十")
	}
	if u > 0 {
		b.WriteString(digits[u])
	}
	return b.String()
}

// ReportFacts are what the rules of a 采纳情况说明 need.
type ReportFacts = core.ReportFacts

// CheckReportReady refuses to sign off or publish the 采纳情况说明 before the consultation has closed,
// while a comment is undecided, or before the report was generated: it states the outcome of every comment.
func CheckReportReady(f ReportFacts, what string) error {
	switch {
	case f.Status != core.ConsultationClosed:
		return core.Errorf(core.EFORBID, "征求意见尚未截止，不能%s意见采纳情况说明", what)
	case f.Undecided > 0:
		return core.Errorf(core.EFORBID, "尚有%d条意见未处理，请全部处理后再%s意见采纳情况说明", f.Undecided, what)
	case !f.Generated:
		return core.Errorf(core.EFORBID, "请先在“采纳情况说明”页生成意见采纳情况说明，再%s", what)
	}
	return nil
}

// CheckReportPublication refuses to mark the 采纳情况说明 published before its sign-off round is complete
// and while a pre-publication finding (密级标志, personal data) is neither fixed nor acknowledged.
func CheckReportPublication(f ReportFacts, signoff core.Signoff, findings []core.PrepubFinding) error {
	if err := CheckReportReady(f, "发布"); err != nil {
		return err
	}
	switch {
	case signoff.Round == 0:
		return core.Errorf(core.EFORBID, "意见采纳情况说明尚未提交审签；请先在“采纳情况说明”页提交审签，审签完成后再登记发布")
	case signoff.Returned:
		return core.Errorf(core.EFORBID, "意见采纳情况说明已被退回，请按审核意见修改后重新提交审签")
	case !signoff.Complete:
		return core.Errorf(core.EFORBID, "意见采纳情况说明正在审签(待%s)，审签完成后才能登记发布", signoff.Current)
	case f.Changed:
		return core.Errorf(core.EFORBID, "意见采纳情况说明在提交审签后已有变动(意见处理结果有修改)，请重新提交审签后再登记发布")
	}
	if err := privacy.Clear(findings); err != nil {
		return err
	}
	return nil
}

// reportDateLine is the closing date line of a 采纳情况说明 (2026年11月20日): the day it was generated.
var reportDateLine = regexp.MustCompile(`\n[ \t]*\d{4}年\d{1,2}月\d{1,2}日\s*$`)

// SameReport reports whether two texts of a 采纳情况说明 say the same thing: the closing date, which is the day
// the text was generated, does not count, so a sign-off that spans several days stays valid.
func SameReport(a, b string) bool {
	return reportDateLine.ReplaceAllString(strings.TrimSpace(a), "") == reportDateLine.ReplaceAllString(strings.TrimSpace(b), "")
}

// CheckVersionInput checks what a new version of a policy's text must say of itself: its kind and its date.
func CheckVersionInput(in core.VersionInput) error {
	if !slices.Contains(core.VersionKinds, in.Kind) {
		return core.FieldErrorf(core.EINVALID, "kind", "请选择文本类型(征求意见稿、送审稿或正式文本)")
	}
	if _, err := calendar.ParseDate(in.VersionDate); err != nil {
		return core.FieldErrorf(core.EINVALID, "versionDate", "请填写文本日期(如 2026-03-02)")
	}
	return nil
}

// Rules are the consultation rules as the stores take them (core.ConsultationRules).
type Rules struct{}

var _ core.ConsultationRules = Rules{}

func (Rules) NormalizeChannel(s string) (string, bool)  { return NormalizeChannel(s) }
func (Rules) NormalizeCategory(s string) (string, bool) { return NormalizeCategory(s) }
func (Rules) EarliestClose(cal core.WorkingDays, open time.Time) time.Time {
	return EarliestClose(cal, open)
}
func (Rules) CheckPeriod(cal core.WorkingDays, openDate, closeDate string) (core.PeriodCheck, error) {
	return CheckPeriod(cal, openDate, closeDate)
}
func (Rules) ValidateConsultation(cal core.WorkingDays, c core.Consultation) (core.PeriodCheck, error) {
	return ValidateConsultation(cal, c)
}
func (Rules) CheckPeriodChange(c core.PeriodChange, oldClose string, today time.Time) (time.Time, error) {
	return CheckPeriodChange(c, oldClose, today)
}
func (Rules) SameReport(a, b string) bool { return SameReport(a, b) }
func (Rules) Deadlines(cal core.WorkingDays, today time.Time, c core.Consultation, reportDueDays, enterpriseComments int) []core.Deadline {
	return Deadlines(cal, today, c, reportDueDays, enterpriseComments)
}
func (Rules) ReportDue(cal core.WorkingDays, today time.Time, c core.Consultation, reportDueDays int) core.Consultation {
	return ReportDue(cal, today, c, reportDueDays)
}
func (Rules) ClauseCount(clauses []core.Clause) int { return ClauseCount(clauses) }
func (Rules) CheckReportPublication(f ReportFacts, so core.Signoff, findings []core.PrepubFinding) error {
	return CheckReportPublication(f, so, findings)
}
func (Rules) CheckPolicyMove(from string, c core.PolicyStatusChange, f PublicationFacts) error {
	return CheckPolicyMove(from, c, f)
}
func (Rules) BuildReport(l Ledger) core.FeedbackReport { return BuildReport(l) }

func (Rules) CheckComment(c core.Comment) (core.Comment, error)    { return CheckComment(c) }
func (Rules) CheckDecision(d core.Decision) (core.Decision, error) { return CheckDecision(d) }
func (Rules) CheckSplit(c core.Comment) error                      { return CheckSplit(c) }
func (Rules) CheckMerge(m core.GroupMerge, members []core.Comment) error {
	return CheckMerge(m, members)
}
func (Rules) CheckListStatus(status string) error { return CheckListStatus(status) }
func (Rules) CheckOpen(p core.Policy, versionID, versionOwner int64) error {
	return CheckOpen(p, versionID, versionOwner)
}
func (Rules) CheckEdit(old, c core.Consultation, p core.Policy, versionOwner int64) error {
	return CheckEdit(old, c, p, versionOwner)
}
func (Rules) CheckPeriodKind(kind string, old core.Consultation) error {
	return CheckPeriodKind(kind, old)
}
func (Rules) CheckReportInput(p core.ReportPublication, closeDate string) (time.Time, string, error) {
	return CheckReportInput(p, closeDate)
}
func (Rules) CheckPolicyTransition(from string, c core.PolicyStatusChange) (time.Time, error) {
	return CheckPolicyTransition(from, c)
}
func (Rules) CheckDelete(p core.Policy, linked bool) error { return CheckDelete(p, linked) }
func (Rules) CheckVersionDate(s string) (time.Time, error) { return CheckVersionDate(s) }
func (Rules) ValidatePolicy(p core.Policy) error           { return ValidatePolicy(p) }
