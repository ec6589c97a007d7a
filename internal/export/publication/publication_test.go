package publication

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/export"
	"policydesk/internal/export/graphic"
)

func sampleInterpretations() []core.Interpretation {
	text := core.NewInterpretationBody(core.FormText, "办法", "")
	text.ID, text.Title, text.Status, text.SectionName = 1, "《临江市既有住宅加装电梯财政补助办法》解读", core.InterpApproved, "空间规划组"
	text.Sections[0].Text = "为改善老旧小区居住条件，制定本办法。"
	g := core.NewInterpretationBody(core.FormGraphic, "《临江市既有住宅加装电梯财政补助办法》", "临江市规划和自然资源局")
	g.ID, g.Title, g.Status = 2, "一图读懂", core.InterpPublished
	qa := core.Interpretation{ID: 3, Form: core.FormQA, Title: "问答", Status: core.InterpDrafting, QA: []core.QAPair{{Question: "何时施行？", Answer: "2027年1月1日。"}}}
	return []core.Interpretation{text, g, qa}
}

func TestWritePackage(t *testing.T) {
	fonts, err := graphic.LoadFonts()
	if err != nil {
		t.Logf("no CJK font, the package is written without the PNG: %v", err)
		fonts = nil
	}
	p := Package{Bureau: "临江市规划和自然资源局", Policy: core.Policy{Title: "临江市既有住宅加装电梯财政补助办法", PublishedDate: "2026-09-18", PublishedURL: "https://x/1.html",
		Disclosure: core.DisclosureOnRequest, DisclosureBasis: "《政府信息公开条例》第二十七条"},
		PolicyText: "临江市既有住宅加装电梯财政补助办法\n第一章 总则\n第一条 为推进既有住宅加装电梯工作，制定本办法。\n", Interpretations: sampleInterpretations()}
	res, err := WritePackage(t.TempDir(), p, fonts, "20260918")
	if err != nil {
		t.Fatal(err)
	}
	names := []string{}
	for _, f := range res.Files {
		names = append(names, filepath.Base(f))
	}
	want := []string{"01-文件-临江市既有住宅加装电梯财政补助办法.html", "02-文字解读-《临江市既有住宅加装电梯财政补助办法》解读.html", "03-图解-一图读懂.html"}
	if fonts != nil {
		want = append(want, "03-图解-一图读懂.png")
	}
	want = append(want, "发布清单.txt")
	if strings.Join(names, ",") != strings.Join(want, ",") {
		t.Fatalf("files = %v, want %v", names, want)
	}
	if len(res.Skipped) == 0 || !strings.Contains(res.Skipped[0], "问答") {
		t.Errorf("skipped = %v", res.Skipped)
	}
	html, _ := os.ReadFile(res.Files[1])
	if !strings.Contains(string(html), "一、决策背景和依据") || !strings.Contains(string(html), "为改善老旧小区居住条件") {
		t.Errorf("text interpretation page lacks its sections")
	}
	manifest, _ := os.ReadFile(res.Files[len(res.Files)-1])
	if !strings.Contains(string(manifest), "公开属性：依申请公开(依据：《政府信息公开条例》第二十七条)") {
		t.Errorf("the 发布清单 lacks the 公开属性:\n%s", manifest)
	}
	policyPage, _ := os.ReadFile(res.Files[0])
	if !strings.Contains(string(policyPage), "<h2>第一章 总则</h2>") {
		t.Errorf("policy page lacks its chapter heading")
	}
}

func TestPolicySignoffSheetPrintsDisclosure(t *testing.T) {
	panel := core.SyncPanel{Policy: core.SyncRow{Title: "临江市国土空间生态修复规划", SectionName: "空间规划组", Status: core.PolicySigning,
		Disclosure: core.DisclosureNone, DisclosureBasis: "涉及国家秘密"}}
	text := PolicySignoffSheet("临江市规划和自然资源局", panel, core.Signoff{}).PlainText()
	if !strings.Contains(text, "公开属性 | 不予公开(依据：涉及国家秘密)") {
		t.Errorf("sheet lacks the 公开属性:\n%s", text)
	}
}

func TestSignoffSheetDOCX(t *testing.T) {
	in := sampleInterpretations()[0]
	so := core.Signoff{Round: 2, Complete: true,
		History: []core.SignoffApproval{{Round: 1, StepName: "科室负责人审核", PersonName: "赵志强", Decision: core.DecisionReturn, Opinion: "补充工作目标", ActedAt: "2026-09-10T10:00:00+08:00"}},
		Steps: []core.SignoffApproval{{Round: 2, StepName: "科室负责人审核", PersonName: "赵志强", Decision: core.DecisionApprove, Opinion: "同意", ActedAt: "2026-09-11T09:30:00+08:00"},
			{Round: 2, StepName: "保密审查", PersonName: "陈晓静", Decision: core.DecisionApprove, Opinion: "不涉密", ActedAt: "2026-09-11T15:00:00+08:00"}}}
	doc := SignoffSheet("临江市规划和自然资源局", core.Policy{Title: "临江市既有住宅加装电梯财政补助办法", Disclosure: core.DisclosureActive,
		DisclosureBasis: "《政府信息公开条例》第二十条"}, in, so)
	text := doc.PlainText()
	for _, want := range []string{"政策解读审签单", "公开属性 | 主动公开(依据：《政府信息公开条例》第二十条)", "1 | 科室负责人审核 | 赵志强 | 退回 | 补充工作目标 | 2026-09-10 10:00", "保密审查 | 陈晓静 | 同意 | 不涉密", "一、决策背景和依据"} {
		if !strings.Contains(text, want) {
			t.Errorf("sheet lacks %q:\n%s", want, text)
		}
	}
	path := filepath.Join(t.TempDir(), "审签单.docx")
	if err := export.WriteDOCX(path, doc); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			body, _ := io.ReadAll(rc)
			rc.Close()
			if !strings.Contains(string(body), "补充工作目标") {
				t.Errorf("document.xml lacks the opinion")
			}
			return
		}
	}
	t.Fatal("no word/document.xml")
}

// The 审签单 of an answer draft carries the application's particulars and the draft, never the applicant's ID number.
func TestAnswerSignoffSheet(t *testing.T) {
	r := core.DisclosureRequest{CaseNo: "依申请〔2026〕014号", Applicant: "周文斌", ApplicantType: "自然人", IDNumber: "330102198001011234",
		Channel: "信函", Received: "2026-11-17", Due: "2026-12-18", Content: "滨江街道集体土地征收补偿安置方案", SectionName: "用途管制组",
		HandlerName: "许文博", DraftLabel: "（二）部分公开", DraftText: "补偿安置方案予以公开；\n批复文件中的个人信息不予公开。", SignoffState: core.DraftSigned}
	so := core.Signoff{Round: 1, Complete: true, Steps: []core.SignoffApproval{
		{Round: 1, StepName: "科室负责人审核", PersonName: "赵志强", Decision: core.DecisionApprove, ActedAt: "2026-12-01T10:00:00+08:00"}}}
	text := AnswerSignoffSheet("临江市规划和自然资源局", r, so).PlainText()
	for _, want := range []string{"政府信息公开申请答复审签单", "依申请〔2026〕014号", "周文斌（自然人）", "用途管制组 许文博", "（二）部分公开", "已审签",
		"科室负责人审核 | 赵志强 | 同意", "批复文件中的个人信息不予公开。"} {
		if !strings.Contains(text, want) {
			t.Errorf("sheet lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, r.IDNumber) {
		t.Error("the applicant's ID number is on the sheet")
	}
	annual := AnnualSignoffSheet("某局", core.AnnualEdits{Year: 2026, Licensing: "1284", Source: "行政审批科", CarryOver: []string{"2", "0", "0", "0", "0", "1"},
		CarrySource: "2025年度报告"}, so).PlainText()
	for _, want := range []string{"某局2026年政府信息公开工作年度报告", "行政许可1284", "2、0、0、0、0、1", "来源：2025年度报告", "未提交审签"} {
		if !strings.Contains(annual, want) {
			t.Errorf("annual sheet lacks %q:\n%s", want, annual)
		}
	}
}
