package disclosure

import (
	"strings"
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

func TestDraftAnnualReport(t *testing.T) {
	reqs := []core.DisclosureRequest{
		{CaseNo: "依申请〔2025〕031号", Received: "2025-12-20", AnswerDate: "2026-01-12", Outcome: 0, ApplicantType: "自然人", Status: core.DisclosureAnswered},
		{CaseNo: "依申请〔2026〕001号", Received: "2026-03-02", AnswerDate: "2026-03-20", Outcome: 1, ApplicantType: "自然人", Status: core.DisclosureAnswered},
		{CaseNo: "依申请〔2026〕002号", Received: "2026-05-11", AnswerDate: "2026-06-30", Outcome: 5, ApplicantType: "商业企业", Status: core.DisclosureLate},
		{CaseNo: "依申请〔2026〕003号", Received: "2026-08-03", AnswerDate: "2026-08-20", Outcome: 10, ApplicantType: "其他", Status: core.DisclosureAnswered},
		{CaseNo: "依申请〔2026〕004号", Received: "2026-12-21", Outcome: -1, ApplicantType: "法律服务机构", Status: core.DisclosureOpen},
	}
	t3, err := AnnualTable(2026, "临江市规划和自然资源局", reqs)
	if err != nil || t3.Check != "" {
		t.Fatalf("table 三: %v %s", err, t3.Check)
	}
	t4, err := AnnualTable4(2026, []core.DisclosureRemedy{{Kind: "行政复议", Result: "结果维持", Filed: "2026-07-01", Decided: "2026-09-01"}})
	if err != nil {
		t.Fatal(err)
	}
	f := core.AnnualFacts{Year: 2026, Bureau: core.Bureau{Name: "临江市规划和自然资源局", Address: "临江市滨江路88号", Phone: "0571-88012345"},
		Normative: core.DocumentCounts{Issued: 4, Repealed: 1, InForce: 23}, Published: 9,
		Interpretations: []core.FormCount{{Form: core.FormVideo, Count: 1}, {Form: core.FormText, Count: 3}, {Form: core.FormGraphic, Count: 2}},
		Consultations:   5, Comments: 212, Adopted: 37, Messages: 640, Answered: 628, AnsweredOnTime: 611,
		FeeNotices: 3, FeesPaid: 2, FeeYuan: 500}
	// the register began in the middle of 2025: the carry-over is entered by hand, with its source
	t3 = WithCarryOver(t3, core.AnnualEdits{CarryOver: []string{"1", "0", "0", "0", "0", "0"}, CarrySource: "2025年度报告表三“四、结转下年度继续办理”"})
	r := DraftAnnualReport(f, t3, t4)
	if r.Title != "临江市规划和自然资源局2026年政府信息公开工作年度报告" || r.Due != "2027-01-31" || len(r.Sections) != 6 {
		t.Errorf("report head: %q %q %d", r.Title, r.Due, len(r.Sections))
	}
	text := AnnualReportDocument(r).PlainText()
	for _, want := range []string{
		"共发布本级解读材料6条，其中文字解读3条、图解2条、视频1条",
		"本年新收政府信息公开申请4件，上年结转1件；本年度办结4件，其中予以公开1件、部分公开1件、不予公开1件、无法提供1件；结转下年度继续办理1件",
		"逾期答复1件", "被申请行政复议1件，被提起行政诉讼0件", "有17件来信超过3个工作日答复", "按时答复率97.3%",
		"行政规范性文件 | 4 | 1 | 23",
		"“二、上年结转政府信息公开申请数量”为手工填写，数据来源：2025年度报告表三“四、结转下年度继续办理”",
		"发出收费通知3件，申请人缴费2件，收取信息处理费500元；其余1件未缴费",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	testutil.Golden(t, testutil.Testdata(t, "disclosure", "annual-report.golden.txt"), text)

	// A quiet year says so instead of inventing figures.
	quiet := DraftAnnualReport(core.AnnualFacts{Year: 2026, Bureau: core.Bureau{Name: "某局"}}, core.DisclosureTable{}, core.DisclosureTable4{})
	text = AnnualReportDocument(quiet).PlainText()
	for _, want := range []string{"本年度未发布本级政策解读材料", "未发现逾期答复", "请与某局联系。", "本年度未按《政府信息公开信息处理费管理办法》"} {
		if !strings.Contains(text, want) {
			t.Errorf("quiet report lacks %q:\n%s", want, text)
		}
	}
}
