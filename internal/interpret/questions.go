package interpret

import (
	"context"
	"regexp"
	"strings"

	"policydesk/internal/core"
	"policydesk/internal/docimport"
)

// questionRule turns a clause about one topic into the question readers ask about it. A rule fits a clause
// whose own heading names the topic (and whose text has a text cue, when the rule has any); a rule without
// heading cues fits on the text alone. Failing those, the first clause of a chapter named for the topic.
type questionRule struct {
	headingCues []string
	textCues    []string
	question    string // {subject} is the policy's subject, {doc} its kind (办法, 规定 …)
	reason      string
	textRe      *regexp.Regexp // a text cue that is a pattern
}

// questionRules are in the order a 问答 usually runs: scope, conditions, materials, procedure, time limits,
// money, duties, prohibitions, entry into force.
var questionRules = []questionRule{
	{nil, []string{"适用于"}, "本{doc}适用于哪些情形？", "文件规定了适用范围", nil},
	{[]string{"原则"}, []string{"原则"}, "{subject}应当遵循哪些原则？", "文件规定了基本原则", nil},
	{[]string{"申请条件", "条件", "资格"}, []string{"应当具备", "符合下列条件", "同意"}, "申请{subject}需要满足哪些条件？", "文件规定了申请条件", nil},
	{[]string{"材料"}, []string{"提交", "提供"}, "办理{subject}需要提交哪些材料？", "文件列出了申请材料", nil},
	{[]string{"流程", "程序", "审批"}, nil, "{subject}的办理流程是怎样的？", "文件规定了办理程序", nil},
	{nil, []string{"工作日内", "日内", "公示期"}, "{subject}的办理时限是多久？", "文件规定了办理时限", nil},
	{nil, nil, "{subject}有哪些资金支持或费用标准？", "文件规定了金额", amountPattern},
	{nil, []string{"负责"}, "哪些部门负责{subject}工作？", "文件规定了部门职责", nil},
	{nil, []string{"不得", "禁止"}, "{subject}有哪些禁止性要求？", "文件有禁止性规定", nil},
	{nil, []string{"起施行", "有效期"}, "本{doc}什么时候开始施行？有效期多长？", "文件规定了施行日期", nil},
}

// docKinds are the endings of policy titles that name the kind of document, longest first.
var docKinds = []string{"规划管理办法", "实施细则", "实施办法", "实施意见", "若干规定", "管理办法", "暂行办法", "办法", "规定", "细则", "通知", "意见", "方案", "措施", "条例", "规则"}

var (
	amountPattern = regexp.MustCompile(`[0-9０-９零一二三四五六七八九十百千两]+\s*(?:万|亿)?元`)
	draftMark     = regexp.MustCompile(`[(（](?:征求意见稿|送审稿|试行|草案)[)）]`)
	cityPrefix    = regexp.MustCompile(`^[\p{Han}]{1,6}?(?:省|市|区|县)(?:人民政府)?`)
	manageTail    = regexp.MustCompile(`(?:规划管理|管理|实施|工作)$`)
)

// Subject reads a policy title as a subject and a document kind: "临江市既有住宅增设电梯规划管理办法(征求意见稿)"
// gives "既有住宅增设电梯" and "办法".
func Subject(title string) (subject, doc string) {
	t := strings.Trim(strings.TrimSpace(draftMark.ReplaceAllString(title, "")), "《》")
	doc = "文件"
	for _, k := range docKinds {
		if strings.HasSuffix(t, k) {
			t, doc = strings.TrimSuffix(t, k), k
			if len([]rune(k)) > 2 {
				doc = string([]rune(k)[len([]rune(k))-2:])
			}
			break
		}
	}
	if _, after, ok := strings.Cut(t, "关于"); ok {
		t = after
	} else {
		t = cityPrefix.ReplaceAllString(t, "")
	}
	t = strings.TrimSuffix(manageTail.ReplaceAllString(t, ""), "的")
	if t == "" {
		t = "本" + doc + "规定的事项"
	}
	return t, doc
}

// Questions suggests 问答 questions from the policy's structure, each with the clause it comes from and that
// clause's text as a draft answer. Each question is suggested once, from the first clause that fits.
func Questions(title, text string) []core.QuestionSuggestion {
	subject, doc := Subject(title)
	clauses := docimport.SplitClauses(text)
	headings := map[string]string{}
	for _, c := range clauses {
		headings[c.ID] = c.Heading
	}
	out := []core.QuestionSuggestion{}
	for _, r := range questionRules {
		c, ok := r.find(clauses, headings)
		if !ok {
			continue
		}
		q := strings.NewReplacer("{subject}", subject, "{doc}", doc).Replace(r.question)
		out = append(out, core.QuestionSuggestion{Question: q, Answer: answerText(c, clauses), Source: "文件结构", Clause: c.ID,
			Reason: r.reason + "(" + c.Label + ")"})
	}
	return out
}

// find returns the first clause the rule fits on its own; failing that, the first clause of a chapter
// whose heading names the topic.
func (r questionRule) find(clauses []docimport.Clause, headings map[string]string) (docimport.Clause, bool) {
	for _, byChapter := range []bool{false, true} {
		for _, c := range clauses {
			if c.Kind == docimport.KindPreamble || c.Kind == docimport.KindChapter || c.Kind == docimport.KindPart {
				continue
			}
			if byChapter && hasAny(headings[c.Parent], r.headingCues) || !byChapter && r.matches(c) {
				return c, true
			}
		}
	}
	return docimport.Clause{}, false
}

func (r questionRule) matches(c docimport.Clause) bool {
	text := r.textRe != nil && r.textRe.MatchString(c.Text) || hasAny(c.Text, r.textCues)
	if len(r.headingCues) == 0 {
		return text
	}
	return hasAny(c.Heading, r.headingCues) && (text || r.textRe == nil && len(r.textCues) == 0)
}

func hasAny(s string, cues []string) bool {
	for _, c := range cues {
		if strings.Contains(s, c) {
			return true
		}
	}
	return false
}

// answerText is a clause's text with the text of the clauses under it (the numbered list of an article),
// without its number and without a heading line of its own, on one line.
func answerText(c docimport.Clause, clauses []docimport.Clause) string {
	body := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(c.Text), c.Label))
	if first, rest, ok := strings.Cut(body, "\n"); ok && strings.TrimSpace(first) == c.Heading {
		body = rest
	}
	var children []string
	for _, d := range clauses {
		if strings.HasPrefix(d.ID, c.ID+"/") {
			children = append(children, strings.TrimSpace(d.Text))
		}
	}
	if len(children) > 0 && strings.TrimSpace(body) == c.Heading {
		body = "" // a title line such as "二、办理流程": the answer is what follows
	}
	return collapse(strings.Join(append([]string{body}, children...), " "))
}

// StructureSource is the core.QuestionSource that reads questions off a policy's own text.
type StructureSource struct {
	// Text returns the policy's title and current text.
	Text func(ctx context.Context, policyID int64) (title, text string, err error)
}

var _ core.QuestionSource = StructureSource{}

// Questions implements core.QuestionSource.
func (s StructureSource) Questions(ctx context.Context, policyID int64) ([]core.QuestionSuggestion, error) {
	title, text, err := s.Text(ctx, policyID)
	if err != nil {
		return nil, err
	}
	return Questions(title, text), nil
}

// Help builds the editor's side panel from a policy's text: its clauses, up to keywordCount keywords and its
// facts. seg may be nil while the segmenter is loading; the keywords are then left empty.
func Help(text string, seg core.Segmenter, keywordCount int) (clauses []core.Clause, keywords []core.Keyword, facts []core.PolicyFact) {
	clauses = []core.Clause{}
	for i, c := range docimport.SplitClauses(text) {
		clauses = append(clauses, core.Clause{Path: c.ID, Level: c.Level, Number: c.Label, Heading: c.Heading, Body: c.Text,
			Start: c.Start, End: c.End, Seq: i + 1})
	}
	keywords = []core.Keyword{}
	if seg != nil {
		keywords = append(keywords, seg.Keywords(text, keywordCount)...)
	}
	return clauses, keywords, Facts(text)
}
