package mailbox

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"policydesk/internal/core"
)

// AskedMessage is a 局长信箱 message read for the questions citizens ask about a policy.
type AskedMessage = core.MessageText

// policySubjectWords is how many of a policy's keywords say what it is about.
const policySubjectWords = 8

// genericPolicyWords say what kind of document a policy is, not what it is about.
var genericPolicyWords = map[string]bool{"办法": true, "规定": true, "实施": true, "细则": true, "管理": true, "若干": true,
	"意见": true, "通知": true, "暂行": true, "试行": true, "关于": true, "印发": true, "实施方案": true, "方案": true}

// PolicyQuestions offers, for a policy's 问答, the questions citizens actually ask about it in the 局长信箱: the
// messages that share at least two of the policy's subject words (its strongest keywords, one of them from its
// title), grouped by the question they ask, the most asked first, each with how many messages ask it and which.
// At most n suggestions; the question is the message's own (its subject when that is a question, else the
// first question in its text).
func PolicyQuestions(seg core.Segmenter, title, text string, msgs []AskedMessage, n int) []core.QuestionSuggestion {
	out := []core.QuestionSuggestion{}
	if seg == nil || n <= 0 {
		return out
	}
	titleWords := map[string]bool{}
	for _, k := range seg.Keywords(title, policySubjectWords) {
		if !genericPolicyWords[k.Word] && len([]rune(k.Word)) >= 2 {
			titleWords[k.Word] = true
		}
	}
	subject := map[string]bool{}
	for w := range titleWords {
		subject[w] = true
	}
	for _, k := range seg.Keywords(title+"\n"+text, policySubjectWords) {
		if !genericPolicyWords[k.Word] && len([]rune(k.Word)) >= 2 {
			subject[k.Word] = true
		}
	}
	if len(titleWords) == 0 {
		return out
	}
	type group struct {
		question string
		ids      []int64
		first    int
	}
	groups := map[string]*group{}
	for i, m := range msgs {
		content := m.Subject + "\n" + m.Body
		shared, fromTitle := 0, false
		for w := range subject {
			if strings.Contains(content, w) {
				shared++
				fromTitle = fromTitle || titleWords[w]
			}
		}
		if shared < 2 || !fromTitle {
			continue
		}
		q := askedQuestion(m)
		if q == "" {
			continue
		}
		key := questionKey(q)
		g := groups[key]
		if g == nil {
			g = &group{question: q, first: i}
			groups[key] = g
		}
		g.ids = append(g.ids, m.ID)
	}
	list := make([]*group, 0, len(groups))
	for _, g := range groups {
		list = append(list, g)
	}
	sort.Slice(list, func(i, j int) bool {
		if len(list[i].ids) != len(list[j].ids) {
			return len(list[i].ids) > len(list[j].ids)
		}
		return list[i].first < list[j].first // the messages come newest first
	})
	for _, g := range list[:min(n, len(list))] {
		out = append(out, core.QuestionSuggestion{Question: g.question, Source: "局长信箱",
			Reason: fmt.Sprintf("%d条留言问到", len(g.ids)), MessageIDs: g.ids})
	}
	return out
}

// questionCues mark a sentence as a question even without a question mark.
var questionCues = []string{"吗", "如何", "怎么", "怎样", "哪些", "哪里", "多少", "是否", "能否", "可否", "什么", "何时", "多久", "有没有", "能不能", "可不可以"}

func isQuestion(s string) bool {
	if strings.ContainsAny(s, "？?") {
		return true
	}
	for _, c := range questionCues {
		if strings.Contains(s, c) {
			return true
		}
	}
	return false
}

// askedQuestion is the question a message asks: its subject when that is one, else the first question in its
// text, ending with a full-width question mark; "" when it asks none.
func askedQuestion(m AskedMessage) string {
	subject := strings.TrimSpace(m.Subject)
	if subject != "" && isQuestion(subject) {
		return withQuestionMark(subject)
	}
	for _, s := range splitSentences(m.Body) {
		if isQuestion(s) && len([]rune(s)) >= 6 && len([]rune(s)) <= 60 {
			return withQuestionMark(s)
		}
	}
	return ""
}

func splitSentences(text string) []string {
	var out []string
	var b strings.Builder
	for _, r := range text {
		b.WriteRune(r)
		if strings.ContainsRune("。！？?!\n；;", r) {
			if s := strings.TrimSpace(b.String()); s != "" {
				out = append(out, s)
			}
			b.Reset()
		}
	}
	if s := strings.TrimSpace(b.String()); s != "" {
		out = append(out, s)
	}
	return out
}

// politeOpenings are dropped from the start of a question: "请问加装电梯…" asks what "加装电梯…" asks.
var politeOpenings = []string{"您好", "你好", "请问一下", "请问", "想问一下", "想咨询一下", "咨询一下", "我想问", "问一下"}

func withQuestionMark(s string) string {
	s = strings.TrimSpace(s)
	for changed := true; changed; {
		changed = false
		for _, p := range politeOpenings {
			if rest, ok := strings.CutPrefix(s, p); ok && rest != "" {
				s, changed = strings.TrimLeft(strings.TrimSpace(rest), "，,：:！!。 "), true
			}
		}
	}
	s = strings.TrimRight(s, "。！!？?，,；;…")
	return s + "？"
}

// questionKey groups questions asked in the same words, whatever the punctuation and spacing.
func questionKey(q string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, q)
}
