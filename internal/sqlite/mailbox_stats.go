package sqlite

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/export"
	"policydesk/internal/mailbox"
)

// statsMessage is what the statistics need of one message.
type statsMessage struct {
	id                                  int64
	received, due                       time.Time
	typ, topic, section, state, channel string
	subject, sender, replied, stoppedAt string
	stoppedDays                         int
	answered, onTime, open, overdue     bool
	workdays                            int
}

// statsMessages reads the messages received in [from, to] and classifies each as of today: answered
// (reply signed off or forwarded by today), on time, still open, overdue (open, clock running, past due).
func (s *MailboxStore) statsMessages(ctx context.Context, from, to time.Time) ([]statsMessage, error) {
	cal, today := s.cal(), s.today()
	rows, err := s.db.db.QueryContext(ctx, `SELECT m.id, m.received_date, m.due_date, m.msg_type, COALESCE(t.name, ''), COALESCE(sec.name, ''),
		m.state, m.channel, m.subject, m.sender_name, COALESCE(m.replied_at, ''), COALESCE(m.stopped_since, ''), m.stopped_days
		FROM messages m LEFT JOIN topics t ON t.id = m.topic_id LEFT JOIN sections sec ON sec.id = m.section_id
		WHERE m.received_date >= ? AND m.received_date <= ? ORDER BY m.received_at, m.id`,
		calendar.FormatDate(from), calendar.FormatDate(to))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []statsMessage
	for rows.Next() {
		var m statsMessage
		var received, due string
		if err := rows.Scan(&m.id, &received, &due, &m.typ, &m.topic, &m.section, &m.state, &m.channel, &m.subject, &m.sender,
			&m.replied, &m.stoppedAt, &m.stoppedDays); err != nil {
			return nil, err
		}
		if m.received, err = calendar.ParseDate(received); err != nil {
			return nil, err
		}
		if m.due, err = calendar.ParseDate(due); err != nil {
			return nil, err
		}
		if d, ok := replyDate(m.replied); ok && !d.After(today) {
			m.answered = true
			m.onTime = mailbox.OnTime(d, m.due)
			m.workdays = mailbox.WorkdaysToAnswer(cal, m.received, d, m.stoppedDays)
		} else {
			m.open = true
			m.overdue = m.stoppedAt == "" && m.due.Before(today)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// parsePeriod reads [from, to]; an empty from means the first day of to's month, an empty to means today.
func (s *MailboxStore) parsePeriod(from, to string) (time.Time, time.Time, error) {
	t := s.today()
	var err error
	if to != "" {
		if t, err = calendar.ParseDate(to); err != nil {
			return t, t, core.FieldErrorf(core.EINVALID, "to", "截止日期“%s”不正确", to)
		}
	}
	f := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	if from != "" {
		if f, err = calendar.ParseDate(from); err != nil {
			return f, t, core.FieldErrorf(core.EINVALID, "from", "起始日期“%s”不正确", from)
		}
	}
	if t.Before(f) {
		return f, t, core.FieldErrorf(core.EINVALID, "to", "截止日期早于起始日期")
	}
	return f, t, nil
}

// Stats computes the statistics of messages received in [from, to] (dates; see parsePeriod for blanks).
func (s *MailboxStore) Stats(ctx context.Context, from, to string) (core.MailboxStats, error) {
	f, t, err := s.parsePeriod(from, to)
	if err != nil {
		return core.MailboxStats{}, err
	}
	msgs, err := s.statsMessages(ctx, f, t)
	if err != nil {
		return core.MailboxStats{}, err
	}
	st := core.MailboxStats{From: calendar.FormatDate(f), To: calendar.FormatDate(t), AsOf: calendar.FormatDate(s.today())}
	st.Total = aggregate("合计", msgs)
	st.ByType = groupStats(msgs, func(m statsMessage) string { return m.typ }, core.MessageTypes)
	st.ByTopic = groupStats(msgs, func(m statsMessage) string { return orNone(m.topic, "未分类") }, nil)
	st.BySection = groupStats(msgs, func(m statsMessage) string { return orNone(m.section, "未分办") }, nil)
	st.Monthly = groupStats(msgs, func(m statsMessage) string { return m.received.Format("2006-01") }, months(f, t))
	return st, nil
}

func orNone(s, none string) string {
	if s == "" {
		return none
	}
	return s
}

// months lists every month of [from, to] so that the trend shows empty months too.
func months(from, to time.Time) []string {
	var out []string
	for m := time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC); !m.After(to); m = m.AddDate(0, 1, 0) {
		out = append(out, m.Format("2006-01"))
	}
	return out
}

// groupStats aggregates by key; keys listed in order come first in that order (even when empty), the rest
// follow by count.
func groupStats(msgs []statsMessage, key func(statsMessage) string, order []string) []core.StatsRow {
	groups := map[string][]statsMessage{}
	for _, m := range msgs {
		k := key(m)
		groups[k] = append(groups[k], m)
	}
	out := []core.StatsRow{}
	listed := map[string]bool{}
	for _, k := range order {
		listed[k] = true
		out = append(out, aggregate(k, groups[k]))
	}
	var rest []core.StatsRow
	for k, g := range groups {
		if !listed[k] {
			rest = append(rest, aggregate(k, g))
		}
	}
	sort.Slice(rest, func(i, j int) bool {
		if rest[i].Received != rest[j].Received {
			return rest[i].Received > rest[j].Received
		}
		return rest[i].Key < rest[j].Key
	})
	return append(out, rest...)
}

func aggregate(key string, msgs []statsMessage) core.StatsRow {
	r := core.StatsRow{Key: key, Received: len(msgs)}
	days := 0
	for _, m := range msgs {
		switch {
		case m.answered:
			r.Answered++
			days += m.workdays
			if m.onTime {
				r.OnTime++
			}
		case m.overdue:
			r.Open++
			r.Overdue++
		default:
			r.Open++
		}
	}
	if r.Answered > 0 {
		r.OnTimeRate = float64(r.OnTime) / float64(r.Answered)
		r.AvgWorkdays = float64(days) / float64(r.Answered)
	}
	return r
}

// ExportStatsHTML writes the public table 留言受理反馈情况统计 for [from, to] as one self-contained HTML file.
func (s *MailboxStore) ExportStatsHTML(ctx context.Context, from, to, path string) (core.MailboxStats, error) {
	st, err := s.Stats(ctx, from, to)
	if err != nil {
		return st, err
	}
	bureau, err := s.db.Setting(ctx, "bureau.name")
	if err != nil {
		return st, err
	}
	var buf bytes.Buffer
	if err := mailbox.WriteStatsHTML(&buf, bureau, st); err != nil {
		return st, err
	}
	return st, writeFileAtomic(path, buf.Bytes())
}

// writeFileAtomic writes through a temporary file so that a failed export never leaves half a file.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".export-*")
	if err != nil {
		return core.Errorf(core.EINVALID, "无法写入%s：%v", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// ExportDetailXLSX writes the statistics and every message of [from, to] with its handling facts.
// Personal contact details are left out: the detail is for reporting, not for casework.
func (s *MailboxStore) ExportDetailXLSX(ctx context.Context, from, to, path string) (core.MailboxStats, error) {
	st, err := s.Stats(ctx, from, to)
	if err != nil {
		return st, err
	}
	f, t, _ := s.parsePeriod(st.From, st.To)
	msgs, err := s.statsMessages(ctx, f, t)
	if err != nil {
		return st, err
	}
	summary := export.Table{Sheet: "统计", Title: "留言受理反馈情况统计(" + st.From + "至" + st.To + ")",
		Headers: statsHeaders}
	for _, group := range [][]core.StatsRow{{st.Total}, st.ByType, st.BySection, st.ByTopic, st.Monthly} {
		for _, r := range group {
			summary.Rows = append(summary.Rows, statsCells(r))
		}
	}
	detail := export.Table{Sheet: "明细", Headers: []string{"编号", "收件日期", "渠道", "类型", "主题", "承办科室", "标题",
		"状态", "答复期限", "答复日期", "用时(工作日)", "是否按时", "是否超期未答复"}}
	for _, m := range msgs {
		replied, took, onTime := "", "", ""
		if m.answered {
			d, _ := replyDate(m.replied)
			replied, took, onTime = calendar.FormatDate(d), msgItoa(int64(m.workdays)), yesNo(m.onTime)
		}
		detail.Rows = append(detail.Rows, []string{msgItoa(m.id), calendar.FormatDate(m.received), m.channel, m.typ, m.topic,
			m.section, m.subject, m.state, calendar.FormatDate(m.due), replied, took, onTime, yesNo(m.overdue)})
	}
	if err := export.WriteXLSX(path, summary, detail); err != nil {
		return st, err
	}
	return st, nil
}

var statsHeaders = []string{"项目", "收到留言", "已答复", "按时答复", "按时答复率", "平均答复用时(工作日)", "未办结", "超期未答复"}

func statsCells(r core.StatsRow) []string {
	return []string{r.Key, msgItoa(int64(r.Received)), msgItoa(int64(r.Answered)), msgItoa(int64(r.OnTime)),
		mailbox.Percent(r.OnTimeRate, r.Answered), msgFloat(r.AvgWorkdays, 1), msgItoa(int64(r.Open)), msgItoa(int64(r.Overdue))}
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}
