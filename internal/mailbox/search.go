package mailbox

import (
	"strings"
	"unicode"
)

// SearchGrams turns text into the terms the inbox's full-text index stores: overlapping character bigrams
// inside runs of Han characters (so any word of two or more characters is found, which a trigram index
// would miss for the many two-character Chinese words) followed by the run's last character alone, and
// lower-cased words for Latin letters and digits. With the last character stored, every occurrence of a
// Han character starts some term, so a one-character search is a prefix query rather than a table scan.
func SearchGrams(text string) string {
	var b strings.Builder
	b.Grow(len(text) * 2)
	for _, r := range splitRuns(text) {
		if !r.han {
			writeTerm(&b, strings.ToLower(r.text))
			continue
		}
		rs := []rune(r.text)
		for i := 0; i+1 < len(rs); i++ {
			writeTerm(&b, string(rs[i:i+2]))
		}
		writeTerm(&b, string(rs[len(rs)-1]))
	}
	return b.String()
}

// run is a stretch of Han characters, or of other letters and digits.
type run struct {
	text string
	han  bool
}

// splitRuns cuts text into runs; punctuation and spaces separate runs and are dropped.
func splitRuns(text string) []run {
	var out []run
	start, kind := -1, 0 // kind: 1 Han, 2 other letters and digits
	flush := func(end int) {
		if start >= 0 {
			out = append(out, run{text: text[start:end], han: kind == 1})
		}
		start, kind = -1, 0
	}
	for i, r := range text {
		k := 0
		switch {
		case unicode.Is(unicode.Han, r):
			k = 1
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			k = 2
		}
		if k != kind {
			flush(i)
			if k != 0 {
				start, kind = i, k
			}
		}
	}
	flush(len(text))
	return out
}

func writeTerm(b *strings.Builder, t string) {
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	b.WriteString(t)
}

// SearchQuery builds an FTS5 query from what a person typed: every run of every space-separated part must
// occur: a Han run of two or more characters as the phrase of its bigrams, a single Han character as a
// prefix (it begins a bigram or stands as a run's last character), a Latin word or number as itself.
// It returns "" when nothing searchable remains.
func SearchQuery(text string) string {
	var terms []string
	for _, r := range splitRuns(text) {
		rs := []rune(r.text)
		switch {
		case !r.han:
			terms = append(terms, quote(strings.ToLower(r.text)))
		case len(rs) == 1:
			terms = append(terms, quote(r.text)+"*")
		default:
			grams := make([]string, 0, len(rs)-1)
			for i := 0; i+1 < len(rs); i++ {
				grams = append(grams, string(rs[i:i+2]))
			}
			terms = append(terms, quote(strings.Join(grams, " ")))
		}
	}
	return strings.Join(terms, " AND ")
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
