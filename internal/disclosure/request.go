package disclosure

import (
	"strings"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

// The rules of one request as the store applies them in its transactions (core.DisclosureRules).

// StateOf is the view of a stored request the action rules take.
func StateOf(r core.DisclosureRequest) State {
	return State{Received: day(r.Received), CorrectionSent: day(r.CorrectionSent), CorrectionBy: day(r.CorrectionBy),
		Corrected: day(r.Corrected), Extended: r.Extended, ExtensionBy: r.ExtensionBy, Answered: r.Outcome >= 0}
}

// day reads a stored civil date; zero when blank.
func day(s string) time.Time {
	t, err := calendar.ParseDate(s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// WithClock works out a request's 补正告知 deadline, answer deadline, result label and status as of today,
// and the date its countdown runs to (the answer deadline, or the 补正期限 while waiting for the applicant;
// zero once answered).
func WithClock(r core.DisclosureRequest, cal core.WorkingDays, today time.Time) (core.DisclosureRequest, time.Time) {
	received := day(r.Received)
	r.CorrectionDue = calendar.FormatDate(CorrectionNoticeDue(cal, received))
	r.OutcomeLabel = OutcomeLabel(r.Outcome)
	r.DraftLabel = OutcomeLabel(r.DraftOutcome)
	if r.Pauses == nil {
		r.Pauses = []core.DisclosurePause{}
	}
	waiting := r.CorrectionSent != "" && r.Corrected == ""
	pause := running(r.Pauses, today)
	if r.Outcome >= 0 {
		pause = nil // an answer ends every wait
	}
	if !waiting && pause == nil {
		r.Due = calendar.FormatDate(Deadline(cal, Case{Received: received, Corrected: day(r.Corrected), Extended: r.Extended,
			Suspended: Spans(r.Pauses)}))
	}
	lapsedFee := feeLapsed(r.Pauses, today)
	switch {
	case r.Outcome >= 0:
		r.Status = core.DisclosureOnTime
		if r.Due != "" && !OnTime(day(r.AnswerDate), day(r.Due)) {
			r.Status = core.DisclosureLate
		}
		return r, time.Time{}
	case waiting && CorrectionLapsed(StateOf(r), today):
		r.Status = core.DisclosureLapsed
	case waiting:
		r.Status = core.DisclosureCorrecting
	case lapsedFee != nil:
		r.Status = core.DisclosureFeeLapsed
		return r, day(lapsedFee.Due)
	case pause != nil && pause.Kind == core.PauseFee:
		r.Status = core.DisclosureAwaitsFee
		return r, day(pause.Due)
	case pause != nil:
		r.Status = core.DisclosureConsulting
		return r, day(pause.Due)
	default:
		r.Status = core.DisclosureOpen
	}
	if waiting {
		return r, day(r.CorrectionBy)
	}
	return r, day(r.Due)
}

// DateField reads a civil date the officer entered and refuses one after today.
func DateField(field, label, s string, today time.Time) (time.Time, error) {
	t, err := calendar.ParseDate(strings.TrimSpace(s))
	if err != nil {
		return t, core.FieldErrorf(core.EINVALID, field, "请填写%s（格式如2026-03-02）", label)
	}
	if t.After(calendar.Day(today)) {
		return t, core.FieldErrorf(core.EINVALID, field, "%s不能晚于今天", label)
	}
	return t, nil
}

// CheckIntake checks a new application and works out its dates: when it arrived and the legal receipt date
// by the channel's rule (第三十一条: in person and registered post the day it arrives or is signed for; an
// ordinary letter, the online platform and fax the day it is confirmed with the applicant).
func CheckIntake(in core.DisclosureIntake, today time.Time) (core.DisclosureIntake, time.Time, time.Time, error) {
	in.Applicant, in.Content = strings.TrimSpace(in.Applicant), strings.TrimSpace(in.Content)
	in.IDNumber, in.Contact = strings.TrimSpace(in.IDNumber), strings.TrimSpace(in.Contact)
	in.Form, in.Delivery = strings.TrimSpace(in.Form), strings.TrimSpace(in.Delivery)
	arrived, err := DateField("arrived", "收到（提交、签收）日期", in.Arrived, today)
	if err != nil {
		return in, arrived, arrived, err
	}
	a := Arrival{Channel: Channel(in.Channel), Submitted: arrived, SignedFor: arrived}
	switch a.Channel {
	case ChannelLetter, ChannelOnline, ChannelFax:
		confirmed, err := DateField("confirmed", "与申请人确认之日", in.Confirmed, today)
		if err != nil {
			return in, arrived, arrived, err
		}
		if confirmed.Before(arrived) {
			return in, arrived, arrived, core.FieldErrorf(core.EINVALID, "confirmed", "确认之日不能早于申请到达之日")
		}
		a.Confirmed = confirmed
	case ChannelInPerson, ChannelRegistered:
		in.Confirmed = ""
	default:
		return in, arrived, arrived, core.FieldErrorf(core.EINVALID, "channel", "请选择申请方式")
	}
	received, _ := ReceiptDate(a)
	switch {
	case in.Applicant == "":
		return in, arrived, received, core.FieldErrorf(core.EINVALID, "applicant", "请填写申请人")
	case in.Content == "":
		return in, arrived, received, core.FieldErrorf(core.EINVALID, "content", "请填写申请公开的政府信息")
	}
	if _, ok := ColumnOf(in.ApplicantType); !ok || in.ApplicantType == "" {
		return in, arrived, received, core.FieldErrorf(core.EINVALID, "applicantType", "请选择申请人类型（%s）", strings.Join(Columns[:6], "、"))
	}
	return in, arrived, received, nil
}

// CheckCorrectionReceived refuses a corrected application on an answered case, without a 补正告知书, a second
// time, before the notice or after the 补正期限 (the case then closes as 其他处理).
func CheckCorrectionReceived(r core.DisclosureRequest, received time.Time) error {
	switch {
	case r.Outcome >= 0:
		return core.Errorf(core.ECONFLICT, "该申请已答复")
	case r.CorrectionSent == "":
		return core.Errorf(core.ECONFLICT, "该申请未发出补正告知书")
	case r.Corrected != "":
		return core.Errorf(core.ECONFLICT, "已于%s收到补正", r.Corrected)
	case received.Before(day(r.CorrectionSent)):
		return core.FieldErrorf(core.EINVALID, "date", "收到补正之日不能早于补正告知书发出之日")
	case received.After(day(r.CorrectionBy)):
		return core.FieldErrorf(core.EINVALID, "date", "补正期限（%s）已过，申请人逾期未补正的，按“其他处理”办结", r.CorrectionBy)
	}
	return nil
}

// CheckExtend refuses an extension the rules forbid (CheckExtension) or one while the answer period has not
// started (waiting for the applicant's 补正).
func CheckExtend(r core.DisclosureRequest, approver string) error {
	if err := CheckExtension(StateOf(r), approver); err != nil {
		return err
	}
	switch r.Status {
	case core.DisclosureCorrecting, core.DisclosureLapsed:
		return core.Errorf(core.ECONFLICT, "正在等待申请人补正，答复期限尚未起算")
	case core.DisclosureConsulting, core.DisclosureAwaitsFee:
		return core.Errorf(core.ECONFLICT, "答复期限中止计算中（%s），请在中止结束后再延期", r.Status)
	case core.DisclosureFeeLapsed:
		return core.Errorf(core.ECONFLICT, "申请人逾期未缴纳信息处理费，请按“其他处理”办结")
	}
	return nil
}

// CheckAnswer refuses an answer on an answered case, without a result, dated before receipt, closing as
// 逾期不补正 a case that has not lapsed, while waiting for the 补正, or posted without the mail number.
func CheckAnswer(r core.DisclosureRequest, a core.DisclosureAnswer, answered time.Time) (core.DisclosureAnswer, error) {
	a.Method, a.Ref = strings.TrimSpace(a.Method), strings.TrimSpace(a.Ref)
	switch {
	case r.Outcome >= 0:
		return a, core.Errorf(core.ECONFLICT, "该申请已于%s答复", r.AnswerDate)
	case a.Outcome < 0 || a.Outcome >= len(Outcomes):
		return a, core.FieldErrorf(core.EINVALID, "outcome", "请选择答复类型")
	case answered.Before(day(r.Received)):
		return a, core.FieldErrorf(core.EINVALID, "date", "答复日期不能早于收到申请之日（%s）", r.Received)
	case a.Outcome == OutcomeCorrectionLapsed && r.Status != core.DisclosureLapsed:
		return a, core.FieldErrorf(core.EINVALID, "outcome", "只有补正期限已过且未收到补正的申请，才能按逾期不补正办结")
	case a.Outcome == OutcomeFeeUnpaid && r.Status != core.DisclosureFeeLapsed:
		return a, core.FieldErrorf(core.EINVALID, "outcome", "只有缴费期限已过且未缴费的申请，才能按逾期未缴费办结")
	case r.Status == core.DisclosureCorrecting:
		return a, core.Errorf(core.ECONFLICT, "正在等待申请人补正，请先登记收到补正")
	case r.Status == core.DisclosureFeeLapsed && a.Outcome != OutcomeFeeUnpaid:
		return a, core.FieldErrorf(core.EINVALID, "outcome", "申请人逾期未缴纳信息处理费（缴费期限已过），应按“其他处理·逾期未缴费”办结")
	case r.Status == core.DisclosureAwaitsFee:
		return a, core.Errorf(core.ECONFLICT, "正在等待申请人缴纳信息处理费，请先登记缴费")
	case r.Status == core.DisclosureConsulting:
		return a, core.Errorf(core.ECONFLICT, "正在征求第三方意见，请先登记第三方意见（或待第三方意见期限届满）")
	case a.Method == "邮寄" && a.Ref == "":
		return a, core.FieldErrorf(core.EINVALID, "ref", "邮寄送达请填写邮件号码（以交邮日期判断是否按时）")
	}
	return a, checkSigned(r, a)
}

// AnswerNote is the register's line for an answer: the result, how it was sent, and a late answer marked.
func AnswerNote(r core.DisclosureRequest, a core.DisclosureAnswer, answered time.Time) string {
	note := OutcomeLabel(a.Outcome)
	if a.Method != "" {
		note += "；" + a.Method
		if a.Ref != "" {
			note += " " + a.Ref
		}
	}
	if r.Due != "" && !OnTime(answered, day(r.Due)) {
		note += "；超过答复期限" + r.Due
	}
	return note
}

// OutcomeLabel names a result row of table 三; "" for none.
func OutcomeLabel(outcome int) string {
	if outcome < 0 || outcome >= len(Outcomes) {
		return ""
	}
	return Outcomes[outcome]
}

// Rules are the request rules as the stores take them (core.DisclosureRules).
type Rules struct{}

var _ core.DisclosureRules = Rules{}

func (Rules) WithClock(r core.DisclosureRequest, cal core.WorkingDays, today time.Time) (core.DisclosureRequest, time.Time) {
	return WithClock(r, cal, today)
}
func (Rules) DateField(field, label, s string, today time.Time) (time.Time, error) {
	return DateField(field, label, s, today)
}
func (Rules) CheckIntake(in core.DisclosureIntake, today time.Time) (core.DisclosureIntake, time.Time, time.Time, error) {
	return CheckIntake(in, today)
}
func (Rules) CheckCorrection(cal core.WorkingDays, r core.DisclosureRequest, sent time.Time, by string) (time.Time, error) {
	return CheckCorrectionNotice(cal, StateOf(r), sent, by)
}
func (Rules) CheckCorrectionReceived(r core.DisclosureRequest, received time.Time) error {
	return CheckCorrectionReceived(r, received)
}
func (Rules) CheckExtend(r core.DisclosureRequest, approver string) error {
	return CheckExtend(r, approver)
}
func (Rules) CheckAnswer(r core.DisclosureRequest, a core.DisclosureAnswer, answered time.Time) (core.DisclosureAnswer, error) {
	return CheckAnswer(r, a, answered)
}
func (Rules) AnswerNote(r core.DisclosureRequest, a core.DisclosureAnswer, answered time.Time) string {
	return AnswerNote(r, a, answered)
}
func (Rules) OutcomeLabel(outcome int) string { return OutcomeLabel(outcome) }
func (Rules) CheckConsult(cal core.WorkingDays, r core.DisclosureRequest, in core.DisclosurePauseInput, sent, today time.Time) (core.DisclosurePause, error) {
	return CheckConsult(cal, r, in, sent, today)
}
func (Rules) CheckFeeNotice(cal core.WorkingDays, r core.DisclosureRequest, in core.DisclosurePauseInput, before int, sent, today time.Time) (core.DisclosurePause, error) {
	return CheckFeeNotice(cal, r, in, before, sent, today)
}
func (Rules) CheckPauseEnd(r core.DisclosureRequest, kind string, in core.DisclosurePauseInput, ended time.Time) (core.DisclosurePause, error) {
	return CheckPauseEnd(r, kind, in, ended)
}
func (Rules) PauseNote(p core.DisclosurePause) string { return PauseNote(p) }
func (Rules) CheckAssign(r core.DisclosureRequest, sectionID, handlerID, handlerSection int64) error {
	return CheckAssign(r, sectionID, handlerID, handlerSection)
}
func (Rules) AssignNote(section, handler string) string { return AssignNote(section, handler) }
func (Rules) CheckAnnualEdits(e core.AnnualEdits, today time.Time) (core.AnnualEdits, error) {
	return CheckAnnualEdits(e, today)
}
func (Rules) CheckAnnualPublication(old, e core.AnnualEdits, state string) error {
	return CheckAnnualPublication(old, e, state)
}
func (Rules) AnnualSignoffState(so core.Signoff, signed string, e core.AnnualEdits) string {
	return SignoffState(so, signed, e)
}
func (Rules) CheckTemplate(kind, body string) (string, error) { return CheckTemplate(kind, body) }
func (Rules) CheckDraft(r core.DisclosureRequest, outcome int, text string) (string, error) {
	return CheckDraft(r, outcome, text)
}
func (Rules) CheckNote(r core.DisclosureRequest, kind, text string, on time.Time) (string, error) {
	return CheckNote(r, kind, text, on)
}
func (Rules) CheckRemedy(r core.DisclosureRequest, kind, result string, filed, decided, today time.Time) error {
	return CheckAnsweredRemedy(r, kind, result, filed, decided, today)
}
func (Rules) ColumnLabel(i int) string {
	if i < 0 || i >= len(Columns) {
		return ""
	}
	return Columns[i]
}
func (Rules) AnnualReportDue(today time.Time) (int, time.Time, bool) { return AnnualReportDue(today) }
