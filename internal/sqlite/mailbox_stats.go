package sqlite

import (
	"context"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

// StatsMessages reads what the statistics need of the messages received in [from, to] (civil dates).
func (s *MailboxStore) StatsMessages(ctx context.Context, from, to time.Time) ([]core.StatsMessage, error) {
	return queryAll(ctx, s.db.db, scanStatsMessage, `SELECT m.id, m.received_date, m.due_date, m.msg_type, COALESCE(t.name, ''), COALESCE(sec.name, ''),
		m.state, m.channel, m.subject, COALESCE(m.replied_at, ''), COALESCE(m.stopped_since, ''), m.stopped_days
		FROM messages m LEFT JOIN topics t ON t.id = m.topic_id LEFT JOIN sections sec ON sec.id = m.section_id
		WHERE m.received_date >= ? AND m.received_date <= ? ORDER BY m.received_date, m.received_at, m.id`,
		calendar.FormatDate(from), calendar.FormatDate(to))
}

func scanStatsMessage(sc scanner) (core.StatsMessage, error) {
	var m core.StatsMessage
	var received, due, replied string
	err := sc.Scan(&m.ID, &received, &due, &m.Type, &m.Topic, &m.Section, &m.State, &m.Channel, &m.Subject,
		&replied, &m.StoppedSince, &m.StoppedDays)
	if err != nil {
		return m, err
	}
	if m.Received, err = calendar.ParseDate(received); err != nil {
		return m, err
	}
	if m.Due, err = calendar.ParseDate(due); err != nil {
		return m, err
	}
	if t, err := time.Parse(TimeLayout, replied); err == nil { // an unreadable stamp counts as no reply
		m.Replied = t
	}
	return m, nil
}
