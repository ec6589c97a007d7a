package disclosure

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"policydesk/internal/core"
	"policydesk/internal/export"
)

// Section titles of the 2021 format (国办公开办函〔2021〕30号), in order.
var AnnualSections = []string{
	"一、总体情况",
	"二、主动公开政府信息情况",
	"三、收到和处理政府信息公开申请情况",
	"四、政府信息公开行政复议、行政诉讼情况",
	"五、存在的主要问题及改进情况",
	"六、其他需要报告的事项",
}

// AnnualSource is what the whole report reads: the register's tables and the year's other records.
type AnnualSource interface {
	Register
	AnnualFacts(ctx context.Context, year int) (core.AnnualFacts, error)
}

// ReadAnnualReport drafts a year's report from the records.
func ReadAnnualReport(ctx context.Context, src AnnualSource, year int) (core.AnnualReport, error) {
	if err := CheckYear(year); err != nil {
		return core.AnnualReport{}, err
	}
	facts, err := src.AnnualFacts(ctx, year)
	if err != nil {
		return core.AnnualReport{}, err
	}
	t3, err := ReadAnnualTable(ctx, src, year)
	if err != nil {
		return core.AnnualReport{}, err
	}
	t4, err := ReadAnnualTable4(ctx, src, year)
	if err != nil {
		return core.AnnualReport{}, err
	}
	edits, err := src.AnnualEdits(ctx, year)
	if err != nil {
		return core.AnnualReport{}, err
	}
	return WithEdits(DraftAnnualReport(facts, t3, t4), edits), nil
}

// DraftAnnualReport writes the report's text from the year's figures: every number in it is one the records
// give, and what the records cannot know (problems met, fees collected outside the register) is said to be
// completed by the office before it is signed off.
func DraftAnnualReport(f core.AnnualFacts, t3 core.DisclosureTable, t4 core.DisclosureTable4) core.AnnualReport {
	bureau := f.Bureau.Name
	y := f.Year
	r := core.AnnualReport{Year: y, Facts: f, Table3: t3, Table4: t4,
		Title: fmt.Sprintf("%s%d年政府信息公开工作年度报告", bureau, y),
		Due:   fmt.Sprintf("%d-01-31", y+1)}
	contact := bureau
	if f.Bureau.Address != "" || f.Bureau.Phone != "" {
		var parts []string
		if f.Bureau.Address != "" {
			parts = append(parts, "地址："+f.Bureau.Address)
		}
		if f.Bureau.Phone != "" {
			parts = append(parts, "电话："+f.Bureau.Phone)
		}
		contact += "联系（" + strings.Join(parts, "，") + "）"
	} else {
		contact += "联系"
	}
	r.Intro = fmt.Sprintf("本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》"+
		"（国办公开办函〔2021〕30号）编制，包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"+
		"政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。本报告所列数据的统计期限自%d年1月1日起"+
		"至%d年12月31日止。如对本报告有疑问，请与%s。", y, y, contact)

	s3 := summarizeTable3(t3)
	review, suit := table4Totals(t4)
	overall := []string{
		fmt.Sprintf("%d年，%s认真贯彻落实《条例》，坚持以公开为常态、不公开为例外，做好政府信息主动公开、依申请公开和政策解读、"+
			"公众参与工作。", y, bureau),
		"（一）主动公开。" + activeSentence(f),
		"（二）政策解读。" + interpretationSentence(f.Interpretations),
		"（三）公众参与。" + participationSentence(f),
		"（四）依申请公开。" + s3.sentence(t3),
	}
	r.Sections = []core.AnnualSection{
		{Title: AnnualSections[0], Paragraphs: overall},
		{Title: AnnualSections[1], Paragraphs: []string{"第二十条第（一）项的件数由政策文件登记簿生成；第（五）（六）（八）项由相关业务科室提供，定稿前请填写并注明来源。"}},
		{Title: AnnualSections[2], Paragraphs: []string{"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"}},
		{Title: AnnualSections[3], Paragraphs: []string{fmt.Sprintf("本年度因政府信息公开被申请行政复议%d件，被提起行政诉讼%d件。", review, suit)}},
		{Title: AnnualSections[4], Paragraphs: problems(f, t3)},
		{Title: AnnualSections[5], Paragraphs: []string{feeSentence(f)}},
	}
	return r
}

func activeSentence(f core.AnnualFacts) string {
	s := fmt.Sprintf("全年在本机关门户网站主动公开政策文件%d件", f.Published)
	if f.Rules.Issued > 0 {
		s += fmt.Sprintf("，其中规章%d件", f.Rules.Issued)
	}
	if f.Normative.Issued > 0 {
		sep := "，其中"
		if f.Rules.Issued > 0 {
			sep = "、"
		}
		s += fmt.Sprintf("%s行政规范性文件%d件", sep, f.Normative.Issued)
	}
	s += fmt.Sprintf("；废止行政规范性文件%d件，年末现行有效行政规范性文件%d件。", f.Normative.Repealed, f.Normative.InForce)
	return s
}

// interpretationSentence writes the interpretations by form as seed reports do: "共发布本级解读材料6条，其中
// 文字解读3条、视频解读1条".
func interpretationSentence(forms []core.FormCount) string {
	forms = slices.Clone(forms)
	slices.SortFunc(forms, func(a, b core.FormCount) int {
		return slices.Index(core.InterpretationForms, a.Form) - slices.Index(core.InterpretationForms, b.Form)
	})
	total := 0
	var parts []string
	for _, c := range forms {
		total += c.Count
		parts = append(parts, fmt.Sprintf("%s%d条", c.Form, c.Count))
	}
	if total == 0 {
		return "本年度未发布本级政策解读材料。"
	}
	return fmt.Sprintf("坚持政策文件与解读材料同步组织、同步审签、同步部署，共发布本级解读材料%d条，其中%s。", total, strings.Join(parts, "、"))
}

func participationSentence(f core.AnnualFacts) string {
	s := fmt.Sprintf("对涉及群众切身利益的政策文件公开征求意见%d次，收到意见建议%d条，采纳（含部分采纳）%d条。", f.Consultations, f.Comments, f.Adopted)
	s += fmt.Sprintf("局长信箱收到群众来信%d件，已答复%d件", f.Messages, f.Answered)
	if f.Answered > 0 {
		s += fmt.Sprintf("，其中在3个工作日内答复%d件，按时答复率%s", f.AnsweredOnTime, percent(f.AnsweredOnTime, f.Answered))
	}
	return s + "。"
}

func percent(n, of int) string {
	if of == 0 {
		return "—"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(of))
}

// table3Summary holds the totals of table 三 the text names.
type table3Summary struct {
	received, carried, done, carryOn int
	byResult                         []struct {
		label string
		n     int
	}
}

// summarizeTable3 adds up table 三's 总计 column by result group: （三） is the sum of its eight rows.
func summarizeTable3(t core.DisclosureTable) table3Summary {
	var s table3Summary
	total := len(t.Columns) - 1
	at := func(i int) int {
		if i < len(t.Cells) && total >= 0 && total < len(t.Cells[i]) {
			return t.Cells[i][total]
		}
		return 0
	}
	groups := map[string]int{}
	var order []string
	for i, l := range t.Labels {
		switch {
		case strings.HasPrefix(l, "一、"):
			s.received = at(i)
		case strings.HasPrefix(l, "二、"):
			s.carried = at(i)
		case strings.HasPrefix(l, "四、"):
			s.carryOn = at(i)
		case strings.HasSuffix(l, "（七）总计"):
			s.done = at(i)
		case strings.HasPrefix(l, "三、"):
			parts := strings.Split(l, "/")
			g := parts[1]
			if i := strings.Index(g, "（区分"); i > 0 {
				g = g[:i]
			}
			g = strings.TrimLeft(g, "（一二三四五六七）")
			if _, ok := groups[g]; !ok {
				order = append(order, g)
			}
			groups[g] += at(i)
		}
	}
	for _, g := range order {
		if groups[g] > 0 {
			s.byResult = append(s.byResult, struct {
				label string
				n     int
			}{g, groups[g]})
		}
	}
	return s
}

func (s table3Summary) sentence(t core.DisclosureTable) string {
	out := fmt.Sprintf("本年新收政府信息公开申请%d件，上年结转%d件；本年度办结%d件", s.received, s.carried, s.done)
	if len(s.byResult) > 0 {
		var parts []string
		for _, r := range s.byResult {
			parts = append(parts, fmt.Sprintf("%s%d件", r.label, r.n))
		}
		out += "，其中" + strings.Join(parts, "、")
	}
	out += fmt.Sprintf("；结转下年度继续办理%d件。", s.carryOn)
	if t.OnTime+t.Late > 0 {
		out += fmt.Sprintf("本年度答复的申请中，在法定期限内答复%d件", t.OnTime)
		if t.Late > 0 {
			out += fmt.Sprintf("，逾期答复%d件", t.Late)
		}
		out += "。"
	}
	return out
}

// table4Totals are the 总计 of 行政复议 and of both kinds of 行政诉讼.
func table4Totals(t core.DisclosureTable4) (review, suit int) {
	for g, row := range t.Cells {
		if len(row) == 0 {
			continue
		}
		if g == 0 {
			review += row[len(row)-1]
		} else {
			suit += row[len(row)-1]
		}
	}
	return review, suit
}

// problems drafts section 五 from what the records show went wrong; the office completes it.
func problems(f core.AnnualFacts, t3 core.DisclosureTable) []string {
	var found []string
	if t3.Late > 0 {
		found = append(found, fmt.Sprintf("有%d件政府信息公开申请未在法定期限内答复，需加强办理过程中的期限提醒和督办", t3.Late))
	}
	if late := f.Answered - f.AnsweredOnTime; late > 0 {
		found = append(found, fmt.Sprintf("局长信箱有%d件来信超过3个工作日答复，需进一步压实承办科室责任", late))
	}
	if f.Published > 0 && len(f.Interpretations) == 0 {
		found = append(found, "政策解读工作有待加强，本年度发布的政策文件未配套发布解读材料")
	}
	out := []string{}
	if len(found) == 0 {
		out = append(out, "本年度登记的记录中未发现逾期答复等问题。")
	} else {
		var b strings.Builder
		b.WriteString("从本年度的办理记录看：")
		for i, p := range found {
			fmt.Fprintf(&b, "%s是%s；", []string{"一", "二", "三"}[i], p)
		}
		out = append(out, strings.TrimSuffix(b.String(), "；")+"。")
	}
	return append(out, "（以上根据办理记录生成，定稿前请政务公开工作机构结合实际补充存在的主要问题和下一年度的改进措施。）")
}

// AnnualReportDocument lays the report out as the document a bureau files (DOCX) and publishes (HTML).
func AnnualReportDocument(r core.AnnualReport) export.Document {
	doc := export.Document{Title: r.Title}
	doc.Add(export.P(r.Intro))
	for i, s := range r.Sections {
		doc.Add(export.H1(s.Title))
		for _, p := range s.Paragraphs {
			doc.Add(export.P(p))
		}
		switch i {
		case 1:
			doc.Add(table2Blocks(r.Facts, r.Edits)...)
		case 2:
			doc.Add(export.T(table3Grid(r.Table3)))
			if r.Table3.CarrySource != "" {
				doc.Add(export.P("“二、上年结转政府信息公开申请数量”为手工填写，数据来源：" + r.Table3.CarrySource))
			}
		case 3:
			doc.Add(export.T(table4Grid(r.Table4)))
		}
	}
	return doc
}

func table2Blocks(f core.AnnualFacts, e core.AnnualEdits) []export.Block {
	n := func(v int) string { return fmt.Sprint(v) }
	byHand := func(v string) string {
		if v == "" {
			return "（待填）"
		}
		return v
	}
	blocks := []export.Block{
		export.H2("第二十条第（一）项"),
		export.T(export.Grid{Headers: []string{"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"}, Rows: [][]string{
			{"规章", n(f.Rules.Issued), n(f.Rules.Repealed), n(f.Rules.InForce)},
			{"行政规范性文件", n(f.Normative.Issued), n(f.Normative.Repealed), n(f.Normative.InForce)},
		}}),
		export.H2("第二十条第（五）项"),
		export.T(export.Grid{Headers: []string{"信息内容", "本年处理决定数量"}, Rows: [][]string{{"行政许可", byHand(e.Licensing)}}}),
		export.H2("第二十条第（六）项"),
		export.T(export.Grid{Headers: []string{"信息内容", "本年处理决定数量"}, Rows: [][]string{{"行政处罚", byHand(e.Penalty)}, {"行政强制", byHand(e.Enforcement)}}}),
		export.H2("第二十条第（八）项"),
		export.T(export.Grid{Headers: []string{"信息内容", "本年收费金额（单位：万元）"}, Rows: [][]string{{"行政事业性收费", byHand(e.FeesWan)}}}),
	}
	if e.Source != "" {
		blocks = append(blocks, export.P("第二十条第（五）（六）（八）项数据来源："+e.Source))
	}
	return blocks
}

func table3Grid(t core.DisclosureTable) export.Grid {
	g := export.Grid{Headers: append([]string{"项目"}, t.Columns...)}
	group := ""
	for i, l := range t.Labels {
		// The outcome rows sit under one heading row, as in the printed table: "（三）不予公开 4.保护第三方合法权益".
		if head, rest, ok := strings.Cut(l, "/"); ok {
			if head != group {
				group = head
				g.Rows = append(g.Rows, append([]string{head}, make([]string, len(t.Columns))...))
			}
			l = rest
		}
		row := []string{strings.ReplaceAll(l, "/", " ")}
		for _, v := range t.Cells[i] {
			row = append(row, fmt.Sprint(v))
		}
		g.Rows = append(g.Rows, row)
	}
	return g
}

func table4Grid(t core.DisclosureTable4) export.Grid {
	g := export.Grid{Headers: append([]string{"类别"}, t.Results...)}
	for i, name := range t.Groups {
		row := []string{strings.ReplaceAll(name, "/", " · ")}
		if i < len(t.Cells) {
			for _, v := range t.Cells[i] {
				row = append(row, fmt.Sprint(v))
			}
		}
		g.Rows = append(g.Rows, row)
	}
	return g
}

// feeSentence is section 六's statement of the 信息处理费, from the register's fee notices.
func feeSentence(f core.AnnualFacts) string {
	if f.FeeNotices == 0 {
		return "本年度未按《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费。"
	}
	return fmt.Sprintf("本年度依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）发出收费通知%d件，申请人缴费%d件，"+
		"收取信息处理费%d元；其余%d件未缴费（逾期未缴费的，按“其他处理”办结）。", f.FeeNotices, f.FeesPaid, f.FeeYuan, f.FeeNotices-f.FeesPaid)
}
