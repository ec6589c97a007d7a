package privacy

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"policydesk/internal/core"
)

// nameTags are the part-of-speech tags under which jieba puts a person's name: nr (and its variants) for
// names its dictionaries know, x for a word its hidden Markov model joined from unknown characters, which is
// how most real names come out ("黄明辉/x").
var nameTags = map[string]bool{"nr": true, "nrfg": true, "nrt": true, "x": true}

// givenTags are the tags of a given name jieba cut off its surname ("伍/nr 国华/nz", "潘/nr 金水/n").
var givenTags = map[string]bool{"n": true, "nz": true, "nr": true, "nrfg": true, "ng": true, "x": true, "a": true, "ns": true}

// NamesFromTags lists the words a tagger marked as, or split off as, a person's name: written in Han
// characters, two to four long, opening with a surname of the 百家姓, holding no role word, honorific or
// title, and not a public figure. Where they may be kept as written (after an official title, inside 《》)
// is Mask's decision.
func NamesFromTags(words []core.TaggedWord) []string {
	var names []string
	add := func(n string) {
		if taggedName(n) && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	for i, w := range words {
		n := utf8.RuneCountInString(w.Word)
		switch {
		// Two-character words jieba knows as names are mostly ordinary words too (高峰, 阳光, 文明); a bare
		// two-character name is left to the cue rules. Three characters and more are names.
		case nameTags[w.Tag] && n >= 3:
			add(trimTrailingStop(w.Word))
		case w.Tag == "nr" && n == 1 && i+1 < len(words):
			next := words[i+1]
			if givenTags[next.Tag] && utf8.RuneCountInString(next.Word) == 2 && !isHonorific(next.Word) {
				add(w.Word + next.Word)
			}
		}
	}
	return names
}

// numberChars are the numerals a given name does not hold.
const numberChars = "一二三四五六七八九十百千万两几个"

// notNameEnds are last characters of places, bodies, documents and things, which a name does not end in.
const notNameEnds = "人们子区村镇乡街路道巷湖湾河江山岗岭城庭苑园府局厅委办站馆店厂场院校所队组社证书费款金税房楼栋室门灯号线港口桥坊州县市省部处科司会"

// trimTrailingStop cuts a verb or particle the model glued to a three-character name ("李华说" → "李华").
func trimTrailingStop(w string) string {
	r := []rune(w)
	if len(r) == 3 && strings.ContainsRune(stopChars, r[2]) {
		return string(r[:2])
	}
	return w
}

func taggedName(n string) bool {
	r := []rune(n)
	if len(r) < 2 || len(r) > 4 || publicFigures[n] || isHonorific(n) {
		return false
	}
	for _, c := range r {
		if !unicode.Is(unicode.Han, c) {
			return false
		}
	}
	if strings.ContainsFunc(string(r[1:]), func(c rune) bool { return strings.ContainsRune(numberChars, c) }) {
		return false // 管一, 王五个: a number, not a given name
	}
	if strings.ContainsRune(startStops, r[1]) || strings.ContainsRune(notNameEnds, r[len(r)-1]) {
		return false // 王的, 李在: a surname character used as a word; 伍家村, 白云区: a place
	}
	return surnameLen(n) > 0 && surnameLen(n) < len(n) && LooksLikeName(n)
}

// isHonorific reports whether w is, or ends in, an honorific or a title (先生, 主任, 局长): the tagger's
// "赵/nr 局长/n" is an official by title, and a cue rule masks a citizen's "潘先生" anyway.
func isHonorific(w string) bool {
	for _, h := range honorificWords {
		if strings.HasSuffix(w, h) {
			return true
		}
	}
	return strings.HasSuffix(w, "长") || strings.HasSuffix(w, "总") || strings.HasSuffix(w, "工")
}

// taggedHits finds the tagged names in text, except where an official title or a 《》 title surrounds them.
func taggedHits(text string, names []string) []hit {
	var hits []hit
	for _, name := range sortedByLength(names) {
		for from := 0; ; {
			i := strings.Index(text[from:], name)
			if i < 0 {
				break
			}
			start := from + i
			from = start + len(name)
			if officialTitleBefore(text, start) || officialBefore(text, start) || inTitle(text, start) {
				continue
			}
			hits = append(hits, hit{kind: KindName, severity: SeverityWarn, start: start, end: start + len(name)})
		}
	}
	return hits
}
