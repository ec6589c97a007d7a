package disclosure

import (
	"fmt"
	"strings"
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

func TestCheckAnnualEdits(t *testing.T) {
	today := d("2027-01-20")
	ok := core.AnnualEdits{Year: 2026, Licensing: " 1284 ", Penalty: "36", Enforcement: "0", FeesWan: "12.5", Source: "行政审批科、执法监察支队提供",
		PublishedDate: "2027-01-18", PublishedURL: "https://www.linjiang.gov.cn/art/2027/1/18/art_1.html"}
	with := func(edit func(*core.AnnualEdits)) core.AnnualEdits {
		e := ok
		edit(&e)
		return e
	}
	cases := []struct {
		name             string
		e                core.AnnualEdits
		code, field, msg string
	}{
		{"complete", ok, "", "", ""},
		{"nothing yet", core.AnnualEdits{Year: 2026}, "", "", ""},
		{"count not whole", with(func(e *core.AnnualEdits) { e.Penalty = "3.5" }), core.EINVALID, "penalty", "行政处罚处理决定数量请填写整数（件）"},
		{"fees not 万元", with(func(e *core.AnnualEdits) { e.FeesWan = "12万" }), core.EINVALID, "feesWan", "行政事业性收费金额请填写万元数（最多四位小数），如 12.5"},
		{"no source", with(func(e *core.AnnualEdits) { e.Source = " " }), core.EINVALID, "source", "请注明第二十条第（五）（六）（八）项数据的来源（提供科室或系统）"},
		{"date without address", with(func(e *core.AnnualEdits) { e.PublishedURL = "" }), core.EINVALID, "publishedUrl", "请填写报告在门户网站的发布地址"},
		{"address without date", with(func(e *core.AnnualEdits) { e.PublishedDate = "" }), core.EINVALID, "publishedDate", "请填写发布日期"},
		{"published in the year reported", with(func(e *core.AnnualEdits) { e.PublishedDate = "2026-12-30" }), core.EINVALID, "publishedDate",
			"2026年度报告应在2027年发布，发布日期不能早于2027-01-01"},
		{"published in the future", with(func(e *core.AnnualEdits) { e.PublishedDate = "2027-01-21" }), core.EINVALID, "publishedDate", "发布日期不能晚于今天"},
		{"not a web address", with(func(e *core.AnnualEdits) { e.PublishedURL = "门户网站" }), core.EINVALID, "publishedUrl", "发布地址应以 http:// 或 https:// 开头"},
		{"no year", core.AnnualEdits{}, core.EINVALID, "year", "请填写报告年度"},
		{"carry-over with its source", with(func(e *core.AnnualEdits) {
			e.CarryOver, e.CarrySource = []string{"3", "", " 1"}, "2025年度报告表三"
		}), "", "", ""},
		{"carry-over without a source", with(func(e *core.AnnualEdits) { e.CarryOver = []string{"3"} }), core.EINVALID, "carrySource",
			"请注明上年结转数据的来源（如2025年度报告表三“四、结转下年度继续办理”）"},
		{"carry-over not whole", with(func(e *core.AnnualEdits) { e.CarryOver, e.CarrySource = []string{"1", "2.5"}, "某" }), core.EINVALID, "carryOver",
			"上年结转（商业企业）请填写整数（件）"},
		{"carry-over negative", with(func(e *core.AnnualEdits) { e.CarryOver, e.CarrySource = []string{"", "", "", "", "", "-1"}, "某" }), core.EINVALID,
			"carryOver", "上年结转（其他）请填写整数（件）"},
		{"carry-over too many columns", with(func(e *core.AnnualEdits) { e.CarryOver, e.CarrySource = make([]string, 7), "某" }), core.EINVALID,
			"carryOver", "上年结转只有6列（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := CheckAnnualEdits(c.e, today)
			testutil.Refusal(t, err, c.code, c.field, c.msg)
			if c.code == "" && got.Licensing != strings.TrimSpace(c.e.Licensing) {
				t.Errorf("not trimmed: %q", got.Licensing)
			}
		})
	}
}

func TestCarryOverNormalized(t *testing.T) {
	e, err := CheckAnnualEdits(core.AnnualEdits{Year: 2026, CarryOver: []string{"03", "", "1"}, CarrySource: " 2025年度报告 "}, d("2026-12-01"))
	if err != nil || strings.Join(e.CarryOver, ",") != "3,0,1,0,0,0" || e.CarrySource != "2025年度报告" {
		t.Fatalf("%v %q %q", err, e.CarryOver, e.CarrySource)
	}
	// all blank: the register's own count, and no source kept
	e, err = CheckAnnualEdits(core.AnnualEdits{Year: 2026, CarryOver: []string{"", " "}, CarrySource: "某"}, d("2026-12-01"))
	if err != nil || e.CarryOver != nil || e.CarrySource != "" {
		t.Fatalf("%v %q %q", err, e.CarryOver, e.CarrySource)
	}
}

func TestWithCarryOver(t *testing.T) {
	// The register begins in 2026: two applications of 2025 were still open, one answered in 2026 is in it.
	reqs := []core.DisclosureRequest{
		{CaseNo: "A", Received: "2025-12-20", AnswerDate: "2026-01-12", Outcome: 0, ApplicantType: "自然人", Status: core.DisclosureAnswered},
		{CaseNo: "B", Received: "2026-03-02", AnswerDate: "2026-03-20", Outcome: 1, ApplicantType: "商业企业", Status: core.DisclosureAnswered},
	}
	t3, err := AnnualTable(2026, "某局", reqs)
	if err != nil || t3.Check != "" {
		t.Fatal(err, t3.Check)
	}
	cases := []struct {
		name  string
		carry []string
		row   string
		check string
	}{
		{"none entered: the register's count", nil, "[1 0 0 0 0 0 1]", ""},
		{"as the register", []string{"1", "0", "0", "0", "0", "0"}, "[1 0 0 0 0 0 1]", ""},
		{"more than the register holds", []string{"1", "2", "0", "0", "0", "0"}, "[1 2 0 0 0 0 3]",
			"商业企业列：一、二之和不等于三（七）与四之和（上年结转为手工填写，请核对上年结转申请的办理结果是否已在登记簿中）"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := WithCarryOver(t3, core.AnnualEdits{CarryOver: c.carry, CarrySource: "2025年度报告"})
			if row := fmt.Sprint(got.Cells[1]); row != c.row || got.Check != c.check {
				t.Errorf("row 二 %s check %q", row, got.Check)
			}
			if fmt.Sprint(t3.Cells[1]) != "[1 0 0 0 0 0 1]" {
				t.Errorf("the register's table was changed: %v", t3.Cells[1])
			}
		})
	}
}

func TestWithEdits(t *testing.T) {
	r := DraftAnnualReport(core.AnnualFacts{Year: 2026, Bureau: core.Bureau{Name: "某局"}}, core.DisclosureTable{}, core.DisclosureTable4{})
	text := AnnualReportDocument(r).PlainText()
	if !strings.Contains(text, "行政许可 | （待填）") {
		t.Fatalf("blank figures are marked to fill:\n%s", text)
	}
	e := core.AnnualEdits{Year: 2026, Licensing: "1284", Penalty: "36", Enforcement: "0", FeesWan: "12.5", Source: "行政审批科提供",
		Overview: "2026年，某局坚持以公开为常态。\n\n（一）主动公开。全年主动公开政府信息326条。"}
	text = AnnualReportDocument(WithEdits(r, e)).PlainText()
	for _, want := range []string{"行政许可 | 1284", "行政处罚 | 36", "行政强制 | 0", "行政事业性收费 | 12.5", "数据来源：行政审批科提供",
		"全年主动公开政府信息326条", "二、主动公开政府信息情况"} {
		if !strings.Contains(text, want) {
			t.Errorf("edited report lacks %q", want)
		}
	}
	if strings.Contains(text, "（待填）") || strings.Contains(text, "坚持以公开为常态、不公开为例外") {
		t.Errorf("the draft's blanks or overview remain:\n%s", text)
	}
}

func TestAnnualPublicationNeedsSignoff(t *testing.T) {
	e := core.AnnualEdits{Year: 2026, Licensing: "1284", Source: "行政审批科"}
	signedRound := core.Signoff{Round: 1, Complete: true}
	states := []struct {
		name   string
		so     core.Signoff
		signed string
		want   string
	}{
		{"never submitted", core.Signoff{}, "", ""},
		{"being signed", core.Signoff{Round: 1, Current: "分管领导审签"}, e.SignedText(), core.DraftSigning},
		{"returned", core.Signoff{Round: 1, Returned: true}, e.SignedText(), core.DraftReturned},
		{"signed as it stands", signedRound, e.SignedText(), core.DraftSigned},
		{"edited after its round", signedRound, "old", core.DraftChanged},
	}
	for _, c := range states {
		if got := SignoffState(c.so, c.signed, e); got != c.want {
			t.Errorf("%s: state %q, want %q", c.name, got, c.want)
		}
	}
	pub := e
	pub.PublishedDate, pub.PublishedURL = "2027-01-20", "https://x.gov.cn/a.html"
	cases := []struct {
		name     string
		old, new core.AnnualEdits
		state    string
		msg      string
	}{
		{"signed", e, pub, core.DraftSigned, ""},
		{"not signed", e, pub, "", "2026年度报告尚未审签，不能登记发布；请先提交审签"},
		{"being signed", e, pub, core.DraftSigning, "2026年度报告审签中，审签完成后才能登记发布"},
		{"returned", e, pub, core.DraftReturned, "2026年度报告已退回，审签完成后才能登记发布"},
		{"edited after its round", e, pub, core.DraftChanged, "2026年度报告审签后又作了修改，请重新提交审签后再登记发布"},
		{"an edit that does not publish", e, e, "", ""},
		{"the publication unchanged", pub, pub, core.DraftSigned, ""},
		{"the publication withdrawn", pub, e, core.DraftSigned, ""},
		{"a published report's content changed", pub, func() core.AnnualEdits { x := pub; x.Overview = "改"; return x }(), core.DraftChanged,
			"2026年度报告已于2027-01-20发布，不能再修改内容；如需更正，请先清除发布日期和网址，修改后重新审签"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := CheckAnnualPublication(c.old, c.new, c.state)
			code, field := "", ""
			if c.msg != "" {
				code, field = core.EFORBID, "publishedDate"
			}
			testutil.Refusal(t, err, code, field, c.msg)
		})
	}
}
