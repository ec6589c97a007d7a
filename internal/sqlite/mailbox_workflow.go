package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

// messageColumns are the columns a workflow step may change, in audit order.
func messageColumns(m core.Message) Columns {
	return Columns{{"sender_name", m.SenderName}, {"sender_phone", m.SenderPhone}, {"sender_email", m.SenderEmail},
		{"sender_address", m.SenderAddress}, {"subject", m.Subject}, {"body", m.Body}, {"msg_type", m.Type},
		{"agree_publish", m.AgreePublish}, {"state", m.State}, {"topic_id", m.TopicID}, {"section_id", m.SectionID},
		{"assignee_id", m.AssigneeID}, {"due_date", m.DueDate}, {"stopped_days", m.StoppedDays}, {"stopped_since", m.StoppedSince},
		{"stop_request_reason", m.StopRequest.Reason}, {"stop_request_by", m.StopRequest.ByID},
		{"stop_request_approver", m.StopRequest.ApproverID}, {"stop_requested_at", m.StopRequest.At}, {"reply_body", m.ReplyBody},
		{"replied_at", m.RepliedAt}, {"replied_by", m.RepliedByID}, {"forward_to", m.ForwardTo}, {"published_at", m.PublishedAt},
		{"published_subject", m.PublishedSubject}, {"published_text", m.PublishedText}, {"published_reply", m.PublishedReply}}
}

// change runs one workflow step on a message in a transaction: load, let step change it and record its
// events, write the changed columns, audit the difference, commit, and return the result as now seen.
func (s *MailboxStore) change(ctx context.Context, id int64, action, summary string, step func(tx *Tx, m *core.Message) error) (core.Message, error) {
	return s.changeAt(ctx, id, 0, action, summary, step)
}

// changeAt is change for an edit based on version (0: not checked): a message changed since is refused,
// naming who changed it and when, instead of silently overwriting their work.
func (s *MailboxStore) changeAt(ctx context.Context, id, version int64, action, summary string, step func(tx *Tx, m *core.Message) error) (core.Message, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return core.Message{}, err
	}
	defer tx.Rollback()
	old, err := findMessage(ctx, tx, id)
	if err != nil {
		return old, err
	}
	if version != 0 && old.Version != version {
		return old, tx.staleMessage(ctx, id)
	}
	m := old
	if err := step(tx, &m); err != nil {
		return old, err
	}
	cs := diff(messageColumns(old), messageColumns(m))
	if len(cs) > 0 {
		if err := tx.writeMessage(ctx, m); err != nil {
			return old, err
		}
		if old.Subject != m.Subject || old.Body != m.Body {
			if _, err := tx.ExecContext(ctx, `UPDATE messages_fts SET grams = ? WHERE rowid = ?`, IndexGrams(m.Subject+"\n"+m.Body), id); err != nil {
				return old, err
			}
		}
		if err := tx.audit(action, "message", id, summary+" "+msgSummary(old), cs); err != nil {
			return old, err
		}
	}
	saved, err := findMessage(ctx, tx, id)
	if err != nil {
		return saved, err
	}
	msgBadge(s.db.rules.Mailbox, s.cal(), &saved, calendar.Day(tx.Now()))
	return saved, tx.Commit()
}

// staleMessage is the refusal of an edit based on an older version of a message.
func (tx *Tx) staleMessage(ctx context.Context, id int64) error {
	var who, at string
	_ = tx.QueryRowContext(ctx, `SELECT COALESCE(p.name, '系统'), m.updated_at FROM messages m LEFT JOIN people p ON p.id = m.updated_by
		WHERE m.id = ?`, id).Scan(&who, &at)
	return core.Errorf(core.ECONFLICT, "该留言已被%s于%s修改，请刷新后再处理", who, tx.shortTime(at))
}

func (tx *Tx) writeMessage(ctx context.Context, m core.Message) error {
	_, err := tx.ExecContext(ctx, `UPDATE messages SET sender_name = ?, sender_phone = ?, sender_email = ?, sender_address = ?,
		subject = ?, body = ?, msg_type = ?, agree_publish = ?, state = ?, topic_id = ?, section_id = ?, assignee_id = ?,
		due_date = ?, stopped_days = ?, stopped_since = ?, stop_request_reason = ?, stop_request_by = ?, stop_request_approver = ?,
		stop_requested_at = ?, reply_body = ?, replied_at = ?, replied_by = ?, forward_to = ?,
		published_at = ?, published_subject = ?, published_text = ?, published_reply = ?, updated_at = ?, updated_by = ?,
		version = version + 1 WHERE id = ?`,
		m.SenderName, m.SenderPhone, m.SenderEmail, m.SenderAddress, m.Subject, m.Body, m.Type, m.AgreePublish, m.State,
		nullID(m.TopicID), nullID(m.SectionID), nullID(m.AssigneeID), m.DueDate, m.StoppedDays, nullString(m.StoppedSince),
		m.StopRequest.Reason, nullID(m.StopRequest.ByID), nullID(m.StopRequest.ApproverID), m.StopRequest.At, m.ReplyBody, nullString(m.RepliedAt), nullID(m.RepliedByID), m.ForwardTo, nullString(m.PublishedAt), m.PublishedSubject,
		m.PublishedText, m.PublishedReply, tx.Stamp(), tx.actorID(), m.ID)
	if isForeignKeyViolation(err) {
		return core.Errorf(core.EINVALID, "所选的主题、科室或人员不存在")
	}
	return err
}

// UpdateMessage corrects the facts of a message (sender, text, type, consent to publication).
// A changed type does not move the due date: the limit was fixed on arrival.
func (s *MailboxStore) UpdateMessage(ctx context.Context, e core.MessageEdit) (core.Message, error) {
	e.Body = strings.TrimSpace(e.Body)
	if e.Body == "" {
		return core.Message{}, core.FieldErrorf(core.EINVALID, "body", "缺少留言内容")
	}
	if !s.db.rules.Mailbox.ValidType(e.Type) {
		return core.Message{}, core.FieldErrorf(core.EINVALID, "type", "留言类型“%s”不正确", e.Type)
	}
	return s.changeAt(ctx, e.ID, e.Version, "update", "修改留言", func(tx *Tx, m *core.Message) error {
		if m.State == core.MsgPublished {
			return core.Errorf(core.EFORBID, "留言已公开，不能再修改")
		}
		m.SenderName, m.SenderPhone, m.SenderEmail = strings.TrimSpace(e.SenderName), strings.TrimSpace(e.SenderPhone), strings.TrimSpace(e.SenderEmail)
		m.SenderAddress, m.Subject, m.Body = strings.TrimSpace(e.SenderAddress), strings.TrimSpace(e.Subject), e.Body
		m.Type, m.AgreePublish = e.Type, e.AgreePublish
		return nil
	})
}

// Reroute moves a message to another topic (and its section, unless one is given). The decision is kept as
// training data for the matcher and recorded in the message's history.
func (s *MailboxStore) Reroute(ctx context.Context, in core.RerouteInput) (core.Message, error) {
	if in.TopicID == 0 && in.SectionID == 0 {
		return core.Message{}, core.FieldErrorf(core.EINVALID, "topicId", "请选择主题或承办科室")
	}
	return s.changeAt(ctx, in.MessageID, in.Version, "state", "改派留言", func(tx *Tx, m *core.Message) error {
		if !s.db.rules.Mailbox.IsOpen(m.State) || m.State == core.MsgReview {
			return core.Errorf(core.EFORBID, "留言当前状态为“%s”，不能改派", m.State)
		}
		from := routeLabel(m.TopicName, m.SectionName)
		topicName := ""
		if in.TopicID != 0 {
			var sectionID int64
			err := tx.QueryRowContext(ctx, `SELECT name, COALESCE(section_id, 0) FROM topics WHERE id = ?`, in.TopicID).Scan(&topicName, &sectionID)
			if err != nil {
				return notFound(err, "留言主题不存在(编号%d)", in.TopicID)
			}
			m.TopicID = in.TopicID
			if in.SectionID == 0 {
				in.SectionID = sectionID
			}
		}
		if in.SectionID == 0 {
			return core.FieldErrorf(core.EINVALID, "sectionId", "主题“%s”未设置承办科室，请选择承办科室", topicName)
		}
		sectionName, err := sectionName(ctx, tx, in.SectionID)
		if err != nil {
			return err
		}
		if m.SectionID != in.SectionID {
			m.AssigneeID = 0
		}
		m.SectionID = in.SectionID
		if in.AssigneeID != 0 {
			m.AssigneeID = in.AssigneeID
		}
		m.State = core.MsgHandling
		if topicName == "" {
			topicName = m.TopicName
		}
		if err := tx.messageEvent(ctx, m.ID, "改派", from, routeLabel(topicName, sectionName), strings.TrimSpace(in.Reason), 0); err != nil {
			return err
		}
		if in.TopicID == 0 {
			return nil
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO routing_examples (subject, body, label, source, message_id, created_at) VALUES (?, ?, ?, 'decision', ?, ?)`,
			m.Subject, m.Body, topicName, m.ID, tx.Stamp())
		return err
	})
}

func routeLabel(topic, section string) string {
	switch {
	case topic == "" && section == "":
		return "未分办"
	case topic == "":
		return section
	case section == "":
		return topic
	}
	return topic + " → " + section
}

func sectionName(ctx context.Context, tx *Tx, id int64) (string, error) {
	var name string
	err := tx.QueryRowContext(ctx, `SELECT name FROM sections WHERE id = ?`, id).Scan(&name)
	return name, notFound(err, "科室不存在(编号%d)", id)
}

func personName(ctx context.Context, tx *Tx, id int64) (string, error) {
	var name string
	err := tx.QueryRowContext(ctx, `SELECT name FROM people WHERE id = ?`, id).Scan(&name)
	return name, notFound(err, "人员不存在(编号%d)", id)
}

// Assign gives a routed message to a person of its section (承办人).
func (s *MailboxStore) Assign(ctx context.Context, messageID, personID int64) (core.Message, error) {
	return s.change(ctx, messageID, "update", "指定承办人", func(tx *Tx, m *core.Message) error {
		if m.State != core.MsgHandling {
			return core.Errorf(core.EFORBID, "只有办理中的留言可以指定承办人(当前状态“%s”)", m.State)
		}
		name, err := personName(ctx, tx, personID)
		if err != nil {
			return err
		}
		m.AssigneeID = personID
		return tx.messageEvent(ctx, m.ID, "承办", m.AssigneeName, name, "", 0)
	})
}

// RequestClockStop asks to stop a message's clock (e.g. 需补充材料) with a reason and a named approver, one
// who may sign the message's reply off and not the person asking. The clock keeps running until the approver
// approves the request in their own action.
func (s *MailboxStore) RequestClockStop(ctx context.Context, in core.ClockStopInput) (core.Message, error) {
	in.Reason = strings.TrimSpace(in.Reason)
	if in.Reason == "" {
		return core.Message{}, core.FieldErrorf(core.EINVALID, "reason", "停止计时须填写原因")
	}
	if in.ApproverID == 0 {
		return core.Message{}, core.FieldErrorf(core.EINVALID, "approverId", "停止计时须选择批准人")
	}
	return s.change(ctx, in.MessageID, "state", "申请停止计时", func(tx *Tx, m *core.Message) error {
		due, err := calendar.ParseDate(m.DueDate)
		if err != nil {
			return err
		}
		if err := s.db.rules.Mailbox.CheckStopRequest(m.State, due, tx.Now(), m.StoppedSince, m.StopRequest); err != nil {
			return err
		}
		if err := checkChosenSigner(ctx, tx, in.ApproverID, *m, "批准停止计时", "停止计时须由他人批准，不能选择自己作为批准人"); err != nil {
			return err
		}
		m.StopRequest = core.StopRequest{Reason: in.Reason, ByID: tx.Actor().PersonID, ApproverID: in.ApproverID, At: tx.Stamp()}
		return tx.messageEvent(ctx, m.ID, "申请停止计时", m.DueDate, "", in.Reason, in.ApproverID)
	})
}

// DecideClockStop is the named approver's decision on a waiting clock stop. Approving stops the clock from
// today; rejecting needs a reason and leaves the clock running. Either way the request is closed and kept
// in the history.
func (s *MailboxStore) DecideClockStop(ctx context.Context, d core.ClockStopDecision) (core.Message, error) {
	d.Opinion = strings.TrimSpace(d.Opinion)
	if !d.Approve && d.Opinion == "" {
		return core.Message{}, core.FieldErrorf(core.EINVALID, "opinion", "驳回停止计时申请须填写理由")
	}
	summary := "驳回停止计时申请"
	if d.Approve {
		summary = "批准停止计时"
	}
	return s.change(ctx, d.MessageID, "state", summary, func(tx *Tx, m *core.Message) error {
		due, err := calendar.ParseDate(m.DueDate)
		if err != nil {
			return err
		}
		if err := s.db.rules.Mailbox.CheckStopDecision(tx.Actor(), m.StopRequest, d.Approve, m.State, due, tx.Now(), m.StoppedSince); err != nil {
			return err
		}
		req := m.StopRequest
		m.StopRequest = core.StopRequest{}
		if !d.Approve {
			return tx.messageEvent(ctx, m.ID, "驳回停止计时", "", "", d.Opinion, req.ApproverID)
		}
		m.StoppedSince = calendar.FormatDate(calendar.Day(tx.Now()))
		reason := req.Reason
		if d.Opinion != "" {
			reason += "(批准意见：" + d.Opinion + ")"
		}
		return tx.messageEvent(ctx, m.ID, "停止计时", m.DueDate, "", reason, req.ApproverID)
	})
}

// ResumeClock restarts a stopped clock: the due date moves by the working days it stood still.
func (s *MailboxStore) ResumeClock(ctx context.Context, messageID int64) (core.Message, error) {
	return s.change(ctx, messageID, "state", "恢复计时", func(tx *Tx, m *core.Message) error {
		if m.StoppedSince == "" {
			return core.Errorf(core.EFORBID, "留言未停止计时")
		}
		since, err := calendar.ParseDate(m.StoppedSince)
		if err != nil {
			return err
		}
		due, err := calendar.ParseDate(m.DueDate)
		if err != nil {
			return err
		}
		newDue, n := s.db.rules.Mailbox.ResumeClock(s.cal(), due, since, calendar.Day(tx.Now()))
		oldDue := m.DueDate
		m.DueDate, m.StoppedDays, m.StoppedSince = calendar.FormatDate(newDue), m.StoppedDays+n, ""
		return tx.messageEvent(ctx, m.ID, "恢复计时", oldDue, m.DueDate, "停止计时"+msgItoa(int64(n))+"个工作日", 0)
	})
}

// SubmitReply sends a reply to an approver (one who may sign it off, not the writer); the reply counts as
// sent only when signed off.
func (s *MailboxStore) SubmitReply(ctx context.Context, in core.ReplySubmission) (core.Message, error) {
	in, err := s.db.rules.Mailbox.CheckReply(in)
	if err != nil {
		return core.Message{}, err
	}
	return s.changeAt(ctx, in.MessageID, in.Version, "state", "提交答复审核", func(tx *Tx, m *core.Message) error {
		if err := s.db.rules.Mailbox.CheckTransition(m.State, core.MsgReview); err != nil {
			return err
		}
		if m.StoppedSince != "" {
			return core.Errorf(core.EFORBID, "留言处于停止计时状态，请先恢复计时")
		}
		approver, err := tx.requestReview(ctx, *m, in.ApproverID)
		if err != nil {
			return err
		}
		m.ReplyBody, m.State, m.RepliedByID, m.ForwardTo = in.Body, core.MsgReview, tx.actor.PersonID, "" // who wrote the reply
		return tx.messageEvent(ctx, m.ID, "提交审核", "", approver, "", in.ApproverID)
	})
}

// requestReview opens a review round of a message's reply (or 转办告知) with approverID as its one step, and
// returns the approver's name. The writer never reviews their own reply.
func (tx *Tx) requestReview(ctx context.Context, m core.Message, approverID int64) (string, error) {
	if err := checkChosenSigner(ctx, tx, approverID, m, "审核答复", "答复须由他人审核，不能选择自己作为审核人"); err != nil {
		return "", err
	}
	approver, err := personName(ctx, tx, approverID)
	if err != nil {
		return "", err
	}
	var round int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(round), 0) + 1 FROM approvals WHERE subject_type = 'message' AND subject_id = ?`,
		m.ID).Scan(&round); err != nil {
		return "", err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO approvals (subject_type, subject_id, round, step_order, step_name, person_id, person_name, created_at)
		VALUES ('message', ?, ?, 1, '答复审核', ?, ?, ?)`, m.ID, round, approverID, approver, tx.Stamp()); err != nil {
		return "", err
	}
	return approver, nil
}

// replySigners says who may sign off a message's reply: approvers and administrators for every message,
// and the head (科室负责人) of its handling section for that section's messages.
type replySigners struct {
	section  string
	headID   int64
	headName string
}

func findReplySigners(ctx context.Context, tx *Tx, m core.Message) (replySigners, error) {
	rs := replySigners{section: m.SectionName}
	if m.SectionID == 0 {
		return rs, nil
	}
	err := tx.QueryRowContext(ctx, `SELECT COALESCE(s.head_id, 0), COALESCE(p.name, '') FROM sections s
		LEFT JOIN people p ON p.id = s.head_id WHERE s.id = ?`, m.SectionID).Scan(&rs.headID, &rs.headName)
	return rs, notFound(err, "科室不存在(编号%d)", m.SectionID)
}

// may reports whether a person with this id and role may sign off.
func (rs replySigners) may(personID int64, role string) bool {
	return core.SignsOff(role) || (rs.headID != 0 && rs.headID == personID)
}

// String names them for a refusal, e.g. 审核审签人员、系统管理员或承办科室“确权登记组”负责人刘芳.
func (rs replySigners) String() string {
	if rs.headID == 0 {
		return "审核审签人员或系统管理员"
	}
	return "审核审签人员、系统管理员或承办科室“" + rs.section + "”负责人" + rs.headName
}

// checkActingSigner refuses a sign-off decision by someone who may not sign this reply off, and an approval
// by the person who submitted the reply (双人复核: the writer never approves their own reply).
func checkActingSigner(ctx context.Context, tx *Tx, m core.Message, approving bool) error {
	u := tx.Actor()
	if u.PersonID == 0 {
		return core.Errorf(core.EFORBID, "尚未选择当前使用人，不能审核答复；请先在“设置 → 当前使用人”中选择您的姓名")
	}
	rs, err := findReplySigners(ctx, tx, m)
	if err != nil {
		return err
	}
	if approving && m.RepliedByID == u.PersonID {
		return core.Errorf(core.EFORBID, "此答复由%s本人提交，不能由本人审核通过；请由其他%s审核", u.Name, rs)
	}
	if !rs.may(u.PersonID, u.Role) {
		return core.Errorf(core.EFORBID, "%s(%s)无权审核答复：答复须由%s审核", u.Name, core.RoleLabel(u.Role), rs)
	}
	return nil
}

// checkChosenSigner checks the person chosen to approve something the acting person asks for (审核答复,
// 批准停止计时): someone who may sign this message off, and not the one asking (self names that refusal).
func checkChosenSigner(ctx context.Context, tx *Tx, personID int64, m core.Message, what, self string) error {
	p, err := findPerson(ctx, tx, personID)
	if err != nil {
		return err
	}
	if p.ID == tx.Actor().PersonID {
		return core.FieldErrorf(core.EFORBID, "approverId", "%s", self)
	}
	rs, err := findReplySigners(ctx, tx, m)
	if err != nil {
		return err
	}
	if !rs.may(p.ID, p.Role) {
		return core.FieldErrorf(core.EFORBID, "approverId", "%s(%s)不能%s：须由%s%s", p.Name, core.RoleLabel(p.Role), what, rs, what)
	}
	return nil
}

// pendingApproval finds the open sign-off step of a message.
func pendingApproval(ctx context.Context, tx *Tx, id int64) (int64, error) {
	var aid int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM approvals WHERE subject_type = 'message' AND subject_id = ? AND decision = ''
		ORDER BY id DESC LIMIT 1`, id).Scan(&aid)
	if err == sql.ErrNoRows {
		return 0, core.Errorf(core.EFORBID, "该留言没有待审核的答复")
	}
	return aid, err
}

// ApproveReply signs the reply off: it counts as sent now, which decides on time or late. Only an approver,
// an administrator or the head of the handling section may, and never the person who submitted the reply.
func (s *MailboxStore) ApproveReply(ctx context.Context, messageID int64, opinion string) (core.Message, error) {
	m, err := s.change(ctx, messageID, "sign", "审核通过答复", func(tx *Tx, m *core.Message) error {
		target := s.db.rules.Mailbox.AnswerState(m.ForwardTo) // 已答复, or 转办 when the reply turns the message over
		if err := s.db.rules.Mailbox.CheckTransition(m.State, target); err != nil {
			return err
		}
		if err := checkActingSigner(ctx, tx, *m, true); err != nil {
			return err
		}
		aid, err := pendingApproval(ctx, tx, m.ID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE approvals SET decision = '同意', opinion = ?, acted_at = ?, person_name = CASE WHEN ? = '' THEN person_name ELSE ? END
			WHERE id = ?`, strings.TrimSpace(opinion), tx.Stamp(), tx.actor.Name, tx.actor.Name, aid); err != nil {
			return err
		}
		m.State, m.RepliedAt = target, tx.Stamp()
		due, _ := calendar.ParseDate(m.DueDate)
		note := "按时答复"
		if !s.db.rules.Mailbox.OnTime(tx.Now(), due) {
			note = "超期答复"
		}
		what := "答复"
		if target == core.MsgForwarded {
			what, note = "转办", "转"+m.ForwardTo+"，"+note
		}
		return tx.messageEvent(ctx, m.ID, what, core.MsgReview, target, strings.TrimSpace(opinion+" "+note), tx.actor.PersonID)
	})
	return m, err
}

// ReturnReply sends the reply back to the handler with the approver's opinion, which is required. The same
// people as for ApproveReply may return a reply, its writer included (a return changes nothing irrevocably).
func (s *MailboxStore) ReturnReply(ctx context.Context, messageID int64, opinion string) (core.Message, error) {
	opinion = strings.TrimSpace(opinion)
	if opinion == "" {
		return core.Message{}, core.FieldErrorf(core.EINVALID, "opinion", "退回须填写意见")
	}
	return s.change(ctx, messageID, "sign", "退回答复", func(tx *Tx, m *core.Message) error {
		if m.State != core.MsgReview {
			return core.Errorf(core.EFORBID, "只有待审核的答复可以退回")
		}
		if err := checkActingSigner(ctx, tx, *m, false); err != nil {
			return err
		}
		aid, err := pendingApproval(ctx, tx, m.ID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE approvals SET decision = '退回', opinion = ?, acted_at = ? WHERE id = ?`, opinion, tx.Stamp(), aid); err != nil {
			return err
		}
		m.State, m.ForwardTo = core.MsgHandling, "" // a returned 转办 is handled again: answered here or turned over anew
		return tx.messageEvent(ctx, m.ID, "退回", core.MsgReview, core.MsgHandling, opinion, tx.actor.PersonID)
	})
}

// Forward closes a message as 转办: outside the bureau's remit, with a reply telling the citizen where to turn.
// The reply counts as the answer for the deadline.
func (s *MailboxStore) Forward(ctx context.Context, in core.ForwardInput) (core.Message, error) {
	in.ForwardTo, in.Reply = strings.TrimSpace(in.ForwardTo), strings.TrimSpace(in.Reply)
	if in.ForwardTo == "" {
		return core.Message{}, core.FieldErrorf(core.EINVALID, "forwardTo", "请填写转办单位")
	}
	if in.Reply == "" {
		return core.Message{}, core.FieldErrorf(core.EINVALID, "reply", "请填写告知留言人的答复内容")
	}
	if in.ApproverID == 0 {
		return core.Message{}, core.FieldErrorf(core.EINVALID, "approverId", "转办告知须经审核后才能发出，请选择审核人")
	}
	return s.changeAt(ctx, in.MessageID, in.Version, "state", "提交转办审核", func(tx *Tx, m *core.Message) error {
		if err := s.db.rules.Mailbox.CheckForward(m.State); err != nil {
			return err
		}
		if m.StoppedSince != "" {
			return core.Errorf(core.EFORBID, "留言处于停止计时状态，请先恢复计时")
		}
		approver, err := tx.requestReview(ctx, *m, in.ApproverID)
		if err != nil {
			return err
		}
		m.State, m.ForwardTo, m.ReplyBody, m.RepliedByID = core.MsgReview, in.ForwardTo, in.Reply, tx.actor.PersonID
		return tx.messageEvent(ctx, m.ID, "提交转办审核", "", "转"+in.ForwardTo+"，审核人"+approver, "", in.ApproverID)
	})
}

// officePhones lists the bureau's and its sections' public phone numbers, longest first so that a number
// containing another is kept whole.
func officePhones(ctx context.Context, tx *Tx) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT phone FROM (SELECT phone FROM sections WHERE phone <> ''
		UNION SELECT value FROM settings WHERE key = 'bureau.phone' AND value <> '') ORDER BY length(phone) DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// PublicationPreview shows exactly what Publish will put on the website.
func (s *MailboxStore) PublicationPreview(ctx context.Context, id int64) (p core.PublicationPreview, err error) {
	err = s.db.read(ctx, func(tx *Tx) error {
		m, err := findMessage(ctx, tx, id)
		if err != nil {
			return err
		}
		p, err = tx.publication(ctx, m)
		return err
	})
	return p, err
}

// publication reads what masking a message needs (the bureau's public numbers, the items kept as written)
// and applies the mailbox's publication rule.
func (tx *Tx) publication(ctx context.Context, m core.Message) (core.PublicationPreview, error) {
	phones, err := officePhones(ctx, tx)
	if err != nil {
		return core.PublicationPreview{}, err
	}
	kept, err := tx.maskKeeps(ctx, m.ID)
	if err != nil {
		return core.PublicationPreview{}, err
	}
	return tx.db.rules.Mailbox.Publication(m, phones, kept), nil
}

// maskKeeps lists the items of a message staff decided to publish as written.
func (tx *Tx) maskKeeps(ctx context.Context, messageID int64) ([]core.MaskKeep, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, message_id, original, kind, label, reason, person_name, at FROM message_mask_keeps
		WHERE message_id = ? ORDER BY id`, messageID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []core.MaskKeep{}
	for rows.Next() {
		var k core.MaskKeep
		if err := rows.Scan(&k.ID, &k.MessageID, &k.Original, &k.Kind, &k.Label, &k.Reason, &k.PersonName, &k.At); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// KeepMasked records that one masked item of a replied message is published as written, with the reason and
// the person deciding, and returns the preview as it now stands.
func (s *MailboxStore) KeepMasked(ctx context.Context, in core.MaskKeepInput) (p core.PublicationPreview, err error) {
	err = s.db.write(ctx, func(tx *Tx) error {
		m, err := findMessage(ctx, tx, in.MessageID)
		if err != nil {
			return err
		}
		if m.State != core.MsgReplied {
			return core.Errorf(core.ECONFLICT, "只有待公开(已答复)的留言可以调整隐去的内容，当前状态为“%s”", m.State)
		}
		if p, err = tx.publication(ctx, m); err != nil {
			return err
		}
		k, err := tx.db.rules.Mailbox.CheckMaskKeep(in, p)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO message_mask_keeps (message_id, original, kind, label, reason, person_id, person_name, at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, m.ID, k.Original, k.Kind, k.Label, k.Reason, tx.actorID(), tx.actorName(), tx.Stamp())
		if err != nil {
			return err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		if err := tx.audit("update", "message", m.ID, "公开时保留原文：“"+k.Original+"”("+k.Label+")", []Change{
			{Field: "mask_keep", New: id}, {Field: "original", New: k.Original}, {Field: "reason", New: k.Reason}}); err != nil {
			return err
		}
		if err := tx.messageEvent(ctx, m.ID, "保留原文", "", k.Label+"“"+k.Original+"”", k.Reason, 0); err != nil {
			return err
		}
		p, err = tx.publication(ctx, m)
		return err
	})
	return p, err
}

// UnkeepMasked withdraws a kept item before publishing: it is masked again.
func (s *MailboxStore) UnkeepMasked(ctx context.Context, messageID, keepID int64) (p core.PublicationPreview, err error) {
	err = s.db.write(ctx, func(tx *Tx) error {
		m, err := findMessage(ctx, tx, messageID)
		if err != nil {
			return err
		}
		if m.State != core.MsgReplied {
			return core.Errorf(core.ECONFLICT, "只有待公开(已答复)的留言可以调整隐去的内容，当前状态为“%s”", m.State)
		}
		var original, reason string
		if err := tx.QueryRowContext(ctx, `SELECT original, reason FROM message_mask_keeps WHERE id = ? AND message_id = ?`, keepID, messageID).
			Scan(&original, &reason); err != nil {
			return notFound(err, "保留记录不存在(编号%d)", keepID)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM message_mask_keeps WHERE id = ?`, keepID); err != nil {
			return err
		}
		if err := tx.audit("update", "message", m.ID, "撤销保留原文：“"+original+"”", []Change{
			{Field: "mask_keep", Old: keepID}, {Field: "original", Old: original}, {Field: "reason", Old: reason}}); err != nil {
			return err
		}
		if err := tx.messageEvent(ctx, m.ID, "撤销保留原文", original, "", "", 0); err != nil {
			return err
		}
		p, err = tx.publication(ctx, m)
		return err
	})
	return p, err
}

// Publish marks a replied message published and stores the masked texts exactly as previewed (with the items
// kept as written, each recorded with its reason and who decided).
func (s *MailboxStore) Publish(ctx context.Context, id int64) (core.Message, error) {
	return s.change(ctx, id, "publish", "公开留言", func(tx *Tx, m *core.Message) error {
		p, err := tx.publication(ctx, *m)
		if err != nil {
			return err
		}
		if !p.CanPublish {
			return core.Errorf(core.EFORBID, "不能公开：%s", strings.Join(p.Problems, "；"))
		}
		m.State, m.PublishedAt = core.MsgPublished, tx.Stamp()
		m.PublishedSubject, m.PublishedText, m.PublishedReply = p.Subject, p.Message, p.Reply
		note := ""
		if len(p.Kept) > 0 {
			note = fmt.Sprintf("保留原文%d项", len(p.Kept))
		}
		return tx.messageEvent(ctx, m.ID, "公开", core.MsgReplied, core.MsgPublished, note, 0)
	})
}

// RenderTemplate fills a reply template for a message: the sender, the date of receipt, the handling
// section and its phone.
func (s *MailboxStore) RenderTemplate(ctx context.Context, templateID, messageID int64) (core.RenderedReply, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return core.RenderedReply{}, err
	}
	defer tx.Rollback()
	t, err := findTemplate(ctx, tx, templateID)
	if err != nil {
		return core.RenderedReply{}, err
	}
	m, err := findMessage(ctx, tx, messageID)
	if err != nil {
		return core.RenderedReply{}, err
	}
	v := core.TemplateValues{Salutation: s.db.rules.Mailbox.Salutation(m.SenderName), Section: m.SectionName}
	if d, err := calendar.ParseDate(m.ReceivedDate); err == nil {
		v.Received = d.Format("2006年1月2日")
	}
	if m.SectionID != 0 {
		if err := tx.QueryRowContext(ctx, `SELECT phone FROM sections WHERE id = ?`, m.SectionID).Scan(&v.Phone); err != nil {
			return core.RenderedReply{}, err
		}
	}
	return s.db.rules.Mailbox.RenderReply(t.Body, v), nil
}

// AnsweredKey names the state of the answered messages: it changes whenever a reply is signed off or a
// message forwarded (or a backup restored), so that an index built from them is rebuilt then.
func (s *MailboxStore) AnsweredKey(ctx context.Context) (string, error) {
	var n int
	var last string
	err := s.db.db.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(MAX(replied_at), '') FROM messages
		WHERE reply_body <> '' AND replied_at IS NOT NULL`).Scan(&n, &last)
	return msgItoa(int64(n)) + "/" + last + "/" + msgItoa(s.db.restores.Load()), err
}

// AnsweredMessages reads every message with a reply, for finding similar ones.
func (s *MailboxStore) AnsweredMessages(ctx context.Context) ([]core.MessageText, error) {
	rows, err := s.db.db.QueryContext(ctx, `SELECT id, subject, body FROM messages WHERE reply_body <> '' AND replied_at IS NOT NULL`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []core.MessageText{}
	for rows.Next() {
		var m core.MessageText
		if err := rows.Scan(&m.ID, &m.Subject, &m.Body); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// MessageText reads a message's subject and body.
func (s *MailboxStore) MessageText(ctx context.Context, id int64) (core.MessageText, error) {
	m := core.MessageText{ID: id}
	err := s.db.db.QueryRowContext(ctx, `SELECT subject, body FROM messages WHERE id = ?`, id).Scan(&m.Subject, &m.Body)
	return m, notFound(err, "留言不存在(编号%d)", id)
}

// SimilarMessage reads an answered message as the similar-replies list shows it; false when it is gone.
func (s *MailboxStore) SimilarMessage(ctx context.Context, id int64) (core.SimilarMessage, bool, error) {
	var sm core.SimilarMessage
	err := s.db.db.QueryRowContext(ctx, `SELECT m.id, m.subject, m.body, m.reply_body, COALESCE(m.replied_at, ''), COALESCE(t.name, '')
		FROM messages m LEFT JOIN topics t ON t.id = m.topic_id WHERE m.id = ?`, id).
		Scan(&sm.ID, &sm.Subject, &sm.Excerpt, &sm.Reply, &sm.RepliedAt, &sm.TopicName)
	if err == sql.ErrNoRows {
		return sm, false, nil
	} else if err != nil {
		return sm, false, err
	}
	sm.Excerpt = msgExcerpt(sm.Excerpt, 120)
	return sm, true, nil
}
