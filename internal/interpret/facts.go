// Package interpret helps write 政策解读 from a policy's text: it pulls out the facts readers ask about
// (dates, deadlines, amounts, proportions, 适用范围, 办理流程, 申请材料) and suggests 问答 questions from the
// policy's structure. It works on plain text and knows nothing of storage or the UI.
package interpret

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"policydesk/internal/core"
	"policydesk/internal/docimport"
)

// Fact kinds with their Chinese labels.
const (
	FactDate       = "date"
	FactDeadline   = "deadline"
	FactAmount     = "amount"
	FactPercentage = "percentage"
	FactScope      = "scope"
	FactProcess    = "process"
	FactMaterials  = "materials"
)

var factLabels = map[string]string{
	FactDate: "日期", FactDeadline: "期限", FactAmount: "金额", FactPercentage: "比例",
	FactScope: "适用范围", FactProcess: "办理流程", FactMaterials: "申请材料",
}

// num is a number as policies write it: Arabic digits (half or full width) or Chinese numerals.
const num = `[0-9０-９零〇一二三四五六七八九十百千两]+`

// patterns lists the detectors in priority order: when two matches overlap, the earlier kind wins, so
// "自2027年1月1日起施行" is one deadline rather than a deadline and a date.
var patterns = []struct {
	kind string
	re   *regexp.Regexp
}{
	{FactScope, regexp.MustCompile(`本(?:办法|规定|细则|通知|意见|条例|方案|措施|规则)(?:所称[^。\n]*?，)?适用于[^。\n]*[。\n]?`)},
	{FactMaterials, regexp.MustCompile(`[^。；\n]*(?:材料|资料)(?:如下|包括)?[：:]\s*\n?(?:\s*(?:[0-9０-９]+[.、．]|[（(][0-9０-９一二三四五六七八九十]+[)）])[^\n]*\n?)+`)},
	{FactMaterials, regexp.MustCompile(`[^。；，\n]*(?:提交|提供|报送|递交)[^。；，\n]*、[^。；\n]*(?:材料|资料|申请表|证明|凭证|方案)`)},
	{FactProcess, regexp.MustCompile(`[^。；\n]*(?:→|->|—>|－>)[^。；\n]*`)},
	{FactDeadline, regexp.MustCompile(`自[^，。；\n]{1,24}?起施行`)},
	{FactDeadline, regexp.MustCompile(`有效期(?:为|至)?[^，。；\n]{1,12}`)},
	{FactDeadline, regexp.MustCompile(`(?:自[^自，。；\n]{1,12}?之日起)?` + num + `个?(?:工作日|日|天|个月|年)(?:内|以内)`)},
	{FactDeadline, regexp.MustCompile(`(?:公示期|期限|过渡期|办理时限|时限)(?:为|不少于|不超过|不得超过)?` + num + `个?(?:工作日|日|天|个月|年)`)},
	{FactDate, regexp.MustCompile(`[0-9０-９]{4}年[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?|[0-9]{4}-[0-9]{2}-[0-9]{2}`)},
	{FactAmount, regexp.MustCompile(`(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[零一二三四五六七八九十百千两]+)\s*(?:万|亿)?元`)},
	{FactPercentage, regexp.MustCompile(`[0-9０-９]+(?:[.．][0-9０-９]+)?\s*[%％]|百分之[零一二三四五六七八九十百点]+|[一二三四五六七八九十]+分之[一二三四五六七八九十]+`)},
}

// processVerbs are the steps of an administrative procedure; a phrase naming four or more of them in order
// describes the 办理流程 even without arrows (three are too often a list of duties: "负责受理和审核").
var processVerbs = []string{"申请", "受理", "审查", "审核", "审批", "公示", "决定", "核发", "办结", "送达", "登记", "发证"}

type span struct {
	kind       string
	start, end int // byte offsets
}

// Facts returns the facts of text in order of position, each with its clause path and UTF-16 offsets.
func Facts(text string) []core.PolicyFact {
	spans := findSpans(text)
	clauses := docimport.SplitClauses(text)
	u16 := utf16Index(text)
	out := []core.PolicyFact{}
	for _, s := range spans {
		s.start += len(text[s.start:s.end]) - len(strings.TrimLeft(text[s.start:s.end], " \t\n　"))
		if m := labelPrefix.FindStringIndex(text[s.start:s.end]); m != nil {
			s.start += m[1]
		}
		t := strings.TrimRight(strings.TrimSpace(text[s.start:s.end]), "，；、")
		if t == "" {
			continue
		}
		out = append(out, core.PolicyFact{Kind: s.kind, Label: factLabels[s.kind], Text: collapse(t),
			Clause: clauseAt(clauses, s.start), Start: u16[s.start], End: u16[s.end]})
	}
	return out
}

// findSpans runs the detectors and the process-verb rule, keeps the first of overlapping matches and
// sorts by position.
func findSpans(text string) []span {
	var all []span
	for _, p := range patterns {
		for _, m := range p.re.FindAllStringIndex(text, -1) {
			all = append(all, span{p.kind, m[0], m[1]})
		}
	}
	all = append(all, processSentences(text)...)
	var kept []span
	for _, s := range all {
		if !overlapsAny(kept, s) {
			kept = append(kept, s)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].start < kept[j].start })
	return kept
}

func overlapsAny(kept []span, s span) bool {
	for _, k := range kept {
		if s.start < k.end && k.start < s.end {
			return true
		}
	}
	return false
}

// minProcessSteps is how many steps in order make a phrase a procedure.
const minProcessSteps = 4

// labelPrefix is a clause number at the start of a fact, which the panel shows separately.
var labelPrefix = regexp.MustCompile(`^(?:第[零一二三四五六七八九十百千0-9]+条|[（(][一二三四五六七八九十0-9]+[)）]|[一二三四五六七八九十]+、|[0-9]+[.、．])\s*`)

// processSentences finds phrases (between 。，；) that name at least minProcessSteps procedure steps in order.
func processSentences(text string) []span {
	var out []span
	start := 0
	for i, r := range text {
		if r != '。' && r != '\n' && r != '；' && r != '，' {
			continue
		}
		if inOrderSteps(text[start:i]) >= minProcessSteps {
			out = append(out, span{FactProcess, start, i})
		}
		start = i + utf8.RuneLen(r)
	}
	if inOrderSteps(text[start:]) >= minProcessSteps {
		out = append(out, span{FactProcess, start, len(text)})
	}
	return out
}

// inOrderSteps counts the procedure steps named in s that follow each other in processVerbs order.
func inOrderSteps(s string) int {
	n, pos, last := 0, 0, -1
	for i, v := range processVerbs {
		if j := strings.Index(s[pos:], v); j >= 0 && i > last {
			n, pos, last = n+1, pos+j+len(v), i
		}
	}
	return n
}

// clauseAt names the innermost clause containing byte offset off ("" for none).
func clauseAt(clauses []docimport.Clause, off int) string {
	best := ""
	for _, c := range clauses {
		if c.Start <= off && off < c.End {
			best = c.ID
		}
	}
	return best
}

// utf16Index maps every byte offset that starts a rune (and len(s)) to its UTF-16 offset.
func utf16Index(s string) []int {
	idx := make([]int, len(s)+1)
	n := 0
	for i, r := range s {
		idx[i] = n
		n += len(utf16.Encode([]rune{r}))
	}
	idx[len(s)] = n
	return idx
}

// collapse joins the lines of a multi-line fact with single spaces, for a one-line display.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
