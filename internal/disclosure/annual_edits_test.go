package disclosure

import (
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
