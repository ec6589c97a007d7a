package privacy

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

var (
	idPattern = regexp.MustCompile(`\d{6}[ -]?\d{4}[ -]?\d{4}[ -]?\d{3}[\dXx]|\d{6}[ -]?\d{8}[ -]?\d{3}[\dXx]|\d{15}`)
	// cardPattern: a plain run, or groups of four separated by single spaces.
	cardPattern   = regexp.MustCompile(`\d{16,19}|\d{4}(?:[ -]\d{4}){3}(?:[ -]?\d{1,3})?|\d{6}[ -]\d{10,13}`)
	mobilePattern = regexp.MustCompile(`(?:(?:\+|00)?86[ -]?)?1[3-9]\d(?:\d{8}|[ .-]?\d{4}[ .-]?\d{4})`)
	// landlinePattern groups: 1 area code, 2 subscriber number. Service numbers
	// (400/800) have no area code; the number is group 3.
	landlinePattern = regexp.MustCompile(`(?:\(?(0(?:10|2\d|[3-9]\d{2}))\)?[ -]?(\d{3,4}[ -]?\d{4})|(\b[^\d\D]))(?:[ -]?(?:转|分机|ext\.?|-)[ ]?\d{1,6})?`)
	emailPattern    = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)
)

// provinces are the first two digits of mainland ID numbers (GB/T 2260), with 71, 81,
// 82 and 83 used for residents of Taiwan, Hong Kong and Macao.
var provinces = map[string]bool{
	"11": true, "12": true, "13": true, "14": true, "15": true,
	"21": true, "22": true, "23": true,
	"31": true, "32": true, "33": true, "34": true, "35": true, "36": true, "37": true,
	"41": true, "42": true, "43": true, "44": true, "45": true, "46": true,
	"50": true, "51": true, "52": true, "53": true, "54": true,
	"61": true, "62": true, "63": true, "64": true, "65": true,
	"71": true, "81": true, "82": true, "83": true,
}

// findIDCards accepts a wrong check character (a mistyped number is still
// somebody's), except right after a serial-number word: "项目编号110105…" with a
// wrong check character is the bureau's own number.
func findIDCards(n normalized) []hit {
	var hits []hit
	for _, h := range digitHits(n, idPattern, KindIDCard, validID) {
		s := strings.NewReplacer(" ", "", "-", "").Replace(n.orig[h.start:h.end])
		if len(s) == 18 && checkChar(s[:17]) != upper(s[17]) && afterReferenceWord(n.orig, h.start) {
			continue
		}
		hits = append(hits, h)
	}
	return hits
}

func findBankCards(n normalized) []hit {
	var hits []hit
	for _, h := range digitHits(n, cardPattern, KindBankCard, validCard) {
		if !afterReferenceWord(n.orig, h.start) {
			hits = append(hits, h)
		}
	}
	return hits
}

// referenceWords name the bureau's and shops' own serial numbers, which are as long
// as a card number but belong to nobody: 订单号, 受理编号, 文号.
var referenceWords = []string{"订单", "单号", "编号", "流水号", "文号", "批次", "运单", "快递"}

// afterReferenceWord reports whether one of referenceWords ends at most two
// characters before text[start:].
func afterReferenceWord(text string, start int) bool {
	from := start
	for i := 0; i < 6 && from > 0; i++ {
		_, size := utf8.DecodeLastRuneInString(text[:from])
		from -= size
	}
	before := text[from:start]
	for _, w := range referenceWords {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
}

func findMobiles(n normalized) []hit {
	return digitHits(n, mobilePattern, KindMobile, func(string) bool { return true })
}

func findEmails(n normalized) []hit {
	if !strings.Contains(n.text, "@") {
		return nil
	}
	var hits []hit
	for _, m := range emailPattern.FindAllStringIndex(n.text, -1) {
		s, e := n.span(m[0], m[1])
		hits = append(hits, hit{kind: KindEmail, severity: SeverityWarn, start: s, end: e})
	}
	return hits
}

// findLandlines records which part of each match is the number proper, so that
// masking can keep the area code and the extension.
func findLandlines(n normalized) []hit {
	var hits []hit
	accept := func(m []int) bool { return digitBounded(n.text, m[0], m[1]) }
	for _, m := range findAll(landlinePattern, n.text, n.digits, accept) {
		s, e := n.span(m[0], m[1])
		h := hit{kind: KindLandline, severity: SeverityWarn, start: s, end: e}
		if m[4] >= 0 {
			h.numStart, h.numEnd = n.span(m[4], m[5])
		} else {
			h.numStart, h.numEnd = n.span(m[6], m[7])
			h.keepFirst = 3 // the 400/800 prefix says nothing about anyone
		}
		hits = append(hits, h)
	}
	return hits
}

// digitHits finds matches of re that are not part of a longer run of digits and
// pass valid.
func digitHits(n normalized, re *regexp.Regexp, kind string, valid func(string) bool) []hit {
	var hits []hit
	accept := func(m []int) bool {
		return digitBounded(n.text, m[0], m[1]) && valid(n.text[m[0]:m[1]])
	}
	for _, m := range findAll(re, n.text, n.digits, accept) {
		s, e := n.span(m[0], m[1])
		hits = append(hits, hit{kind: kind, severity: SeverityWarn, start: s, end: e})
	}
	return hits
}

// validID checks a 15- or 18-character ID number: province, birth date and, for 18
// characters, the ISO 7064 MOD 11-2 check character.
func validID(s string) bool {
	s = strings.NewReplacer(" ", "", "-", "").Replace(s)
	if !provinces[s[:2]] {
		return false
	}
	switch len(s) {
	case 18:
		// A wrong check character is still somebody's number, mistyped.
		return validDate(s[6:14])
	case 15:
		return validDate("19" + s[6:12])
	}
	return false
}

// checkChar computes the MOD 11-2 check character of the first 17 digits.
func checkChar(digits string) byte {
	sum := 0
	for i := range len(digits) {
		weight := (1 << (17 - i)) % 11
		sum += int(digits[i]-'0') * weight
	}
	return "10X98765432"[sum%11]
}

func upper(b byte) byte {
	if b == 'x' {
		return 'X'
	}
	return b
}

// validDate accepts YYYYMMDD from 1900 to 2099 that exists in the calendar.
func validDate(s string) bool {
	t, err := time.Parse("20060102", s)
	return err == nil && t.Year() >= 1900 && t.Year() <= 2099
}

// validCard applies the issuer-prefix and Luhn checks to a card number, spaces allowed.
func validCard(s string) bool {
	var digits []byte
	for i := range len(s) {
		if s[i] != ' ' && s[i] != '-' {
			digits = append(digits, s[i]-'0')
		}
	}
	// Any run of 16 to 19 digits written by a citizen is an account or a card,
	// whatever its check digit: a mistyped card is still somebody's card.
	if len(digits) >= 16 {
		return true
	}
	sum := 0
	for i := range digits {
		d := int(digits[len(digits)-1-i])
		if i%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}
