package sqlite_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"policydesk/internal/core"
	"policydesk/internal/routing"
	"policydesk/internal/segment"
	"policydesk/internal/testutil"
)

// importCSV10k is a 10,000-row website export built from the benchmark texts.
func importCSV10k(b *testing.B) []byte {
	b.Helper()
	texts := benchTexts(b)
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"留言编号", "留言时间", "留言人", "留言标题", "留言内容"})
	for i := 0; i < 10_000; i++ {
		t := texts[i%len(texts)]
		w.Write([]string{fmt.Sprintf("W%05d", i), now.Add(-time.Duration(i) * time.Minute).Format("2006-01-02 15:04"),
			fmt.Sprintf("市民%d", i), t[0], t[1]})
	}
	w.Flush()
	return buf.Bytes()
}

// realMatcher is the matcher the app runs: jieba segmentation and, when the public corpus is present,
// a model trained on its labelled messages. Building it is setup, not measured.
func realMatcher(b *testing.B, topics []core.Topic) (*routing.Matcher, *segment.Service) {
	b.Helper()
	seg := segment.New(b.TempDir(), nil)
	b.Cleanup(func() { seg.Close() })
	if err := seg.Wait(context.Background()); err != nil {
		b.Fatal(err)
	}
	dir := os.Getenv("POLICYDESK_CORPUS")
	if dir == "" {
		dir = filepath.Join(testutil.RepoRoot(b), "..", "shared", "corpus")
	}
	var model *routing.Model
	if history, err := routing.ReadLabeledCSV(filepath.Join(dir, "mailbox", "train.csv")); err == nil {
		began := time.Now()
		if model, err = routing.Train(context.Background(), seg, history, routing.Options{}, nil); err != nil {
			b.Fatal(err)
		}
		b.Logf("trained %v in %v", model, time.Since(began).Round(time.Millisecond))
	} else {
		b.Logf("no training corpus (%v): matching by topic keywords only", err)
	}
	return routing.NewMatcher(seg, model, topics), seg
}

// BenchmarkImport10kJieba imports a 10,000-row CSV export with the real matcher, as the app does; the
// target is under 10 s, matching included.
func BenchmarkImport10kJieba(b *testing.B) {
	data := importCSV10k(b)
	f := newMailboxFixture(b)
	topics, err := f.store.MatcherTopics(f.ctx)
	if err != nil {
		b.Fatal(err)
	}
	matcher, _ := realMatcher(b, topics)
	b.ResetTimer()
	benchImport(b, data, matcher)
}

// benchImport imports the 10,000 rows of data into a fresh fixture each time, routed by matcher (the
// fixture's own when nil), and reports the CPU seconds one import takes.
func benchImport(b *testing.B, data []byte, matcher core.TopicMatcher) {
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		f := newMailboxFixture(b)
		if matcher != nil {
			f.matcher = matcher
		}
		before := processCPU(b)
		b.StartTimer()
		res, err := messages(f.store, f.matcher).ApplyImport(f.ctx, "留言.csv", data, nil)
		if err != nil || res.Added != 10_000 {
			b.Fatalf("import = %+v %v", res, err)
		}
		cpu += processCPU(b) - before
	}
	// CPU seconds do not depend on what else the machine runs, unlike ns/op on a shared runner.
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}
