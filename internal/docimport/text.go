package docimport

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"

	"policydesk/internal/core"
)

// Encoding names reported in Document.Encoding and Table.Encoding.
const (
	EncUTF8    = "UTF-8"
	EncUTF16LE = "UTF-16LE"
	EncUTF16BE = "UTF-16BE"
	EncGBK     = "GBK"
	EncGB18030 = "GB18030"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// DecodeText converts the bytes of a text file to UTF-8 with "\n" line ends and reports the
// source encoding. Windows tools in Chinese offices still save GBK by default and Notepad may
// save UTF-16, so the order is: a BOM decides; valid UTF-8 is UTF-8; anything else is tried as
// GB18030 (a superset of GBK) and kept only when the result reads as text.
func DecodeText(data []byte) (text, enc string, err error) {
	text, enc, ok := decode(data)
	if !ok {
		return "", "", core.Errorf(core.EIMPORT, "无法识别文字编码，请将文件另存为 UTF-8 编码后再导入")
	}
	return text, enc, nil
}

// decode is DecodeText without the error value, for callers that phrase their own message.
func decode(data []byte) (string, string, bool) {
	var text, enc string
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		text, enc = string(data[len(bomUTF8):]), EncUTF8
		if !utf8.ValidString(text) {
			return "", "", false
		}
	case bytes.HasPrefix(data, bomUTF16LE):
		text, enc = decodeWith(xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), data), EncUTF16LE
	case bytes.HasPrefix(data, bomUTF16BE):
		text, enc = decodeWith(xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), data), EncUTF16BE
	case utf8.Valid(data):
		text, enc = string(data), EncUTF8
	default:
		// Almost any byte string decodes as GB18030, so demand that the result looks Chinese.
		text, enc = decodeWith(simplifiedchinese.GB18030, data), gbName(data)
		if !plausibleText(text) {
			return "", "", false
		}
	}
	if !readsAsText(text) {
		return "", "", false
	}
	return normalizeNewlines(text), enc, true
}

func decodeWith(e encoding.Encoding, data []byte) string {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return ""
	}
	return string(out)
}

// gbName reports GB18030 when the bytes use its four-byte sequences (a lead byte followed by
// a digit), which GBK lacks; otherwise the file is plain GBK.
func gbName(data []byte) string {
	for i := 0; i < len(data); i++ {
		if data[i] < 0x80 {
			continue
		}
		if i+1 < len(data) && data[i+1] >= 0x30 && data[i+1] <= 0x39 {
			return EncGB18030
		}
		i++ // skip the trail byte of a two-byte character
	}
	return EncGBK
}

// readsAsText rejects binary data and wrong decodings: NUL bytes, replacement characters or
// control characters beyond a trace.
func readsAsText(s string) bool {
	var total, bad int
	for _, r := range s {
		total++
		bad += runeBadness(r)
	}
	return total > 0 && bad*200 <= total
}

// readsAsTextBytes is readsAsText without copying the bytes to a string.
func readsAsTextBytes(b []byte) bool {
	var total, bad int
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		b = b[n:]
		total++
		bad += runeBadness(r)
	}
	return total > 0 && bad*200 <= total
}

func runeBadness(r rune) int {
	switch {
	case r == 0, r == utf8.RuneError:
		return 10
	case r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f':
		return 1
	case r >= 0xE000 && r <= 0xF8FF: // private use: what undecodable GB bytes often become
		return 1
	}
	return 0
}

// plausibleText is the stricter test for text decoded from an unknown encoding or extracted
// by a fallback, where a wrong guess yields Latin-1 or private-use garbage without any error:
// at least 90% of the visible characters must be CJK, ASCII or common punctuation.
func plausibleText(s string) bool {
	total, good, bad := textQuality(s)
	return total > 0 && bad*100 <= total && good*10 >= total*9
}

// textQuality counts visible runes, those usual in Chinese office documents, and those that
// signal a decoding failure (replacement, control and private-use characters).
func textQuality(s string) (total, good, bad int) {
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		total++
		switch {
		case r == utf8.RuneError || unicode.IsControl(r) || (r >= 0xE000 && r <= 0xF8FF):
			bad++
		case r < 0x7F, unicode.Is(unicode.Han, r), isCJKPunct(r), isCommonSymbol(r):
			good++
		}
	}
	return total, good, bad
}

// isCJKPunct covers CJK symbols and punctuation and the full-width forms used in Chinese text.
func isCJKPunct(r rune) bool {
	return (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

// isCommonSymbol covers the general punctuation, numbering and box characters of office documents.
func isCommonSymbol(r rune) bool {
	return (r >= 0x2000 && r <= 0x206F) || // — “ ” … ‰
		(r >= 0x2100 && r <= 0x27BF) || // ℃ № Ⅰ → ① ─ ■ ★ ✓
		r == 0x00A0 || r == 0x00B7 || r == 0x00D7 || r == 0x00F7 || r == 0x00B0 || r == 0x00B1 || r == 0x00A5
}

// isWide reports runes set in a full-width cell (Han, kana, CJK and full-width punctuation):
// a line break between two of them carries no space.
func isWide(r rune) bool {
	return unicode.Is(unicode.Han, r) || isCJKPunct(r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…'
}

func normalizeNewlines(s string) string {
	if !strings.ContainsRune(s, '\r') {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// extractTXT reads a plain-text document.
func extractTXT(name string, data []byte) (Document, error) {
	// Any encoding takes at least half a byte of file per byte of UTF-8 text.
	if len(data) > 2*MaxTextSize+2 {
		return Document{}, importErrorf(name, "文字内容超过 %d MB 的上限", MaxTextSize>>20)
	}
	text, enc, ok := decode(data)
	if !ok {
		return Document{}, importErrorf(name, "不是可识别的文本文件，或文字编码无法识别（支持 UTF-8、GBK、GB18030、UTF-16），请另存为 UTF-8 后再导入")
	}
	text = strings.TrimSpace(text)
	if text == "" {
		return Document{}, importErrorf(name, "文件中没有文字")
	}
	if len(text) > MaxTextSize {
		return Document{}, importErrorf(name, "文字内容超过 %d MB 的上限", MaxTextSize>>20)
	}
	return Document{Name: name, Format: formatTXT, Encoding: enc, Text: text + "\n"}, nil
}
