package dedup

import (
	"strings"

	"policydesk/internal/core"
)

// Grouper groups a consultation's comments with words cut by a segmenter (jieba in the app): the
// core.CommentGrouper the consultation store groups with.
type Grouper struct{ Seg core.Segmenter }

var _ core.CommentGrouper = Grouper{}

// Group clusters the comments into near-duplicate groups (Group with the default threshold). Each distinct
// text is segmented once: a campaign repeats one text thousands of times, and segmenting is the slow part.
func (g Grouper) Group(comments []core.CommentText) []core.CommentCluster {
	docs := make([]Doc, len(comments))
	tokens := map[string][]string{}
	for i, c := range comments {
		t, ok := tokens[c.Body]
		if !ok {
			t = g.doc(c).Tokens
			tokens[c.Body] = t
		}
		docs[i] = Doc{ID: c.ID, Text: c.Body, Tokens: t}
	}
	out := []core.CommentCluster{}
	for _, cl := range Group(docs, Options{}) {
		out = append(out, core.CommentCluster{Representative: cl.Representative, Members: cl.Members, Similarity: cl.Similarity})
	}
	return out
}

// Similarity is the similarity of two comments, from 0 to 1, as the UI shows it.
func (g Grouper) Similarity(a, b core.CommentText) float64 { return Similarity(g.doc(a), g.doc(b)) }

// doc tokenises a comment: its words without spaces and punctuation-only pieces left by the segmenter.
func (g Grouper) doc(c core.CommentText) Doc {
	d := Doc{ID: c.ID, Text: c.Body}
	for _, w := range g.Seg.Cut(c.Body) {
		if strings.TrimSpace(w) != "" {
			d.Tokens = append(d.Tokens, w)
		}
	}
	return d
}
