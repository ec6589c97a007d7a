package mailbox

import (
	"testing"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

func cal2026() *calendar.Calendar { return calendar.New(calendar.Builtin()) }

var day = testutil.Date

func TestDueDateAcrossHolidaysAndMakeupDays(t *testing.T) {
	cal := cal2026()
	fiveForSuggestions := core.MailboxSettings{DueDays: map[string]int{"建议": 5}}
	tests := []struct {
		name, received, typ, want string
		settings                  core.MailboxSettings
	}{
		{"Friday counts from Monday", "2026-11-20", "咨询", "2026-11-25", core.MailboxSettings{}},
		{"Saturday is like Friday", "2026-11-21", "咨询", "2026-11-25", core.MailboxSettings{}},
		{"春节: the 调休 Saturday before counts", "2026-02-13", "投诉", "2026-02-25", core.MailboxSettings{}},
		{"春节: received during the holiday", "2026-02-16", "咨询", "2026-02-26", core.MailboxSettings{}},
		{"春节: the 调休 Saturday after counts", "2026-02-26", "咨询", "2026-03-02", core.MailboxSettings{}},
		{"国庆: the 调休 Sunday before counts", "2026-09-18", "咨询", "2026-09-22", core.MailboxSettings{}},
		{"国庆: received the day before", "2026-09-30", "举报", "2026-10-10", core.MailboxSettings{}},
		{"国庆: received during the holiday", "2026-10-03", "咨询", "2026-10-10", core.MailboxSettings{}},
		{"limit per type", "2026-11-20", "建议", "2026-11-27", fiveForSuggestions},
		{"other types keep the default", "2026-11-20", "咨询", "2026-11-25", fiveForSuggestions},
		{"unknown type uses 其他", "2026-11-20", "", "2026-11-25", core.MailboxSettings{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			received := day(tt.received).Add(15 * time.Hour)
			got := calendar.FormatDate(DueDate(cal, received, tt.settings, tt.typ))
			if got != tt.want {
				t.Errorf("DueDate(%s, %s) = %s, want %s", tt.received, tt.typ, got, tt.want)
			}
		})
	}
}

func TestResumeClockMovesTheDueDateByStoppedWorkdays(t *testing.T) {
	cal := cal2026()
	tests := []struct {
		name, due, since, today, want string
		days                          int
	}{
		{"over 国庆 and its 调休 Saturday", "2026-09-30", "2026-09-28", "2026-10-09", "2026-10-12", 4},
		{"resumed the same day", "2026-11-25", "2026-11-23", "2026-11-23", "2026-11-25", 0},
		{"over a weekend", "2026-11-25", "2026-11-20", "2026-11-23", "2026-11-26", 1},
		{"over 春节 and its 调休 Saturday", "2026-02-13", "2026-02-12", "2026-02-24", "2026-02-25", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			due, n := ResumeClock(cal, day(tt.due), day(tt.since), day(tt.today))
			if calendar.FormatDate(due) != tt.want || n != tt.days {
				t.Errorf("ResumeClock = %s, %d; want %s, %d", calendar.FormatDate(due), n, tt.want, tt.days)
			}
		})
	}
}

func TestOnTimeAndWorkdaysToAnswer(t *testing.T) {
	cal := cal2026()
	tests := []struct {
		received, replied, due string
		stopped                int
		onTime                 bool
		workdays               int
	}{
		{"2026-11-20", "2026-11-25", "2026-11-25", 0, true, 3},
		{"2026-11-20", "2026-11-26", "2026-11-25", 0, false, 4},
		{"2026-11-20", "2026-11-20", "2026-11-25", 0, true, 0},
		{"2026-02-13", "2026-02-24", "2026-02-25", 0, true, 2},
		{"2026-09-30", "2026-10-12", "2026-10-14", 2, true, 2},
	}
	for _, tt := range tests {
		replied := day(tt.replied).Add(17 * time.Hour)
		if got := OnTime(replied, day(tt.due)); got != tt.onTime {
			t.Errorf("OnTime(%s, due %s) = %v", tt.replied, tt.due, got)
		}
		if got := WorkdaysToAnswer(cal, day(tt.received), replied, tt.stopped); got != tt.workdays {
			t.Errorf("WorkdaysToAnswer(%s → %s, stopped %d) = %d, want %d", tt.received, tt.replied, tt.stopped, got, tt.workdays)
		}
	}
}

func TestDueBadge(t *testing.T) {
	cal := cal2026()
	var none time.Time
	tests := []struct {
		name, state, due, today string
		stopped                 bool
		replied                 time.Time
		status, label           string
	}{
		{"pending across a weekend", core.MsgHandling, "2026-11-25", "2026-11-20", false, none, "pending", "剩余3个工作日"},
		{"due today", core.MsgPending, "2026-11-25", "2026-11-25", false, none, "due_today", "今日到期"},
		{"overdue over 国庆", core.MsgReview, "2026-09-30", "2026-10-09", false, none, "overdue", "已超期2个工作日"},
		{"stopped", core.MsgHandling, "2026-09-30", "2026-10-09", true, none, "stopped", "已停止计时"},
		{"replied on time", core.MsgReplied, "2026-11-25", "2026-12-01", false, day("2026-11-25"), "done", "按时答复"},
		{"replied late", core.MsgPublished, "2026-11-25", "2026-12-01", false, day("2026-11-27"), "done", "超期2个工作日答复"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := DueBadge(cal, tt.state, day(tt.due), day(tt.today), tt.stopped, tt.replied)
			if b.Status != tt.status || b.Label != tt.label {
				t.Errorf("DueBadge = %+v, want %s %s", b, tt.status, tt.label)
			}
		})
	}
}

func TestForwardGoesThroughReview(t *testing.T) {
	for _, c := range []struct {
		state string
		ok    bool
	}{
		{core.MsgPending, true}, {core.MsgHandling, true}, {core.MsgReview, false}, {core.MsgReplied, false},
		{core.MsgForwarded, false}, {core.MsgPublished, false},
	} {
		if err := CheckForward(c.state); (err == nil) != c.ok {
			t.Errorf("CheckForward(%s) = %v", c.state, err)
		}
	}
	if AnswerState("市住房和城乡建设局") != core.MsgForwarded || AnswerState(" ") != core.MsgReplied || AnswerState("") != core.MsgReplied {
		t.Error("AnswerState")
	}
}

func TestTransitions(t *testing.T) {
	allowed := [][2]string{
		{core.MsgPending, core.MsgHandling}, {core.MsgHandling, core.MsgReview},
		// a 转办 is approved like a reply: only 待审核 moves to 转办
		{core.MsgReview, core.MsgForwarded}, {core.MsgReview, core.MsgReplied}, {core.MsgReview, core.MsgHandling},
		{core.MsgReplied, core.MsgPublished},
	}
	ok := map[[2]string]bool{}
	for _, a := range allowed {
		ok[a] = true
	}
	for _, from := range core.MessageStates {
		for _, to := range core.MessageStates {
			if from == to {
				continue
			}
			if got := CanTransition(from, to); got != ok[[2]string{from, to}] {
				t.Errorf("CanTransition(%s, %s) = %v", from, to, got)
			}
		}
	}
	if err := CheckTransition(core.MsgPublished, core.MsgHandling); core.ErrorCode(err) != core.EFORBID {
		t.Errorf("CheckTransition from 已公开 = %v, want forbidden", err)
	}
}

func TestSuggestType(t *testing.T) {
	tests := []struct{ text, want string }{
		{"请问二手房过户需要带哪些材料？", "咨询"},
		{"咨询一下不动产登记的办理时限", "咨询"},
		{"建议在新区多规划一些公园绿地，希望采纳", "建议"},
		{"投诉某街道规划办工作人员不作为", "投诉"},
		{"举报村里有人在耕地上违建厂房，请问如何处理", "举报"},
		{"家里老人无人照顾，求助相关部门帮忙", "求助"},
		{"感谢工作人员的热情服务", "其他"},
	}
	for _, tt := range tests {
		if got := SuggestType(tt.text); got != tt.want {
			t.Errorf("SuggestType(%q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}

func TestDecide(t *testing.T) {
	topics := TopicSections{"1": {ID: 1, Name: "不动产登记", SectionID: 6}, "2": {ID: 2, Name: "其他"}}
	match := func(id string, conf float64) core.MatchResult {
		return core.MatchResult{Top: []core.TopicScore{{TopicID: id, Confidence: conf}}}
	}
	tests := []struct {
		name      string
		m         core.MatchResult
		threshold float64
		want      Route
	}{
		{"confident goes to the section", match("1", 0.8), 0.6, Route{TopicID: 1, TopicName: "不动产登记", Score: 0.8, SectionID: 6, State: core.MsgHandling}},
		{"exactly the threshold is confident", match("1", 0.6), 0.6, Route{TopicID: 1, TopicName: "不动产登记", Score: 0.6, SectionID: 6, State: core.MsgHandling}},
		{"unsure waits for a person", match("1", 0.59), 0.6, Route{TopicID: 1, TopicName: "不动产登记", Score: 0.59, State: core.MsgPending}},
		{"topic without a section waits", match("2", 0.95), 0.6, Route{TopicID: 2, TopicName: "其他", Score: 0.95, State: core.MsgPending}},
		{"unknown topic waits", match("9", 0.95), 0.6, Route{State: core.MsgPending}},
		{"no suggestion waits", core.MatchResult{}, 0.6, Route{State: core.MsgPending}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Decide(tt.m, topics, tt.threshold); got != tt.want {
				t.Errorf("Decide = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestSettingsDefaultsAndValidation(t *testing.T) {
	s := Settings(core.MailboxSettings{DueDays: map[string]int{"投诉": 5}})
	if s.DueDays["投诉"] != 5 || s.DueDays["咨询"] != 3 || s.RouteThreshold != DefaultRouteThreshold {
		t.Errorf("Settings = %+v", s)
	}
	for _, bad := range []core.MailboxSettings{
		{DueDays: map[string]int{"咨询": 0}, RouteThreshold: 0.6},
		{DueDays: map[string]int{"闲聊": 3}, RouteThreshold: 0.6},
		{RouteThreshold: 1.5},
	} {
		if err := ValidateSettings(bad); core.ErrorCode(err) != core.EINVALID {
			t.Errorf("ValidateSettings(%+v) = %v, want invalid", bad, err)
		}
	}
}

func TestRenderTemplate(t *testing.T) {
	body := "{称呼}：您好！您于{收件日期}的留言收悉。经{承办科室}核实……如有疑问请致电{联系电话}。"
	got := Render(body, TemplateValues{Salutation: Salutation("张伟"), Received: "2026年11月20日", Section: "确权登记组", Phone: "0571-8801 2351"})
	want := "张伟同志：您好！您于2026年11月20日的留言收悉。经确权登记组核实……如有疑问请致电0571-8801 2351。"
	if got.Body != want || len(got.Missing) != 0 {
		t.Errorf("Render = %+v", got)
	}
	partial := Render(body, TemplateValues{Salutation: Salutation(""), Received: "2026年11月20日"})
	if partial.Body[:len("网友：")] != "网友：" || len(partial.Missing) != 2 || partial.Missing[0] != "承办科室" {
		t.Errorf("Render without section = %+v", partial)
	}
	if bad := UnknownFields("{称呼}您好，{姓名}"); len(bad) != 1 || bad[0] != "姓名" {
		t.Errorf("UnknownFields = %v", bad)
	}
}

func TestReceiptTime(t *testing.T) {
	fetched := time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)
	server := time.Date(2026, 11, 20, 8, 15, 0, 0, time.UTC)
	cases := []struct {
		name     string
		internal time.Time
		want     time.Time
	}{
		{"the server's receipt time", server, server},
		{"no INTERNALDATE: the fetch time", time.Time{}, fetched},
		{"a server clock ahead of the fetch: the fetch time", fetched.Add(time.Hour), fetched},
		{"received the same moment", fetched, fetched},
	}
	for _, c := range cases {
		if got := ReceiptTime(c.internal, fetched); !got.Equal(c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

func TestCheckClockStop(t *testing.T) {
	due := time.Date(2026, 11, 25, 0, 0, 0, 0, core.Shanghai)
	cases := []struct {
		name    string
		state   string
		today   time.Time
		stopped string
		ok      bool
	}{
		{"before the due date", core.MsgHandling, due.AddDate(0, 0, -2), "", true},
		{"on the due day", core.MsgHandling, due.Add(16 * time.Hour), "", true},
		{"a day overdue", core.MsgHandling, due.AddDate(0, 0, 1), "", false},
		{"already stopped", core.MsgHandling, due.AddDate(0, 0, -2), "2026-11-21", false},
		{"answered", core.MsgReplied, due.AddDate(0, 0, -2), "", false},
		{"waiting for routing", core.MsgPending, due.AddDate(0, 0, -1), "", true},
	}
	for _, c := range cases {
		err := CheckClockStop(c.state, due, c.today, c.stopped)
		if (err == nil) != c.ok {
			t.Errorf("%s: %v", c.name, err)
		}
		if err != nil && core.ErrorCode(err) != core.EFORBID {
			t.Errorf("%s: code %s", c.name, core.ErrorCode(err))
		}
	}
}

func TestClockStopRequestAndDecision(t *testing.T) {
	due, today := day("2026-11-19"), day("2026-11-17")
	liu := core.CurrentUser{PersonID: 2, Name: "刘芳"}
	lin := core.CurrentUser{PersonID: 1, Name: "林雨桐"}
	waiting := core.StopRequest{Reason: "需补充材料", ByID: 1, ByName: "林雨桐", ApproverID: 2, ApproverName: "刘芳"}
	requests := []struct {
		name    string
		state   string
		today   time.Time
		stopped string
		pending core.StopRequest
		code    string
	}{
		{"open and in time", core.MsgHandling, today, "", core.StopRequest{}, ""},
		{"another request waits", core.MsgHandling, today, "", waiting, core.ECONFLICT},
		{"already stopped", core.MsgHandling, today, "2026-11-16", core.StopRequest{}, core.EFORBID},
		{"overdue", core.MsgHandling, day("2026-11-20"), "", core.StopRequest{}, core.EFORBID},
		{"answered", core.MsgReplied, today, "", core.StopRequest{}, core.EFORBID},
	}
	for _, tc := range requests {
		t.Run("request/"+tc.name, func(t *testing.T) {
			if got := core.ErrorCode(CheckStopRequest(tc.state, due, tc.today, tc.stopped, tc.pending)); got != tc.code {
				t.Fatalf("code %q, want %q", got, tc.code)
			}
		})
	}
	decisions := []struct {
		name    string
		u       core.CurrentUser
		r       core.StopRequest
		approve bool
		today   time.Time
		code    string
	}{
		{"the named approver approves", liu, waiting, true, today, ""},
		{"the named approver rejects", liu, waiting, false, today, ""},
		{"the person asking cannot approve", lin, waiting, true, today, core.EFORBID},
		{"the person asking cannot reject", lin, waiting, false, today, core.EFORBID},
		{"nothing waits", liu, core.StopRequest{}, true, today, core.EFORBID},
		{"overdue by the time of approval", liu, waiting, true, day("2026-11-20"), core.EFORBID},
		{"an overdue request may still be rejected", liu, waiting, false, day("2026-11-20"), ""},
	}
	for _, tc := range decisions {
		t.Run("decide/"+tc.name, func(t *testing.T) {
			err := CheckStopDecision(tc.u, tc.r, tc.approve, core.MsgHandling, due, tc.today, "")
			if got := core.ErrorCode(err); got != tc.code {
				t.Fatalf("code %q, want %q (%v)", got, tc.code, err)
			}
		})
	}
}
