package disclosure

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

// RegisterRow is one line of an imported register (编号, 收到日期, 申请人, 申请人类型, 申请内容,
// 申请方式, 办理结果, 答复日期), as text.
type RegisterRow struct {
	No, Received, Applicant, ApplicantType, Content, Channel, Result, Answered string
}

// ParsedRow is a register row checked against the rules.
type ParsedRow = core.DisclosureRecord

// ColumnOf maps an applicant type to its table column; 法人或其他组织 alone counts as 其他.
func ColumnOf(kind string) (int, bool) {
	kind = strings.TrimSpace(kind)
	switch kind {
	case "自然人", "公民", "个人":
		return 0, true
	case "法人或其他组织", "其他组织":
		return 5, true
	}
	for i, c := range Columns[:6] {
		if kind == c {
			return i, true
		}
	}
	return 0, false
}

// OutcomeOf maps result wording to an outcome row: the full label path, the item after the last
// "/", or the category alone for 予以公开 and 部分公开. Empty wording means still open (-1).
func OutcomeOf(text string) (int, bool) {
	text = strings.TrimSpace(text)
	if text == "" || text == "办理中" {
		return -1, true
	}
	for i, o := range Outcomes {
		short := o
		if j := strings.LastIndex(o, "/"); j >= 0 {
			short = o[j+1:]
		}
		if text == o || text == short || text == stripNumber(short) || text == stripCategory(o) {
			return i, true
		}
	}
	// "不予公开-保护第三方合法权益", "无法提供：本机关不掌握相关政府信息", "（五）不予处理—2.重复申请": the category
	// and the item joined by a dash, colon or slash; the item alone must name one row of that category.
	if i := strings.IndexAny(text, "-－—:：/／"); i > 0 {
		category := strings.TrimSpace(text[:i])
		_, size := utf8.DecodeRuneInString(text[i:])
		item := strings.TrimSpace(text[i+size:])
		for n, o := range Outcomes {
			cat, it, ok := strings.Cut(o, "/")
			if !ok {
				continue
			}
			if (category == cat || category == stripCategory(cat)) && (item == it || item == stripNumber(it)) {
				return n, true
			}
		}
	}
	return 0, false
}

func stripNumber(s string) string {
	if i := strings.Index(s, "."); i >= 0 && i <= 2 {
		return s[i+1:]
	}
	return s
}

func stripCategory(o string) string {
	o = strings.TrimPrefix(o, "（")
	if i := strings.Index(o, "）"); i >= 0 {
		o = o[i+len("）"):]
	}
	if i := strings.Index(o, "（"); i >= 0 {
		o = o[:i]
	}
	return o
}

// ParseRegisterRow checks one row; the error names the row (line is the 1-based spreadsheet row)
// and what is wrong.
func ParseRegisterRow(line int, r RegisterRow) (ParsedRow, error) {
	fail := func(format string, a ...any) (ParsedRow, error) {
		return ParsedRow{}, fmt.Errorf("第%d行：%s", line, fmt.Sprintf(format, a...))
	}
	p := ParsedRow{No: strings.TrimSpace(r.No), Applicant: strings.TrimSpace(r.Applicant),
		Content: strings.TrimSpace(r.Content), Channel: strings.TrimSpace(r.Channel)}
	if p.No == "" {
		return fail("缺少编号")
	}
	rec, err := calendar.ParseDate(strings.TrimSpace(r.Received))
	if err != nil {
		return fail("收到日期“%s”无法识别，请写成 YYYY-MM-DD", r.Received)
	}
	p.Received = rec
	if strings.TrimSpace(r.ApplicantType) == "" {
		return fail("缺少申请人类型（自然人、商业企业、科研机构、社会公益组织、法律服务机构或其他）")
	}
	col, ok := ColumnOf(r.ApplicantType)
	if !ok {
		return fail("申请人类型“%s”不在年度报告的分类中", r.ApplicantType)
	}
	p.Column = col
	out, ok := OutcomeOf(r.Result)
	if !ok {
		return fail("办理结果“%s”不是年度报告表格中的类别", r.Result)
	}
	p.Outcome = out
	if a := strings.TrimSpace(r.Answered); a != "" {
		ans, err := calendar.ParseDate(a)
		if err != nil {
			return fail("答复日期“%s”无法识别，请写成 YYYY-MM-DD", r.Answered)
		}
		if ans.Before(rec) {
			return fail("答复日期 %s 早于收到日期 %s", a, calendar.FormatDate(rec))
		}
		p.Answered = ans
	}
	if p.Outcome >= 0 && p.Answered.IsZero() {
		return fail("已有办理结果但缺少答复日期")
	}
	return p, nil
}

// ParseRegister checks every row; any error refuses the whole register (all-or-nothing),
// and all row errors are returned so the officer can fix them at once.
func ParseRegister(rows []RegisterRow, firstLine int) ([]ParsedRow, []error) {
	var out []ParsedRow
	var errs []error
	seen := map[string]int{}
	for i, r := range rows {
		line := firstLine + i
		p, err := ParseRegisterRow(line, r)
		if err == nil {
			if prev, dup := seen[p.No]; dup {
				err = fmt.Errorf("第%d行：编号“%s”与第%d行重复", line, p.No, prev)
			} else {
				seen[p.No] = line
			}
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, p)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

// RequestsForYear turns parsed rows into the report's view of the given year: rows received in
// the year are new, rows received earlier and not answered before the year are carried over,
// and rows answered after the year are carried forward (still open at year end).
func RequestsForYear(rows []ParsedRow, year int) []Request {
	var out []Request
	for _, p := range rows {
		ry := p.Received.Year()
		if ry > year {
			continue
		}
		if ry < year && !p.Answered.IsZero() && p.Answered.Year() < year {
			continue
		}
		r := Request{Column: p.Column, ThisYear: ry == year, Outcome: p.Outcome}
		if p.Outcome >= 0 && p.Answered.Year() > year {
			r.Outcome = -1
		}
		out = append(out, r)
	}
	return out
}

// CSV renders table 三 with the header 项目,自然人,…,总计 and the label paths.
func (t Table3) CSV() string {
	var b strings.Builder
	b.WriteString("项目," + strings.Join(Columns, ",") + "\n")
	for i, l := range t.Labels {
		b.WriteString(l)
		for _, v := range t.Cells[i] {
			fmt.Fprintf(&b, ",%d", v)
		}
		b.WriteString("\n")
	}
	return b.String()
}
