package testutil

import (
	"strings"

	"policydesk/internal/core"
)

// ListedKeywords is what a stand-in segmenter gives as keywords: the words of list found in text, in list
// order, at most n, each of weight 1.
func ListedKeywords(list []string, text string, n int) []core.Keyword {
	var out []core.Keyword
	for _, w := range list {
		if strings.Contains(text, w) && len(out) < n {
			out = append(out, core.Keyword{Word: w, Weight: 1})
		}
	}
	return out
}
