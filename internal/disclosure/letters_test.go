package disclosure

import (
	"fmt"
	"strings"
	"testing"

	"policydesk/internal/testutil"
)

func TestLetters(t *testing.T) {
	f := LetterFacts{Bureau: "临江市规划和自然资源局", CaseNo: "依申请〔2026〕001号", Applicant: "陈立平", Content: "征收补偿方案",
		Received: "2026-11-20", Due: "2026-12-18", Outcome: -1, Today: "2026-11-20"}
	text := func(kind string, f LetterFacts) (string, error) {
		doc, err := Letter(kind, f)
		return doc.PlainText(), err
	}
	cases := []struct {
		name string
		kind string
		edit func(*LetterFacts)
		want []string // "" first means refused
	}{
		{"receipt", LetterReceipt, nil, []string{"2026年11月20日收到", "第三十三条", "2026年12月18日前"}},
		{"correction before it is recorded", LetterCorrection, nil, []string{""}},
		{"correction", LetterCorrection, func(f *LetterFacts) { f.CorrectionNote, f.CorrectionBy = "请写明地块位置", "2026-12-04" }, []string{"第三十条", "请写明地块位置", "2026年12月4日前", "视为放弃申请"}},
		{"extension", LetterExtension, func(f *LetterFacts) { f.ExtensionReason, f.Due = "需征求第三方意见", "2027-01-19" }, []string{"第三十三条第二款", "2027年1月19日"}},
		{"answer before it is recorded", LetterAnswer, nil, []string{""}},
		{"disclosed: no remedies", LetterAnswer, func(f *LetterFacts) { f.Outcome, f.AnswerDate = 0, "2026-12-01" }, []string{"第三十六条第（二）项", "2026年12月1日"}},
		{"withheld: 复议 first", LetterAnswer, func(f *LetterFacts) { f.Outcome, f.AnswerDate, f.ReviewBody = 5, "2026-12-01", "临江市人民政府" },
			[]string{"保护第三方合法权益", "第三十六条第（三）项", "向临江市人民政府申请行政复议；对行政复议决定不服的"}},
		{"not held", LetterAnswer, func(f *LetterFacts) { f.Outcome, f.AnswerDate = 10, "2026-12-01" }, []string{"第三十六条第（四）项", "行政复议"}},
		{"unknown kind", "通知书", nil, []string{""}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g := f
			if tc.edit != nil {
				tc.edit(&g)
			}
			got, err := text(tc.kind, g)
			if tc.want[0] == "" {
				if err == nil {
					t.Fatalf("not refused:\n%s", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("lacks %q:\n%s", w, got)
				}
			}
			if tc.kind == LetterAnswer && g.Outcome == 0 && strings.Contains(got, "行政复议") {
				t.Errorf("a full disclosure names remedies:\n%s", got)
			}
		})
	}
}

// The two letters of a suspended count, as their text is filed: 第三方意见征询函 (第三十二条) and 收费通知书 (109号).
func TestSuspensionLettersGolden(t *testing.T) {
	f := LetterFacts{Bureau: "临江市规划和自然资源局", Contact: "临江市滨江路1号　0571-88000000", CaseNo: "依申请〔2025〕031号",
		Applicant: "陈立平", Content: "滨江地块土地出让合同及其补充协议", Received: "2025-09-26", Outcome: -1, Today: "2025-10-20",
		ThirdParty: "临江滨江置业有限公司", ThirdPartyDue: "2025-10-28", SentOn: "2025-09-30"}
	var b strings.Builder
	for _, kind := range []string{LetterThirdParty, LetterFee} {
		g := f
		if kind == LetterFee {
			g.FeeBasis, g.FeeCount, g.FeeBefore, g.FeeAmount, g.FeeDue, g.SentOn = "按件", 3, 10, 300, "2025-11-10", "2025-10-13"
		}
		doc, err := Letter(kind, g)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString("==== " + kind + "\n" + doc.PlainText() + "\n")
	}
	for _, kind := range []string{LetterThirdParty, LetterFee} {
		if _, err := Letter(kind, LetterFacts{Outcome: -1}); err == nil {
			t.Errorf("%s without its step is not refused", kind)
		}
	}
	testutil.Golden(t, testutil.Testdata(t, "disclosure", "suspension-letters.golden.txt"), b.String())
}

// Every letter as the built-in text writes it (receipt, 补正, extension and an answer of each result group).
func TestLettersGolden(t *testing.T) {
	f := LetterFacts{Bureau: "临江市规划和自然资源局", Contact: "临江市滨江路1号　0571-88000000", CaseNo: "依申请〔2026〕014号",
		Applicant: "周文斌", Content: "滨江街道集体土地征收补偿安置方案及批复文件", Received: "2026-11-17", Due: "2026-12-15", Outcome: -1,
		Today: "2026-11-20", CorrectionNote: "请写明征收项目名称或地块位置", CorrectionBy: "2026-12-04", ExtensionReason: "需征求第三方意见。"}
	var b strings.Builder
	add := func(title, kind string, g LetterFacts) {
		doc, err := Letter(kind, g)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString("==== " + title + "\n" + doc.PlainText() + "\n")
	}
	for _, kind := range []string{LetterReceipt, LetterCorrection, LetterExtension} {
		add(kind, kind, f)
	}
	for _, outcome := range []int{0, 1, 5, 10, 14, 18} {
		g := f
		g.Outcome, g.AnswerDate, g.AnswerText = outcome, "2026-12-10", "答复要点：补偿安置方案予以公开。"
		add(fmt.Sprintf("%s %s", LetterAnswer, Outcomes[outcome]), LetterAnswer, g)
	}
	testutil.Golden(t, testutil.Testdata(t, "disclosure", "letters.golden.txt"), b.String())
}
