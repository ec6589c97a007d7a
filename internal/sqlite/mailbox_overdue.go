package sqlite

import (
	"context"
	"strconv"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

// Remind urges a message's handler (催办): the reminder is kept on the message, shown to its handler, and
// written to its history and the audit trail.
func (s *MailboxStore) Remind(ctx context.Context, in core.RemindInput) (core.Message, error) {
	in, err := s.db.rules.Mailbox.CheckRemindInput(in)
	if err != nil {
		return core.Message{}, err
	}
	return s.changeDue(ctx, in.MessageID, "state", "催办", func(tx *Tx, m *core.Message, due time.Time) error {
		var last time.Time
		if m.Reminder.At != "" {
			if t, err := time.Parse(TimeLayout, m.Reminder.At); err == nil {
				last = t.In(core.Shanghai)
			}
		}
		if err := s.db.rules.Mailbox.CheckRemind(tx.Actor(), *m, due, tx.Now().In(core.Shanghai), last); err != nil {
			return err
		}
		m.Reminder = core.Reminder{Count: m.Reminder.Count + 1, At: tx.Stamp(), ByID: tx.Actor().PersonID, Note: in.Note}
		note := "第" + strconv.Itoa(m.Reminder.Count) + "次催办"
		if in.Note != "" {
			note += "：" + in.Note
		}
		return tx.messageEvent(ctx, m.ID, "催办", "", remindee(*m), note, 0)
	})
}

// RequestExtension asks a named approver for more working days to answer (延期申请); the due date stays
// until they approve.
func (s *MailboxStore) RequestExtension(ctx context.Context, in core.ExtensionInput) (core.Message, error) {
	in, err := s.db.rules.Mailbox.CheckExtensionInput(in)
	if err != nil {
		return core.Message{}, err
	}
	return s.change(ctx, in.MessageID, "state", "申请延期", func(tx *Tx, m *core.Message) error {
		if err := s.db.rules.Mailbox.CheckExtensionRequest(*m, tx.Now().In(core.Shanghai)); err != nil {
			return err
		}
		if err := tx.checkChosenSigner(ctx, in.ApproverID, *m, "批准延期", "延期须由他人批准，不能选择自己作为批准人"); err != nil {
			return err
		}
		m.Extension = core.ExtensionRequest{Days: in.Days, Reason: in.Reason, ByID: tx.Actor().PersonID, ApproverID: in.ApproverID, At: tx.Stamp()}
		return tx.messageEvent(ctx, m.ID, "申请延期", "", strconv.Itoa(in.Days)+"个工作日", in.Reason, in.ApproverID)
	})
}

// DecideExtension is the named approver's decision on a waiting 延期申请. Approving moves the due date by the
// working days asked for; either way the request is closed and kept in the history.
func (s *MailboxStore) DecideExtension(ctx context.Context, d core.ExtensionDecision) (core.Message, error) {
	summary := "驳回延期申请"
	if d.Approve {
		summary = "批准延期"
	}
	return s.change(ctx, d.MessageID, "state", summary, func(tx *Tx, m *core.Message) error {
		d, err := s.db.rules.Mailbox.CheckExtensionDecision(tx.Actor(), *m, d, tx.Now().In(core.Shanghai))
		if err != nil {
			return err
		}
		req := m.Extension
		m.Extension = core.ExtensionRequest{}
		if !d.Approve {
			return tx.messageEvent(ctx, m.ID, "驳回延期", "", "", d.Opinion, req.ApproverID)
		}
		due, err := calendar.ParseDate(m.DueDate)
		if err != nil {
			return err
		}
		oldDue := m.DueDate
		m.DueDate = calendar.FormatDate(s.db.rules.Mailbox.ExtendDue(s.cal(), due, req.Days))
		m.ExtendedDays = req.Days
		reason := "延期" + strconv.Itoa(req.Days) + "个工作日：" + req.Reason
		if d.Opinion != "" {
			reason += "(批准意见：" + d.Opinion + ")"
		}
		return tx.messageEvent(ctx, m.ID, "延期", oldDue, m.DueDate, reason, req.ApproverID)
	})
}

// remindee names whom a 催办 urges: the handler, else the handling section, else the mailbox desk.
func remindee(m core.Message) string {
	switch {
	case m.State == core.MsgReview:
		return "审核人"
	case m.AssigneeName != "":
		return "承办人" + m.AssigneeName
	case m.SectionName != "":
		return "承办科室" + m.SectionName
	}
	return "信箱管理员"
}
