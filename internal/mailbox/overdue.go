package mailbox

import (
	"strings"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

// The rules behind an overdue message's banner: 催办 (a reminder to its handler, kept in its history),
// 延期申请 (more working days, granted only by a named approver) and the 超期说明 a late reply must carry.

// MaxExtensionDays is the most working days one 延期申请 may ask for.
const MaxExtensionDays = 15

// CheckRemindInput trims the optional words of a 催办.
func CheckRemindInput(in core.RemindInput) (core.RemindInput, error) {
	in.Note = strings.TrimSpace(in.Note)
	if len([]rune(in.Note)) > 200 {
		return in, core.FieldErrorf(core.EINVALID, "note", "催办说明不能超过200字")
	}
	return in, nil
}

// CheckRemind decides whether u may urge m's handler on today: the message is still waiting for its answer,
// its clock runs, its due date is today or past, someone other than its handler urges, and not twice a day.
func CheckRemind(u core.CurrentUser, m core.Message, due, today, lastReminded time.Time) error {
	today = calendar.Day(today)
	switch {
	case u.PersonID == 0:
		return core.Errorf(core.EFORBID, "尚未选择当前使用人，不能催办")
	case !IsOpen(m.State) && m.State != core.MsgReview:
		return core.Errorf(core.EFORBID, "留言已办结，无需催办")
	case m.StoppedSince != "":
		return core.Errorf(core.EFORBID, "留言自%s起停止计时，无需催办", m.StoppedSince)
	case calendar.Day(due).After(today):
		return core.Errorf(core.EFORBID, "留言的答复期限是%s，尚未到期，无需催办", calendar.FormatDate(due))
	case m.AssigneeID != 0 && m.AssigneeID == u.PersonID && m.State != core.MsgReview:
		return core.Errorf(core.EFORBID, "这件留言由您本人承办，不能催办自己")
	case !lastReminded.IsZero() && calendar.Day(lastReminded).Equal(today):
		return core.Errorf(core.ECONFLICT, "%s今天已催办过，请勿重复催办", m.Reminder.ByName)
	}
	return nil
}

// CheckExtensionInput checks a 延期申请: 1 to MaxExtensionDays working days, a reason and an approver.
func CheckExtensionInput(in core.ExtensionInput) (core.ExtensionInput, error) {
	in.Reason = strings.TrimSpace(in.Reason)
	switch {
	case in.Days < 1 || in.Days > MaxExtensionDays:
		return in, core.FieldErrorf(core.EINVALID, "days", "延期天数须为1至%d个工作日", MaxExtensionDays)
	case in.Reason == "":
		return in, core.FieldErrorf(core.EINVALID, "reason", "请填写延期理由")
	case in.ApproverID == 0:
		return in, core.FieldErrorf(core.EINVALID, "approverId", "延期须经批准，请选择批准人")
	}
	return in, nil
}

// CheckExtensionRequest decides whether m's handler may ask for more time on today: an open message whose clock
// runs and whose due date has not passed (DOMAIN.md §4: an overdue message cannot stop its clock), with no other
// request waiting and no extension granted before (a message is extended once).
func CheckExtensionRequest(m core.Message, today time.Time) error {
	switch {
	case m.State != core.MsgPending && m.State != core.MsgHandling:
		return core.Errorf(core.EFORBID, "只有待分办或办理中的留言可以申请延期")
	case overdueOn(m, today):
		return overdueRefusal(m)
	case m.StoppedSince != "":
		return core.Errorf(core.EFORBID, "留言自%s起停止计时，恢复计时后才能申请延期", m.StoppedSince)
	case m.StopRequest.Pending():
		return core.Errorf(core.ECONFLICT, "已有%s提出的停止计时申请，正等待%s批准", m.StopRequest.ByName, m.StopRequest.ApproverName)
	case m.Extension.Pending():
		return core.Errorf(core.ECONFLICT, "已有%s提出的延期申请，正等待%s批准", m.Extension.ByName, m.Extension.ApproverName)
	case m.ExtendedDays > 0:
		return core.Errorf(core.EFORBID, "留言已延期%d个工作日，每件留言只能延期一次", m.ExtendedDays)
	}
	return nil
}

// CheckExtensionDecision decides whether u may approve or reject m's waiting 延期申请 on today: only its named
// approver, while the message is still open and not yet overdue (an approval after the due date would hide the
// lateness); a rejection needs a reason.
func CheckExtensionDecision(u core.CurrentUser, m core.Message, d core.ExtensionDecision, today time.Time) (core.ExtensionDecision, error) {
	d.Opinion = strings.TrimSpace(d.Opinion)
	r := m.Extension
	switch {
	case !r.Pending():
		return d, core.Errorf(core.EFORBID, "该留言没有待批准的延期申请")
	case u.PersonID != r.ApproverID:
		return d, core.Errorf(core.EFORBID, "延期申请须由%s批准或驳回，%s不能代为处理", r.ApproverName, u.Name)
	case !d.Approve && d.Opinion == "":
		return d, core.FieldErrorf(core.EINVALID, "opinion", "驳回须填写理由")
	case d.Approve && m.State != core.MsgPending && m.State != core.MsgHandling:
		return d, core.Errorf(core.EFORBID, "留言已不在办理中，不能再延期")
	case d.Approve && overdueOn(m, today):
		return d, overdueRefusal(m)
	}
	return d, nil
}

// overdueOn says whether m's due date has passed on today.
func overdueOn(m core.Message, today time.Time) bool {
	due, err := calendar.ParseDate(m.DueDate)
	return err == nil && calendar.Day(today).After(due)
}

func overdueRefusal(m core.Message) error {
	return core.Errorf(core.EFORBID, "留言的答复期限%s已过，超期的留言不能延期；请尽快答复，并在答复中填写超期说明", m.DueDate)
}

// ExtendDue is the due date after granting days more working days: counted from the due date, which has not
// passed (CheckExtensionDecision).
func ExtendDue(cal core.WorkingDays, due time.Time, days int) time.Time {
	return cal.AddWorkdays(calendar.Day(due), days)
}

// CheckLateNote trims a reply's 超期说明 and requires it once today is past the due date.
func CheckLateNote(note string, due, today time.Time) (string, error) {
	note = strings.TrimSpace(note)
	if note == "" && calendar.Day(today).After(calendar.Day(due)) {
		return note, core.FieldErrorf(core.EINVALID, "lateNote", "已超过答复期限(%s)，请填写超期说明：为何未能按时答复", calendar.FormatDate(due))
	}
	return note, nil
}
