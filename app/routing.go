package app

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"policydesk/internal/core"
	"policydesk/internal/intake"
	"policydesk/internal/routing"
	"policydesk/internal/segment"
)

// RoutingStore is what topic-matching administration needs from storage (sqlite.RoutingStore).
type RoutingStore interface {
	UserWords(ctx context.Context) ([]core.DictionaryWord, error)
	SaveUserWord(ctx context.Context, w core.UserWord) (core.DictionaryWord, error)
	DeleteUserWord(ctx context.Context, word string) error
	History(ctx context.Context) ([]core.LabeledMessage, error)
	HistorySummary(ctx context.Context) (core.RoutingHistory, error)
	PreviewExamples(ctx context.Context, name string, rows []core.LabeledMessage) (core.ExampleImportPreview, error)
	ImportExamples(ctx context.Context, name string, rows []core.LabeledMessage, createTopics bool, progress func(core.ImportProgress)) (core.ExampleImportResult, error)
	DeleteImportedExamples(ctx context.Context) (int, error)
	SaveModel(ctx context.Context, data []byte, info core.RoutingModelInfo) error
	LatestModel(ctx context.Context) ([]byte, core.RoutingModelInfo, bool, error)
	SaveEvaluation(ctx context.Context, ev core.RoutingEvaluation) error
	LastEvaluation(ctx context.Context) (core.RoutingEvaluation, error)
	TopicNames(ctx context.Context) (map[int64]string, error)
}

// Segmenter is the segmentation service as routing administration uses it (segment.Service): it analyses
// text for the model and rebuilds itself when the user dictionary changes.
type Segmenter interface {
	routing.Analyzer
	Wait(ctx context.Context) error
	SetUserWords(words []core.UserWord) <-chan error
}

// AutoTrainMinimum is how many labeled messages the history needs before a model is trained on its own at
// start-up; below it the topics' keywords route better than a model could.
const AutoTrainMinimum = 20

// RoutingService is the bridge of 设置 → 主题与分办: user dictionary, labeled history, training and evaluation
// of the topic matcher. One job (training or evaluation) runs at a time, in the background.
type RoutingService struct {
	ctx     context.Context
	store   RoutingStore
	seg     Segmenter
	matcher *routing.Matcher
	topics  func(ctx context.Context) ([]core.Topic, error) // the active topics, as the matcher takes them
	clock   core.Clock
	emit    Emitter
	log     *slog.Logger

	*routingJobs // shared by the per-call copies (see Scoped)
}

// routingJobs is the background job state of the routing service.
type routingJobs struct {
	base     context.Context // parent of jobs; cancelled by StopRouting
	stopJobs context.CancelFunc

	runner  jobRunner
	imports jobRunner // a labeled history import
	mu      sync.Mutex
	job     core.RoutingJob
	model   core.RoutingModelInfo
}

// NewRoutingService wires routing administration to the matcher the mailbox uses; topics lists the active
// topics (sqlite.MailboxStore.MatcherTopics), refreshed in the matcher before training and after an import
// created topics.
func NewRoutingService(store RoutingStore, seg Segmenter, matcher *routing.Matcher, topics func(context.Context) ([]core.Topic, error),
	clock core.Clock, emit Emitter) *RoutingService {
	base, stop := context.WithCancel(context.Background())
	return &RoutingService{ctx: context.Background(), store: store, seg: seg, matcher: matcher, topics: topics, clock: clock,
		emit: emit, log: slog.Default(), routingJobs: &routingJobs{base: base, stopJobs: stop}}
}

// refreshTopics hands the current topics to the matcher.
func (s *RoutingService) refreshTopics(ctx context.Context) error {
	topics, err := s.topics(ctx)
	if err != nil {
		return err
	}
	s.matcher.SetTopics(topics)
	return nil
}

func (s *RoutingService) startup(ctx context.Context) { s.ctx = ctx }

// StopRouting cancels a running job or import and waits for it; main calls it on shutdown. A function, not a
// method, so that Wails does not offer it to the frontend.
func StopRouting(s *RoutingService) {
	s.stopJobs()
	s.imports.stop()
	s.runner.wait()
	s.imports.wait()
}

// LoadRouting installs the stored model and retrains in the background when there is none yet but enough
// history, or when AutoTrainMinimum examples arrived since it was trained. main calls it at start-up and after a restore.
func LoadRouting(ctx context.Context, s *RoutingService) error {
	ok, err := s.installStoredModel(ctx)
	if err != nil {
		return err
	}
	if !ok {
		h, err := s.store.HistorySummary(ctx)
		if err != nil {
			return err
		}
		if h.Total >= AutoTrainMinimum {
			if _, err := s.StartTraining(); err != nil && !isConflict(err) {
				return err
			}
		}
	} else if err := s.retrainIfGrown(ctx); err != nil {
		return err
	}
	s.emit(EventRoutingChanged)
	return nil
}

// WatchHistory retrains in the background whenever at least AutoTrainMinimum routing decisions (replies
// signed off, re-routes) have accumulated since the model was trained, checking every interval until
// StopRouting. Staff's decisions so reach the model without anyone pressing a button.
func WatchHistory(s *RoutingService, interval time.Duration, active func() bool) {
	go func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-s.base.Done():
				return
			case <-t.C:
				if !active() {
					continue
				}
				if err := s.retrainIfGrown(s.base); err != nil {
					s.log.Error("checking the routing history failed", "err", err)
				}
			}
		}
	}()
}

// retrainIfGrown starts a training when the history has AutoTrainMinimum examples the model has not seen.
func (s *RoutingService) retrainIfGrown(ctx context.Context) error {
	h, err := s.store.HistorySummary(ctx)
	if err != nil {
		return err
	}
	if h.NewSinceModel >= AutoTrainMinimum {
		if _, err := s.StartTraining(); err != nil && !isConflict(err) {
			return err
		}
	}
	return nil
}

// installStoredModel puts the newest stored model in use (none: matching by keywords); ok reports there was
// one that could be read.
func (s *RoutingService) installStoredModel(ctx context.Context) (ok bool, err error) {
	data, info, ok, err := s.store.LatestModel(ctx)
	if err != nil {
		return false, err
	}
	s.mu.Lock()
	s.model = core.RoutingModelInfo{}
	s.mu.Unlock()
	if ok {
		model, err := routing.LoadModel(bytes.NewReader(data))
		if err != nil {
			s.log.Warn("stored routing model unreadable; matching by keywords until retrained", "err", err)
			ok = false
		} else {
			s.matcher.SetModel(model)
			s.mu.Lock()
			s.model = info
			s.mu.Unlock()
		}
	}
	if !ok {
		s.matcher.SetModel(nil)
	}
	return ok, nil
}

// RereadRouting follows a change another server process made (its dictionary or a newly trained model): the
// dictionary and the model are read again, quietly — the process that made the change told the pages, and
// training is its business.
func RereadRouting(ctx context.Context, s *RoutingService) error {
	if err := s.loadDictionary(false); err != nil {
		return err
	}
	_, err := s.installStoredModel(ctx)
	return err
}

// ReloadRouting follows a restore: the restored database has its own user words, history and model.
func ReloadRouting(ctx context.Context, s *RoutingService) error {
	if err := s.rebuildDictionary(); err != nil {
		return err
	}
	return LoadRouting(ctx, s)
}

func isConflict(err error) bool {
	var ce *core.Error
	return errors.As(err, &ce) && ce.Code == core.ECONFLICT
}

// ListDictionary returns the built-in bureau terms and the words users added (a user word of the same
// spelling replaces the built-in entry).
func (s *RoutingService) ListDictionary() ([]core.DictionaryWord, error) {
	user, err := s.store.UserWords(s.ctx)
	if err != nil {
		return nil, err
	}
	mine := map[string]bool{}
	for _, w := range user {
		mine[w.Word] = true
	}
	out := user // user words first, then the built-in ones
	for _, w := range segment.BureauWords() {
		if !mine[w.Word] {
			out = append(out, core.DictionaryWord{Word: w.Word, Freq: w.Freq, Tag: w.Tag, Builtin: true})
		}
	}
	return nonNil(out, nil)
}

// SaveUserWord adds or changes a user word; the segmenter is rebuilt in the background and
// EventRoutingChanged follows when the new one is in use.
func (s *RoutingService) SaveUserWord(w core.UserWord) (core.DictionaryWord, error) {
	if err := segment.ValidateUserWords([]core.UserWord{w}); err != nil {
		return core.DictionaryWord{}, err
	}
	saved, err := s.store.SaveUserWord(s.ctx, w)
	if err != nil {
		return saved, err
	}
	return saved, s.rebuildDictionary()
}

// DeleteUserWord removes a user word and rebuilds the segmenter in the background.
func (s *RoutingService) DeleteUserWord(word string) error {
	if err := s.store.DeleteUserWord(s.ctx, word); err != nil {
		return err
	}
	return s.rebuildDictionary()
}

func (s *RoutingService) rebuildDictionary() error { return s.loadDictionary(true) }

// loadDictionary puts the stored user words into the segmenter; announce tells the pages once it is rebuilt.
func (s *RoutingService) loadDictionary(announce bool) error {
	words, err := UserWords(s.base, s.store)
	if err != nil {
		return err
	}
	done := s.seg.SetUserWords(words)
	go func() {
		if err := <-done; err != nil {
			s.log.Error("rebuilding the segmenter failed", "err", err)
			return
		}
		if announce {
			s.emit(EventRoutingChanged)
		}
	}()
	return nil
}

// UserWords returns the stored user words in the segmenter's form; main passes them to segment.New.
func UserWords(ctx context.Context, store RoutingStore) ([]core.UserWord, error) {
	list, err := store.UserWords(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]core.UserWord, len(list))
	for i, w := range list {
		out[i] = core.UserWord{Word: w.Word, Freq: w.Freq, Tag: w.Tag}
	}
	return out, nil
}

// History summarises the labeled messages the model learns from.
func (s *RoutingService) History() (core.RoutingHistory, error) {
	return nonNil(s.store.HistorySummary(s.ctx))
}

// parseExamples reads an uploaded labeled history file through the shared table intake (intake.ReadLabeled).
func parseExamples(name, dataBase64 string) ([]core.LabeledMessage, error) {
	data, err := decodeUpload(name, dataBase64)
	if err != nil {
		return nil, err
	}
	return intake.ReadLabeled(name, data)
}

// PreviewExamples reads a labeled history file and tells what importing it would add.
func (s *RoutingService) PreviewExamples(name, dataBase64 string) (core.ExampleImportPreview, error) {
	rows, err := parseExamples(name, dataBase64)
	if err != nil {
		return core.ExampleImportPreview{}, err
	}
	return nonNil(s.store.PreviewExamples(s.ctx, name, rows))
}

// ImportExamples adds a labeled history file, all of it or nothing; createTopics makes a topic for each
// label that has none. It runs on the import's job runner: progress arrives as EventExampleImportProgress and
// CancelExampleImport ends it with nothing imported.
func (s *RoutingService) ImportExamples(name, dataBase64 string, createTopics bool) (core.ExampleImportResult, error) {
	var res core.ExampleImportResult
	err := s.imports.runImport(s.ctx, s.emit, EventExampleImportProgress, name, "历史留言",
		func(ctx context.Context, report func(core.ImportProgress)) (bool, error) {
			rows, err := parseExamples(name, dataBase64)
			if err == nil {
				err = ctx.Err() // cancelled while the file was read
			}
			if err != nil {
				return false, err
			}
			res, err = s.store.ImportExamples(ctx, name, rows, createTopics, report) // one transaction: nothing kept on error
			return false, err
		})
	if err != nil {
		return nonNil(res, err)
	}
	s.emit(EventRoutingChanged)
	if len(res.CreatedTopics) > 0 {
		if err := s.refreshTopics(s.ctx); err != nil {
			return nonNil(res, err)
		}
		s.emit(EventMailboxSettingsChanged)
	}
	return nonNil(res, nil)
}

// CancelExampleImport stops the labeled history import that is running; nothing of its file is kept. It
// reports whether one was running.
func (s *RoutingService) CancelExampleImport() (bool, error) { return nonNil(s.imports.stop(), nil) }

// DeleteImportedExamples removes the imported history (routing decisions made in the app stay).
func (s *RoutingService) DeleteImportedExamples() (int, error) {
	n, err := s.store.DeleteImportedExamples(s.ctx)
	if err == nil && n > 0 {
		s.emit(EventRoutingChanged)
	}
	return n, err
}

// ModelInfo describes the model in use; Trained is false while topics are matched by keywords only.
func (s *RoutingService) ModelInfo() (core.RoutingModelInfo, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.model, nil
}

// Job returns the running job, or the last one.
func (s *RoutingService) Job() (core.RoutingJob, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.job, nil
}

// LastEvaluation returns the latest evaluation (Folds 0 when none ran).
func (s *RoutingService) LastEvaluation() (core.RoutingEvaluation, error) {
	return nonNil(s.store.LastEvaluation(s.ctx))
}

// CancelJob stops the running job; the model in use stays as it was.
func (s *RoutingService) CancelJob() (core.RoutingJob, error) {
	s.runner.stop()
	return s.Job()
}

// StartTraining retrains the matcher on the labeled history and the topics' example messages, in the
// background; progress arrives as EventRoutingProgress.
func (s *RoutingService) StartTraining() (core.RoutingJob, error) {
	return s.start(core.RoutingJobTrain, s.train)
}

// StartEvaluation cross-validates the matcher on the labeled history with the given number of folds, in the
// background; the result is kept for LastEvaluation.
func (s *RoutingService) StartEvaluation(folds int) (core.RoutingJob, error) {
	if folds < 2 || folds > 20 {
		return core.RoutingJob{}, core.FieldErrorf(core.EINVALID, "folds", "检验时分成的份数应在2到20之间")
	}
	return s.start(core.RoutingJobEvaluate, func(ctx context.Context, report func(string, int, int)) error {
		return s.evaluate(ctx, folds, report)
	})
}

// start runs job in the background unless another one is running.
func (s *RoutingService) start(kind string, job func(ctx context.Context, report func(stage string, done, total int)) error) (core.RoutingJob, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.job.Running { // set false only when the job has ended and the runner is free
		what := "训练"
		if s.job.Kind == core.RoutingJobEvaluate {
			what = "评估"
		}
		return s.job, core.Errorf(core.ECONFLICT, "正在%s主题匹配模型，请等待完成或先取消", what)
	}
	s.job = core.RoutingJob{Kind: kind, Running: true, Stage: "准备", StartedAt: s.clock.Now().Format(time.RFC3339)}
	s.runner.start(s.base, func(ctx context.Context) error { return job(ctx, s.report) }, func(ctx context.Context, err error) {
		// runs once the runner is free again
		s.mu.Lock()
		s.job.Running, s.job.EndedAt = false, s.clock.Now().Format(time.RFC3339)
		switch {
		case err == nil:
			s.job.Stage, s.job.Done = "完成", s.job.Total
		case ctx.Err() != nil:
			s.job.Error = "已取消"
		default:
			s.job.Error = errorMessage(err)
			s.log.Error("routing job failed", "kind", kind, "err", err)
		}
		final := s.job
		s.mu.Unlock()
		s.emit(EventRoutingProgress, filled(final))
		if err == nil {
			s.emit(EventRoutingChanged)
		}
	})
	return s.job, nil
}

// errorMessage is the user-facing text of err: a core.Error's message, else a generic one.
func errorMessage(err error) string {
	var ce *core.Error
	if errors.As(err, &ce) {
		return ce.Message
	}
	return "内部错误：" + err.Error()
}

// report records the job's progress and tells the frontend (throttled by the runner, always at the end of a
// stage).
func (s *RoutingService) report(stage string, done, total int) {
	s.mu.Lock()
	s.job.Stage, s.job.Done, s.job.Total = stage, done, total
	job := s.job
	s.mu.Unlock()
	if s.runner.throttle(done >= total) {
		s.emit(EventRoutingProgress, filled(job))
	}
}

// stageNames are the Chinese names of the engine's stages.
var stageNames = map[string]string{
	routing.StageSegment: "分词",
	routing.StageFit:     "训练分类器",
	routing.StageFold:    "交叉验证",
}

func progressOf(report func(string, int, int)) func(routing.Progress) {
	return func(p routing.Progress) { report(stageNames[p.Stage], p.Done, p.Total) }
}

// history waits for the segmenter and reads the labeled history.
func (s *RoutingService) history(ctx context.Context, report func(string, int, int)) ([]core.LabeledMessage, error) {
	report("加载分词词典", 0, 1)
	if err := s.seg.Wait(ctx); err != nil {
		return nil, err
	}
	report("读取历史留言", 0, 1)
	return s.store.History(ctx)
}

func (s *RoutingService) train(ctx context.Context, report func(string, int, int)) error {
	history, err := s.history(ctx, report)
	if err != nil {
		return err
	}
	if err := s.refreshTopics(ctx); err != nil {
		return err
	}
	start := time.Now()
	if err := s.matcher.Retrain(ctx, history, routing.Options{}, progressOf(report)); err != nil {
		return err
	}
	elapsed := time.Since(start)
	report("保存模型", 0, 1)
	model := s.matcher.Model()
	var buf bytes.Buffer
	if err := model.Save(&buf); err != nil {
		return err
	}
	info := core.RoutingModelInfo{Trained: true, TrainedAt: s.clock.Now().Format(time.RFC3339), Examples: len(history),
		Topics: len(model.Labels), SizeBytes: buf.Len(), Seconds: elapsed.Seconds()}
	// The model is already in use; storing it only keeps it for the next start. Storing must not be
	// cancelled half-way, so it runs on the service's base context.
	if err := s.store.SaveModel(s.base, buf.Bytes(), info); err != nil {
		return err
	}
	s.mu.Lock()
	s.model = info
	s.mu.Unlock()
	s.log.Info("routing model trained", "examples", len(history), "seconds", elapsed.Seconds(), "bytes", buf.Len())
	return nil
}

// minPerFold is how many labeled messages per fold an evaluation needs to say anything.
const minPerFold = 4

func (s *RoutingService) evaluate(ctx context.Context, folds int, report func(string, int, int)) error {
	history, err := s.history(ctx, report)
	if err != nil {
		return err
	}
	if len(history) < folds*minPerFold {
		return core.Errorf(core.EINVALID, "已分类的历史留言只有%d条，%d折交叉验证至少需要%d条：请先导入历史留言或减少折数",
			len(history), folds, folds*minPerFold)
	}
	start := time.Now()
	runs, metrics, err := routing.CrossValidate(ctx, s.seg, history, folds, routing.Options{}, progressOf(report))
	if err != nil {
		return err
	}
	names, err := s.store.TopicNames(ctx)
	if err != nil {
		return err
	}
	ev := evaluationOf(metrics, runs, names)
	ev.At, ev.Folds, ev.Examples, ev.Seconds = s.clock.Now().Format(time.RFC3339), folds, len(history), time.Since(start).Seconds()
	return s.store.SaveEvaluation(s.base, ev)
}

// MinEvalSupport is routing.MinEvalSupport: the topics an evaluation's headline counts.
const MinEvalSupport = routing.MinEvalSupport

// evaluationOf turns the engine's metrics (labels are topic IDs) into the evaluation shown in the UI, scored
// as eval-routing scores it (routing.ScoreOf).
func evaluationOf(m routing.Metrics, runs []routing.Run, names map[int64]string) core.RoutingEvaluation {
	score := routing.ScoreOf(m, runs)
	ev := core.RoutingEvaluation{Accuracy: m.Accuracy, MacroF1All: m.MacroF1, MinSupport: MinEvalSupport, Confusion: m.Confusion,
		Labels: make([]string, len(m.Labels)), PerTopic: make([]core.RoutingTopicEval, len(m.Labels)),
		MacroF1: score.MacroF1, Scored: score.Scored, FoldMacroF1: score.FoldMacroF1, MsgsPerSec: score.MsgsPerSec}
	for i, l := range m.Labels {
		ev.Labels[i] = topicLabel(l, names)
		ev.PerTopic[i] = core.RoutingTopicEval{Topic: ev.Labels[i], Precision: m.Precision[i], Recall: m.Recall[i], F1: m.F1[i], Support: m.Support[i]}
	}
	return ev
}

// topicLabel names a model label: a topic ID becomes the topic's name.
func topicLabel(label string, names map[int64]string) string {
	if label == "" {
		return "（无法判断）"
	}
	if id, err := strconv.ParseInt(label, 10, 64); err == nil {
		if n, ok := names[id]; ok {
			return n
		}
	}
	return label
}
