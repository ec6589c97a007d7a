package routing

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"policydesk/internal/core"
	"policydesk/internal/segment"
)

// explainer turns a topic's score into the words that raised it, located in the original text.
type explainer struct {
	st     *matcherState
	a      *segment.Analysis
	occ    []occurrence
	colOf  []int32 // column of each occurrence, -1 if not a model feature
	x      vector
	isStop func(string) bool
}

// span is a piece of the normalised text credited to surface.
type span struct {
	surface    string
	start, end int
}

// featuresPerTopic bounds how many of a topic's strongest features are turned into words:
// five words rarely need more, and locating every feature would cost as much as segmenting.
const featuresPerTopic = 4 * wordsPerTopic

// attribute credits a bigram to the word it lies inside ("区业" in "小区业主" → 小区业主), which
// reads better than a fragment; bigrams spanning two words stay as they are.
func (ex *explainer) attribute(o occurrence) span {
	if o.kind == kindBigram {
		toks := ex.a.Tokens
		k := sort.Search(len(toks), func(k int) bool { return toks[k].Start > o.start }) - 1
		if k >= 0 && toks[k].End >= o.end && isFeatureWord(toks[k].Word) && !ex.isStop(toks[k].Word) {
			return span{surface: toks[k].Word, start: toks[k].Start, end: toks[k].End}
		}
	}
	return span{surface: o.key, start: o.start, end: o.end}
}

// words lists the strongest positive contributions to c's score: weight × value for the
// strongest model features and the prior of matched keywords, grouped by the word they read as.
func (ex *explainer) words(c candidate) []core.MatchedWord {
	type acc struct {
		contribution float64
		spans        []span
	}
	bySurface := map[string]*acc{}
	add := func(sp span, v float64) {
		a := bySurface[sp.surface]
		if a == nil {
			a = &acc{}
			bySurface[sp.surface] = a
		}
		a.contribution += v
		a.spans = append(a.spans, sp)
	}
	if c.label >= 0 {
		strongest := ex.strongest(ex.st.model.Classes[c.label].W)
		for k, o := range ex.occ {
			if col := ex.colOf[k]; col >= 0 && strongest[col].occurrences > 0 {
				f := strongest[col]
				add(ex.attribute(o), f.contribution/float64(f.occurrences))
			}
		}
	}
	for _, t := range ex.st.keywords[c.topic] {
		first := true
		for off := 0; ; {
			i := strings.Index(ex.a.Text[off:], t.word)
			if i < 0 {
				break
			}
			v := 0.0
			if first {
				v, first = keywordPrior*t.weight, false
			}
			add(span{surface: t.word, start: off + i, end: off + i + len(t.word)}, v)
			off += i + len(t.word)
		}
	}
	var out []core.MatchedWord
	for surface, a := range bySurface {
		if a.contribution > 0 {
			out = append(out, core.MatchedWord{Word: surface, Contribution: a.contribution, Spans: ex.textSpans(a.spans)})
		}
	}
	slices.SortFunc(out, func(p, q core.MatchedWord) int {
		if c := cmp.Compare(q.Contribution, p.Contribution); c != 0 {
			return c
		}
		return strings.Compare(p.Word, q.Word)
	})
	return out[:min(wordsPerTopic, len(out))]
}

// feature is a model feature's contribution (weight × value) to a score, shared equally
// between its occurrences.
type feature struct {
	contribution float64
	occurrences  int
}

// strongest returns the features with the largest positive contributions under weights w.
func (ex *explainer) strongest(w []float32) map[int32]feature {
	type cv struct {
		col int32
		v   float64
	}
	// Keep the top few by insertion: far cheaper than sorting every positive feature.
	top := make([]cv, 0, featuresPerTopic+1)
	for k, col := range ex.x.idx {
		v := float64(w[col]) * float64(ex.x.val[k])
		if v <= 0 || (len(top) == featuresPerTopic && v <= top[len(top)-1].v) {
			continue
		}
		i, _ := slices.BinarySearchFunc(top, v, func(e cv, v float64) int { return cmp.Compare(v, e.v) })
		top = slices.Insert(top, i, cv{col, v})
		if len(top) > featuresPerTopic {
			top = top[:featuresPerTopic]
		}
	}
	out := make(map[int32]feature, featuresPerTopic)
	for _, f := range top {
		out[f.col] = feature{contribution: f.v}
	}
	for _, col := range ex.colOf {
		if f, ok := out[col]; ok {
			f.occurrences++
			out[col] = f
		}
	}
	return out
}

// textSpans maps normalised ranges to the original text, once each, in reading order.
func (ex *explainer) textSpans(spans []span) []core.TextSpan {
	out := make([]core.TextSpan, 0, len(spans))
	for _, sp := range spans {
		s, e := ex.a.Span(sp.start, sp.end)
		out = append(out, core.TextSpan{Start: s, End: e, UTF16Start: ex.a.UTF16(s), UTF16End: ex.a.UTF16(e)})
	}
	slices.SortFunc(out, func(p, q core.TextSpan) int { return cmp.Compare(p.Start, q.Start) })
	return slices.CompactFunc(out, func(p, q core.TextSpan) bool { return p.Start == q.Start && p.End == q.End })
}
