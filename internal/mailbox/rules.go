// Package mailbox holds the rules of the 局长信箱 (DOMAIN.md §4) that do not depend on storage:
// the workflow, due dates and clock stops, type suggestion, routing decisions, reply templates,
// retrieval of similar past replies, mail parsing and fetching, and the public statistics page.
package mailbox

import (
	"fmt"
	"strings"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

// DefaultDueDays is the reply time limit in working days ("3个工作日内完成回复").
const DefaultDueDays = 3

// DefaultRouteThreshold is the confidence a topic suggestion needs to be routed without a person.
const DefaultRouteThreshold = 0.6

// transitions lists the states each state may move to. 转办 ends a message like a reply does, and like a reply
// only once its 告知 has been approved: a message is turned over from 待审核 (see CheckForward).
var transitions = map[string][]string{
	core.MsgPending:  {core.MsgHandling},
	core.MsgHandling: {core.MsgReview},
	core.MsgReview:   {core.MsgReplied, core.MsgForwarded, core.MsgHandling},
	core.MsgReplied:  {core.MsgPublished},
}

// CheckForward decides whether a message may be turned over to another body (转办): from 待分办 or 办理中. The
// reply telling the citizen where to turn goes to 待审核 like any reply; the message is 转办 once it is approved.
func CheckForward(state string) error {
	if state == core.MsgPending || state == core.MsgHandling {
		return nil
	}
	return core.Errorf(core.EFORBID, "留言当前状态为“%s”，不能转办", state)
}

// AnswerState is the state an approved reply moves its message to: 转办 when the reply turns it over to
// forwardTo, else 已答复.
func AnswerState(forwardTo string) string {
	if strings.TrimSpace(forwardTo) != "" {
		return core.MsgForwarded
	}
	return core.MsgReplied
}

// CanTransition reports whether a message in state from may move to state to.
func CanTransition(from, to string) bool {
	for _, s := range transitions[from] {
		if s == to {
			return true
		}
	}
	return false
}

// CheckTransition returns an EFORBID error naming both states when the move is not allowed.
func CheckTransition(from, to string) error {
	if CanTransition(from, to) {
		return nil
	}
	return core.Errorf(core.EFORBID, "留言当前状态为“%s”，不能转为“%s”", from, to)
}

// IsOpen reports whether a message in state still waits for an answer, so its clock runs.
func IsOpen(state string) bool {
	return state == core.MsgPending || state == core.MsgHandling || state == core.MsgReview
}

// ValidType reports whether t is one of the message types.
func ValidType(t string) bool { return contains(core.MessageTypes, t) }

// ValidChannel reports whether c is one of the channels.
func ValidChannel(c string) bool { return contains(core.MessageChannels, c) }

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// Settings returns s with defaults filled in, so callers never see a zero limit or threshold.
func Settings(s core.MailboxSettings) core.MailboxSettings {
	out := core.MailboxSettings{DueDays: map[string]int{}, RouteThreshold: s.RouteThreshold}
	for _, t := range core.MessageTypes {
		out.DueDays[t] = DefaultDueDays
		if n, ok := s.DueDays[t]; ok && n > 0 {
			out.DueDays[t] = n
		}
	}
	if out.RouteThreshold <= 0 || out.RouteThreshold > 1 {
		out.RouteThreshold = DefaultRouteThreshold
	}
	return out
}

// ValidateSettings rejects limits an office could not mean.
func ValidateSettings(s core.MailboxSettings) error {
	for t, n := range s.DueDays {
		if !ValidType(t) {
			return core.FieldErrorf(core.EINVALID, "dueDays", "未知的留言类型“%s”", t)
		}
		if n < 1 || n > 60 {
			return core.FieldErrorf(core.EINVALID, "dueDays", "“%s”类留言的答复时限应在1至60个工作日之间", t)
		}
	}
	if s.RouteThreshold < 0.05 || s.RouteThreshold > 1 {
		return core.FieldErrorf(core.EINVALID, "routeThreshold", "自动分办的置信度阈值应在0.05至1之间")
	}
	return nil
}

// DueDate is the reply deadline of a message received on received: the N-th working day after it,
// the day of receipt not counted, so a message received on a rest day counts from the next working day.
func DueDate(cal core.WorkingDays, received time.Time, s core.MailboxSettings, msgType string) time.Time {
	return cal.AddWorkdays(calendar.Day(received), Settings(s).DueDays[typeOrOther(msgType)])
}

func typeOrOther(t string) string {
	if ValidType(t) {
		return t
	}
	return "其他"
}

// CheckClockStop decides whether a message's clock may stop on today: an open message that is not stopped
// already and not yet overdue. An overdue message has missed its limit; stopping its clock would hide that.
func CheckClockStop(state string, due, today time.Time, stoppedSince string) error {
	switch {
	case !IsOpen(state):
		return core.Errorf(core.EFORBID, "留言已办结，无需停止计时")
	case stoppedSince != "":
		return core.Errorf(core.EFORBID, "留言已于%s停止计时", stoppedSince)
	case calendar.Day(today).After(calendar.Day(due)):
		return core.Errorf(core.EFORBID, "留言已超过答复期限(%s)，不能再停止计时；请尽快答复，超期情况将如实计入统计。", calendar.FormatDate(due))
	}
	return nil
}

// CheckStopRequest decides whether a clock stop may be asked for today: the clock could stop now, and no
// other request waits.
func CheckStopRequest(state string, due, today time.Time, stoppedSince string, pending core.StopRequest) error {
	if pending.Pending() {
		return core.Errorf(core.ECONFLICT, "已有%s提出的停止计时申请，正等待%s批准", pending.ByName, pending.ApproverName)
	}
	return CheckClockStop(state, due, today, stoppedSince)
}

// CheckStopDecision decides whether u may approve or reject the waiting clock stop: only the approver the
// request names decides it, in their own action. Approving also needs the clock still able to stop: a
// message that became overdue while the request waited keeps its clock running.
func CheckStopDecision(u core.CurrentUser, r core.StopRequest, approve bool, state string, due, today time.Time, stoppedSince string) error {
	switch {
	case !r.Pending():
		return core.Errorf(core.EFORBID, "该留言没有待批准的停止计时申请")
	case u.PersonID != r.ApproverID:
		return core.Errorf(core.EFORBID, "停止计时申请须由%s批准或驳回，%s不能代为处理", r.ApproverName, u.Name)
	case approve:
		return CheckClockStop(state, due, today, stoppedSince)
	}
	return nil
}

// ResumeClock returns the new due date and the working days the clock stood still when a clock stopped
// on stoppedSince is resumed on today: every working day in (stoppedSince, today] is added to the due date.
func ResumeClock(cal core.WorkingDays, due, stoppedSince, today time.Time) (time.Time, int) {
	n := cal.WorkdaysBetween(stoppedSince, today)
	if n < 0 {
		n = 0
	}
	return cal.AddWorkdays(due, n), n
}

// OnTime reports whether a reply signed off on replied meets the due date (the whole due day counts).
func OnTime(replied, due time.Time) bool {
	return !calendar.Day(replied).After(calendar.Day(due))
}

// WorkdaysToAnswer is how many working days a reply took, clock stops excluded: a reply on the day of
// receipt took 0.
func WorkdaysToAnswer(cal core.WorkingDays, received, replied time.Time, stoppedDays int) int {
	n := cal.WorkdaysBetween(received, replied) - stoppedDays
	if n < 0 {
		return 0
	}
	return n
}

// Badge is a message's deadline as the inbox shows it.
type Badge = core.DueBadge

// DueBadge computes the badge of a message on today.
func DueBadge(cal core.WorkingDays, state string, due, today time.Time, stopped bool, replied time.Time) Badge {
	switch {
	case !IsOpen(state) && !replied.IsZero():
		if OnTime(replied, due) {
			return Badge{Status: "done", Label: "按时答复"}
		}
		return Badge{Status: "done", Label: fmt.Sprintf("超期%d个工作日答复", cal.WorkdaysBetween(due, replied))}
	case !IsOpen(state):
		return Badge{Status: "done", Label: "已办结"}
	case stopped:
		return Badge{Status: "stopped", Label: "已停止计时"}
	}
	c := cal.Countdown(today, due)
	return Badge{Status: c.Status, Label: c.Label, Workdays: c.Workdays}
}

// typeCues are the words that suggest a type, strongest types first: a 举报 that also asks a question
// is still a 举报.
var typeCues = []struct {
	typ   string
	words []string
}{
	{"举报", []string{"举报", "违法", "违建", "违章建筑", "非法占用", "乱搭乱建", "偷挖"}},
	{"投诉", []string{"投诉", "不作为", "乱作为", "推诿", "态度恶劣", "拖延"}},
	{"求助", []string{"求助", "帮忙", "帮帮", "救助", "走投无路"}},
	{"建议", []string{"建议", "希望", "呼吁", "能否考虑"}},
	{"咨询", []string{"请问", "咨询", "如何", "怎么办", "怎样", "是否", "吗？", "吗?"}},
}

// SuggestType guesses a message's type from cue words; staff can change it. Each type scores the number
// of its cues found; ties go to the stronger type, and no cue at all gives 其他.
func SuggestType(text string) string {
	best, bestScore := "其他", 0
	for _, c := range typeCues {
		score := 0
		for _, w := range c.words {
			score += strings.Count(text, w)
		}
		if score > bestScore {
			best, bestScore = c.typ, score
		}
	}
	return best
}

// Route is the routing decision for a new message.
type Route = core.MessageRoute

// TopicSections maps a matcher's topic ids to stored topics and their sections.
type TopicSections = core.TopicSections

// TopicRef is the stored side of a matcher topic.
type TopicRef = core.TopicRef

// Decide routes a match: the best topic is always recorded as the suggestion, but only a confident one
// whose topic has a section assigns the message; everything else waits in 待分办 for a person.
func Decide(m core.MatchResult, topics TopicSections, threshold float64) Route {
	r := Route{State: core.MsgPending}
	best, ok := m.Best()
	if !ok {
		return r
	}
	ref, known := topics[best.TopicID]
	if !known {
		return r
	}
	r.TopicID, r.TopicName, r.Score = ref.ID, ref.Name, best.Confidence
	if best.Confidence >= threshold && ref.SectionID != 0 {
		r.SectionID, r.State = ref.SectionID, core.MsgHandling
	}
	return r
}

// ReceiptTime is when a fetched mail counts as received, which starts its 3-working-day clock: when the bureau's
// mail server received it (IMAP INTERNALDATE), else when it was fetched. The sender's Date header is the
// sender's claim and is never used: a back-dated header must not start the clock early. A server time later
// than the fetch (a wrong server clock) is not believed either.
func ReceiptTime(internalDate, fetched time.Time) time.Time {
	if internalDate.IsZero() || internalDate.After(fetched) {
		return fetched
	}
	return internalDate
}
