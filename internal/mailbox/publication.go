package mailbox

import (
	"policydesk/internal/core"
	"policydesk/internal/privacy"
	"strings"
)

// Publication masks a message and its reply: the sender's name everywhere, phones, ID numbers, e-mail
// addresses and detailed addresses. The bureau's own public numbers (officePhones) stay readable in the reply,
// since telling the citizen whom to call is the point of writing them.
func Publication(m core.Message, officePhones []string) core.PublicationPreview {
	names := []string{}
	if n := strings.TrimSpace(m.SenderName); privacy.LooksLikeName(n) {
		names = append(names, n)
	}
	opts := privacy.MaskOptions{Names: names, MaskAddresses: true}
	msg := privacy.Mask(m.Body, opts)
	reply := maskKeeping(m.ReplyBody, opts, officePhones)
	subject := privacy.Mask(m.Subject, opts)
	p := core.PublicationPreview{MessageID: m.ID, Subject: subject.Text, Message: msg.Text, Reply: reply.Text,
		MessageItems: maskedItems(append(subject.Items, msg.Items...)), ReplyItems: maskedItems(reply.Items), Problems: []string{}}
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
