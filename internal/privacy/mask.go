package privacy

import (
	"strings"
	"unicode/utf8"
)

// MaskOptions says what to mask beyond the numbers and addresses Scan finds.
type MaskOptions struct {
	// Names are known personal names (the sender, names the caller found).
	// Every occurrence is masked; names of fewer than two characters, or not valid
	// UTF-8, are ignored.
	Names []string
	// Tagged are names a part-of-speech tagger found (NamesFromTags): masked everywhere except after an
	// official title or inside 《》, where a name is a leader's in their role.
	Tagged []string
	// MaskAddresses masks house numbers, buildings and rooms after a road, street,
	// village or estate name.
	MaskAddresses bool
	// Keep lists public items (the bureau's and other agencies' addresses and
	// numbers) that stay as written. An item is kept only where it stands whole:
	// a configured 12336 inside 13912336578 does not un-mask the mobile.
	Keep []string
}

// Masked is one replacement made for publication.
type Masked struct {
	Kind        string // one of the Kind* constants
	Label       string // Chinese name of the kind
	Original    string // the text as written
	Replacement string // what is published instead, with as many characters
	Start       int    // byte offsets of Original in the input text
	End         int
}

// MaskResult is the text ready for publication and the list of what changed.
type MaskResult struct {
	Text  string
	Items []Masked
}

// maskRune replaces every hidden character.
const maskRune = '*'

// Mask masks personal data in text for publication. 密级 marks are left alone: a
// text that carries one must not be published, and Scan reports it.
func Mask(text string, opts MaskOptions) MaskResult {
	n := normalize(text)
	var hits []hit
	for _, h := range scanHits(n) {
		if h.kind != KindClassification {
			hits = append(hits, h)
		}
	}
	hits = append(hits, findNames(text, opts.Names)...)
	hits = append(hits, taggedHits(text, opts.Tagged)...)
	if opts.MaskAddresses {
		hits = append(hits, findAddresses(n)...)
	}
	hits = dropKept(text, resolve(hits), opts.Keep)

	var b strings.Builder
	b.Grow(len(text))
	items := make([]Masked, 0, len(hits))
	last := 0
	for _, h := range hits {
		original := text[h.start:h.end]
		replacement := replace(h, original)
		if replacement == original {
			continue
		}
		b.WriteString(text[last:h.start])
		b.WriteString(replacement)
		last = h.end
		items = append(items, Masked{
			Kind: h.kind, Label: labels[h.kind], Original: original, Replacement: replacement,
			Start: h.start, End: h.end,
		})
	}
	b.WriteString(text[last:])
	return MaskResult{Text: b.String(), Items: items}
}

// replace computes the published form of one hit, by the rule of its kind.
func replace(h hit, s string) string {
	switch h.kind {
	case KindMobile:
		digits := countDigits(s)
		// A country prefix (+86) stays with the first three digits of the number.
		return maskDigits(s, digits-11+3, 4)
	case KindIDCard:
		return maskDigits(s, 6, 4)
	case KindBankCard:
		return maskDigits(s, 0, 4)
	case KindLandline:
		return maskLandline(h, s)
	case KindEmail:
		return maskEmail(s)
	case KindName:
		if h.given {
			return strings.Repeat(string(maskRune), utf8.RuneCountInString(s))
		}
		return maskName(s)
	case KindAddress, KindPlate, KindCertificate:
		return maskAll(s)
	case KindAccount:
		return maskAll(s)
	}
	return s
}

// maskDigits hides every digit (and an ID number's X) except the first keepFirst and
// the last keepLast ones; separators and prefixes are kept as written.
func maskDigits(s string, keepFirst, keepLast int) string {
	total := countDigits(s)
	var b strings.Builder
	i := 0
	for _, r := range s {
		if !isDigitOrX(r) {
			b.WriteRune(r)
			continue
		}
		if i < keepFirst || i >= total-keepLast {
			b.WriteRune(r)
		} else {
			b.WriteRune(maskRune)
		}
		i++
	}
	return b.String()
}

func countDigits(s string) int {
	c := 0
	for _, r := range s {
		if isDigitOrX(r) {
			c++
		}
	}
	return c
}

func isDigitOrX(r rune) bool {
	return isDigit(r) || r == 'X' || r == 'x' || r == 'Ｘ' || r == 'ｘ'
}

// maskLandline keeps the area code and the extension, and the last four digits of
// the number itself.
func maskLandline(h hit, s string) string {
	from, to := h.numStart-h.start, h.numEnd-h.start
	return s[:from] + maskDigits(s[from:to], h.keepFirst, 4) + s[to:]
}

// maskEmail keeps the first character of the local part and the domain.
func maskEmail(s string) string {
	at := strings.IndexRune(s, '@')
	if at < 0 {
		at = strings.IndexRune(s, '＠')
	}
	_, first := utf8.DecodeRuneInString(s)
	return s[:first] + strings.Repeat(string(maskRune), utf8.RuneCountInString(s[first:at])) + s[at:]
}

// maskName keeps the surname (a compound one when the name starts with it).
func maskName(s string) string {
	keep := surnameLen(s)
	if keep == 0 {
		_, keep = utf8.DecodeRuneInString(s)
	}
	var b strings.Builder
	b.WriteString(s[:keep])
	for _, r := range s[keep:] {
		if r == ' ' || r == '·' || r == '•' {
			b.WriteRune(r)
		} else {
			b.WriteRune(maskRune)
		}
	}
	return b.String()
}

// maskAll hides every digit, Latin letter and Chinese numeral of a house number,
// keeping the unit words (号, 栋, 室 …) between them.
func maskAll(s string) string {
	var b strings.Builder
	for _, r := range s {
		if isDigit(r) || isLatin(r) || strings.ContainsRune(chineseNumerals, r) {
			b.WriteRune(maskRune)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isLatin(r rune) bool {
	r, _ = fold(r)
	return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z'
}

// dropKept removes the hits that lie inside a digit-bounded occurrence of one of
// the public items in keep.
func dropKept(text string, hits []hit, keep []string) []hit {
	var spans [][2]int
	for _, k := range keep {
		if k = strings.TrimSpace(k); k == "" {
			continue
		}
		for from := 0; ; {
			i := strings.Index(text[from:], k)
			if i < 0 {
				break
			}
			start, end := from+i, from+i+len(k)
			if bounded(text, start, end) {
				spans = append(spans, [2]int{start, end})
			}
			from = start + 1
		}
	}
	if len(spans) == 0 {
		return hits
	}
	out := hits[:0]
	for _, h := range hits {
		kept := false
		for _, sp := range spans {
			if h.start >= sp[0] && h.end <= sp[1] {
				kept = true
				break
			}
		}
		if !kept {
			out = append(out, h)
		}
	}
	return out
}

// bounded reports whether text[start:end] has no digit right before or after it.
func bounded(text string, start, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:start])
	after, _ := utf8.DecodeRuneInString(text[end:])
	return !(start > 0 && isDigit(before)) && !(end < len(text) && isDigit(after))
}

// roleWords are what citizens put in the sender field instead of a name.
var roleWords = []string{"匿名", "村民", "居民", "群众", "市民", "业主", "网友", "家长", "职工", "一市民", "老百姓", "退休", "游客", "租户", "学生",
	"党员", "代表", "热心", "家属", "员工", "患者", "车主", "房东", "农民", "工人", "老师", "教师", "百姓", "住户", "用户", "志愿者", "路人"}

// LooksLikeName reports whether a sender field holds a person's name rather than
// a role word or 匿名: "冼志强" does, "村民" and "一位业主" do not.
func LooksLikeName(s string) bool {
	s = strings.TrimSpace(s)
	for _, w := range roleWords {
		if strings.Contains(s, w) {
			return false
		}
	}
	n := utf8.RuneCountInString(s)
	return n >= 2 && n <= 6 && surnameLen(s) > 0 || n >= 2 && isLatin([]rune(s)[0])
}
