package sqlite_test

import (
	"fmt"
	"io/fs"
	"maps"
	"math/rand"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"policydesk/internal/core"
	"policydesk/internal/mailbox"
	"policydesk/internal/rules"
	"policydesk/internal/seal"
	"policydesk/internal/sqlite"
)

// searchPieces are the fragments the search fixture's messages are built from: Han phrases, Latin words in
// both cases, digits, full-width letters, mixed runs such as 3号楼, and punctuation between them.
var searchPieces = []string{
	"不动产登记", "小区停车位规划不合理", "有人在耕地上违建厂房", "征地补偿款没有到位", "房", "望江苑", "3号楼", "302室",
	"WiFi信号差", "5G基站", "ABC-123", "ｗｉｆｉ", "ＡＢＣ小区", "email: li.ming@example.com", "PM2.5超标", "Hello",
	"滨江街道", "城西村", "，", "。", "、", "（一）", " ", "\n", "2026年", "办证", "证书", "的", "地块", "c", "Ü-Bahn",
}

type searchDoc struct {
	id            int64
	subject, body string
	state         string
	late          bool // due long ago: overdue while open
}

// seedSearchFixture registers n messages of random pieces through the store, as staff would, spreads them
// over the states, and makes about half of them due long ago.
func seedSearchFixture(t *testing.T, f *mailboxFixture, n int) []searchDoc {
	t.Helper()
	rng := rand.New(rand.NewSource(7))
	text := func(parts int) string {
		var b strings.Builder
		for i := 0; i < parts; i++ {
			b.WriteString(searchPieces[rng.Intn(len(searchPieces))])
		}
		return b.String()
	}
	docs := make([]searchDoc, 0, n)
	for i := 0; i < n; i++ {
		d := searchDoc{subject: text(1 + rng.Intn(3)), body: text(3 + rng.Intn(8)), state: core.MessageStates[rng.Intn(len(core.MessageStates))]}
		if strings.TrimSpace(d.body) == "" {
			d.body = "无内容"
		}
		d.id = f.create(t, core.MessageInput{Channel: "网站", SenderName: "王小明", Subject: d.subject, Body: d.body}).ID
		d.late = rng.Intn(2) == 0
		due := "2099-01-01"
		if d.late {
			due = "2000-01-05"
		}
		if _, err := f.db.SQL().Exec(`UPDATE messages SET state = ?, due_date = ? WHERE id = ?`, d.state, due, d.id); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// commonCharacter is a character most messages of the fixture hold, but not all: a search for it goes
// through the messages it does not match.
func commonCharacter(t *testing.T, docs []searchDoc) string {
	t.Helper()
	seen := map[string]int{}
	for _, d := range docs {
		chars := map[string]bool{}
		for _, r := range strings.ToLower(d.subject + "\n" + d.body) {
			if unicode.IsLetter(r) {
				chars[string(r)] = true
			}
		}
		for c := range chars {
			seen[c]++
		}
	}
	best := ""
	for c, n := range seen {
		if n*2 > len(docs) && n < len(docs) && (best == "" || n > seen[best] || (n == seen[best] && c < best)) {
			best = c
		}
	}
	if best == "" {
		t.Fatal("no character is in most but not all messages of the fixture")
	}
	return best
}

// bruteForce is what a search must find: the messages whose subject or body holds every run of letters and
// digits of the query, ignoring case.
func bruteForce(docs []searchDoc, query string) []int64 {
	parts := strings.FieldsFunc(strings.ToLower(query), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
	ids := []int64{}
	for _, d := range docs {
		text := strings.ToLower(d.subject + "\n" + d.body)
		if !slices.ContainsFunc(parts, func(p string) bool { return !strings.Contains(text, p) }) {
			ids = append(ids, d.id)
		}
	}
	return ids
}

// sampleQueries picks substrings of the fixture's runs of every length from one to six characters, so the
// queries that must hit are not only the ones chosen by hand.
func sampleQueries(docs []searchDoc, n int) []string {
	rng := rand.New(rand.NewSource(11))
	var out []string
	for len(out) < n {
		d := docs[rng.Intn(len(docs))]
		runs := strings.FieldsFunc(d.subject+" "+d.body, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if len(runs) == 0 {
			continue
		}
		rs := []rune(runs[rng.Intn(len(runs))])
		size := min(1+len(out)%6, len(rs))
		start := rng.Intn(len(rs) - size + 1)
		out = append(out, string(rs[start:start+size]))
	}
	return out
}

func searchIDs(t *testing.T, f *mailboxFixture, filter core.MessageFilter) core.MessagePage {
	t.Helper()
	filter.PageSize = 200
	page, err := f.store.Messages(f.ctx, filter)
	if err != nil {
		t.Fatalf("Messages(%+v): %v", filter, err)
	}
	return page
}

func pageIDs(p core.MessagePage) []int64 {
	ids := make([]int64, 0, len(p.Items))
	for _, it := range p.Items {
		ids = append(ids, it.ID)
	}
	slices.Sort(ids)
	return ids
}

// TestInboxSearchFindsExactlyTheSubstrings compares every search with a brute-force scan of the fixture:
// one-, two- and longer Han and Latin queries, mixed runs, other cases and widths, several words, no hits.
func TestInboxSearchFindsExactlyTheSubstrings(t *testing.T) {
	f := newMailboxFixture(t)
	docs := seedSearchFixture(t, f, 160)
	queries := []string{
		"房", "的", "证", "c", "C", "5", "ü", "ｗ", // one character
		"办证", "wi", "WI", "23", "号楼", "g基", // two
		"不动产", "wifi", "WiFi信号", "3号楼", "abc-123", "pm2.5", "example.com", "Ü-Bahn", "ｗｉｆｉ", "ａｂｃ小区", // longer
		"证书 房", "小区 hello", // several words
		"楼3号", "fiw", "证房", "xyz", "号楼3", "ifi信号差5", // no hits, some made of words that do occur
	}
	queries = append(queries, commonCharacter(t, docs))
	queries = append(queries, sampleQueries(docs, 120)...)
	// A large inbox tests rows against the matches, or for a search matching most messages against the ones
	// it misses; with no lookups allowed the small fixture goes those ways too. PostgreSQL looks the sparse
	// matches of a kept search up by id (listedMatches) unless that is turned off too.
	for _, limits := range []struct{ few, listed int }{{-1, -1}, {0, -1}, {0, 0}} {
		if limits.few >= 0 {
			defer sqlite.SetFewMatches(limits.few)()
		}
		if limits.listed >= 0 {
			defer sqlite.SetListedMatches(limits.listed, 400)()
		}
		// a store of its own, so that the counts are not the ones kept by the previous limits
		f.store = sqlite.NewMailboxStore(f.db, loadedCalendar(t, f.db).Calendar, seal.KeyFile{Path: filepath.Join(f.db.DataDir, seal.SecretKeyFile)}, nil)
		for _, q := range queries {
			want := bruteForce(docs, q)
			slices.Sort(want)
			page := searchIDs(t, f, core.MessageFilter{Text: q})
			if got := pageIDs(page); !slices.Equal(got, want) || page.Total != len(want) {
				t.Errorf("limits %+v: search %q found %d (total %d) %v, want %d %v", limits, q, len(got), page.Total, got, len(want), want)
			}
			// the tabs: matches per state, and of them the overdue ones (counted in the same pass)
			counts, overdue := stateTally(docs, want)
			if !maps.Equal(page.StateCounts, counts) || !maps.Equal(page.OverdueCounts, overdue) {
				t.Errorf("limits %+v: search %q counted %v, overdue %v; want %v, overdue %v", limits, q, page.StateCounts, page.OverdueCounts, counts, overdue)
			}
		}
	}
	if len(bruteForce(docs, "房")) == 0 || len(bruteForce(docs, "wifi")) == 0 || len(bruteForce(docs, "xyz")) != 0 {
		t.Fatal("the fixture lacks the texts the queries are about")
	}
}

// stateTally is what the tabs show for the messages ids: how many there are of each state, and how many of
// each are overdue (open, due long ago); every state is present in each.
func stateTally(docs []searchDoc, ids []int64) (counts, overdue map[string]int) {
	counts, overdue = map[string]int{}, map[string]int{}
	for _, st := range core.MessageStates {
		counts[st], overdue[st] = 0, 0
	}
	for _, d := range docs {
		if !slices.Contains(ids, d.id) {
			continue
		}
		counts[d.state]++
		if d.late && mailbox.IsOpen(d.state) {
			overdue[d.state]++
		}
	}
	return counts, overdue
}

// TestInboxSearchPlans checks how a search's matches are used, by their number: a few are looked up by id;
// more, but not most messages, are tested against the text index while an index of the order is walked (a
// page stops when full), except on PostgreSQL when they are sparse (listedMatches, listedFactor): those are
// looked up by id too; a search matching most messages is tested against the ones it misses.
func TestInboxSearchPlans(t *testing.T) {
	f := newMailboxFixture(t)
	docs := seedSearchFixture(t, f, 160)
	common := commonCharacter(t, docs)
	// With factor 1, a search is sparse up to √160 ≈ 12 matches.
	defer sqlite.SetListedMatches(10_000, 1)()
	var sparse, mid string
	for _, q := range sampleQueries(docs, 200) {
		switch n := len(bruteForce(docs, q)); {
		case n > 0 && n*n <= len(docs) && sparse == "":
			sparse = q
		case n*n > len(docs) && n <= len(docs)/2 && mid == "":
			mid = q
		}
	}
	if sparse == "" || mid == "" || len(bruteForce(docs, common)) <= len(docs)/2 {
		t.Fatalf("the fixture lacks searches matching a few (%q), some (%q) or most messages", sparse, mid)
	}
	plan := func(text string) string {
		t.Helper()
		ids, index, except, err := sqlite.SearchPlan(f.store, text)
		if err != nil {
			t.Fatal(err)
		}
		return map[[3]bool]string{{true, false, false}: "ids", {false, true, false}: "index", {false, false, true}: "except"}[[3]bool{ids, index, except}]
	}
	for _, q := range []string{sparse, mid} {
		searchIDs(t, f, core.MessageFilter{Text: q}) // kept from now on
		if got := plan(q); got != "ids" {
			t.Errorf("%q with few matches: plan %s, want ids", q, got)
		}
	}
	defer sqlite.SetFewMatches(0)()
	wantSparse := "index"
	if onPostgres() {
		wantSparse = "ids"
	}
	if got := plan(sparse); got != wantSparse {
		t.Errorf("%q with sparse matches: plan %s, want %s", sparse, got, wantSparse)
	}
	if got := plan(mid); got != "index" {
		t.Errorf("%q with more matches: plan %s, want index", mid, got)
	}
	if got := plan(common); got != "except" {
		t.Errorf("%q matching most messages: plan %s, want except", common, got)
	}
	defer sqlite.SetListedMatches(0, 1)()
	if got := plan(sparse); got != "index" {
		t.Errorf("%q with more matches than are listed: plan %s, want index", sparse, got)
	}
}

// TestInboxSearchFollowsEdits checks that an edited message is found by its new text and no longer by its old.
func TestInboxSearchFollowsEdits(t *testing.T) {
	f := newMailboxFixture(t)
	m := f.create(t, core.MessageInput{Channel: "网站", Subject: "路灯不亮", Body: "滨江路Q段路灯坏了"})
	if _, err := f.store.UpdateMessage(f.ctx, core.MessageEdit{ID: m.ID, Type: m.Type, Subject: "噪音扰民", Body: "工地夜间施工"}); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{"灯": 0, "q": 0, "路灯": 0, "噪": 1, "夜间施工": 1} {
		if got := searchIDs(t, f, core.MessageFilter{Text: q}).Total; got != want {
			t.Errorf("after the edit, %q finds %d, want %d", q, got, want)
		}
	}
}

// TestInboxStateCounts checks the per-state counts against the fixture: they follow every filter but the
// state, and the total is the chosen state's count, or their sum.
func TestInboxStateCounts(t *testing.T) {
	f := newMailboxFixture(t)
	docs := seedSearchFixture(t, f, 80)
	defer sqlite.SetFewMatches(0)() // test rows against the matches, or the misses of a search matching most
	common := commonCharacter(t, docs)
	for _, filter := range []core.MessageFilter{{}, {Text: "房"}, {Text: common}, {Text: common, State: core.MsgReplied},
		{Text: "wifi", State: core.MsgHandling}, {State: core.MsgReplied}, {Text: "xyz"}} {
		want := map[string]int{}
		for _, st := range core.MessageStates {
			want[st] = 0
		}
		hits := bruteForce(docs, filter.Text)
		for _, d := range docs {
			if slices.Contains(hits, d.id) {
				want[d.state]++
			}
		}
		page := searchIDs(t, f, filter)
		if fmt.Sprint(page.StateCounts) != fmt.Sprint(want) {
			t.Errorf("%+v: state counts %v, want %v", filter, page.StateCounts, want)
		}
		total := len(hits)
		if filter.State != "" {
			total = want[filter.State]
		}
		if page.Total != total || len(page.Items) != total {
			t.Errorf("%+v: total %d with %d rows, want %d", filter, page.Total, len(page.Items), total)
		}
	}
	// A filter is checked even when the search finds nothing.
	_, err := f.store.Messages(f.ctx, core.MessageFilter{Text: "xyz", Due: "someday"})
	mbMustCode(t, err, core.EINVALID)
}

// TestSearchIndexRebuiltByMigration opens a database written before 0006, whose index holds Latin words whole,
// and checks that the migration rebuilt it from the messages: substrings of words and single letters are found.
func TestSearchIndexRebuiltByMigration(t *testing.T) {
	before := fstest.MapFS{}
	names, err := fs.Glob(sqlite.EmbeddedMigrations(), "migrations/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		if filepath.Base(name) >= "0006" {
			continue
		}
		data, err := fs.ReadFile(sqlite.EmbeddedMigrations(), name)
		if err != nil {
			t.Fatal(err)
		}
		before[name] = &fstest.MapFile{Data: data}
	}
	path := filepath.Join(t.TempDir(), "old.db")
	old := sqlite.NewDB(path, rules.All())
	old.Clock, old.MigrationFS = core.NewFixedClock(now), before
	if err := old.Open(); err != nil {
		t.Fatal(err)
	}
	stamp := now.Format(sqliteTime)
	for i, text := range [][2]string{{"WiFi信号差", "希望尽快处理"}, {"噪音", "Hello World"}, {"", "不动产登记"}} {
		res, err := old.SQL().Exec(`INSERT INTO messages (channel, received_at, received_date, subject, body, due_date, created_at, updated_at)
			VALUES ('网站', ?, '2026-11-20', ?, ?, '2026-11-25', ?, ?)`, stamp, text[0], text[1], stamp, stamp)
		if err != nil {
			t.Fatal(err)
		}
		id, _ := res.LastInsertId()
		// The index as 0005 wrote it: Latin words whole, Han runs as bigrams and their last character.
		oldGrams := []string{"wifi 信号 号差 差 希望 望尽 尽快 快处 处理 理", "噪音 音 hello world", "不动 动产 产登 登记 记"}[i]
		if _, err := old.SQL().Exec(`INSERT INTO messages_fts (rowid, grams) VALUES (?, ?)`, id, oldGrams); err != nil {
			t.Fatal(err)
		}
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	db := sqlite.NewDB(path, rules.All())
	db.Clock = core.NewFixedClock(now)
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for q, want := range map[string]int{"fi": 1, "i": 1, "ell": 1, "o": 1, "wor": 1, "号": 1, "动产登": 1, "噪音": 1, "xyz": 0} {
		var n int
		if err := db.SQL().QueryRow(`SELECT COUNT(*) FROM messages_fts WHERE messages_fts MATCH ?`, sqlite.SearchQuery(q)).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != want {
			t.Errorf("after the migration, %q finds %d, want %d", q, n, want)
		}
	}
}

// The searches kept in memory answer exactly as SQL does while messages are created, edited into and out
// of a search and moved through the workflow: the same counts per state and the same pages, newest or oldest
// first. A filter on 2000-01-01 onwards matches every message but goes to SQL.
func TestKeptSearchesFollowTheWrites(t *testing.T) {
	f := newMailboxFixture(t)
	rng := rand.New(rand.NewSource(7))
	bodies := []string{"加装电梯补助怎么申请", "不动产登记需要哪些材料", "耕地上违建厂房", "加装电梯噪音扰民", "宅基地确权"}
	var ids []int64
	for i := 0; i < 60; i++ {
		f.at(t, fmt.Sprintf("2026-11-%02d %02d:%02d", 2+i%18, 8+i%9, i%60))
		ids = append(ids, f.create(t, core.MessageInput{Channel: "网站", SenderName: fmt.Sprintf("市民%d", i), Subject: fmt.Sprintf("留言%d", i), Body: bodies[rng.Intn(len(bodies))]}).ID)
	}
	f.at(t, "2026-11-20 10:00")
	compare := func(step string) {
		t.Helper()
		for _, text := range []string{"加装电梯", "登记", "电", "违建厂房", "没有的词"} {
			for _, state := range []string{"", core.MsgHandling, core.MsgPending} {
				for _, sort := range []string{core.SortReceivedDesc, core.SortReceivedAsc} {
					for _, pg := range []int{1, 2} {
						kept := core.MessageFilter{Text: text, State: state, Sort: sort, Page: pg, PageSize: 7}
						viaSQL := kept
						viaSQL.From = "2000-01-01"
						a, err := f.store.Messages(f.ctx, kept)
						if err != nil {
							t.Fatal(err)
						}
						b, err := f.store.Messages(f.ctx, viaSQL)
						if err != nil {
							t.Fatal(err)
						}
						if a.Total != b.Total || fmt.Sprint(a.StateCounts) != fmt.Sprint(b.StateCounts) || fmt.Sprint(orderedIDs(a)) != fmt.Sprint(orderedIDs(b)) {
							t.Fatalf("%s, %q state %q %s page %d:\nkept %d %v %v\nSQL  %d %v %v", step, text, state, sort, pg,
								a.Total, a.StateCounts, orderedIDs(a), b.Total, b.StateCounts, orderedIDs(b))
						}
					}
				}
			}
		}
	}
	compare("after the import")
	for i := 0; i < 40; i++ {
		id := ids[rng.Intn(len(ids))]
		d, err := f.store.Message(f.ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		m := d.Message
		switch i % 4 {
		case 0, 1: // edited into or out of a search
			if _, err := f.store.UpdateMessage(f.ctx, core.MessageEdit{ID: id, Type: m.Type, Subject: m.Subject, Body: bodies[rng.Intn(len(bodies))]}); err != nil {
				t.Fatal(err)
			}
		case 2: // moved on in the workflow
			if m.State == core.MsgPending || m.State == core.MsgHandling {
				if _, err := f.store.Reroute(f.ctx, core.RerouteInput{MessageID: id, TopicID: f.topics["不动产登记"], Reason: "属于登记"}); err != nil {
					t.Fatal(err)
				}
			}
		case 3: // a new message
			ids = append(ids, f.create(t, core.MessageInput{Channel: "电话", SenderName: fmt.Sprintf("来电人%d", i), Subject: fmt.Sprintf("新留言%d", i), Body: bodies[rng.Intn(len(bodies))]}).ID)
		}
		compare(fmt.Sprintf("after write %d", i))
	}
}

// orderedIDs are a page's ids in the page's order.
func orderedIDs(p core.MessagePage) []int64 {
	out := make([]int64, len(p.Items))
	for i, it := range p.Items {
		out[i] = it.ID
	}
	return out
}
