package privacy

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Common single-character surnames and the usual compound (复姓) ones.
const singleSurnames = commonSurnames +
	// The rest of 百家姓 and surnames common in Guangdong, Fujian and Hainan.
	"关麦温伍冼区欧岑植简甘翁邝钮巫柯骆卓古华凌麻利练庞饶黎赖涂聂谷祝童宁柴鲁柏霍盛乔康邢单倪戚蓝容廉缪符裴褚卫储怀竺阮殷翟尚葛滕奚郎鲍费毕邬安常乐时皮卞齐元卜平和穆萧湛祁禹狄米贝明臧计伏成谈茅纪舒屈项闵席季强路娄危颜梅刁樊虞支昝管经房裘干解应宗宣贲郁杭洪包诸左吉嵇滑荣荀羊於惠甄曲家封芮羿靳汲邴糜松井富乌焦巴弓牧隗山车宓蓬全郗班仰秋仲伊宫仇栾暴钭厉戎祖景詹束幸司韶郜蓟薄印宿蒲邰从鄂索咸籍蔺屠蒙池阴胥能苍双闻莘党贡劳逄姬申扶堵冉宰郦雍却璩桑桂濮牛寿通边扈燕冀郏浦农别庄晏瞿充慕连茹习宦艾鱼易慎戈庾终暨居衡步都耿满弘匡国文寇广禄阙东殳沃蔚越夔隆师巩厍晁勾敖融冷訾辛阚那空毋沙乜养鞠须丰巢蒯相查后荆红游权逯盖益桓公岳帅缑亢况郈有琴归海晋楚法汝鄢钦商牟佘佴伯赏墨哈谯笪年爱阳佟言福"

// commonSurnames are the most frequent surnames; a given name rarely starts with one.
const commonSurnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"

var compoundSurnames = []string{"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐",
	"万俟", "夏侯", "闻人", "赫连", "澹台", "公冶", "宗政", "濮阳", "淳于", "单于", "太叔", "申屠", "轩辕", "长孙",
	"宇文", "司徒", "司空", "钟离", "呼延", "端木", "百里", "东郭", "南宫", "西门", "拓跋", "第五", "左丘", "梁丘", "谷梁"}

// honorificName finds a surname, one or two more characters and an honorific:
// "王小明先生". Group 1 is the name.
var honorificName = regexp.MustCompile(`((?:` + strings.Join(compoundSurnames, "|") + `|[` + singleSurnames + `])\p{Han}{1,2}?)(?:先生|女士|小姐|同志|老师|师傅|经理|书记|阿姨|大爷|大妈|大姐|大哥|村长|组长)`)

// cuedName finds a full name written after a role word: "村干部黄明辉", "业主冼志强".
var cuedName = regexp.MustCompile(`(?:村干部|村委委员|干部|业主|邻居|房东|租户|工人|老板|负责人|联系人|经办人|申请人|投诉人|举报人|反映人|当事人|家属|儿子|女儿|丈夫|妻子|父亲|母亲|姓名[:：]?|名叫|叫做|署名|我叫|本人叫|本人|我是)(?:[:：] ?|叫|是|名叫)?((?:` + strings.Join(compoundSurnames, "|") + `|[` + singleSurnames + `])\p{Han}{1,2})`)

// notGivenName holds characters that end organisation names, school levels and
// forms of address, and almost never end a given name: "林业局同志" and "高中老师"
// are not people.
// notNameChars are dates and counting words that stand before a name and its
// honorific: "本周三王女士" is 王女士 on Wednesday.
const notNameChars = "日月年天周号"

// functionChars are particles and pronouns that are not part of a given name:
// "区的同志" is not a person.
const functionChars = "的了是在和与及或说也都把被向给对这那个我你他她们有位名些里上下内外"

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
		if utf8.RuneCountInString(name) < 2 || !utf8.ValidString(name) || publicFigures[name] {
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
	for _, m := range findAll(cuedName, text, whole(text), plausible) {
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
	if strings.ContainsRune(notGivenName, last) || strings.ContainsRune(notNameChars, last) {
		return false
	}
	if strings.ContainsAny(given, functionChars) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(name)
	if strings.ContainsRune("周", first) && strings.ContainsRune("一二三四五六日末天", []rune(given)[0]) {
		return false // 本周三王女士: a weekday, not 周三
	}
	next, size := utf8.DecodeRuneInString(given)
	if !strings.ContainsRune(commonSurnames, next) {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:start])
	return size < len(given) && !unicode.Is(unicode.Han, prev)
}

// publicFigures are names of historical and public persons that appear in
// citizens' letters and must stay as written: "学习雷锋同志".
var publicFigures = map[string]bool{
	"雷锋": true, "焦裕禄": true, "孔繁森": true, "张思德": true, "白求恩": true, "孙中山": true,
	"毛泽东": true, "周恩来": true, "邓小平": true, "习近平": true, "鲁迅": true, "袁隆平": true,
	"钟南山": true, "屠呦呦": true, "黄大年": true, "王进喜": true, "杨善洲": true, "谷文昌": true,
	"廖俊波": true, "黄文秀": true, "张桂梅": true, "林则徐": true, "岳飞": true, "包拯": true,
	"海瑞": true, "文天祥": true, "孔子": true, "朱德": true, "刘少奇": true, "陈云": true,
}

// sortedByLength orders names longest first, so that 张三丰 is found before 张三.
func sortedByLength(names []string) []string {
	out := append([]string(nil), names...)
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}
