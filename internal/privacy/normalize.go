package privacy

import (
	"strings"
	"unicode/utf8"
)

// normalized is a half-width copy of a text together with the way back to the original.
// Matching on the copy lets one pattern catch "１３８" as well as "138".
type normalized struct {
	orig string
	text string
	// back[i] is the byte offset in orig of the rune that produced text[i];
	// back[len(text)] is len(orig).
	back []int
	// digits and marks are the parts of text where digit-based items and 密级
	// marks can be.
	digits, marks []window
}

// normalize folds full-width ASCII (U+FF01–U+FF5E) and the ideographic space to their
// half-width forms. Every other rune is copied unchanged.
func normalize(s string) normalized {
	var b strings.Builder
	b.Grow(len(s))
	back := make([]int, 0, len(s)+1)
	for i, r := range s {
		if f, ok := fold(r); ok {
			b.WriteByte(byte(f))
			back = append(back, i)
			continue
		}
		n := utf8.RuneLen(r)
		if r == utf8.RuneError {
			_, n = utf8.DecodeRuneInString(s[i:])
		}
		b.WriteString(s[i : i+n])
		for k := range n {
			back = append(back, i+k)
		}
	}
	back = append(back, len(s))
	text := b.String()
	return normalized{
		orig: s, text: text, back: back,
		digits: digitWindows(text),
		marks:  keywordWindows(text, "密", "内部"),
	}
}

// hanDigits are the Chinese ways of writing a digit, read out in phone numbers
// (一三八…, 幺 for one) and on forms (壹贰叁…); hanDigitValue is their value.
const (
	hanDigits     = "〇零一二三四五六七八九幺壹贰叁肆伍陆柒捌玖两"
	hanDigitValue = "0012345678911234567892"
)

// fold maps a full-width character to its ASCII twin.
func fold(r rune) (rune, bool) {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0, true
	case r == 0x3000 || r == 0xA0:
		return ' ', true
	}
	if i := strings.IndexRune(hanDigits, r); i >= 0 {
		return rune(hanDigitValue[utf8.RuneCountInString(hanDigits[:i])]), true
	}
	return r, false
}

// span converts a byte range of the normalised text to the original text.
func (n normalized) span(start, end int) (int, int) {
	return n.back[start], n.back[end]
}

// isDigit reports an ASCII or full-width decimal digit.
func isDigit(r rune) bool {
	return r >= '0' && r <= '9' || r >= '０' && r <= '９' || strings.ContainsRune(hanDigits, r)
}
