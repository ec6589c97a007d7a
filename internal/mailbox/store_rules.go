package mailbox

import (
	"strings"
	"time"

	"policydesk/internal/core"
)

// CheckTemplate checks a reply template before it is saved: a name, a body, a known type, and no unknown
// {field}, so that a typo never reaches a citizen.
func CheckTemplate(t core.ReplyTemplate) (core.ReplyTemplate, error) {
	t.Name, t.Body, t.Type = strings.TrimSpace(t.Name), strings.TrimSpace(t.Body), strings.TrimSpace(t.Type)
	switch {
	case t.Name == "":
		return t, core.FieldErrorf(core.EINVALID, "name", "请填写模板名称")
	case t.Body == "":
		return t, core.FieldErrorf(core.EINVALID, "body", "请填写模板内容")
	case t.Type != "" && !ValidType(t.Type):
		return t, core.FieldErrorf(core.EINVALID, "type", "留言类型“%s”不正确", t.Type)
	}
	if bad := UnknownFields(t.Body); len(bad) > 0 {
		return t, core.FieldErrorf(core.EINVALID, "body", "模板中的“{%s}”不是可用字段，可用字段为{%s}", bad[0], strings.Join(TemplateFields, "}{"))
	}
	return t, nil
}

// CheckReply checks a reply submitted for sign-off: a body, an approver, and no template field left unfilled.
func CheckReply(in core.ReplySubmission) (core.ReplySubmission, error) {
	in.Body = strings.TrimSpace(in.Body)
	switch {
	case in.Body == "":
		return in, core.FieldErrorf(core.EINVALID, "body", "请填写答复内容")
	case in.ApproverID == 0:
		return in, core.FieldErrorf(core.EINVALID, "approverId", "请选择审核人")
	case len(UnknownFields(in.Body)) > 0 || hasTemplateField(in.Body):
		return in, core.FieldErrorf(core.EINVALID, "body", "答复中仍有未填写的模板字段，请补全后再提交")
	}
	return in, nil
}

func hasTemplateField(body string) bool {
	for _, f := range TemplateFields {
		if strings.Contains(body, "{"+f+"}") {
			return true
		}
	}
	return false
}

// Rules are the mailbox rules as the stores take them (core.MailboxRules).
type Rules struct{}

var _ core.MailboxRules = Rules{}

func (Rules) ValidateInput(in core.MessageInput, now time.Time) (core.MessageInput, time.Time, error) {
	return ValidateInput(in, now)
}
func (Rules) DedupKey(sender, body string) string                            { return DedupKey(sender, body) }
func (Rules) Settings(s core.MailboxSettings) core.MailboxSettings           { return Settings(s) }
func (Rules) ValidateSettings(s core.MailboxSettings) error                  { return ValidateSettings(s) }
func (Rules) NormalizeIMAP(c core.IMAPConfig) (core.IMAPConfig, error)       { return NormalizeIMAP(c) }
func (Rules) ValidType(t string) bool                                        { return ValidType(t) }
func (Rules) IsOpen(state string) bool                                       { return IsOpen(state) }
func (Rules) CheckTransition(from, to string) error                          { return CheckTransition(from, to) }
func (Rules) AnswerState(forwardTo string) string                            { return AnswerState(forwardTo) }
func (Rules) OnTime(replied, due time.Time) bool                             { return OnTime(replied, due) }
func (Rules) CheckTemplate(t core.ReplyTemplate) (core.ReplyTemplate, error) { return CheckTemplate(t) }
func (Rules) CheckReply(in core.ReplySubmission) (core.ReplySubmission, error) {
	return CheckReply(in)
}
func (Rules) RenderReply(body string, v core.TemplateValues) core.RenderedReply {
	return Render(body, v)
}
func (Rules) Salutation(name string) string { return Salutation(name) }
func (Rules) DueDate(cal core.WorkingDays, received time.Time, s core.MailboxSettings, msgType string) time.Time {
	return DueDate(cal, received, s, msgType)
}
func (Rules) DueBadge(cal core.WorkingDays, state string, due, today time.Time, stopped bool, replied time.Time) core.DueBadge {
	return DueBadge(cal, state, due, today, stopped, replied)
}
func (Rules) Route(m core.MatchResult, topics core.TopicSections, threshold float64) core.MessageRoute {
	return Decide(m, topics, threshold)
}
func (Rules) CheckStopRequest(state string, due, today time.Time, stoppedSince string, pending core.StopRequest) error {
	return CheckStopRequest(state, due, today, stoppedSince, pending)
}
func (Rules) CheckStopDecision(u core.CurrentUser, r core.StopRequest, approve bool, state string, due, today time.Time, stoppedSince string) error {
	return CheckStopDecision(u, r, approve, state, due, today, stoppedSince)
}
func (Rules) ResumeClock(cal core.WorkingDays, due, stoppedSince, today time.Time) (time.Time, int) {
	return ResumeClock(cal, due, stoppedSince, today)
}
func (Rules) Publication(m core.Message, officePhones []string, kept []core.MaskKeep, tagged []core.TaggedWord) core.PublicationPreview {
	return Publication(m, officePhones, kept, tagged)
}
func (Rules) CheckMaskKeep(in core.MaskKeepInput, p core.PublicationPreview) (core.MaskKeep, error) {
	return CheckMaskKeep(in, p)
}

func (Rules) Edit(m core.Message, e core.MessageEdit) (core.Message, error) { return Edit(m, e) }
func (Rules) Reroute(m core.Message, in core.RerouteInput, topic core.TopicRef) (core.Message, error) {
	return Reroute(m, in, topic)
}
func (Rules) CheckAssign(state string) error { return CheckAssign(state) }

func (Rules) CheckBulkAssign(in core.BulkAssignInput) (core.BulkAssignInput, error) {
	return CheckBulkAssign(in)
}

func (Rules) BulkRefusal(messageID int64, subject string, err error) error {
	return BulkRefusal(messageID, subject, err)
}
func (Rules) CheckStopInput(in core.ClockStopInput) (core.ClockStopInput, error) {
	return CheckStopInput(in)
}
func (Rules) CheckStopOpinion(d core.ClockStopDecision) (core.ClockStopDecision, error) {
	return CheckStopOpinion(d)
}
func (Rules) CheckResume(stoppedSince string) error { return CheckResume(stoppedSince) }
func (Rules) CheckSubmit(m core.Message) error      { return CheckSubmit(m) }
func (Rules) CheckForwardInput(in core.ForwardInput) (core.ForwardInput, error) {
	return CheckForwardInput(in)
}
func (Rules) CheckForwardSubmit(m core.Message) error { return CheckForwardSubmit(m) }
func (Rules) CheckChosenSigner(actor core.CurrentUser, p core.Person, f core.ReviewFacts, what, self string) error {
	return CheckChosenSigner(actor, p, f, what, self)
}
func (Rules) Approve(u core.CurrentUser, m core.Message, f core.ReviewFacts, due, today time.Time) (core.ReplyApproval, error) {
	return Approve(u, m, f, due, today)
}
func (Rules) CheckReturn(u core.CurrentUser, m core.Message, f core.ReviewFacts, opinion string) (string, error) {
	return CheckReturn(u, m, f, opinion)
}
func (Rules) CheckPublish(p core.PublicationPreview) error                 { return CheckPublish(p) }
func (Rules) CheckFilter(f core.MessageFilter) (core.MessageFilter, error) { return CheckFilter(f) }
func (Rules) CheckTopic(t core.TopicRecord) (core.TopicRecord, error)      { return CheckTopic(t) }
func (Rules) CheckFetchConfig(c core.IMAPConfig) error                     { return CheckFetchConfig(c) }

func (Rules) CheckRemind(u core.CurrentUser, m core.Message, due, today, lastReminded time.Time) error {
	return CheckRemind(u, m, due, today, lastReminded)
}
func (Rules) CheckRemindInput(in core.RemindInput) (core.RemindInput, error) {
	return CheckRemindInput(in)
}
func (Rules) CheckExtensionInput(in core.ExtensionInput) (core.ExtensionInput, error) {
	return CheckExtensionInput(in)
}
func (Rules) CheckExtensionRequest(m core.Message, today time.Time) error {
	return CheckExtensionRequest(m, today)
}
func (Rules) CheckExtensionDecision(u core.CurrentUser, m core.Message, d core.ExtensionDecision, today time.Time) (core.ExtensionDecision, error) {
	return CheckExtensionDecision(u, m, d, today)
}
func (Rules) ExtendDue(cal core.WorkingDays, due time.Time, days int) time.Time {
	return ExtendDue(cal, due, days)
}
func (Rules) CheckLateNote(note string, due, today time.Time) (string, error) {
	return CheckLateNote(note, due, today)
}
