package sqlite_test

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"policydesk/internal/core"
	"policydesk/internal/mailbox"
	"policydesk/internal/seal"
	"policydesk/internal/sqlite"
)

// keywordMatcher is a stand-in for the real topic matcher: a topic whose keyword occurs in the text
// scores its configured confidence, the best first.
type keywordMatcher struct {
	rules []keywordRule
}

type keywordRule struct {
	topicID    string
	word       string
	confidence float64
}

func (m keywordMatcher) Match(text string) core.MatchResult {
	res := core.MatchResult{Top: []core.TopicScore{}}
	for _, r := range m.rules {
		if i := strings.Index(text, r.word); i >= 0 {
			res.Top = append(res.Top, core.TopicScore{TopicID: r.topicID, Confidence: r.confidence,
				Words: []core.MatchedWord{{Word: r.word, Contribution: 1, Spans: []core.TextSpan{{Start: i, End: i + len(r.word)}}}}})
		}
	}
	return res
}

// mbSegmenter cuts Han text into overlapping bigrams, enough to test retrieval without jieba.
type mbSegmenter struct{}

func (mbSegmenter) Cut(text string) []string {
	var out []string
	rs := []rune(text)
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, string(rs[i:i+2]))
	}
	return out
}

func (mbSegmenter) Keywords(string, int) []core.Keyword { return nil }

// mailboxFixture is a bureau with sections, people, topics and a mailbox store at a fixed clock.
type mailboxFixture struct {
	ctx      context.Context
	db       *sqlite.DB
	clock    *core.FixedClock
	store    *sqlite.MailboxStore
	sections map[string]int64
	people   map[string]int64
	topics   map[string]int64
	matcher  core.TopicMatcher // routes the messages the fixture creates and imports
}

func newMailboxFixture(tb testing.TB) *mailboxFixture {
	tb.Helper()
	db := mustOpen(tb)
	f := &mailboxFixture{ctx: context.Background(), db: db, clock: db.Clock.(*core.FixedClock),
		sections: map[string]int64{}, people: map[string]int64{}, topics: map[string]int64{}}
	cals := loadedCalendar(tb, db)
	settings := sqlite.NewSettingsStore(db)
	if _, err := settings.SaveBureau(f.ctx, core.Bureau{Name: "临江市规划和自然资源局", Phone: "0571-8801 2345"}); err != nil {
		tb.Fatal(err)
	}
	for _, s := range []struct{ section, phone, person, role string }{
		{"综合组", "0571-8801 2301", "林雨桐", core.RoleMailbox},
		{"确权登记组", "0571-8801 2351", "刘芳", core.RoleApprover},
		{"执法监察支队", "0571-8801 2371", "罗斌", core.RoleHandler},
	} {
		sec, err := settings.SaveSection(f.ctx, core.Section{Name: s.section, Phone: s.phone, Active: true})
		if err != nil {
			tb.Fatal(err)
		}
		p, err := settings.SavePerson(f.ctx, core.Person{Name: s.person, SectionID: sec.ID, Role: s.role, Active: true})
		if err != nil {
			tb.Fatal(err)
		}
		f.sections[s.section], f.people[s.person] = sec.ID, p.ID
	}
	if _, err := settings.SetCurrentUser(f.ctx, f.people["林雨桐"]); err != nil {
		tb.Fatal(err)
	}
	f.store = sqlite.NewMailboxStore(db, cals.Calendar, seal.KeyFile{Path: filepath.Join(db.DataDir, seal.SecretKeyFile)}, nil)
	var rules []keywordRule
	for _, t := range []struct{ name, section, word string }{
		{"不动产登记", "确权登记组", "不动产"}, {"违法用地举报", "执法监察支队", "违建"}, {"其他", "综合组", "其他事项"},
	} {
		saved, err := f.store.SaveTopic(f.ctx, core.TopicRecord{Name: t.name, SectionID: f.sections[t.section], Active: true})
		if err != nil {
			tb.Fatal(err)
		}
		f.topics[t.name] = saved.ID
		rules = append(rules, keywordRule{topicID: mbItoa(saved.ID), word: t.word, confidence: 0.9})
	}
	// "规划" is a weak cue: it suggests 其他 below the routing threshold.
	rules = append(rules, keywordRule{topicID: mbItoa(f.topics["其他"]), word: "规划", confidence: 0.3})
	f.matcher = keywordMatcher{rules: rules}
	return f
}

func mbItoa(n int64) string { return strconv.FormatInt(n, 10) }

// at moves the clock to a China time written 2006-01-02 15:04.
func (f *mailboxFixture) at(tb testing.TB, s string) {
	tb.Helper()
	t, err := time.ParseInLocation("2006-01-02 15:04", s, core.Shanghai)
	if err != nil {
		tb.Fatal(err)
	}
	f.clock.Set(t)
}

func (f *mailboxFixture) create(tb testing.TB, in core.MessageInput) core.Message {
	tb.Helper()
	m, err := f.store.CreateMessage(f.ctx, in, mailbox.Match(f.matcher, in))
	if err != nil {
		tb.Fatalf("CreateMessage(%q): %v", in.Body, err)
	}
	return m
}

// reply takes a routed message through sign-off at the clock's current time.
func (f *mailboxFixture) reply(tb testing.TB, id int64, body string) core.Message {
	tb.Helper()
	if _, err := f.store.SubmitReply(f.ctx, core.ReplySubmission{MessageID: id, Body: body, ApproverID: f.people["刘芳"]}); err != nil {
		tb.Fatal(err)
	}
	return f.approveAsLiuFang(tb, id, "同意")
}

// replyLate is reply for a reply given after the due date, with its 超期说明.
func (f *mailboxFixture) replyLate(tb testing.TB, id int64, body, lateNote string) core.Message {
	tb.Helper()
	if _, err := f.store.SubmitReply(f.ctx, core.ReplySubmission{MessageID: id, Body: body, ApproverID: f.people["刘芳"], LateNote: lateNote}); err != nil {
		tb.Fatal(err)
	}
	return f.approveAsLiuFang(tb, id, "同意")
}

// forward turns a message over to another body: the 转办告知 is submitted to 刘芳, who approves it.
func (f *mailboxFixture) forward(tb testing.TB, id int64, to, reply string) core.Message {
	tb.Helper()
	if _, err := f.store.Forward(f.ctx, core.ForwardInput{MessageID: id, ForwardTo: to, Reply: reply, ApproverID: f.people["刘芳"]}); err != nil {
		tb.Fatal(err)
	}
	return f.approveAsLiuFang(tb, id, "同意转办")
}

// approveAsLiuFang has 刘芳 approve the reply submitted to her, then gives the desk back to 林雨桐.
func (f *mailboxFixture) approveAsLiuFang(tb testing.TB, id int64, opinion string) core.Message {
	tb.Helper()
	defer f.as(tb, "林雨桐")
	f.as(tb, "刘芳")
	m, err := f.store.ApproveReply(f.ctx, id, opinion)
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// stopClock asks approver to stop a message's clock and has them approve it, as the mailbox staff would.
func (f *mailboxFixture) stopClock(tb testing.TB, id int64, approver string) core.Message {
	tb.Helper()
	if _, err := f.store.RequestClockStop(f.ctx, core.ClockStopInput{MessageID: id, Reason: "需补充材料", ApproverID: f.people[approver]}); err != nil {
		tb.Fatal(err)
	}
	defer f.as(tb, "林雨桐")
	f.as(tb, approver)
	m, err := f.store.DecideClockStop(f.ctx, core.ClockStopDecision{MessageID: id, Approve: true})
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// as makes the named person of the fixture the current user.
func (f *mailboxFixture) as(tb testing.TB, name string) {
	tb.Helper()
	if _, err := sqlite.NewSettingsStore(f.db).SetCurrentUser(f.ctx, f.people[name]); err != nil {
		tb.Fatal(err)
	}
}

func (f *mailboxFixture) count(tb testing.TB, query string, args ...any) int {
	tb.Helper()
	var n int
	if err := f.db.SQL().QueryRow(query, args...).Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}

func mbMustCode(tb testing.TB, err error, code string) {
	tb.Helper()
	if core.ErrorCode(err) != code {
		tb.Fatalf("error = %v, want code %s", err, code)
	}
}
