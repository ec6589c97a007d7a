// Package publication builds what leaves the office with a policy: the sign-off sheet (审签单) as DOCX and
// the publication package for the website editor (policy and interpretations as HTML pages, the 图解 as PNG).
package publication

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"policydesk/internal/core"
	"policydesk/internal/export"
	"policydesk/internal/export/graphic"
)

// SignoffSheet is the 审签单 of an interpretation: its particulars, every sign-off decision with person,
// time and opinion, and the full text the approvers signed.
func SignoffSheet(bureau string, policy core.Policy, in core.Interpretation, so core.Signoff) export.Document {
	doc := sheet("政策解读审签单", bureau, [][]string{
		{"文件名称", policy.Title},
		{"文号", dash(policy.DocNumber)},
		{"公开属性", disclosureText(policy.Disclosure, policy.DisclosureBasis)},
		{"解读标题", in.Title},
		{"解读形式", in.Form},
		{"解读科室", in.SectionName + reasonNote(in.SectionReason)},
		{"起草人", dash(in.AuthorName)},
		{"状态", in.Status},
	}, so)
	doc.Add(export.H1("解读内容"))
	doc.Add(interpretationBlocks(in)...)
	return doc
}

// PolicySignoffSheet is the 审签单 of a policy with the 三同步 state of its interpretations.
func PolicySignoffSheet(bureau string, panel core.SyncPanel, so core.Signoff) export.Document {
	doc := export.Document{Title: "规范性文件审签单", Subtitle: bureau}
	doc.Add(export.T(export.Grid{Headers: []string{"项目", "内容"}, Rows: [][]string{
		{"文件名称", panel.Policy.Title}, {"起草科室", panel.Policy.SectionName},
		{"公开属性", disclosureText(panel.Policy.Disclosure, panel.Policy.DisclosureBasis)}, {"状态", panel.Policy.Status},
	}}))
	doc.Add(export.H1("政策解读(三同步)"))
	rows := [][]string{}
	for _, r := range panel.Interpretations {
		rows = append(rows, []string{r.Form, r.Title, r.Status, dash(r.Approved)})
	}
	for _, e := range panel.Exemptions {
		rows = append(rows, []string{"豁免：" + e.Rule, e.Reason, e.PersonName, datePart(e.CreatedAt)})
	}
	doc.Add(export.T(export.Grid{Headers: []string{"形式", "标题", "状态", "审签日期"}, Rows: rows}))
	doc.Add(export.H1("审签意见"))
	doc.Add(export.T(signoffGrid(so)))
	return doc
}

// ReportSignoffSheet is the 审签单 of a consultation's 意见收集采纳情况说明, with the text the approvers signed.
func ReportSignoffSheet(bureau string, c core.Consultation, text string, so core.Signoff) export.Document {
	doc := sheet("意见采纳情况说明审签单", bureau, [][]string{
		{"文件名称", c.PolicyTitle}, {"起草科室", dash(c.SectionName)},
		{"征求意见期", c.OpenDate + " 至 " + c.CloseDate},
		{"收到意见", fmt.Sprintf("%d条", c.CommentCount)},
	}, so)
	doc.Add(export.H1("意见采纳情况说明"))
	doc.Add(paragraphs(text)...)
	return doc
}

// AnswerSignoffSheet is the 审签单 of a 依申请公开 answer draft: the application's particulars (the applicant's
// identity number stays off it), every sign-off decision and the draft the approvers signed.
func AnswerSignoffSheet(bureau string, r core.DisclosureRequest, so core.Signoff) export.Document {
	handler := r.SectionName
	if r.HandlerName != "" {
		handler = strings.TrimSpace(handler + " " + r.HandlerName)
	}
	doc := sheet("政府信息公开申请答复审签单", bureau, [][]string{
		{"申请编号", r.CaseNo},
		{"申请人", r.Applicant + "（" + dash(r.ApplicantType) + "）"},
		{"申请方式", dash(r.Channel)},
		{"收到申请之日", dash(r.Received)},
		{"答复期限", dash(r.Due)},
		{"申请公开的信息", dash(r.Content)},
		{"承办科室", dash(handler)},
		{"答复类型", dash(r.DraftLabel)},
		{"审签状态", stateText(r.SignoffState)},
	}, so)
	doc.Add(export.H1("答复要点"))
	doc.Add(paragraphs(r.DraftText)...)
	return doc
}

// AnnualSignoffSheet is the 审签单 of a year's 政府信息公开工作年度报告: what the office added to the figures
// the records give (table 二's hand figures, a 上年结转 entered by hand, each with its source) and every decision.
func AnnualSignoffSheet(bureau string, e core.AnnualEdits, so core.Signoff) export.Document {
	carry := "由依申请公开登记簿生成"
	if len(e.CarryOver) > 0 {
		carry = strings.Join(e.CarryOver, "、") + "（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他；来源：" + e.CarrySource + "）"
	}
	return sheet("政府信息公开工作年度报告审签单", bureau, [][]string{
		{"报告名称", fmt.Sprintf("%s%d年政府信息公开工作年度报告", bureau, e.Year)},
		{"公布期限", fmt.Sprintf("%d-01-31", e.Year+1)},
		{"第二十条第（五）（六）（八）项", fmt.Sprintf("行政许可%s、行政处罚%s、行政强制%s、行政事业性收费%s万元（来源：%s）",
			dash(e.Licensing), dash(e.Penalty), dash(e.Enforcement), dash(e.FeesWan), dash(e.Source))},
		{"上年结转", carry},
		{"审签状态", stateText(e.SignoffState)},
	}, so)
}

// sheet is a 审签单: the subject's particulars (项目, 内容), then every sign-off decision; the caller adds what
// was signed after it.
func sheet(title, bureau string, particulars [][]string, so core.Signoff) export.Document {
	doc := export.Document{Title: title, Subtitle: bureau}
	doc.Add(export.T(export.Grid{Headers: []string{"项目", "内容"}, Rows: particulars}))
	doc.Add(export.H1("审签意见"))
	doc.Add(export.T(signoffGrid(so)))
	return doc
}

// stateText is a sign-off state for a sheet: "" is a draft not yet submitted.
func stateText(state string) string {
	if state == "" {
		return "未提交审签"
	}
	return state
}

// paragraphs are text's non-blank lines as paragraphs.
func paragraphs(text string) []export.Block {
	var bs []export.Block
	for _, p := range strings.Split(text, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			bs = append(bs, export.P(p))
		}
	}
	return bs
}

func signoffGrid(so core.Signoff) export.Grid {
	g := export.Grid{Headers: []string{"轮次", "审签环节", "审签人", "结果", "意见", "时间"}, Rows: [][]string{}}
	for _, a := range append(append([]core.SignoffApproval{}, so.History...), so.Steps...) {
		result := a.Decision
		if result == "" {
			result = "待审签"
		}
		g.Rows = append(g.Rows, []string{fmt.Sprint(a.Round), a.StepName, dash(a.PersonName), result, dash(a.Opinion), dash(stampText(a.ActedAt))})
	}
	return g
}

// interpretationBlocks lays an interpretation out as document blocks, by form.
func interpretationBlocks(in core.Interpretation) []export.Block {
	var bs []export.Block
	paras := func(text string) { bs = append(bs, paragraphs(text)...) }
	switch in.Form {
	case core.FormText:
		for i, s := range in.Sections {
			bs = append(bs, export.H1(chineseOrdinal(i+1)+"、"+s.Heading))
			paras(s.Text)
		}
	case core.FormQA:
		for i, q := range in.QA {
			bs = append(bs, export.H2(fmt.Sprintf("%d.%s", i+1, q.Question)))
			paras(q.Answer)
		}
	case core.FormGraphic:
		for _, b := range in.Graphic.Blocks {
			bs = append(bs, graphicBlocks(b)...)
		}
	default:
		m := in.Media
		bs = append(bs, export.P(strings.TrimSpace(fmt.Sprintf("解读人：%s %s", m.Speaker, m.SpeakerTitle))))
		if m.Occasion != "" || m.HeldAt != "" {
			bs = append(bs, export.P(strings.TrimSpace("场合与时间："+m.Occasion+" "+m.HeldAt)))
		}
		paras(m.Transcript)
		if len(m.Files) > 0 {
			g := export.Grid{Headers: []string{"文件", "类型", "位置"}}
			for _, f := range m.Files {
				g.Rows = append(g.Rows, []string{f.Name, f.Kind, f.Location})
			}
			bs = append(bs, export.T(g))
		}
	}
	return bs
}

// graphicBlocks writes a 图解 block as text, for the sign-off sheet.
func graphicBlocks(b core.GraphicBlock) []export.Block {
	var bs []export.Block
	if b.Title != "" {
		bs = append(bs, export.H2(b.Title))
	}
	if b.Text != "" {
		bs = append(bs, export.P(b.Text))
	}
	for _, f := range b.Figures {
		bs = append(bs, export.P(fmt.Sprintf("%s%s：%s", f.Value, f.Unit, f.Label)))
	}
	for i, s := range b.Steps {
		bs = append(bs, export.P(fmt.Sprintf("第%d步 %s：%s", i+1, s.Title, s.Text)))
	}
	for _, it := range b.Items {
		bs = append(bs, export.P("● "+it))
	}
	for _, q := range b.QA {
		bs = append(bs, export.P("问："+q.Question), export.P("答："+q.Answer))
	}
	if b.Issuer != "" || b.Date != "" {
		bs = append(bs, export.Sign(strings.TrimSpace(b.Issuer+" "+b.Date)))
	}
	return bs
}

// Package is what goes into a publication package.
type Package struct {
	Bureau          string
	Policy          core.Policy
	PolicyText      string
	Interpretations []core.Interpretation
}

// Result lists the files written and the interpretations left out.
type Result struct {
	Dir     string   `json:"dir"`
	Files   []string `json:"files"`
	Skipped []string `json:"skipped"` // interpretations not yet approved, with their status
}

// WritePackage writes the policy and its approved interpretations into a new folder under dir: one HTML
// page each, the 图解 also as PNG, and a 发布清单 listing what goes where. fonts may be nil when no CJK font
// exists; the 图解 PNG is then left out and said so in Skipped.
func WritePackage(dir string, p Package, fonts *graphic.Fonts, stamp string) (Result, error) {
	res := Result{Dir: filepath.Join(dir, safeName(p.Policy.Title)+"-发布包-"+stamp), Files: []string{}, Skipped: []string{}}
	if err := os.MkdirAll(res.Dir, 0o755); err != nil {
		return res, err
	}
	add := func(name string, write func(path string) error) error {
		path := filepath.Join(res.Dir, name)
		if err := write(path); err != nil {
			return err
		}
		res.Files = append(res.Files, path)
		return nil
	}
	policyDoc := PolicyDocument(p.Bureau, p.Policy, p.PolicyText)
	if err := add("01-文件-"+safeName(p.Policy.Title)+".html", func(path string) error { return export.WriteHTML(path, policyDoc) }); err != nil {
		return res, err
	}
	n := 1
	for _, in := range p.Interpretations {
		if in.Status != core.InterpApproved && in.Status != core.InterpPublished {
			res.Skipped = append(res.Skipped, fmt.Sprintf("“%s”(%s，尚未审签)", in.Title, in.Status))
			continue
		}
		n++
		base := fmt.Sprintf("%02d-%s-%s", n, safeName(in.Form), safeName(in.Title))
		if err := writeInterpretation(add, base, p.Bureau, in, fonts, &res); err != nil {
			return res, err
		}
	}
	manifest := Manifest(p)
	err := add("发布清单.txt", func(path string) error { return os.WriteFile(path, []byte(manifest), 0o644) })
	return res, err
}

func writeInterpretation(add func(string, func(string) error) error, base, bureau string, in core.Interpretation, fonts *graphic.Fonts, res *Result) error {
	if in.Form != core.FormGraphic {
		doc := export.Document{Title: in.Title, Subtitle: bureau}
		doc.Add(interpretationBlocks(in)...)
		return add(base+".html", func(path string) error { return export.WriteHTML(path, doc) })
	}
	if err := add(base+".html", func(path string) error { return graphic.WriteHTML(path, in.Title, in.Graphic) }); err != nil {
		return err
	}
	if fonts == nil {
		res.Skipped = append(res.Skipped, fmt.Sprintf("“%s”的长图(未找到中文字体)", in.Title))
		return nil
	}
	return add(base+".png", func(path string) error { return graphic.WritePNG(path, in.Graphic, fonts) })
}

// PolicyDocument lays out a policy's text for the website: chapter headings as headings, the rest as
// paragraphs; the title line is not repeated.
func PolicyDocument(bureau string, p core.Policy, text string) export.Document {
	doc := export.Document{Title: p.Title, Subtitle: strings.TrimSpace(p.DocNumber + " " + bureau)}
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || i == 0 && line == p.Title:
		case chapterLine.MatchString(line):
			doc.Add(export.H1(line))
		default:
			doc.Add(export.P(line))
		}
	}
	return doc
}

var chapterLine = regexp.MustCompile(`^第[一二三四五六七八九十百]+[章部分节]`)

// Manifest tells the website editor what to publish where and by when (三同步).
func Manifest(p Package) string {
	var b strings.Builder
	fmt.Fprintf(&b, "发布清单：%s\n", p.Policy.Title)
	fmt.Fprintf(&b, "公开属性：%s\n", disclosureText(p.Policy.Disclosure, p.Policy.DisclosureBasis))
	fmt.Fprintf(&b, "文件发布日期：%s  网址：%s\n\n", dash(p.Policy.PublishedDate), dash(p.Policy.PublishedURL))
	for _, in := range p.Interpretations {
		fmt.Fprintf(&b, "%s《%s》 状态：%s", in.Form, in.Title, in.Status)
		if in.Due != "" {
			fmt.Fprintf(&b, "  应发布日期：%s(%s)", in.Due, in.DueLabel)
		}
		if in.PublishedDate != "" {
			fmt.Fprintf(&b, "  已于%s发布：%s", in.PublishedDate, in.PublishedURL)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// safeName makes a title usable as a file name on Windows, macOS and Linux.
func safeName(s string) string { return export.SafeFileName(s, "未命名") }

func dash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// disclosureText is a 公开属性 with its basis, as the 审签单 and the 发布清单 print it.
func disclosureText(disclosure, basis string) string {
	if strings.TrimSpace(basis) == "" {
		return dash(disclosure)
	}
	return fmt.Sprintf("%s(依据：%s)", dash(disclosure), strings.TrimSpace(basis))
}

func reasonNote(reason string) string {
	if reason == "" {
		return ""
	}
	return "(非起草科室解读：" + reason + ")"
}

func datePart(stamp string) string {
	if len(stamp) >= 10 {
		return stamp[:10]
	}
	return stamp
}

// stampText shows a stored timestamp as 2006-01-02 15:04.
func stampText(stamp string) string {
	if len(stamp) >= 16 {
		return strings.Replace(stamp[:16], "T", " ", 1)
	}
	return stamp
}

func chineseOrdinal(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	if n <= 10 {
		return digits[n]
	}
	if n < 20 {
		return "十" + digits[n-10]
	}
	return fmt.Sprint(n)
}
