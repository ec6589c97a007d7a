package routing

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"policydesk/internal/core"
	"policydesk/internal/segment"
)

// explainer turns a topic's score into the words that raised it, located in the original text.
type explainer struct {
	st     *matcherState
	a      *segment.Analysis
	sc     *scratch // the text's features, vector and score terms
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

// minContribution is the least a word must add to a score to be listed (it would show as 0.00).
const minContribution = 0.005

// minExplained is the confidence below which a topic's words are not listed: it shows as 0 %.
const minExplained = 0.005

// attribute says which word of the text an occurrence reads as, and whether it counts as evidence at all. A
// bigram is credited to the word it lies inside ("区业" in "小区业主" → 小区业主), which reads better than a
// fragment; one across two words ("们小" in 我们/小区), inside a stop word or a word without letters is no
// evidence. Nor is a stop word, even as a bigram ("我们", "请问"), or a lone character ("建"): they say
// nothing of a topic a reader could check. A pair of words is credited to each of its words (see words).
func (ex *explainer) attribute(o occurrence) (span, bool) {
	sp := span{surface: o.key, start: o.start, end: o.end}
	if o.kind == kindBigram || o.kind == kindSubjectBigram {
		toks := ex.a.Tokens
		k := sort.Search(len(toks), func(k int) bool { return toks[k].Start > o.start }) - 1
		if k < 0 || toks[k].End < o.end || !isFeatureWord(toks[k].Word) {
			return sp, false
		}
		sp = span{surface: toks[k].Word, start: toks[k].Start, end: toks[k].End}
	}
	return sp, !ex.isStop(sp.surface) && !letterWords[sp.surface] && utf8.RuneCountInString(sp.surface) > 1
}

// letterWords are the words of any citizen's letter (asking, thanking, "the problem", "the situation"): the
// model may weigh them a little, but shown as the reason for a topic they would only puzzle the reader.
var letterWords = map[string]bool{
	"请问": true, "需要": true, "属于": true, "希望": true, "能否": true, "是否": true, "如何": true, "问题": true,
	"情况": true, "反映": true, "咨询": true, "您好": true, "你好": true, "谢谢": true, "感谢": true, "领导": true,
	"相关": true, "有关": true, "进行": true, "要求": true, "请求": true, "一下": true, "现在": true, "目前": true,
	"已经": true, "还是": true, "没有": true, "我家": true, "本人": true,
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
		top := ex.strongest(c.label)
		for _, h := range top.hits(ex.sc.colOf) {
			f := top.features[h.feature]
			o := ex.sc.occ[h.occurrence]
			v := f.contribution / float64(f.occurrences)
			if o.kind == kindWordPair { // half to each word
				first := occurrence{key: o.key, kind: kindWord, start: o.start, end: o.start + len(o.key)}
				second := occurrence{key: o.key2, kind: kindWord, start: o.end - len(o.key2), end: o.end}
				for _, w := range [2]occurrence{first, second} {
					if sp, ok := ex.attribute(w); ok {
						add(sp, v/2)
					}
				}
				continue
			}
			if sp, ok := ex.attribute(o); ok {
				add(sp, v)
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
	type ranked struct {
		surface string
		*acc
	}
	var best []ranked
	for surface, a := range bySurface {
		if a.contribution >= minContribution {
			best = append(best, ranked{surface, a})
		}
	}
	slices.SortFunc(best, func(p, q ranked) int {
		if c := cmp.Compare(q.contribution, p.contribution); c != 0 {
			return c
		}
		return strings.Compare(p.surface, q.surface)
	})
	out := make([]core.MatchedWord, 0, min(wordsPerTopic, len(best)))
	for _, b := range best[:min(wordsPerTopic, len(best))] {
		out = append(out, core.MatchedWord{Word: b.surface, Contribution: b.contribution, Spans: ex.textSpans(b.spans)})
	}
	return out
}

// feature is a model feature's contribution (weight × value) to a score, shared equally
// between its occurrences.
type feature struct {
	col          int32
	contribution float64
	occurrences  int
}

// topFeatures are a class's strongest features in a text, strongest first.
type topFeatures struct {
	features []feature
	filter   [4]uint64 // a bit per column modulo 256: most occurrences are rejected by one test
}

// hit is an occurrence of one of the top features.
type hit struct{ occurrence, feature int }

// hits lists, in reading order, the occurrences (by their columns colOf) of the top
// features, and counts each feature's occurrences.
func (t *topFeatures) hits(colOf []int32) []hit {
	var out []hit
	for k, col := range colOf {
		if col < 0 || t.filter[(col>>6)&3]&(1<<(col&63)) == 0 {
			continue
		}
		for i := range t.features {
			if t.features[i].col == col {
				t.features[i].occurrences++
				out = append(out, hit{occurrence: k, feature: i})
				break
			}
		}
	}
	return out
}

// strongest returns the features with the largest positive contributions to class c's score.
func (ex *explainer) strongest(c int) *topFeatures {
	idx := ex.sc.x.idx
	terms := ex.sc.terms[c*len(idx) : (c+1)*len(idx)]
	// Keep the top few by insertion: far cheaper than sorting every positive feature.
	top := make([]feature, 0, featuresPerTopic+1)
	for j, v := range terms {
		col := idx[j]
		if v <= 0 || (len(top) == featuresPerTopic && v <= top[len(top)-1].contribution) {
			continue
		}
		i, _ := slices.BinarySearchFunc(top, v, func(e feature, v float64) int { return cmp.Compare(v, e.contribution) })
		top = slices.Insert(top, i, feature{col: col, contribution: v})
		if len(top) > featuresPerTopic {
			top = top[:featuresPerTopic]
		}
	}
	t := &topFeatures{features: top}
	for _, f := range top {
		t.filter[(f.col>>6)&3] |= 1 << (f.col & 63)
	}
	return t
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
