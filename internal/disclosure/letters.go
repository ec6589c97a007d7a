package disclosure

import (
	"fmt"
	"strings"

	"policydesk/internal/export"
)

// The procedural letters of an application, as DOCX documents: 受理回执, 补正告知书, 延期答复告知书 and the
// 政府信息公开申请答复书. Their wording cites the 条例 (2019) and, for an answer that withholds anything, the
// remedies in the order the 行政复议法 (2023) requires (复议 first).

// Letter kinds.
const (
	LetterReceipt    = "受理回执"
	LetterCorrection = "补正告知书"
	LetterExtension  = "延期答复告知书"
	LetterAnswer     = "答复书"
	LetterThirdParty = "第三方意见征询函"
	LetterFee        = "收费通知书"
)

// Letters lists the kinds in procedural order.
var Letters = []string{LetterReceipt, LetterCorrection, LetterThirdParty, LetterFee, LetterExtension, LetterAnswer}

// LetterFacts are the particulars a letter states.
type LetterFacts struct {
	Bureau, Contact                string // the bureau and how to reach its openness office
	CaseNo, Applicant, Content     string
	Received, Due                  string // 收到申请之日, 答复期限
	CorrectionNote, CorrectionBy   string
	ExtensionReason                string
	Outcome                        int // index into Outcomes, -1 while open
	AnswerText, AnswerDate, Method string
	ReviewBody, Court              string // where to seek 行政复议 and 行政诉讼
	ThirdParty, ThirdPartyDue      string // the party consulted and the last day for its opinion
	FeeBasis                       string // 按件 / 按量
	FeeCount, FeeBefore, FeeAmount int
	FeeDue                         string
	Today                          string
	SentOn                         string // the day a 征询函 or 收费通知书 went out
}

// Letter builds one letter with the built-in text; it refuses a letter the case does not call for yet, in Chinese.
func Letter(kind string, f LetterFacts) (export.Document, error) {
	return LetterFrom(kind, f, nil)
}

// LetterFrom builds one letter with the office's templates (kind → text, TemplateKind; the built-in text for a
// kind not edited).
func LetterFrom(kind string, f LetterFacts, templates map[string]string) (export.Document, error) {
	doc := export.Document{Title: f.Bureau, Subtitle: "政府信息公开" + kind}
	to := f.Applicant + "："
	date := f.Today
	switch kind {
	case LetterReceipt:
	case LetterCorrection:
		if f.CorrectionBy == "" {
			return doc, fmt.Errorf("尚未登记补正告知（补正事项和补正期限），不能生成补正告知书")
		}
	case LetterThirdParty:
		if f.ThirdParty == "" {
			return doc, fmt.Errorf("尚未登记第三方意见征询，不能生成第三方意见征询函")
		}
		date, to = orText(f.SentOn, date), f.ThirdParty+"："
	case LetterFee:
		if f.FeeAmount <= 0 {
			return doc, fmt.Errorf("尚未登记收费通知，不能生成收费通知书")
		}
		date = orText(f.SentOn, date)
	case LetterExtension:
		if f.ExtensionReason == "" {
			return doc, fmt.Errorf("尚未登记延期答复，不能生成延期答复告知书")
		}
	case LetterAnswer:
		if f.Outcome < 0 || f.Outcome >= len(Outcomes) {
			return doc, fmt.Errorf("尚未登记答复，不能生成答复书")
		}
		date = f.AnswerDate
	default:
		return doc, fmt.Errorf("未知的文书“%s”（可生成：%s）", kind, strings.Join(Letters, "、"))
	}
	tk := TemplateKind(kind, f.Outcome)
	body, ok := templates[tk]
	if !ok || strings.TrimSpace(body) == "" {
		body = BuiltinTemplate(tk)
	}
	doc.Add(export.P(fmt.Sprintf("（%s）", f.CaseNo)), export.P(to))
	for _, p := range renderTemplate(body, letterValues(kind, f)) {
		doc.Add(export.P(p))
	}
	if f.Contact != "" {
		doc.Add(export.P("联系方式：" + f.Contact))
	}
	doc.Add(export.Sign(f.Bureau), export.Sign(cn(date)))
	return doc, nil
}

// law is how an answer names the regulations it applies.
const law = "《中华人民共和国政府信息公开条例》"

// itemBasis is the operative sentence, with its article, of each outcome of categories （四） to （六） that has one.
var itemBasis = map[string]string{
	"1.本机关不掌握相关政府信息":       "经检索，本机关没有您所申请公开的政府信息。依照" + law + "第三十六条第（四）项的规定，告知您该政府信息不存在。",
	"2.没有现成信息需要另行制作":       "经审查，您申请的信息需要本机关对现有政府信息进行加工、分析。依照" + law + "第三十八条的规定，本机关可以不予提供。",
	"3.补正后申请内容仍不明确":        "经审查，您补正后的申请内容仍不明确，本机关无法确定您所需的政府信息。依照" + law + "第三十条的规定，本机关无法提供。",
	"2.重复申请":               "本机关已就您提出的相同政府信息公开申请作出答复。依照" + law + "第三十六条第（六）项的规定，本机关不予重复处理。",
	"1.信访举报投诉类申请":          "您提出的申请属于信访、投诉、举报等诉求。依照" + law + "第三十九条第一款的规定，本机关不作为政府信息公开申请处理，可以告知您通过相应渠道提出。",
	"3.要求提供公开出版物":          "您要求提供的是公开出版物。依照" + law + "第三十九条第二款的规定，本机关可以告知您获取的途径。",
	"4.无正当理由大量反复申请":        "您申请公开政府信息的数量、频次明显超过合理范围。依照" + law + "第三十五条的规定，本机关不予处理。",
	"5.要求行政机关确认或重新出具已获取信息": "您要求本机关确认或者重新出具已获取的信息，该申请不属于" + law + "所规定的政府信息公开申请，本机关不作为政府信息公开申请处理。",
	"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请":     "您无正当理由逾期未补正申请。依照" + law + "第三十条的规定，视为放弃申请，本机关不再处理该政府信息公开申请。",
	"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请": "您逾期未按收费通知要求缴纳信息处理费。依照" + law + "第四十二条和《政府信息公开信息处理费管理办法》的规定，本机关不再处理该政府信息公开申请。",
}

// answerBasis is the answer's operative sentence with its article, by the outcome's category.
func answerBasis(outcome int) string {
	label := Outcomes[outcome]
	category, item, _ := strings.Cut(label, "/")
	if basis, ok := itemBasis[item]; ok {
		return basis
	}
	switch {
	case strings.HasPrefix(category, "（一）"):
		return "经审查，您申请的政府信息属于可以公开的政府信息。依照" + law + "第三十六条第（二）项的规定，现予以公开，具体如下。"
	case strings.HasPrefix(category, "（二）"):
		return "经审查，您申请的政府信息中含有不应当公开的内容，但能够作区分处理。依照" + law + "第三十七条的规定，本机关对可以公开的部分予以提供，" +
			"对不予公开的部分说明理由如下。"
	case strings.HasPrefix(category, "（三）"):
		return "经审查，您申请的政府信息" + stripNumber(item) + "。依照" + law + "第三十六条第（三）项的规定，本机关决定不予公开，理由如下。"
	}
	return "本机关对您的申请答复如下。"
}

// cn writes a date as 2026年11月20日.
func cn(date string) string {
	if len(date) != 10 {
		return date
	}
	return fmt.Sprintf("%s年%s月%s日", date[:4], strings.TrimLeft(date[5:7], "0"), strings.TrimLeft(date[8:], "0"))
}

func orDash(s string) string { return orText(strings.TrimSpace(s), "—") }

func orText(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}
