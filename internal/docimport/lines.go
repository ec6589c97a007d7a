package docimport

import (
	"strings"
	"unicode/utf8"
)

// textLine is one visual line of a page with its geometry. For PDF glyphs the unit is the
// point; for pdftotext's layout output it is the character cell (a Han character is 2 wide).
type textLine struct {
	text        string
	left, right float64 // horizontal extent
	size        float64 // font size: the width of one Han character
	y           float64 // baseline, increasing upwards
	page        int
}

// margins is the text block of one page: the leftmost start and rightmost end of its lines.
type margins struct{ left, right float64 }

// joinLines rebuilds paragraphs from visual lines, one paragraph per output line. A line
// continues the previous one when the previous line reached the right margin (it wrapped),
// the new line is not indented, does not start a heading such as "（一）" or "第五条", and
// follows closely below. Chinese text is joined without a space; Latin words keep one.
func joinLines(lines []textLine) string {
	if len(lines) == 0 {
		return ""
	}
	pm := pageMargins(lines)
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			prev := lines[i-1]
			switch {
			case !continues(prev, l, pm[prev.page], pm[l.page]):
				b.WriteByte('\n')
			case needsSpace(prev.text, l.text):
				b.WriteByte(' ')
			}
		}
		b.WriteString(l.text)
	}
	b.WriteByte('\n')
	return b.String()
}

func pageMargins(lines []textLine) map[int]margins {
	pm := make(map[int]margins)
	for _, l := range lines {
		m, ok := pm[l.page]
		if !ok {
			m = margins{left: l.left, right: l.right}
		}
		m.left, m.right = min(m.left, l.left), max(m.right, l.right)
		pm[l.page] = m
	}
	return pm
}

func continues(prev, next textLine, pmPrev, pmNext margins) bool {
	switch {
	case startsHeading(next.text):
		return false
	case prev.right < pmPrev.right-2*prev.size: // a short line ends its paragraph
		return false
	case next.left > min(pmPrev.left, pmNext.left)+1.2*next.size:
		// An indented line starts one; both pages count, as a page of one line has no margin.
		return false
	case prev.page == next.page && (next.y >= prev.y || prev.y-next.y > 2.5*prev.size):
		return false // moved up (a new column or table) or left a paragraph gap
	}
	return true
}

// needsSpace reports whether joining two wrapped lines needs a space: only between Latin
// letters or digits, never next to Chinese.
func needsSpace(prev, next string) bool {
	a, _ := utf8.DecodeLastRuneInString(prev)
	b, _ := utf8.DecodeRuneInString(next)
	return !isWide(a) && !isWide(b) && a != '-' && a != '/'
}

// startsHeading reports whether a line starts with a clause marker ("第三条", "一、", "（二）",
// "1.", "(1)", "附件"), which always begins a new paragraph.
func startsHeading(s string) bool {
	_, ok := parseMarker(s)
	return ok
}

// layoutLines turns pdftotext -layout output (one string per page) into textLines. Layout mode
// pads justified Chinese lines with single spaces ("邮 编 ： 223100") and columns with runs of
// spaces: a single space next to a Chinese character is removed, a run becomes one space.
func layoutLines(pages []string) []textLine {
	const cell = 2.0 // a Han character is two columns wide
	var out []textLine
	for p, page := range pages {
		for i, raw := range strings.Split(page, "\n") {
			trimmed := strings.TrimLeft(raw, " ")
			text := squeezeLayoutSpaces(strings.TrimRight(trimmed, " \t\r"))
			if text == "" {
				continue
			}
			left := float64(len(raw) - len(trimmed))
			out = append(out, textLine{
				text:  text,
				left:  left,
				right: left + displayWidth(strings.TrimRight(trimmed, " \t\r")),
				size:  cell,
				y:     -1.5 * cell * float64(i), // a blank line in between reads as a paragraph gap
				page:  p + 1,
			})
		}
	}
	return out
}

func displayWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if isWide(r) {
			w += 2
		} else {
			w++
		}
	}
	return w
}

func squeezeLayoutSpaces(s string) string {
	var b strings.Builder
	runes := []rune(s)
	for i := 0; i < len(runes); i++ {
		if runes[i] != ' ' {
			b.WriteRune(runes[i])
			continue
		}
		j := i
		for j < len(runes) && runes[j] == ' ' {
			j++
		}
		single := j-i == 1
		if !(single && i > 0 && j < len(runes) && (isWide(runes[i-1]) || isWide(runes[j]))) {
			b.WriteByte(' ')
		}
		i = j - 1
	}
	return b.String()
}
