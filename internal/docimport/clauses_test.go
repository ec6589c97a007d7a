package docimport

import (
	"fmt"
	"os"
	"path/filepath"
	"policydesk/internal/testutil"
	"strings"
	"testing"
	"unicode/utf8"
)

// formatClauses renders clauses for golden files: ID, level, heading and length in characters.
func formatClauses(cs []Clause) string {
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, "%s\t%d\t%s\t%s\t%d\n", c.ID, c.Level, c.Kind, c.Heading, utf8.RuneCountInString(c.Text))
	}
	return b.String()
}

func TestSplitClausesGolden(t *testing.T) {
	inputs, err := filepath.Glob(testutil.Testdata(t, "clauses", "*.input"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no inputs in testdata/clauses: %v", err)
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			cs := SplitClauses(string(data))
			checkInvariants(t, string(data), cs)
			testutil.Golden(t, strings.TrimSuffix(in, ".input")+".golden", formatClauses(cs))
		})
	}
}

// checkInvariants holds for any input: offsets address the text, IDs are unique, parents
// precede their children one level up, and clauses do not overlap.
func checkInvariants(t *testing.T, text string, cs []Clause) {
	t.Helper()
	byID := map[string]Clause{}
	end := 0
	for _, c := range cs {
		if c.Start < end || c.End < c.Start || c.End > len(text) || text[c.Start:c.End] != c.Text {
			t.Fatalf("clause %s: bad span [%d,%d) after %d", c.ID, c.Start, c.End, end)
		}
		end = c.End
		if _, dup := byID[c.ID]; dup {
			t.Fatalf("duplicate ID %s", c.ID)
		}
		if c.Parent == "" && c.Level != 1 {
			t.Fatalf("clause %s: top level but Level %d", c.ID, c.Level)
		}
		if c.Parent != "" {
			p, ok := byID[c.Parent]
			if !ok || p.Level != c.Level-1 {
				t.Fatalf("clause %s: parent %s missing or not one level up", c.ID, c.Parent)
			}
		}
		byID[c.ID] = c
	}
}

func TestSplitClausesDetails(t *testing.T) {
	text := "通知\n\u3000\u3000第十二条　【适用范围】本办法适用于全市。\n（一）包括：\n1.5倍容积率不是标题。\n(2)子项\n"
	cs := SplitClauses(text)
	got := formatClauses(cs)
	want := "序言\t1\tpreamble\t通知\t2\n" +
		"第十二条\t1\tarticle\t【适用范围】本办法适用于全市\t20\n" +
		"第十二条/(一)\t2\tsubitem\t包括\t19\n" +
		"第十二条/(一)/(2)\t3\tsubpoint\t子项\t5\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if cs[1].Number != 12 || cs[1].Label != "第十二条" || cs[2].Number != 1 || cs[3].Number != 2 {
		t.Errorf("numbers/labels: %+v", cs)
	}
}

func TestParseNumber(t *testing.T) {
	for in, want := range map[string]int{
		"一": 1, "十": 10, "十二": 12, "二十": 20, "二十三": 23, "一百": 100, "一百零一": 101,
		"两百": 200, "三千零五": 3005, "12": 12, "１２": 12, "〇": 0,
	} {
		if got := parseNumber(in); got != want {
			t.Errorf("parseNumber(%q) = %d, want %d", in, got, want)
		}
	}
	for n, want := range map[int]string{1: "一", 10: "十", 12: "十二", 20: "二十", 101: "一百零一", 110: "一百一十", 999: "九百九十九"} {
		if got := chineseNumber(n); got != want {
			t.Errorf("chineseNumber(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestSplitClausesEdges(t *testing.T) {
	if cs := SplitClauses(" \n\t"); cs != nil {
		t.Errorf("blank text: got %v", cs)
	}
	cs := SplitClauses("没有任何标题的一段文字。")
	if len(cs) != 1 || cs[0].ID != "序言" || cs[0].Text != "没有任何标题的一段文字。" {
		t.Errorf("plain text: got %+v", cs)
	}
	cs = SplitClauses("一、甲\n一、乙\n")
	if len(cs) != 2 || cs[1].ID != "一#2" {
		t.Errorf("repeated numbering: got %+v", cs)
	}
}

// TestSplitClausesSeeds runs the splitter over the office's own 工作要点 documents, which nest
// 一、（一）1. with point numbers running on across sub-items.
func TestSplitClausesSeeds(t *testing.T) {
	dir := filepath.Join(testutil.RepoRoot(t), "..", "shared", "seeds")
	for file, want := range map[string]map[string]string{
		"001_6433a19e2662c8b8.txt": {"二/(一)": "推进决策公开", "五/(一)": "提升决策预公开水平"},
		"004_ad4744f501b6ea9b.txt": {"三/(一)/3": "围绕稳定市场预期加强政策解读", "三/(二)/5": "推进网上办事服务公开"},
	} {
		t.Run(file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, file))
			if err != nil {
				t.Skipf("seed documents not found beside the repository: %v", err)
			}
			cs := SplitClauses(string(data))
			checkInvariants(t, string(data), cs)
			got := map[string]string{}
			for _, c := range cs {
				got[c.ID] = c.Heading
			}
			for id, heading := range want {
				if got[id] != heading {
					t.Errorf("clause %s: heading %q, want %q", id, got[id], heading)
				}
			}
		})
	}
}
