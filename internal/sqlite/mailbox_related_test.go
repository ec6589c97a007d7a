package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"policydesk/app"
	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/dedup"
	"policydesk/internal/demo"
	"policydesk/internal/rules"
	"policydesk/internal/segment"
	"policydesk/internal/sqlite"
	"policydesk/internal/testutil"
)

// demoBureau is the demo database as a first run of the app leaves it, with jieba loaded.
type demoBureau struct {
	db       *sqlite.DB
	policies *sqlite.PolicyStore
	interps  *sqlite.InterpretationStore
	mailbox  *sqlite.MailboxStore
	service  *app.MailboxService
}

func newDemoBureau(tb testing.TB) *demoBureau {
	tb.Helper()
	ctx := context.Background()
	db := sqlite.NewDB(filepath.Join(tb.TempDir(), "demo.db"), rules.All())
	clock := core.NewFixedClock(now)
	db.Clock = clock
	if err := db.Open(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	seg := segment.New(tb.TempDir(), nil)
	tb.Cleanup(func() { seg.Close() })
	if err := seg.Wait(ctx); err != nil {
		tb.Fatal(err)
	}
	cals := loadedCalendar(tb, db)
	settings := sqlite.NewSettingsStore(db)
	b := &demoBureau{db: db, policies: sqlite.NewPolicyStore(db, cals.Calendar),
		interps: sqlite.NewInterpretationStore(db, cals.Calendar), mailbox: sqlite.NewMailboxStore(db, cals.Calendar, nil, nil)}
	for _, step := range []func() error{
		func() error { return demo.Seed(ctx, settings) },
		func() error {
			return demo.SeedConsultations(ctx, settings, b.policies, sqlite.NewConsultationStore(db, cals.Calendar, dedup.Grouper{Seg: seg}, nil), b.interps, clock)
		},
		func() error { return demo.SeedInterpretations(ctx, settings, b.policies, b.interps, clock) },
		func() error { return demo.SeedMailbox(ctx, db, settings, b.mailbox, cals.Calendar) },
	} {
		if err := step(); err != nil {
			tb.Fatal(err)
		}
	}
	b.service = app.NewMailboxService(b.mailbox, nil, seg, tb.TempDir(), func(string, ...any) {}, nil)
	return b
}

// The demo's one published policy and its published 文字解读 are offered for the demo message about 加装电梯,
// with the citation written out; its approved but unpublished 问答 and the policies still in draft or 审签
// never are, and a message on another subject finds nothing. Repealing the policy takes both off the list.
func TestRelatedDocumentsOnTheDemo(t *testing.T) {
	b := newDemoBureau(t)
	ctx := context.Background()
	message := func(subject string) int64 {
		page, err := b.mailbox.Messages(ctx, core.MessageFilter{Text: subject})
		if err != nil || len(page.Items) == 0 {
			t.Fatalf("demo message %s: %v", subject, err)
		}
		return page.Items[0].ID
	}
	elevator, other := message("加装电梯政策"), message("举报河边违建厂房")

	docs, err := b.service.RelatedDocuments(elevator, 5)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range docs {
		got = append(got, fmt.Sprintf("%s %s|%s|%s|%v", d.Kind, d.Title, d.Form, d.Citation, d.Words))
	}
	want := []string{
		"policy 临江市既有住宅加装电梯财政补助办法||详见《临江市既有住宅加装电梯财政补助办法》（临规划资源规字〔2026〕5号）|[电梯 加装 业主]",
		"interpretation 《临江市既有住宅加装电梯财政补助办法》政策解读|文字解读|详见《〈临江市既有住宅加装电梯财政补助办法〉政策解读》（2026年11月10日发布）|[电梯 政策 加装]",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("related =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(docs) == 2 && (docs[0].Score <= docs[1].Score || docs[1].Score < 0.04 ||
		!strings.Contains(docs[0].Snippet, "加装电梯") || docs[0].DocNumber != docs[1].DocNumber || docs[1].PolicyID != docs[0].ID) {
		t.Errorf("scores, snippet or policy of the hits: %+v", docs)
	}
	if docs, err := b.service.RelatedDocuments(other, 5); err != nil || len(docs) != 0 {
		t.Errorf("a 违建 report found %+v (%v)", docs, err)
	}
	if _, err := b.service.RelatedDocuments(999999, 5); core.ErrorCode(err) != core.ENOTFOUND {
		t.Errorf("missing message: %v", err)
	}

	// Repealing the policy changes what is published: the next query sees it without being told.
	if _, err := b.policies.SetPolicyStatus(ctx, core.PolicyStatusChange{PolicyID: docs[0].ID, Status: core.PolicyRepealed, Reason: "已被新办法替代"}); err != nil {
		t.Fatal(err)
	}
	if docs, err := b.service.RelatedDocuments(elevator, 5); err != nil || len(docs) != 0 {
		t.Errorf("after repeal: %+v (%v)", docs, err)
	}
}

// listedKeywords is a segmenter whose keywords are the listed words found in a text.
type listedKeywords []string

func (l listedKeywords) Cut(text string) []string { return mbSegmenter{}.Cut(text) }

func (l listedKeywords) Keywords(text string, n int) []core.Keyword {
	return testutil.ListedKeywords(l, text, n)
}

// The 局长信箱 offers a policy's 问答 the questions its 咨询 messages ask about it, the most asked first.
func TestMailboxQuestionSource(t *testing.T) {
	f := newMailboxFixture(t)
	svc := app.NewMailboxService(f.store, nil, listedKeywords{"加装电梯", "补助", "业主"}, t.TempDir(), func(string, ...any) {}, nil)
	cal := func() *calendar.Calendar { return calendar.New(calendar.Builtin()) }
	policies := sqlite.NewPolicyStore(f.db, cal)
	p, err := policies.SavePolicy(f.ctx, core.Policy{Title: "临江市既有住宅加装电梯财政补助办法", Category: "规范性文件",
		SectionID: f.sections["确权登记组"], Disclosure: core.DisclosureActive, DisclosureBasis: "《政府信息公开条例》第二十条"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := addVersion(f.ctx, policies, core.VersionInput{PolicyID: p.ID, Kind: "正式文本", VersionDate: "2026-11-01", FileName: "x.txt",
		Data: []byte("临江市既有住宅加装电梯财政补助办法\n第一条 业主申请加装电梯补助的，按本办法执行。\n")}); err != nil {
		t.Fatal(err)
	}
	for _, body := range []string{"请问加装电梯补助标准是多少？", "加装电梯补助标准是多少？我们是老小区。", "加装电梯需要全体业主同意吗？"} {
		f.create(t, core.MessageInput{Subject: "", Body: body, Type: "咨询"})
	}
	f.create(t, core.MessageInput{Body: "举报加装电梯施工扰民，补助资金被挪用", Type: "举报"}) // not a question
	qs, err := app.MailboxQuestions(svc).Questions(f.ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) < 2 || qs[0].Source != "局长信箱" || len(qs[0].MessageIDs) != 2 || !strings.Contains(qs[0].Question, "补助标准是多少") {
		t.Fatalf("questions = %+v", qs)
	}
	if _, err := app.MailboxQuestions(svc).Questions(f.ctx, 9999); core.ErrorCode(err) != core.ENOTFOUND {
		t.Errorf("unknown policy: %v", err)
	}
}
