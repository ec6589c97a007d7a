package sqlite_test

import (
	"database/sql"
	"encoding/csv"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"testing"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/mailbox"
	"policydesk/internal/sqlite"
	"policydesk/internal/testutil"
)

// benchTexts returns message texts: the public 问政 corpus when present, generated sentences otherwise.
func benchTexts(tb testing.TB) [][2]string {
	tb.Helper()
	dir := os.Getenv("POLICYDESK_CORPUS")
	if dir == "" {
		dir = filepath.Join(testutil.RepoRoot(tb), "..", "shared", "corpus")
	}
	if f, err := os.Open(filepath.Join(dir, "mailbox", "train.csv")); err == nil {
		defer f.Close()
		if records, err := csv.NewReader(f).ReadAll(); err == nil && len(records) > 100 {
			out := make([][2]string, 0, len(records)-1)
			for _, r := range records[1:] {
				out = append(out, [2]string{r[0], r[1]})
			}
			return out
		}
	}
	places := []string{"滨江街道", "城西村", "望江苑小区", "东湖新区", "老城区", "高新区"}
	issues := []string{"不动产登记办理太慢", "有人在耕地上违建厂房", "城市更新补偿标准不清楚", "征地补偿款没有到位",
		"规划调整没有公示", "小区停车位规划不合理"}
	var out [][2]string
	for i := 0; i < 2000; i++ {
		p, s := places[i%len(places)], issues[(i/len(places))%len(issues)]
		out = append(out, [2]string{p + s, fmt.Sprintf("我是%s的居民，%s，希望有关部门尽快处理并给予答复。第%d号留言。", p, s, i)})
	}
	return out
}

// seedMessages writes n messages over the past year straight into the tables, as the store would,
// in transactions of 20,000: states, sections, types and due dates spread like a busy office's.
func seedMessages(b testing.TB, f *mailboxFixture, n int) {
	b.Helper()
	texts := benchTexts(b)
	cal := calendar.New(calendar.Builtin())
	rng := rand.New(rand.NewSource(1))
	sections := []int64{f.sections["综合组"], f.sections["确权登记组"], f.sections["执法监察支队"]}
	topics := []int64{f.topics["不动产登记"], f.topics["违法用地举报"], f.topics["其他"]}
	var (
		tx       *sql.Tx
		ins, fts *sql.Stmt
	)
	// Committed in chunks, as an office's messages arrive: one transaction of a million rows would make
	// PostgreSQL's triggers walk every earlier version of the rows they update.
	const chunk = 20_000
	begin := func() {
		var err error
		if tx, err = f.db.SQL().Begin(); err != nil {
			b.Fatal(err)
		}
		ins, err = tx.Prepare(f.db.SQL().Rebind(`INSERT INTO messages (channel, received_at, received_date, sender_name, subject, body, msg_type, state,
		topic_id, topic_score, section_id, due_date, replied_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		RETURNING id`))
		if err != nil {
			b.Fatal(err)
		}
		ftsInsert := `INSERT INTO messages_fts (rowid, grams) VALUES (?, ?)`
		if onPostgres() { // with the terms its index holds, computed here rather than by the table's trigger
			ftsInsert = `INSERT INTO messages_fts (rowid, grams, terms) VALUES (?, ?, ?)`
		}
		if fts, err = tx.Prepare(f.db.SQL().Rebind(ftsInsert)); err != nil {
			b.Fatal(err)
		}
	}
	commit := func() {
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	if onPostgres() {
		// PostgreSQL's per-row triggers (the counts by state, the change feed) would update one row thousands
		// of times in a transaction; the seed counts once at the end instead, as the move from SQLite does.
		// The text index is built once the rows are in, as CREATE INDEX does in one sorted pass.
		var indexDef string
		if err := f.db.SQL().QueryRow(`SELECT indexdef FROM pg_indexes WHERE indexname = 'messages_fts_terms'`).Scan(&indexDef); err != nil {
			b.Fatal(err)
		}
		mustExec(b, f.db, `DROP INDEX messages_fts_terms`)
		mustExec(b, f.db, `ALTER TABLE messages DISABLE TRIGGER USER`)
		defer func() {
			began := time.Now()
			mustExec(b, f.db, indexDef)
			b.Logf("text index built in %v", time.Since(began).Round(time.Millisecond))
			mustExec(b, f.db, `ALTER TABLE messages ENABLE TRIGGER USER`)
			mustExec(b, f.db, `DELETE FROM message_state_counts`)
			mustExec(b, f.db, `INSERT INTO message_state_counts (state, n) SELECT state, count(*) FROM messages GROUP BY state`)
			mustExec(b, f.db, `VACUUM ANALYZE`) // as autovacuum would after a bulk load: visibility map set, statistics fresh
		}()
	}
	start := now.AddDate(-1, 0, 0)
	for i := 0; i < n; i++ {
		if i%chunk == 0 {
			if i > 0 {
				commit()
			}
			begin()
		}
		t := texts[i%len(texts)]
		received := start.Add(time.Duration(rng.Int63n(int64(365 * 24 * time.Hour))))
		due := cal.AddWorkdays(calendar.Day(received), 3)
		state := core.MessageStates[rng.Intn(len(core.MessageStates))]
		var section, topic any
		if state != core.MsgPending {
			k := rng.Intn(len(sections))
			section, topic = sections[k], topics[k]
		}
		var replied any
		if !mailbox.IsOpen(state) {
			replied = received.Add(time.Duration(rng.Intn(96)) * time.Hour).Format(sqliteTime)
		}
		var id int64
		err := ins.QueryRow(channels[i%len(channels)], received.Format(sqliteTime), calendar.FormatDate(received), fmt.Sprintf("市民%d", i),
			t[0], t[1], core.MessageTypes[rng.Intn(len(core.MessageTypes))], state, topic, 0.8, section, calendar.FormatDate(due),
			replied, received.Format(sqliteTime), received.Format(sqliteTime)).Scan(&id)
		if err != nil {
			b.Fatal(err)
		}
		grams := sqlite.IndexGrams(t[0] + "\n" + t[1])
		args := []any{id, grams}
		if onPostgres() {
			args = append(args, sqlite.IndexTerms(grams))
		}
		if _, err := fts.Exec(args...); err != nil {
			b.Fatal(err)
		}
	}
	if tx != nil {
		commit()
	}
	// the planner's statistics as the program keeps them (PostgreSQL: as autovacuum would after a bulk load)
	if onPostgres() {
		mustExec(b, f.db, `ANALYZE`)
	} else if err := f.db.Optimize(f.ctx); err != nil {
		b.Fatal(err)
	}
}

func mustExec(tb testing.TB, db *sqlite.DB, query string) {
	tb.Helper()
	if _, err := db.SQL().Exec(query); err != nil {
		tb.Fatal(err)
	}
}

const sqliteTime = "2006-01-02T15:04:05-07:00"

var channels = core.MessageChannels

func inboxFixture100k(b *testing.B) *mailboxFixture { return inboxFixture(b, 100_000) }

// inboxFixture seeds an inbox of n messages.
func inboxFixture(b *testing.B, n int) *mailboxFixture {
	b.Helper()
	f := newMailboxFixture(b)
	began := time.Now()
	seedMessages(b, f, n)
	b.Logf("seeded %d messages in %v", n, time.Since(began).Round(time.Millisecond))
	return f
}

// benchFilters measures each filter as its own sub-benchmark, so a slow one cannot hide in an average.
// Each call counts the messages per state as well as reading the page, as the inbox asks for both at once.
// The parent seeds once: a benchmark that calls b.Run is itself run only once.
func benchFilters(b *testing.B, f *mailboxFixture, filters map[string]core.MessageFilter) {
	for name, filter := range filters {
		b.Run(name, func(b *testing.B) {
			before := processCPU(b)
			for i := 0; i < b.N; i++ {
				if _, err := f.store.Messages(f.ctx, filter); err != nil {
					b.Fatal(err)
				}
			}
			// CPU time, unlike ns/op, does not grow with what else a shared machine runs.
			b.ReportMetric(float64((processCPU(b)-before).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}

// BenchmarkInboxList100k pages through a 100,000-message inbox with the filters staff use most. Each call
// also counts the messages of every state for the state tabs, as the inbox page asks.
func BenchmarkInboxList100k(b *testing.B) {
	f := inboxFixture100k(b)
	benchFilters(b, f, listFilters(f))
}

// BenchmarkInboxSearch100k searches the text of a 100,000-message inbox, alone and with filters.
func BenchmarkInboxSearch100k(b *testing.B) {
	f := inboxFixture100k(b)
	benchFilters(b, f, searchFilters(f))
}

// BenchmarkInbox1M lists and searches a city-scale inbox of 1,000,000 messages (a 12345 hotline's years):
// the same lists and searches as the 100k benchmarks. Seeding takes minutes; run it on purpose:
// go test ./internal/sqlite -run '^$' -bench Inbox1M -benchtime 3x -timeout 60m
func BenchmarkInbox1M(b *testing.B) {
	f := inboxFixture(b, 1_000_000)
	filters := listFilters(f)
	for name, filter := range searchFilters(f) {
		filters["search_"+name] = filter
	}
	benchFilters(b, f, filters)
}

// listFilters are the inbox lists staff use most.
func listFilters(f *mailboxFixture) map[string]core.MessageFilter {
	section := f.sections["确权登记组"]
	return map[string]core.MessageFilter{
		"all":                        {}, // the default order: overdue first
		"newest_first":               {Sort: core.SortReceivedDesc},
		"state":                      {State: core.MsgHandling},
		"section":                    {SectionID: section},
		"section_by_due":             {SectionID: section, Sort: core.SortDueAsc},
		"state_section_by_due":       {State: core.MsgHandling, SectionID: section, Sort: core.SortDueAsc},
		"state_section_by_due_pg_50": {State: core.MsgHandling, SectionID: section, Sort: core.SortDueAsc, Page: 50},
		"overdue":                    {Due: core.DueOverdue},
		"type_and_state":             {Type: "投诉", State: core.MsgPending},
		"page_200":                   {Page: 200},
		"month":                      {From: "2026-06-01", To: "2026-06-30", Sort: core.SortReceivedAsc},
	}
}

// searchFilters are text searches, alone and with filters.
func searchFilters(f *mailboxFixture) map[string]core.MessageFilter {
	return map[string]core.MessageFilter{
		"one_character":              {Text: "房"},
		"one_character_in_most":      {Text: "的"},
		"one_letter":                 {Text: "a"},
		"one_character_state_by_due": {Text: "房", State: core.MsgHandling, SectionID: f.sections["确权登记组"], Sort: core.SortDueAsc},
		"two_characters":             {Text: "小区"},
		"two_characters_in_most":     {Text: "我们"},
		"term":                       {Text: "不动产"},
		"long":                       {Text: "切实为群众减轻负担"},
		"two_words":                  {Text: "物业 停车"},
		"word_and_state":             {Text: "违建", State: core.MsgHandling},
		"word_by_due":                {Text: "补偿款", Sort: core.SortDueAsc},
		"no_hits":                    {Text: "量子纠缠"},
		"one_character_no_hits":      {Text: "鑫"},
	}
}

// BenchmarkImport10k imports a 10,000-row CSV export, matching each message on arrival.
func BenchmarkImport10k(b *testing.B) {
	benchImport(b, importCSV10k(b), nil)
}

// BenchmarkInboxSearchAfterWrite100k edits a message and then searches, as a busy server does: every search
// meets a write it has not seen (the counts cache cannot answer; the kept search follows the one change).
func BenchmarkInboxSearchAfterWrite100k(b *testing.B) {
	f := inboxFixture100k(b)
	page, err := f.store.Messages(f.ctx, core.MessageFilter{Text: "不动产", PageSize: 1})
	if err != nil || len(page.Items) == 0 {
		b.Fatalf("no message to edit: %v", err)
	}
	d, err := f.store.Message(f.ctx, page.Items[0].ID)
	if err != nil {
		b.Fatal(err)
	}
	m := d.Message
	for _, text := range []string{"不动产", "物业 停车", "违建"} {
		b.Run(text, func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				saved, err := f.store.UpdateMessage(f.ctx, core.MessageEdit{ID: m.ID, Type: m.Type, Subject: fmt.Sprintf("不动产登记咨询%d", i), Body: m.Body, Version: m.Version})
				if err != nil {
					b.Fatal(err)
				}
				m = saved
				if _, err := f.store.Messages(f.ctx, core.MessageFilter{Text: text, Page: 1 + i%5, PageSize: 20}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAnsweredKey100k reads the key of the answered messages, asked each time a message is opened to
// know whether the similar-replies index is current.
func BenchmarkAnsweredKey100k(b *testing.B) {
	f := inboxFixture100k(b)
	b.Run("key", func(b *testing.B) { // the parent, which seeds, runs once
		for i := 0; i < b.N; i++ {
			if _, err := f.store.AnsweredKey(f.ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}
