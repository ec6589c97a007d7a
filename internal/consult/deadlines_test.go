package consult

import (
	"strings"
	"testing"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

func TestDeadlines(t *testing.T) {
	cal := builtin()
	base := core.Consultation{ID: 7, PolicyTitle: "临江市城市更新实施办法(征求意见稿)", SectionID: 3, CommentCount: 12}
	with := func(status, closeDate string, edit func(*core.Consultation)) core.Consultation {
		c := base
		c.Status, c.CloseDate = status, closeDate
		if edit != nil {
			edit(&c)
		}
		return c
	}
	// each deadline as kind|due|label
	tests := []struct {
		name       string
		today      string
		c          core.Consultation
		dueDays    int
		enterprise int
		want       []string
	}{
		{"open, closing in 3 working days: warned", "2026-11-20", with(core.ConsultationOpen, "2026-11-25", nil), 10, 0,
			[]string{"consultation.closing|2026-11-25|剩余3个工作日"}},
		{"open, closing in 4 working days: not yet", "2026-11-19", with(core.ConsultationOpen, "2026-11-25", nil), 10, 0, nil},
		{"open, closing today", "2026-11-25", with(core.ConsultationOpen, "2026-11-25", nil), 10, 0,
			[]string{"consultation.closing|2026-11-25|今日到期"}},
		{"closed with undecided comments: both the comments and the report", "2026-11-26",
			with(core.ConsultationClosed, "2026-11-25", func(c *core.Consultation) { c.UndecidedCount = 4 }), 10, 0,
			[]string{"consultation.undecided|2026-11-25|4条未处理", "consultation.report_due|2026-12-09|剩余9个工作日"}},
		{"report due counted over 国庆 and its 调休 Saturday", "2026-10-09", with(core.ConsultationClosed, "2026-09-29", nil), 5, 0,
			[]string{"consultation.report_due|2026-10-12|剩余2个工作日"}},
		{"report overdue", "2026-12-10", with(core.ConsultationClosed, "2026-11-25", nil), 10, 0,
			[]string{"consultation.report_due|2026-12-09|已超期1个工作日"}},
		{"涉企 draft open without 企业 comments", "2026-11-02",
			with(core.ConsultationOpen, "2026-11-25", func(c *core.Consultation) { c.EnterpriseRelated = true }), 10, 0,
			[]string{"consultation.enterprise_unheard|2026-11-25|待听取企业意见"}},
		{"涉企 draft that heard from 企业", "2026-11-02",
			with(core.ConsultationOpen, "2026-11-25", func(c *core.Consultation) { c.EnterpriseRelated = true }), 10, 2, nil},
		{"涉企 draft not yet open", "2026-11-02",
			with(core.ConsultationPending, "2026-11-25", func(c *core.Consultation) { c.EnterpriseRelated = true }), 10, 0, nil},
		{"no close date", "2026-11-02", with(core.ConsultationOpen, "", nil), 10, 0, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, d := range Deadlines(cal, testutil.Date(tt.today), tt.c, tt.dueDays, tt.enterprise) {
			got = append(got, d.Kind+"|"+d.Due+"|"+d.Label)
			if d.SectionID != 3 || !strings.HasPrefix(d.Link, "/consultations/7") || !strings.HasPrefix(d.Title, "《临江市城市更新实施办法(征求意见稿)》") {
				t.Errorf("%s: %+v", tt.name, d)
			}
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%s:\n got %v\nwant %v", tt.name, got, tt.want)
		}
	}
}

// The list's badge of the 采纳情况说明 and the dashboard's entry come from one rule: due the setting's working
// days after the close, counted on the calendar; nothing while the period runs or once the report is online.
func TestReportDue(t *testing.T) {
	cal := builtin()
	tests := []struct {
		name, today, status, closeDate, published string
		dueDays                                   int
		want                                      string // due|status|label
	}{
		{"closed, within its time", "2026-11-26", core.ConsultationClosed, "2026-11-25", "", 10, "2026-12-09|pending|剩余9个工作日"},
		{"closed, due today", "2026-12-09", core.ConsultationClosed, "2026-11-25", "", 10, "2026-12-09|due_today|今日到期"},
		{"closed, overdue by working days not natural days", "2026-12-14", core.ConsultationClosed, "2026-11-25", "", 10,
			"2026-12-09|overdue|已超期3个工作日"},
		{"counted over 国庆 and its 调休 Saturday", "2026-10-09", core.ConsultationClosed, "2026-09-29", "", 5, "2026-10-12|pending|剩余2个工作日"},
		{"overdue across 元旦", "2026-01-05", core.ConsultationClosed, "2025-12-15", "", 10, "2025-12-29|overdue|已超期4个工作日"},
		{"published: no countdown", "2026-12-14", core.ConsultationClosed, "2026-11-25", "2026-12-01", 10, "||"},
		{"still open: nothing due yet", "2026-11-20", core.ConsultationOpen, "2026-11-25", "", 10, "||"},
		{"not yet open", "2026-11-01", core.ConsultationPending, "2026-11-25", "", 10, "||"},
		{"unreadable close date", "2026-11-26", core.ConsultationClosed, "", "", 10, "||"},
	}
	for _, tt := range tests {
		today, err := calendar.ParseDate(tt.today)
		if err != nil {
			t.Fatal(err)
		}
		c := ReportDue(cal, today, core.Consultation{Status: tt.status, CloseDate: tt.closeDate, ReportPublished: tt.published}, tt.dueDays)
		if got := c.ReportDue + "|" + c.ReportStatus + "|" + c.ReportLabel; got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, got, tt.want)
		}
	}
}
