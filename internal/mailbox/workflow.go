package mailbox

import (
	"fmt"
	"strings"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

// The decisions of a message's workflow steps (DOMAIN.md §4), each over the facts the store has loaded: the
// message, the person acting, who may sign its reply off. A step's rule refuses with the reason the office
// reads, or says what the step changes; the store then writes, audits and commits.

// Edit corrects the facts of a message (sender, text, type, consent to publication). A published message
// stays as it was published. A changed type does not move the due date: the limit was fixed on arrival.
func Edit(m core.Message, e core.MessageEdit) (core.Message, error) {
	body := strings.TrimSpace(e.Body)
	switch {
	case body == "":
		return m, core.FieldErrorf(core.EINVALID, "body", "缺少留言内容")
	case !ValidType(e.Type):
		return m, core.FieldErrorf(core.EINVALID, "type", "留言类型“%s”不正确", e.Type)
	case m.State == core.MsgPublished:
		return m, core.Errorf(core.EFORBID, "留言已公开，不能再修改")
	}
	m.SenderName, m.SenderPhone, m.SenderEmail = strings.TrimSpace(e.SenderName), strings.TrimSpace(e.SenderPhone), strings.TrimSpace(e.SenderEmail)
	m.SenderAddress, m.Subject, m.Body = strings.TrimSpace(e.SenderAddress), strings.TrimSpace(e.Subject), body
	m.Type, m.AgreePublish = e.Type, e.AgreePublish
	return m, nil
}

// Reroute moves an open message that is not under review to another topic and section (the topic's own
// section unless one is chosen), and so to 办理中. topic is the chosen topic as stored (zero when only a
// section is chosen). A new section drops the assignee unless one is named.
func Reroute(m core.Message, in core.RerouteInput, topic core.TopicRef) (core.Message, error) {
	if in.TopicID == 0 && in.SectionID == 0 {
		return m, core.FieldErrorf(core.EINVALID, "topicId", "请选择主题或承办科室")
	}
	if !IsOpen(m.State) || m.State == core.MsgReview {
		return m, core.Errorf(core.EFORBID, "留言当前状态为“%s”，不能改派", m.State)
	}
	section := in.SectionID
	if in.TopicID != 0 {
		m.TopicID = in.TopicID
		if section == 0 {
			section = topic.SectionID
		}
	}
	if section == 0 {
		return m, core.FieldErrorf(core.EINVALID, "sectionId", "主题“%s”未设置承办科室，请选择承办科室", topic.Name)
	}
	if m.SectionID != section {
		m.AssigneeID = 0
	}
	m.SectionID = section
	if in.AssigneeID != 0 {
		m.AssigneeID = in.AssigneeID
	}
	m.State = core.MsgHandling
	return m, nil
}

// CheckAssign decides whether a message may be given to a person of its section (承办人): only while 办理中.
func CheckAssign(state string) error {
	if state != core.MsgHandling {
		return core.Errorf(core.EFORBID, "只有办理中的留言可以指定承办人(当前状态“%s”)", state)
	}
	return nil
}

// MaxBulk is the most messages one 批量分办 takes: one page of the inbox.
const MaxBulk = MaxPageSize

// CheckBulkAssign checks a 批量分办 before any message is touched: some messages (each once, at most one
// page), and a section or a person to give them to. Each message then goes through Reroute or CheckAssign.
func CheckBulkAssign(in core.BulkAssignInput) (core.BulkAssignInput, error) {
	in.Reason = strings.TrimSpace(in.Reason)
	switch {
	case len(in.MessageIDs) == 0:
		return in, core.FieldErrorf(core.EINVALID, "messageIds", "请先勾选要分办的留言")
	case len(in.MessageIDs) > MaxBulk:
		return in, core.FieldErrorf(core.EINVALID, "messageIds", "一次最多分办%d条留言，已勾选%d条", MaxBulk, len(in.MessageIDs))
	case in.SectionID == 0 && in.AssigneeID == 0:
		return in, core.FieldErrorf(core.EINVALID, "sectionId", "请选择承办科室或承办人")
	case in.SectionID < 0 || in.AssigneeID < 0:
		return in, core.FieldErrorf(core.EINVALID, "sectionId", "承办科室或承办人不正确")
	}
	seen := make(map[int64]bool, len(in.MessageIDs))
	ids := make([]int64, 0, len(in.MessageIDs))
	for _, id := range in.MessageIDs {
		if id <= 0 {
			return in, core.FieldErrorf(core.EINVALID, "messageIds", "留言编号不正确：%d", id)
		}
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	in.MessageIDs = ids
	return in, nil
}

// BulkRefusal is a refusal of one message in a 批量分办, naming the message so that the officer knows which one
// to take out; its code is the refusal's, and nothing was changed.
func BulkRefusal(messageID int64, subject string, err error) error {
	code := core.ErrorCode(err)
	if code == "" || code == core.EINTERNAL {
		return err
	}
	name := fmt.Sprintf("编号%d", messageID)
	if subject != "" {
		name = fmt.Sprintf("“%s”(编号%d)", subject, messageID)
	}
	return core.Errorf(code, "留言%s：%s；所选留言均未分办", name, core.ErrorMessage(err))
}

// CheckStopInput checks a request to stop a message's clock: a reason and a named approver.
func CheckStopInput(in core.ClockStopInput) (core.ClockStopInput, error) {
	in.Reason = strings.TrimSpace(in.Reason)
	switch {
	case in.Reason == "":
		return in, core.FieldErrorf(core.EINVALID, "reason", "停止计时须填写原因")
	case in.ApproverID == 0:
		return in, core.FieldErrorf(core.EINVALID, "approverId", "停止计时须选择批准人")
	}
	return in, nil
}

// CheckStopOpinion checks the approver's decision on a clock stop: a rejection needs a reason.
func CheckStopOpinion(d core.ClockStopDecision) (core.ClockStopDecision, error) {
	d.Opinion = strings.TrimSpace(d.Opinion)
	if !d.Approve && d.Opinion == "" {
		return d, core.FieldErrorf(core.EINVALID, "opinion", "驳回停止计时申请须填写理由")
	}
	return d, nil
}

// CheckResume decides whether a message's clock may be resumed: only a stopped one.
func CheckResume(stoppedSince string) error {
	if stoppedSince == "" {
		return core.Errorf(core.EFORBID, "留言未停止计时")
	}
	return nil
}

// CheckSubmit decides whether a reply to m may go to review: from 办理中, with its clock running.
func CheckSubmit(m core.Message) error {
	if err := CheckTransition(m.State, core.MsgReview); err != nil {
		return err
	}
	return checkRunning(m)
}

// CheckForwardInput checks a 转办: the body it goes to, the reply telling the citizen, and its approver.
func CheckForwardInput(in core.ForwardInput) (core.ForwardInput, error) {
	in.ForwardTo, in.Reply = strings.TrimSpace(in.ForwardTo), strings.TrimSpace(in.Reply)
	switch {
	case in.ForwardTo == "":
		return in, core.FieldErrorf(core.EINVALID, "forwardTo", "请填写转办单位")
	case in.Reply == "":
		return in, core.FieldErrorf(core.EINVALID, "reply", "请填写告知留言人的答复内容")
	case in.ApproverID == 0:
		return in, core.FieldErrorf(core.EINVALID, "approverId", "转办告知须经审核后才能发出，请选择审核人")
	}
	return in, nil
}

// CheckForwardSubmit decides whether m may be turned over now: from 待分办 or 办理中, with its clock running.
func CheckForwardSubmit(m core.Message) error {
	if err := CheckForward(m.State); err != nil {
		return err
	}
	return checkRunning(m)
}

func checkRunning(m core.Message) error {
	if m.StoppedSince != "" {
		return core.Errorf(core.EFORBID, "留言处于停止计时状态，请先恢复计时")
	}
	return nil
}

// MaySign reports whether a person with this id and role may sign off the reply the facts are about.
func MaySign(f core.ReviewFacts, personID int64, role string) bool {
	return core.SignsOff(role) || (f.HeadID != 0 && f.HeadID == personID)
}

// Signers names who may sign off, for a refusal, e.g. 审核审签人员、系统管理员或承办科室“确权登记组”负责人刘芳.
func Signers(f core.ReviewFacts) string {
	if f.HeadID == 0 {
		return "审核审签人员或系统管理员"
	}
	return "审核审签人员、系统管理员或承办科室“" + f.Section + "”负责人" + f.HeadName
}

// CheckChosenSigner checks the person chosen to approve what actor asks for (what: 审核答复, 批准停止计时): one
// who may sign this message off, and not the one asking (self is that refusal's wording).
func CheckChosenSigner(actor core.CurrentUser, p core.Person, f core.ReviewFacts, what, self string) error {
	if p.ID == actor.PersonID {
		return core.FieldErrorf(core.EFORBID, "approverId", "%s", self)
	}
	if !MaySign(f, p.ID, p.Role) {
		s := Signers(f)
		return core.FieldErrorf(core.EFORBID, "approverId", "%s(%s)不能%s：须由%s%s", p.Name, core.RoleLabel(p.Role), what, s, what)
	}
	return nil
}

// checkActing refuses a review decision by someone who may not sign this reply off, an approval by the person
// who submitted the reply (双人复核), and a decision when no review waits.
func checkActing(u core.CurrentUser, m core.Message, f core.ReviewFacts, approving bool) error {
	if u.PersonID == 0 {
		return core.Errorf(core.EFORBID, "尚未选择当前使用人，不能审核答复；请先在“设置 → 当前使用人”中选择您的姓名")
	}
	if approving && m.RepliedByID == u.PersonID {
		return core.Errorf(core.EFORBID, "此答复由%s本人提交，不能由本人审核通过；请由其他%s审核", u.Name, Signers(f))
	}
	if !MaySign(f, u.PersonID, u.Role) {
		return core.Errorf(core.EFORBID, "%s(%s)无权审核答复：答复须由%s审核", u.Name, core.RoleLabel(u.Role), Signers(f))
	}
	if f.OpenStep == 0 {
		return core.Errorf(core.EFORBID, "该留言没有待审核的答复")
	}
	return nil
}

// Approve decides whether u may sign off m's reply now and what that changes: the reply counts as sent today,
// which decides on time or late; a reply that turns the message over makes it 转办. Only one who may sign the
// reply off, and never its writer.
func Approve(u core.CurrentUser, m core.Message, f core.ReviewFacts, due, today time.Time) (core.ReplyApproval, error) {
	a := core.ReplyApproval{State: AnswerState(m.ForwardTo), What: "答复", Note: "按时答复"}
	if err := CheckTransition(m.State, a.State); err != nil {
		return a, err
	}
	if err := checkActing(u, m, f, true); err != nil {
		return a, err
	}
	if !OnTime(today, due) {
		if strings.TrimSpace(m.LateNote) == "" {
			return a, core.Errorf(core.EFORBID, "答复已超过期限(%s)，须附超期说明才能通过：请退回%s补写超期说明", calendar.FormatDate(due), nameOr(m.RepliedByName, "承办人"))
		}
		a.Note = "超期答复"
	}
	if a.State == core.MsgForwarded {
		a.What, a.Note = "转办", "转"+m.ForwardTo+"，"+a.Note
	}
	return a, nil
}

// CheckReturn decides whether u may send m's reply back to its handler, with the opinion this requires. The
// writer may return their own reply (a return changes nothing irrevocably).
func CheckReturn(u core.CurrentUser, m core.Message, f core.ReviewFacts, opinion string) (string, error) {
	opinion = strings.TrimSpace(opinion)
	switch {
	case opinion == "":
		return opinion, core.FieldErrorf(core.EINVALID, "opinion", "退回须填写意见")
	case m.State != core.MsgReview:
		return opinion, core.Errorf(core.EFORBID, "只有待审核的答复可以退回")
	}
	return opinion, checkActing(u, m, f, false)
}

// CheckPublish refuses to publish a message whose preview shows a problem (no consent, unmasked data, …).
func CheckPublish(p core.PublicationPreview) error {
	if !p.CanPublish {
		return core.Errorf(core.EFORBID, "不能公开：%s", strings.Join(p.Problems, "；"))
	}
	return nil
}

func nameOr(name, fallback string) string {
	if name == "" {
		return fallback
	}
	return name
}
