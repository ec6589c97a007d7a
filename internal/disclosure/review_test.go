package disclosure

import (
	"slices"
	"strings"
	"testing"

	"policydesk/internal/core"
)

func TestTable4(t *testing.T) {
	tb, err := BuildTable4([]Remedy{
		{"行政复议", "结果维持"}, {"行政复议", "结果纠正"}, {"行政复议", "尚未审结"},
		{"未经复议直接起诉", "其他结果"}, {"复议后起诉", "结果维持"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if tb[0] != [5]int{1, 1, 0, 1, 3} || tb[1] != [5]int{0, 0, 1, 0, 1} || tb[2] != [5]int{1, 0, 0, 0, 1} {
		t.Fatalf("table 四: %v", tb)
	}
	csv := Table4CSV(tb)
	if strings.Count(csv, "\n") != 16 || !strings.Contains(csv, "行政诉讼/复议后起诉/总计,1\n") {
		t.Errorf("CSV:\n%s", csv)
	}
	if _, err := BuildTable4([]Remedy{{"信访", "结果维持"}}); err == nil {
		t.Error("accepted an unknown remedy kind")
	}
}

func TestRemedyNoticeNamesReviewFirst(t *testing.T) {
	s := RemedyNotice("某市人民政府", "某区人民法院")
	if strings.Index(s, "行政复议") > strings.Index(s, "行政诉讼") {
		t.Fatal("复议 must come before 诉讼")
	}
	if Adverse(0) || !Adverse(1) || !Adverse(7) {
		t.Fatal("予以公开 needs no remedy notice; 部分公开 and refusals do")
	}
}

func TestSuggestProactive(t *testing.T) {
	rows := []ParsedRow{
		{No: "1", Content: "2025年老旧小区改造名单", Outcome: 0},
		{No: "2", Content: "2025年老旧小区改造名单", Outcome: 1},
		{No: "3", Content: "2025年老旧小区改造名单", Outcome: 10},
		{No: "4", Content: "某会议纪要", Outcome: 0},
	}
	got := SuggestProactive(rows, func(r ParsedRow) string { return r.Content }, 2)
	if len(got) != 1 || got[0].Count != 2 || got[0].Key != "2025年老旧小区改造名单" {
		t.Fatalf("got %+v", got)
	}
}

func TestRemedyRules(t *testing.T) {
	today := d("2026-11-20")
	cases := []struct {
		kind, result, answered, filed, decided string
		ok                                     bool
	}{
		{"行政复议", "尚未审结", "2026-03-20", "2026-04-01", "", true},
		{"行政复议", "结果纠正", "2026-03-20", "2026-04-01", "2026-06-01", true},
		{"信访", "尚未审结", "2026-03-20", "2026-04-01", "", false},
		{"行政复议", "撤回", "2026-03-20", "2026-04-01", "2026-06-01", false},
		{"行政复议", "尚未审结", "2026-03-20", "2026-03-01", "", false},
		{"行政复议", "结果维持", "2026-03-20", "2026-04-01", "", false},
		{"行政复议", "尚未审结", "2026-03-20", "2026-04-01", "2026-06-01", false},
		{"复议后起诉", "结果维持", "2026-03-20", "2026-04-01", "2026-12-01", false},
	}
	for _, c := range cases {
		if err := CheckRemedy(c.kind, c.result, d(c.answered), d(c.filed), d(c.decided), today); (err == nil) != c.ok {
			t.Errorf("%+v: %v", c, err)
		}
	}
	if r, ok := RemedyInYear("行政复议", "结果维持", d("2026-11-02"), d("2027-01-15"), 2026); !ok || r.Result != "尚未审结" {
		t.Errorf("decided next year: %+v %v", r, ok)
	}
	if _, ok := RemedyInYear("行政复议", "结果维持", d("2025-11-02"), d("2026-01-15"), 2026); ok {
		t.Error("filed last year counted")
	}
}

func TestSuggestFromRegister(t *testing.T) {
	rs := []core.DisclosureRequest{
		{CaseNo: "001", Outcome: 0, Content: "滨江地块土地出让合同", Received: "2026-03-01"},
		{CaseNo: "002", Outcome: 1, Content: "申请公开：滨江地块土地出让合同。", Received: "2026-05-01"},
		{CaseNo: "003", Outcome: 5, Content: "滨江地块 土地出让合同"}, // refused: not a candidate
		{CaseNo: "004", Outcome: -1, Content: "滨江地块土地出让合同"}, // still open
		{CaseNo: "005", Outcome: 0, Content: "城西控规调整论证意见"},
	}
	slices.Reverse(rs) // as the register lists them, newest first
	got := SuggestFromRegister(rs)
	if len(got) != 1 || got[0].Count != 2 || got[0].Content != "滨江地块土地出让合同" || strings.Join(got[0].CaseNos, ",") != "001,002" {
		t.Fatalf("suggestions %+v", got)
	}
	if SubjectKey("关于 滨江地块土地出让合同的信息") != SubjectKey("滨江地块土地出让合同") {
		t.Error("wrapping words and punctuation must not tell requests apart")
	}
	if len(SuggestFromRegister(nil)) != 0 || SuggestFromRegister(nil) == nil {
		t.Error("no suggestions is an empty list")
	}
}
