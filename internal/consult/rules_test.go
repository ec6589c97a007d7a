package consult

import (
	"slices"
	"strings"
	"testing"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

func builtin() *calendar.Calendar { return calendar.New(calendar.Builtin()) }

func TestEarliestClose(t *testing.T) {
	cal := builtin()
	for _, tc := range []struct{ open, want string }{
		{"2026-03-02", "2026-04-01"}, // DOMAIN.md §2: 30 natural days, the opening day not counted
		{"2026-09-01", "2026-10-08"}, // day 30 is 国庆节: the period runs to the next working day
		{"2026-01-01", "2026-02-02"}, // day 30 is a Saturday
		{"2025-12-18", "2026-01-19"}, // across the new year, day 30 a Saturday
	} {
		if got := calendar.FormatDate(EarliestClose(cal, testutil.Date(tc.open))); got != tc.want {
			t.Errorf("EarliestClose(%s) = %s, want %s", tc.open, got, tc.want)
		}
	}
}

func TestCheckPeriod(t *testing.T) {
	cal := builtin()
	for _, tc := range []struct {
		name, open, close string
		short             bool
		days              int
		code              string
	}{
		{"lawful", "2026-09-01", "2026-10-08", false, 37, ""},
		{"longer", "2026-09-01", "2026-10-20", false, 49, ""},
		{"day 30 is a holiday", "2026-09-01", "2026-10-01", true, 30, ""},
		{"short", "2026-03-02", "2026-03-20", true, 18, ""},
		{"close before open", "2026-03-02", "2026-03-01", false, 0, core.EINVALID},
		{"bad date", "2026-02-30", "2026-04-01", false, 0, core.EINVALID},
		{"chinese date", "2026年3月2日", "2026年4月1日", false, 30, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pc, err := CheckPeriod(cal, tc.open, tc.close)
			if core.ErrorCode(err) != tc.code {
				t.Fatalf("error %v, want code %q", err, tc.code)
			}
			if err == nil && (pc.Short != tc.short || pc.NaturalDays != tc.days || pc.Message == "") {
				t.Fatalf("check = %+v", pc)
			}
		})
	}
}

func TestValidateConsultation(t *testing.T) {
	cal := builtin()
	ok := core.Consultation{PolicyID: 1, OpenDate: "2026-03-02", CloseDate: "2026-04-01", Channels: []string{"网站", "邮件"}, Contact: "0571-88012312"}
	for _, tc := range []struct {
		name  string
		edit  func(*core.Consultation)
		field string
	}{
		{"valid", func(*core.Consultation) {}, ""},
		{"short without reason", func(c *core.Consultation) { c.CloseDate = "2026-03-20" }, "shortReason"},
		{"short with reason", func(c *core.Consultation) { c.CloseDate = "2026-03-20"; c.ShortReason = "上级部署限期出台" }, ""},
		{"no channel", func(c *core.Consultation) { c.Channels = nil }, "channels"},
		{"unknown channel", func(c *core.Consultation) { c.Channels = []string{"微博"} }, "channels"},
		{"no contact", func(c *core.Consultation) { c.Contact = " " }, "contact"},
		{"no close date", func(c *core.Consultation) { c.CloseDate = "" }, "closeDate"},
		{"no policy", func(c *core.Consultation) { c.PolicyID = 0 }, "policyId"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := ok
			tc.edit(&c)
			_, err := ValidateConsultation(cal, c)
			if got := core.ErrorField(err); got != tc.field {
				t.Fatalf("error %v on field %q, want %q", err, got, tc.field)
			}
		})
	}
}

func TestCheckPeriodChange(t *testing.T) {
	today := time.Date(2026, 11, 20, 10, 0, 0, 0, core.Shanghai)
	for _, tc := range []struct {
		name string
		pc   core.PeriodChange
		old  string
		code string
	}{
		{"extend", core.PeriodChange{NewClose: "2026-12-10", Reason: "应企业要求延长"}, "2026-11-30", ""},
		{"no reason", core.PeriodChange{NewClose: "2026-12-10"}, "2026-11-30", core.EINVALID},
		{"not later", core.PeriodChange{NewClose: "2026-11-30", Reason: "x"}, "2026-11-30", core.EINVALID},
		{"in the past", core.PeriodChange{NewClose: "2026-11-19", Reason: "x"}, "2026-11-01", core.EINVALID},
		{"bad date", core.PeriodChange{NewClose: "12/10", Reason: "x"}, "2026-11-30", core.EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := CheckPeriodChange(tc.pc, tc.old, today)
			if core.ErrorCode(err) != tc.code {
				t.Fatalf("error %v, want %q", err, tc.code)
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{"网站": "网站", " 网上 ": "网站", "Email": "电子邮件", "来信": "信函", "座谈": "座谈会", "听证": "听证会"} {
		if got, ok := NormalizeChannel(in); !ok || got != want {
			t.Errorf("NormalizeChannel(%q) = %q, %v", in, got, ok)
		}
	}
	if _, ok := NormalizeChannel("微博"); ok {
		t.Error("微博 accepted as a channel")
	}
	for in, want := range map[string]string{"个人": "自然人", "公司": "企业", "行业协会": "行业协会商会", "人大代表": "人大代表政协委员", "": "其他", "专家": "专家学者"} {
		if got, ok := NormalizeCategory(in); !ok || got != want {
			t.Errorf("NormalizeCategory(%q) = %q, %v", in, got, ok)
		}
	}
	if got, ok := NormalizeCategory("外星人"); ok || got != "其他" {
		t.Errorf("unknown category = %q, %v", got, ok)
	}
}

func TestResolveClauses(t *testing.T) {
	paths := []string{"序言", "第一章", "第一章/第一条", "第三章", "第三章/第十二条", "第三章/第十三条"}
	for _, tc := range []struct {
		name, ref, body string
		want, unknown   []string
	}{
		{"cell", "第十二条", "", []string{"第三章/第十二条"}, nil},
		{"cell with digits", "第12条、第13条", "", []string{"第三章/第十二条", "第三章/第十三条"}, nil},
		{"from the body", "", "建议修改第十二条和第１条。", []string{"第三章/第十二条", "第一章/第一条"}, nil},
		{"unknown in cell", "第九十九条", "", []string{"第九十九条"}, []string{"第九十九条"}},
		{"unknown in body is ignored", "", "第九十九条", nil, nil},
		{"full path", "第三章/第十三条", "", []string{"第三章/第十三条"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, unknown := ResolveClauses(tc.ref, tc.body, paths)
			if !slices.Equal(got, tc.want) || !slices.Equal(unknown, tc.unknown) {
				t.Fatalf("got %q unknown %q, want %q %q", got, unknown, tc.want, tc.unknown)
			}
		})
	}
}

func TestChineseNumber(t *testing.T) {
	for n, want := range map[int]string{1: "一", 10: "十", 12: "十二", 20: "二十", 35: "三十五", 100: "一百", 105: "一百零五", 110: "一百一十"} {
		if got := ChineseNumber(n); got != want {
			t.Errorf("ChineseNumber(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestCheckReportPublication(t *testing.T) {
	ready := ReportFacts{Status: core.ConsultationClosed, Generated: true}
	done := core.Signoff{Round: 1, Complete: true}
	open := []core.PrepubFinding{{Kind: "mobile", Label: "手机号码", Match: "13812345678"}}
	kept := []core.PrepubFinding{{Kind: "mobile", Label: "手机号码", Match: "13812345678", Resolution: core.FindingAcknowledged}}
	cases := []struct {
		name     string
		facts    ReportFacts
		signoff  core.Signoff
		findings []core.PrepubFinding
		refusal  string // "" when allowed
	}{
		{"signed off and clear", ready, done, nil, ""},
		{"acknowledged finding", ready, done, kept, ""},
		{"consultation still open", ReportFacts{Status: core.ConsultationOpen, Generated: true}, done, nil, "尚未截止"},
		{"undecided comments", ReportFacts{Status: core.ConsultationClosed, Generated: true, Undecided: 2}, done, nil, "尚有2条意见未处理"},
		{"never generated", ReportFacts{Status: core.ConsultationClosed}, done, nil, "生成"},
		{"never submitted", ready, core.Signoff{}, nil, "尚未提交审签"},
		{"returned", ready, core.Signoff{Round: 1, Returned: true}, nil, "退回"},
		{"in progress", ready, core.Signoff{Round: 1, Current: "分管领导审签"}, nil, "待分管领导审签"},
		{"open finding", ready, done, open, "13812345678"},
		{"changed after sign-off", ReportFacts{Status: core.ConsultationClosed, Generated: true, Changed: true}, done, nil, "重新提交审签"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckReportPublication(tc.facts, tc.signoff, tc.findings)
			if tc.refusal == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if core.ErrorCode(err) != core.EFORBID || !strings.Contains(core.ErrorMessage(err), tc.refusal) {
				t.Fatalf("err %v, want a refusal with %q", err, tc.refusal)
			}
		})
	}
}

func TestSameReport(t *testing.T) {
	body := "关于《临江市城市更新实施办法》意见收集采纳情况的说明\n一、征求意见基本情况\n……\n临江市规划和自然资源局\n"
	cases := []struct {
		a, b string
		same bool
	}{
		{body + "2026年11月20日", body + "2026年11月23日", true},
		{body + "2026年11月20日", body + "2026年11月20日\n", true},
		{body + "2026年11月20日", strings.Replace(body, "……", "采纳3条", 1) + "2026年11月20日", false},
		{"", body + "2026年11月20日", false},
		{body + "                          2026年11月20日\n", body + "                          2026年12月1日\n", true},
	}
	for _, c := range cases {
		if got := SameReport(c.a, c.b); got != c.same {
			t.Errorf("SameReport(%q, %q) = %v", c.a, c.b, got)
		}
	}
}

func TestCalendarWarningNamesTheYearsNotLoaded(t *testing.T) {
	loaded := func(y int) bool { return y == 2026 }
	tests := []struct {
		name  string
		dates []string
		want  string
	}{
		{"all loaded", []string{"2026-11-10", "2026-12-10"}, ""},
		{"none given", []string{"", ""}, ""},
		{"a close date in 2027", []string{"2026-12-10", "2027-01-04"},
			"尚未导入2027年的节假日安排：2027年的日期仅按周一至周五推算，可能落在法定节假日或调休日；请在“设置 → 工作日历”导入放假通知后再核对"},
		{"two missing years, once each", []string{"2027-01-04", "2028-01-04", "2027-02-01"},
			"尚未导入2027、2028年的节假日安排：2027、2028年的日期仅按周一至周五推算，可能落在法定节假日或调休日；请在“设置 → 工作日历”导入放假通知后再核对"},
	}
	for _, tt := range tests {
		if got := CalendarWarning(loaded, tt.dates...); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestCheckPeriodWarnsOfAYearNotLoaded(t *testing.T) {
	cal := builtin() // holds 2026, not 2027
	pc, err := CheckPeriod(cal, "2026-12-02", "")
	if err != nil {
		t.Fatal(err)
	}
	if pc.EarliestClose != "2027-01-01" || !strings.HasPrefix(pc.CalendarWarning, "尚未导入2027年的节假日安排") {
		t.Errorf("opened 2026-12-02: earliest %s, warning %q", pc.EarliestClose, pc.CalendarWarning)
	}
	if pc, _ := CheckPeriod(cal, "2026-09-21", "2026-10-21"); pc.CalendarWarning != "" {
		t.Errorf("a period within 2026 warns: %q", pc.CalendarWarning)
	}
}
