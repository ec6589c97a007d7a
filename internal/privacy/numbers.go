package privacy

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

var (
	// idPattern: 17 digits and a check character, or 15 digits, in any grouping
	// with single spaces or hyphens: "440106 19850612 4521", "4401-0619-7603-1528-17".
	idPattern = regexp.MustCompile(`\d(?:[ -]?\d){16}[ -]?[\dXx]|\d(?:[ -]?\d){14}`)
	// cardPattern: a plain run, or groups of four separated by single spaces.
	cardPattern = regexp.MustCompile(`\d{16,19}|\d{4}(?:[ -]\d{4}){3}(?:[ -]?\d{1,3})?|\d{6}[ -]\d{10,13}`)
	// mobilePattern: 1[3-9] and nine more digits, in any grouping (3-4-4, 7-4, 5-3-3,
	// one digit at a time) with spaces, dots or dashes of up to three characters
	// between digits, optionally after +86/0086/86.
	mobilePattern = regexp.MustCompile(`(?:(?:\+|00)?86[ -]?)?1(?:[ .\-—–]{0,3})[3-9](?:[ .\-—–]{0,3}\d){9}`)
	// landlinePattern groups: 1 area code, 2 subscriber number. Service numbers
	// (400/800) have no area code; the number is group 3.
	landlinePattern = regexp.MustCompile(`(?:\(?(0 ?(?:1 ?0|2 ?\d|[3-9] ?\d ?\d))\)?(?:[ \-—–]{0,3})([1-9](?: ?\d){2,3}[ -]?(?: ?\d){3,4})|(\b[^\d\D]))(?:[ -]?(?:转|分机|ext\.?|-)[ ]?\d{1,6})?`)
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
var referenceWords = []string{"订单", "单号", "编号", "流水号", "文号", "批次", "运单", "快递", "回执", "学籍", "受理号", "案号", "合同号"}

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
	accept := func(m []int) bool { return n.digitBounded(m[0], m[1]) && !publicNumber(n.text, m[0]) }
	for _, m := range findAllDigits(landlinePattern, n.text, n.digits, accept) {
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
		return n.digitBounded(m[0], m[1]) && valid(n.text[m[0]:m[1]])
	}
	for _, m := range findAllDigits(re, n.text, n.digits, accept) {
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

// orgCues name a public body or its service point; a number or an address written
// right after one (in the same sentence, with no personal word in between) is the
// body's own: "区民政局办公室电话020-81882345", "市公积金中心服务大厅（地址：府前路8号）".
var orgCues = []string{"局", "中心", "办公室", "热线", "窗口", "政府", "委员会", "居委会", "村委会", "办事处", "街道办", "法院", "检察院",
	"派出所", "大队", "科电话", "科的电话", "科室", "服务台", "大厅", "客服", "服务站", "管理所", "管理处", "信访", "医院", "支队", "税务所",
	"办公地址", "办事地址", "受理点", "服务点", "接待室", "政务", "咨询电话", "服务电话", "监督电话", "服务热线", "举报电话"}

// publicBodies are the names of public bodies that make the address before them
// theirs ("沿江中路298号的市社保服务中心"); a 中心 alone may be an office tower.
var publicBodies = []string{"局", "政府", "委员会", "居委会", "村委会", "法院", "检察院", "派出所", "服务中心", "政务中心", "办事处", "街道办",
	"大厅", "窗口", "信访", "管理处", "管理所", "服务站", "支队", "大队", "医院", "税务所", "办公地址", "办事地址"}

// personalCues are the words that make a number or an address somebody's own.
var personalCues = []string{"我", "本人", "家", "手机", "联系人", "先生", "女士", "经理", "老板", "师傅", "他", "她", "房东", "住", "户主",
	"申请人", "电话号码是"}

// residenceCues make an address somebody's home whatever else the sentence says.
var residenceCues = []string{"住", "家", "户籍", "户口", "房屋", "房子", "老屋", "宅基地", "门牌", "房号", "产权"}

// sentenceBefore returns up to 30 characters before text[i:], from the start of
// its sentence, with 局长 (the addressee) taken out.
func sentenceBefore(text string, i int) string {
	from := i
	for k := 0; k < 30 && from > 0; k++ {
		r, size := utf8.DecodeLastRuneInString(text[:from])
		if strings.ContainsRune("。！？!?；;\n", r) {
			break
		}
		from -= size
	}
	return strings.ReplaceAll(text[from:i], "局长", "")
}

// lastCue returns the end of the last occurrence of any of cues in s, or -1.
func lastCue(s string, cues []string) int {
	last := -1
	for _, c := range cues {
		if i := strings.LastIndex(s, c); i >= 0 && i+len(c) > last {
			last = i + len(c)
		}
	}
	return last
}

// publicNumber reports whether the number at text[start:] follows the name of a
// public body with no personal word after it.
func publicNumber(text string, start int) bool {
	before := sentenceBefore(text, start)
	org := lastCue(before, orgCues)
	return org >= 0 && org > lastCue(before, personalCues)
}

// publicAddress reports whether the house number text[start:end] is a public
// body's address: a public body named in the same sentence before it or right
// after it ("位于沿江中路298号的市社保服务中心"), and no word of residence before it.
func publicAddress(text string, start, end int) bool {
	before := sentenceBefore(text, start)
	if lastCue(before, residenceCues) >= 0 {
		return false
	}
	after := text[end:]
	for k, i := 0, 0; i < len(after); k++ {
		r, size := utf8.DecodeRuneInString(after[i:])
		if k == 12 || strings.ContainsRune("，,。！？!?；;\n", r) {
			after = after[:i]
			break
		}
		i += size
	}
	if lastCue(after, publicBodies) >= 0 {
		return true
	}
	org := lastCue(before, publicBodies)
	if o := lastCue(before, orgCues); o >= 0 && strings.Contains(before[o:], "地址") {
		org = max(org, o) // 公积金中心（地址：东风中路483号）
	}
	return org >= 0 && org > lastCue(before, personalCues)
}
