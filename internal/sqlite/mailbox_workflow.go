package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

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
		{"published_subject", m.PublishedSubject}, {"published_text", m.PublishedText}, {"published_reply", m.PublishedReply},
		{"remind_count", m.Reminder.Count}, {"remind_note", m.Reminder.Note}, {"ext_request_days", m.Extension.Days},
		{"ext_request_reason", m.Extension.Reason}, {"ext_request_by", m.Extension.ByID}, {"ext_request_approver", m.Extension.ApproverID},
		{"extended_days", m.ExtendedDays}, {"late_note", m.LateNote}}
}

// change runs one workflow step on a message in a transaction: load, let step change it and record its
// events, write the changed columns, audit the difference, commit, and return the result as now seen.
func (s *MailboxStore) change(ctx context.Context, id int64, action, summary string, step func(tx *Tx, m *core.Message) error) (core.Message, error) {
	return s.changeAt(ctx, id, 0, action, summary, step)
}

// changeDue is change for a step that decides by the message's due date.
func (s *MailboxStore) changeDue(ctx context.Context, id int64, action, summary string, step func(tx *Tx, m *core.Message, due time.Time) error) (core.Message, error) {
	return s.change(ctx, id, action, summary, func(tx *Tx, m *core.Message) error {
		due, err := calendar.ParseDate(m.DueDate)
		if err != nil {
			return err
		}
		return step(tx, m, due)
	})
}

// changeAt is change for an edit based on version (0: not checked): a message changed since is refused,
// naming who changed it and when, instead of silently overwriting their work.
func (s *MailboxStore) changeAt(ctx context.Context, id, version int64, action, summary string, step func(tx *Tx, m *core.Message) error) (core.Message, error) {
	return inWrite(ctx, s.db, func(tx *Tx) (core.Message, error) {
		return s.changeIn(ctx, tx, id, version, action, summary, step)
	})
}

// changeIn is changeAt within a transaction the caller commits: several messages changed all or nothing.
func (s *MailboxStore) changeIn(ctx context.Context, tx *Tx, id, version int64, action, summary string, step func(tx *Tx, m *core.Message) error) (core.Message, error) {
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
			if err := tx.indexText(ctx, id, m.Subject, m.Body, false); err != nil {
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
	return saved, nil
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
		published_at = ?, published_subject = ?, published_text = ?, published_reply = ?,
		remind_count = ?, reminded_at = ?, reminded_by = ?, remind_note = ?,
		ext_request_days = ?, ext_request_reason = ?, ext_request_by = ?, ext_request_approver = ?, ext_requested_at = ?,
		extended_days = ?, late_note = ?, updated_at = ?, updated_by = ?,
		version = version + 1 WHERE id = ?`,
		m.SenderName, m.SenderPhone, m.SenderEmail, m.SenderAddress, m.Subject, m.Body, m.Type, m.AgreePublish, m.State,
		nullID(m.TopicID), nullID(m.SectionID), nullID(m.AssigneeID), m.DueDate, m.StoppedDays, nullString(m.StoppedSince),
		m.StopRequest.Reason, nullID(m.StopRequest.ByID), nullID(m.StopRequest.ApproverID), m.StopRequest.At, m.ReplyBody, nullString(m.RepliedAt), nullID(m.RepliedByID), m.ForwardTo, nullString(m.PublishedAt), m.PublishedSubject,
		m.PublishedText, m.PublishedReply,
		m.Reminder.Count, m.Reminder.At, nullID(m.Reminder.ByID), m.Reminder.Note,
		m.Extension.Days, m.Extension.Reason, nullID(m.Extension.ByID), nullID(m.Extension.ApproverID), m.Extension.At,
		m.ExtendedDays, m.LateNote, tx.Stamp(), tx.actorID(), m.ID)
	if isForeignKeyViolation(err) {
		return core.Errorf(core.EINVALID, "所选的主题、科室或人员不存在")
	}
	return err
}

// UpdateMessage corrects the facts of a message (sender, text, type, consent to publication).
// A changed type does not move the due date: the limit was fixed on arrival.
func (s *MailboxStore) UpdateMessage(ctx context.Context, e core.MessageEdit) (core.Message, error) {
	return s.changeAt(ctx, e.ID, e.Version, "update", "修改留言", func(tx *Tx, m *core.Message) (err error) {
		*m, err = s.db.rules.Mailbox.Edit(*m, e)
		return err
	})
}

// Reroute moves a message to another topic (and its section, unless one is given). The decision is kept as
// training data for the matcher and recorded in the message's history.
func (s *MailboxStore) Reroute(ctx context.Context, in core.RerouteInput) (core.Message, error) {
	return s.changeAt(ctx, in.MessageID, in.Version, "state", "改派留言", s.rerouteStep(ctx, in))
}

// rerouteStep is Reroute's decision on one loaded message.
func (s *MailboxStore) rerouteStep(ctx context.Context, in core.RerouteInput) func(tx *Tx, m *core.Message) error {
	return func(tx *Tx, m *core.Message) error {
		var topic core.TopicRef
		if in.TopicID != 0 {
			err := tx.QueryRowContext(ctx, `SELECT id, name, COALESCE(section_id, 0) FROM topics WHERE id = ?`, in.TopicID).
				Scan(&topic.ID, &topic.Name, &topic.SectionID)
			if err != nil {
				return notFound(err, "留言主题不存在(编号%d)", in.TopicID)
			}
		}
		from := routeLabel(m.TopicName, m.SectionName)
		moved, err := s.db.rules.Mailbox.Reroute(*m, in, topic)
		if err != nil {
			return err
		}
		*m = moved
		sectionName, err := sectionName(ctx, tx, m.SectionID)
		if err != nil {
			return err
		}
		topicName := topic.Name
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
	}
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
	return s.change(ctx, messageID, "update", "指定承办人", s.assignStep(ctx, personID))
}

// assignStep is Assign's decision on one loaded message.
func (s *MailboxStore) assignStep(ctx context.Context, personID int64) func(tx *Tx, m *core.Message) error {
	return func(tx *Tx, m *core.Message) error {
		if err := s.db.rules.Mailbox.CheckAssign(m.State); err != nil {
			return err
		}
		name, err := personName(ctx, tx, personID)
		if err != nil {
			return err
		}
		m.AssigneeID = personID
		return tx.messageEvent(ctx, m.ID, "承办", m.AssigneeName, name, "", 0)
	}
}

// AssignMany gives several messages to a section (and person) at once, all or nothing: each goes through
// Reroute's rule when a section is named, else through Assign's, and is audited on its own. The first refusal
// undoes the others and names the message it is about.
func (s *MailboxStore) AssignMany(ctx context.Context, in core.BulkAssignInput) ([]core.Message, error) {
	in, err := s.db.rules.Mailbox.CheckBulkAssign(in)
	if err != nil {
		return nil, err
	}
	return inWrite(ctx, s.db, func(tx *Tx) ([]core.Message, error) {
		out := make([]core.Message, 0, len(in.MessageIDs))
		for _, id := range in.MessageIDs {
			step, action, summary := s.assignStep(ctx, in.AssigneeID), "update", "批量指定承办人"
			if in.SectionID != 0 {
				step, action, summary = s.rerouteStep(ctx, core.RerouteInput{MessageID: id, SectionID: in.SectionID, AssigneeID: in.AssigneeID,
					Reason: in.Reason}), "state", "批量分办"
			}
			m, err := s.changeIn(ctx, tx, id, 0, action, summary, step)
			if err != nil {
				return nil, s.db.rules.Mailbox.BulkRefusal(id, m.Subject, err)
			}
			out = append(out, m)
		}
		return out, nil
	})
}

// RequestClockStop asks to stop a message's clock (e.g. 需补充材料) with a reason and a named approver, one
// who may sign the message's reply off and not the person asking. The clock keeps running until the approver
// approves the request in their own action.
func (s *MailboxStore) RequestClockStop(ctx context.Context, in core.ClockStopInput) (core.Message, error) {
	in, err := s.db.rules.Mailbox.CheckStopInput(in)
	if err != nil {
		return core.Message{}, err
	}
	return s.changeDue(ctx, in.MessageID, "state", "申请停止计时", func(tx *Tx, m *core.Message, due time.Time) error {
		if err := s.db.rules.Mailbox.CheckStopRequest(m.State, due, tx.Now(), m.StoppedSince, m.StopRequest); err != nil {
			return err
		}
		if err := tx.checkChosenSigner(ctx, in.ApproverID, *m, "批准停止计时", "停止计时须由他人批准，不能选择自己作为批准人"); err != nil {
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
	d, err := s.db.rules.Mailbox.CheckStopOpinion(d)
	if err != nil {
		return core.Message{}, err
	}
	summary := "驳回停止计时申请"
	if d.Approve {
		summary = "批准停止计时"
	}
	return s.changeDue(ctx, d.MessageID, "state", summary, func(tx *Tx, m *core.Message, due time.Time) error {
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
		if err := s.db.rules.Mailbox.CheckResume(m.StoppedSince); err != nil {
			return err
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
	return s.submitForReview(ctx, in.MessageID, in.Version, "提交答复审核", s.db.rules.Mailbox.CheckSubmit, in.LateNote, in.ApproverID,
		func(tx *Tx, m *core.Message, approver, note string) error {
			m.ReplyBody, m.State, m.RepliedByID, m.ForwardTo = in.Body, core.MsgReview, tx.actor.PersonID, "" // who wrote the reply
			return tx.messageEvent(ctx, m.ID, "提交审核", "", approver, lateReason(note), in.ApproverID)
		})
}

// requestReview opens a review round of a message's reply (or 转办告知) with approverID as its one step, and
// returns the approver's name. The writer never reviews their own reply.
func (tx *Tx) requestReview(ctx context.Context, m core.Message, approverID int64) (string, error) {
	if err := tx.checkChosenSigner(ctx, approverID, m, "审核答复", "答复须由他人审核，不能选择自己作为审核人"); err != nil {
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

// reviewFacts reads who may sign off a message's reply and its waiting review step.
func (tx *Tx) reviewFacts(ctx context.Context, m core.Message) (core.ReviewFacts, error) {
	f := core.ReviewFacts{Section: m.SectionName}
	if m.SectionID != 0 {
		err := tx.QueryRowContext(ctx, `SELECT COALESCE(s.head_id, 0), COALESCE(p.name, '') FROM sections s
			LEFT JOIN people p ON p.id = s.head_id WHERE s.id = ?`, m.SectionID).Scan(&f.HeadID, &f.HeadName)
		if err != nil {
			return f, notFound(err, "科室不存在(编号%d)", m.SectionID)
		}
	}
	err := tx.QueryRowContext(ctx, `SELECT id FROM approvals WHERE subject_type = 'message' AND subject_id = ? AND decision = ''
		ORDER BY id DESC LIMIT 1`, m.ID).Scan(&f.OpenStep)
	if err == sql.ErrNoRows {
		err = nil
	}
	return f, err
}

// checkChosenSigner checks the person chosen to approve what the acting person asks for (审核答复,
// 批准停止计时) against the mailbox's rule.
func (tx *Tx) checkChosenSigner(ctx context.Context, personID int64, m core.Message, what, self string) error {
	p, err := findPerson(ctx, tx, personID)
	if err != nil {
		return err
	}
	f, err := tx.reviewFacts(ctx, m)
	if err != nil {
		return err
	}
	return tx.db.rules.Mailbox.CheckChosenSigner(tx.Actor(), p, f, what, self)
}

// ApproveReply signs the reply off: it counts as sent now, which decides on time or late. Only an approver,
// an administrator or the head of the handling section may, and never the person who submitted the reply.
func (s *MailboxStore) ApproveReply(ctx context.Context, messageID int64, opinion string) (core.Message, error) {
	m, err := s.change(ctx, messageID, "sign", "审核通过答复", func(tx *Tx, m *core.Message) error {
		f, err := tx.reviewFacts(ctx, *m)
		if err != nil {
			return err
		}
		due, _ := calendar.ParseDate(m.DueDate)
		a, err := s.db.rules.Mailbox.Approve(tx.Actor(), *m, f, due, tx.Now())
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE approvals SET decision = '同意', opinion = ?, acted_at = ?, person_name = CASE WHEN ? = '' THEN person_name ELSE ? END
			WHERE id = ?`, strings.TrimSpace(opinion), tx.Stamp(), tx.actor.Name, tx.actor.Name, f.OpenStep); err != nil {
			return err
		}
		m.State, m.RepliedAt = a.State, tx.Stamp()
		return tx.messageEvent(ctx, m.ID, a.What, core.MsgReview, a.State, strings.TrimSpace(opinion+" "+a.Note), tx.actor.PersonID)
	})
	return m, err
}

// ReturnReply sends the reply back to the handler with the approver's opinion, which is required. The same
// people as for ApproveReply may return a reply, its writer included (a return changes nothing irrevocably).
func (s *MailboxStore) ReturnReply(ctx context.Context, messageID int64, opinion string) (core.Message, error) {
	return s.change(ctx, messageID, "sign", "退回答复", func(tx *Tx, m *core.Message) error {
		f, err := tx.reviewFacts(ctx, *m)
		if err != nil {
			return err
		}
		opinion, err := s.db.rules.Mailbox.CheckReturn(tx.Actor(), *m, f, opinion)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE approvals SET decision = '退回', opinion = ?, acted_at = ? WHERE id = ?`, opinion, tx.Stamp(), f.OpenStep); err != nil {
			return err
		}
		m.State, m.ForwardTo = core.MsgHandling, "" // a returned 转办 is handled again: answered here or turned over anew
		return tx.messageEvent(ctx, m.ID, "退回", core.MsgReview, core.MsgHandling, opinion, tx.actor.PersonID)
	})
}

// Forward closes a message as 转办: outside the bureau's remit, with a reply telling the citizen where to turn.
// The reply counts as the answer for the deadline.
func (s *MailboxStore) Forward(ctx context.Context, in core.ForwardInput) (core.Message, error) {
	in, err := s.db.rules.Mailbox.CheckForwardInput(in)
	if err != nil {
		return core.Message{}, err
	}
	return s.submitForReview(ctx, in.MessageID, in.Version, "提交转办审核", s.db.rules.Mailbox.CheckForwardSubmit, in.LateNote, in.ApproverID,
		func(tx *Tx, m *core.Message, approver, note string) error {
			m.State, m.ForwardTo, m.ReplyBody, m.RepliedByID = core.MsgReview, in.ForwardTo, in.Reply, tx.actor.PersonID
			return tx.messageEvent(ctx, m.ID, "提交转办审核", "", "转"+in.ForwardTo+"，审核人"+approver, lateReason(note), in.ApproverID)
		})
}

// officePhones lists the bureau's and its sections' public phone numbers, longest first so that a number
// containing another is kept whole.
func officePhones(ctx context.Context, tx *Tx) ([]string, error) {
	return queryAll(ctx, tx, scanString, `SELECT phone FROM (SELECT phone FROM sections WHERE phone <> ''
		UNION SELECT value FROM settings WHERE key = 'bureau.phone' AND value <> '') phones ORDER BY length(phone) DESC`)
}

// PublicationPreview shows exactly what Publish will put on the website.
func (s *MailboxStore) PublicationPreview(ctx context.Context, id int64) (p core.PublicationPreview, err error) {
	err = s.db.read(ctx, func(tx *Tx) error {
		m, err := findMessage(ctx, tx, id)
		if err != nil {
			return err
		}
		p, err = s.publication(ctx, tx, m)
		return err
	})
	return p, err
}

// publication reads what masking a message needs (the bureau's public numbers, the items kept as written,
// the words' part-of-speech tags that reveal names written without a cue) and applies the mailbox's publication rule.
func (s *MailboxStore) publication(ctx context.Context, tx *Tx, m core.Message) (core.PublicationPreview, error) {
	phones, err := officePhones(ctx, tx)
	if err != nil {
		return core.PublicationPreview{}, err
	}
	kept, err := tx.maskKeeps(ctx, m.ID)
	if err != nil {
		return core.PublicationPreview{}, err
	}
	var tagged []core.TaggedWord
	if s.tagger != nil {
		tagged = s.tagger.Tag(m.Subject + "\n" + m.Body + "\n" + m.ReplyBody)
	}
	return tx.db.rules.Mailbox.Publication(m, phones, kept, tagged), nil
}

// maskKeeps lists the items of a message staff decided to publish as written.
func (tx *Tx) maskKeeps(ctx context.Context, messageID int64) ([]core.MaskKeep, error) {
	return queryAll(ctx, tx, func(r scanner) (k core.MaskKeep, err error) {
		err = r.Scan(&k.ID, &k.MessageID, &k.Original, &k.Kind, &k.Label, &k.Reason, &k.PersonName, &k.At)
		return
	}, `SELECT id, message_id, original, kind, label, reason, person_name, at FROM message_mask_keeps
		WHERE message_id = ? ORDER BY id`, messageID)
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
		if p, err = s.publication(ctx, tx, m); err != nil {
			return err
		}
		k, err := tx.db.rules.Mailbox.CheckMaskKeep(in, p)
		if err != nil {
			return err
		}
		id, err := tx.insert(ctx, `INSERT INTO message_mask_keeps (message_id, original, kind, label, reason, person_id, person_name, at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, m.ID, k.Original, k.Kind, k.Label, k.Reason, tx.actorID(), tx.actorName(), tx.Stamp())
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
		p, err = s.publication(ctx, tx, m)
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
		p, err = s.publication(ctx, tx, m)
		return err
	})
	return p, err
}

// Publish marks a replied message published and stores the masked texts exactly as previewed (with the items
// kept as written, each recorded with its reason and who decided).
func (s *MailboxStore) Publish(ctx context.Context, id int64) (core.Message, error) {
	return s.change(ctx, id, "publish", "公开留言", func(tx *Tx, m *core.Message) error {
		p, err := s.publication(ctx, tx, *m)
		if err != nil {
			return err
		}
		if err := s.db.rules.Mailbox.CheckPublish(p); err != nil {
			return err
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
	return inRead(ctx, s.db, func(tx *Tx) (core.RenderedReply, error) {
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
	})
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
	return queryAll(ctx, s.db.db, func(r scanner) (m core.MessageText, err error) {
		err = r.Scan(&m.ID, &m.Subject, &m.Body)
		return
	}, `SELECT id, subject, body FROM messages WHERE reply_body <> '' AND replied_at IS NOT NULL`)
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

// lateReason is a submission's history note: its 超期说明, if any.
func lateReason(note string) string {
	if note == "" {
		return ""
	}
	return "超期说明：" + note
}

// submitForReview sends a reply or 转办 written on message id (at version) to approverID for review, audited as
// what: may says whether the message may be submitted now, its 超期说明 is checked against the due date on the
// server's today and kept on m, a review round opens, and apply records the submission on m with the approver's
// name and the note.
func (s *MailboxStore) submitForReview(ctx context.Context, id, version int64, what string, may func(core.Message) error,
	lateNote string, approverID int64, apply func(tx *Tx, m *core.Message, approver, note string) error) (core.Message, error) {
	return s.changeAt(ctx, id, version, "state", what, func(tx *Tx, m *core.Message) error {
		if err := may(*m); err != nil {
			return err
		}
		due, err := calendar.ParseDate(m.DueDate)
		if err != nil {
			return err
		}
		note, err := s.db.rules.Mailbox.CheckLateNote(lateNote, due, tx.Now().In(core.Shanghai))
		if err != nil {
			return err
		}
		approver, err := tx.requestReview(ctx, *m, approverID)
		if err != nil {
			return err
		}
		if note != "" {
			m.LateNote = note
		}
		return apply(tx, m, approver, note)
	})
}
