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
	tb := checkedTable3(t, rows, 2023)
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

// TestHuaian2024 rebuilds the register behind table 三 of 淮安市 2024 年政府信息公开工作年度报告
// (corpus 03_huaian_city_2024_gov_info_disclosure_annual_report.pdf): 3119 new, 34 carried over
// from 2023, 3050 answered, 103 carried into 2025. Every published cell is compared.
func TestHuaian2024(t *testing.T) {
	published := [][7]int{
		{3001, 53, 0, 0, 61, 4, 3119},
		{34, 0, 0, 0, 0, 0, 34},
		{1288, 21, 0, 0, 50, 3, 1362},
		{447, 7, 0, 0, 0, 0, 454},
		{2, 0, 0, 0, 0, 0, 2},
		{30, 1, 0, 0, 0, 0, 31},
		{5, 0, 0, 0, 0, 0, 5},
		{6, 0, 0, 0, 0, 0, 6},
		{7, 1, 0, 0, 0, 0, 8},
		{12, 0, 0, 0, 0, 0, 12},
		{9, 0, 0, 0, 0, 0, 9},
		{105, 0, 0, 0, 0, 0, 105},
		{746, 12, 0, 0, 10, 1, 769},
		{11, 0, 0, 0, 0, 0, 11},
		{1, 0, 0, 0, 0, 0, 1},
		{56, 6, 0, 0, 0, 0, 62},
		{25, 0, 0, 0, 0, 0, 25},
		{0, 0, 0, 0, 0, 0, 0},
		{0, 0, 0, 0, 0, 0, 0},
		{1, 0, 0, 0, 0, 0, 1},
		{67, 3, 0, 0, 1, 0, 71},
		{6, 0, 0, 0, 0, 0, 6},
		{108, 2, 0, 0, 0, 0, 110},
		{2932, 53, 0, 0, 61, 4, 3050},
		{103, 0, 0, 0, 0, 0, 103},
	}
	var rows []RegisterRow
	add := func(received, kind, result, answered string) {
		rows = append(rows, RegisterRow{No: fmt.Sprintf("HA-%05d", len(rows)+1), Received: received,
			Applicant: "申请人", ApplicantType: kind, Result: result, Answered: answered})
	}
	carried := published[1][0]
	for o, label := range Outcomes {
		for c := 0; c < 6; c++ {
			for i := 0; i < published[2+o][c]; i++ {
				if c == 0 && carried > 0 {
					add("2023-12-20", Columns[c], label, "2024-01-15")
					carried--
					continue
				}
				add("2024-06-03", Columns[c], label, "2024-06-21")
			}
		}
	}
	for i := 0; i < published[24][0]; i++ {
		add("2024-12-23", "自然人", "", "")
	}
	tb := checkedTable3(t, rows, 2024)
	for i, want := range published {
		if tb.Cells[i] != want {
			t.Errorf("%s: got %v, published %v", tb.Labels[i], tb.Cells[i], want)
		}
	}
}
