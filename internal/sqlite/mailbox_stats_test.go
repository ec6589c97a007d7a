package sqlite_test

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/mailbox"
)

// statsFixture builds a month around 国庆 2026 whose statistics are computed by hand in the test.
func statsFixture(t *testing.T) *mailboxFixture {
	f := newMailboxFixture(t)
	at := func(s string) { f.at(t, s) }
	at("2026-09-18 10:00")
	f.create(t, core.MessageInput{Body: "请问不动产登记大厅在哪里"}) // before the period
	at("2026-09-28 10:00")
	a := f.create(t, core.MessageInput{Body: "请问不动产登记能否网上预约"}) // due 10-08
	at("2026-09-30 09:00")
	b := f.create(t, core.MessageInput{Body: "举报滨江村有人违建厂房"}) // due 10-10 (调休 Saturday)
	at("2026-10-08 15:00")
	f.reply(t, a.ID, "可以在网上预约。") // on time, 3 working days
	at("2026-10-09 09:00")
	c := f.create(t, core.MessageInput{Body: "希望加快老城区规划编制"}) // 待分办
	f.forward(t, c.ID, "区政府", "已转区政府办理。")
	at("2026-10-12 09:00")
	f.create(t, core.MessageInput{Body: "请问不动产权证书遗失如何补办"}) // due 10-15, left open: overdue
	at("2026-10-12 16:00")
	f.replyLate(t, b.ID, "已立案查处。", "需现场核查") // late: 4 working days
	at("2026-10-13 09:00")
	e := f.create(t, core.MessageInput{Body: "咨询不动产抵押登记注销"}) // due 10-16, clock stopped
	at("2026-10-14 09:00")
	f.stopClock(t, e.ID, "刘芳")
	at("2026-10-19 09:00")
	f.create(t, core.MessageInput{Body: "举报耕地上违建"}) // due 10-22
	at("2026-10-20 10:00")
	return f
}

// stats reads the period's statistics as the mailbox service does.
func stats(f *mailboxFixture, from, to string) (core.MailboxStats, []mailbox.StatsLine, error) {
	return mailbox.ReadStats(f.ctx, f.store, from, to)
}

func TestMailboxStatsAgainstHandComputedValues(t *testing.T) {
	f := statsFixture(t)
	st, _, err := stats(f, "2026-09-21", "2026-10-31")
	if err != nil {
		t.Fatal(err)
	}
	row := func(key string, received, answered, onTime, open, overdue int, avg float64) core.StatsRow {
		r := core.StatsRow{Key: key, Received: received, Answered: answered, OnTime: onTime, Open: open, Overdue: overdue, AvgWorkdays: avg}
		if answered > 0 {
			r.OnTimeRate = float64(onTime) / float64(answered)
		}
		return r
	}
	check := func(name string, got, want core.StatsRow) {
		t.Helper()
		near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
		if got.Key != want.Key || got.Received != want.Received || got.Answered != want.Answered || got.OnTime != want.OnTime ||
			got.Open != want.Open || got.Overdue != want.Overdue || !near(got.AvgWorkdays, want.AvgWorkdays) || !near(got.OnTimeRate, want.OnTimeRate) {
			t.Errorf("%s = %+v\nwant %+v", name, got, want)
		}
	}
	check("total", st.Total, row("合计", 6, 3, 2, 3, 1, 7.0/3))
	check("咨询", st.ByType[0], row("咨询", 3, 1, 1, 2, 1, 3))
	check("建议", st.ByType[1], row("建议", 1, 1, 1, 0, 0, 0))
	check("举报", st.ByType[3], row("举报", 2, 1, 0, 1, 0, 4))
	check("投诉", st.ByType[2], row("投诉", 0, 0, 0, 0, 0, 0))
	if len(st.BySection) != 3 {
		t.Fatalf("by section = %+v", st.BySection)
	}
	check("确权登记组", st.BySection[0], row("确权登记组", 3, 1, 1, 2, 1, 3))
	check("执法监察支队", st.BySection[1], row("执法监察支队", 2, 1, 0, 1, 0, 4))
	check("未分办", st.BySection[2], row("未分办", 1, 1, 1, 0, 0, 0))
	if len(st.Monthly) != 2 {
		t.Fatalf("monthly = %+v", st.Monthly)
	}
	check("2026-09", st.Monthly[0], row("2026-09", 2, 2, 1, 0, 0, 3.5))
	check("2026-10", st.Monthly[1], row("2026-10", 4, 1, 1, 3, 1, 0))
	if st.AsOf != "2026-10-20" {
		t.Errorf("as of %s", st.AsOf)
	}
	_, _, err = stats(f, "2026-10-31", "2026-10-01")
	mbMustCode(t, err, core.EINVALID)
}

func TestMailboxStatsExports(t *testing.T) {
	f := statsFixture(t)
	st, lines, err := stats(f, "2026-09-21", "2026-10-31")
	if err != nil {
		t.Fatal(err)
	}
	var page bytes.Buffer
	if err := mailbox.WriteStatsHTML(&page, "临江市规划和自然资源局", st); err != nil {
		t.Fatal(err)
	}
	html := page.String()
	for _, want := range []string{"临江市规划和自然资源局局长信箱留言受理反馈情况统计", "2026-09-21 至 2026-10-31",
		`<tr class="total"><td>合计</td><td>6</td><td>3</td><td>2</td><td>66.7%</td><td>2.3</td><td>3</td><td>1</td></tr>`,
		"<td>投诉</td><td>0</td><td>0</td><td>0</td><td>—</td>"} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	for _, external := range []string{"<script", "<link", "src=", "http://", "https://"} {
		if strings.Contains(html, external) {
			t.Errorf("HTML is not self-contained: contains %q", external)
		}
	}

	detail := mailbox.DetailRows(lines)
	if len(detail) != 6 {
		t.Fatalf("detail rows = %d", len(detail))
	}
	late := detail[1] // the 举报 of 09-30, answered 10-12
	if late[3] != "举报" || late[9] != "2026-10-12" || late[10] != "4" || late[11] != "否" {
		t.Errorf("late row = %v", late)
	}
	summary := mailbox.SummaryRows(st)
	if got := strings.Join(summary[0], ","); got != "合计,6,3,2,66.7%,2.3,3,1" {
		t.Errorf("summary total = %s", got)
	}
}
