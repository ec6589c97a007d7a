package consult

import (
	"fmt"
	"strings"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

// ClosingSoon is how many working days before the close date the dashboard starts warning.
const ClosingSoon = 3

// Deadlines are what a consultation puts on the dashboard on today: its close within ClosingSoon working days,
// comments left undecided after the close, the 采纳情况说明 due reportDueDays working days after the close, and
// a 涉企 draft that has not heard from 企业 or 行业协会商会 (enterpriseComments counts their comments).
func Deadlines(cal core.WorkingDays, today time.Time, c core.Consultation, reportDueDays, enterpriseComments int) []core.Deadline {
	closing, err := calendar.ParseDate(c.CloseDate)
	if err != nil {
		return nil
	}
	var out []core.Deadline
	link := fmt.Sprintf("/consultations/%d", c.ID)
	title := "《" + strings.Trim(c.PolicyTitle, "《》") + "》"
	switch c.Status {
	case core.ConsultationOpen:
		if cal.WorkdaysBetween(today, closing) <= ClosingSoon {
			cd := cal.Countdown(today, closing)
			out = append(out, core.Deadline{Module: "征求意见", Kind: "consultation.closing", Title: title + "征求意见即将截止",
				Detail: fmt.Sprintf("截止日期%s，已收到意见%d条", c.CloseDate, c.CommentCount), Due: c.CloseDate,
				Status: cd.Status, Label: cd.Label, Workdays: cd.Workdays, Link: link, SectionID: c.SectionID})
		}
	case core.ConsultationClosed:
		if c.UndecidedCount > 0 {
			out = append(out, core.Deadline{Module: "征求意见", Kind: "consultation.undecided", Title: title + "尚有意见未处理",
				Detail: fmt.Sprintf("已于%s截止，%d条意见尚未作出采纳决定", c.CloseDate, c.UndecidedCount), Due: c.CloseDate,
				Status: "warning", Label: fmt.Sprintf("%d条未处理", c.UndecidedCount), Link: link + "/comments", SectionID: c.SectionID})
		}
		due, cd := reportCountdown(cal, today, closing, reportDueDays)
		out = append(out, core.Deadline{Module: "征求意见", Kind: "consultation.report_due", Title: title + "意见采纳情况说明待发布",
			Detail: fmt.Sprintf("征求意见于%s截止，应在%d个工作日内公开意见收集和采纳情况", c.CloseDate, reportDueDays), Due: calendar.FormatDate(due),
			Status: cd.Status, Label: cd.Label, Workdays: cd.Workdays, Link: link + "/report", SectionID: c.SectionID})
	}
	if c.EnterpriseRelated && c.Status != core.ConsultationPending && enterpriseComments == 0 {
		out = append(out, core.Deadline{Module: "征求意见", Kind: "consultation.enterprise_unheard", Title: title + "涉企文件尚未听取企业意见",
			Detail: "未记录企业或行业协会商会的意见，请通过座谈会等方式听取企业家和行业协会商会的意见", Due: c.CloseDate,
			Status: "warning", Label: "待听取企业意见", Link: link, SectionID: c.SectionID})
	}
	return out
}

// ReportDue fills the due date and countdown of a closed consultation's 采纳情况说明 while it is not published:
// reportDueDays working days after the close (the close day itself not counted). A consultation still open,
// not yet open or whose report is online has none, so the list shows 未发布 or 已发布 alone.
func ReportDue(cal core.WorkingDays, today time.Time, c core.Consultation, reportDueDays int) core.Consultation {
	c.ReportDue, c.ReportStatus, c.ReportLabel = "", "", ""
	if c.Status != core.ConsultationClosed || c.ReportPublished != "" {
		return c
	}
	closing, err := calendar.ParseDate(c.CloseDate)
	if err != nil {
		return c
	}
	due, cd := reportCountdown(cal, today, closing, reportDueDays)
	c.ReportDue, c.ReportStatus, c.ReportLabel = calendar.FormatDate(due), cd.Status, cd.Label
	return c
}

// reportCountdown is the 采纳情况说明's due day, reportDueDays working days after the close, as it stands today:
// the one rule behind the dashboard's entry and the consultation list's badge.
func reportCountdown(cal core.WorkingDays, today, closing time.Time, reportDueDays int) (time.Time, core.Countdown) {
	due := cal.AddWorkdays(closing, reportDueDays)
	return due, cal.Countdown(today, due)
}
