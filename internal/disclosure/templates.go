package disclosure

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"policydesk/internal/core"
)

// The letters' wording is a template the office may edit in 设置 (stored per bureau): one paragraph a line,
// with placeholders in braces ({申请人}, {收到日期} …) filled from the case when the letter is generated. The
// heading, the case number, the addressee, the contact line and the signature stay as the law's form has them.

// Answer templates are one per result group of table 三; the operative sentence of the precise result (its
// article) is the placeholder {答复依据}.
const answerPrefix = LetterAnswer + "·"

// TemplateKinds lists the editable letters in procedural order.
var TemplateKinds = []string{LetterReceipt, LetterCorrection, LetterThirdParty, LetterFee, LetterExtension,
	answerPrefix + "予以公开", answerPrefix + "部分公开", answerPrefix + "不予公开", answerPrefix + "无法提供",
	answerPrefix + "不予处理", answerPrefix + "其他处理"}

// Placeholders every letter may use.
var commonPlaceholders = []string{"机关", "编号", "申请人", "申请内容", "收到日期", "答复期限", "今天"}

// placeholders a kind may use besides the common ones.
var kindPlaceholders = map[string][]string{
	LetterReceipt:    {},
	LetterCorrection: {"补正事项", "补正期限"},
	LetterThirdParty: {"第三方", "第三方意见期限", "发函日期"},
	LetterFee:        {"计收方式", "数量", "单位", "本月此前数量", "金额", "缴费期限", "发函日期"},
	LetterExtension:  {"延期理由", "延长后期限"},
}

const answerPlaceholders = "答复依据 答复要点 救济途径 答复日期 复议机关 人民法院"

// Placeholders lists what a kind's template may use, in braces.
func Placeholders(kind string) []string {
	names := slices.Clone(commonPlaceholders)
	if strings.HasPrefix(kind, answerPrefix) {
		names = append(names, strings.Fields(answerPlaceholders)...)
	} else {
		names = append(names, kindPlaceholders[kind]...)
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "{" + n + "}"
	}
	return out
}

// builtinTemplates are the letters as the 条例 and 109号 have them written; an edited template replaces one,
// ResetTemplate returns to it.
var builtinTemplates = map[string]string{
	LetterReceipt: "本机关于{收到日期}收到您提出的政府信息公开申请，申请公开的政府信息为：{申请内容}。\n" +
		"依照《中华人民共和国政府信息公开条例》第三十三条的规定，本机关将在收到申请之日起20个工作日内（即{答复期限}前）予以答复；需要延长答复期限的，将另行告知。",
	LetterCorrection: "本机关于{收到日期}收到您提出的政府信息公开申请（申请内容：{申请内容}）。经审查，您的申请内容不明确，" +
		"依照《中华人民共和国政府信息公开条例》第三十条的规定，请您对以下事项作出补正：\n{补正事项}\n" +
		"请于{补正期限}前提交补正后的申请。答复期限自本机关收到补正的申请之日起计算；无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。",
	LetterThirdParty: "本机关于{收到日期}收到政府信息公开申请，申请公开的政府信息为：{申请内容}。经审查，该政府信息可能涉及贵方的商业秘密、" +
		"个人隐私等合法权益，公开后可能损害贵方合法权益。\n" +
		"依照《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求贵方意见。请于收到本函之日起15个工作日内" +
		"（即{第三方意见期限}前）书面提出是否同意公开的意见及理由；逾期未提出意见的，由本机关依照条例的规定决定是否公开。\n" +
		"第三方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，" +
		"并将决定公开的政府信息内容和理由书面告知第三方。征求意见所需时间不计算在答复期限内。",
	LetterFee: "本机关于{收到日期}收到您提出的政府信息公开申请，申请公开的政府信息为：{申请内容}。\n" +
		"依照《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，" +
		"本申请{计收方式}计收：本申请计{数量}{单位}，您本月此前已申请{本月此前数量}{单位}，应缴纳信息处理费人民币{金额}元。\n" +
		"请于{缴费期限}前按所附缴款书通过非税收入收缴渠道缴纳，本机关不直接收取费用。自本通知发出之日至缴费之日，不计算在答复期限内；" +
		"逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。",
	LetterExtension: "本机关于{收到日期}收到您提出的政府信息公开申请（申请内容：{申请内容}）。因{延期理由}，本机关无法在规定期限内答复。\n" +
		"依照《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长至{延长后期限}。",
}

func init() {
	answer := "本机关于{收到日期}收到您提出的政府信息公开申请，申请公开的政府信息为：{申请内容}。\n{答复依据}\n{答复要点}"
	for _, k := range TemplateKinds {
		if strings.HasPrefix(k, answerPrefix) {
			builtinTemplates[k] = answer
			if k != answerPrefix+"予以公开" {
				builtinTemplates[k] = answer + "\n{救济途径}"
			}
		}
	}
}

// BuiltinTemplate is a kind's text as PolicyDesk ships it.
func BuiltinTemplate(kind string) string { return builtinTemplates[kind] }

// TemplateKind is the template a letter of kind uses for a case with outcome: an answer's result group.
func TemplateKind(kind string, outcome int) string {
	if kind != LetterAnswer || outcome < 0 || outcome >= len(Outcomes) {
		return kind
	}
	group, _, _ := strings.Cut(Outcomes[outcome], "/")
	group = strings.TrimLeft(group, "（一二三四五六）")
	if i := strings.Index(group, "（"); i > 0 {
		group = group[:i]
	}
	return answerPrefix + group
}

var placeholder = regexp.MustCompile(`\{([^{}]*)\}`)

// CheckTemplate checks an edited letter before it is saved: a known kind, some text, every placeholder one the
// kind can fill (an unknown one is refused naming it), no brace left open, and in an answer that refuses or
// limits disclosure the remedies in the order the 行政复议法 (2023) requires: 行政复议 named (or {救济途径}),
// and before 行政诉讼 where both are named.
func CheckTemplate(kind, body string) (string, error) {
	if !slices.Contains(TemplateKinds, kind) {
		return "", core.FieldErrorf(core.EINVALID, "kind", "未知的文书“%s”（可编辑：%s）", kind, strings.Join(TemplateKinds, "、"))
	}
	var lines []string
	for _, l := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	body = strings.Join(lines, "\n")
	if body == "" {
		return "", core.FieldErrorf(core.EINVALID, "body", "%s的正文不能为空；如需恢复，请点击“恢复默认”", kind)
	}
	allowed := Placeholders(kind)
	for _, m := range placeholder.FindAllString(body, -1) {
		if !slices.Contains(allowed, m) {
			return "", core.FieldErrorf(core.EINVALID, "body", "%s中的占位符“%s”无法填写；可用的占位符：%s", kind, m, strings.Join(allowed, ""))
		}
	}
	if rest := placeholder.ReplaceAllString(body, ""); strings.ContainsAny(rest, "{}") {
		return "", core.FieldErrorf(core.EINVALID, "body", "%s中有未配对的花括号“{”或“}”；占位符应写成如 {申请人}", kind)
	}
	if strings.HasPrefix(kind, answerPrefix) && kind != answerPrefix+"予以公开" {
		text := strings.ReplaceAll(body, "{救济途径}", RemedyNotice("{复议机关}", "{人民法院}"))
		review, suit := strings.Index(text, "行政复议"), strings.Index(text, "行政诉讼")
		switch {
		case review < 0:
			return "", core.FieldErrorf(core.EINVALID, "body", "%s须告知申请人救济途径：请保留 {救济途径}，或写明申请行政复议的途径", kind)
		case suit >= 0 && suit < review:
			return "", core.FieldErrorf(core.EINVALID, "body", "%s须先告知申请行政复议、再告知提起行政诉讼（行政复议法第二十三条）；请调整两者的先后", kind)
		}
	}
	return body, nil
}

// renderTemplate fills a template's placeholders and returns its paragraphs; a line left empty (a blank
// {答复要点}) is dropped.
func renderTemplate(body string, values map[string]string) []string {
	var out []string
	for _, l := range strings.Split(body, "\n") {
		l = placeholder.ReplaceAllStringFunc(l, func(m string) string { return values[m[1:len(m)-1]] })
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// letterValues are the placeholders' values for a case.
func letterValues(kind string, f LetterFacts) map[string]string {
	v := map[string]string{"机关": f.Bureau, "编号": f.CaseNo, "申请人": f.Applicant, "申请内容": f.Content, "收到日期": cn(f.Received),
		"答复期限": cn(f.Due), "今天": cn(f.Today), "补正事项": orDash(f.CorrectionNote), "补正期限": cn(f.CorrectionBy),
		"第三方": f.ThirdParty, "第三方意见期限": cn(f.ThirdPartyDue), "发函日期": cn(f.SentOn),
		"计收方式": f.FeeBasis, "数量": fmt.Sprint(f.FeeCount), "本月此前数量": fmt.Sprint(f.FeeBefore), "金额": fmt.Sprint(f.FeeAmount),
		"缴费期限": cn(f.FeeDue), "单位": "件", "延期理由": strings.TrimRight(f.ExtensionReason, "。"), "延长后期限": cn(f.Due),
		"答复要点": strings.TrimSpace(f.AnswerText), "答复日期": cn(f.AnswerDate),
		"复议机关": orText(f.ReviewBody, "本机关的上一级行政机关或者本级人民政府"), "人民法院": orText(f.Court, "有管辖权的人民法院")}
	if f.FeeBasis == string(PerVolume) {
		v["单位"] = "页"
	}
	if kind == LetterAnswer && f.Outcome >= 0 && f.Outcome < len(Outcomes) {
		v["答复依据"] = answerBasis(f.Outcome)
		if Adverse(f.Outcome) {
			v["救济途径"] = RemedyNotice(v["复议机关"], v["人民法院"])
		}
	}
	return v
}
