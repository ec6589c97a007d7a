package disclosure

import (
	"testing"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

// The refusals the store used to make itself: each case checks the code, the field and the message as shown.

func TestCheckAnsweredRemedy(t *testing.T) {
	today := d("2026-11-20")
	answered := core.DisclosureRequest{Outcome: 0, AnswerDate: "2026-03-20"}
	cases := []struct {
		name           string
		r              core.DisclosureRequest
		kind, result   string
		filed, decided string
		code, msg      string // "" when allowed
	}{
		{"answered, pending", answered, "行政复议", "尚未审结", "2026-04-01", "", "", ""},
		{"answered, decided", answered, "复议后起诉", "结果纠正", "2026-04-01", "2026-06-01", "", ""},
		{"not answered", core.DisclosureRequest{Outcome: -1}, "行政复议", "尚未审结", "2026-04-01", "", core.EFORBID,
			"该申请尚未答复，不能登记行政复议或行政诉讼"},
		{"unknown kind", answered, "信访", "尚未审结", "2026-04-01", "", core.EINVALID, "请选择行政复议、未经复议直接起诉或复议后起诉"},
		{"unknown result", answered, "行政复议", "撤回", "2026-04-01", "2026-06-01", core.EINVALID, "结果只能是结果维持、结果纠正、其他结果或尚未审结"},
		{"no filing date", answered, "行政复议", "尚未审结", "", "", core.EINVALID, "请填写申请复议或起诉的日期"},
		{"filed before the answer", answered, "行政复议", "尚未审结", "2026-03-01", "", core.EINVALID, "申请复议或起诉的日期不能早于答复日期"},
		{"filed in the future", answered, "行政复议", "尚未审结", "2026-11-21", "", core.EINVALID, "申请复议或起诉的日期不能晚于今天"},
		{"pending with a decision", answered, "行政复议", "尚未审结", "2026-04-01", "2026-06-01", core.EINVALID, "尚未审结的案件不填写决定或裁判日期"},
		{"decided without a date", answered, "行政复议", "结果维持", "2026-04-01", "", core.EINVALID, "请填写复议决定或裁判的日期"},
		{"decided before filing", answered, "行政复议", "结果维持", "2026-04-01", "2026-03-25", core.EINVALID, "决定或裁判的日期须在申请之后、今天之前"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			testutil.Refusal(t, CheckAnsweredRemedy(c.r, c.kind, c.result, d(c.filed), d(c.decided), today), c.code, "", c.msg)
		})
	}
}

func TestCheckCorrectionNotice(t *testing.T) {
	s := State{Received: d("2025-01-20")}
	cases := []struct {
		name, by         string
		code, field, msg string // "" when allowed
		want             string
	}{
		{"deadline read", " 2025-02-20 ", "", "", "", "2025-02-20"},
		{"deadline in Chinese", "2025年2月20日", "", "", "", "2025-02-20"},
		{"no deadline", "", core.EINVALID, "by", "请填写补正期限", ""},
		{"unreadable deadline", "下周五", core.EINVALID, "by", "请填写补正期限", ""},
		{"deadline before the notice", "2025-01-21", core.EINVALID, "by", "请填写晚于发出日期的补正期限", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			by, err := CheckCorrectionNotice(cal, s, d("2025-01-21"), c.by)
			testutil.Refusal(t, err, c.code, c.field, c.msg)
			if c.want != "" && calendar.FormatDate(by) != c.want {
				t.Fatalf("deadline %s, want %s", calendar.FormatDate(by), c.want)
			}
		})
	}
}
