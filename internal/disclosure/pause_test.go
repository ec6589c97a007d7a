package disclosure

import (
	"testing"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

// 2025 国庆中秋: 10/1–10/8 off, Sunday 9/28 and Saturday 10/11 worked. 2025 春节: 1/28–2/4 off, Sunday 1/26 and
// Saturday 2/8 worked. A request received Friday 2025-09-26 is due 2025-10-30; one received Monday 2025-01-20 is
// due 2025-02-21.
func TestClockWithSuspensions(t *testing.T) {
	third := func(sent, due, ended, result string) core.DisclosurePause {
		return core.DisclosurePause{Kind: core.PauseThirdParty, Party: "某公司", Started: sent, Due: due, Ended: ended, Result: result}
	}
	fee := func(sent, due, paid string) core.DisclosurePause {
		return core.DisclosurePause{Kind: core.PauseFee, Started: sent, Due: due, Ended: paid, FeeBasis: "按件", FeeCount: 3, FeeAmount: 300}
	}
	autumn := core.DisclosureRequest{Received: "2025-09-26", Outcome: -1}
	spring := core.DisclosureRequest{Received: "2025-01-20", Outcome: -1}
	with := func(r core.DisclosureRequest, ps ...core.DisclosurePause) core.DisclosureRequest {
		r.Pauses = ps
		return r
	}
	tests := []struct {
		name      string
		r         core.DisclosureRequest
		today     string
		status    string
		due       string // 答复期限, "" while the count is suspended
		countdown string // the day the countdown runs to
	}{
		{"国庆：征询中，答复期限中止，倒计时到第三方意见期限", with(autumn, third("2025-09-30", "2025-10-28", "", "")), "2025-10-20",
			core.DisclosureConsulting, "", "2025-10-28"},
		{"国庆：第三方10月10日答复，节假日不计，中止2个工作日", with(autumn, third("2025-09-30", "2025-10-28", "2025-10-10", "同意公开")), "2025-10-20",
			core.DisclosureOpen, "2025-11-03", "2025-11-03"},
		{"国庆：第三方逾期未答复，中止至多15个工作日", with(autumn, third("2025-09-30", "2025-10-28", "", "")), "2025-10-29",
			core.DisclosureOpen, "2025-11-20", "2025-11-20"},
		{"国庆：第三方逾期后才答复，仍只中止15个工作日", with(autumn, third("2025-09-30", "2025-10-28", "2025-11-05", "不同意公开")), "2025-11-06",
			core.DisclosureOpen, "2025-11-20", "2025-11-20"},
		{"国庆：中止并延期", func() core.DisclosureRequest {
			r := with(autumn, third("2025-09-30", "2025-10-28", "2025-10-10", "同意公开"))
			r.Extended = true
			return r
		}(), "2025-10-20", core.DisclosureOpen, "2025-12-01", "2025-12-01"},
		{"春节：待缴费，倒计时到缴费期限", with(spring, fee("2025-01-24", "2025-02-27", "")), "2025-02-20",
			core.DisclosureAwaitsFee, "", "2025-02-27"},
		{"春节：2月7日缴费，调休日1/26计入，中止5个工作日", with(spring, fee("2025-01-24", "2025-02-27", "2025-02-07")), "2025-02-10",
			core.DisclosureOpen, "2025-02-28", "2025-02-28"},
		{"春节：缴费期限已过未缴费", with(spring, fee("2025-01-24", "2025-02-27", "")), "2025-02-28",
			core.DisclosureFeeLapsed, "2025-03-21", "2025-02-27"},
		{"春节：补正后重新起算，再征询第三方", func() core.DisclosureRequest {
			r := with(core.DisclosureRequest{Received: "2025-01-02", Outcome: -1, CorrectionSent: "2025-01-06", CorrectionBy: "2025-01-24",
				Corrected: "2025-01-20"}, third("2025-01-24", "2025-02-19", "2025-02-07", "同意公开"))
			return r
		}(), "2025-02-10", core.DisclosureOpen, "2025-02-28", "2025-02-28"},
		{"两次中止：征询第三方后收费", with(autumn, third("2025-09-30", "2025-10-28", "2025-10-10", "同意公开"),
			fee("2025-10-13", "2025-11-10", "2025-10-17")), "2025-10-20", core.DisclosureOpen, "2025-11-07", "2025-11-07"},
	}
	for _, tt := range tests {
		r, countdown := WithClock(tt.r, cal, d(tt.today))
		if r.Status != tt.status || r.Due != tt.due || calendar.FormatDate(countdown) != tt.countdown {
			t.Errorf("%s: got %s due %q countdown %s, want %s due %q countdown %s", tt.name, r.Status, r.Due,
				calendar.FormatDate(countdown), tt.status, tt.due, tt.countdown)
		}
	}
	if got := calendar.FormatDate(ThirdPartyDue(cal, d("2025-09-30"))); got != "2025-10-28" {
		t.Errorf("第三方意见期限 across 国庆: got %s", got)
	}
	if got := calendar.FormatDate(PaymentDue(cal, d("2025-01-24"))); got != "2025-02-27" {
		t.Errorf("缴费期限 across 春节: got %s", got)
	}
}

// checkPause fails the test unless err is the refusal code, field and msg or, when code is "", there is no
// refusal and the pause is as expected (ok).
func checkPause(t *testing.T, name string, p core.DisclosurePause, err error, code, field, msg string, ok bool) {
	t.Helper()
	if code != "" {
		testutil.Refusal(t, err, code, field, msg)
	} else if err != nil || !ok {
		t.Errorf("%s: got %+v %v", name, p, err)
	}
}

func TestStartAndEndSuspensions(t *testing.T) {
	today := d("2025-10-20")
	open := core.DisclosureRequest{ID: 7, Received: "2025-09-26", Outcome: -1, Pauses: []core.DisclosurePause{}}
	consulting := open
	consulting.Pauses = []core.DisclosurePause{{Kind: core.PauseThirdParty, Party: "某公司", Started: "2025-09-30", Due: "2025-10-28"}}
	awaiting := open
	awaiting.Pauses = []core.DisclosurePause{{Kind: core.PauseFee, Started: "2025-10-13", Due: "2025-11-10", FeeAmount: 300}}
	answered := open
	answered.Outcome, answered.AnswerDate = 0, "2025-10-10"
	correcting := open
	correcting.CorrectionSent, correcting.CorrectionBy = "2025-09-29", "2025-10-31"
	lapsed := open
	lapsed.Pauses = []core.DisclosurePause{{Kind: core.PauseFee, Started: "2025-09-01", Due: "2025-09-29"}}
	in := func(party, basis string, count int) core.DisclosurePauseInput {
		return core.DisclosurePauseInput{Party: party, FeeBasis: basis, FeeCount: count}
	}

	t.Run("征询", func(t *testing.T) {
		cases := []struct {
			name       string
			r          core.DisclosureRequest
			in         core.DisclosurePauseInput
			sent       string
			code, msg  string
			due, field string
		}{
			{"ok", open, in("滨江置业有限公司", "", 0), "2025-09-30", "", "", "2025-10-28", ""},
			{"no party", open, in(" ", "", 0), "2025-09-30", core.EINVALID, "请填写被征求意见的第三方", "", "party"},
			{"answered", answered, in("某公司", "", 0), "2025-10-13", core.ECONFLICT, "该申请已于2025-10-10答复", "", ""},
			{"waiting for 补正", correcting, in("某公司", "", 0), "2025-09-30", core.ECONFLICT, "正在等待申请人补正，答复期限尚未起算", "", ""},
			{"already consulting", consulting, in("另一公司", "", 0), "2025-10-13", core.ECONFLICT, "正在等待第三方意见（期限2025-10-28），请先登记其结果", "", ""},
			{"fee lapsed", lapsed, in("某公司", "", 0), "2025-10-13", core.ECONFLICT, "申请人逾期未缴纳信息处理费，请按“其他处理”办结", "", ""},
			{"before receipt", open, in("某公司", "", 0), "2025-09-25", core.EINVALID, "发出日期不能早于答复期限起算之日（2025-09-26）", "", "date"},
		}
		for _, c := range cases {
			p, err := CheckConsult(cal, c.r, c.in, d(c.sent), today)
			checkPause(t, c.name, p, err, c.code, c.field, c.msg, p.Due == c.due && p.Kind == core.PauseThirdParty && p.Party == "滨江置业有限公司")
		}
	})

	t.Run("收费", func(t *testing.T) {
		cases := []struct {
			name      string
			r         core.DisclosureRequest
			in        core.DisclosurePauseInput
			before    int
			code, msg string
			field     string
			amount    int
			due       string
		}{
			{"按件：本月第11至13件", open, in("", "按件", 3), 10, "", "", "", 300, "2025-11-10"},
			{"按量：120页", open, in("", "按量", 120), 0, "", "", "", 1100, "2025-11-10"},
			{"免费额度内", open, in("", "按件", 5), 3, core.EINVALID, "申请人本月累计8件，未超过免费额度（按件10件、按量30页），不收取信息处理费", "feeCount", 0, ""},
			{"no basis", open, in("", "按人", 5), 0, core.EINVALID, "请选择按件或按量计收", "feeBasis", 0, ""},
			{"no count", open, in("", "按量", 0), 0, core.EINVALID, "请填写本申请的计费页数", "feeCount", 0, ""},
			{"while consulting", consulting, in("", "按件", 20), 0, core.ECONFLICT, "正在等待第三方意见（期限2025-10-28），请先登记其结果", "", 0, ""},
			{"already awaiting", awaiting, in("", "按件", 20), 0, core.ECONFLICT, "正在等待申请人缴费（期限2025-11-10），请先登记其结果", "", 0, ""},
		}
		for _, c := range cases {
			p, err := CheckFeeNotice(cal, c.r, c.in, c.before, d("2025-10-13"), today)
			checkPause(t, c.name, p, err, c.code, c.field, c.msg, p.FeeAmount == c.amount && p.Due == c.due && p.FeeBefore == c.before)
		}
	})

	t.Run("结束", func(t *testing.T) {
		cases := []struct {
			name      string
			r         core.DisclosureRequest
			kind      string
			in        core.DisclosurePauseInput
			date      string
			code, msg string
			field     string
			result    string
		}{
			{"opinion", consulting, core.PauseThirdParty, core.DisclosurePauseInput{Result: "不同意公开", Note: "涉及商业秘密"}, "2025-10-10", "", "", "", "不同意公开"},
			{"opinion without result", consulting, core.PauseThirdParty, core.DisclosurePauseInput{}, "2025-10-10", core.EINVALID, "请选择第三方意见（同意公开或不同意公开）", "result", ""},
			{"opinion before the letter", consulting, core.PauseThirdParty, core.DisclosurePauseInput{Result: "同意公开"}, "2025-09-29", core.EINVALID, "日期不能早于发出之日（2025-09-30）", "date", ""},
			{"no consultation", open, core.PauseThirdParty, core.DisclosurePauseInput{Result: "同意公开"}, "2025-10-10", core.ECONFLICT, "该申请没有待答复的第三方意见征询", "", ""},
			{"payment", awaiting, core.PauseFee, core.DisclosurePauseInput{}, "2025-10-17", "", "", "", "已缴费"},
			{"payment too late", awaiting, core.PauseFee, core.DisclosurePauseInput{}, "2025-11-11", core.EINVALID, "缴费期限（2025-11-10）已过，申请人逾期未缴费的，按“其他处理”办结", "date", ""},
			{"no fee notice", consulting, core.PauseFee, core.DisclosurePauseInput{}, "2025-10-17", core.ECONFLICT, "该申请没有待缴费的收费通知", "", ""},
		}
		for _, c := range cases {
			p, err := CheckPauseEnd(c.r, c.kind, c.in, d(c.date))
			checkPause(t, c.name, p, err, c.code, c.field, c.msg, p.Result == c.result && p.Ended == c.date)
		}
	})

	t.Run("答复与延期", func(t *testing.T) {
		lapsedToday := WithClockAt(lapsed, cal, today)
		lapsedToday.DraftOutcome, lapsedToday.SignoffState = OutcomeFeeUnpaid, core.DraftSigned
		awaitingToday := WithClockAt(awaiting, cal, today)
		consultingToday := WithClockAt(consulting, cal, today)
		_, err := CheckAnswer(lapsedToday, core.DisclosureAnswer{Outcome: OutcomeFeeUnpaid}, today)
		if err != nil {
			t.Errorf("unpaid past the deadline closes as （六）2: %v", err)
		}
		_, err = CheckAnswer(lapsedToday, core.DisclosureAnswer{Outcome: 0}, today)
		testutil.Refusal(t, err, core.EINVALID, "outcome", "申请人逾期未缴纳信息处理费（缴费期限已过），应按“其他处理·逾期未缴费”办结")
		_, err = CheckAnswer(awaitingToday, core.DisclosureAnswer{Outcome: OutcomeFeeUnpaid}, today)
		testutil.Refusal(t, err, core.EINVALID, "outcome", "只有缴费期限已过且未缴费的申请，才能按逾期未缴费办结")
		_, err = CheckAnswer(awaitingToday, core.DisclosureAnswer{Outcome: 0}, today)
		testutil.Refusal(t, err, core.ECONFLICT, "", "正在等待申请人缴纳信息处理费，请先登记缴费")
		_, err = CheckAnswer(consultingToday, core.DisclosureAnswer{Outcome: 1}, today)
		testutil.Refusal(t, err, core.ECONFLICT, "", "正在征求第三方意见，请先登记第三方意见（或待第三方意见期限届满）")
		testutil.Refusal(t, CheckExtend(consultingToday, "陈晓静"), core.ECONFLICT, "", "答复期限中止计算中（征询第三方），请在中止结束后再延期")
		testutil.Refusal(t, CheckExtend(lapsedToday, "陈晓静"), core.ECONFLICT, "", "申请人逾期未缴纳信息处理费，请按“其他处理”办结")
	})
}

// WithClockAt is WithClock without the countdown day.
func WithClockAt(r core.DisclosureRequest, cal core.WorkingDays, today time.Time) core.DisclosureRequest {
	r, _ = WithClock(r, cal, today)
	return r
}
