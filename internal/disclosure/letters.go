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

// Letter builds one letter; it refuses a letter the case does not call for yet, in Chinese.
func Letter(kind string, f LetterFacts) (export.Document, error) {
	doc := export.Document{Title: f.Bureau, Subtitle: "政府信息公开" + kind}
	ref := fmt.Sprintf("（%s）", f.CaseNo)
	to := f.Applicant + "："
	date := f.Today
	switch kind {
	case LetterReceipt:
		doc.Add(export.P(ref), export.P(to),
			export.P(fmt.Sprintf("本机关于%s收到您提出的政府信息公开申请，申请公开的政府信息为：%s。", cn(f.Received), f.Content)),
			export.P(fmt.Sprintf("依照《中华人民共和国政府信息公开条例》第三十三条的规定，本机关将在收到申请之日起20个工作日内（即%s前）予以答复；"+
				"需要延长答复期限的，将另行告知。", cn(f.Due))))
	case LetterCorrection:
		if f.CorrectionBy == "" {
			return doc, fmt.Errorf("尚未登记补正告知（补正事项和补正期限），不能生成补正告知书")
		}
		doc.Add(export.P(ref), export.P(to),
			export.P(fmt.Sprintf("本机关于%s收到您提出的政府信息公开申请（申请内容：%s）。经审查，您的申请内容不明确，"+
				"依照《中华人民共和国政府信息公开条例》第三十条的规定，请您对以下事项作出补正：", cn(f.Received), f.Content)),
			export.P(orDash(f.CorrectionNote)),
			export.P(fmt.Sprintf("请于%s前提交补正后的申请。答复期限自本机关收到补正的申请之日起计算；无正当理由逾期不补正的，视为放弃申请，"+
				"本机关不再处理该政府信息公开申请。", cn(f.CorrectionBy))))
	case LetterThirdParty:
		if f.ThirdParty == "" {
			return doc, fmt.Errorf("尚未登记第三方意见征询，不能生成第三方意见征询函")
		}
		date = orText(f.SentOn, date)
		doc.Add(export.P(ref), export.P(f.ThirdParty+"："),
			export.P(fmt.Sprintf("本机关于%s收到政府信息公开申请，申请公开的政府信息为：%s。经审查，该政府信息可能涉及贵方的商业秘密、"+
				"个人隐私等合法权益，公开后可能损害贵方合法权益。", cn(f.Received), f.Content)),
			export.P(fmt.Sprintf("依照《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求贵方意见。请于收到本函之日起15个工作日内"+
				"（即%s前）书面提出是否同意公开的意见及理由；逾期未提出意见的，由本机关依照条例的规定决定是否公开。", cn(f.ThirdPartyDue))),
			export.P("第三方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，"+
				"并将决定公开的政府信息内容和理由书面告知第三方。征求意见所需时间不计算在答复期限内。"))
	case LetterFee:
		if f.FeeAmount <= 0 {
			return doc, fmt.Errorf("尚未登记收费通知，不能生成收费通知书")
		}
		date = orText(f.SentOn, date)
		unit := "件"
		if f.FeeBasis == string(PerVolume) {
			unit = "页"
		}
		doc.Add(export.P(ref), export.P(to),
			export.P(fmt.Sprintf("本机关于%s收到您提出的政府信息公开申请，申请公开的政府信息为：%s。", cn(f.Received), f.Content)),
			export.P(fmt.Sprintf("依照《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，"+
				"本申请%s计收：本申请计%d%s，您本月此前已申请%d%s，应缴纳信息处理费人民币%d元。", f.FeeBasis, f.FeeCount, unit, f.FeeBefore, unit, f.FeeAmount)),
			export.P(fmt.Sprintf("请于%s前按所附缴款书通过非税收入收缴渠道缴纳，本机关不直接收取费用。自本通知发出之日至缴费之日，不计算在答复期限内；"+
				"逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。", cn(f.FeeDue))))
	case LetterExtension:
		if f.ExtensionReason == "" {
			return doc, fmt.Errorf("尚未登记延期答复，不能生成延期答复告知书")
		}
		doc.Add(export.P(ref), export.P(to),
			export.P(fmt.Sprintf("本机关于%s收到您提出的政府信息公开申请（申请内容：%s）。因%s，本机关无法在规定期限内答复。",
				cn(f.Received), f.Content, strings.TrimRight(f.ExtensionReason, "。"))),
			export.P(fmt.Sprintf("依照《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，"+
				"答复期限延长至%s。", cn(f.Due))))
	case LetterAnswer:
		if f.Outcome < 0 || f.Outcome >= len(Outcomes) {
			return doc, fmt.Errorf("尚未登记答复，不能生成答复书")
		}
		date = f.AnswerDate
		doc.Add(export.P(ref), export.P(to),
			export.P(fmt.Sprintf("本机关于%s收到您提出的政府信息公开申请，申请公开的政府信息为：%s。", cn(f.Received), f.Content)),
			export.P(answerBasis(f.Outcome)))
		if t := strings.TrimSpace(f.AnswerText); t != "" {
			doc.Add(export.P(t))
		}
		if Adverse(f.Outcome) {
			doc.Add(export.P(RemedyNotice(orText(f.ReviewBody, "本机关的上一级行政机关或者本级人民政府"), orText(f.Court, "有管辖权的人民法院"))))
		}
	default:
		return doc, fmt.Errorf("未知的文书“%s”（可生成：%s）", kind, strings.Join(Letters, "、"))
	}
	if f.Contact != "" {
		doc.Add(export.P("联系方式：" + f.Contact))
	}
	doc.Add(export.Sign(f.Bureau), export.Sign(cn(date)))
	return doc, nil
}

// answerBasis is the answer's operative sentence with its article, by the outcome's category.
func answerBasis(outcome int) string {
	label := Outcomes[outcome]
	category, item, _ := strings.Cut(label, "/")
	const law = "《中华人民共和国政府信息公开条例》"
	switch {
	case strings.HasPrefix(category, "（一）"):
		return "经审查，您申请的政府信息属于可以公开的政府信息。依照" + law + "第三十六条第（二）项的规定，现予以公开，具体如下。"
	case strings.HasPrefix(category, "（二）"):
		return "经审查，您申请的政府信息中含有不应当公开的内容，但能够作区分处理。依照" + law + "第三十七条的规定，本机关对可以公开的部分予以提供，" +
			"对不予公开的部分说明理由如下。"
	case strings.HasPrefix(category, "（三）"):
		return "经审查，您申请的政府信息" + stripNumber(item) + "。依照" + law + "第三十六条第（三）项的规定，本机关决定不予公开，理由如下。"
	case item == "1.本机关不掌握相关政府信息":
		return "经检索，本机关没有您所申请公开的政府信息。依照" + law + "第三十六条第（四）项的规定，告知您该政府信息不存在。"
	case item == "2.没有现成信息需要另行制作":
		return "经审查，您申请的信息需要本机关对现有政府信息进行加工、分析。依照" + law + "第三十八条的规定，本机关可以不予提供。"
	case item == "3.补正后申请内容仍不明确":
		return "经审查，您补正后的申请内容仍不明确，本机关无法确定您所需的政府信息。依照" + law + "第三十条的规定，本机关无法提供。"
	case item == "2.重复申请":
		return "本机关已就您提出的相同政府信息公开申请作出答复。依照" + law + "第三十六条第（六）项的规定，本机关不予重复处理。"
	case item == "1.信访举报投诉类申请":
		return "您提出的申请属于信访、投诉、举报等诉求。依照" + law + "第三十九条第一款的规定，本机关不作为政府信息公开申请处理，可以告知您通过相应渠道提出。"
	case item == "3.要求提供公开出版物":
		return "您要求提供的是公开出版物。依照" + law + "第三十九条第二款的规定，本机关可以告知您获取的途径。"
	case item == "4.无正当理由大量反复申请":
		return "您申请公开政府信息的数量、频次明显超过合理范围。依照" + law + "第三十五条的规定，本机关不予处理。"
	case item == "5.要求行政机关确认或重新出具已获取信息":
		return "您要求本机关确认或者重新出具已获取的信息，该申请不属于" + law + "所规定的政府信息公开申请，本机关不作为政府信息公开申请处理。"
	case strings.HasPrefix(item, "1.申请人无正当理由逾期不补正"):
		return "您无正当理由逾期未补正申请。依照" + law + "第三十条的规定，视为放弃申请，本机关不再处理该政府信息公开申请。"
	case strings.HasPrefix(item, "2.申请人逾期未按收费通知"):
		return "您逾期未按收费通知要求缴纳信息处理费。依照" + law + "第四十二条和《政府信息公开信息处理费管理办法》的规定，本机关不再处理该政府信息公开申请。"
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
