package export

import (
	"strconv"
	"strings"
	"unicode"
)

// SafeCell neutralises a spreadsheet text cell that a spreadsheet program would read as a formula when the
// file is re-saved or imported (=, +, -, @, tab, carriage return first), by prefixing a single quote as
// OWASP recommends for CSV/formula injection. Plain numbers such as "-3" or "+86" stay as they are.
func SafeCell(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return s
	}
	return "'" + s
}

// isBidiControl reports the invisible characters that reorder or hide text: the bidi embeddings, overrides
// and isolates, the directional marks, and zero-width characters.
func isBidiControl(r rune) bool {
	switch {
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x200E, r == 0x200F, r == 0x061C,
		r >= 0x200B && r <= 0x200D, r == 0x2060, r == 0xFEFF:
		return true
	}
	return false
}

// SafeFileName makes a title usable as a file name everywhere: control and bidi characters (a right-to-left
// override can disguise "报告‮xslx.exe") are removed, the characters Windows and macOS refuse become "_",
// leading dots and spaces go, and the name is cut to 60 characters; fallback when nothing is left.
func SafeFileName(s, fallback string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsControl(r) || isBidiControl(r) || r == unicode.ReplacementChar:
			return -1
		case strings.ContainsRune(`<>:"/\|?*`, r):
			return '_'
		}
		return r
	}, s)
	s = strings.TrimLeft(strings.TrimSpace(s), ". ")
	if rs := []rune(s); len(rs) > 60 {
		s = strings.TrimSpace(string(rs[:60]))
	}
	if s == "" {
		return fallback
	}
	return s
}
