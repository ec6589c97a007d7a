package sqlite

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SearchGrams turns text into the terms the inbox's full-text index stores. Text is lower-cased and cut into
// runs of letters and digits (Han, Latin or any other script; spaces and punctuation separate runs). Each run
// gives its overlapping two-character grams followed by its last character alone:
//
//	"A2区 不动产" → "a2 2区 区 不动 动产 产"
//
// Bigrams make any search of two or more characters a phrase of consecutive grams, which finds exactly the
// texts holding that substring: a gram never spans two runs, and the lone last character of a run can never
// take a bigram's place, so no phrase matches across a separator. Every character of every run begins a term
// (its bigram, or the lone last character), so a one-character search is a lookup in the index's one-character
// prefix index rather than a scan.
func SearchGrams(text string) string {
	var b strings.Builder
	b.Grow(len(text) * 2)
	for _, run := range searchRuns(text) {
		for i := 0; i+1 < len(run); i++ {
			writeTerm(&b, string(run[i:i+2]))
		}
		writeTerm(&b, string(run[len(run)-1]))
	}
	return b.String()
}

// searchRuns lower-cases text and cuts it into runs of letters and digits (with the combining marks some
// scripts write letters with); everything else separates runs and is dropped.
func searchRuns(text string) [][]rune {
	var out [][]rune
	var cur []rune
	for _, r := range strings.ToLower(text) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			cur = append(cur, r)
			continue
		}
		if len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

func writeTerm(b *strings.Builder, t string) {
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	b.WriteString(t)
}

// EveryMessage is a term the index stores for every message and no search can produce: a private-use
// character, neither letter nor digit, so SearchGrams never emits it and SearchQuery never asks for it. It
// lets the index list the messages a search does not match (ExceptQuery), which for a search that matches
// nearly everything (a single 的) is the short list to work with.
const EveryMessage = "\ue000"

// IndexGrams is what the index stores for a message's text: SearchGrams' terms and EveryMessage.
func IndexGrams(text string) string {
	if grams := SearchGrams(text); grams != "" {
		return EveryMessage + " " + grams
	}
	return EveryMessage
}

// ExceptQuery turns a SearchQuery into the query for the messages it does not match.
func ExceptQuery(query string) string { return quote(EveryMessage) + " NOT (" + query + ")" }

// SearchQuery builds an FTS5 query over SearchGrams' terms from what a person typed: every run of letters
// and digits must occur. A run of two or more characters is the phrase of its bigrams; a single character is
// a prefix query, answered by the index's one-character prefix index. Case does not matter.
// It returns "" when nothing searchable remains.
func SearchQuery(text string) string {
	runs := searchRuns(text)
	terms := make([]string, 0, len(runs))
	for _, run := range runs {
		if len(run) == 1 {
			terms = append(terms, quote(string(run))+"*")
			continue
		}
		grams := make([]string, 0, len(run)-1)
		for i := 0; i+1 < len(run); i++ {
			grams = append(grams, string(run[i:i+2]))
		}
		terms = append(terms, quote(strings.Join(grams, " ")))
	}
	return strings.Join(terms, " AND ")
}

// quote makes s an FTS5 string; terms hold only letters, digits and marks, so nothing inside needs escaping.
func quote(s string) string { return `"` + s + `"` }

// IndexTerms lists the terms PostgreSQL's GIN index holds for a message's IndexGrams (migrations_postgres
// 0031): each gram, "*x" for the character x it begins with (a one-character search), and each pair of
// neighbouring bigrams as the trigram they spell (a longer word's candidates), sorted and distinct. It is
// fts_index_terms in Go, computed as the message is written, so that neither a write nor a search evaluates
// it in SQL.
func IndexTerms(grams string) []string {
	g := strings.Split(grams, " ")
	terms := make([]string, 0, 3*len(g))
	for i, a := range g {
		if a == "" {
			continue
		}
		_, first := utf8.DecodeRuneInString(a)
		terms = append(terms, a, "*"+a[:first])
		if i+1 < len(g) && utf8.RuneCountInString(a) == 2 && utf8.RuneCountInString(g[i+1]) == 2 {
			b := g[i+1]
			_, last := utf8.DecodeLastRuneInString(b)
			terms = append(terms, a+b[len(b)-last:])
		}
	}
	slices.Sort(terms)
	return slices.Compact(terms)
}
