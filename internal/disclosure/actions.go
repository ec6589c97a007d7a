package disclosure

import (
	"strings"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

// State is what the action rules need to know about a case.
type State struct {
	Received       time.Time
	CorrectionSent time.Time // 补正告知书发出之日
	CorrectionBy   time.Time // 补正期限
	Corrected      time.Time // 收到补正之日
	Extended       bool
	ExtensionBy    string // 批准延期的负责人
	Answered       bool
}

// CheckCorrection refuses a 补正告知书 that is a second one, late, or on an answered case (第三十条).
func CheckCorrection(cal core.WorkingDays, s State, sent, by time.Time) error {
	switch {
	case s.Answered:
		return core.Errorf(core.ECONFLICT, "该申请已答复，不能再要求补正")
	case !s.CorrectionSent.IsZero():
		return core.Errorf(core.ECONFLICT, "补正只能要求一次（条例第三十条），本申请已于%s发出补正告知书", calendar.FormatDate(s.CorrectionSent))
	case sent.Before(s.Received):
		return core.FieldErrorf(core.EINVALID, "sent", "补正告知书的发出日期不能早于收到申请之日")
	case sent.After(CorrectionNoticeDue(cal, s.Received)):
		return core.FieldErrorf(core.EINVALID, "sent", "补正告知应在收到申请之日起7个工作日内（%s前）发出", calendar.FormatDate(CorrectionNoticeDue(cal, s.Received)))
	case !by.After(sent):
		return core.FieldErrorf(core.EINVALID, "by", "请填写晚于发出日期的补正期限")
	}
	return nil
}

// CheckCorrectionNotice reads the 补正期限 by of a 补正告知书 sent on sent and checks the notice (CheckCorrection).
func CheckCorrectionNotice(cal core.WorkingDays, s State, sent time.Time, by string) (time.Time, error) {
	byDay, err := calendar.ParseDate(strings.TrimSpace(by))
	if err != nil {
		return byDay, core.FieldErrorf(core.EINVALID, "by", "请填写补正期限")
	}
	return byDay, CheckCorrection(cal, s, sent, byDay)
}

// CorrectionLapsed reports whether the applicant missed the 补正 deadline, so the case closes
// as （六）其他处理 1 (index 18 in Outcomes).
func CorrectionLapsed(s State, today time.Time) bool {
	return !s.CorrectionSent.IsZero() && s.Corrected.IsZero() && !s.CorrectionBy.IsZero() &&
		calendar.Day(today).After(calendar.Day(s.CorrectionBy))
}

// Outcome indices the clock closes cases with.
const (
	OutcomeCorrectionLapsed = 18 // （六）1
	OutcomeFeeUnpaid        = 19 // （六）2
)

// CheckExtension refuses a second extension, one without the approver, or one on an answered case.
func CheckExtension(s State, approver string) error {
	switch {
	case s.Answered:
		return core.Errorf(core.ECONFLICT, "该申请已答复，不能延期")
	case s.Extended:
		return core.Errorf(core.ECONFLICT, "答复期限只能延长一次，且最长不超过20个工作日（条例第三十三条）")
	case approver == "":
		return core.FieldErrorf(core.EINVALID, "approver", "延期须经政府信息公开工作机构负责人同意，请填写批准人")
	}
	return nil
}
