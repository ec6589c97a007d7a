package docimport

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clause kinds, from the outermost to the innermost. Chinese policy documents nest
// 第X部分 > 第X章 > 第X节 > 第X条 in 规范性文件, and 一、 > （一） > 1. > (1) in 通知 and 要点 style.
const (
	KindPreamble = "preamble" // text before the first heading: title, 文号, opening paragraph
	KindAnnex    = "annex"    // 附件 / 附件1
	KindPart     = "part"     // 第一部分
	KindChapter  = "chapter"  // 第一章
	KindSection  = "section"  // 第一节
	KindArticle  = "article"  // 第一条 / 第12条
	KindItem     = "item"     // 一、
	KindSubitem  = "subitem"  // （一）
	KindPoint    = "point"    // 1. / 1、
	KindSubpoint = "subpoint" // (1) / （1）
)

// rank orders kinds: a heading closes every open clause of the same or a deeper rank.
var rank = map[string]int{
	KindAnnex: 0, KindPart: 1, KindChapter: 2, KindSection: 3, KindArticle: 4,
	KindItem: 5, KindSubitem: 6, KindPoint: 7, KindSubpoint: 8,
}

// maxHeadingRunes keeps headings of run-in articles ("第一条 为规范……") short enough for a list.
const maxHeadingRunes = 40

// Clause is one numbered unit of a policy text. Its Text runs from its own heading to the next
// heading of any level, so a chapter's Text is its heading line and its articles are separate
// clauses whose Parent is the chapter. Text == source[Start:End].
type Clause struct {
	ID      string // stable path: "第二章/第五条", "一/(二)/3", "附件1/一"; "序言" for the preamble
	Parent  string // ID of the enclosing clause, "" at the top
	Kind    string // one of the Kind* constants
	Level   int    // nesting depth, 1 at the top
	Number  int    // 第十二条 → 12, （三） → 3; 0 for the preamble and an unnumbered 附件
	Label   string // the marker as written: "第十二条", "（三）", "1."
	Heading string // the heading: the first line after the marker, up to the first 。；：！？
	Text    string // the clause's own text, heading line included
	Start   int    // byte offset of Text in the source
	End     int    // byte offset just past Text
}

// marker is a clause heading found at the start of a line.
type marker struct {
	kind   string
	number int
	label  string // as written
	idPart string // this level's part of the Clause ID
	rest   string // the line after the marker
}

var (
	reNumbered = regexp.MustCompile(`^第\s*([零〇一二两三四五六七八九十百千]+|[0-9０-９]{1,4})\s*(部分|章|节|条)`)
	reItem     = regexp.MustCompile(`^([一二三四五六七八九十]{1,3})\s*[、．.]`)
	reSubitem  = regexp.MustCompile(`^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]`)
	rePoint    = regexp.MustCompile(`^([0-9０-９]{1,3})\s*[.．、]`)
	reSubpoint = regexp.MustCompile(`^[（(]\s*([0-9０-９]{1,3})\s*[）)]`)
	reAnnex    = regexp.MustCompile(`^附\s*件\s*([0-9０-９]{0,3}|[一二三四五六七八九十]{0,3})\s*(?:[：:．.、]|$|\s)`)
)

var numberedKinds = map[string]string{"部分": KindPart, "章": KindChapter, "节": KindSection, "条": KindArticle}

// parseMarker recognises a clause heading at the start of line (leading spaces ignored).
func parseMarker(line string) (marker, bool) {
	line = strings.TrimLeftFunc(line, unicode.IsSpace)
	if m := reNumbered.FindStringSubmatch(line); m != nil {
		label := strings.Join(strings.Fields(m[0]), "")
		return marker{kind: numberedKinds[m[2]], number: parseNumber(m[1]), label: label, idPart: label, rest: line[len(m[0]):]}, true
	}
	if m := reAnnex.FindStringSubmatch(line); m != nil && utf8.RuneCountInString(line) <= 40 {
		n := parseNumber(m[1])
		id := "附件"
		if n > 0 {
			id += strconv.Itoa(n)
		}
		return marker{kind: KindAnnex, number: n, label: strings.TrimSpace(m[0]), idPart: id, rest: line[len(m[0]):]}, true
	}
	for _, p := range []struct {
		re   *regexp.Regexp
		kind string
		id   func(int) string
	}{
		{reItem, KindItem, func(n int) string { return chineseNumber(n) }},
		{reSubitem, KindSubitem, func(n int) string { return "(" + chineseNumber(n) + ")" }},
		{rePoint, KindPoint, strconv.Itoa},
		{reSubpoint, KindSubpoint, func(n int) string { return "(" + strconv.Itoa(n) + ")" }},
	} {
		m := p.re.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		rest := line[len(m[0]):]
		if p.kind == KindPoint && startsWithDigit(rest) { // "1.5倍", "2023.10" are not headings
			return marker{}, false
		}
		n := parseNumber(m[1])
		return marker{kind: p.kind, number: n, label: m[0], idPart: p.id(n), rest: rest}, true
	}
	return marker{}, false
}

func startsWithDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}

// parseNumber reads Arabic (also full-width) or Chinese numerals up to the thousands:
// "12", "１２", "十二", "一百零一", "两百".
func parseNumber(s string) int {
	if s == "" {
		return 0
	}
	var ascii strings.Builder
	for _, r := range s {
		if r >= '０' && r <= '９' {
			r = r - '０' + '0'
		}
		ascii.WriteRune(r)
	}
	if n, err := strconv.Atoi(ascii.String()); err == nil {
		return n
	}
	digits := map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	units := map[rune]int{'十': 10, '百': 100, '千': 1000}
	total, digit := 0, 0
	for _, r := range s {
		if d, ok := digits[r]; ok {
			digit = d
			continue
		}
		u := units[r]
		if digit == 0 {
			digit = 1 // "十二": an implied one
		}
		total += digit * u
		digit = 0
	}
	return total + digit
}

// chineseNumber writes 1–999 the way 一、 and （一） markers do, for IDs that stay the same
// however the marker was spaced or bracketed.
func chineseNumber(n int) string {
	const d = "零一二三四五六七八九"
	digit := func(i int) string { return string([]rune(d)[i]) }
	if n <= 0 || n > 999 {
		return strconv.Itoa(n)
	}
	var b strings.Builder
	if h := n / 100; h > 0 {
		b.WriteString(digit(h) + "百")
	}
	t, o := n/10%10, n%10
	switch {
	case t > 0 && (n >= 100 || t > 1):
		b.WriteString(digit(t) + "十")
	case t == 1:
		b.WriteString("十")
	case n >= 100 && o > 0:
		b.WriteString("零")
	}
	if o > 0 {
		b.WriteString(digit(o))
	}
	return b.String()
}

// frame is an open clause on the nesting stack.
type frame struct {
	rank int
	id   string
}

// SplitClauses splits a policy text into clauses at headings found at the start of a line.
// Nesting follows the marker kinds, not indentation, so it survives text extracted from PDF.
// Text before the first heading becomes a preamble clause "序言" when it is not blank; a 附件
// closes everything before it and nests what follows.
func SplitClauses(text string) []Clause {
	var (
		out   []Clause
		stack []frame
		seen  = map[string]int{}
	)
	closeLast := func(end int) {
		if n := len(out); n > 0 {
			out[n-1].End = trimEnd(text, out[n-1].Start, end)
			out[n-1].Text = text[out[n-1].Start:out[n-1].End]
		}
	}
	for off := 0; off < len(text); {
		lineEnd := strings.IndexByte(text[off:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += off
		}
		line := text[off:lineEnd]
		start := off + len(line) - len(strings.TrimLeftFunc(line, unicode.IsSpace))
		if m, ok := parseMarker(line); ok {
			if len(out) == 0 && strings.TrimSpace(text[:start]) != "" {
				out = append(out, preamble(text, start))
			}
			closeLast(start)
			r := rank[m.kind]
			for len(stack) > 0 && stack[len(stack)-1].rank >= r {
				stack = stack[:len(stack)-1]
			}
			c := Clause{Kind: m.kind, Number: m.number, Label: m.label, Heading: heading(m), Start: start}
			if c.Heading == "" && m.kind == KindAnnex {
				c.Heading = nextLineTitle(text[min(lineEnd+1, len(text)):])
			}
			c.ID, c.Parent = clauseID(stack, m.idPart, seen)
			stack = append(stack, frame{rank: r, id: c.ID})
			c.Level = len(stack)
			out = append(out, c)
		}
		off = lineEnd + 1
	}
	if len(out) == 0 {
		if strings.TrimSpace(text) == "" {
			return nil
		}
		return []Clause{preamble(text, len(text))}
	}
	closeLast(len(text))
	return out
}

// clauseID joins the open clauses' IDs with this level's part, numbering repeats ("一#2") so
// that IDs stay unique when a document restarts its numbering under the same parent.
func clauseID(stack []frame, part string, seen map[string]int) (id, parent string) {
	if len(stack) > 0 {
		parent = stack[len(stack)-1].id
		id = parent + "/" + part
	} else {
		id = part
	}
	seen[id]++
	if n := seen[id]; n > 1 {
		id = fmt.Sprintf("%s#%d", id, n)
	}
	return id, parent
}

// preamble is the clause for the text before the first heading.
func preamble(text string, next int) Clause {
	start := len(text[:next]) - len(strings.TrimLeftFunc(text[:next], unicode.IsSpace))
	end := trimEnd(text, start, next)
	first, _, _ := strings.Cut(text[start:end], "\n")
	return Clause{ID: "序言", Kind: KindPreamble, Level: 1, Heading: shorten(strings.TrimSpace(first)),
		Text: text[start:end], Start: start, End: end}
}

// nextLineTitle is the first non-blank line of text unless it is itself a heading: an annex
// usually puts its title on the line after "附件2".
func nextLineTitle(text string) string {
	for line := range strings.SplitSeq(text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			if _, isHeading := parseMarker(line); isHeading {
				return ""
			}
			return shorten(line)
		}
	}
	return ""
}

// trimEnd moves end back over trailing whitespace, never before start.
func trimEnd(text string, start, end int) int {
	return start + len(strings.TrimRightFunc(text[start:end], unicode.IsSpace))
}

// heading is the marker line's text up to the first sentence or clause punctuation. Parts,
// chapters, sections and annexes are titled by their whole line.
func heading(m marker) string {
	line, _, _ := strings.Cut(m.rest, "\n")
	line = strings.TrimLeft(strings.TrimSpace(line), "、：:．. \u3000")
	switch m.kind {
	case KindPart, KindChapter, KindSection, KindAnnex:
	default:
		if i := strings.IndexAny(line, "。；：！？;:!?"); i >= 0 {
			line = line[:i]
		}
	}
	return shorten(strings.TrimSpace(line))
}

func shorten(s string) string {
	if utf8.RuneCountInString(s) <= maxHeadingRunes {
		return s
	}
	return string([]rune(s)[:maxHeadingRunes]) + "…"
}
