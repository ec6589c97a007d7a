package app

import (
	"context"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"policydesk/internal/core"
	"policydesk/internal/routing"
	"policydesk/internal/rules"
	"policydesk/internal/segment"
	"policydesk/internal/sqlite"
)

// jobEvents records routing events without ever blocking the job that emits them.
type jobEvents struct {
	mu    sync.Mutex
	names []string
	jobs  []core.RoutingJob
}

func (e *jobEvents) emit(name string, data ...any) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.names = append(e.names, name)
	if j, ok := firstJob(data); ok {
		e.jobs = append(e.jobs, j)
	}
}

func firstJob(data []any) (core.RoutingJob, bool) {
	if len(data) == 0 {
		return core.RoutingJob{}, false
	}
	j, ok := data[0].(core.RoutingJob)
	return j, ok
}

func (e *jobEvents) progress() []core.RoutingJob {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]core.RoutingJob(nil), e.jobs...)
}

// testSeg is jieba, loaded on first use by the package's tests; TestMain frees it and its cache.
var (
	segOnce  sync.Once
	testSeg  *segment.Service
	segCache string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if testSeg != nil {
		testSeg.Close()
		os.RemoveAll(segCache)
	}
	os.Exit(code)
}

func sharedSegmenter(t *testing.T) *segment.Service {
	t.Helper()
	segOnce.Do(func() {
		var err error
		if segCache, err = os.MkdirTemp("", "policydesk-jieba-"); err != nil {
			t.Fatal(err)
		}
		testSeg = segment.New(segCache, nil)
	})
	if err := testSeg.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	return testSeg
}

type routingFixture struct {
	db      *sqlite.DB
	store   *sqlite.RoutingStore
	matcher *routing.Matcher
	api     *RoutingService
	events  *jobEvents
}

func newRoutingFixture(t *testing.T, dbPath string) *routingFixture {
	t.Helper()
	db := sqlite.NewDB(dbPath, rules.All())
	db.Clock = core.NewFixedClock(time.Date(2026, 11, 20, 9, 30, 0, 0, core.Shanghai))
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	f := &routingFixture{db: db, store: sqlite.NewRoutingStore(db), events: &jobEvents{}}
	f.matcher = routing.NewMatcher(sharedSegmenter(t), nil, nil)
	mailboxes := sqlite.NewMailboxStore(db, nil, nil, nil)
	f.api = NewRoutingService(f.store, sharedSegmenter(t), f.matcher, mailboxes.MatcherTopics, db.Clock, f.events.emit)
	t.Cleanup(func() {
		StopRouting(f.api)
		db.Close()
	})
	return f
}

// historyCSV is a small labeled history: two topics, twelve messages each.
func historyCSV() string {
	var b strings.Builder
	b.WriteString("subject,body,label\n")
	places := []string{"滨江", "城北", "东湖", "西溪", "钱塘", "临平", "萧山", "余杭", "富阳", "桐庐", "建德", "淳安"}
	for i, p := range places {
		fmt.Fprintf(&b, "过户咨询,%s的二手房办理不动产转移登记需要哪些材料？产权证在第%d号窗口办理吗,不动产登记\n", p, i+1)
		fmt.Fprintf(&b, "违建举报,%s村有人在耕地上私搭乱建违章建筑第%d处，请执法监察查处,违法用地举报\n", p, i+1)
	}
	return b.String()
}

func waitJob(t *testing.T, api *RoutingService) core.RoutingJob {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		j, _ := api.Job()
		if !j.Running {
			return j
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("routing job did not finish")
	return core.RoutingJob{}
}

func TestRoutingTrainsInTheBackgroundAndReloads(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "app.db")
	f := newRoutingFixture(t, dbPath)
	data := base64.StdEncoding.EncodeToString([]byte(historyCSV()))
	p, err := f.api.PreviewExamples("history.csv", data)
	if err != nil {
		t.Fatal(err)
	}
	if p.Rows != 24 || len(p.UnknownLabels) != 2 {
		t.Fatalf("preview = %+v", p)
	}
	res, err := f.api.ImportExamples("history.csv", data, true)
	if err != nil || res.Added != 24 {
		t.Fatalf("import = %+v, %v", res, err)
	}

	job, err := f.api.StartTraining()
	if err != nil || !job.Running || job.Kind != core.RoutingJobTrain {
		t.Fatalf("start = %+v, %v", job, err)
	}
	if _, err := f.api.StartEvaluation(5); !isConflict(err) {
		t.Errorf("a second job while one runs: %v, want a conflict", err)
	}
	job = waitJob(t, f.api)
	if job.Error != "" || job.Stage != "完成" {
		t.Fatalf("job = %+v", job)
	}
	events := f.events.progress()
	if len(events) < 2 || events[len(events)-1].Running {
		t.Errorf("progress events = %+v, want several ending with a finished job", events)
	}
	info, _ := f.api.ModelInfo()
	if !info.Trained || info.Examples != 24 || info.Topics != 2 || info.SizeBytes == 0 {
		t.Errorf("model = %+v", info)
	}
	best, ok := f.matcher.Match("想问一下二手房过户的材料").Best()
	if !ok || best.Name != "不动产登记" {
		t.Errorf("trained matcher suggests %+v", best)
	}
	if h, _ := f.api.History(); h.NewSinceModel != 0 || h.Total != 24 {
		t.Errorf("history after training = %+v", h)
	}

	// A restart loads the stored model and does not retrain: nothing is new.
	StopRouting(f.api)
	f.db.Close()
	g := newRoutingFixture(t, dbPath)
	if err := LoadRouting(context.Background(), g.api); err != nil {
		t.Fatal(err)
	}
	if g.matcher.Model() == nil {
		t.Fatal("stored model not loaded")
	}
	if j, _ := g.api.Job(); j.Kind != "" {
		t.Errorf("retrained at start although nothing changed: %+v", j)
	}
}

func TestRoutingEvaluationNamesTopics(t *testing.T) {
	f := newRoutingFixture(t, filepath.Join(t.TempDir(), "app.db"))
	if _, err := f.api.StartEvaluation(1); err == nil {
		t.Error("one fold accepted")
	}
	if _, err := f.api.StartEvaluation(5); err != nil {
		t.Fatal(err)
	}
	if j := waitJob(t, f.api); !strings.Contains(j.Error, "至少需要20条") {
		t.Errorf("evaluation without history: %+v", j)
	}
	data := base64.StdEncoding.EncodeToString([]byte(historyCSV()))
	if _, err := f.api.ImportExamples("history.csv", data, true); err != nil {
		t.Fatal(err)
	}
	if _, err := f.api.StartEvaluation(3); err != nil {
		t.Fatal(err)
	}
	if j := waitJob(t, f.api); j.Error != "" {
		t.Fatalf("evaluation failed: %+v", j)
	}
	ev, err := f.api.LastEvaluation()
	if err != nil {
		t.Fatal(err)
	}
	if ev.Folds != 3 || ev.Examples != 24 || len(ev.FoldMacroF1) != 3 || ev.MsgsPerSec <= 0 {
		t.Errorf("evaluation = %+v", ev)
	}
	if len(ev.Labels) != 2 || ev.Labels[0] == "" || !strings.Contains(strings.Join(ev.Labels, ","), "不动产登记") {
		t.Errorf("labels = %v, want topic names", ev.Labels)
	}
	total := 0
	for _, row := range ev.Confusion {
		for _, n := range row {
			total += n
		}
	}
	if total != 24 {
		t.Errorf("confusion matrix counts %d messages, want 24", total)
	}
}

func TestRoutingJobCancelKeepsTheModel(t *testing.T) {
	f := newRoutingFixture(t, filepath.Join(t.TempDir(), "app.db"))
	data := base64.StdEncoding.EncodeToString([]byte(historyCSV()))
	if _, err := f.api.ImportExamples("history.csv", data, true); err != nil {
		t.Fatal(err)
	}
	if _, err := f.api.StartTraining(); err != nil {
		t.Fatal(err)
	}
	if _, err := f.api.CancelJob(); err != nil {
		t.Fatal(err)
	}
	j := waitJob(t, f.api)
	if j.Error != "已取消" && j.Error != "" { // a tiny history may finish before the cancel lands
		t.Errorf("cancelled job = %+v", j)
	}
	if j.Error == "已取消" && f.matcher.Model() != nil {
		t.Error("a cancelled training replaced the model")
	}
}

func TestRoutingDictionary(t *testing.T) {
	f := newRoutingFixture(t, filepath.Join(t.TempDir(), "app.db"))
	if _, err := f.api.SaveUserWord(core.UserWord{Word: "带 空格"}); err == nil {
		t.Error("a word with a space was accepted")
	}
	if _, err := f.api.SaveUserWord(core.UserWord{Word: "多测合一", Freq: 5000}); err != nil {
		t.Fatal(err)
	}
	list, err := f.api.ListDictionary()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) < 10 || list[0].Word != "多测合一" || list[0].Builtin || !list[len(list)-1].Builtin {
		t.Errorf("dictionary starts %+v, want user words first, then the built-in ones", list[:min(3, len(list))])
	}
	if err := f.api.DeleteUserWord("多测合一"); err != nil {
		t.Fatal(err)
	}
}

func TestEvaluationHeadlineLeavesOutSparseTopics(t *testing.T) {
	m := routing.Metrics{Labels: []string{"1", "2", "3"}, F1: []float64{0.9, 0.8, 0}, Precision: make([]float64, 3),
		Recall: make([]float64, 3), Support: []int{500, 40, 3}, MacroF1: (0.9 + 0.8) / 3}
	fold := routing.Run{Metrics: routing.Metrics{Labels: []string{"1", "2"}, F1: []float64{1, 0.5}}, Messages: 100, Match: time.Second}
	ev := evaluationOf(m, []routing.Run{fold}, map[int64]string{1: "城乡建设", 2: "交通运输", 3: "耕地保护"})
	if ev.Scored != 2 || ev.MacroF1 < 0.849 || ev.MacroF1 > 0.851 || ev.MacroF1All != m.MacroF1 {
		t.Errorf("headline %.3f over %d topics, all %.3f", ev.MacroF1, ev.Scored, ev.MacroF1All)
	}
	if len(ev.FoldMacroF1) != 1 || ev.FoldMacroF1[0] != 0.75 || ev.MsgsPerSec != 100 {
		t.Errorf("folds %v, %v msgs/s", ev.FoldMacroF1, ev.MsgsPerSec)
	}
	if ev.Labels[2] != "耕地保护" || ev.PerTopic[2].Support != 3 {
		t.Errorf("per topic = %+v", ev.PerTopic)
	}
	few := evaluationOf(routing.Metrics{Labels: []string{"1", "2"}, F1: []float64{1, 0}, Precision: make([]float64, 2),
		Recall: make([]float64, 2), Support: []int{5, 5}, MacroF1: 0.5}, nil, nil)
	if few.Scored != 2 || few.MacroF1 != 0.5 {
		t.Errorf("small history: headline %.2f over %d, want every topic", few.MacroF1, few.Scored)
	}
}

// gatedExamples holds a labeled history import at its first progress report until the test lets it go on.
type gatedExamples struct {
	RoutingStore
	gate *progressGate
}

func (g gatedExamples) ImportExamples(ctx context.Context, name string, rows []core.LabeledMessage, createTopics bool,
	progress func(core.ImportProgress)) (core.ExampleImportResult, error) {
	return g.RoutingStore.ImportExamples(ctx, name, rows, createTopics, g.gate.hold(progress))
}

// A labeled history import runs through the import job like the message and comment imports.
func TestExampleImportReportsProgressAndCancels(t *testing.T) {
	f := newRoutingFixture(t, filepath.Join(t.TempDir(), "app.db"))
	rec := newRecorder()
	store := gatedExamples{RoutingStore: f.store, gate: newProgressGate()}
	api := NewRoutingService(store, sharedSegmenter(t), f.matcher, sqlite.NewMailboxStore(f.db, nil, nil, nil).MatcherTopics, f.db.Clock, rec.emit)
	t.Cleanup(func() { StopRouting(api) })
	var b strings.Builder
	b.WriteString("subject,body,label\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "过户咨询,第%d号楼的二手房办理不动产转移登记需要哪些材料,不动产登记\n", i)
	}
	data := base64.StdEncoding.EncodeToString([]byte(b.String()))
	checkProgressAndCancel(t, cancellableImport{
		rec: rec, event: EventExampleImportProgress, gate: store.gate,
		run: func() error {
			_, err := api.ImportExamples("history.csv", data, true)
			return err
		},
		cancel: func() bool {
			running, err := api.CancelExampleImport()
			return err == nil && running
		},
		right: func(p core.ImportProgress) bool { return p == core.ImportProgress{Done: 1000, Total: 3000} },
		kept: func() int {
			h, err := f.store.HistorySummary(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			return h.Imported
		},
	})
}
