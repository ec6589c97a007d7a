package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"maps"
	"strconv"
	"strings"
	"sync"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"

	sqlitedriver "modernc.org/sqlite"
)

// search_grams(text) and index_grams(text) are SearchGrams and IndexGrams in SQL, so that a
// migration which changes the search index can refill it from the messages themselves (0006, 0008).
// Registered before any connection opens.
func init() {
	for name, grams := range map[string]func(string) string{"search_grams": SearchGrams, "index_grams": IndexGrams} {
		sqlitedriver.MustRegisterDeterministicScalarFunction(name, 1, func(_ *sqlitedriver.FunctionContext, args []driver.Value) (driver.Value, error) {
			switch v := args[0].(type) {
			case string:
				return grams(v), nil
			case []byte:
				return grams(string(v)), nil
			default:
				return "", nil
			}
		})
	}
}

func msgItoa(id int64) string { return strconv.FormatInt(id, 10) }

func msgFloat(f float64, prec int) string { return strconv.FormatFloat(f, 'f', prec, 64) }

// msgOpenStates is the SQL list of states whose clock runs.
const msgOpenStates = `('待分办', '办理中', '待审核')`

// msgOverdue is the SQL test of an overdue message, given today's date.
const msgOverdue = "m.state IN " + msgOpenStates + " AND m.stopped_since IS NULL AND m.due_date < ?"

const msgListCols = `m.id, COALESCE(m.external_id, ''), m.channel, m.received_at, m.sender_name, m.subject, substr(m.body, 1, 80),
	m.msg_type, m.state, COALESCE(m.topic_id, 0), COALESCE(t.name, ''), COALESCE(m.topic_score, 0),
	COALESCE(m.section_id, 0), COALESCE(sec.name, ''), COALESCE(a.name, ''), m.due_date, COALESCE(m.stopped_since, ''),
	COALESCE(m.replied_at, ''), m.remind_count`

// textSearch is how a filter's text search is put to the index.
type textSearch struct {
	query   string // the FTS query of the matches; "" when the filter has no text
	matches int    // how many messages match it
	// The counts of a search stay true while its set of matches does: gen names that set when the search is
	// kept in memory (mailbox_textindex.go), else feed is the change feed's revision the plan was made at.
	feed, gen int64
	// ids lists a kept search's matches (a JSON array) when they are few: they are looked up by id, and the
	// text index is not asked again.
	ids string
	// lead lists the matches as the rows to visit: SQLite looks each one up by id (in the narrow
	// messages_id_inbox index), so the work follows the number of matches, which suits a few of them.
	// Otherwise rows are only tested for being a match (the unary plus keeps SQLite from looking rows up
	// through the list): SQLite walks the index that suits the other filters and the sort, and a page stops
	// once it is full, so no query costs more than one pass over that index however many messages match.
	lead bool
	// except tests rows against the messages the search does NOT match (ExceptQuery): for a search
	// matching most messages, a single common character, that list is the short one to build. The index
	// lists them once, into misses (a JSON array of ids), for both the counts and the page.
	except bool
	misses string
	// missesOnly turns an except search around, to the messages it does not match: stateCounts counts them
	// and takes them from the counts without the search.
	missesOnly bool
}

// fewMatches is the most matches that are looked up one by one (lead) rather than tested while an index is
// walked: looking up and sorting a few thousand ids takes a few milliseconds, while a walk may cross most of
// an index before it meets a rare word's matches.
var fewMatches = 5000 // a variable so that tests can send small fixtures down the other paths

// listedMatches and listedFactor choose, on PostgreSQL, the kept searches whose matches are passed as their ids
// although more than fewMatches: at most listedMatches, and while matches² ≤ listedFactor × messages.
// PostgreSQL computes a text subquery from its GIN index again for every statement, and the walk of the order's
// index that tests rows against it crosses about messages/matches rows for each match a page shows; looking the
// ids up instead costs in proportion to the matches. Measured on 1,000,000 messages (pages of 50, default
// order), the walk took 177 ms for 鑫 (9,269 matches), 101 ms for 停车 (16,315) and 46 ms for 物业 (35,223); the
// ids took 36, 52 and 118 ms. The two meet near 20,000 matches there, near 6,000 on 100,000 messages, as the
// rule has it. SQLite reads its text index directly and keeps the subquery. Variables so that tests can send
// small fixtures down both paths.
var (
	listedMatches = maxKeptMatches
	listedFactor  = 400
)

// planSearch counts a text's matches in the index (which reads no message) and chooses how to use them. The
// plan depends on the messages' texts alone, so it is kept until the change feed moves (searchPlans).
func (s *MailboxStore) planSearch(ctx context.Context, tx *Tx, text string) (ts textSearch, err error) {
	ts.query = SearchQuery(text)
	if ts.query == "" {
		return ts, nil
	}
	// A search kept in memory knows its matches and names their set: when they are few (or, on PostgreSQL,
	// sparse: listedMatches), the plan is them, and when they are more but not most messages, rows are tested
	// against the index as they are walked.
	tm, ok, err := s.texts.matches(ctx, tx, ts.query)
	if err != nil {
		return ts, err
	}
	if ok {
		ts.matches, ts.gen = len(tm.byID), tm.gen
		ts.lead = ts.matches <= fewMatches
		if ts.lead || (tx.pg() && ts.matches <= listedMatches) { // kept until the set changes
			ts.ids = tm.idList()
		}
		tm.mu.Unlock()
		if ts.lead {
			return ts, nil
		}
		var all int
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(SUM(n), 0) FROM message_state_counts`).Scan(&all); err != nil {
			return ts, err
		}
		if ts.matches*ts.matches > listedFactor*all {
			ts.ids = ""
		}
		if ts.matches <= all/2 {
			return ts, nil
		}
		// most messages match: the plan lists those they miss, kept as of the change feed below
		ts.ids = ""
	}
	era := tx.db.restores.Load()
	_, rev, err := changeWindow(ctx, tx)
	if err != nil {
		return ts, err
	}
	ts.feed = rev
	if p, ok := s.plans.get(ts.query, era, rev); ok {
		ts.matches, ts.lead = p.matches, p.matches <= fewMatches
		if !ts.lead {
			ts.except, ts.misses = p.except, p.misses
		}
		return ts, nil
	}
	defer func() {
		if err == nil {
			s.plans.put(ts.query, plannedSearch{era: era, rev: rev, matches: ts.matches, except: ts.except, misses: ts.misses})
		}
	}()
	if n, ok := s.texts.broadCount(ts.query, era, rev); ok {
		ts.matches = n
	} else if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM messages_fts WHERE messages_fts MATCH ?`, ts.query).Scan(&ts.matches); err != nil {
		return ts, err
	}
	if ts.lead = ts.matches <= fewMatches; ts.lead {
		return ts, nil
	}
	var all int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM messages`).Scan(&all); err != nil {
		return ts, err
	}
	if ts.except = ts.matches > all/2; ts.except {
		ts.misses, err = missedIDs(ctx, tx, ts.query)
	}
	return ts, err
}

// plannedSearch is a text's search plan as of the change feed's revision rev (and the database's restore
// count era).
type plannedSearch struct {
	era, rev int64
	matches  int
	except   bool
	misses   string
}

// searchPlans keeps the plans of the texts searched lately: counting a frequent character's matches, and
// listing the messages it misses, are the larger part of such a search on PostgreSQL, and a page turn or a
// change of tab asks for the same text again. The change feed (message_changes) records every new, deleted or
// re-worded message whichever server process wrote it, so a plan of the same revision is still true.
type searchPlans struct {
	mu    sync.Mutex
	plans map[string]plannedSearch
}

// maxSearchPlans bounds the kept plans; the set starts afresh when full. A plan's misses list at most half the
// messages, so the set stays small beside the kept searches.
const maxSearchPlans = 32

func (sp *searchPlans) get(query string, era, rev int64) (plannedSearch, bool) {
	sp.mu.Lock()
	defer sp.mu.Unlock()
	p, ok := sp.plans[query]
	return p, ok && p.era == era && p.rev == rev
}

func (sp *searchPlans) put(query string, p plannedSearch) {
	sp.mu.Lock()
	defer sp.mu.Unlock()
	if sp.plans == nil || len(sp.plans) >= maxSearchPlans {
		sp.plans = map[string]plannedSearch{}
	}
	sp.plans[query] = p
}

// missedIDs lists, as a JSON array, the messages a search does not match.
func missedIDs(ctx context.Context, tx *Tx, query string) (string, error) {
	// FTS5 lists them from its index (ExceptQuery). PostgreSQL's GIN index lists the matches only, so the misses
	// are the messages without one: an anti-join of the ids with them (hashed: searchByIndex).
	stmt, arg := `SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?`, ExceptQuery(query)
	if tx.pg() {
		stmt, arg = `SELECT m.id FROM messages m WHERE NOT EXISTS (SELECT 1 FROM messages_fts WHERE rowid = m.id AND messages_fts MATCH ?)`, query
	}
	b := []byte{'['}
	err := queryEach(ctx, tx, func(sc scanner) error {
		id, err := scanValue[int64](sc)
		if err != nil {
			return err
		}
		if len(b) > 1 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
		return nil
	}, stmt, arg)
	if err != nil {
		return "", err
	}
	return string(append(b, ']')), nil
}

// searchByIndex keeps PostgreSQL's planner, for the rest of a transaction that searches text, on the text
// index: reading a message's terms from their TOAST table costs some 30 µs a row, which the planner does not
// see, and for a frequent character it would read every row's rather than the index's list of matches. Rows
// are read that way by a scan of the table (seqscan), and by a merge join, which walks the table in id order
// to meet the messages in id order and tests each row's terms: on 1,000,000 messages, listing the 76,000 that
// 的 misses took 27 s by a merge join and 0.6 s by hashing the index's matches; counting 我们's matches with
// their overdue part, 27 s and 0.7 s.
func searchByIndex(ctx context.Context, tx *Tx) error {
	if !tx.pg() {
		return nil
	}
	_, err := tx.ExecContext(ctx, `SET LOCAL enable_seqscan = off; SET LOCAL enable_mergejoin = off`)
	return err
}

// condition is the WHERE condition and argument that keep the search's matches.
func (ts textSearch) condition() (string, string) {
	const matches = "(SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?)"
	switch {
	case ts.ids != "":
		return "m.id IN (SELECT value FROM json_each(?))", ts.ids
	case ts.missesOnly:
		return "m.id IN (SELECT value FROM json_each(?))", ts.misses
	case ts.except:
		return "NOT +m.id IN (SELECT value FROM json_each(?))", ts.misses
	case ts.lead:
		return "m.id IN " + matches, ts.query
	}
	return "+m.id IN " + matches, ts.query
}

// inboxWhere builds the WHERE clause of a filter whose text search is planned in ts. today is the date "due"
// filters compare with.
func inboxWhere(f core.MessageFilter, cal *calendar.Calendar, today time.Time, ts textSearch) (string, []any, error) {
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
	if f.AssigneeID != 0 {
		add("m.assignee_id = ?", f.AssigneeID)
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
		add(msgOverdue, day)
	case core.DueToday:
		add("m.state IN "+msgOpenStates+" AND m.stopped_since IS NULL AND m.due_date = ?", day)
	case core.DueSoon:
		add("m.state IN "+msgOpenStates+" AND m.stopped_since IS NULL AND m.due_date > ? AND m.due_date <= ?",
			day, calendar.FormatDate(cal.AddWorkdays(today, 1)))
	default:
		return "", nil, fmt.Errorf("inbox: unchecked deadline filter %q", f.Due) // mailbox.CheckFilter refuses it
	}
	if ts.query != "" {
		add(ts.condition())
	}
	if len(where) == 0 {
		return "", nil, nil
	}
	return whereClause(where), args, nil
}

// urgencyRange restates a deadline filter on the default order's key (msgUrgency, which is the due date exactly
// for the messages the filter keeps), so that a page in that order is a range of its index rather than a sort
// of every overdue message. The counts leave it out: they read the filter's columns from an index that holds
// them, which a condition on the key would lead the planner away from.
func urgencyRange(f core.MessageFilter, cal *calendar.Calendar, today time.Time) (string, []any) {
	day := calendar.FormatDate(today)
	switch f.Due {
	case core.DueOverdue:
		return msgUrgency + " < ?", []any{day}
	case core.DueToday:
		return msgUrgency + " = ?", []any{day}
	case core.DueSoon:
		return msgUrgency + " > ? AND " + msgUrgency + " <= ?", []any{day, calendar.FormatDate(cal.AddWorkdays(today, 1))}
	}
	return "", nil
}

// msgUrgency is the due date of a message whose clock runs, and "~" (after every date) for the others: the
// default order's first key. Migration 0025 indexes the same expression, which SQLite uses only when the
// text matches, so the two change together.
const msgUrgency = `(CASE WHEN m.state IN ('待分办', '办理中', '待审核') AND m.stopped_since IS NULL THEN m.due_date ELSE '~' END)`

var inboxOrders = map[string]string{
	core.SortUrgent:       " ORDER BY " + msgUrgency + ", m.received_at DESC, m.id DESC",
	core.SortReceivedDesc: " ORDER BY m.received_at DESC, m.id DESC",
	core.SortReceivedAsc:  " ORDER BY m.received_at, m.id",
	core.SortDueAsc:       " ORDER BY m.due_date, m.received_at, m.id",
}

// inboxOrder is the filter's ORDER BY. Within a date range, the order of receipt begins with the day: the same
// order (received_date is received_at's date, migration 0033), read from the range's index instead of sorting
// the whole range by time.
func inboxOrder(f core.MessageFilter) string {
	if dateRanged(f) {
		switch f.Sort {
		case core.SortReceivedAsc:
			return " ORDER BY m.received_date, m.received_at, m.id"
		case core.SortReceivedDesc:
			return " ORDER BY m.received_date DESC, m.received_at DESC, m.id DESC"
		}
	}
	return inboxOrders[f.Sort]
}

// dateRanged reports whether f keeps a range of receipt dates.
func dateRanged(f core.MessageFilter) bool { return f.From != "" || f.To != "" }

// Messages lists one page of the inbox.
func (s *MailboxStore) Messages(ctx context.Context, f core.MessageFilter) (core.MessagePage, error) {
	f, err := s.db.rules.Mailbox.CheckFilter(f)
	if err != nil {
		return core.MessagePage{}, err
	}
	order := inboxOrder(f)
	cal, today := s.cal(), s.today()
	return inRead(ctx, s.db, func(tx *Tx) (core.MessagePage, error) {
		page := core.MessagePage{Page: f.Page, PageSize: f.PageSize, Items: []core.MessageListItem{}}
		if f.Text != "" {
			if err := searchByIndex(ctx, tx); err != nil {
				return page, err
			}
		}
		if done, err := s.keptSearchPage(ctx, tx, f, order, cal, today, &page); done || err != nil {
			return page, err
		}
		ts, err := s.planSearch(ctx, tx, f.Text)
		if err != nil {
			return page, err
		}
		counts, err := s.inboxCounts(ctx, tx, f, cal, today, ts)
		if err != nil {
			return page, err
		}
		page.StateCounts, page.OverdueCounts = counts.counts, counts.overdue
		page.Total = stateTotal(page.StateCounts, f.State)
		if (f.Page-1)*f.PageSize >= page.Total {
			return page, nil
		}
		// A page of a few messages looks its matches up even when the text alone matches many: the other filters
		// leave few, and walking an index for them could cross most of it.
		ts.lead = (page.Total <= fewMatches && !ts.except) || ts.ids != ""
		ids, args, err := pageIDs(f, cal, today, ts)
		if err != nil {
			return page, err
		}
		// Page the ids first, then read the rows: sorting a large match on its ids and sort keys alone keeps the
		// sort within the indexes instead of carrying every matching row's text through it.
		rows, err := tx.QueryContext(ctx, `SELECT `+msgListCols+` FROM (`+ids+`) page
			JOIN messages m ON m.id = page.id`+messageLookups+order, args...)
		if err != nil {
			return page, err
		}
		defer rows.Close()
		return page, s.scanListItems(rows, cal, today, &page)
	})
}

// pageIDs is the statement that reads the ids of the filter's page, in its order, and its arguments.
func pageIDs(f core.MessageFilter, cal *calendar.Calendar, today time.Time, ts textSearch) (string, []any, error) {
	cond, args, err := inboxWhere(f, cal, today, ts)
	if err != nil {
		return "", nil, err
	}
	if c, a := urgencyRange(f, cal, today); c != "" && f.Sort == core.SortUrgent {
		cond, args = cond+" AND "+c, append(args, a...) // a deadline filter: cond is not empty
	}
	return `SELECT m.id FROM messages m` + cond + inboxOrder(f) + ` LIMIT ? OFFSET ?`, append(args, f.PageSize, (f.Page-1)*f.PageSize), nil
}

// scanListItems reads the rows of an inbox page (msgListCols) into page, with each row's deadline badge.
func (s *MailboxStore) scanListItems(rows *sql.Rows, cal *calendar.Calendar, today time.Time, page *core.MessagePage) error {
	for rows.Next() {
		var it core.MessageListItem
		var stoppedSince, repliedAt string
		if err := rows.Scan(&it.ID, &it.ExternalID, &it.Channel, &it.ReceivedAt, &it.SenderName, &it.Subject, &it.Excerpt,
			&it.Type, &it.State, &it.TopicID, &it.TopicName, &it.TopicScore, &it.SectionID, &it.SectionName, &it.AssigneeName,
			&it.DueDate, &stoppedSince, &repliedAt, &it.Reminders); err != nil {
			return err
		}
		m := core.Message{State: it.State, DueDate: it.DueDate, StoppedSince: stoppedSince, RepliedAt: repliedAt}
		msgBadge(s.db.rules.Mailbox, cal, &m, today)
		it.DueStatus, it.DueLabel, it.DueWorkdays = m.DueStatus, m.DueLabel, m.DueWorkdays
		page.Items = append(page.Items, it)
	}
	return rows.Err()
}

// keptSearchPage answers a text-only filter from the searches kept in memory (mailbox_textindex.go); done is
// false when it cannot, and the caller asks SQL.
func (s *MailboxStore) keptSearchPage(ctx context.Context, tx *Tx, f core.MessageFilter, order string, cal *calendar.Calendar, today time.Time,
	page *core.MessagePage) (bool, error) {
	if !textOnly(f) {
		return false, nil
	}
	query := SearchQuery(f.Text)
	if query == "" {
		return false, nil
	}
	tm, ok, err := s.texts.matches(ctx, tx, query)
	if err != nil || !ok {
		return false, err
	}
	page.StateCounts = tm.counts()
	ids := tm.page(f.State, f.Sort == core.SortReceivedAsc, (f.Page-1)*f.PageSize, f.PageSize)
	tm.mu.Unlock()
	ts, err := s.planSearch(ctx, tx, f.Text)
	if err != nil {
		return true, err
	}
	if page.OverdueCounts, err = s.overdueCounts(ctx, tx, f, cal, today, ts); err != nil {
		return true, err
	}
	page.Total = stateTotal(page.StateCounts, f.State)
	if len(ids) == 0 {
		return true, nil
	}
	list := make([]string, len(ids))
	for i, id := range ids {
		list[i] = msgItoa(id)
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+msgListCols+` FROM messages m`+messageLookups+` WHERE m.id IN (`+strings.Join(list, ",")+`)`+order)
	if err != nil {
		return true, err
	}
	defer rows.Close()
	return true, s.scanListItems(rows, cal, today, page)
}

// maxCachedCounts bounds the counts cache; it starts afresh when full.
const maxCachedCounts = 512

// tally is what the inbox's tabs show of a filter: its messages per state (the filter's state left out) and,
// per state, those of them overdue (已超期 N). Every state is present in each.
type tally struct {
	counts, overdue map[string]int
}

// inboxCounts is the page's tally, answered from memory while the inbox is as it was counted: many people
// paging through the same inbox share one count, which on 100,000 messages is the larger part of a page. The
// inbox revision (migration 0032) moves when a message comes, goes or changes in a column a filter reads,
// whichever server process wrote it; a search's counts also follow its set of matches (or, for a search not
// kept in memory, the change feed), and every count starts afresh after a restore. The counts and the overdue
// counts are kept apart (the overdue ones are the counts of the filter with the deadline filter 已超期); when
// neither is kept and the filter has no deadline filter, one pass over its messages counts both, which is what
// the first page after a write pays.
func (s *MailboxStore) inboxCounts(ctx context.Context, tx *Tx, f core.MessageFilter, cal *calendar.Calendar, today time.Time, ts textSearch) (tally, error) {
	return s.countTally(ctx, tx, f, cal, today, ts, true)
}

// countTally is inboxCounts; without counts it reads the overdue counts alone (a kept search has its counts
// in memory).
func (s *MailboxStore) countTally(ctx context.Context, tx *Tx, f core.MessageFilter, cal *calendar.Calendar, today time.Time, ts textSearch, counts bool) (tally, error) {
	// read before counting: a write committed in between makes the entry stale at once, never wrongly fresh
	at := countsAt{era: tx.db.restores.Load(), feed: ts.feed, gen: ts.gen}
	if err := tx.QueryRowContext(ctx, `SELECT rev FROM inbox_revision`).Scan(&at.rev); err != nil {
		return tally{}, err
	}
	f.State = ""
	late := f
	late.Due = core.DueOverdue
	key, lateKey := countsKey(f, cal, today), countsKey(late, cal, today)
	var t tally
	kept, lateKept := !counts, false
	s.countsMu.Lock()
	if c, ok := s.counts[key]; ok && c.at == at {
		t.counts, kept = maps.Clone(c.counts), true
	}
	if c, ok := s.counts[lateKey]; ok && c.at == at {
		t.overdue, lateKept = maps.Clone(c.counts), true
	}
	s.countsMu.Unlock()
	if !kept && !lateKept && f.Due == "" {
		return s.countOnce(ctx, key+"|both", at, func() (tally, error) {
			t, err := groupCounts(ctx, tx, f, cal, today, ts, true)
			if err == nil {
				s.keepCounts(key, at, t.counts)
				s.keepCounts(lateKey, at, t.overdue)
			}
			return t, err
		})
	}
	one := func(f core.MessageFilter, key string) (map[string]int, error) {
		c, err := s.countOnce(ctx, key, at, func() (tally, error) {
			t, err := groupCounts(ctx, tx, f, cal, today, ts, false)
			if err == nil {
				s.keepCounts(key, at, t.counts)
			}
			return t, err
		})
		return c.counts, err
	}
	var err error
	if !kept {
		if t.counts, err = one(f, key); err != nil {
			return t, err
		}
	}
	switch {
	case lateKept:
	case lateKey == key && t.counts != nil: // the filter is 已超期 itself
		t.overdue = maps.Clone(t.counts)
	default:
		t.overdue, err = one(late, lateKey)
	}
	return t, err
}

// countsKey names a filter's counts (its state left out) on the day today of calendar cal.
func countsKey(f core.MessageFilter, cal *calendar.Calendar, today time.Time) string {
	return fmt.Sprintf("%p|%s|%d|%d|%s|%d|%s|%s|%q|%s|%s", cal, calendar.FormatDate(today), f.SectionID, f.AssigneeID, f.Type, f.TopicID,
		f.Channel, f.Due, f.Text, f.From, f.To)
}

func (s *MailboxStore) keepCounts(key string, at countsAt, counts map[string]int) {
	s.countsMu.Lock()
	defer s.countsMu.Unlock()
	if s.counts == nil || len(s.counts) >= maxCachedCounts {
		s.counts = map[string]cachedCounts{}
	}
	s.counts[key] = cachedCounts{at: at, counts: counts}
}

// countOnce runs count, which reads the counts named key as of at from the database: people who open the same
// inbox at once (a morning, a server's start) share one count, since the same inbox revision and set of
// matches give the same counts in any snapshot. The tally returned is the caller's own copy.
func (s *MailboxStore) countOnce(ctx context.Context, key string, at countsAt, count func() (tally, error)) (tally, error) {
	read := func() (any, error) {
		s.countsRead.Add(1)
		return count()
	}
	v, err, _ := s.countsFlight.Do(fmt.Sprintf("%s|%d|%d|%d|%d", key, at.rev, at.feed, at.gen, at.era), read)
	if err != nil && ctx.Err() == nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
		v, err = read() // the request that counted was cancelled, this one was not
	}
	if err != nil {
		return tally{}, err
	}
	t := v.(tally)
	return tally{counts: maps.Clone(t.counts), overdue: maps.Clone(t.overdue)}, nil
}

// overdueCounts counts, per state, the overdue messages that pass the filter with its state and deadline
// filter left out (the tabs' 已超期 N); ts is the filter's planned text search.
func (s *MailboxStore) overdueCounts(ctx context.Context, tx *Tx, f core.MessageFilter, cal *calendar.Calendar, today time.Time, ts textSearch) (map[string]int, error) {
	f.Due = ""
	t, err := s.countTally(ctx, tx, f, cal, today, ts, false)
	return t.overdue, err
}

// groupCounts counts the messages of each state that pass the filter, and with overdue (for a filter without
// a deadline filter) those of them overdue as well, in the same pass. A search matching most messages (except)
// counts the messages it misses, a few thousand looked up by id, and takes them from the counts without the
// search, which beats testing every message against the list of misses.
func groupCounts(ctx context.Context, tx *Tx, f core.MessageFilter, cal *calendar.Calendar, today time.Time, ts textSearch, overdue bool) (tally, error) {
	if !ts.except {
		return groupCountsOf(ctx, tx, f, cal, today, ts, overdue)
	}
	t, err := groupCountsOf(ctx, tx, f, cal, today, textSearch{}, overdue)
	if err != nil {
		return t, err
	}
	ts.missesOnly = true
	missed, err := groupCountsOf(ctx, tx, f, cal, today, ts, overdue)
	if err != nil {
		return t, err
	}
	for st := range missed.counts {
		t.counts[st] -= missed.counts[st]
		if overdue {
			t.overdue[st] -= missed.overdue[st]
		}
	}
	return t, nil
}

// groupCountsOf is groupCounts for a search that is not turned around.
func groupCountsOf(ctx context.Context, tx *Tx, f core.MessageFilter, cal *calendar.Calendar, today time.Time, ts textSearch, overdue bool) (tally, error) {
	t := tally{counts: make(map[string]int, len(core.MessageStates))}
	if overdue {
		t.overdue = make(map[string]int, len(core.MessageStates))
	}
	for _, st := range core.MessageStates {
		t.counts[st] = 0
		if overdue {
			t.overdue[st] = 0
		}
	}
	cond, args, err := inboxWhere(f, cal, today, ts) // checks the filter even when the search finds nothing
	if err != nil || (ts.query != "" && ts.matches == 0) {
		return t, err
	}
	group := "m.state"
	if dateRanged(f) {
		// SQLite would rather walk a whole index in state order than sort a date range's rows by state; the
		// unary + leaves it the range's index (migration 0033). PostgreSQL plans without it (rebind).
		group = "+m.state"
	}
	switch {
	case cond == "":
		// the counts are kept by triggers (migration 0015); the overdue ones are a range of messages_state_due_open
		if err := queryMap(ctx, tx, t.counts, `SELECT state, n FROM message_state_counts WHERE n <> 0`); err != nil {
			return t, err
		}
		if overdue {
			late := f
			late.Due = core.DueOverdue
			c, err := groupCountsOf(ctx, tx, late, cal, today, ts, false)
			t.overdue = c.counts
			return t, err
		}
		return t, nil
	case overdue:
		// the indexes the filters walk (migration 0033) hold the columns of the overdue test
		q := `SELECT m.state, COUNT(*), SUM(CASE WHEN ` + msgOverdue + ` THEN 1 ELSE 0 END)
			FROM messages m` + cond + ` GROUP BY ` + group
		return t, queryEach(ctx, tx, func(sc scanner) error {
			var st string
			var n, late int
			if err := sc.Scan(&st, &n, &late); err != nil {
				return err
			}
			t.counts[st], t.overdue[st] = n, late
			return nil
		}, q, append([]any{calendar.FormatDate(today)}, args...)...)
	}
	return t, queryMap(ctx, tx, t.counts, `SELECT m.state, COUNT(*) FROM messages m`+cond+` GROUP BY `+group, args...)
}

// Deadlines lists, for the 工作台, open messages overdue, due today or within core.SoonWorkdays working days,
// and a reminder of how many messages wait in 待分办.
func (s *MailboxStore) Deadlines(ctx context.Context, now time.Time) ([]core.Deadline, error) {
	cal := s.cal()
	today := calendar.Day(now.In(core.Shanghai))
	soon := calendar.FormatDate(cal.AddWorkdays(today, core.SoonWorkdays))
	out := []core.Deadline{}
	err := queryEach(ctx, s.db.db, func(sc scanner) error {
		var id, personID, sectionID int64
		var reminders int
		var subject, body, state, dueDate, section string
		if err := sc.Scan(&id, &subject, &body, &state, &dueDate, &section, &personID, &sectionID, &reminders); err != nil {
			return err
		}
		due, err := calendar.ParseDate(dueDate)
		if err != nil {
			return err
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
		if reminders > 0 {
			detail += " · 已催办" + strconv.Itoa(reminders) + "次"
		}
		out = append(out, core.Deadline{Module: "局长信箱", Kind: "mailbox.reply", Title: "答复留言：" + title, Detail: detail,
			Due: dueDate, Status: c.Status, Label: c.Label, Workdays: msgSignedWorkdays(c), Link: fmt.Sprintf("/mailbox/%d", id),
			PersonID: personID, SectionID: sectionID})
		return nil
	}, `SELECT m.id, m.subject, m.body, m.state, m.due_date, COALESCE(sec.name, ''),
		COALESCE(m.assignee_id, 0), COALESCE(m.section_id, 0), m.remind_count
		FROM messages m LEFT JOIN sections sec ON sec.id = m.section_id
		WHERE m.state IN `+msgOpenStates+` AND m.stopped_since IS NULL AND m.due_date <= ?
		ORDER BY m.due_date, m.id LIMIT 200`, soon)
	if err != nil {
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

// stateTotal is how many messages a list of one state (or of every state, "") holds, from the per-state counts.
func stateTotal(counts map[string]int, state string) int {
	if state != "" {
		return counts[state]
	}
	total := 0
	for _, n := range counts {
		total += n
	}
	return total
}
