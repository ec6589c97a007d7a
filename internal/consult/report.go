package consult

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/export"
	"policydesk/internal/privacy"
)

// Ledger is everything the 意见收集采纳情况说明 is built from.
type Ledger = core.ConsultationLedger

// maxSummary is how many characters of a comment the report quotes; longer ones end with "……".
const maxSummary = 200

// BuildReport counts the ledger and lists the opinions. Near-duplicate comments with the same decision
// are one opinion; texts are masked (names, phone numbers, ID numbers, addresses) because the report is
// published.
func BuildReport(l Ledger) core.FeedbackReport {
	c := l.Consultation
	r := core.FeedbackReport{
		ConsultationID: c.ID, BureauName: l.BureauName, PolicyTitle: c.PolicyTitle, DocNumber: c.PolicyDocNumber,
		SectionName: l.SectionName, OpenDate: c.OpenDate, CloseDate: c.CloseDate, ShortReason: c.ShortReason,
		Channels: c.Channels, Contact: c.Contact, Total: len(l.Comments), Date: calendar.FormatDate(calendar.Day(l.Today)),
		PublishedDate: c.ReportPublished, PublishedURL: c.ReportURL, Notices: []core.ConsultationNotice{},
		Adopted: []core.ReportItem{}, NotAdopted: []core.ReportItem{}, Warnings: []string{},
	}
	if open, err := calendar.ParseDate(c.OpenDate); err == nil {
		if closing, err := calendar.ParseDate(c.CloseDate); err == nil {
			r.NaturalDays = int(closing.Sub(open).Hours() / 24)
		}
	}
	for _, n := range l.Notices {
		if n.Kind != core.NoticeOpened {
			r.Notices = append(r.Notices, n)
		}
	}
	r.ByCategory = countBy(l.Comments, core.CommenterCategories, func(c core.Comment) string { return c.Category })
	r.ByChannel = countBy(l.Comments, core.Channels, func(c core.Comment) string { return c.Channel })
	r.ByDecision = countBy(l.Comments, append(slices.Clone(core.Decisions), "尚未处理"), func(c core.Comment) string {
		if c.Decision == core.DecisionNone {
			return "尚未处理"
		}
		return c.Decision
	})
	for _, cm := range l.Comments {
		if cm.Decision == core.DecisionNone {
			r.Undecided++
		}
		if cm.Category == "企业" || cm.Category == "行业协会商会" {
			r.EnterpriseHeard = true
		}
	}
	r.Clauses = clauseSummaries(l.Clauses, l.Comments)
	items := opinions(l.Comments, l.Tagger)
	r.Opinions = len(items)
	for _, it := range items {
		switch {
		case core.IsAdopted(it.Decision):
			r.Adopted = append(r.Adopted, it)
		case it.Decision != core.DecisionNone:
			r.NotAdopted = append(r.NotAdopted, it)
		}
	}
	if r.Undecided > 0 {
		r.Warnings = append(r.Warnings, fmt.Sprintf("尚有%d条意见未处理，请全部处理后再发布说明", r.Undecided))
	}
	if c.EnterpriseRelated && !r.EnterpriseHeard {
		r.Warnings = append(r.Warnings, "本文件涉企，但未记录企业或行业协会商会的意见，请补充听取企业家和行业协会商会意见的情况")
	}
	r.Text = ReportDocument(r).PlainText()
	return r
}

func countBy(comments []core.Comment, order []string, key func(core.Comment) string) []core.CountRow {
	counts := map[string]int{}
	for _, c := range comments {
		counts[key(c)]++
	}
	rows := []core.CountRow{}
	for _, label := range order {
		if counts[label] > 0 {
			rows = append(rows, core.CountRow{Label: label, Count: counts[label]})
			delete(counts, label)
		}
	}
	var rest []string // values outside the list (old data): kept, after the known ones
	for label := range counts {
		rest = append(rest, label)
	}
	slices.Sort(rest)
	for _, label := range rest {
		rows = append(rows, core.CountRow{Label: label, Count: counts[label]})
	}
	return rows
}

// clauseSummaries counts comments per clause in the draft's order; a comment on several clauses counts for
// each, comments on no clause are counted under 总体意见.
func clauseSummaries(clauses []core.Clause, comments []core.Comment) []core.ClauseSummary {
	byPath := map[string]*core.ClauseSummary{}
	var order []string
	add := func(path string, c core.Comment) {
		s := byPath[path]
		if s == nil {
			s = &core.ClauseSummary{Path: path}
			byPath[path] = s
			order = append(order, path)
		}
		s.Total++
		switch c.Decision {
		case core.DecisionAdopted:
			s.Adopted++
		case core.DecisionPartly:
			s.Partly++
		case core.DecisionRejected:
			s.Rejected++
		case core.DecisionOutOfScope:
			s.OutOfScope++
		default:
			s.Undecided++
		}
	}
	for _, c := range comments {
		if len(c.Clauses) == 0 {
			add("总体意见", c)
		}
		for _, p := range c.Clauses {
			add(p, c)
		}
	}
	seq := map[string]int{"总体意见": -1}
	for _, cl := range clauses {
		seq[cl.Path] = cl.Seq
		if s := byPath[cl.Path]; s != nil {
			s.Heading = cl.Heading
		}
	}
	slices.SortStableFunc(order, func(a, b string) int {
		sa, oka := seq[a]
		sb, okb := seq[b]
		switch {
		case oka && okb:
			return sa - sb
		case oka:
			return -1
		case okb:
			return 1
		}
		return strings.Compare(a, b)
	})
	out := []core.ClauseSummary{}
	for _, p := range order {
		out = append(out, *byPath[p])
	}
	return out
}

// opinions merges the members of a group that were answered alike into one item, led by the group's
// representative, in the order comments were received.
func opinions(comments []core.Comment, tagger core.NameTagger) []core.ReportItem {
	type key struct {
		group            int64
		decision, reason string
	}
	index := map[key]int{}
	var items []core.ReportItem
	var lead []core.Comment
	var cats [][]string
	for _, c := range comments {
		k := key{c.GroupID, c.Decision, c.Reason}
		if c.GroupID == 0 {
			k.group = -c.ID // ungrouped: an opinion of its own
		}
		i, ok := index[k]
		if !ok {
			i = len(items)
			index[k] = i
			items = append(items, core.ReportItem{Clauses: c.Clauses, Decision: c.Decision, Reason: c.Reason, Response: c.Response})
			lead = append(lead, c)
			cats = append(cats, nil)
		}
		items[i].Count++
		if c.Representative && !lead[i].Representative {
			lead[i] = c
			items[i].Clauses, items[i].Response = c.Clauses, c.Response
		}
		if !slices.Contains(cats[i], c.Category) {
			cats[i] = append(cats[i], c.Category)
		}
	}
	for i := range items {
		items[i].Summary = summarize(lead[i], tagger)
		slices.SortFunc(cats[i], func(a, b string) int {
			return slices.Index(core.CommenterCategories, a) - slices.Index(core.CommenterCategories, b)
		})
		items[i].Category = strings.Join(cats[i], "、")
		if items[i].Clauses == nil {
			items[i].Clauses = []string{}
		}
	}
	return items
}

// summarize quotes a comment for publication: personal data masked (with the names tagger finds, when there
// is one), white space collapsed, shortened.
func summarize(c core.Comment, tagger core.NameTagger) string {
	var names []string
	if c.Category == "自然人" && c.Commenter != "" {
		names = append(names, c.Commenter)
	}
	opts := privacy.MaskOptions{Names: names, MaskAddresses: true}
	if tagger != nil {
		opts.Tagged = privacy.NamesFromTags(tagger.Tag(c.Body))
	}
	text := privacy.Mask(c.Body, opts).Text
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) > maxSummary {
		text = string([]rune(text)[:maxSummary]) + "……"
	}
	return text
}

// chineseDate writes 2026-03-02 as 2026年3月2日.
func chineseDate(s string) string {
	d, err := calendar.ParseDate(s)
	if err != nil {
		return s
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year(), d.Month(), d.Day())
}

func percent(n, total int) string {
	if total == 0 {
		return "0%"
	}
	return fmt.Sprintf("%.1f%%", float64(n)*100/float64(total))
}

func countTable(label string, rows []core.CountRow, total int) export.Grid {
	g := export.Grid{Headers: []string{label, "意见数(条)", "占比"}}
	for _, r := range rows {
		g.Rows = append(g.Rows, []string{r.Label, fmt.Sprint(r.Count), percent(r.Count, total)})
	}
	g.Rows = append(g.Rows, []string{"合计", fmt.Sprint(total), percent(total, total)})
	return g
}

var sectionNumbers = []string{"一", "二", "三", "四", "五", "六", "七"}

// ReportDocument lays the report out as an official document: how the consultation ran, the counts,
// the per-clause summary, the opinions adopted and those not adopted with reasons.
func ReportDocument(r core.FeedbackReport) export.Document {
	d := export.Document{Title: "关于《" + strings.Trim(r.PolicyTitle, "《》") + "》意见收集采纳情况的说明"}
	n := 0
	h1 := func(text string) export.Block {
		n++
		return export.H1(sectionNumbers[n-1] + "、" + text)
	}
	channels := strings.Join(r.Channels, "、")
	ran := fmt.Sprintf("根据决策预公开有关要求，%s于%s至%s，通过%s公开征求社会公众意见，征求意见期限%d日。",
		r.BureauName, chineseDate(r.OpenDate), chineseDate(r.CloseDate), channels, r.NaturalDays)
	if r.ShortReason != "" {
		ran += "因" + strings.TrimSuffix(r.ShortReason, "。") + "，征求意见期限少于30日。"
	}
	for _, nt := range r.Notices {
		reason := strings.TrimSuffix(nt.Reason, "。")
		switch nt.Kind {
		case core.NoticeReopened:
			ran += fmt.Sprintf("%s，因%s，重新开放征求意见至%s。", chineseDate(nt.NoticeDate), reason, chineseDate(nt.NewClose))
		default:
			ran += fmt.Sprintf("%s，因%s，截止日期由%s调整为%s。", chineseDate(nt.NoticeDate), reason, chineseDate(nt.OldClose), chineseDate(nt.NewClose))
		}
	}
	if r.Contact != "" {
		ran += "意见反馈联系方式：" + strings.TrimSuffix(r.Contact, "。") + "。"
	}
	d.Add(h1("征求意见基本情况"), export.P(ran))
	if r.Total == 0 {
		d.Add(export.P("征求意见期间，未收到意见建议。"))
	} else {
		d.Add(export.P(fmt.Sprintf("征求意见期间，共收到意见建议%d条，合并相同、相近意见后共%d项。", r.Total, r.Opinions)),
			export.H2("(一)按提出主体分类"), export.T(countTable("提出主体", r.ByCategory, r.Total)),
			export.H2("(二)按反馈渠道分类"), export.T(countTable("反馈渠道", r.ByChannel, r.Total)))
	}
	if r.Total > 0 {
		var parts []string
		for _, row := range r.ByDecision {
			verb := row.Label
			if row.Label == "尚未处理" {
				verb = "尚在研究"
			}
			parts = append(parts, fmt.Sprintf("%s%d条", verb, row.Count))
		}
		d.Add(h1("意见采纳情况"),
			export.P("对收到的意见建议，起草科室逐条进行了研究。其中"+strings.Join(parts, "，")+"。"),
			export.T(countTable("处理结果", r.ByDecision, r.Total)))
		g := export.Grid{Headers: []string{"条款", "意见数", "采纳", "部分采纳", "不予采纳", "不属于征求范围", "尚在研究"}}
		for _, s := range r.Clauses {
			name := s.Path
			if h := strings.TrimSpace(strings.TrimPrefix(s.Heading, lastElement(s.Path))); h != "" {
				name += " " + h
			}
			g.Rows = append(g.Rows, []string{name, fmt.Sprint(s.Total), fmt.Sprint(s.Adopted), fmt.Sprint(s.Partly),
				fmt.Sprint(s.Rejected), fmt.Sprint(s.OutOfScope), fmt.Sprint(s.Undecided)})
		}
		d.Add(h1("按条款汇总"), export.T(g))
	}
	if len(r.Adopted) > 0 {
		d.Add(h1("采纳和部分采纳的意见"))
		for i, it := range r.Adopted {
			d.Add(export.P(itemText(i+1, it)))
		}
	}
	if len(r.NotAdopted) > 0 {
		d.Add(h1("未予采纳的意见及理由"))
		for i, it := range r.NotAdopted {
			d.Add(export.P(itemText(i+1, it)))
		}
	}
	d.Add(export.P("感谢社会各界对本文件制定工作的关心和支持。"), export.Sign(r.BureauName), export.Sign(chineseDate(r.Date)))
	return d
}

func lastElement(path string) string {
	if i := strings.LastIndex(path, "/"); i >= 0 {
		return path[i+1:]
	}
	return path
}

// itemText is one numbered opinion: where it points, what it says, who made it, and the answer.
func itemText(n int, it core.ReportItem) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d. ", n)
	if len(it.Clauses) > 0 {
		parts := make([]string, len(it.Clauses))
		for i, p := range it.Clauses {
			parts[i] = lastElement(p)
		}
		b.WriteString("关于" + strings.Join(parts, "、") + "：")
	} else {
		b.WriteString("总体意见：")
	}
	b.WriteString(strings.TrimRight(it.Summary, "。") + "。")
	b.WriteString("提出主体：" + it.Category)
	if it.Count > 1 {
		fmt.Fprintf(&b, "(共%d条相同或相近意见)", it.Count)
	}
	b.WriteString("。")
	b.WriteString("处理结果：" + it.Decision + "。")
	if it.Reason != "" && it.Decision != core.DecisionAdopted {
		b.WriteString("理由：" + strings.TrimRight(it.Reason, "。") + "。")
	}
	if it.Response != "" {
		b.WriteString("答复：" + strings.TrimRight(it.Response, "。") + "。")
	}
	return b.String()
}
