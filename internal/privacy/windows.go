package privacy

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// window is a byte range [start, end) of the normalised text worth searching.
// Running the patterns only near digits and near 密/内部 keeps Scan fast on long
// documents, where such places are rare.
type window struct{ start, end int }

// Margins around the triggers. A digit-based item reaches at most 4 bytes before its
// first digit ("+86 ", "(") and 1 byte after its last one (the X of an ID number);
// its digit groups are at most 8 bytes apart (" 转 ", "ext. "). A 密级 mark reaches
// at most 24 bytes before 密/内部 ("【 仅供") and 36 after it ("级 ★ 十二 个月】").
const (
	digitBefore = 4
	digitAfter  = 8
	markBefore  = 24
	markAfter   = 36
)

// digitWindows covers every run of ASCII digits with its margins.
func digitWindows(s string) []window {
	var out []window
	for i := 0; i < len(s); i++ {
		if !isASCIIDigit(s[i]) {
			continue
		}
		j := i
		for j < len(s) && isASCIIDigit(s[j]) {
			j++
		}
		out = appendWindow(s, out, i-digitBefore, j+digitAfter)
		i = j
	}
	return out
}

// keywordWindows covers every occurrence of the words with the mark margins.
func keywordWindows(s string, words ...string) []window {
	var starts []int
	for _, w := range words {
		for from := 0; ; {
			i := strings.Index(s[from:], w)
			if i < 0 {
				break
			}
			starts = append(starts, from+i)
			from += i + len(w)
		}
	}
	slices.Sort(starts)
	var out []window
	for _, i := range starts {
		out = appendWindow(s, out, i-markBefore, i+markAfter)
	}
	return out
}

// appendWindow adds [start, end) clamped to s and widened to rune boundaries,
// merging it into the last window when they overlap. Windows must come in order.
func appendWindow(s string, out []window, start, end int) []window {
	start, end = max(start, 0), min(end, len(s))
	for start > 0 && !utf8.RuneStart(s[start]) {
		start--
	}
	for end < len(s) && !utf8.RuneStart(s[end]) {
		end++
	}
	if n := len(out); n > 0 && start <= out[n-1].end {
		out[n-1].end = max(out[n-1].end, end)
		return out
	}
	return append(out, window{start, end})
}
