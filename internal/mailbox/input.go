package mailbox

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"

	"policydesk/internal/core"
)

// DedupKey identifies a message by its sender and text, so the same message imported twice is recognised
// even without an external id. Whitespace is ignored because website exports re-wrap lines.
func DedupKey(sender, body string) string {
	norm := func(s string) string { return strings.Join(strings.Fields(s), "") }
	sum := sha256.Sum256([]byte(norm(sender) + "\x00" + norm(body)))
	return hex.EncodeToString(sum[:16])
}

// ParseTime reads the times staff and exports write: dates, minutes or seconds, with - / . or 年月日.
func ParseTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	s = strings.NewReplacer("年", "-", "月", "-", "日", " ", "/", "-", ".", "-", "T", " ").Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	for _, layout := range []string{"2006-1-2 15:4:5", "2006-1-2 15:4", "2006-1-2", "2006-01-02 15:04:05-07:00", "2006-01-02 15:04:05Z07:00"} {
		if t, err := time.ParseInLocation(layout, s, core.Shanghai); err == nil {
			return t.In(core.Shanghai), true
		}
	}
	return time.Time{}, false
}

// ValidateInput normalises a message input and reports the first problem in Chinese; now is used when
// no time of receipt was given.
func ValidateInput(in core.MessageInput, now time.Time) (core.MessageInput, time.Time, error) {
	trim := func(p *string) { *p = strings.TrimSpace(*p) }
	for _, p := range []*string{&in.ExternalID, &in.Channel, &in.ReceivedAt, &in.SenderName, &in.SenderPhone,
		&in.SenderEmail, &in.SenderAddress, &in.Subject, &in.Type} {
		trim(p)
	}
	in.Body = strings.TrimSpace(strings.ReplaceAll(in.Body, "\r\n", "\n"))
	if in.Body == "" {
		return in, time.Time{}, core.FieldErrorf(core.EINVALID, "body", "缺少留言内容")
	}
	if in.Channel == "" {
		in.Channel = "网站"
	}
	if !ValidChannel(in.Channel) {
		return in, time.Time{}, core.FieldErrorf(core.EINVALID, "channel", "留言渠道“%s”不正确，应为%s之一", in.Channel, strings.Join(core.MessageChannels, "、"))
	}
	if in.Type == "" {
		in.Type = SuggestType(in.Subject + "\n" + in.Body)
	}
	if !ValidType(in.Type) {
		return in, time.Time{}, core.FieldErrorf(core.EINVALID, "type", "留言类型“%s”不正确，应为%s之一", in.Type, strings.Join(core.MessageTypes, "、"))
	}
	received := now
	if in.ReceivedAt != "" {
		t, ok := ParseTime(in.ReceivedAt)
		if !ok {
			return in, time.Time{}, core.FieldErrorf(core.EINVALID, "receivedAt", "留言时间“%s”无法识别(应为2026-11-20 09:30这样的格式)", in.ReceivedAt)
		}
		if t.After(now.Add(24 * time.Hour)) {
			return in, time.Time{}, core.FieldErrorf(core.EINVALID, "receivedAt", "留言时间“%s”晚于当前时间", in.ReceivedAt)
		}
		received = t
	}
	in.ReceivedAt = received.Format(core.TimeLayout)
	return in, received, nil
}

// MailInput is the message a fetched mail becomes: received when the server says it arrived (never the
// sender's Date header), an empty body noted as such.
func MailInput(fm FetchedMail, now time.Time) (core.MessageInput, time.Time, error) {
	received := ReceiptTime(fm.InternalDate, now)
	body := fm.Mail.Text
	if strings.TrimSpace(body) == "" {
		body = "(邮件无正文，请查看附件)"
	}
	return ValidateInput(core.MessageInput{
		Channel: "电子邮件", ReceivedAt: received.In(core.Shanghai).Format(time.RFC3339), SenderName: fm.Mail.FromName,
		SenderEmail: fm.Mail.FromAddress, Subject: fm.Mail.Subject, Body: body,
	}, now)
}

// Arrived is a fetched mail as the store keeps it: the message it becomes (MailInput), its server identity,
// the sender's own date and the attachments.
func Arrived(fm FetchedMail, now time.Time) (core.ArrivedMail, error) {
	in, _, err := MailInput(fm, now)
	if err != nil {
		return core.ArrivedMail{}, err
	}
	a := core.ArrivedMail{Input: in, UIDKey: fm.UIDKey, MessageID: fm.Mail.MessageID, Sent: fm.Mail.Date}
	for _, f := range fm.Mail.Attachments {
		a.Attachments = append(a.Attachments, core.MailFile{FileName: f.FileName, MimeType: f.MimeType, Data: f.Data})
	}
	return a, nil
}
