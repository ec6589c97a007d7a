package disclosure

import (
	"strings"
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

func TestCheckTemplate(t *testing.T) {
	refuse := answerPrefix + "不予公开"
	cases := []struct {
		name, kind, body string
		msg              string
	}{
		{"built-in receipt", LetterReceipt, BuiltinTemplate(LetterReceipt), ""},
		{"every built-in answer", answerPrefix + "部分公开", BuiltinTemplate(answerPrefix + "部分公开"), ""},
		{"edited receipt", LetterReceipt, "  {申请人}于{收到日期}提出的申请已收到。\r\n\r\n我们将于{答复期限}前答复。 ", ""},
		{"unknown kind", "通知书", "x", "未知的文书“通知书”（可编辑：受理回执、补正告知书、第三方意见征询函、收费通知书、延期答复告知书、答复书·予以公开、答复书·部分公开、答复书·不予公开、答复书·无法提供、答复书·不予处理、答复书·其他处理）"},
		{"empty", LetterReceipt, " \n ", "受理回执的正文不能为空；如需恢复，请点击“恢复默认”"},
		{"unknown placeholder", LetterReceipt, "{申请人}：您的申请{办理人}已收到。", "受理回执中的占位符“{办理人}”无法填写；可用的占位符：{机关}{编号}{申请人}{申请内容}{收到日期}{答复期限}{今天}"},
		{"another letter's placeholder", LetterReceipt, "请于{补正期限}前补正。", "受理回执中的占位符“{补正期限}”无法填写；可用的占位符：{机关}{编号}{申请人}{申请内容}{收到日期}{答复期限}{今天}"},
		{"a brace left open", LetterCorrection, "请于{补正期限前补正。", "补正告知书中有未配对的花括号“{”或“}”；占位符应写成如 {申请人}"},
		{"a refusal without remedies", refuse, "经审查，{答复依据}", "答复书·不予公开须告知申请人救济途径：请保留 {救济途径}，或写明申请行政复议的途径"},
		{"a lawsuit before 复议", refuse, "如不服，可以提起行政诉讼，也可以申请行政复议。", "答复书·不予公开须先告知申请行政复议、再告知提起行政诉讼（行政复议法第二十三条）；请调整两者的先后"},
		{"a lawsuit before the remedies placeholder", refuse, "{答复依据}\n您也可以直接提起行政诉讼。\n{救济途径}", "答复书·不予公开须先告知申请行政复议、再告知提起行政诉讼（行政复议法第二十三条）；请调整两者的先后"},
		{"复议 then 诉讼 in its own words", refuse, "{答复依据}\n如不服，可以向{复议机关}申请行政复议；对复议决定不服的，可以向{人民法院}提起行政诉讼。", ""},
		{"a full disclosure needs no remedies", answerPrefix + "予以公开", "{答复依据}\n{答复要点}", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := CheckTemplate(c.kind, c.body)
			field := ""
			code := ""
			if c.msg != "" {
				code, field = core.EINVALID, "body"
				if c.kind == "通知书" {
					field = "kind"
				}
			}
			testutil.Refusal(t, err, code, field, c.msg)
			if err == nil && (strings.Contains(got, "\r") || strings.Contains(got, "\n\n") || got != strings.TrimSpace(got)) {
				t.Errorf("not tidied: %q", got)
			}
		})
	}
}

// Generation uses the edited text; a kind not edited keeps the built-in one; an answer uses its group's.
func TestLetterFromEditedTemplates(t *testing.T) {
	f := LetterFacts{Bureau: "临江市规划和自然资源局", CaseNo: "依申请〔2026〕001号", Applicant: "陈立平", Content: "征收补偿方案",
		Received: "2026-11-20", Due: "2026-12-18", Outcome: 5, AnswerDate: "2026-12-01", Today: "2026-11-20", ReviewBody: "临江市人民政府"}
	tpl := map[string]string{
		LetterReceipt:         "{申请人}同志：本局已于{收到日期}收到您的申请（{编号}），将于{答复期限}前答复。",
		answerPrefix + "不予公开": "{答复依据}\n如不服，可以自收到本答复之日起六十日内向{复议机关}申请行政复议。",
	}
	doc, err := LetterFrom(LetterReceipt, f, tpl)
	if err != nil {
		t.Fatal(err)
	}
	if text := doc.PlainText(); !strings.Contains(text, "陈立平同志：本局已于2026年11月20日收到您的申请（依申请〔2026〕001号），将于2026年12月18日前答复。") ||
		strings.Contains(text, "第三十三条") {
		t.Errorf("receipt not from the edited text:\n%s", text)
	}
	doc, _ = LetterFrom(LetterAnswer, f, tpl)
	if text := doc.PlainText(); !strings.Contains(text, "本机关决定不予公开") || !strings.Contains(text, "向临江市人民政府申请行政复议。") ||
		strings.Contains(text, "申请公开的政府信息为") {
		t.Errorf("answer not from its group's edited text:\n%s", text)
	}
	f.Outcome = 10 // 无法提供: not edited, the built-in text
	doc, _ = LetterFrom(LetterAnswer, f, tpl)
	if text := doc.PlainText(); !strings.Contains(text, "申请公开的政府信息为：征收补偿方案") || !strings.Contains(text, "向临江市人民政府申请行政复议；对行政复议决定不服的") {
		t.Errorf("answer not from the built-in text:\n%s", text)
	}
	if TemplateKind(LetterAnswer, 1) != answerPrefix+"部分公开" || TemplateKind(LetterAnswer, 18) != answerPrefix+"其他处理" || TemplateKind(LetterFee, 3) != LetterFee {
		t.Error("template kinds")
	}
}
