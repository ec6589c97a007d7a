package consult

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/docimport"
	"policydesk/internal/testutil"
)

func TestClauseCount(t *testing.T) {
	cl := func(level int, number string) core.Clause { return core.Clause{Level: level, Number: number} }
	tests := []struct {
		name    string
		clauses []core.Clause
		want    int
	}{
		{"articles under chapters: the chapters and the preamble are not 条款",
			[]core.Clause{cl(1, ""), cl(1, "第一章"), cl(2, "第一条"), cl(2, "第二条"), cl(1, "第二章"), cl(2, "第三条")}, 3},
		{"items inside an article are part of it", []core.Clause{cl(1, "第一条"), cl(2, "（一）"), cl(2, "（二）"), cl(3, "1."), cl(1, "第二条")}, 2},
		{"articles under 第X节 and 第X部分", []core.Clause{cl(1, "第一部分"), cl(2, "第一章"), cl(3, "第一节"), cl(4, "第一条"), cl(4, "第12条")}, 2},
		{"a 通知 written 一、二、三: its top-level items", []core.Clause{cl(1, ""), cl(1, "一、"), cl(2, "（一）"), cl(3, "1."), cl(1, "二、"), cl(1, "三、")}, 3},
		{"附件 does not count", []core.Clause{cl(1, "一、"), cl(1, "二、"), cl(1, "附件1"), cl(2, "一、")}, 2},
		{"a 第X条 inside a 附件 still counts as an article", []core.Clause{cl(1, "第一条"), cl(1, "附件"), cl(2, "第一条")}, 2},
		{"preamble only", []core.Clause{cl(1, "")}, 0},
		{"nothing", nil, 0},
		{"第一章 is not an article", []core.Clause{cl(1, "第一章"), cl(1, "第二章")}, 2},
	}
	for _, tt := range tests {
		if got := ClauseCount(tt.clauses); got != tt.want {
			t.Errorf("%s: got %d, want %d", tt.name, got, tt.want)
		}
	}
}

// TestClauseCountGolden counts the 条款 of each text in testdata/clauses as split on import (docimport, then
// the clause markers the store keeps): the demo's 城市更新实施办法 has 13 articles in 5 chapters.
func TestClauseCountGolden(t *testing.T) {
	inputs, err := filepath.Glob(testutil.Testdata(t, "clauses", "*.input"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no inputs in testdata/clauses: %v", err)
	}
	var b strings.Builder
	for _, in := range inputs {
		data, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		var clauses []core.Clause
		for _, c := range docimport.SplitClauses(string(data)) {
			clauses = append(clauses, core.Clause{Path: c.ID, Level: c.Level, Number: c.Label})
		}
		fmt.Fprintf(&b, "%s\t%d个条款\t(%d个结构单元)\n", filepath.Base(in), ClauseCount(clauses), len(clauses))
	}
	testutil.Golden(t, testutil.Testdata(t, "clauses", "counts.golden"), b.String())
}
