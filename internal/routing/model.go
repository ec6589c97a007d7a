// Package routing suggests the topic, and so the handling section, of 局长信箱 messages:
// a linear SVM over TF-IDF of jieba words and character bigrams, learned from labelled history,
// with topic keywords as a prior, calibrated confidences and per-word explanations.
package routing

import (
	"context"
	"encoding/gob"
	"fmt"
	"io"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"policydesk/internal/core"
	"policydesk/internal/segment"
)

// Options tune training; the zero value gives the defaults measured on the mailbox corpus.
type Options struct {
	C         float64 // SVM regularisation: larger fits the history more closely (default 1)
	MinDF     int     // features seen in fewer training messages are dropped (default 2)
	MaxEpochs int     // passes over the data per class at most (default 30)
	Workers   int     // parallel segmentation and training (default GOMAXPROCS)
	// Keywords are the topics' keywords by label, whose prior Match adds to the model's scores (Retrain
	// sets them). The confidence temperature is fitted on held-out scores with that prior included:
	// fitted without it, each keyword a message contains moved a topic by 0.5/T (T≈0.2) unaccounted for,
	// and nearly every message read as 100 %.
	Keywords map[string][]core.TopicKeyword
}

func (o Options) withDefaults() Options {
	if o.C <= 0 {
		o.C = 1
	}
	if o.MinDF <= 0 {
		o.MinDF = 2
	}
	if o.MaxEpochs <= 0 {
		o.MaxEpochs = 30
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	return o
}

// Training stages reported through Progress.
const (
	StageSegment = "segment" // normalising and segmenting the messages
	StageFit     = "fit"     // training the per-topic classifiers
	StageFold    = "fold"    // cross-validation: a fold was trained and tested
)

// Progress reports how far a training run is: Done of Total units of Stage.
type Progress struct {
	Stage string
	Done  int
	Total int
}

// Model is a trained classifier. It is immutable once built and safe for concurrent use;
// Save and LoadModel store it (encoding/gob).
type Model struct {
	Labels      []string // the classes, sorted; a label is a topic ID or name
	Vocab       *vocabulary
	Classes     []linear // one per label
	Temperature float64  // softmax temperature fitted on held-out scores
	Examples    int      // how many messages it was trained on

	byFeatureOnce sync.Once
	byFeature     []float32 // Classes' weights feature-major; see weights
}

// weights returns the class weights laid out feature by feature: row f holds every class's
// weight of feature f. Scoring a message then reads one short row per feature instead of
// one scattered weight per class, which is what makes matching memory-bound otherwise.
func (m *Model) weights() []float32 {
	m.byFeatureOnce.Do(func() {
		k := len(m.Classes)
		m.byFeature = make([]float32, m.Vocab.size()*k)
		for c, l := range m.Classes {
			for f, w := range l.W {
				m.byFeature[f*k+c] = w
			}
		}
	})
	return m.byFeature
}

// scoreInto sets sc.scores to every class's score w·x + b (in the order of Labels) for
// sc.x, and sc.terms to the terms w_c(f)·x_f that explanations rank: class c's terms, one
// per entry of sc.x, start at c·len(sc.x.idx). Both come from one pass over the model.
func (m *Model) scoreInto(sc *scratch) {
	w := m.weights()
	k, n := len(m.Classes), len(sc.x.idx)
	sc.scores = slices.Grow(sc.scores[:0], k)
	for c := range m.Classes {
		sc.scores = append(sc.scores, float64(m.Classes[c].B))
	}
	sc.terms = slices.Grow(sc.terms[:0], k*n)[:k*n]
	for j, f := range sc.x.idx {
		v := float64(sc.x.val[j])
		for c, wc := range w[int(f)*k : int(f)*k+k] {
			t := float64(wc) * v
			sc.scores[c] += t
			sc.terms[c*n+j] = t
		}
	}
}

const modelFormat = "policydesk-routing-v3" // v2: word pairs and the lead sentence; v3: features saved by hash

// Save writes the model in a versioned gob stream.
func (m *Model) Save(w io.Writer) error {
	enc := gob.NewEncoder(w)
	if err := enc.Encode(modelFormat); err != nil {
		return err
	}
	return enc.Encode(m)
}

// LoadModel reads a model written by Save.
func LoadModel(r io.Reader) (*Model, error) {
	dec := gob.NewDecoder(r)
	var format string
	if err := dec.Decode(&format); err != nil || format != modelFormat {
		return nil, core.Errorf(core.EINVALID, "主题匹配模型文件无法识别，请重新训练")
	}
	var m Model
	if err := dec.Decode(&m); err != nil {
		return nil, core.Errorf(core.EINVALID, "主题匹配模型文件已损坏，请重新训练：%v", err)
	}
	if len(m.Labels) != len(m.Classes) || m.Vocab == nil || len(m.Vocab.Hashes) != len(m.Vocab.IDF) || m.Temperature <= 0 {
		return nil, core.Errorf(core.EINVALID, "主题匹配模型文件内容不完整，请重新训练")
	}
	return &m, nil
}

// MessageText joins a message's subject and body the way training and matching expect:
// a blank line keeps the subject a sentence of its own after normalisation.
func MessageText(subject, body string) string {
	if subject == "" {
		return body
	}
	return subject + "\n\n" + body
}

// Train learns a model from labelled messages. It runs in the caller's goroutine (start it in
// one of its own to train in the background), reports progress if progress is not nil, and
// stops with ctx's error when ctx is cancelled.
func Train(ctx context.Context, an Analyzer, examples []core.LabeledMessage, opts Options, progress func(Progress)) (*Model, error) {
	opts = opts.withDefaults()
	texts := make([]string, len(examples))
	labels := make([]string, len(examples))
	for i, e := range examples {
		texts[i] = MessageText(e.Subject, e.Body)
		labels[i] = e.Label
	}
	if err := checkLabels(labels); err != nil {
		return nil, err
	}
	var priors []map[string]float64 // per example, the keyword prior of each label it contains keywords of
	var seen func(i int, a *segment.Analysis)
	if len(opts.Keywords) > 0 {
		terms := map[string][]topicTerm{}
		for label, kws := range opts.Keywords {
			terms[label] = normalizedTerms(kws)
		}
		priors = make([]map[string]float64, len(texts))
		seen = func(i int, a *segment.Analysis) {
			for label, ts := range terms {
				if v := keywordScore(ts, a.Text); v != 0 {
					if priors[i] == nil {
						priors[i] = map[string]float64{}
					}
					priors[i][label] = v
				}
			}
		}
	}
	c, err := analyzeAll(ctx, an, texts, opts.Workers, progress, seen)
	if err != nil {
		return nil, err
	}
	return fitWithPriors(ctx, c, c.docs, labels, priors, opts, progress)
}

func checkLabels(labels []string) error {
	distinct := map[string]bool{}
	for i, l := range labels {
		if l == "" {
			return core.Errorf(core.EINVALID, "第%d条训练留言缺少主题", i+1)
		}
		distinct[l] = true
	}
	if len(distinct) < 2 {
		return core.Errorf(core.EINVALID, "训练至少需要两个主题的已分类留言（当前%d个）", len(distinct))
	}
	return nil
}

// reusingAnalyzer is an Analyzer that can write an analysis over an earlier one's storage
// (segment.Lexicon.AnalyzeInto): training keeps only the features of each message.
type reusingAnalyzer interface {
	AnalyzeInto(text string, a *segment.Analysis) *segment.Analysis
}

// analyzeAll segments texts with a pool of workers (jieba's Cut is safe for concurrent use).
func analyzeAll(ctx context.Context, an Analyzer, texts []string, workers int, progress func(Progress), seen ...func(i int, a *segment.Analysis)) (*corpus, error) {
	workers = max(1, min(workers, len(texts)))
	in := newIntake(len(texts), workers)
	reusing, _ := an.(reusingAnalyzer)
	var done int
	var mu sync.Mutex
	for lo := 0; lo < len(texts); lo += intakeBatch {
		hi := min(len(texts), lo+intakeBatch)
		textBytes := 0
		for _, t := range texts[lo:hi] {
			textBytes += len(t)
		}
		in.reserve(textBytes)
		err := parallelWorkers(ctx, hi-lo, workers, func(w, k int) {
			i := lo + k
			sc := scratchPool.Get().(*scratch) // the analysis and occurrences' storage, reused from message to message
			var a *segment.Analysis
			if reusing != nil {
				a = reusing.AnalyzeInto(texts[i], sc.analysis)
				sc.analysis = a
			} else {
				a = an.Analyze(texts[i])
			}
			for _, f := range seen {
				if f != nil {
					f(i, a)
				}
			}
			sc.occ = extract(sc.occ, a, an.IsStopWord)
			in.add(w, i, sc.occ)
			scratchPool.Put(sc)
			if progress != nil {
				mu.Lock()
				done++
				if done%100 == 0 || done == len(texts) {
					progress(Progress{Stage: StageSegment, Done: done, Total: len(texts)})
				}
				mu.Unlock()
			}
		})
		if err != nil {
			return nil, err
		}
		if err := in.flush(ctx, workers, lo, hi); err != nil {
			return nil, err
		}
	}
	return in.c, nil
}

// parallel calls f(0..n-1) on workers goroutines and returns ctx's error if it was cancelled.
func parallel(ctx context.Context, n, workers int, f func(i int)) error {
	return parallelWorkers(ctx, n, workers, func(_, i int) { f(i) })
}

// parallelWorkers is parallel telling f which of the workers (0..workers-1) calls it.
// The workers take the next i from a shared counter: handing each one over a channel woke a
// goroutine per item, thousands of times per training run.
func parallelWorkers(ctx context.Context, n, workers int, f func(w, i int)) error {
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range max(1, min(workers, n)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n || ctx.Err() != nil {
					return
				}
				f(w, i)
			}
		})
	}
	wg.Wait()
	return ctx.Err()
}

// fit builds the vocabulary, trains the one-vs-rest classifiers and fits the offsets and the temperature
// on the examples' held-out scores.
func fit(ctx context.Context, corp *corpus, docs [][]uint32, labels []string, opts Options, progress func(Progress)) (*Model, error) {
	return fitWithPriors(ctx, corp, docs, labels, nil, opts, progress)
}

// fitWithPriors is fit with each example's keyword prior by label (nil: none), added to its held-out scores
// before the offsets and the temperature are fitted, as Match adds it.
func fitWithPriors(ctx context.Context, corp *corpus, docs [][]uint32, labels []string, priors []map[string]float64, opts Options, progress func(Progress)) (*Model, error) {
	opts = opts.withDefaults()
	m := &Model{Examples: len(docs)}
	m.Labels = slices.Sorted(func(yield func(string) bool) {
		seen := map[string]bool{}
		for _, l := range labels {
			if !seen[l] {
				seen[l] = true
				if !yield(l) {
					return
				}
			}
		}
	})
	y := make([]int, len(labels))
	for i, l := range labels {
		y[i], _ = slices.BinarySearch(m.Labels, l)
	}
	var col []int32
	m.Vocab, col = buildVocabulary(corp, docs, opts.MinDF)
	xs := make([]vector, len(docs))
	if err := parallel(ctx, len(docs), opts.Workers, func(i int) { xs[i] = m.Vocab.vectorizeDoc(docs[i], col) }); err != nil {
		return nil, err
	}

	k, dim := len(m.Labels), m.Vocab.size()
	// Each class's classifier comes with every example's held-out score (see heldOut): the offsets and the
	// temperature are fitted on those, with no classifiers trained on parts of the examples. The naive Bayes
	// counts are taken once for every class.
	nb := featureCounts(xs, y, k, dim)
	m.Classes = make([]linear, k)
	held := make([][]float64, k)
	var mu sync.Mutex
	var done int
	var firstErr error
	err := parallel(ctx, k, opts.Workers, func(c int) {
		pos := make([]bool, len(y))
		for i, yc := range y {
			pos[i] = yc == c
		}
		l, h, err := trainBinary(ctx, xs, pos, nb.nbScale(c), opts.C, opts.MaxEpochs, uint64(c+1))
		mu.Lock()
		defer mu.Unlock()
		if err != nil && firstErr == nil {
			firstErr = err
		}
		m.Classes[c], held[c] = l, h
		done++
		if progress != nil {
			progress(Progress{Stage: StageFit, Done: done, Total: k})
		}
	})
	if err == nil {
		err = firstErr
	}
	if err != nil {
		return nil, err
	}
	heldScores := make([][]float64, len(xs))
	for i := range xs {
		s := make([]float64, k)
		for c := range k {
			s[c] = held[c][i]
			if priors != nil {
				s[c] += priors[i][m.Labels[c]]
			}
		}
		heldScores[i] = s
	}
	// One-vs-rest classifiers are trained separately, so their scores are not on quite the
	// same scale: a topic with few or varied messages scores low even when it is right.
	// Offsets fitted on held-out scores put them on a common footing (the argmax changes,
	// which is the point: weak topics gain recall) and, with the temperature refitted after
	// them, the confidences stay calibrated.
	offsets := fitOffsets(heldScores, y, k, fitTemperature(heldScores, y))
	for _, s := range heldScores {
		for c := range s {
			s[c] += offsets[c]
		}
	}
	for c := range m.Classes {
		m.Classes[c].B += float32(offsets[c])
	}
	m.Temperature = fitTemperature(heldScores, y)
	// Matching needs the features' lookup table and the weights feature by feature: built here side by side,
	// not one after the other in the first Match while other callers wait for them.
	if err := parallel(ctx, 2, opts.Workers, func(i int) {
		if i == 0 {
			m.Vocab.lookup()
		} else {
			m.weights()
		}
	}); err != nil {
		return nil, err
	}
	return m, nil
}

// fitOffsets finds offsets b for k classes minimising the negative log-likelihood of
// softmax((s+b)/t) on held-out scores, by Newton's method (the loss is convex in b; a handful of steps
// reach the minimum, where gradient descent took hundreds). The offsets sum to zero, as every step does;
// without scores they are zero.
func fitOffsets(scores [][]float64, y []int, k int, t float64) []float64 {
	b := make([]float64, k)
	if len(scores) == 0 {
		return b
	}
	const (
		maxSteps  = 50
		tolerance = 1e-7 // on the largest gradient component, per example
	)
	n := float64(len(scores))
	grad := make([]float64, k)
	hess := make([]float64, k*k)
	p := make([]float64, k)
	step := make([]float64, k)
	trial := make([]float64, k)
	// loss returns the mean negative log-likelihood at offsets u, and with grad its gradient and hessian
	// its Hessian, both in units of u/t.
	loss := func(u []float64, grad, hessian []float64) float64 {
		clear(grad)
		clear(hessian)
		var sum float64
		for i, s := range scores {
			top := math.Inf(-1)
			for c := range s {
				p[c] = (s[c] + u[c]) / t
				top = max(top, p[c])
			}
			var z float64
			for c := range p {
				p[c] = math.Exp(p[c] - top)
				z += p[c]
			}
			sum += math.Log(z) + top - (s[y[i]]+u[y[i]])/t
			if grad == nil {
				continue
			}
			for c := range p {
				p[c] /= z
				grad[c] += p[c]
			}
			grad[y[i]]--
			for c := range k {
				row := hessian[c*k : c*k+k]
				for d := range k {
					row[d] -= p[c] * p[d]
				}
				row[c] += p[c]
			}
		}
		return sum / n
	}
	current := loss(b, grad, hess)
	for range maxSteps {
		var largest float64
		for c := range grad {
			grad[c] /= n
			largest = max(largest, math.Abs(grad[c]))
		}
		if largest < tolerance {
			break
		}
		// The Hessian is singular along (1,…,1), a shift of every offset that changes nothing; adding
		// that direction's projection makes it invertible, and the step then sums to zero as the gradient does.
		for c := range k {
			for d := range k {
				hess[c*k+d] = hess[c*k+d]/n + 1.0/float64(k)
			}
			step[c] = -grad[c] * t
		}
		if !solve(hess, step, k) {
			break
		}
		// Halve the step until the loss goes down: the full Newton step can overshoot far from the minimum.
		next := math.Inf(1)
		for range 30 {
			for c := range b {
				trial[c] = b[c] + step[c]
			}
			if next = loss(trial, nil, nil); next <= current {
				break
			}
			for c := range step {
				step[c] /= 2
			}
		}
		if next > current {
			break
		}
		copy(b, trial)
		current = loss(b, grad, hess)
	}
	var mean float64
	for _, v := range b {
		mean += v / float64(k)
	}
	for c := range b {
		b[c] -= mean // rounding aside, they sum to zero already
	}
	return b
}

// solve solves a·x = rhs for x (a is k×k, row by row) by Gaussian elimination with partial pivoting,
// overwriting a, and x over rhs. It reports false if a is singular.
func solve(a, rhs []float64, k int) bool {
	for col := range k {
		pivot := col
		for r := col + 1; r < k; r++ {
			if math.Abs(a[r*k+col]) > math.Abs(a[pivot*k+col]) {
				pivot = r
			}
		}
		if math.Abs(a[pivot*k+col]) < 1e-12 {
			return false
		}
		if pivot != col {
			for c := range k {
				a[col*k+c], a[pivot*k+c] = a[pivot*k+c], a[col*k+c]
			}
			rhs[col], rhs[pivot] = rhs[pivot], rhs[col]
		}
		for r := col + 1; r < k; r++ {
			f := a[r*k+col] / a[col*k+col]
			for c := col; c < k; c++ {
				a[r*k+c] -= f * a[col*k+c]
			}
			rhs[r] -= f * rhs[col]
		}
	}
	for r := k - 1; r >= 0; r-- {
		v := rhs[r]
		for c := r + 1; c < k; c++ {
			v -= a[r*k+c] * rhs[c]
		}
		rhs[r] = v / a[r*k+r]
	}
	return true
}

// stratifiedFolds assigns each example a fold so that every class is spread evenly.
func stratifiedFolds(y []int, classes, k int) []int {
	folds := make([]int, len(y))
	next := make([]int, classes)
	for i, c := range y {
		folds[i] = next[c] % k
		next[c]++
	}
	return folds
}

// fitTemperature finds T minimising the negative log-likelihood of softmax(scores/T) on
// held-out examples, so a confidence of 0.8 is right about 80% of the time. SVM margins are
// not probabilities; one parameter is enough to calibrate them and cannot overfit.
// The likelihood is convex in 1/T (its second derivative is the variance of the scores under
// the softmax), so Newton's method on 1/T, kept inside T ∈ [1/100, 10], finds it in a few steps.
func fitTemperature(scores [][]float64, y []int) float64 {
	if len(scores) == 0 {
		return 1
	}
	// derivatives returns the first and second derivative of the negative log-likelihood in beta = 1/T.
	derivatives := func(beta float64) (d1, d2 float64) {
		for i, s := range scores {
			top := slices.Max(s)
			var z, mean, square float64
			for _, v := range s {
				e := math.Exp(beta * (v - top))
				z += e
				mean += e * v
				square += e * v * v
			}
			mean, square = mean/z, square/z
			d1 += mean - s[y[i]]
			d2 += square - mean*mean
		}
		return d1, d2
	}
	lo, hi := 1/10.0, 100.0 // beta's bounds
	beta := 1.0
	for range 100 {
		d1, d2 := derivatives(beta)
		if d1 > 0 {
			hi = beta // the minimum lies below
		} else {
			lo = beta
		}
		next := beta - d1/d2
		if d2 <= 0 || math.IsNaN(next) || next <= lo || next >= hi {
			next = (lo + hi) / 2 // Newton would leave the bracket: bisect
		}
		if math.Abs(next-beta) < 1e-9*beta || hi-lo < 1e-9*beta {
			beta = next
			break
		}
		beta = next
	}
	return 1 / beta
}

// softmax turns scores into probabilities at temperature t.
func softmax(s []float64, t float64) []float64 {
	p := make([]float64, len(s))
	top := slices.Max(s)
	var sum float64
	for i, v := range s {
		p[i] = math.Exp((v - top) / t)
		sum += p[i]
	}
	for i := range p {
		p[i] /= sum
	}
	return p
}

// String summarises the model for logs.
func (m *Model) String() string {
	return fmt.Sprintf("routing model: %d topics, %d features, %d examples, T=%.3f",
		len(m.Labels), m.Vocab.size(), m.Examples, m.Temperature)
}
