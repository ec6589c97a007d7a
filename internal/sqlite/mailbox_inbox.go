package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/mailbox"

	sqlitedriver "modernc.org/sqlite"
)

// search_grams(text) is mailbox.SearchGrams in SQL, so that a migration which changes the search index can
// refill it from the messages themselves (0006_inbox_search.sql). Registered before any connection opens.
func init() {
	sqlitedriver.MustRegisterDeterministicScalarFunction("search_grams", 1, func(_ *sqlitedriver.FunctionContext, args []driver.Value) (driver.Value, error) {
		switch v := args[0].(type) {
		case string:
			return mailbox.SearchGrams(v), nil
		case []byte:
			return mailbox.SearchGrams(string(v)), nil
		default:
			return "", nil
		}
	})
}

func msgItoa(id int64) string { return strconv.FormatInt(id, 10) }

func msgFloat(f float64, prec int) string { return strconv.FormatFloat(f, 'f', prec, 64) }

// msgOpenStates is the SQL list of states whose clock runs.
const msgOpenStates = `('待分办', '办理中', '待审核')`

const msgListCols = `m.id, COALESCE(m.external_id, ''), m.channel, m.received_at, m.sender_name, m.subject, substr(m.body, 1, 80),
	m.msg_type, m.state, COALESCE(m.topic_id, 0), COALESCE(t.name, ''), COALESCE(m.topic_score, 0),
	COALESCE(m.section_id, 0), COALESCE(sec.name, ''), COALESCE(a.name, ''), m.due_date, COALESCE(m.stopped_since, ''),
	COALESCE(m.replied_at, '')`

// How a WHERE clause uses the text search's matches.
const (
	// matchesLead lists the matches as the rows to visit: SQLite looks each one up by id (in the narrow
	// messages_id_inbox index), so the work follows the number of matches, which suits a few of them.
	matchesLead = "m.id IN"
	// matchesFilter only tests rows for being a match (the unary plus keeps SQLite from looking rows up
	// through it): SQLite walks the index that suits the other filters and the sort, and a page stops once it
	// is full. A page of a common word or a single character needs only the first few dozen index entries,
	// and no query costs more than one pass over that index, however many messages match.
	matchesFilter = "+m.id IN"
)

// fewMatches is the most matches that are looked up one by one (matchesLead) rather than tested while an
// index is walked (matchesFilter): looking up and sorting a few thousand ids takes a few milliseconds, while
// a walk may cross most of an index before it meets a rare word's matches.
const fewMatches = 5000

// inboxWhere builds the WHERE clause of a filter. today is the date "due" filters compare with; matches is
// matchesLead or matchesFilter.
func inboxWhere(f core.MessageFilter, cal *calendar.Calendar, today time.Time, matches string) (string, []any, error) {
	var where []string
	var args []any
	add := func(cond string, a ...any) {
		where = append(where, cond)
		args = append(args, a...)
	}
	if f.State != "" {
		add("m.state = ?", f.State)
	}
	if f.SectionID != 0 {
		add("m.section_id = ?", f.SectionID)
	}
	if f.Type != "" {
		add("m.msg_type = ?", f.Type)
	}
	if f.TopicID != 0 {
		add("m.topic_id = ?", f.TopicID)
	}
	if f.Channel != "" {
		add("m.channel = ?", f.Channel)
	}
	if f.From != "" {
		add("m.received_date >= ?", f.From)
	}
	if f.To != "" {
		add("m.received_date <= ?", f.To)
	}
	day := calendar.FormatDate(today)
	switch f.Due {
	case "":
	case core.DueOverdue:
		add("m.state IN "+msgOpenStates+" AND m.stopped_since IS NULL AND m.due_date < ?", day)
	case core.DueToday:
		add("m.state IN "+msgOpenStates+" AND m.stopped_since IS NULL AND m.due_date = ?", day)
	case core.DueSoon:
		add("m.state IN "+msgOpenStates+" AND m.stopped_since IS NULL AND m.due_date > ? AND m.due_date <= ?",
			day, calendar.FormatDate(cal.AddWorkdays(today, 1)))
	default:
		return "", nil, core.FieldErrorf(core.EINVALID, "due", "未知的期限筛选“%s”", f.Due)
	}
	if q := mailbox.SearchQuery(f.Text); q != "" {
		add(matches+" (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?)", q)
	}
	if len(where) == 0 {
		return "", nil, nil
	}
	return " WHERE " + strings.Join(where, " AND "), args, nil
}

var inboxOrders = map[string]string{
	core.SortReceivedDesc: " ORDER BY m.received_at DESC, m.id DESC",
	core.SortReceivedAsc:  " ORDER BY m.received_at, m.id",
	core.SortDueAsc:       " ORDER BY m.due_date, m.received_at, m.id",
}

// Messages lists one page of the inbox.
func (s *MailboxStore) Messages(ctx context.Context, f core.MessageFilter) (core.MessagePage, error) {
	if f.Sort == "" {
		f.Sort = core.SortReceivedDesc
	}
	order, ok := inboxOrders[f.Sort]
	if !ok {
		return core.MessagePage{}, core.FieldErrorf(core.EINVALID, "sort", "未知的排序方式“%s”", f.Sort)
	}
	if f.PageSize <= 0 {
		f.PageSize = 50
	}
	if f.PageSize > 200 {
		f.PageSize = 200
	}
	if f.Page < 1 {
		f.Page = 1
	}
	cal, today := s.cal(), s.today()
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return core.MessagePage{}, err
	}
	defer tx.Rollback()
	page := core.MessagePage{Page: f.Page, PageSize: f.PageSize, Items: []core.MessageListItem{}}
	if page.StateCounts, err = stateCounts(ctx, tx, f, cal, today); err != nil {
		return page, err
	}
	if f.State != "" {
		page.Total = page.StateCounts[f.State]
	} else {
		for _, n := range page.StateCounts {
			page.Total += n
		}
	}
	if (f.Page-1)*f.PageSize >= page.Total {
		return page, nil
	}
	matches := matchesFilter
	if page.Total <= fewMatches {
		matches = matchesLead
	}
	cond, args, err := inboxWhere(f, cal, today, matches)
	if err != nil {
		return page, err
	}
	// Page the ids first, then read the rows: sorting a large match on its ids and sort keys alone keeps the
	// sort within the indexes instead of carrying every matching row's text through it.
	rows, err := tx.QueryContext(ctx, `SELECT `+msgListCols+` FROM (SELECT m.id FROM messages m`+cond+order+` LIMIT ? OFFSET ?) page
		JOIN messages m ON m.id = page.id`+messageLookups+order, append(args, f.PageSize, (f.Page-1)*f.PageSize)...)
	if err != nil {
		return page, err
	}
	defer rows.Close()
	for rows.Next() {
		var it core.MessageListItem
		var stoppedSince, repliedAt string
		if err := rows.Scan(&it.ID, &it.ExternalID, &it.Channel, &it.ReceivedAt, &it.SenderName, &it.Subject, &it.Excerpt,
			&it.Type, &it.State, &it.TopicID, &it.TopicName, &it.TopicScore, &it.SectionID, &it.SectionName, &it.AssigneeName,
			&it.DueDate, &stoppedSince, &repliedAt); err != nil {
			return page, err
		}
		m := core.Message{State: it.State, DueDate: it.DueDate, StoppedSince: stoppedSince, RepliedAt: repliedAt}
		msgBadge(cal, &m, today)
		it.DueStatus, it.DueLabel, it.DueWorkdays = m.DueStatus, m.DueLabel, m.DueWorkdays
		page.Items = append(page.Items, it)
	}
	return page, rows.Err()
}

// stateCounts counts the messages of each state that pass the filter with its state left out: the inbox's
// state tabs show them, and the page's total is one of them (or their sum), so one grouped count serves both.
// Every state is present, with 0 when none matches.
func stateCounts(ctx context.Context, tx *Tx, f core.MessageFilter, cal *calendar.Calendar, today time.Time) (map[string]int, error) {
	counts := make(map[string]int, len(core.MessageStates))
	for _, st := range core.MessageStates {
		counts[st] = 0
	}
	f.State = ""
	// The search index counts its matches without reading them. None: there is nothing else to count.
	// Many (a single common character): testing each entry of a state-ordered index for being a match beats
	// looking every match up and sorting them by state.
	matches, n := matchesLead, -1
	if q := mailbox.SearchQuery(f.Text); q != "" {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM messages_fts WHERE messages_fts MATCH ?`, q).Scan(&n); err != nil {
			return nil, err
		}
		if n > fewMatches {
			matches = matchesFilter
		}
	}
	cond, args, err := inboxWhere(f, cal, today, matches)
	if err != nil || n == 0 {
		return counts, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT m.state, COUNT(*) FROM messages m`+cond+` GROUP BY m.state`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var st string
		var count int
		if err := rows.Scan(&st, &count); err != nil {
			return nil, err
		}
		counts[st] = count
	}
	return counts, rows.Err()
}

// Deadlines lists, for the 工作台, open messages due today, overdue or due within one working day, and a
// reminder of how many messages wait in 待分办.
func (s *MailboxStore) Deadlines(ctx context.Context, now time.Time) ([]core.Deadline, error) {
	cal := s.cal()
	today := calendar.Day(now.In(core.Shanghai))
	soon := calendar.FormatDate(cal.AddWorkdays(today, 1))
	rows, err := s.db.db.QueryContext(ctx, `SELECT m.id, m.subject, m.body, m.state, m.due_date, COALESCE(sec.name, '')
		FROM messages m LEFT JOIN sections sec ON sec.id = m.section_id
		WHERE m.state IN `+msgOpenStates+` AND m.stopped_since IS NULL AND m.due_date <= ?
		ORDER BY m.due_date, m.id LIMIT 200`, soon)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []core.Deadline{}
	for rows.Next() {
		var id int64
		var subject, body, state, dueDate, section string
		if err := rows.Scan(&id, &subject, &body, &state, &dueDate, &section); err != nil {
			return nil, err
		}
		due, err := calendar.ParseDate(dueDate)
		if err != nil {
			return nil, err
		}
		c := cal.Countdown(today, due)
		title := subject
		if title == "" {
			title = msgExcerpt(body, 20)
		}
		detail := state
		if section != "" {
			detail = section + " · " + state
		}
		out = append(out, core.Deadline{Module: "局长信箱", Kind: "mailbox.reply", Title: "答复留言：" + title, Detail: detail,
			Due: dueDate, Status: c.Status, Label: c.Label, Workdays: msgSignedWorkdays(c), Link: fmt.Sprintf("/mailbox/%d", id)})
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var pending int
	if err := s.db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM messages WHERE state = ?`, core.MsgPending).Scan(&pending); err != nil {
		return nil, err
	}
	if pending > 0 {
		out = append(out, core.Deadline{Module: "局长信箱", Kind: "mailbox.pending", Title: fmt.Sprintf("%d条留言待分办", pending),
			Detail: "未能自动分办的留言需人工指定承办科室", Due: calendar.FormatDate(today), Status: "warning", Label: "待分办",
			Link: "/mailbox?state=" + core.MsgPending})
	}
	return out, nil
}

func msgSignedWorkdays(c calendar.Countdown) int {
	if c.Status == calendar.StatusOverdue {
		return -c.Workdays
	}
	return c.Workdays
}
