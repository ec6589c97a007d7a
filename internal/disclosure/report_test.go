package disclosure

import (
	"strings"
	"testing"
	"time"
)

func TestTable3Shape(t *testing.T) {
	tb, err := BuildTable3(nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.Labels) != 25 || len(tb.Cells) != 25 {
		t.Fatalf("table 三 has %d rows, want 25", len(tb.Labels))
	}
	if tb.Labels[7] != "三、本年度办理结果/（三）不予公开/4.保护第三方合法权益" {
		t.Errorf("label path: %s", tb.Labels[7])
	}
}

func TestTable3CountsAndBalance(t *testing.T) {
	// 3 new by 自然人 (予以公开, 部分公开, open), 1 carried over by 法律服务机构 answered 本机关不掌握.
	reqs := []Request{
		{Column: 0, ThisYear: true, Outcome: 0},
		{Column: 0, ThisYear: true, Outcome: 1},
		{Column: 0, ThisYear: true, Outcome: -1},
		{Column: 4, ThisYear: false, Outcome: 10},
	}
	tb, err := BuildTable3(reqs)
	if err != nil {
		t.Fatal(err)
	}
	row := func(label string) [7]int {
		for i, l := range tb.Labels {
			if strings.HasSuffix(l, label) {
				return tb.Cells[i]
			}
		}
		t.Fatalf("no row %s", label)
		return [7]int{}
	}
	if got := row("一、本年新收政府信息公开申请数量"); got != [7]int{3, 0, 0, 0, 0, 0, 3} {
		t.Errorf("一: %v", got)
	}
	if got := row("二、上年结转政府信息公开申请数量"); got != [7]int{0, 0, 0, 0, 1, 0, 1} {
		t.Errorf("二: %v", got)
	}
	if got := row("（七）总计"); got != [7]int{2, 0, 0, 0, 1, 0, 3} {
		t.Errorf("（七）: %v", got)
	}
	if got := row("四、结转下年度继续办理"); got != [7]int{1, 0, 0, 0, 0, 0, 1} {
		t.Errorf("四: %v", got)
	}
	if err := tb.Check(); err != nil {
		t.Fatal(err)
	}
	tb.Cells[0][0]++ // a hand edit breaks the 勾稽关系
	if tb.Check() == nil {
		t.Fatal("Check accepted an unbalanced table")
	}
}

func TestTable3RefusesBadRecords(t *testing.T) {
	for _, r := range []Request{{Column: 6, Outcome: 0}, {Column: 0, Outcome: len(Outcomes)}} {
		if _, err := BuildTable3([]Request{r}); err == nil {
			t.Errorf("accepted %+v", r)
		}
	}
}

func TestAnnualReportDue(t *testing.T) {
	cases := []struct {
		today string
		year  int
		ok    bool
	}{
		{"2027-01-01", 2026, true},
		{"2027-01-31", 2026, true},
		{"2027-02-01", 0, false},
		{"2026-12-31", 0, false},
	}
	for _, tc := range cases {
		d, _ := time.Parse("2006-01-02", tc.today)
		year, due, ok := AnnualReportDue(d)
		if ok != tc.ok || year != tc.year || (ok && due.Format("2006-01-02") != d.Format("2006")+"-01-31") {
			t.Errorf("%s: %d %v %v", tc.today, year, due, ok)
		}
	}
}
