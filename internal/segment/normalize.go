package segment

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

// Normalized is text prepared for segmentation, with a map back to the original so that
// matches found in the normalised text can be highlighted in what the user sees.
type Normalized struct {
	Original string
	Text     string
	// origStart[i] and origEnd[i] bound, in Original, the character that produced byte i of Text.
	origStart []int32
	origEnd   []int32
	utf16     []int32 // lazily built: UTF-16 offset of each byte offset of Original

	// working storage kept for the next text when the Normalized is reused (see Lexicon.AnalyzeInto)
	buf    []byte
	pieces []piece
}

// Span maps the byte range [start,end) of Text to the original text.
func (n *Normalized) Span(start, end int) (origStart, origEnd int) {
	if start >= end || end > len(n.Text) {
		return 0, 0
	}
	return int(n.origStart[start]), int(n.origEnd[end-1])
}

// UTF16 converts a byte offset of Original into a UTF-16 code-unit offset (JavaScript string index).
func (n *Normalized) UTF16(off int) int {
	if n.utf16 == nil {
		n.utf16 = utf16Offsets(n.Original)
	}
	return int(n.utf16[off])
}

func utf16Offsets(s string) []int32 {
	offs := make([]int32, len(s)+1)
	u := int32(0)
	for i, r := range s {
		size := utf8.RuneLen(r)
		if size < 0 { // invalid byte: utf8.RuneError stands for one byte
			size = 1
		}
		for k := 0; k < size && i+k < len(s); k++ {
			offs[i+k] = u
		}
		if r >= 0x10000 {
			u += 2
		} else {
			u++
		}
	}
	offs[len(s)] = u
	return offs
}

// piece is one normalised character and the original bytes it stands for.
type piece struct {
	r          rune
	start, end int32
}

// Normalize folds full-width forms, joins lines broken inside sentences and converts
// traditional characters to simplified ones. Segmenting and matching work on the result;
// Normalized.Span maps positions back.
func Normalize(text string) *Normalized {
	n := &Normalized{}
	n.normalize(text)
	return n
}

// normalize sets n to text normalised, reusing the storage of n's positions and working arrays.
func (n *Normalized) normalize(text string) {
	pieces := toSimplified(foldAndJoin(text, n.pieces[:0]))
	n.pieces = pieces[:0]
	buf := slices.Grow(n.buf[:0], len(text)+utf8.UTFMax)
	*n = Normalized{
		Original:  text,
		origStart: slices.Grow(n.origStart[:0], cap(buf)),
		origEnd:   slices.Grow(n.origEnd[:0], cap(buf)),
		pieces:    n.pieces,
	}
	for _, p := range pieces {
		before := len(buf)
		buf = utf8.AppendRune(buf, p.r) // an invalid rune becomes U+FFFD
		for range len(buf) - before {
			n.origStart = append(n.origStart, p.start)
			n.origEnd = append(n.origEnd, p.end)
		}
	}
	n.Text = string(buf)
	n.buf = buf[:0]
}

// foldAndJoin applies the character-level rules: full-width letters, digits and symbols
// become ASCII, and each run of white space becomes nothing (inside a Chinese sentence,
// where a line break is only a layout artefact), "\n" (a paragraph break: a blank line)
// or a single space.
func foldAndJoin(text string, out []piece) []piece {
	out = slices.Grow(out[:0], len(text)/2)
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			out = append(out, piece{r: foldWidth(r), start: int32(i), end: int32(i + size)})
			i += size
			continue
		}
		start, breaks := i, 0
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsSpace(r) {
				break
			}
			if r == '\n' {
				breaks++
			}
			i += size
		}
		if len(out) == 0 || i == len(text) {
			continue // leading and trailing space carries nothing
		}
		next, _ := utf8.DecodeRuneInString(text[i:])
		switch {
		case breaks >= 2:
			out = append(out, piece{r: '\n', start: int32(start), end: int32(i)})
		case isCJK(out[len(out)-1].r) && isCJK(foldWidth(next)):
			// dropped: "规划\n许可" is one word broken by layout
		default:
			out = append(out, piece{r: ' ', start: int32(start), end: int32(i)})
		}
	}
	return out
}

// keptFullWidth are full-width marks that are the normal punctuation of Chinese prose;
// folding them would only make the text look foreign.
const keptFullWidth = "，：；！？（）"

func foldWidth(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E && !strings.ContainsRune(keptFullWidth, r) {
		return r - 0xFEE0
	}
	return r
}

// isCJK reports whether r is a Chinese character or Chinese punctuation, i.e. a place where
// a line break cannot separate words.
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) ||
		(r >= 0x3000 && r <= 0x303F) || // CJK symbols and punctuation
		(r >= 0xFF00 && r <= 0xFFEF) // full-width forms
}

// converter is OpenCC's traditional→simplified table, loaded on first use.
var converter = sync.OnceValues(func() (*opencc.OpenCC, error) { return opencc.New("t2s") })

// charState caches, per BMP character, whether t2s changes it (0 unknown, 1 no, 2 yes),
// so that the common case – text already simplified – skips the phrase conversion.
var charState [0x10000]atomic.Uint32

func changesUnderT2S(r rune) bool {
	if r < 0x2E80 {
		return false // OpenCC's tables hold only CJK characters
	}
	if r < 0x10000 {
		switch charState[r].Load() {
		case 1:
			return false
		case 2:
			return true
		}
	}
	changed := convertOne(r) != string(r)
	if r < 0x10000 {
		state := uint32(1)
		if changed {
			state = 2
		}
		charState[r].Store(state)
	}
	return changed
}

func convertOne(r rune) string {
	cc, err := converter()
	if err != nil {
		return string(r)
	}
	s, err := cc.Convert(string(r))
	if err != nil {
		return string(r)
	}
	return s
}

// toSimplified converts traditional characters, phrase by phrase when the phrase table keeps
// the character count (so every character keeps its position) and character by character otherwise.
func toSimplified(pieces []piece) []piece {
	traditional := false
	for _, p := range pieces {
		if changesUnderT2S(p.r) {
			traditional = true
			break
		}
	}
	if !traditional {
		return pieces
	}
	if cc, err := converter(); err == nil && convertRuns(cc, pieces) {
		return pieces
	}
	out := make([]piece, 0, len(pieces))
	for _, p := range pieces {
		if !changesUnderT2S(p.r) {
			out = append(out, p)
			continue
		}
		for _, r := range convertOne(p.r) {
			out = append(out, piece{r: r, start: p.start, end: p.end})
		}
	}
	return out
}

// convertRuns converts, phrase by phrase, each run of Chinese characters of pieces that has a traditional
// one, in place: OpenCC's phrases are Chinese characters only, and converting a sentence instead of the
// whole text took most of the time of normalising a message with one traditional character. It reports
// false, having changed nothing, if a run's conversion would not keep its character count.
func convertRuns(cc *opencc.OpenCC, pieces []piece) bool {
	type conversion struct {
		lo   int
		text string
	}
	var done []conversion
	for lo := 0; lo < len(pieces); {
		if !isHanRune(pieces[lo].r) {
			lo++
			continue
		}
		hi, changes := lo, false
		for ; hi < len(pieces) && isHanRune(pieces[hi].r); hi++ {
			changes = changes || changesUnderT2S(pieces[hi].r)
		}
		if changes {
			rs := make([]rune, hi-lo)
			for i, p := range pieces[lo:hi] {
				rs[i] = p.r
			}
			s, err := cc.Convert(string(rs))
			if err != nil || utf8.RuneCountInString(s) != hi-lo {
				return false
			}
			done = append(done, conversion{lo, s})
		}
		lo = hi
	}
	for _, c := range done {
		i := c.lo
		for _, r := range c.text {
			pieces[i].r = r
			i++
		}
	}
	return true
}

// isHanRune is unicode.Is(unicode.Han, r), testing the common block first.
func isHanRune(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x2E80 && unicode.Is(unicode.Han, r)
}
