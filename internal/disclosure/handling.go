package disclosure

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"policydesk/internal/core"
)

// Handling: the request is assigned to a section and a person (分办), the office confers on difficult cases
// (会商) and asks the legal adviser (法律顾问意见); each is a line of the register's history.

// NoteKinds are the handling notes a request records.
var NoteKinds = []string{"会商", "法律顾问意见"}

// CheckAssign refuses an assignment of an answered request or one without a section; the person, when named,
// must work in the section.
func CheckAssign(r core.DisclosureRequest, sectionID, handlerID, handlerSection int64) error {
	switch {
	case r.Outcome >= 0:
		return core.Errorf(core.ECONFLICT, "该申请已于%s答复，不能再分办", r.AnswerDate)
	case sectionID == 0:
		return core.FieldErrorf(core.EINVALID, "sectionId", "请选择承办科室")
	case handlerID != 0 && handlerSection != sectionID:
		return core.FieldErrorf(core.EINVALID, "handlerId", "承办人不在所选承办科室，请重新选择")
	}
	return nil
}

// AssignNote is the register's line for an assignment.
func AssignNote(section, handler string) string {
	if handler == "" {
		return "承办科室：" + section
	}
	return "承办科室：" + section + "；承办人：" + handler
}

// CheckNote checks a 会商 record or the legal adviser's opinion dated on: a known kind, the text, and a day
// between receipt and today (DateField has refused a later one).
func CheckNote(r core.DisclosureRequest, kind, text string, on time.Time) (string, error) {
	text = strings.TrimSpace(text)
	switch {
	case !slices.Contains(NoteKinds, kind):
		return text, core.FieldErrorf(core.EINVALID, "kind", "请选择会商或法律顾问意见")
	case text == "" && kind == "会商":
		return text, core.FieldErrorf(core.EINVALID, "text", "请填写会商意见（参加人员和结论）")
	case text == "":
		return text, core.FieldErrorf(core.EINVALID, "text", "请填写法律顾问意见")
	case on.Before(day(r.Received)):
		return text, core.FieldErrorf(core.EINVALID, "date", "日期不能早于收到申请之日（%s）", r.Received)
	}
	return text, nil
}

// CheckDraft checks the answer drafted for sign-off: an open request and one of table 三's result rows; the
// text is what the 答复书 will say beyond the operative sentence.
func CheckDraft(r core.DisclosureRequest, outcome int, text string) (string, error) {
	text = strings.TrimSpace(text)
	switch {
	case r.Outcome >= 0:
		return text, core.Errorf(core.ECONFLICT, "该申请已于%s答复", r.AnswerDate)
	case r.SignoffState == core.DraftSigning:
		return text, core.Errorf(core.ECONFLICT, "答复稿正在审签中，审签结束（或退回）后才能修改")
	case outcome < 0 || outcome >= len(Outcomes):
		return text, core.FieldErrorf(core.EINVALID, "outcome", "请选择答复类型")
	case text == "" && outcome != OutcomeCorrectionLapsed && outcome != OutcomeFeeUnpaid:
		return text, core.FieldErrorf(core.EINVALID, "text", "请填写答复要点（答复书中告知申请人的内容）")
	}
	return text, nil
}

// checkSigned refuses to send an answer whose draft has not been through sign-off, or a result other than the
// signed one.
func checkSigned(r core.DisclosureRequest, a core.DisclosureAnswer) error {
	switch r.SignoffState {
	case core.DraftSigned:
	case core.DraftSigning:
		return core.Errorf(core.EFORBID, "答复稿正在审签中，审签通过后才能发出答复")
	case core.DraftReturned:
		return core.Errorf(core.EFORBID, "答复稿已被退回，请修改后重新提交审签")
	case core.DraftChanged:
		return core.Errorf(core.EFORBID, "答复稿在审签后有修改，请重新提交审签")
	default:
		return core.Errorf(core.EFORBID, "答复须经审签后发出：请先拟写答复稿并提交审签")
	}
	if a.Outcome != r.DraftOutcome {
		return core.FieldErrorf(core.EINVALID, "outcome", "答复类型须与审签通过的答复稿一致（%s）", OutcomeLabel(r.DraftOutcome))
	}
	return nil
}

// DraftSnapshot is what a sign-off round signs of a draft: a later change needs a new round.
func DraftSnapshot(outcome int, text string) string {
	return strconv.Itoa(outcome) + "\n" + text
}
