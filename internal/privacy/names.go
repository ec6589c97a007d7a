package privacy

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Common single-character surnames and the usual compound (复姓) ones.
const singleSurnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"

var compoundSurnames = []string{"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐"}

// honorificName finds a surname, one or two more characters and an honorific:
// "王小明先生". Group 1 is the name.
var honorificName = regexp.MustCompile(`((?:` + strings.Join(compoundSurnames, "|") + `|[` + singleSurnames + `])\p{Han}{1,2}?)(?:先生|女士|同志|老师)`)

// notGivenName holds characters that end organisation names, school levels and
// forms of address, and almost never end a given name: "林业局同志" and "高中老师"
// are not people.
const notGivenName = "局委厅处科办部院所站队组会司校区县市省镇村街们中老各位级长员"

// surnameLen returns the byte length of the surname s starts with, or 0.
func surnameLen(s string) int {
	for _, c := range compoundSurnames {
		if strings.HasPrefix(s, c) && utf8.RuneCountInString(s) > 2 {
			return len(c)
		}
	}
	r, size := utf8.DecodeRuneInString(s)
	if strings.ContainsRune(singleSurnames, r) {
		return size
	}
	return 0
}

// findNames reports every occurrence of the known names and of the names written
// with an honorific, longest first so that a longer name wins over its prefix.
func findNames(text string, known []string) []hit {
	names := append([]string(nil), known...)
	names = append(names, honorificNames(text)...)
	var hits []hit
	for _, name := range sortedByLength(names) {
		if utf8.RuneCountInString(name) < 2 || !utf8.ValidString(name) {
			continue
		}
		for from := 0; ; {
			i := strings.Index(text[from:], name)
			if i < 0 {
				break
			}
			start := from + i
			hits = append(hits, hit{kind: KindName, severity: SeverityWarn, start: start, end: start + len(name)})
			from = start + len(name)
		}
	}
	return hits
}

// honorificNames lists the full names written as "姓名+先生/女士/同志/老师".
func honorificNames(text string) []string {
	var names []string
	plausible := func(m []int) bool { return plausibleName(text, m[2], m[3]) }
	for _, m := range findAll(honorificName, text, whole(text), plausible) {
		names = append(names, text[m[2]:m[3]])
	}
	return names
}

// plausibleName rejects a match text[start:end] whose given name ends with an
// organisation or school-level character, and a match that more likely starts one
// character later: when the given name starts with a surname, "谢王先生" is read as
// (感)谢 + 王先生 and "于张三先生" as (关)于 + 张三先生. The match is then searched
// again from the next character.
func plausibleName(text string, start, end int) bool {
	name := text[start:end]
	given := name[surnameLen(name):]
	last, _ := utf8.DecodeLastRuneInString(given)
	if strings.ContainsRune(notGivenName, last) {
		return false
	}
	next, size := utf8.DecodeRuneInString(given)
	if !strings.ContainsRune(singleSurnames, next) {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:start])
	return size < len(given) && !unicode.Is(unicode.Han, prev)
}

// sortedByLength orders names longest first, so that 张三丰 is found before 张三.
func sortedByLength(names []string) []string {
	out := append([]string(nil), names...)
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}
