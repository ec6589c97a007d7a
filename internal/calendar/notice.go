package calendar

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"policydesk/internal/core"
)

// NoticeResult is what ParseNotice read from a 国务院办公厅关于XXXX年部分节假日安排的通知.
type NoticeResult struct {
	Year      int
	Title     string
	DocNumber string     // e.g. 国办发明电〔2025〕7号, when the text carries it
	Days      []Override // every rest day and 调休上班 day, by date
	Warnings  []string   // inconsistencies a person should check before importing
	Lines     []NoticeLine
}

// NoticeLine is one schedule item of the notice ("一、元旦:…") and the days read from it.
type NoticeLine struct {
	Text     string
	Name     string
	RestDays []time.Time
	Workdays []time.Time
}

var (
	titlePattern = regexp.MustCompile(`国务院办公厅关于\s*(\d{4})\s*年\s*部分节假日安排的通知`)
	docPattern   = regexp.MustCompile(`国办发明电\s*[〔\[(【]\s*(\d{4})\s*[〕\])】]\s*(\d{1,3})\s*号`)
	yearHint     = regexp.MustCompile(`现将\s*(\d{4})\s*年`)
	// itemHead finds "一、元旦:" or, without the ordinal, a known holiday name and a colon
	// at the start of a line or sentence.
	itemHead = regexp.MustCompile(`(?:^|[。;\s])\s*(?:([一二三四五六七八九十]{1,3})、)?\s*([^\s:、。,;()\d]{1,10}(?:[、和][^\s:、。,;()\d]{1,10})*)\s*:`)
	// dateToken is "2022年12月31日", "5月31日", or "3日" (month from the previous date),
	// with an optional parenthesis such as "(农历除夕、周二)".
	dateToken    = regexp.MustCompile(`(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日(?:\s*\(([^()]*)\))?`)
	weekdayMark  = regexp.MustCompile(`(?:周|星期|礼拜)([一二三四五六日天])`)
	countPattern = regexp.MustCompile(`(?:共|放假)\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*天`)
)

// knownHolidays are the names an item may carry without an ordinal ("元旦:1月1日放假").
var knownHolidays = map[string]bool{
	"元旦": true, "春节": true, "清明节": true, "清明": true, "劳动节": true, "五一": true,
	"端午节": true, "端午": true, "中秋节": true, "中秋": true, "国庆节": true, "国庆": true,
}

// rangeWords join the two ends of a span: "1月1日至3日".
var rangeWords = map[string]bool{"至": true, "到": true, "-": true, "~": true, "—": true, "–": true}

const (
	maxSpanDays    = 60      // longer than any holiday: a typo, and a guard against runaway input
	maxNoticeBytes = 1 << 20 // a notice is about 2 KB; anything this large is not one
	minYear        = 1949    // dates outside these years are typos
	maxYear        = 2200
)

// ParseNotice reads the holiday schedule from the text of a State Council holiday notice, the
// whole notice or only its schedule lines. The year comes from the title when present, else
// defaultYear. Days that contradict their stated weekday or count are kept, with a warning.
func ParseNotice(text string, defaultYear int) (NoticeResult, error) {
	if len(text) > maxNoticeBytes {
		return NoticeResult{}, core.Errorf(core.EINVALID, "通知文本过长(%d KB):请只粘贴通知正文", len(text)/1024)
	}
	text = normalizeWidth(strings.ReplaceAll(text, "\r\n", "\n"))
	var res NoticeResult
	res.Year = defaultYear
	if m := titlePattern.FindStringSubmatch(text); m != nil {
		res.Year, _ = strconv.Atoi(m[1])
		res.Title = fmt.Sprintf("国务院办公厅关于%d年部分节假日安排的通知", res.Year)
		if defaultYear > 0 && defaultYear != res.Year {
			res.Warnings = append(res.Warnings, fmt.Sprintf("通知标题为%d年,与所选的%d年不一致,已按标题处理", res.Year, defaultYear))
		}
	} else if res.Year <= 0 {
		if m := yearHint.FindStringSubmatch(text); m != nil {
			res.Year, _ = strconv.Atoi(m[1])
		}
	}
	if res.Year < minYear || res.Year > maxYear {
		return NoticeResult{}, core.Errorf(core.EINVALID, "无法确定通知所属的年份:正文中没有“国务院办公厅关于XXXX年部分节假日安排的通知”标题,请选择年份")
	}
	if m := docPattern.FindStringSubmatch(text); m != nil {
		res.DocNumber = fmt.Sprintf("国办发明电〔%s〕%s号", m[1], m[2])
	}
	p := noticeParser{year: res.Year, seen: make(map[dayNum]Kind)}
	for _, line := range strings.Split(text, "\n") {
		for _, it := range splitItems(line) {
			res.Lines = append(res.Lines, p.parseItem(it))
		}
	}
	if len(p.days) == 0 {
		return NoticeResult{}, core.Errorf(core.EINVALID, "未在通知中找到放假安排:应有形如“一、元旦:1月1日(周四)至3日(周六)放假调休,共3天。1月4日(周日)上班。”的条目")
	}
	res.Days = p.days
	sortOverrides(res.Days)
	res.Warnings = append(res.Warnings, p.warnings...)
	return res, nil
}

// item is one schedule item as found in a line.
type item struct {
	ordinal, name, text, body string
}

// splitItems cuts a line into its schedule items; a line may hold several when a notice was
// pasted without line breaks.
func splitItems(line string) []item {
	var heads [][]int
	for _, m := range itemHead.FindAllStringSubmatchIndex(line, -1) {
		ordinal := m[2] >= 0
		if ordinal || allKnown(line[m[4]:m[5]]) {
			heads = append(heads, m)
		}
	}
	items := make([]item, 0, len(heads))
	for i, m := range heads {
		end := len(line)
		if i+1 < len(heads) {
			end = heads[i+1][0] + delimiterLen(line[heads[i+1][0]:])
		}
		it := item{name: line[m[4]:m[5]], body: line[m[1]:end]}
		if m[2] >= 0 {
			it.ordinal = line[m[2]:m[3]]
		}
		start := m[0] + delimiterLen(line[m[0]:])
		it.text = strings.TrimSpace(line[start:end])
		items = append(items, it)
	}
	return items
}

// delimiterLen is the length of the sentence end or space that itemHead consumed before an item.
func delimiterLen(s string) int {
	for _, d := range []string{"。", ";"} {
		if strings.HasPrefix(s, d) {
			return len(d)
		}
	}
	return 0
}

func allKnown(name string) bool {
	for _, part := range strings.FieldsFunc(name, func(r rune) bool { return r == '、' || r == '和' }) {
		if !knownHolidays[part] {
			return false
		}
	}
	return true
}

// noticeParser accumulates the days of all items, remembering which dates were already given.
type noticeParser struct {
	year     int
	days     []Override
	seen     map[dayNum]Kind
	warnings []string
}

// dateRef is one date found in an item's body.
type dateRef struct {
	start, end int
	day        dayNum
	explicitY  bool
	explicitM  bool
	paren      string
	ok         bool
}

func (p *noticeParser) warnf(it item, format string, args ...any) {
	label := it.name
	if it.ordinal != "" {
		label = it.ordinal + "、" + it.name
	}
	p.warnings = append(p.warnings, label+": "+fmt.Sprintf(format, args...))
}

// parseItem reads one item: rest spans and single rest days ("放假", "补休"), working days
// ("上班"), the "与周末连休" extension and the stated "共N天".
func (p *noticeParser) parseItem(it item) NoticeLine {
	refs := p.findDates(it)
	marks := scanMarks(it.body)
	var rest, work []dayNum
	for i := 0; i < len(refs); i++ {
		r := refs[i]
		days := []dayNum{r.day}
		last := r
		if i+1 < len(refs) && rangeWords[strings.TrimSpace(it.body[r.end:refs[i+1].start])] {
			last = refs[i+1]
			i++
			days = p.span(it, r, last)
		}
		if !r.ok || !last.ok {
			continue
		}
		switch kindAfter(marks, last.end) {
		case Holiday:
			rest = append(rest, days...)
		case Workday:
			work = append(work, days...)
		}
	}
	if strings.Contains(it.body, "连休") && len(rest) > 0 {
		rest = withAdjacentWeekends(rest, work)
	}
	rest = p.keep(it, rest, Holiday)
	work = p.keep(it, work, Workday)
	p.checkCount(it, len(rest))
	for _, w := range work {
		if !w.isWeekend() {
			p.warnf(it, "%s是%s,本来就是工作日", p.show(w), WeekdayName(w.weekday()))
		}
	}
	return NoticeLine{Text: it.text, Name: it.name, RestDays: dates(rest), Workdays: dates(work)}
}

// findDates resolves every date of the body. A day without a month takes the previous date's
// month; a December date in the 元旦 item belongs to the year before the notice's year.
func (p *noticeParser) findDates(it item) []dateRef {
	var refs []dateRef
	prevY, prevM := p.year, 0
	for _, m := range dateToken.FindAllStringSubmatchIndex(it.body, -1) {
		r := dateRef{start: m[0], end: m[1], explicitY: m[2] >= 0, explicitM: m[4] >= 0}
		if m[8] >= 0 {
			r.paren = it.body[m[8]:m[9]]
		}
		y, mo := prevY, prevM
		if r.explicitM {
			mo = atoi(it.body[m[4]:m[5]])
			y = p.year
			if mo == 12 && strings.Contains(it.name, "元旦") {
				y = p.year - 1
			}
		}
		if r.explicitY {
			y = atoi(it.body[m[2]:m[3]])
		}
		d := atoi(it.body[m[6]:m[7]])
		t, ok := civilDate(y, mo, d)
		switch {
		case mo == 0:
			p.warnf(it, "“%s”缺少月份", it.body[m[0]:m[1]])
		case !ok:
			p.warnf(it, "日期不存在:%d年%d月%d日", y, mo, d)
		case y < minYear || y > maxYear:
			p.warnf(it, "年份%d不合理", y)
		default:
			r.day, r.ok = toDayNum(t), true
			prevY, prevM = y, mo
			p.checkWeekday(it, r)
		}
		refs = append(refs, r)
	}
	return refs
}

// span lists the days from a to b, fixing an end that falls before its start: "1月31日至2日"
// runs into the next month, "12月31日至1月2日" across the new year.
func (p *noticeParser) span(it item, a, b dateRef) []dayNum {
	if !a.ok || !b.ok {
		return nil
	}
	if b.day < a.day {
		from, to := a.day.date(), b.day.date()
		switch {
		case !b.explicitM:
			to = to.AddDate(0, 1, 0)
		case !a.explicitY:
			from = from.AddDate(-1, 0, 0)
		case !b.explicitY:
			to = to.AddDate(1, 0, 0)
		}
		a.day, b.day = toDayNum(from), toDayNum(to)
	}
	n := int(b.day-a.day) + 1
	if n < 1 || n > maxSpanDays {
		p.warnf(it, "%s至%s的时间跨度不合理,已忽略", p.show(a.day), p.show(b.day))
		return nil
	}
	days := make([]dayNum, 0, n)
	for d := a.day; d <= b.day; d++ {
		days = append(days, d)
	}
	return days
}

// mark is a keyword or a clause end in an item's body.
type mark struct {
	pos  int
	kind Kind // Holiday for 放假/补休, Workday for 上班, "" for the end of a clause
}

// keywordWords are the only words that give dates a meaning: "鼓励…在除夕(2月9日)休息" declares nothing.
var keywordWords = []struct {
	word string
	kind Kind
}{{"放假", Holiday}, {"补休", Holiday}, {"上班", Workday}}

// scanMarks lists, in one pass, the keywords of the body and the ends of its clauses
// (。,; outside parentheses), so that each date's meaning is a binary search away.
func scanMarks(body string) []mark {
	var marks []mark
	depth := 0
	for i, r := range body {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0 && (r == '。' || r == ',' || r == ';'):
			marks = append(marks, mark{pos: i})
		}
		for _, k := range keywordWords {
			if strings.HasPrefix(body[i:], k.word) {
				marks = append(marks, mark{pos: i, kind: k.kind})
			}
		}
	}
	return marks
}

// kindAfter is what the rest of the clause after position from declares its dates to be.
func kindAfter(marks []mark, from int) Kind {
	i := sort.Search(len(marks), func(i int) bool { return marks[i].pos >= from })
	if i == len(marks) {
		return ""
	}
	return marks[i].kind
}

// withAdjacentWeekends adds the weekend days touching the rest days ("与周末连休"), so the
// whole period is marked; a weekend day the item makes a working day stays one.
func withAdjacentWeekends(rest, work []dayNum) []dayNum {
	isWork := make(map[dayNum]bool, len(work))
	for _, w := range work {
		isWork[w] = true
	}
	lo, hi := rest[0], rest[0]
	for _, d := range rest {
		lo, hi = min(lo, d), max(hi, d)
	}
	for d := lo - 1; d.isWeekend() && !isWork[d]; d-- {
		rest = append(rest, d)
	}
	for d := hi + 1; d.isWeekend() && !isWork[d]; d++ {
		rest = append(rest, d)
	}
	return rest
}

// keep records the item's days, dropping and reporting any date already given
// (by an earlier item, or as both a rest day and a working day).
func (p *noticeParser) keep(it item, days []dayNum, kind Kind) []dayNum {
	sort.Slice(days, func(i, j int) bool { return days[i] < days[j] })
	var kept []dayNum
	for i, d := range days {
		if i > 0 && d == days[i-1] {
			continue
		}
		if _, dup := p.seen[d]; dup {
			p.warnf(it, "%s重复出现,以先出现的安排为准", p.show(d))
			continue
		}
		p.seen[d] = kind
		kept = append(kept, d)
		p.days = append(p.days, Override{Date: d.date(), Kind: kind, Name: it.name})
	}
	return kept
}

func (p *noticeParser) checkWeekday(it item, r dateRef) {
	m := weekdayMark.FindStringSubmatch(r.paren)
	if m == nil {
		return
	}
	stated := strings.Index("日一二三四五六", strings.Replace(m[1], "天", "日", 1)) / len("日")
	if actual := r.day.weekday(); time.Weekday(stated) != actual {
		p.warnf(it, "%s标注为%s,实际是%s", p.show(r.day), WeekdayName(time.Weekday(stated)), WeekdayName(actual))
	}
}

func (p *noticeParser) checkCount(it item, got int) {
	m := countPattern.FindStringSubmatch(it.body)
	if m == nil {
		return
	}
	if stated := parseCount(m[1]); stated != got {
		p.warnf(it, "写明共%d天,按日期计算为%d天", stated, got)
	}
}

// show writes a date the way notices do, with the year only when it is not the notice's year.
func (p *noticeParser) show(d dayNum) string {
	t := d.date()
	if t.Year() != p.year {
		return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day())
	}
	return fmt.Sprintf("%d月%d日", t.Month(), t.Day())
}

// parseCount reads "8" or "八"/"十二" (counts up to 99).
func parseCount(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	digit := func(r rune) int { return strings.IndexRune("零一二三四五六七八九", r) / len("零") }
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		return digit(rs[0])
	case rs[0] == '十':
		return 10 + digit(rs[1])
	case len(rs) == 2 && rs[1] == '十':
		return digit(rs[0]) * 10
	case len(rs) == 3 && rs[1] == '十':
		return digit(rs[0])*10 + digit(rs[2])
	}
	return -1
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func dates(days []dayNum) []time.Time {
	out := make([]time.Time, len(days))
	for i, d := range days {
		out[i] = d.date()
	}
	return out
}

// sortOverrides orders days by date (dates are unique within a year's data).
func sortOverrides(days []Override) {
	sort.Slice(days, func(i, j int) bool { return days[i].Date.Before(days[j].Date) })
}
