package mailbox

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"policydesk/internal/core"
)

// SimilarIndex finds past messages like a new one: TF-IDF vectors over segmented words, cosine similarity,
// scored through an inverted index so that a query touches only documents sharing a word with it.
// It is built once and read concurrently; rebuild it when the history changes.
type SimilarIndex struct {
	seg      core.Segmenter
	ids      []int64
	norms    []float64
	postings map[string][]posting
	idf      map[string]float64
}

type posting struct {
	doc    int
	weight float64 // tf × idf
}

// SimilarDoc is one past message for the index.
type SimilarDoc struct {
	ID   int64
	Text string
}

// Hit is one similar document.
type Hit struct {
	ID    int64
	Score float64
}

// NewSimilarIndex segments and indexes docs.
func NewSimilarIndex(seg core.Segmenter, docs []SimilarDoc) *SimilarIndex {
	ix := &SimilarIndex{seg: seg, postings: map[string][]posting{}, idf: map[string]float64{}}
	tfs := make([]map[string]float64, len(docs))
	df := map[string]int{}
	for i, d := range docs {
		tfs[i] = termFreqs(seg, d.Text)
		for w := range tfs[i] {
			df[w]++
		}
		ix.ids = append(ix.ids, d.ID)
	}
	n := float64(len(docs))
	for w, c := range df {
		ix.idf[w] = math.Log(1 + n/float64(c))
	}
	ix.norms = make([]float64, len(docs))
	for i, tf := range tfs {
		for w, f := range tf {
			wt := f * ix.idf[w]
			ix.postings[w] = append(ix.postings[w], posting{doc: i, weight: wt})
			ix.norms[i] += wt * wt
		}
		ix.norms[i] = math.Sqrt(ix.norms[i])
	}
	return ix
}

// Len is the number of indexed documents.
func (ix *SimilarIndex) Len() int { return len(ix.ids) }

// Query returns up to n documents most similar to text, best first, skipping the id exclude
// (the message being answered) and scores below minScore.
func (ix *SimilarIndex) Query(text string, n int, exclude int64, minScore float64) []Hit {
	tf := termFreqs(ix.seg, text)
	scores := make([]float64, len(ix.ids)) // dense: far faster than a map when common words touch most documents
	var qnorm float64
	for w, f := range tf {
		idf, ok := ix.idf[w]
		if !ok {
			continue
		}
		qw := f * idf
		qnorm += qw * qw
		for _, p := range ix.postings[w] {
			scores[p.doc] += qw * p.weight
		}
	}
	if qnorm == 0 {
		return []Hit{}
	}
	qnorm = math.Sqrt(qnorm)
	var hits []Hit
	for d, s := range scores {
		if s == 0 || ix.ids[d] == exclude || ix.norms[d] == 0 {
			continue
		}
		if score := s / (qnorm * ix.norms[d]); score >= minScore {
			hits = append(hits, Hit{ID: ix.ids[d], Score: score})
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		return hits[i].ID < hits[j].ID
	})
	if len(hits) > n {
		hits = hits[:n]
	}
	if hits == nil {
		return []Hit{}
	}
	return hits
}

// termFreqs counts the content words of text with sublinear scaling (1 + ln tf), so a word repeated
// ten times does not drown the rest. Single characters and punctuation carry no topic and are dropped.
func termFreqs(seg core.Segmenter, text string) map[string]float64 {
	counts := map[string]int{}
	for _, w := range seg.Cut(text) {
		w = strings.TrimSpace(w)
		if utf8.RuneCountInString(w) < 2 || !strings.ContainsFunc(w, unicode.IsLetter) {
			continue
		}
		counts[w]++
	}
	tf := make(map[string]float64, len(counts))
	for w, c := range counts {
		tf[w] = 1 + math.Log(float64(c))
	}
	return tf
}
