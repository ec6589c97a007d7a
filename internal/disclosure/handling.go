package disclosure

import (
	"slices"
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
