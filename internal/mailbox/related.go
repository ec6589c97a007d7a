package mailbox

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"policydesk/internal/core"
)

// RelatedIndex ranks published documents (policies, interpretations) against a message with the same TF-IDF
// cosine as SimilarIndex, over content words only, and explains each hit: the words the message shares with
// the document and the passage where they occur. Document i of the texts it was built from has ID i.
//
// A few published documents make a weak IDF, under which a message sharing one common word (规划, 申请) with
// a policy scores as high as one on its subject. So a hit must share at least two words with the message,
// one of them among the document's subject words: its strongest keywords by jieba's IDF, learnt from a
// large general corpus.
type RelatedIndex struct {
	ix       *SimilarIndex
	subjects []map[string]bool
}

// RelatedHit is one document worth citing, with the shared words strongest first.
type RelatedHit struct {
	Doc   int
	Score float64
	Words []string
}

// subjectWords is how many of a document's keywords say what it is about.
const subjectWords = 6

// maxRelatedWords bounds the shared words shown for a hit: enough to see why it matched.
const maxRelatedWords = 6

// NewRelatedIndex segments and indexes texts. When seg can tell function words (segment.Service can), they
// are left out: a policy's 可以 and 应当 say nothing about its subject, and the corpus of published documents
// is too small for IDF alone to silence them.
func NewRelatedIndex(seg core.Segmenter, texts []string) *RelatedIndex {
	if s, ok := seg.(stopWordSegmenter); ok {
		seg = contentWords{s}
	}
	docs := make([]SimilarDoc, len(texts))
	subjects := make([]map[string]bool, len(texts))
	for i, t := range texts {
		docs[i] = SimilarDoc{ID: int64(i), Text: t}
		subjects[i] = map[string]bool{}
		for _, k := range seg.Keywords(t, subjectWords) {
			subjects[i][k.Word] = true
		}
	}
	return &RelatedIndex{ix: NewSimilarIndex(seg, docs), subjects: subjects}
}

// Len is the number of indexed documents.
func (r *RelatedIndex) Len() int { return r.ix.Len() }

// Query returns up to n documents scoring at least minScore against text, best first.
func (r *RelatedIndex) Query(text string, n int, minScore float64) []RelatedHit {
	out := []RelatedHit{}
	hits := r.ix.Query(text, r.Len(), -1, minScore)
	if len(hits) == 0 {
		return out
	}
	query := termFreqs(r.ix.seg, text)
	for _, h := range hits {
		doc := int(h.ID)
		words := r.sharedWords(query, doc)
		if len(out) < n && len(words) >= 2 && slices.ContainsFunc(words, func(w string) bool { return r.subjects[doc][w] }) {
			out = append(out, RelatedHit{Doc: doc, Score: h.Score, Words: words[:min(len(words), maxRelatedWords)]})
		}
	}
	return out
}

// sharedWords lists all the words of the query that occur in document doc, by how much each added to the score.
func (r *RelatedIndex) sharedWords(query map[string]float64, doc int) []string {
	type shared struct {
		word string
		part float64
	}
	var ws []shared
	for w, f := range query {
		ps := r.ix.postings[w] // in document order: NewSimilarIndex appends them doc by doc
		k := sort.Search(len(ps), func(i int) bool { return ps[i].doc >= doc })
		if k < len(ps) && ps[k].doc == doc {
			ws = append(ws, shared{w, f * r.ix.idf[w] * ps[k].weight})
		}
	}
	sort.Slice(ws, func(i, j int) bool {
		if ws[i].part != ws[j].part {
			return ws[i].part > ws[j].part
		}
		return ws[i].word < ws[j].word
	})
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.word
	}
	return out
}

// stopWordSegmenter is a segmenter that also knows its function words.
type stopWordSegmenter interface {
	core.Segmenter
	IsStopWord(w string) bool
}

// contentWords drops function words from what the segmenter cuts.
type contentWords struct{ stopWordSegmenter }

func (c contentWords) Cut(text string) []string {
	words := c.stopWordSegmenter.Cut(text)
	out := words[:0]
	for _, w := range words {
		if !c.IsStopWord(w) {
			out = append(out, w)
		}
	}
	return out
}

// Snippet picks the sentence of text that holds the most of words (given strongest first, so an earlier
// word counts more) and cuts it to about maxRunes around its first match, so the person replying sees where
// the document speaks to the message. Without any match it is the text's opening.
func Snippet(text string, words []string, maxRunes int) string {
	best, bestScore := "", 0
	for _, s := range sentences(text) {
		score := 0
		for i, w := range words {
			if strings.Contains(s, w) {
				score += len(words) - i
			}
		}
		if score > bestScore || best == "" {
			best, bestScore = s, score
		}
	}
	return clip(best, firstMatch(best, words), maxRunes)
}

// sentences splits text after 。！？!? and at line breaks, with runs of space collapsed, dropping empty ones.
func sentences(text string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if s := strings.Join(strings.Fields(b.String()), " "); s != "" {
			out = append(out, s)
		}
		b.Reset()
	}
	for _, r := range text {
		if r == '\n' {
			flush()
			continue
		}
		b.WriteRune(r)
		if strings.ContainsRune("。！？!?", r) {
			flush()
		}
	}
	flush()
	return out
}

// firstMatch is the rune offset of the earliest occurrence of any of words in s, or 0.
func firstMatch(s string, words []string) int {
	first := -1
	for _, w := range words {
		if i := strings.Index(s, w); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	if first < 0 {
		return 0
	}
	return utf8.RuneCountInString(s[:first])
}

// clip keeps at most maxRunes of s, starting a little before rune at so the match has some context,
// and marks what was cut with an ellipsis.
func clip(s string, at, maxRunes int) string {
	rs := []rune(s)
	if len(rs) <= maxRunes {
		return s
	}
	start := max(0, min(at-maxRunes/4, len(rs)-maxRunes))
	out := string(rs[start : start+maxRunes])
	if start > 0 {
		out = "…" + out
	}
	if start+maxRunes < len(rs) {
		out += "…"
	}
	return out
}
