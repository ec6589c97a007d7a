package privacy

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Kinds of findings and masked items.
const (
	KindClassification = "classification"
	KindIDCard         = "id_card"
	KindMobile         = "mobile"
	KindLandline       = "landline"
	KindEmail          = "email"
	KindBankCard       = "bank_card"
	KindName           = "name"
	KindAddress        = "address"
	KindAccount        = "account"
	KindPlate          = "plate"
	KindCertificate    = "certificate"
)

// Severities of findings.
const (
	SeverityBlock = "block" // the text must not be published as it is
	SeverityWarn  = "warn"  // a reviewer must look at it
)

// labels are the Chinese names the UI shows for each kind.
var labels = map[string]string{
	KindClassification: "密级标志",
	KindIDCard:         "身份证号码",
	KindMobile:         "手机号码",
	KindLandline:       "固定电话",
	KindEmail:          "电子邮箱",
	KindBankCard:       "银行卡号",
	KindName:           "姓名",
	KindAddress:        "详细地址",
	KindAccount:        "QQ/微信号",
	KindPlate:          "车牌号",
	KindCertificate:    "权属证号",
}

// contextRunes is how many characters of surrounding text a finding carries on each side.
const contextRunes = 15

// Finding is one thing a reviewer must look at before publication.
type Finding struct {
	Kind     string // one of the Kind* constants
	Label    string // Chinese name of the kind, e.g. "手机号码"
	Match    string // the text as written, full-width characters included
	Start    int    // byte offset in the scanned text
	End      int    // byte offset just past the match
	StartU16 int    // the same offsets in UTF-16 code units, as JavaScript counts
	EndU16   int
	Context  string // up to 15 characters either side of the match, and the match
	Severity string // SeverityBlock or SeverityWarn
}

// hit is a match before it becomes a Finding: offsets in the original text.
type hit struct {
	kind     string
	severity string
	start    int
	end      int
	// For landlines: the part of the match that masking hides except for its
	// first keepFirst and last four digits. The area code and the extension around
	// it stay visible.
	numStart, numEnd, keepFirst int
	// For names: given is a given name written apart from its surname
	// ("姓谭名国栋"), hidden whole.
	given bool
}

// urlPattern finds links; nothing inside a link is personal data.
var urlPattern = regexp.MustCompile(`(?i)(?:https?|ftp)://[!-~]+|www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:/[!-~]*)?`)

// Scan reports 密级 marks and personal data in text, in order of position.
// Findings never overlap.
func Scan(text string) []Finding {
	return ScanKeeping(text, nil)
}

// ScanKeeping is Scan with the public items in keep (the bureau's and its sections'
// published numbers and addresses) left out where they stand whole, as Mask's Keep.
// 密级 marks are always reported.
func ScanKeeping(text string, keep []string) []Finding {
	n := normalize(text)
	hits := scanHits(n)
	// Names written with an honorific or after a role word, and house numbers, are
	// found by the same rules masking uses, so a reply that still carries one is
	// stopped before publication.
	hits = resolve(append(append(hits, findNames(text, nil)...), findAddresses(n)...))
	if len(keep) > 0 {
		var marks, rest []hit
		for _, h := range hits {
			if h.kind == KindClassification {
				marks = append(marks, h)
			} else {
				rest = append(rest, h)
			}
		}
		hits = resolve(append(marks, dropKept(text, rest, keep)...))
	}
	if len(hits) == 0 {
		return nil
	}
	u16 := utf16Offsets(text)
	findings := make([]Finding, len(hits))
	for i, h := range hits {
		findings[i] = Finding{
			Kind:     h.kind,
			Label:    labels[h.kind],
			Match:    text[h.start:h.end],
			Start:    h.start,
			End:      h.end,
			StartU16: u16[h.start],
			EndU16:   u16[h.end],
			Context:  context(text, h.start, h.end),
			Severity: h.severity,
		}
	}
	return findings
}

// scanHits runs every detector and resolves overlaps. Detectors are listed from the
// most to the least specific, and an earlier hit wins over a later one it overlaps:
// an e-mail address may contain a mobile number, an ID number may pass the Luhn check.
func scanHits(n normalized) []hit {
	var urls [][]int
	if strings.Contains(n.text, "://") || strings.Contains(n.text, "www.") {
		urls = urlPattern.FindAllStringIndex(n.text, -1)
	}
	var all []hit
	for _, detect := range []func(normalized) []hit{
		findMarks, findEmails, findIDCards, findBankCards, findMobiles, findLandlines,
		findCertificates, findAccounts, findPlates,
	} {
		for _, h := range detect(n) {
			if !insideURL(n, h, urls) {
				all = append(all, h)
			}
		}
	}
	return resolve(all)
}

// resolve keeps, among overlapping hits, the one that comes first in hits, and
// returns the kept ones sorted by position.
func resolve(hits []hit) []hit {
	var kept []hit // sorted by start, never overlapping
	for _, h := range hits {
		i := sort.Search(len(kept), func(i int) bool { return kept[i].start >= h.start })
		if i > 0 && kept[i-1].end > h.start || i < len(kept) && kept[i].start < h.end {
			continue
		}
		kept = slices.Insert(kept, i, h)
	}
	return kept
}

func insideURL(n normalized, h hit, urls [][]int) bool {
	for _, u := range urls {
		s, e := n.span(u[0], u[1])
		if h.start < e && s < h.end {
			return true
		}
	}
	return false
}

// findAll returns the matches of re inside the windows of s that accept approves,
// with offsets in s. After a rejected match the search resumes one character later,
// so that a rejected long match does not hide a valid shorter one inside it.
func findAll(re *regexp.Regexp, s string, windows []window, accept func(m []int) bool) [][]int {
	return search(re, s, windows, accept, false)
}

// findAllDigits is findAll for items that cannot start right after a digit: after
// a rejected match the search resumes past the digits that follow its start, since
// no accepted match can start among them.
func findAllDigits(re *regexp.Regexp, s string, windows []window, accept func(m []int) bool) [][]int {
	return search(re, s, windows, accept, true)
}

func search(re *regexp.Regexp, s string, windows []window, accept func(m []int) bool, skipDigits bool) [][]int {
	var out [][]int
	for _, w := range windows {
		for pos := w.start; pos < w.end; {
			m := re.FindStringSubmatchIndex(s[pos:w.end])
			if m == nil {
				break
			}
			for i := range m {
				if m[i] >= 0 {
					m[i] += pos
				}
			}
			if accept(m) {
				out = append(out, m)
				pos = max(m[1], m[0]+1)
				continue
			}
			_, size := utf8.DecodeRuneInString(s[m[0]:])
			pos = m[0] + size
			for skipDigits && pos < w.end && isASCIIDigit(s[pos]) && isASCIIDigit(s[pos-1]) {
				pos++
			}
		}
	}
	return out
}

// whole is the window list that covers all of s.
func whole(s string) []window { return []window{{0, len(s)}} }

func isASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }

// digitBounded is digitBounded on the normalised text, except that a Chinese
// numeral next to a number written in Arabic digits is a word, not a digit:
// "座机0769-2233 8845一直占线".
func (n normalized) digitBounded(start, end int) bool {
	glued := func(i int) bool { return isASCIIDigit(n.text[i]) && (!n.hanDigit(i) || n.hanDigit(start)) }
	return !(start > 0 && glued(start-1)) && !(end < len(n.text) && glued(end))
}

// hanDigit reports whether byte i of the normalised text comes from a Chinese numeral.
func (n normalized) hanDigit(i int) bool {
	r, _ := utf8.DecodeRuneInString(n.orig[n.back[i]:])
	return r > 0x3000 && r < 0xFF00 && strings.ContainsRune(hanDigits, r)
}

// context returns the match with up to contextRunes characters on either side.
func context(text string, start, end int) string {
	from := start
	for i := 0; i < contextRunes && from > 0; i++ {
		_, size := utf8.DecodeLastRuneInString(text[:from])
		from -= size
	}
	to := end
	for i := 0; i < contextRunes && to < len(text); i++ {
		_, size := utf8.DecodeRuneInString(text[to:])
		to += size
	}
	return text[from:to]
}

// utf16Offsets maps every byte offset of text (0..len) to a UTF-16 offset. Offsets
// inside a multi-byte rune map to the rune's start.
func utf16Offsets(text string) []int {
	out := make([]int, len(text)+1)
	u := 0
	for i, r := range text {
		_, size := utf8.DecodeRuneInString(text[i:])
		for k := range size {
			out[i+k] = u
		}
		u += max(utf16.RuneLen(r), 1)
	}
	out[len(text)] = u
	return out
}
