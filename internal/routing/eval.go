package routing

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"time"

	"policydesk/internal/core"
	"policydesk/internal/segment"
)

// Run is the outcome of one train-and-test round.
type Run struct {
	Metrics   Metrics
	Train     time.Duration // fitting (and, for Holdout, segmenting the training set)
	Match     time.Duration // normalising, segmenting and matching the test messages
	Messages  int           // test messages matched
	ModelSize int           // bytes of the saved model
}

// Rate is end-to-end matching throughput in messages per second.
func (r Run) Rate() float64 { return float64(r.Messages) / r.Match.Seconds() }

// Holdout trains on train and measures on test.
func Holdout(ctx context.Context, an Analyzer, train, test []core.LabeledMessage, opts Options) (Run, error) {
	start := time.Now()
	model, err := Train(ctx, an, train, opts, nil)
	if err != nil {
		return Run{}, err
	}
	run, err := measure(ctx, an, model, test, opts.withDefaults().Workers)
	run.Train = time.Since(start) - run.Match
	return run.Run, err
}

// CrossValidate runs stratified k-fold cross-validation. Messages are segmented once for
// training; each fold's test messages go through Match end to end, as in the app. progress,
// if not nil, hears the segmentation (StageSegment) and each finished fold (StageFold).
func CrossValidate(ctx context.Context, an Analyzer, msgs []core.LabeledMessage, k int, opts Options, progress func(Progress)) ([]Run, Metrics, error) {
	opts = opts.withDefaults()
	labels := make([]string, len(msgs))
	texts := make([]string, len(msgs))
	for i, m := range msgs {
		labels[i], texts[i] = m.Label, MessageText(m.Subject, m.Body)
	}
	if err := checkLabels(labels); err != nil {
		return nil, Metrics{}, err
	}
	c, err := analyzeAll(ctx, an, texts, opts.Workers, progress)
	if err != nil {
		return nil, Metrics{}, err
	}
	classOf := map[string]int{}
	y := make([]int, len(labels))
	for i, l := range labels {
		if _, ok := classOf[l]; !ok {
			classOf[l] = len(classOf)
		}
		y[i] = classOf[l]
	}
	folds := stratifiedFolds(y, len(classOf), k)
	var runs []Run
	var truth, pred []string
	for f := range k {
		var trainDocs [][]uint32
		var trainLabels []string
		var test []core.LabeledMessage
		for i := range msgs {
			if folds[i] == f {
				test = append(test, msgs[i])
			} else {
				trainDocs = append(trainDocs, c.docs[i])
				trainLabels = append(trainLabels, labels[i])
			}
		}
		start := time.Now()
		model, err := fit(ctx, c, trainDocs, trainLabels, opts, nil)
		if err != nil {
			return nil, Metrics{}, err
		}
		trainTime := time.Since(start)
		run, err := measure(ctx, an, model, test, opts.Workers)
		if err != nil {
			return nil, Metrics{}, err
		}
		run.Train = trainTime
		runs = append(runs, run.Run)
		for i, m := range test {
			truth = append(truth, m.Label)
			pred = append(pred, run.predictions[i])
		}
		if progress != nil {
			progress(Progress{Stage: StageFold, Done: f + 1, Total: k})
		}
	}
	return runs, Evaluate(truth, pred), nil
}

// measure matches test with model and scores the top suggestion.
func measure(ctx context.Context, an Analyzer, model *Model, test []core.LabeledMessage, workers int) (runWithPredictions, error) {
	texts := make([]string, len(test))
	truth := make([]string, len(test))
	for i, m := range test {
		texts[i], truth[i] = MessageText(m.Subject, m.Body), m.Label
	}
	matcher := NewMatcher(an, model, nil)
	// The model's saved size is taken while the messages are matched: the encoding is one goroutine's work.
	var size countingWriter
	saved := make(chan error, 1)
	go func() { saved <- model.Save(&size) }()
	start := time.Now()
	results, err := matcher.MatchAll(ctx, texts, workers)
	elapsed := time.Since(start)
	if err := cmp.Or(<-saved, err); err != nil {
		return runWithPredictions{}, err
	}
	pred := make([]string, len(results))
	for i, r := range results {
		if best, ok := r.Best(); ok {
			pred[i] = best.TopicID
		}
	}
	return runWithPredictions{
		Run:         Run{Metrics: Evaluate(truth, pred), Match: elapsed, Messages: len(test), ModelSize: int(size)},
		predictions: pred,
	}, nil
}

type runWithPredictions struct {
	Run
	predictions []string
}

type countingWriter int

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}

// EvalCommand implements `policydesk eval-routing`: train on a labelled CSV and report
// accuracy, macro-F1, per-topic scores, the confusion matrix and throughput, either on a
// test file or by k-fold cross-validation. It returns the process exit code: 0 on success,
// 2 for bad arguments or files, 1 for other failures.
func EvalCommand(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval-routing", flag.ContinueOnError)
	fs.SetOutput(stderr)
	trainPath := fs.String("train", "", "训练集 CSV（subject,body,label，UTF-8）")
	testPath := fs.String("test", "", "测试集 CSV；不指定时做交叉验证")
	k := fs.Int("folds", 5, "交叉验证折数（未指定 --test 时）")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "并发线程数")
	c := fs.Float64("c", 0, "SVM 正则化参数 C（0 表示默认值）")
	cacheDir := fs.String("cache-dir", defaultCacheDir(), "分词词表的缓存目录（空：不缓存，每次由词典构建）")
	cpuProfile := fs.String("cpuprofile", "", "把 CPU 剖析写入此文件（go tool pprof 可读）")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "用法：policydesk eval-routing --train TRAIN.csv [--test TEST.csv | --folds 5]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	// A one-off run that holds a few hundred MB at most: collecting garbage less often saves a tenth of its time.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	if *trainPath == "" || fs.NArg() > 0 || (*testPath == "" && *k < 2) {
		fs.Usage()
		return 2
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return fail(stderr, core.Errorf(core.EINVALID, "无法创建剖析文件 %s：%v", *cpuProfile, err))
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fail(stderr, err)
		}
		defer pprof.StopCPUProfile()
	}
	// The lexicon is read (or built, the first time) while the files are read.
	type loaded struct {
		lx  *segment.Lexicon
		err error
	}
	lexicon := make(chan loaded, 1)
	go func() {
		lx, err := segment.LoadLexiconCached(*cacheDir, nil)
		lexicon <- loaded{lx, err}
	}()
	train, err := ReadLabeledCSV(*trainPath)
	if err != nil {
		return fail(stderr, err)
	}
	var test []core.LabeledMessage
	if *testPath != "" {
		if test, err = ReadLabeledCSV(*testPath); err != nil {
			return fail(stderr, err)
		}
	}
	lx := <-lexicon
	if lx.err != nil {
		return fail(stderr, lx.err)
	}
	seg := lx.lx
	ctx := context.Background()
	opts := Options{C: *c, Workers: *workers}
	if *testPath != "" {
		fmt.Fprintf(stdout, "训练集 %s（%d 条），测试集 %s（%d 条）\n\n", filepath.Base(*trainPath), len(train), filepath.Base(*testPath), len(test))
		run, err := Holdout(ctx, seg, train, test, opts)
		if err != nil {
			return fail(stderr, err)
		}
		run.Metrics.WriteReport(stdout)
		writeScore(stdout, ScoreOf(run.Metrics, []Run{run}), len(run.Metrics.Labels))
		fmt.Fprintf(stdout, "\n训练用时 %.2f 秒，模型 %.1f MB\n", run.Train.Seconds(), float64(run.ModelSize)/(1<<20))
		fmt.Fprintf(stdout, "匹配速度 %.0f 条/秒（规范化+分词+匹配，%d 线程）\n", run.Rate(), *workers)
		return 0
	}
	fmt.Fprintf(stdout, "训练集 %s（%d 条），%d 折交叉验证\n\n", filepath.Base(*trainPath), len(train), *k)
	runs, pooled, err := CrossValidate(ctx, seg, train, *k, opts, nil)
	if err != nil {
		return fail(stderr, err)
	}
	writeFolds(stdout, runs)
	fmt.Fprintln(stdout)
	pooled.WriteReport(stdout)
	writeScore(stdout, ScoreOf(pooled, runs), len(pooled.Labels))
	return 0
}

// defaultCacheDir is PolicyDesk's folder in the user's cache directory ("" if there is none).
func defaultCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "PolicyDesk")
}

func writeFolds(w io.Writer, runs []Run) {
	rows := [][]string{{"折", "准确率", "宏平均F1", "训练用时", "匹配速度(条/秒)", "模型大小"}}
	var f1s []float64
	var matched int
	var matchTime time.Duration
	for i, r := range runs {
		rows = append(rows, []string{fmt.Sprint(i + 1), fmt.Sprintf("%.4f", r.Metrics.Accuracy), fmt.Sprintf("%.4f", r.Metrics.MacroF1),
			fmt.Sprintf("%.2fs", r.Train.Seconds()), fmt.Sprintf("%.0f", r.Rate()), fmt.Sprintf("%.1fMB", float64(r.ModelSize)/(1<<20))})
		f1s = append(f1s, r.Metrics.MacroF1)
		matched += r.Messages
		matchTime += r.Match
	}
	m := mean(f1s)
	var variance float64
	for _, f := range f1s {
		variance += (f - m) * (f - m) / float64(len(f1s))
	}
	rows = append(rows, []string{"平均", "", fmt.Sprintf("%.4f±%.4f", m, math.Sqrt(variance)), "",
		fmt.Sprintf("%.0f", float64(matched)/matchTime.Seconds()), ""})
	writeTable(w, rows)
}

// fail prints a user-facing error and picks the exit code: 2 for bad input, 1 otherwise.
func fail(stderr io.Writer, err error) int {
	fmt.Fprintln(stderr, "错误："+core.ErrorMessage(err))
	var ce *core.Error
	if errors.As(err, &ce) && (ce.Code == core.EIMPORT || ce.Code == core.EINVALID) {
		return 2
	}
	fmt.Fprintln(stderr, "详情：", err)
	return 1
}
