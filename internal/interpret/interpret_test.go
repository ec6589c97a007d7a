package interpret

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

// render writes facts and questions as the golden files hold them.
func render(title, text string) string {
	var b strings.Builder
	b.WriteString("## 事实\n")
	for _, f := range Facts(text) {
		fmt.Fprintf(&b, "[%s] %s | %s\n", f.Label, f.Clause, f.Text)
	}
	b.WriteString("\n## 问题\n")
	for _, q := range Questions(title, text) {
		fmt.Fprintf(&b, "%s | %s\n    %s\n", q.Clause, q.Question, q.Answer)
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	testutil.GoldenFiles(t, testutil.Testdata(t, "interpretation", "*.input"), func(t *testing.T, text string) string {
		title, _, _ := strings.Cut(text, "\n")
		return render(title, text)
	})
}

func TestFactOffsetsAreUTF16(t *testing.T) {
	text := "𠀀第一条 本办法自2027年1月1日起施行。"
	facts := Facts(text)
	if len(facts) != 1 {
		t.Fatalf("facts = %+v", facts)
	}
	u := utf16.Encode([]rune(text))
	if got := string(utf16.Decode(u[facts[0].Start:facts[0].End])); got != "自2027年1月1日起施行" {
		t.Errorf("UTF-16 span = %q", got)
	}
}

func TestNotFacts(t *testing.T) {
	// 文号 years, 单元 and plain ordinals are not facts a reader asks about.
	for _, text := range []string{"临规划资源规字〔2020〕3号", "本单元业主", "第十二条 附则", "三楼东户"} {
		if fs := Facts(text); len(fs) != 0 {
			t.Errorf("Facts(%q) = %+v", text, fs)
		}
	}
}

func TestSubject(t *testing.T) {
	cases := []struct{ title, subject, doc string }{
		{"临江市既有住宅增设电梯规划管理办法(征求意见稿)", "既有住宅增设电梯", "办法"},
		{"临江市城市更新实施办法", "城市更新", "办法"},
		{"临江市不动产登记若干规定", "不动产登记", "规定"},
		{"关于优化不动产登记办理流程的通知", "优化不动产登记办理流程", "通知"},
	}
	for _, c := range cases {
		if s, d := Subject(c.title); s != c.subject || d != c.doc {
			t.Errorf("Subject(%q) = %q, %q; want %q, %q", c.title, s, d, c.subject, c.doc)
		}
	}
}

type fixedKeywords struct{}

func (fixedKeywords) Cut(text string) []string { return strings.Fields(text) }
func (fixedKeywords) Keywords(string, int) []core.Keyword {
	return []core.Keyword{{Word: "加装电梯", Weight: 2}}
}

func TestHelp(t *testing.T) {
	clauses, kws, facts := Help("第一条 本办法适用于本市。\n第二条 每台补助15万元。\n", fixedKeywords{}, 10)
	if len(clauses) != 2 || clauses[1].Path != "第二条" || len(kws) != 1 || len(facts) != 2 {
		t.Fatalf("clauses %+v keywords %+v facts %+v", clauses, kws, facts)
	}
	if _, kws, _ := Help("第一条 本办法适用于本市。", nil, 10); kws == nil || len(kws) != 0 {
		t.Errorf("no segmenter: keywords = %#v, want empty", kws)
	}
}
