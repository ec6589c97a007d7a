package main

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/datadir"
	"policydesk/internal/demo"
	"policydesk/internal/sqlite"
)

// seedInbox writes n messages over the past year straight into the tables (one transaction), as a busy office's.
func seedInbox(tb testing.TB, s *teamServer, n int) {
	tb.Helper()
	db := s.b.db.SQL()
	var topics, sections []int64
	rows, err := db.Query(`SELECT id, COALESCE(section_id, 0) FROM topics WHERE section_id IS NOT NULL`)
	if err != nil {
		tb.Fatal(err)
	}
	for rows.Next() {
		var t, sec int64
		rows.Scan(&t, &sec)
		topics, sections = append(topics, t), append(sections, sec)
	}
	rows.Close()
	places := []string{"滨江街道", "城东新区", "白沙镇", "青石村", "临江花园小区", "工业园区", "老城区", "湖畔社区"}
	issues := []string{"加装电梯补助怎么申请", "不动产登记需要多久", "违法占用耕地建房", "宅基地确权登记", "征地补偿标准",
		"规划许可公示在哪里看", "房产证遗失补办", "城中村改造进度"}
	cal := calendar.New(calendar.Builtin())
	rng := rand.New(rand.NewSource(1))
	if s.b.db.IsPostgres() {
		// PostgreSQL's per-row triggers (the counts by state, the change feed) would update one row thousands of
		// times in a transaction, and its text index is built fastest in one pass: both wait for the rows.
		var indexDef string
		if err := db.QueryRow(`SELECT indexdef FROM pg_indexes WHERE indexname = 'messages_fts_terms'`).Scan(&indexDef); err != nil {
			tb.Fatal(err)
		}
		for _, q := range []string{`DROP INDEX messages_fts_terms`, `ALTER TABLE messages DISABLE TRIGGER USER`} {
			if _, err := db.Exec(q); err != nil {
				tb.Fatal(err)
			}
		}
		defer func() {
			for _, q := range []string{indexDef, `ALTER TABLE messages ENABLE TRIGGER USER`, `DELETE FROM message_state_counts`,
				`INSERT INTO message_state_counts (state, n) SELECT state, count(*) FROM messages GROUP BY state`, `VACUUM ANALYZE`} {
				if _, err := db.Exec(q); err != nil {
					tb.Fatal(err)
				}
			}
		}()
	}
	start := time.Date(2025, 11, 20, 9, 0, 0, 0, core.Shanghai)
	const chunk = 20_000 // committed in chunks, as an office's messages arrive
	for first := 0; first < n; first += chunk {
		tx, err := db.Begin()
		if err != nil {
			tb.Fatal(err)
		}
		ins, _ := tx.Prepare(db.Rebind(`INSERT INTO messages (channel, received_at, received_date, sender_name, subject, body, msg_type, state,
			topic_id, topic_score, section_id, due_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`))
		fts, _ := tx.Prepare(db.Rebind(`INSERT INTO messages_fts (rowid, grams) VALUES (?, ?)`))
		if s.b.db.IsPostgres() { // with the terms its index holds, computed here rather than by the table's trigger
			fts, _ = tx.Prepare(db.Rebind(`INSERT INTO messages_fts (rowid, grams, terms) VALUES (?, ?, ?)`))
		}
		for i := first; i < min(first+chunk, n); i++ {
			p, is := places[i%len(places)], issues[(i/len(places))%len(issues)]
			subject, body := p+is, fmt.Sprintf("我是%s的居民，%s？希望有关部门尽快答复。第%d号留言。", p, is, i)
			received := start.Add(time.Duration(rng.Int63n(int64(365 * 24 * time.Hour))))
			k := rng.Intn(len(topics))
			stamp := received.Format(time.RFC3339)
			var id int64
			err := ins.QueryRow(core.MessageChannels[i%len(core.MessageChannels)], stamp, calendar.FormatDate(received),
				"市民"+strconv.Itoa(i), subject, body, core.MessageTypes[rng.Intn(len(core.MessageTypes))], core.MsgHandling,
				topics[k], 0.8, sections[k], calendar.FormatDate(cal.AddWorkdays(calendar.Day(received), 3)), stamp, stamp).Scan(&id)
			if err != nil {
				tb.Fatal(err)
			}
			grams := sqlite.IndexGrams(subject + "\n" + body)
			args := []any{id, grams}
			if s.b.db.IsPostgres() {
				args = append(args, sqlite.IndexTerms(grams))
			}
			if _, err := fts.Exec(args...); err != nil {
				tb.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			tb.Fatal(err)
		}
	}
	if _, err := db.Exec(`ANALYZE`); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkServeLoad: LOAD_USERS signed-in people (default 200) work for LOAD_SECONDS (default 60) on a server
// with 100,000 messages (LOAD_PG=postgres://… an empty database: on PostgreSQL, served by LOAD_SERVERS processes,
// default 1, each person signed in to one of them), over loopback HTTP: 60 % inbox list or search, 25 % open a message, 10 % save a message
// (each person edits their own, with its version), 5 % sign (the password confirmation of a signature), each person
// reading for 0.5–1.5 × LOAD_THINK_MS (default 2000) between actions. It reports the latency percentiles, errors
// and the process's RSS, and checks at the end that no write was lost or counted twice.
//
//	go test -run '^$' -bench BenchmarkServeLoad -benchtime 1x .
//	LOAD_PG=postgres://… LOAD_SERVERS=2 go test -run '^$' -bench BenchmarkServeLoad -benchtime 1x .
func BenchmarkServeLoad(b *testing.B) {
	users := envInt("LOAD_USERS", 200)
	think := time.Duration(envInt("LOAD_THINK_MS", 2000)) * time.Millisecond
	seconds := envInt("LOAD_SECONDS", 60)
	servers := loadServers(b)
	s := servers[0]
	seedInbox(b, s, envInt("LOAD_MESSAGES", 100_000))
	clerk := s.signIn(b, "linyt")
	// the people who handle messages (drafters do not)
	var logins []string
	for _, a := range demo.Accounts {
		if p := s.signIn(b, a.Login); p.sess.Role != core.RoleDrafter {
			logins = append(logins, a.Login)
		}
	}
	// every simulated person signs in and registers the message they will keep editing
	people := make([]*person, users)
	own := make([]core.Message, users)
	for i := range people {
		people[i] = servers[i%len(servers)].signIn(b, logins[i%len(logins)]) // the load balancer's round robin
		if st, body := clerk.call("MailboxService.CreateMessage", &own[i], core.MessageInput{Channel: "电话", SenderName: "测试" + strconv.Itoa(i),
			Subject: "负载测试留言" + strconv.Itoa(i), Body: "负载测试：加装电梯补助怎么申请？"}); st != 200 {
			b.Fatalf("create: %d %s", st, body)
		}
	}
	var maxID int64
	s.b.db.SQL().QueryRow(`SELECT MAX(id) FROM messages`).Scan(&maxID)

	var (
		mu        sync.Mutex
		latencies []time.Duration
		byKind    = map[string][]time.Duration{}
		errs      atomic.Int64
		saved     = make([]int64, users)
		firstErr  atomic.Value
	)
	deadline := time.Now().Add(time.Duration(seconds) * time.Second)
	b.ResetTimer()
	var wg sync.WaitGroup
	for i := range people {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := people[i]
			rng := rand.New(rand.NewSource(int64(i)))
			version := own[i].Version
			var mine []time.Duration
			mineKind := map[string][]time.Duration{}
			// people start at different moments and read between actions (uniform 0.5–1.5 × the think time)
			time.Sleep(time.Duration(rng.Int63n(int64(think) + 1)))
			for time.Now().Before(deadline) {
				t0 := time.Now()
				var st int
				var body string
				r := rng.Intn(100)
				switch {
				case r < 60:
					f := core.MessageFilter{Page: 1 + rng.Intn(5), PageSize: 20}
					if r < 20 {
						f.Text = []string{"加装电梯", "不动产登记", "宅基地", "耕地"}[rng.Intn(4)]
					}
					st, body = p.call("MailboxService.ListMessages", nil, f)
				case r < 85:
					st, body = p.call("MailboxService.GetMessage", nil, 1+rng.Int63n(maxID))
				case r < 95:
					var m core.Message
					st, body = p.call("MailboxService.UpdateMessage", &m, core.MessageEdit{ID: own[i].ID, SenderName: own[i].SenderName,
						Subject: fmt.Sprintf("负载测试留言%d-%d", i, saved[i]+1), Body: own[i].Body, Type: own[i].Type, Version: version})
					if st == 200 {
						saved[i]++
						version = m.Version
					}
				default:
					st, body = p.call("AuthService.ConfirmPassword", nil, demo.DemoPassword)
				}
				mine = append(mine, time.Since(t0))
				kind := map[bool]string{true: "list", false: "open"}[r < 60]
				if r >= 85 {
					kind = map[bool]string{true: "save", false: "sign"}[r < 95]
				}
				mineKind[kind] = append(mineKind[kind], time.Since(t0))
				time.Sleep(think/2 + time.Duration(rng.Int63n(int64(think)+1)))
				if st != 200 {
					errs.Add(1)
					firstErr.CompareAndSwap(nil, fmt.Sprintf("%d %s", st, body))
				}
			}
			mu.Lock()
			latencies = append(latencies, mine...)
			for k, v := range mineKind {
				byKind[k] = append(byKind[k], v...)
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	b.StopTimer()

	// no write lost or counted twice: each message's version is 1 + the saves its person saw succeed
	for i := range own {
		var v int64
		s.b.db.SQL().QueryRow(`SELECT version FROM messages WHERE id = ?`, own[i].ID).Scan(&v)
		if v != own[i].Version+saved[i] {
			b.Errorf("message %d: version %d, want %d", own[i].ID, v, own[i].Version+saved[i])
		}
	}
	slices.Sort(latencies)
	pct := func(p float64) float64 {
		return float64(latencies[int(float64(len(latencies)-1)*p)].Microseconds()) / 1000
	}
	for _, k := range []string{"list", "open", "save", "sign"} {
		l := byKind[k]
		slices.Sort(l)
		if len(l) > 0 {
			b.Logf("%s: %d calls, p50 %v, p95 %v, p99 %v", k, len(l), l[len(l)/2], l[len(l)*95/100], l[len(l)*99/100])
		}
	}
	b.ReportMetric(float64(len(latencies))/float64(seconds), "req/s")
	b.ReportMetric(pct(0.50), "p50_ms")
	b.ReportMetric(pct(0.95), "p95_ms")
	b.ReportMetric(pct(0.99), "p99_ms")
	b.ReportMetric(float64(errs.Load()), "errors")
	b.ReportMetric(float64(rssKB())/1024, "rss_MB")
	if errs.Load() > 0 {
		b.Errorf("%d errors, the first: %v", errs.Load(), firstErr.Load())
	}
}

// loadServers starts the servers of the load benchmark: one on SQLite, or LOAD_SERVERS on the PostgreSQL
// database LOAD_PG, each with its own data directory holding the first one's audit key.
func loadServers(b *testing.B) []*teamServer {
	paths, err := datadir.Prepare(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	dsn := os.Getenv("LOAD_PG")
	if dsn == "" {
		return []*teamServer{startTeamServer(b, paths, true)}
	}
	paths.DB = dsn
	servers := []*teamServer{startTeamServer(b, paths, true)}
	key, err := os.ReadFile(filepath.Join(paths.Dir, sqlite.AuditKeyFile))
	if err != nil {
		b.Fatal(err)
	}
	for len(servers) < envInt("LOAD_SERVERS", 1) {
		other, err := datadir.Prepare(b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		other.DB = dsn
		if err := os.WriteFile(filepath.Join(other.Dir, sqlite.AuditKeyFile), key, 0o600); err != nil {
			b.Fatal(err)
		}
		servers = append(servers, startTeamServer(b, other, false))
	}
	return servers
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// rssKB is the resident set of this process (Linux), 0 elsewhere.
func rssKB() int {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			return n
		}
	}
	return 0
}
