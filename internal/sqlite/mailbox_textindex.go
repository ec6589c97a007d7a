package sqlite

import (
	"context"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"policydesk/internal/core"
)

// The inbox's search results kept in memory. A search that filters on text alone (the search box with or
// without a state tab, sorted by arrival) is the inbox's most frequent costly question: counting its matches
// per state and paging them takes SQLite a pass over every match, tens of milliseconds on 100,000 messages,
// and any write used to throw the answer away. Here each search keeps its matches (state and arrival time)
// and follows the writes through message_changes (migration 0020): after a write only the changed messages
// are looked at again, so counts and pages come from memory. A reader too far behind the change log, or on an
// older snapshot than the kept result, falls back to SQL.

// matchedMessage is what a kept search needs of one match.
type matchedMessage struct {
	state    string
	received string
}

// textMatches is one search's matches as of change rev.
type textMatches struct {
	mu     sync.Mutex
	rev    int64
	era    int64 // the database's restore count when searched
	byID   map[int64]matchedMessage
	sorted []int64 // by received_at, then id, ascending; nil when it must be sorted again
	broad  bool    // matched more than maxKeptMatches when searched: left to SQL
	// count is how many messages a broad search matched as of change rev, which its plan (planSearch) asks
	// for next and need not count again.
	count int
	// gen names the set of matches: it changes (to a number no set had before) whenever a message joins or
	// leaves them, and stays while changes re-word matches that still match, or others that still do not.
	gen int64
	// list is idList's answer for the set listGen.
	list    string
	listGen int64
}

// matchGens numbers the kept searches' sets of matches (textMatches.gen).
var matchGens atomic.Int64

// maxTextSearches bounds the kept searches; the set starts afresh when full. maxKeptMatches bounds one
// search: a search matching more (a single common character) is left to SQL, which plans it differently.
// Together they keep the memory below some 100 MB however the inbox is searched.
const (
	maxTextSearches = 16
	maxKeptMatches  = 60_000
)

// textIndex holds the kept searches of a store.
type textIndex struct {
	mu       sync.Mutex
	searches map[string]*textMatches
}

// changeWindow is the span of message_changes this snapshot sees.
func changeWindow(ctx context.Context, tx *Tx) (first, last int64, err error) {
	err = tx.QueryRowContext(ctx, `SELECT COALESCE(MIN(rev), 0), COALESCE(MAX(rev), 0) FROM message_changes`).Scan(&first, &last)
	return first, last, err
}

// matches returns the search's matches as this snapshot sees them, locked; ok is false when they cannot be
// kept for it (the caller then asks SQL). Unlock the result when done.
func (ix *textIndex) matches(ctx context.Context, tx *Tx, query string) (*textMatches, bool, error) {
	era := tx.db.restores.Load()
	first, last, err := changeWindow(ctx, tx)
	if err != nil {
		return nil, false, err
	}
	ix.mu.Lock()
	if ix.searches == nil || len(ix.searches) >= maxTextSearches {
		ix.searches = map[string]*textMatches{}
	}
	tm, ok := ix.searches[query]
	if !ok {
		tm = &textMatches{rev: -1}
		ix.searches[query] = tm
	}
	ix.mu.Unlock()

	tm.mu.Lock()
	if tm.era != era {
		tm.rev, tm.era, tm.broad, tm.byID, tm.sorted = -1, era, false, nil, nil
	}
	switch {
	case tm.broad:
		tm.mu.Unlock()
		return nil, false, nil
	case tm.rev > last:
		// kept by a reader on a newer snapshot than this one
		tm.mu.Unlock()
		return nil, false, nil
	case tm.rev == last:
		return tm, true, nil
	case tm.rev < 0 || (first > 0 && tm.rev < first-1):
		// never searched, or further behind than the change log reaches
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM messages_fts WHERE messages_fts MATCH ?`, query).Scan(&n); err != nil {
			tm.mu.Unlock()
			return nil, false, err
		}
		if n > maxKeptMatches {
			tm.broad, tm.byID, tm.sorted, tm.count, tm.rev = true, nil, nil, n, last
			tm.mu.Unlock()
			return nil, false, nil
		}
		if err := tm.load(ctx, tx, query, last); err != nil {
			tm.rev = -1
			tm.mu.Unlock()
			return nil, false, err
		}
		return tm, true, nil
	}
	if err := tm.follow(ctx, tx, query, last); err != nil {
		tm.rev = -1
		tm.mu.Unlock()
		return nil, false, err
	}
	return tm, true, nil
}

// broadCount returns how many messages a search left to SQL matched in the snapshot whose change window ends
// at rev, when it was counted there.
func (ix *textIndex) broadCount(query string, era, rev int64) (int, bool) {
	ix.mu.Lock()
	tm := ix.searches[query]
	ix.mu.Unlock()
	if tm == nil {
		return 0, false
	}
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.count, tm.broad && tm.era == era && tm.rev == rev
}

const matchedCols = `SELECT f.rowid, m.state, m.received_at FROM messages_fts f JOIN messages m ON m.id = f.rowid WHERE messages_fts MATCH ?`

// load searches afresh.
func (tm *textMatches) load(ctx context.Context, tx *Tx, query string, rev int64) error {
	tm.byID, tm.sorted = map[int64]matchedMessage{}, nil
	if err := tm.add(ctx, tx, matchedCols, query); err != nil {
		return err
	}
	tm.rev, tm.gen = rev, matchGens.Add(1)
	return nil
}

// follow applies the changes after tm.rev: each changed message leaves the matches and comes back if it
// matches now, with its state now.
func (tm *textMatches) follow(ctx context.Context, tx *Tx, query string, rev int64) error {
	ids, err := queryAll(ctx, tx, scanValue[int64], `SELECT DISTINCT message_id FROM message_changes WHERE rev > ? AND rev <= ?`, tm.rev, rev)
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		tm.rev = rev
		return nil
	}
	changed := make([]string, len(ids))
	was := make(map[int64]bool, len(ids))
	for i, id := range ids {
		_, was[id] = tm.byID[id]
		delete(tm.byID, id)
		changed[i] = msgItoa(id)
	}
	tm.sorted = nil
	for len(changed) > 0 {
		n := min(len(changed), 500)
		if err := tm.add(ctx, tx, matchedCols+` AND f.rowid IN (`+strings.Join(changed[:n], ",")+`)`, query); err != nil {
			return err
		}
		changed = changed[n:]
	}
	for id, matched := range was {
		if _, ok := tm.byID[id]; ok != matched {
			tm.gen = matchGens.Add(1)
			break
		}
	}
	tm.rev = rev
	return nil
}

func (tm *textMatches) add(ctx context.Context, tx *Tx, q, query string) error {
	return queryEach(ctx, tx, func(sc scanner) error {
		var id int64
		var m matchedMessage
		if err := sc.Scan(&id, &m.state, &m.received); err != nil {
			return err
		}
		if i := slices.Index(core.MessageStates, m.state); i >= 0 {
			m.state = core.MessageStates[i] // one copy of each state's name, however many matches
		}
		tm.byID[id] = m
		return nil
	}, q, query)
}

// counts tallies the matches per state; every state is present.
func (tm *textMatches) counts() map[string]int {
	counts := make(map[string]int, len(core.MessageStates))
	for _, st := range core.MessageStates {
		counts[st] = 0
	}
	for _, m := range tm.byID {
		counts[m.state]++
	}
	return counts
}

// idList is the matches' ids as a JSON array, ascending.
func (tm *textMatches) idList() string {
	if tm.list != "" && tm.listGen == tm.gen {
		return tm.list
	}
	ids := make([]int64, 0, len(tm.byID))
	for id := range tm.byID {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var b strings.Builder
	b.Grow(len(ids)*7 + 2)
	b.WriteByte('[')
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(msgItoa(id))
	}
	b.WriteByte(']')
	tm.list, tm.listGen = b.String(), tm.gen
	return tm.list
}

// page returns the ids of one page of the matches in state ("" for all), newest first unless ascending.
func (tm *textMatches) page(state string, ascending bool, offset, limit int) []int64 {
	if tm.sorted == nil {
		tm.sorted = make([]int64, 0, len(tm.byID))
		for id := range tm.byID {
			tm.sorted = append(tm.sorted, id)
		}
		slices.SortFunc(tm.sorted, func(a, b int64) int {
			if c := strings.Compare(tm.byID[a].received, tm.byID[b].received); c != 0 {
				return c
			}
			return int(min(max(a-b, -1), 1))
		})
	}
	out := make([]int64, 0, limit)
	for i := range tm.sorted {
		id := tm.sorted[i]
		if !ascending {
			id = tm.sorted[len(tm.sorted)-1-i]
		}
		if state != "" && tm.byID[id].state != state {
			continue
		}
		if offset > 0 {
			offset--
			continue
		}
		if out = append(out, id); len(out) == limit {
			break
		}
	}
	return out
}

// textOnly reports whether a filter asks for text alone (a state tab aside) in arrival order: the searches
// kept in memory answer it.
func textOnly(f core.MessageFilter) bool {
	return f.Text != "" && f.SectionID == 0 && f.Type == "" && f.TopicID == 0 && f.Channel == "" && f.From == "" && f.To == "" &&
		f.Due == "" && (f.Sort == core.SortReceivedDesc || f.Sort == core.SortReceivedAsc)
}
