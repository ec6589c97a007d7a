package disclosure

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

// Suspensions of the answer period: a third party consulted (条例第三十二条: it has 15 working days to give its
// opinion; silence lets the bureau decide) and a fee notice (国办函〔2020〕109号: the period stops from the notice
// until payment; unpaid by the deadline, the case closes as （六）其他处理 2).

// ThirdPartyResults are the opinions a third party may give.
var ThirdPartyResults = []string{"同意公开", "不同意公开"}

// FeeBases are the two ways of counting a fee; one per application.
var FeeBases = []string{string(PerItem), string(PerVolume)}

// running is the suspension still waiting as of today (its opinion or payment not recorded and its deadline not
// passed), or nil.
func running(ps []core.DisclosurePause, today time.Time) *core.DisclosurePause {
	for i := range ps {
		if ps[i].Ended == "" && !calendar.Day(today).After(day(ps[i].Due)) {
			return &ps[i]
		}
	}
	return nil
}

// feeLapsed is the fee notice left unpaid past its deadline, or nil.
func feeLapsed(ps []core.DisclosurePause, today time.Time) *core.DisclosurePause {
	for i := range ps {
		if ps[i].Kind == core.PauseFee && ps[i].Ended == "" && calendar.Day(today).After(day(ps[i].Due)) {
			return &ps[i]
		}
	}
	return nil
}

// Spans are the suspensions as the deadline counts them: from the day the letter or notice went out to the day
// the opinion or payment arrived, never past the suspension's own deadline (a third party that answers late, or
// not at all, holds the count for 15 working days at most).
func Spans(ps []core.DisclosurePause) []Suspension {
	out := []Suspension{}
	for _, p := range ps {
		end := day(p.Due)
		if e := day(p.Ended); !e.IsZero() && e.Before(end) {
			end = e
		}
		out = append(out, Suspension{Kind: p.Kind, From: day(p.Started), To: end})
	}
	return out
}

// start is the day the answer period runs from: receipt, or receipt of the correction.
func start(r core.DisclosureRequest) time.Time {
	if r.Corrected != "" {
		return day(r.Corrected)
	}
	return day(r.Received)
}

// checkPausable refuses a suspension on an answered case, while waiting for the 补正, while another one runs,
// or dated before the answer period began.
func checkPausable(r core.DisclosureRequest, started, today time.Time) error {
	if p := running(r.Pauses, today); p != nil {
		what := "第三方意见"
		if p.Kind == core.PauseFee {
			what = "申请人缴费"
		}
		return core.Errorf(core.ECONFLICT, "正在等待%s（期限%s），请先登记其结果", what, p.Due)
	}
	switch {
	case r.Outcome >= 0:
		return core.Errorf(core.ECONFLICT, "该申请已于%s答复", r.AnswerDate)
	case r.CorrectionSent != "" && r.Corrected == "":
		return core.Errorf(core.ECONFLICT, "正在等待申请人补正，答复期限尚未起算")
	case feeLapsed(r.Pauses, today) != nil:
		return core.Errorf(core.ECONFLICT, "申请人逾期未缴纳信息处理费，请按“其他处理”办结")
	case started.Before(start(r)):
		return core.FieldErrorf(core.EINVALID, "date", "发出日期不能早于答复期限起算之日（%s）", calendar.FormatDate(start(r)))
	}
	return nil
}

// CheckConsult checks a 第三方意见征询函 sent on sent to party and returns the pause it starts: the third party's
// opinion is due 15 working days later, and the days until it arrives do not count (第三十二条).
func CheckConsult(cal core.WorkingDays, r core.DisclosureRequest, in core.DisclosurePauseInput, sent, today time.Time) (core.DisclosurePause, error) {
	party := strings.TrimSpace(in.Party)
	if party == "" {
		return core.DisclosurePause{}, core.FieldErrorf(core.EINVALID, "party", "请填写被征求意见的第三方")
	}
	if err := checkPausable(r, sent, today); err != nil {
		return core.DisclosurePause{}, err
	}
	return core.DisclosurePause{RequestID: r.ID, Kind: core.PauseThirdParty, Party: party, Started: calendar.FormatDate(sent),
		Due: calendar.FormatDate(ThirdPartyDue(cal, sent)), Note: strings.TrimSpace(in.Note)}, nil
}

// CheckFeeNotice checks a 收费通知书 sent on sent and returns the pause it starts, with the fee worked out by the
// tiers of 109号 from what the same applicant was already charged for in the same calendar month (before). A
// request the tiers leave free gets no notice. The applicant has 20 working days to pay.
func CheckFeeNotice(cal core.WorkingDays, r core.DisclosureRequest, in core.DisclosurePauseInput, before int, sent, today time.Time) (core.DisclosurePause, error) {
	basis := strings.TrimSpace(in.FeeBasis)
	unit := "件"
	if basis == string(PerVolume) {
		unit = "页"
	}
	switch {
	case !slices.Contains(FeeBases, basis):
		return core.DisclosurePause{}, core.FieldErrorf(core.EINVALID, "feeBasis", "请选择按件或按量计收")
	case in.FeeCount <= 0:
		return core.DisclosurePause{}, core.FieldErrorf(core.EINVALID, "feeCount", "请填写本申请的计费%s数", unit)
	}
	if err := checkPausable(r, sent, today); err != nil {
		return core.DisclosurePause{}, err
	}
	amount := Fee(FeeBasis(basis), before, in.FeeCount)
	if amount == 0 {
		return core.DisclosurePause{}, core.FieldErrorf(core.EINVALID, "feeCount",
			"申请人本月累计%d%s，未超过免费额度（按件10件、按量30页），不收取信息处理费", before+in.FeeCount, unit)
	}
	return core.DisclosurePause{RequestID: r.ID, Kind: core.PauseFee, Started: calendar.FormatDate(sent),
		Due: calendar.FormatDate(PaymentDue(cal, sent)), FeeBasis: basis, FeeCount: in.FeeCount, FeeBefore: before,
		FeeAmount: amount, Note: strings.TrimSpace(in.Note)}, nil
}

// CheckPauseEnd checks the end of the running suspension of kind on ended (the third party's opinion, or the
// payment) and returns it closed. A payment after the deadline is refused: the case closes as 其他处理.
func CheckPauseEnd(r core.DisclosureRequest, kind string, in core.DisclosurePauseInput, ended time.Time) (core.DisclosurePause, error) {
	var p *core.DisclosurePause
	for i := range r.Pauses {
		if r.Pauses[i].Kind == kind && r.Pauses[i].Ended == "" {
			p = &r.Pauses[i]
		}
	}
	if p == nil || r.Outcome >= 0 {
		if kind == core.PauseFee {
			return core.DisclosurePause{}, core.Errorf(core.ECONFLICT, "该申请没有待缴费的收费通知")
		}
		return core.DisclosurePause{}, core.Errorf(core.ECONFLICT, "该申请没有待答复的第三方意见征询")
	}
	out := *p
	if ended.Before(day(p.Started)) {
		return out, core.FieldErrorf(core.EINVALID, "date", "日期不能早于发出之日（%s）", p.Started)
	}
	if kind == core.PauseFee {
		if ended.After(day(p.Due)) {
			return out, core.FieldErrorf(core.EINVALID, "date", "缴费期限（%s）已过，申请人逾期未缴费的，按“其他处理”办结", p.Due)
		}
		out.Result = "已缴费"
	} else {
		result := strings.TrimSpace(in.Result)
		if !slices.Contains(ThirdPartyResults, result) {
			return out, core.FieldErrorf(core.EINVALID, "result", "请选择第三方意见（同意公开或不同意公开）")
		}
		out.Result = result
	}
	out.Ended = calendar.FormatDate(ended)
	if n := strings.TrimSpace(in.Note); n != "" {
		out.Note = strings.TrimSpace(out.Note + "；" + n)
	}
	return out, nil
}

// PauseNote is the register's line for a suspension started or ended.
func PauseNote(p core.DisclosurePause) string {
	switch {
	case p.Kind == core.PauseThirdParty && p.Ended == "":
		return "征求" + p.Party + "意见，第三方意见期限" + p.Due + "；期间不计入答复期限"
	case p.Kind == core.PauseThirdParty:
		return p.Party + p.Result
	case p.Ended == "":
		unit := "件"
		if p.FeeBasis == string(PerVolume) {
			unit = "页"
		}
		return p.FeeBasis + "计收" + strconv.Itoa(p.FeeCount) + unit + "，信息处理费" + strconv.Itoa(p.FeeAmount) + "元，缴费期限" + p.Due + "；期间不计入答复期限"
	}
	return "申请人已缴纳信息处理费" + strconv.Itoa(p.FeeAmount) + "元，答复期限恢复计算"
}
