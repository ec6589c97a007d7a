package routing

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"policydesk/internal/core"
	"policydesk/internal/segment"
)

var _ core.TopicMatcher = (*Matcher)(nil)

const (
	// keywordPrior is how far one topic keyword of weight 1 moves a topic's score, in SVM
	// margin units: about half the gap between a clear "yes" (+1) and a clear "no" (-1), so a
	// keyword staff chose tips close calls without overruling strong evidence.
	keywordPrior = 0.5
	// unlearnedScore is the score of a topic the model has no history for: a confident "no",
	// which its keywords can lift.
	unlearnedScore = -1.0
	topTopics      = 3
	wordsPerTopic  = 5
)

// Matcher routes messages with a model and the configured topics. Models and topics can be
// replaced while Match runs; each call sees one consistent pair.
type Matcher struct {
	an    Analyzer
	state atomic.Pointer[matcherState]
}

// matcherState is an immutable snapshot of what Match needs.
type matcherState struct {
	model      *Model         // may be nil: keywords alone then
	configured []core.Topic   // as set by the caller
	topics     []core.Topic   // configured topics, plus one per model label that has none
	labelTopic []int          // model label index → topics index
	keywords   [][]topicTerm  // per topic, normalised keywords
	byLabel    map[string]int // topic ID or name → topics index
}

type topicTerm struct {
	word   string // normalised, as it appears in normalised text
	weight float64
}

// NewMatcher returns a matcher over topics; model may be nil until one has been trained.
func NewMatcher(an Analyzer, model *Model, topics []core.Topic) *Matcher {
	m := &Matcher{an: an}
	m.state.Store(newState(model, topics))
	return m
}

// SetModel swaps in a newly trained model.
func (m *Matcher) SetModel(model *Model) {
	m.state.Store(newState(model, m.state.Load().configured))
}

// SetTopics replaces the topic definitions (names, sections, keywords, examples).
func (m *Matcher) SetTopics(topics []core.Topic) {
	m.state.Store(newState(m.state.Load().model, topics))
}

// Analyzer returns the segmenter the matcher reads texts with.
func (m *Matcher) Analyzer() Analyzer { return m.an }

// Model returns the model in use, or nil.
func (m *Matcher) Model() *Model { return m.state.Load().model }

func newState(model *Model, topics []core.Topic) *matcherState {
	st := &matcherState{model: model, configured: slices.Clone(topics), topics: slices.Clone(topics), byLabel: map[string]int{}}
	for i, t := range st.topics {
		st.byLabel[t.Name] = i
	}
	for i, t := range st.topics {
		st.byLabel[t.ID] = i // an ID wins over another topic's equal name
	}
	if model != nil {
		st.labelTopic = make([]int, len(model.Labels))
		for c, l := range model.Labels {
			i, ok := st.byLabel[l]
			if !ok {
				i = len(st.topics)
				st.topics = append(st.topics, core.Topic{ID: l, Name: l})
				st.byLabel[l] = i
			}
			st.labelTopic[c] = i
		}
	}
	st.keywords = make([][]topicTerm, len(st.topics))
	for i, t := range st.topics {
		st.keywords[i] = normalizedTerms(t.Keywords)
	}
	return st
}

// normalizedTerms are a topic's keywords as they appear in normalised text.
func normalizedTerms(kws []core.TopicKeyword) []topicTerm {
	var out []topicTerm
	for _, k := range kws {
		w := segment.Normalize(k.Word).Text
		if w != "" && k.Weight != 0 {
			out = append(out, topicTerm{word: w, weight: k.Weight})
		}
	}
	return out
}

// keywordScore is how far a topic's keywords found in text move its score.
func keywordScore(terms []topicTerm, text string) float64 {
	var v float64
	for _, t := range terms {
		if strings.Contains(text, t.word) {
			v += keywordPrior * t.weight
		}
	}
	return v
}

// Retrain learns a new model from history (labelled messages; labels are topic IDs or names)
// plus the topics' example messages, and swaps it in. Run it in its own goroutine; cancel ctx
// to stop it, in which case the current model stays.
func (m *Matcher) Retrain(ctx context.Context, history []core.LabeledMessage, opts Options, progress func(Progress)) error {
	st := m.state.Load()
	examples := make([]core.LabeledMessage, 0, len(history))
	for _, h := range history {
		if i, ok := st.byLabel[h.Label]; ok && st.topics[i].ID != "" {
			h.Label = st.topics[i].ID
		}
		examples = append(examples, h)
	}
	for _, t := range st.topics {
		for _, ex := range t.Examples {
			examples = append(examples, core.LabeledMessage{Body: ex, Label: t.ID})
		}
	}
	if opts.Keywords == nil {
		opts.Keywords = map[string][]core.TopicKeyword{}
		for _, t := range st.configured {
			label := t.ID
			if label == "" {
				label = t.Name
			}
			if len(t.Keywords) > 0 {
				opts.Keywords[label] = t.Keywords
			}
		}
	}
	model, err := Train(ctx, m.an, examples, opts, progress)
	if err != nil {
		return err
	}
	m.SetModel(model)
	return nil
}

// MatchAll matches many texts on a pool of workers, keeping their order.
func (m *Matcher) MatchAll(ctx context.Context, texts []string, workers int) ([]core.MatchResult, error) {
	out := make([]core.MatchResult, len(texts))
	err := parallel(ctx, len(texts), workers, func(i int) { out[i] = m.Match(texts[i]) })
	return out, err
}

// scratch holds the working slices of one Match call. A message has about a thousand
// feature occurrences; reusing their storage through a pool, instead of allocating it for
// every message, keeps the garbage collector from taking a large share of matching time.
type scratch struct {
	analysis *segment.Analysis // training's, written over from message to message (see analyzeAll)
	occ      []occurrence
	colOf    []int32 // column of each occurrence, -1 if not a model feature
	at       []int32 // per model column, its entry in x plus 1 while vectorize counts; otherwise 0
	x        vector
	scores   []float64
	terms    []float64 // see Model.scoreInto
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// candidate is one topic's score for a text, before ranking.
type candidate struct {
	topic int
	label int // model label index, -1 for a topic the model does not know
	score float64
}

// Match ranks the topics for text and explains the top three.
func (m *Matcher) Match(text string) core.MatchResult {
	st := m.state.Load()
	if len(st.topics) == 0 {
		return core.MatchResult{}
	}
	a := m.an.Analyze(text)
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	sc.occ = extract(sc.occ, a, nil)
	temperature := 1.0
	if st.model != nil {
		st.model.Vocab.vectorize(sc.occ, sc)
		st.model.scoreInto(sc)
		temperature = st.model.Temperature
	}
	cands := make([]candidate, len(st.topics))
	for i := range cands {
		cands[i] = candidate{topic: i, label: -1, score: unlearnedScore}
	}
	for c, i := range st.labelTopic {
		cands[i].label = c
		cands[i].score = sc.scores[c]
	}
	for i, terms := range st.keywords {
		cands[i].score += keywordScore(terms, a.Text)
	}
	raw := make([]float64, len(cands))
	for i, c := range cands {
		raw[i] = c.score
	}
	probs := softmax(raw, temperature)
	order := make([]int, len(cands))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(p, q int) int { return cmp.Compare(probs[q], probs[p]) })

	ex := &explainer{st: st, a: a, sc: sc, isStop: m.an.IsStopWord}
	var res core.MatchResult
	for _, i := range order[:min(topTopics, len(order))] {
		t := st.topics[cands[i].topic]
		words := []core.MatchedWord{}
		if probs[i] >= minExplained { // a topic shown as 0 % has no words that speak for it
			words = ex.words(cands[i])
		}
		res.Top = append(res.Top, core.TopicScore{
			TopicID:    t.ID,
			Name:       t.Name,
			Section:    t.Section,
			Confidence: probs[i],
			Words:      words,
		})
	}
	return res
}
