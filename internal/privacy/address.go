package privacy

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// chineseNumerals are hidden in house numbers like digits: 三单元, 十二楼.
const chineseNumerals = "零〇一二三四五六七八九十百"

// addressNumbers finds the house number, building, unit and room that follow a road,
// street, village or estate name. Group 1 is the part to hide.
var addressNumbers = regexp.MustCompile(
	`(?:路|街|大道|道|巷|弄|胡同|村|里|小区|花园|苑|公寓|大厦|广场|新村|组|社|屯|庄|园|城|坊|湾|华庭|豪庭|名邸|府邸|阁|轩|雅居|中心|国际|公馆|大楼|楼|大院)` +
		// 江南大道中123号, 解放路北段8号, 人民路二段5号
		`(?:[东南西北中]段?|[东南西北]路|[东南西北]街|\d+段|[东南西北中]区|\d+期)?\s?` +
		`(` + addressUnit + `(?:\s?` + addressUnit + `)*\d*|\d{3,4}[室房]?)`)

// addressUnit is one number with its unit word: 123号, 4栋, A座, 三单元, 502房.
// 3-2-301 is building, unit and room; 大源村5组18号 and 龙岗村3社 name a village group.
const addressUnit = `(?:(?:[\d` + chineseNumerals + `]+|[A-Za-z])(?:[-之]\d+)*(?:号楼|号院|号|栋|幢|座|单元|门|楼|层|室|房|组|社|队|巷|期)|\d+(?:-\d+){1,3}(?:号|室|房)?)`

// buildingNumbers finds a building and room written without the estate's name:
// "18栋502", "11栋1单元802", "B座1203"; and a dash house number "3-2-301".
var buildingNumbers = regexp.MustCompile(`(?:^|[^\dA-Za-z-])((?:\d+|[A-Za-z])(?:栋|幢|座|号楼)\s?(?:\d+单元\s?)?[A-Za-z]?\d{3,4}(?:室|房|号)?|\d{1,2}-\d{1,2}-\d{3,4})(?:[^\d-]|$)`)

// roomNumbers finds a room number alone where the sentence makes it a home:
// "我是1701的住户", "4栋顶楼（1801）", "我是2栋的业主".
var roomNumbers = regexp.MustCompile(`(?:顶楼|楼上|楼下|房号|门牌号?|我是|我家|住在)[（(：:\s]?((?:\d+(?:栋|幢|座|号楼))?\d{0,4})(?:[）)室房]|的住户|的业主|的租户|住户)`)

func findAddresses(n normalized) []hit {
	var hits []hit
	hits = append(hits, addressHits(n, addressNumbers, triggerWindows(n.text))...)
	digits := addressWindows(n.text)
	for _, re := range []*regexp.Regexp{buildingNumbers, roomNumbers} {
		hits = append(hits, addressHits(n, re, digits)...)
	}
	return hits
}

func addressHits(n normalized, re *regexp.Regexp, windows []window) []hit {
	var hits []hit
	accept := func(m []int) bool {
		return m[2] < m[3] && !publicAddress(n.text, m[2], m[3]) && !publicPlace(n.text, m[2], m[3]) && !quantity(n.text, m[2], m[3]) &&
			!(buildingCount.MatchString(n.text[m[2]:m[3]]) && n.hanDigit(m[2]))
	}
	for _, m := range findAll(re, n.text, windows, accept) {
		// A single Chinese numeral after the last unit starts the next word:
		// "石岗村五队一共23户".
		if e := m[3]; e-1 > m[2] && n.hanDigit(e-1) && !isASCIIDigit(n.text[e-2]) && e < len(n.text) && n.text[e] >= 0x80 {
			m[3]--
		}
		s, e := n.span(m[2], m[3])
		hits = append(hits, hit{kind: KindAddress, severity: SeverityWarn, start: s, end: e})
	}
	return hits
}

// addressWindows covers every number (digits, or 十 and 百 left by normalisation)
// with room for the road or estate name before it and the building, unit and room
// after it.
func addressWindows(s string) []window {
	var out []window
	for i := 0; i < len(s); i++ {
		if isASCIIDigit(s[i]) || strings.HasPrefix(s[i:], "十") || strings.HasPrefix(s[i:], "百") {
			out = appendWindow(s, out, i-24, i+60)
		}
	}
	return out
}

// bareRoom is a room number written right after the building's name: 富力中心3201.
var bareRoom = regexp.MustCompile(`^\d{3,4}$`)

// quantity reports a bare number that is a year, an amount or a count rather than
// a room: "中心2024年", "小区1200户".
func quantity(s string, start, end int) bool {
	if !bareRoom.MatchString(s[start:end]) {
		return false
	}
	for _, w := range []string{"国道", "省道", "县道", "乡道"} {
		if strings.HasSuffix(s[:start], w) {
			return true
		}
	}
	r, _ := utf8.DecodeRuneInString(s[end:])
	return end < len(s) && (isASCIIDigit(s[end]) || r == '.' || strings.ContainsRune("年月日元万千百平米亩人户个岁次名位余多期届号栋座层楼条路线公辆台间套%", r))
}

// buildingCount is a number of buildings: 小区两栋楼之间.
var buildingCount = regexp.MustCompile(`^\d+(?:栋|幢)$`)

// floorOnly is a floor alone, which identifies no home: 天河城广场3楼.
var floorOnly = regexp.MustCompile(`^\d+(?:楼|层)$`)

// publicPlace reports a number that names a gate, an exit, a line or a counter
// of a public place ("人民公园5号门", "5号出口", "3号窗口"), or a floor alone.
func publicPlace(s string, start, end int) bool {
	if floorOnly.MatchString(s[start:end]) || buildingCount.MatchString(s[start:end]) && strings.HasPrefix(s[end:], "楼") {
		return true
	}
	if strings.HasPrefix(s[end:], "门") && !strings.HasPrefix(s[end:], "门口") && !strings.HasPrefix(s[end:], "门前") {
		return true
	}
	for _, w := range []string{"出口", "入口", "线", "窗口", "站台", "柜台", "泊位", "展厅"} {
		if strings.HasPrefix(s[end:], w) {
			return true
		}
	}
	return false
}

// addressTriggers are the last characters of the road, street, village and estate
// words of addressNumbers.
const addressTriggers = "路街道巷弄同村里区园苑寓厦场组社屯庄城坊湾庭邸阁轩居心际馆楼院"

// triggerWindows covers every road, street, village or estate word followed
// closely by a number or a building letter, with room for the number.
func triggerWindows(s string) []window {
	var out []window
	for i, r := range s {
		if !strings.ContainsRune(addressTriggers, r) {
			continue
		}
		from := i - len("胡") // 大道, 胡同, 小区 … start one character earlier
		near := s[i+utf8.RuneLen(r) : min(len(s), i+utf8.RuneLen(r)+24)]
		if strings.ContainsAny(near, "0123456789十百ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") {
			out = appendWindow(s, out, from, i+utf8.RuneLen(r)+90)
		}
	}
	return out
}
