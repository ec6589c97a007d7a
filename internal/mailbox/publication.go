package mailbox

import (
	"policydesk/internal/core"
	"policydesk/internal/privacy"
	"strings"
)

// Publication masks a message and its reply: the sender's name everywhere, phones, ID numbers, e-mail
// addresses and detailed addresses. The bureau's own public numbers (officePhones) stay readable in the reply,
// since telling the citizen whom to call is the point of writing them.
//
// tagged are the words of subject, message and reply with their part-of-speech tags: names written with no
// cue around them (关伟强反映…) are found there. kept are the items staff decided to publish as written (CheckMaskKeep): they stay where they stand whole.
func Publication(m core.Message, officePhones []string, kept []core.MaskKeep, tagged []core.TaggedWord) core.PublicationPreview {
	names := []string{}
	if n := strings.TrimSpace(m.SenderName); privacy.LooksLikeName(n) {
		names = append(names, n)
	}
	opts := privacy.MaskOptions{Names: names, Tagged: privacy.NamesFromTags(tagged), MaskAddresses: true}
	for _, k := range kept {
		opts.Keep = append(opts.Keep, k.Original)
	}
	msg := privacy.Mask(m.Body, opts)
	reply := maskKeeping(m.ReplyBody, opts, officePhones)
	subject := privacy.Mask(m.Subject, opts)
	p := core.PublicationPreview{MessageID: m.ID, Subject: subject.Text, Message: msg.Text, Reply: reply.Text,
		MessageItems: maskedItems(append(subject.Items, msg.Items...)), ReplyItems: maskedItems(reply.Items), Problems: []string{},
		Kept: append([]core.MaskKeep{}, kept...)}
	if m.State != core.MsgReplied {
		p.Problems = append(p.Problems, "只有已答复(审核通过)的留言可以公开，当前状态为“"+m.State+"”")
	}
	if !m.AgreePublish {
		p.Problems = append(p.Problems, "留言人未同意公开")
	}
	for _, text := range []string{p.Subject, p.Message, p.Reply} {
		for _, f := range privacy.Scan(text) {
			if f.Severity == privacy.SeverityBlock {
				p.Problems = append(p.Problems, "遮盖后仍含"+f.Label+"：“"+f.Context+"”")
			}
		}
	}
	p.CanPublish = len(p.Problems) == 0
	return p
}

// maskKeeping masks text but leaves the given public numbers as written where they stand whole (digit-bounded).
func maskKeeping(text string, opts privacy.MaskOptions, keep []string) privacy.MaskResult {
	opts.Keep = append(append([]string(nil), opts.Keep...), keep...)
	return privacy.Mask(text, opts)
}

func maskedItems(items []privacy.Masked) []core.MaskedItem {
	out := make([]core.MaskedItem, 0, len(items))
	for _, it := range items {
		out = append(out, core.MaskedItem{Kind: it.Kind, Label: it.Label, Original: it.Original, Replacement: it.Replacement})
	}
	return out
}

// minKeepReason is the shortest reason a kept item may have: a word or two says nothing of why.
const minKeepReason = 4

// CheckMaskKeep checks a request to publish one masked item of the preview p as written: the item must be one
// the preview masks, it may not be a 密级 mark, and the reason must say why (at least minKeepReason
// characters). It returns the item to record.
func CheckMaskKeep(in core.MaskKeepInput, p core.PublicationPreview) (core.MaskKeep, error) {
	in.Original, in.Reason = strings.TrimSpace(in.Original), strings.TrimSpace(in.Reason)
	if len([]rune(in.Reason)) < minKeepReason {
		return core.MaskKeep{}, core.FieldErrorf(core.EINVALID, "reason", "请写明保留原文的理由(至少%d个字)，例如“公众人物姓名”“商户经营地址”", minKeepReason)
	}
	for _, it := range append(append([]core.MaskedItem{}, p.MessageItems...), p.ReplyItems...) {
		if it.Original != in.Original {
			continue
		}
		if it.Kind == privacy.KindClassification {
			return core.MaskKeep{}, core.Errorf(core.EFORBID, "密级标志不能公开")
		}
		return core.MaskKeep{MessageID: in.MessageID, Original: it.Original, Kind: it.Kind, Label: it.Label, Reason: in.Reason}, nil
	}
	return core.MaskKeep{}, core.FieldErrorf(core.EINVALID, "original", "“%s”不在本条留言将隐去的个人信息中", in.Original)
}
