package demo

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/dedup"
	"policydesk/internal/rules"
	"policydesk/internal/segment"
	"policydesk/internal/sqlite"
)

// seeded is a database as the app's first run leaves it: Seed and SeedModules through the app's stores,
// with jieba loaded for grouping the demo comments.
type seeded struct {
	ctx             context.Context
	clock           *core.FixedClock
	db              *sqlite.DB
	settings        *sqlite.SettingsStore
	cal             *calendar.Calendar
	policies        *sqlite.PolicyStore
	consultations   *sqlite.ConsultationStore
	interpretations *sqlite.InterpretationStore
	mailbox         *sqlite.MailboxStore
	routing         *sqlite.RoutingStore
	disclosures     *sqlite.DisclosureStore
}

var (
	jiebaOnce sync.Once
	jieba     *segment.Service
	jiebaErr  error
)

// sharedSegmenter loads jieba once for every test and benchmark of the package.
func sharedSegmenter(tb testing.TB) *segment.Service {
	tb.Helper()
	jiebaOnce.Do(func() {
		dir, err := os.MkdirTemp("", "demo-jieba")
		if err != nil {
			jiebaErr = err
			return
		}
		jieba = segment.New(dir, nil)
		jiebaErr = jieba.Wait(context.Background())
	})
	if jiebaErr != nil {
		tb.Fatal(jiebaErr)
	}
	return jieba
}

// seedDemo seeds a new database at now as main does on a first run.
func seedDemo(tb testing.TB, now time.Time) *seeded {
	tb.Helper()
	seg := sharedSegmenter(tb)
	s := &seeded{ctx: context.Background(), clock: core.NewFixedClock(now)}
	s.db = sqlite.NewDB(filepath.Join(tb.TempDir(), "demo.db"), rules.All())
	s.db.Clock = s.clock
	if err := s.db.Open(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.db.Close() })
	cals := sqlite.NewCalendarStore(s.db)
	if err := cals.Load(s.ctx); err != nil {
		tb.Fatal(err)
	}
	s.cal = cals.Calendar()
	s.settings = sqlite.NewSettingsStore(s.db)
	s.policies = sqlite.NewPolicyStore(s.db, cals.Calendar)
	s.consultations = sqlite.NewConsultationStore(s.db, cals.Calendar, dedup.Grouper{Seg: seg}, nil)
	s.interpretations = sqlite.NewInterpretationStore(s.db, cals.Calendar)
	s.mailbox = sqlite.NewMailboxStore(s.db, cals.Calendar, nil, nil)
	s.routing = sqlite.NewRoutingStore(s.db)
	s.disclosures = sqlite.NewDisclosureStore(s.db, cals.Calendar)
	if err := Seed(s.ctx, s.settings); err != nil {
		tb.Fatal(err)
	}
	if err := SeedModules(s.ctx, Stores{DB: s.db, Settings: s.settings, Policies: s.policies, Consultations: s.consultations,
		Interpretations: s.interpretations, Mailbox: s.mailbox, Disclosures: s.disclosures, Calendar: cals.Calendar, Clock: s.clock}); err != nil {
		tb.Fatal(err)
	}
	return s
}

// BenchmarkSeed is the demo part of a first start: the bureau and every module, jieba already loaded.
func BenchmarkSeed(b *testing.B) {
	sharedSegmenter(b)
	now := time.Date(2026, 11, 20, 9, 30, 0, 0, core.Shanghai)
	for b.Loop() {
		seedDemo(b, now)
	}
}
