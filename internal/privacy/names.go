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
	"关麦温伍冼区欧岑植简甘翁邝钮巫柯骆卓古华凌麻利练庞饶黎赖涂聂谷祝童宁柴鲁柏霍盛乔康邢单倪戚蓝容廉缪符裴褚卫储怀竺阮殷翟尚葛滕奚郎鲍费毕邬安常乐时皮卞齐元卜平和穆萧湛祁禹狄米贝明臧计伏成谈茅纪舒屈项闵席季强路娄危颜梅刁樊虞支昝管经房裘干解应宗宣贲郁杭洪包诸左吉嵇滑荣荀羊於惠甄曲家封芮羿靳汲邴糜松井富乌焦巴弓牧隗山车宓蓬全郗班仰秋仲伊宫仇栾暴钭厉戎祖景詹束幸司韶郜蓟薄印宿蒲邰从鄂索咸籍蔺屠蒙池阴胥能苍双闻莘党贡劳逄姬申扶堵冉宰郦雍却璩桑桂濮牛寿通边扈燕冀郏浦农别庄晏瞿充慕连茹习宦艾鱼易慎戈庾终暨居衡步都耿满弘匡国文寇广禄阙东殳沃蔚越夔隆师巩厍晁勾敖融冷訾辛阚那空毋沙乜养鞠须丰巢蒯相查后荆红游权逯盖益桓公岳帅缑亢况郈有琴归海晋楚法汝鄢钦商牟佘佴伯赏墨哈谯笪年爱阳佟言福俞施官苗凤刀粟揭敬"

// commonSurnames are the most frequent surnames; a given name rarely starts with one.
const commonSurnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"

var compoundSurnames = []string{"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐",
	"万俟", "夏侯", "闻人", "赫连", "澹台", "公冶", "宗政", "濮阳", "淳于", "单于", "太叔", "申屠", "轩辕", "长孙",
	"宇文", "司徒", "司空", "钟离", "呼延", "端木", "百里", "东郭", "南宫", "西门", "拓跋", "第五", "左丘", "梁丘", "谷梁"}

// surnameRe matches a surname, compound ones first.
var surnameRe = `(?:` + strings.Join(compoundSurnames, "|") + `|[` + singleSurnames + `])`

// honorificName finds a surname, one or two more characters and an honorific:
// "王小明先生". Group 1 is the name.
var honorificName = regexp.MustCompile(`(` + surnameRe + `\p{Han}{1,2}?)(?:先生|女士|小姐|同志|老师|师傅|经理|书记|阿姨|大爷|大妈|大姐|大哥|村长|组长|主任|律师|医生|叔叔|伯伯|阿婆|同学|老板|会计|科长|所长|队长)`)

// personCues are the words after which citizens write a person's full name: their
// own (我叫, 本人, 联系人：), a relative's (我母亲, 儿子叫) or a third party's by role
// (村干部黄明辉, 物业经理钟振华, 包工头韦大勇).
const personCues = `村干部|村委委员|村支书|支书|村主任|主任|书记|村长|组长|队长|社长|经理|老板|会计|出纳|护士|医生|大夫|老师|教师|教练|司机|保安|队员|民警|警官|网格员|评估师|律师|经纪人|包工头|工头|快递员|业主|户主|车主|房东|租户|租客|邻居|隔壁|对门|楼上|楼下|` +
	`代表|委员|园长|校长|班主任|所长|站长|科长|院长|厂长|主管|员工|职工|工人|拆迁户|学员|学生|同学|同事|朋友|亲戚|表哥|表姐|表弟|表妹|卖家|买家|` +
	`户名|姓名|名字|全名|署名|落款|名叫|叫做|我叫|本人叫|人员|干部|领导|老板娘|承包商|楼长|网格长|记者|专员|保洁员|保姆|` +
	`母亲|父亲|妈妈|爸爸|我妈|我爸|老妈|老爸|哥哥|姐姐|弟弟|妹妹|儿子|女儿|孩子|小孩|孙子|孙女|爷爷|奶奶|外公|外婆|丈夫|老公|妻子|老婆|爱人|前夫|前妻|老伴|家属|` +
	`叔叔|阿姨|伯伯|舅舅|姑姑|姨妈|婶婶|嫂子|姐夫|妹夫|女婿|儿媳|侄子|侄女|外甥|舅子|连襟|亲家|大伯|小叔|姑父|姨父|堂哥|堂弟|堂姐|堂妹|表叔|` +
	`公公|婆婆|岳父|岳母|继父|继母|养父|养母|人：|人:|族|家长|店主|摊主|房主|商户|管家|乘客|患者|病人|村民|居民|市民|` +
	`[申请征收产权利继承代办借款投诉举报反映知情联系经办负责当事发起监护承租出租被拆迁写来信言]人`

// A name after a cue word ("村干部黄明辉", "业主冼志强", "申请人：温丽华", "哥哥叫
// 侯天佑", "我是冼志强") is read by cueNames: the cue, an optional separator
// (a colon, spaces, 叫, 是, 名叫, 为) and a surname with one or two characters.

// calledName finds a name after 叫 that stands alone: "我姓温，叫温淑仪，".
var calledName = regexp.MustCompile(`叫(` + surnameRe + `\p{Han}{1,2})(?:[，,。、）)\s；;！!]|$)`)

// boundedCandidates finds names standing alone between punctuation, as in
// signatures ("。何建华"), lists ("覃四海、韦小兵") and brackets ("（凌月华）"), or
// before the person's number ("常卫东 133…"): a surname and one or two characters
// after punctuation, a space or the start, and before punctuation, a space, the end,
// a number or a word for one. Each candidate is [_, _, start, end] like a
// submatch; the longer reading comes first.
func boundedCandidates(text string) [][]int {
	var out [][]int
	prevBoundary := true
	for i, r := range text {
		if prevBoundary {
			if sl := surnameLen(text[i:]); sl > 0 {
				j := i + sl
				var ends []int
				for k := 0; k < 2 && j < len(text); k++ {
					c, size := utf8.DecodeRuneInString(text[j:])
					if !unicode.Is(unicode.Han, c) {
						break
					}
					j += size
					ends = append(ends, j)
				}
				for k := len(ends) - 1; k >= 0; k-- {
					if nameEnds(text[ends[k]:]) {
						out = append(out, []int{i, ends[k], i, ends[k]})
						break
					}
				}
			}
		}
		prevBoundary = strings.ContainsRune("，,。、：:；;（( \t\n\r“\"！!—", r)
	}
	return out
}

// nameEnds reports whether a name may end right before s.
func nameEnds(s string) bool {
	if s == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	if strings.ContainsRune("，,。、）)；; \t\n\r”\"！!", r) || isDigit(r) && r < 0x3000 {
		return true
	}
	if r == '（' || r == '(' {
		return true
	}
	for _, w := range []string{"电话", "手机", "身份", "联系", "微信", "邮箱", "住", "家住", "说", "称", "多次", "不让", "不给", "不肯",
		"拒绝", "私自", "强行", "威胁", "一直", "经常", "带人", "骂", "打人", "霸占", "占用", "挪用", "收受", "把", "让"} {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// Margins of the windows where names are searched: a name with its separator
// reaches at most 8 characters after its cue word, and starts at most 4
// characters before its honorific.
const (
	nameAfter  = 8 * 3
	nameBefore = 4 * 3
)

// cueWords are personCues as plain words: "[申请…]人" stands for 申人, 请人, ….
var cueWords = func() []string {
	var out []string
	for _, w := range strings.Split(personCues, "|") {
		if class, ok := strings.CutPrefix(w, "["); ok {
			chars, _, _ := strings.Cut(class, "]")
			for _, c := range chars {
				out = append(out, string(c)+"人")
			}
			continue
		}
		out = append(out, w)
	}
	return out
}()

// cueNames offers accept every name written after one of the cues, as
// [start, end, nameStart, nameEnd]; text after an accepted name is searched on
// from its end.
func cueNames(text string, byFirst cueList, seps bool, accept func(m []int) bool) {
	next := 0
	for i, r := range text {
		if i < next {
			continue
		}
		for _, w := range byFirst[r] {
			if !strings.HasPrefix(text[i:], w) {
				continue
			}
			if s, e, ok := nameAfterCue(text, i+len(w), seps); ok && accept([]int{i, e, s, e}) {
				next = e
				break
			}
		}
	}
}

// nameAfterCue reads a name at text[p:], after a colon, spaces or (with seps) 叫,
// 是, 名叫 or 为, or right at p.
func nameAfterCue(text string, p int, seps bool) (int, int, bool) {
	var starts []int
	q := p
	for q < len(text) && strings.IndexByte(" \t\r\n\f", text[q]) >= 0 {
		q++
	}
	if c := text[q:]; strings.HasPrefix(c, ":") || strings.HasPrefix(c, "：") {
		q += len(":")
		if text[q-1] != ':' {
			q += len("：") - 1
		}
		for q < len(text) && strings.IndexByte(" \t\r\n\f", text[q]) >= 0 {
			q++
		}
		starts = append(starts, q)
	} else if q > p {
		starts = append(starts, q)
	}
	if seps {
		for _, w := range []string{"叫", "是", "名叫", "为"} {
			if strings.HasPrefix(text[p:], w) {
				starts = append(starts, p+len(w))
			}
		}
	}
	starts = append(starts, p)
	for _, s := range starts {
		if e, ok := nameAt(text, s); ok {
			return s, e, true
		}
	}
	return 0, 0, false
}

// nameAt reads a surname and one or two Chinese characters at text[s:] and returns
// where they end.
func nameAt(text string, s int) (int, bool) {
	sl := surnameLen(text[s:])
	if sl == 0 {
		return 0, false
	}
	e := s + sl
	for k := 0; k < 2 && e < len(text); k++ {
		r, size := utf8.DecodeRuneInString(text[e:])
		if !unicode.Is(unicode.Han, r) {
			break
		}
		e += size
	}
	return e, e > s+sl
}

var honorificWords = []string{"先生", "女士", "小姐", "同志", "老师", "师傅", "经理", "书记", "阿姨", "大爷", "大妈", "大姐", "大哥", "村长",
	"组长", "主任", "律师", "医生", "叔叔", "伯伯", "阿婆", "同学", "老板", "会计", "科长", "所长", "队长"}

// cueWindows covers every occurrence of the words, from before bytes ahead of it
// to after bytes past it. The text is read once, whatever the number of words.
func cueWindows(s string, words cueList, before, after int) []window {
	var out []window
	for i, r := range s {
		for _, w := range words[r] {
			if strings.HasPrefix(s[i:], w) {
				out = appendWindow(s, out, i-before, i+len(w)+after)
				break
			}
		}
	}
	return out
}

// cueList holds words by their first character.
type cueList map[rune][]string

func newCueList(words ...string) cueList {
	m := cueList{}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		m[r] = append(m[r], w)
	}
	return m
}

var (
	personCueList    = newCueList(cueWords...)
	selfCueList      = newCueList("我是", "本人")
	calledCueList    = newCueList("叫")
	honorificCueList = newCueList(honorificWords...)
)

// splitName finds a surname and a given name written apart: "姓谭名国栋",
// "姓梁，叫梁秋菊" is found as an ordinary cued name. Group 1 is the surname, group 2
// the given name.
var splitName = regexp.MustCompile(`姓(` + surnameRe + `)[，,]?\s?名(\p{Han}{1,2})`)

// nickName finds 小李 and 老陈: 小/老 and a common surname.
var nickName = regexp.MustCompile(`[小老阿][` + commonSurnames + `]`)

// notNicknames are ordinary words that look like 小X/老X.
var notNicknames = map[string]bool{"小区": true, "小学": true, "小时": true, "小组": true, "小孩": true, "小吃": true,
	"小型": true, "小额": true, "小车": true, "小路": true, "小巷": true, "小于": true, "小商": true, "小店": true,
	"小康": true, "小米": true, "小心": true, "小朋": true, "小贩": true, "小区的": true, "小卖": true, "小事": true,
	"小高": true, "小龙": true, "小田": true, "小程": true, "小石": true, "小方": true, "小马": true, "小金": true, "小白": true,
	"老师": true, "老板": true, "老年": true, "老人": true, "老旧": true, "老化": true, "老龄": true, "老百": true,
	"老干": true, "老屋": true, "老宅": true, "老房": true, "老城": true, "老区": true, "老乡": true, "老伴": true,
	"老公": true, "老婆": true, "老家": true, "老方": true, "老路": true, "老江": true, "老马": true, "老白": true,
	"老高": true, "老石": true, "老林": true, "老龙": true, "老邓": false, "老夏": true, "老熊": true, "老孔": true,
	"阿姨": true, "阿婆": true, "阿公": true, "阿伯": true, "老何": false, "老于": true, "老是": true, "老谭": false}

// givenChars are characters common in given names; a name found without a cue
// word must be made of them.
const givenChars = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂华建国志红玉兰凤梅萍燕文斌浩凯鹏飞俊峰辉龙海波亮林荣新春成东永宏祥金银锦德福寿康安宁嘉佳怡欣颖婷雯雅琴琪琳晶晓小云雪冬雨蓉蕾莉莲菊珍珠璐瑶瑜瑞思慧惠美淑贞月晴彤诗梦欢乐佑祖耀宗仁义礼信忠孝廉智勤俭振兴旺昌盛繁茂富贵发财少广远大长胜利泽润清源江河湖山石岩松柏竹梓楠桐枫鑫晨曦阳光辰星炳坤乾元正伯仲叔兆泰豪然博武彬君子卫兵庆设宪法立跃进向旗雄威坚毅达通顺吉如意和睦晗涵妍婉媛娇媚姗姝嫣倩芸芹蓓蔚薇芝馨香秋霜露虹丹青翠碧绿蓝紫彩艺琼瑛璇琦玲珊珏瑾琬宝贝凡群良善才学书韵音声一二三五六七八九十百千万亿水火土木根树森田禾苗稻麦谷丰收满喜禄全有道久宽厚灿烂晖曜昭显扬帆航舟浪潮汐洪涌泉溪沛澄洁净莹霖霏霓雾雷电霆锋铭钧铮锐钰铁钢镇锡炎焱煜烨焕炜熙照烈燃焰炯晟昊昕昀晔暄曙旭旻昱晋景聪捷渊深沉稳恬淡逸飘翔翱鸿鹰鹤凰麟虎豹彪骏驰腾奔勋功业绩就魁冠卓越侠健壮岸崇高峻岭岳嵩峦崖巍峨妮娅婕娴婵姣妙娥嫦婀娉姿容仪态端庄贤温柔宛约致瑟笙箫笛歌舞律词章句墨翰画彦士臣相将帅卿公侯爵尊璋琮璞瑰琅玮瑗琰珂珑祯祺禧祐祜悦愉恺慈爱悌耻朴素诚实直杨柳桃李杏梨樟榕槐椿萱芷若蘅芙荷菱藕芬馥郁蕙茜茵苏葳蕤旦夏邦轩阁楼台亭榭苑宫殿廷府第宅居护保助扶持济世力干谋略比中生民家天西南北好宇绍伦栋梁材杉楷斐翡菲萱莎娣婧根柱权鸣卓越冠鹏骏驹驰绣维继纪泓津浚淳湘潇澜瀚灏汉沐洲浩淼渊济深广泉溢涌漫润濡"

// notGivenName holds// notGivenName holds characters that end organisation names, school levels and
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
	r, size := utf8.DecodeRuneInString(s)
	if !strings.ContainsRune(compoundFirsts, r) {
		if strings.ContainsRune(singleSurnames, r) {
			return size
		}
		return 0
	}
	for _, c := range compoundSurnames {
		if strings.HasPrefix(s, c) && utf8.RuneCountInString(s) > 2 {
			return len(c)
		}
	}
	if strings.ContainsRune(singleSurnames, r) {
		return size
	}
	return 0
}

// compoundFirsts are the first characters of the compound surnames.
var compoundFirsts = func() string {
	var b strings.Builder
	for _, c := range compoundSurnames {
		r, _ := utf8.DecodeRuneInString(c)
		b.WriteRune(r)
	}
	return b.String()
}()

// findNames reports every occurrence of the known names and of the names written
// with an honorific, longest first so that a longer name wins over its prefix.
func findNames(text string, known []string) []hit {
	names := append([]string(nil), known...)
	names = append(names, honorificNames(text)...)
	var hits []hit
	for _, m := range splitName.FindAllStringSubmatchIndex(text, -1) {
		given := text[m[4]:m[5]]
		if r := []rune(given); len(r) == 2 && strings.ContainsRune(stopChars+functionChars, r[1]) {
			given = string(r[:1])
		}
		if first, _ := utf8.DecodeRuneInString(given); strings.ContainsRune(startStops+functionChars, first) {
			continue
		}
		hits = append(hits, hit{kind: KindName, severity: SeverityWarn, start: m[4], end: m[4] + len(given), given: true})
		names = append(names, text[m[2]:m[3]]+given)
	}
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

// honorificNames lists the full names found in text: after a cue word, before an
// honorific, standing alone between punctuation, and 小X/老X.
func honorificNames(text string) []string {
	var names []string
	var spans [][2]int
	cued := func(strict bool) func(m []int) bool {
		return func(m []int) bool {
			if officialBefore(text, m[0]) {
				return false // 市委书记李明: a leader in an official role
			}
			colon := colonBefore(text, m[2])
			s, e, ok := trimName(text, m[2], m[3], strict && !colon)
			ok = ok && (colon || allGiven(text[s:e]) || noWordChars(text[s:e]))
			if ok {
				names = append(names, text[s:e])
				spans = append(spans, [2]int{s, e})
			}
			return ok
		}
	}
	cueNames(text, personCueList, true, cued(false))
	cueNames(text, selfCueList, false, cued(true))
	findAll(calledName, text, cueWindows(text, calledCueList, 0, nameAfter), cued(false))
	overlaps := func(s, e int) bool {
		for _, sp := range spans {
			if s < sp[1] && sp[0] < e {
				return true
			}
		}
		return false
	}
	plausible := func(m []int) bool {
		return !overlaps(m[2], m[3]) && !inTitle(text, m[2]) && !officialTitleBefore(text, m[2]) && plausibleName(text, m[2], m[3]) &&
			(allGiven(text[m[2]:m[3]]) || openBefore(text, m[2]) && noWordChars(text[m[2]:m[3]]) && !commonWords[string([]rune(text[m[2]:m[3]])[:2])])
	}
	for _, m := range findAll(honorificName, text, cueWindows(text, honorificCueList, nameBefore, 0), plausible) {
		names = append(names, text[m[2]:m[3]])
	}
	bounded := func(m []int) bool {
		if overlaps(m[2], m[3]) {
			return false
		}
		s, e, ok := trimName(text, m[2], m[3], true)
		ok = ok && allGiven(text[s:e]) && (utf8.RuneCountInString(text[s:e][surnameLen(text[s:e]):]) == 2 || beforeNumber(text[e:]))
		if ok {
			names = append(names, text[s:e])
			spans = append(spans, [2]int{s, e})
		}
		return ok
	}
	for _, m := range boundedCandidates(text) {
		bounded(m)
	}
	for _, m := range nickName.FindAllStringIndex(text, -1) {
		w := text[m[0]:m[1]]
		next, _ := utf8.DecodeRuneInString(text[m[1]:])
		prev, _ := utf8.DecodeLastRuneInString(text[:m[0]])
		if !notNicknames[w] && !strings.ContainsRune("养敬尊赡扶防抗衰古元遗", prev) && !strings.ContainsRune("区学时组孩吃型额车路巷心贩事康米麦商店卖层板年人化龄屋宅房城乡伴公婆家", next) &&
			!overlaps(m[0], m[1]) && !inTitle(text, m[0]) {
			names = append(names, w)
		}
	}
	return names
}

// officialBefore reports whether a party committee or government names the office
// whose cue word starts at text[i:]: 市委书记, 区政府主任.
func officialBefore(text string, i int) bool {
	for _, w := range []string{"省委", "市委", "区委", "县委", "党委", "党组", "省政府", "市政府", "区政府", "县政府", "人大常委会", "政协"} {
		if strings.HasSuffix(text[:i], w) {
			return true
		}
	}
	return false
}

// officialTitleBefore reports whether a leader's title stands right before
// text[i:]: 市委书记李明同志, 副市长王伟.
func officialTitleBefore(text string, i int) bool {
	for _, t := range []string{"书记", "主任", "主席", "秘书长", "常委", "市长", "区长", "县长", "省长", "镇长"} {
		if before, ok := strings.CutSuffix(text[:i], t); ok && (strings.HasSuffix(t, "长") && t != "秘书长" || officialBefore(before, len(before))) {
			return true
		}
	}
	return false
}

// beforeNumber reports whether s starts with the person's number or a word for it:
// a one-character given name alone ("程丽，13922221111") needs that support.
func beforeNumber(s string) bool {
	s = strings.TrimLeft(s, " ，,：:（(")
	r, _ := utf8.DecodeRuneInString(s)
	return s == "" || s == "。" || isDigit(r) || strings.HasPrefix(s, "电话") || strings.HasPrefix(s, "手机") || strings.HasPrefix(s, "身份")
}

// colonBefore reports whether a colon or 叫/是 stands right before text[start:]:
// "姓名：于丽" leaves no doubt that 于丽 is a name.
func colonBefore(text string, start int) bool {
	before := strings.TrimRight(text[:start], " \t")
	prev, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune(":：叫", prev) || strings.HasSuffix(before, "姓名") || strings.HasSuffix(before, "户名") ||
		strings.HasSuffix(before, "名字") || strings.HasSuffix(before, "全名")
}

// weakSurnames are surnames that are also common function words: 从外地, 和我们.
const weakSurnames = "从于和能都有时应那经计成以过把被给对在同将让"

// notNameStarts are ordinary words that start with a surname and follow 我是 or
// 本人: "我是农民工", "本人家住", "我是广州人".
var notNameStarts = []string{"农民", "公交", "林农", "家住", "家在", "家里", "外地", "本村", "本地", "退休", "环卫", "居民", "市民", "村民",
	"党员", "个体", "残疾", "低保", "贫困", "军人", "退伍", "教师", "医生", "护士", "司机", "快递", "外卖", "房东", "租户", "拆迁", "开发",
	"物业", "社区", "街道", "政府", "农村", "城市", "城镇", "华侨", "高中", "初中", "大学", "工作", "管理", "经营", "商户", "全体", "全家",
	"广大", "广州", "广东", "深圳", "东莞", "佛山", "江门", "中山", "珠海", "汕头", "湛江", "茂名", "梅州", "惠州", "肇庆", "清远", "韶关",
	"河源", "阳江", "云浮", "潮州", "揭阳", "汕尾", "南海", "番禺", "花都", "天河", "海珠", "越秀", "白云", "黄埔", "荔湾", "从化", "增城",
	"南沙", "宝安", "龙岗", "福田", "罗湖", "南山", "龙华", "光明", "顺德", "高明", "三水", "湖南", "湖北", "江西", "广西", "海南", "福建",
	"四川", "贵州", "云南", "河南", "河北", "山东", "山西", "江苏", "浙江", "安徽", "陕西", "甘肃", "宁夏", "青海", "新疆", "西藏", "吉林",
	"黑龙", "辽宁", "北京", "上海", "天津", "重庆", "香港", "澳门", "台湾", "外省", "本市", "本区", "本镇", "单位", "公司", "学校", "幼儿",
	"小学", "中学", "业主", "老人", "老年", "孤寡", "独居", "单亲", "双职", "全职", "兼职", "临时", "合同", "劳务", "派遣", "个人", "车主",
	"房主", "户主", "产权", "经济", "困难", "特困", "计生", "独生", "失独", "残障", "伤残", "病人", "患者", "家长", "学生", "老师", "工人",
	"职工", "干部", "公务", "事业", "国企", "私企", "企业", "商家", "店主", "网友", "游客", "群众", "老百", "百姓", "普通", "一名", "一位",
	"一个", "申请", "投诉", "举报", "反映", "当事", "原告", "被告", "第三", "上访", "信访", "来访", "外来", "流动", "新市", "农业", "非农",
	"城中", "华南", "华北", "东北", "西北", "西南", "江南", "岭南", "岳母", "岳父", "公公", "婆婆", "明年", "明天", "今年", "去年", "前年",
	"经理", "经办", "主任", "书记", "队长", "组长", "村长", "会计", "老板", "师傅", "律师", "代表", "委员", "科长", "所长", "院长", "站长", "厂长", "主管", "司法", "公安", "城管", "交警", "法院", "银行"}

// stopChars end a name: a verb or particle after a one-character given name
// ("宁伟收取", "苏振邦在") is not part of it.
const stopChars = "说讲问让叫找去来到在是的了和与跟同把被给对向从也都又还就不没已等们这那要会能却便即今昨曾称拒打骂占欠拖收私乱堵经多避挪态扣吞违跑带拿开做干搞住租买卖借欠骗逼推拉办交付退补罚管告想认看听写签作负为以于及或但而且并且今年日号岁个位名"

// honorifics follow a surname alone: 王先生, 黄警官.
var honorifics = []string{"先生", "女士", "小姐", "同志", "老师", "师傅", "经理", "书记", "阿姨", "大爷", "大妈", "大姐", "大哥", "村长",
	"组长", "主任", "律师", "医生", "叔叔", "伯伯", "阿婆", "同学", "老板", "会计", "科长", "所长", "队长", "警官", "局长", "总", "工", "某"}

// startStops are the verbs and particles that never start a given name.
const startStops = "说讲问让叫找去来到在是的了和与跟同把被给对向从也都又还就才不没已等们这那要会能却便即"

// kinChars never start a given name after a cue: "母亲和父亲" is not 和父亲.
const kinChars = "父母亲爸妈爷奶哥弟妹姐叔姨舅婆"

// trimName checks a candidate name text[start:end] (surname and one or two
// characters) and drops a second given-name character that is a verb or particle.
// strict rejects surnames that are also function words and ordinary words.
func trimName(text string, start, end int, strict bool) (int, int, bool) {
	name := text[start:end]
	sl := surnameLen(name)
	if sl == 0 || inTitle(text, start) {
		return 0, 0, false
	}
	given := []rune(name[sl:])
	if len(given) == 0 || strings.ContainsRune(functionChars+kinChars+startStops, given[0]) ||
		given[0] != '老' && strings.ContainsRune(notGivenName, given[0]) {
		return 0, 0, false
	}
	for _, h := range honorifics {
		if strings.HasPrefix(name[sl:], h) {
			return 0, 0, false // 业主简女士: a surname and an honorific identify nobody
		}
	}
	if len(given) == 2 && strings.ContainsRune(stopChars+functionChars+kinChars, given[1]) {
		end -= utf8.RuneLen(given[1])
		given = given[:1]
	}
	first, _ := utf8.DecodeRuneInString(name)
	if sl == utf8.RuneLen(first) && strings.ContainsRune(weakSurnames, first) && (strict || !colonBefore(text, start)) {
		return 0, 0, false
	}
	if len(given) == 1 && strings.ContainsRune("伯叔姨婆公爷哥姐嫂", given[0]) {
		return 0, 0, false // 冯伯, 卢伯: an elder's form of address
	}
	if !strings.ContainsRune(":：叫", lastRune(strings.TrimRight(text[:start], " "))) && commonWords[string([]rune(name)[:2])] {
		return 0, 0, false
	}
	if strings.ContainsAny(name[sl:], "章条款第届期次") {
		return 0, 0, false
	}
	for _, w := range notNameStarts {
		if strings.HasPrefix(name, w) {
			return 0, 0, false
		}
	}
	return start, end, true
}

// openBefore reports whether a name may start at text[i:]: at the start, after
// punctuation or a space, or after a particle or verb such as 的, 和, 找, 向.
func openBefore(text string, i int) bool {
	r := lastRune(text[:i])
	return i == 0 || !unicode.Is(unicode.Han, r) || strings.ContainsRune("的和与跟及或找向给对问谢请是位叫"+functionChars, r)
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// commonWords are two-character words made of a surname and a given-name
// character; after a role word they are what the person has or does, not a
// name: "业主安全", "孩子公平", "职工房子".
var commonWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`安全 安装 安排 安置 公平 公正 公开 公告 公示 公司 公务 公共 公路 公园 公租 平台 平安 平方 平时 平等 平均 强烈 强制 强拆 强行
		通道 通知 通过 通报 通行 房子 房屋 房产 房价 房租 房间 房源 师德 师生 师资 祖国 白班 白天 高一 高二 高三 高中 高考 高度 高速 高层 高温 高价
		金额 金融 文件 文明 文化 文书 明年 明天 明确 明显 方面 方式 方案 方便 方向 方法 江边 海关 海边 山上 山区 石头 林地 林业 时间 时候 常规 常年
		管理 管道 管控 成本 成绩 成立 程序 宁可 全部 全面 全体 全家 全村 东西 向前 钱款 马路 马上 路面 路段 路灯 车位 车辆 车库 车费 田地 水费 水电
		电费 费用 齐全 雷同 项目 万元 余额 应该 都是 学费 学位 学校 学区 学籍 工资 工作 工程 劳动 劳务 劳保 经济 经费 经营 计划 居住 居民 党员 信息
		华侨 庄园 包括 包工 解决 解释 解除 谈话 习惯 双方 秦朝 龙头 燕子 乐意 宋体 尚未 福利 红线 红色 黄色 绿色 蓝色 单位 单元 简单 危险 危房 危害
		红包 车牌 车主 关系 关于 养老 宿舍 山歌 第五 百里 关心 范围 居然 终止 终于 年满 左右 家庭 区属 区别 农田 明察 明示 文盲 班子 高谈 权利 支付 劳动 年终 景区 景点 关注 凌晨 经过 蒙受 辛苦 公摊 公社 官僚 公寓 家属 习总 石场 严重 严格 连续 连接 柏油 杨树 梅雨 冷水 温度 温暖 苗木 苗圃 花园 花费 宫殿 伍佰 陆续 陈旧 余款`) {
		commonWords[w] = true
	}
}

// wordChars are characters of ordinary words that are rare in given names; a name
// after a role word may not contain one unless it is also common in names
// (givenChars): "员工利益", "学生通道", "职工解除劳动合同".
const wordChars = "的了是在和与及或把被给对向从也都又还就才不没已等们这那有个些里上下内外部门道路街巷区县市省局委厅处科办院所站队组会司校村镇乡" +
	"费款项目单位务业益烈台子房屋楼层室号栋梯间厕场地面积米元角分钱价税率额度量数次回遍趟期限时间日月年周岁份件条款章节段落证照卡码机网线点" +
	"管理服务保障险医疗病药检查诉讼判决裁定执行申请审批核准登记备案手续材料表格文件通知公告规定办法条例政策制度标准要求问题情况事原因结果影响" +
	"作用效果方式程序过环措施行为活动工作产经营施改造维修装拆迁征收补偿置赔处解反映投举报咨询议见强烈要求动合同除劳公章教学班" +
	"待遇寓苦摊社僚气注受晨均资总副馆店厂铺"

func noWordChars(name string) bool {
	for _, r := range name[surnameLen(name):] {
		if strings.ContainsRune(wordChars, r) && !strings.ContainsRune(givenChars, r) {
			return false
		}
	}
	return true
}

// allGiven reports whether every character of the given name is common in names.
func allGiven(name string) bool {
	for _, r := range name[surnameLen(name):] {
		if !strings.ContainsRune(givenChars, r) {
			return false
		}
	}
	return true
}

// titleReach is how far back (in bytes) a title's opening bracket is looked for.
const titleReach = 300

// inTitle reports whether text[i:] lies inside 《…》: a policy or document title,
// where names are of leaders in their official role.
func inTitle(text string, i int) bool {
	from := max(0, i-titleReach)
	open := strings.LastIndex(text[from:i], "《")
	if open >= 0 {
		open += from
	}
	return open >= 0 && !strings.Contains(text[open:i], "》")
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

func init() {
	for _, name := range strings.Fields(`刘胡兰 董存瑞 黄继光 邱少云 赵一曼 方志敏 李大钊 陈独秀 瞿秋白 杨靖宇 吉鸿昌 詹天佑 钱学森 邓稼先 华罗庚
		李四光 竺可桢 蔡元培 梁启超 康有为 冼星海 聂耳 郭沫若 老舍 巴金 茅盾 冰心 梅兰芳 齐白石 徐悲鸿 王继才 诸葛亮 曹操 刘备 关羽
		李白 杜甫 苏轼 白居易 王安石 司马光 司马迁 屈原 孟子 老子 庄子 秦始皇 汉武帝 唐太宗 康熙 乾隆 郑和 戚继光 袁崇焕 邓世昌 黄兴
		秋瑾 胡适 任弼时 彭德怀 贺龙 叶剑英 李克强 李强 江泽民 胡锦涛 南仁东 樊锦诗 于敏 孙家栋 张富清 申纪兰 时传祥 包公 黄飞鸿
		叶挺 廖仲恺 何香凝 邓中夏 彭湃 杨匏安 陈嘉庚 霍英东 曾宪梓 孙文 毛主席 周总理`) {
		publicFigures[name] = true
	}
}

// sortedByLength orders names longest first, so that 张三丰 is found before 张三.
func sortedByLength(names []string) []string {
	out := append([]string(nil), names...)
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
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
	if !strings.ContainsRune(commonSurnames+"关麦温伍冼区欧岑植简甘翁邝", next) {
		return true
	}
	return size < len(given) && openBefore(text, start)
}
