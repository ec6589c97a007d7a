package disclosure

import (
	"fmt"
	"strings"
	"testing"
)

// TestHongze2023 rebuilds the register behind table 三 of 洪泽区 2023 年政府信息公开工作年度报告
// (corpus 01_hongze_2023_gov_info_disclosure_annual_report.pdf): 21 new requests, all from 自然人,
// nothing carried over either way. The register is imported as text and compared cell by cell.
func TestHongze2023(t *testing.T) {
	counts := []struct {
		result string
		n      int
	}{
		{"部分公开", 4},
		{"1.属于国家秘密", 1},
		{"6.属于四类过程性信息", 1},
		{"7.属于行政执法案卷", 1},
		{"1.本机关不掌握相关政府信息", 10},
		{"2.没有现成信息需要另行制作", 3},
		{"1.信访举报投诉类申请", 1},
	}
	var rows []RegisterRow
	for _, c := range counts {
		for i := 0; i < c.n; i++ {
			rows = append(rows, RegisterRow{No: fmt.Sprintf("HZ2023-%02d", len(rows)+1), Received: "2023-04-10",
				Applicant: "申请人", ApplicantType: "自然人", Result: c.result, Answered: "2023-04-28"})
		}
	}
	parsed, errs := ParseRegister(rows, 2)
	if errs != nil {
		t.Fatal(errs)
	}
	tb, err := BuildTable3(RequestsForYear(parsed, 2023))
	if err != nil {
		t.Fatal(err)
	}
	if err := tb.Check(); err != nil {
		t.Fatal(err)
	}
	// 自然人 and 总计 columns as published, in row order (the other columns are all 0).
	published := []int{21, 0, 0, 4, 1, 0, 0, 0, 0, 1, 1, 0, 10, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 21, 0}
	for i, want := range published {
		got := tb.Cells[i]
		if got != [7]int{want, 0, 0, 0, 0, 0, want} {
			t.Errorf("%s: got %v, published %d", tb.Labels[i], got, want)
		}
	}
	if !strings.Contains(tb.CSV(), "三、本年度办理结果/（七）总计,21,0,0,0,0,0,21\n") {
		t.Error("CSV total row differs")
	}
}
