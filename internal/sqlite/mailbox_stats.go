package sqlite

import (
	"context"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

// StatsMessages reads what the statistics need of the messages received in [from, to] (civil dates).
func (s *MailboxStore) StatsMessages(ctx context.Context, from, to time.Time) ([]core.StatsMessage, error) {
	rows, err := s.db.db.QueryContext(ctx, `SELECT m.id, m.received_date, m.due_date, m.msg_type, COALESCE(t.name, ''), COALESCE(sec.name, ''),
		m.state, m.channel, m.subject, COALESCE(m.replied_at, ''), COALESCE(m.stopped_since, ''), m.stopped_days
		FROM messages m LEFT JOIN topics t ON t.id = m.topic_id LEFT JOIN sections sec ON sec.id = m.section_id
		WHERE m.received_date >= ? AND m.received_date <= ? ORDER BY m.received_at, m.id`,
		calendar.FormatDate(from), calendar.FormatDate(to))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []core.StatsMessage{}
	for rows.Next() {
		var m core.StatsMessage
		var received, due, replied string
		if err := rows.Scan(&m.ID, &received, &due, &m.Type, &m.Topic, &m.Section, &m.State, &m.Channel, &m.Subject,
			&replied, &m.StoppedSince, &m.StoppedDays); err != nil {
			return nil, err
		}
		if m.Received, err = calendar.ParseDate(received); err != nil {
			return nil, err
		}
		if m.Due, err = calendar.ParseDate(due); err != nil {
			return nil, err
		}
		if t, err := time.Parse(TimeLayout, replied); err == nil { // an unreadable stamp counts as no reply
			m.Replied = t
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
