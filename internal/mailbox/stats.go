package mailbox

import (
	"context"
	"sort"
	"strconv"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

// StatsLine is one message of a statistics period, classified as of a day: answered (reply signed off or
// forwarded by that day), on time, still open, overdue (open, clock running, past due).
type StatsLine struct {
	core.StatsMessage
	Answered, OnTime, Open, Overdue bool
	RepliedOn                       time.Time // the civil day of the reply when answered
	Workdays                        int       // working days from receipt to reply, clock stops excluded
}

// ParsePeriod reads the dates [from, to]; a blank from means the first day of to's month, a blank to means today.
func ParsePeriod(from, to string, today time.Time) (time.Time, time.Time, error) {
	t := today
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

// Classify decides, as of today, what each message of the period counts as.
func Classify(cal *calendar.Calendar, today time.Time, msgs []core.StatsMessage) []StatsLine {
	out := make([]StatsLine, 0, len(msgs))
	for _, m := range msgs {
		l := StatsLine{StatsMessage: m}
		if !m.Replied.IsZero() {
			l.RepliedOn = calendar.Day(m.Replied.In(core.Shanghai))
		}
		if !m.Replied.IsZero() && !l.RepliedOn.After(today) {
			l.Answered = true
			l.OnTime = OnTime(l.RepliedOn, m.Due)
			l.Workdays = WorkdaysToAnswer(cal, m.Received, l.RepliedOn, m.StoppedDays)
		} else {
			l.Open = true
			l.Overdue = m.StoppedSince == "" && m.Due.Before(today)
		}
		out = append(out, l)
	}
	return out
}

// ComputeStats aggregates the period [from, to] as of today: the total, by type (every type listed, even
// when empty), by topic and by section (largest first), and the monthly trend (every month of the period).
func ComputeStats(from, to, today time.Time, lines []StatsLine) core.MailboxStats {
	st := core.MailboxStats{From: calendar.FormatDate(from), To: calendar.FormatDate(to), AsOf: calendar.FormatDate(today)}
	st.Total = aggregate("合计", lines)
	st.ByType = groupStats(lines, func(l StatsLine) string { return l.Type }, core.MessageTypes)
	st.ByTopic = groupStats(lines, func(l StatsLine) string { return orNone(l.Topic, "未分类") }, nil)
	st.BySection = groupStats(lines, func(l StatsLine) string { return orNone(l.Section, "未分办") }, nil)
	st.Monthly = groupStats(lines, func(l StatsLine) string { return l.Received.Format("2006-01") }, months(from, to))
	return st
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
func groupStats(lines []StatsLine, key func(StatsLine) string, order []string) []core.StatsRow {
	groups := map[string][]StatsLine{}
	for _, l := range lines {
		k := key(l)
		groups[k] = append(groups[k], l)
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

func aggregate(key string, lines []StatsLine) core.StatsRow {
	r := core.StatsRow{Key: key, Received: len(lines)}
	days := 0
	for _, l := range lines {
		switch {
		case l.Answered:
			r.Answered++
			days += l.Workdays
			if l.OnTime {
				r.OnTime++
			}
		case l.Overdue:
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

// StatsHeaders head the summary sheet of the statistics workbook.
var StatsHeaders = []string{"项目", "收到留言", "已答复", "按时答复", "按时答复率", "平均答复用时(工作日)", "未办结", "超期未答复"}

// DetailHeaders head the detail sheet. Personal contact details are left out: the detail is for reporting,
// not for casework.
var DetailHeaders = []string{"编号", "收件日期", "渠道", "类型", "主题", "承办科室", "标题",
	"状态", "答复期限", "答复日期", "用时(工作日)", "是否按时", "是否超期未答复"}

// SummaryRows are the summary sheet's rows: the total, then by type, section, topic and month.
func SummaryRows(st core.MailboxStats) [][]string {
	var rows [][]string
	for _, group := range [][]core.StatsRow{{st.Total}, st.ByType, st.BySection, st.ByTopic, st.Monthly} {
		for _, r := range group {
			rows = append(rows, []string{r.Key, strconv.Itoa(r.Received), strconv.Itoa(r.Answered), strconv.Itoa(r.OnTime),
				Percent(r.OnTimeRate, r.Answered), strconv.FormatFloat(r.AvgWorkdays, 'f', 1, 64), strconv.Itoa(r.Open),
				strconv.Itoa(r.Overdue)})
		}
	}
	return rows
}

// DetailRows are the detail sheet's rows, one per message.
func DetailRows(lines []StatsLine) [][]string {
	rows := make([][]string, 0, len(lines))
	for _, l := range lines {
		replied, took, onTime := "", "", ""
		if l.Answered {
			replied, took, onTime = calendar.FormatDate(l.RepliedOn), strconv.Itoa(l.Workdays), yesNo(l.OnTime)
		}
		rows = append(rows, []string{strconv.FormatInt(l.ID, 10), calendar.FormatDate(l.Received), l.Channel, l.Type,
			l.Topic, l.Section, l.Subject, l.State, calendar.FormatDate(l.Due), replied, took, onTime, yesNo(l.Overdue)})
	}
	return rows
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// StatsSource is what the statistics read: the store's today and calendar, and the period's messages.
type StatsSource interface {
	Today() time.Time
	Calendar() *calendar.Calendar
	StatsMessages(ctx context.Context, from, to time.Time) ([]core.StatsMessage, error)
}

// ReadStats reads the messages received in [from, to] (see ParsePeriod for blanks) and computes their
// statistics as of today, with each message's line for the detail export.
func ReadStats(ctx context.Context, src StatsSource, from, to string) (core.MailboxStats, []StatsLine, error) {
	today := src.Today()
	f, t, err := ParsePeriod(from, to, today)
	if err != nil {
		return core.MailboxStats{}, nil, err
	}
	msgs, err := src.StatsMessages(ctx, f, t)
	if err != nil {
		return core.MailboxStats{}, nil, err
	}
	lines := Classify(src.Calendar(), today, msgs)
	return ComputeStats(f, t, today, lines), lines, nil
}
