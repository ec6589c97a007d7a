package mailbox

import (
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

// fixedKeywords is a segmenter whose keywords are the listed words found in the text, in list order.
type fixedKeywords []string

func (f fixedKeywords) Cut(text string) []string { return nil }

func (f fixedKeywords) Keywords(text string, n int) []core.Keyword {
	return testutil.ListedKeywords(f, text, n)
}

func TestPolicyQuestions(t *testing.T) {
	seg := fixedKeywords{"加装电梯", "补助", "既有住宅", "办法", "业主", "申请"}
	title := "临江市既有住宅加装电梯财政补助办法"
	text := "第一条 为推进既有住宅加装电梯工作……第八条 补助标准……第十条 业主申请补助应当提交……"
	msgs := []AskedMessage{
		{ID: 9, Subject: "加装电梯补助标准是多少", Body: "我们小区想加装电梯，每台补助多少钱？"},
		{ID: 8, Subject: "加装电梯补助标准是多少？", Body: "老旧小区加装电梯有补助吗"},
		{ID: 7, Subject: "咨询", Body: "你好。加装电梯需要全体业主同意吗？谢谢。"},
		{ID: 6, Subject: "加装电梯扰民", Body: "楼上加装电梯施工噪音太大。"},        // not a question
		{ID: 5, Subject: "不动产登记需要多久？", Body: "请问办理不动产登记需要多长时间？"}, // another subject
		{ID: 4, Subject: "补助申请", Body: "申请补助要准备什么材料？"},           // 补助 from the title and 申请 from the text
		{ID: 3, Subject: "业主申请", Body: "业主申请需要什么材料？"},            // shares only body words, none from the title
	}
	got := PolicyQuestions(seg, title, text, msgs, 5)
	if len(got) != 3 {
		t.Fatalf("got %d suggestions: %+v", len(got), got)
	}
	if got[0].Question != "加装电梯补助标准是多少？" || got[0].Reason != "2条留言问到" || len(got[0].MessageIDs) != 2 || got[0].MessageIDs[0] != 9 {
		t.Errorf("most asked first: %+v", got[0])
	}
	if got[1].Question != "加装电梯需要全体业主同意吗？" || got[1].Source != "局长信箱" {
		t.Errorf("a question from the body: %+v", got[1])
	}
	if got[2].Question != "申请补助要准备什么材料？" {
		t.Errorf("third: %+v", got[2])
	}
	if len(PolicyQuestions(seg, title, text, msgs, 1)) != 1 || len(PolicyQuestions(nil, title, text, msgs, 5)) != 0 {
		t.Error("bounds")
	}
}

func TestAskedQuestionWording(t *testing.T) {
	for in, want := range map[string]string{
		"您好，请问加装电梯补助标准是多少": "加装电梯补助标准是多少？",
		"加装电梯补助标准是多少？？":    "加装电梯补助标准是多少？",
		"请问": "请问？", // nothing after the opening: kept as written
	} {
		if got := withQuestionMark(in); got != want {
			t.Errorf("withQuestionMark(%q) = %q, want %q", in, got, want)
		}
	}
	if askedQuestion(AskedMessage{Subject: "加装电梯扰民", Body: "施工噪音太大。"}) != "" {
		t.Error("a complaint asks no question")
	}
}
