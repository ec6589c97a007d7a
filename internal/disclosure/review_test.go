package disclosure

import (
	"strings"
	"testing"
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
