package sqlite_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"policydesk/app"
	"policydesk/internal/core"
	"policydesk/internal/mailbox"
	"policydesk/internal/testutil"
)

func TestMailSaveKeepsAttachmentsAndTakesEachMailOnce(t *testing.T) {
	f := newMailboxFixture(t)
	f.at(t, "2026-11-20 11:00")
	raw, err := os.ReadFile(testutil.Testdata(t, "mailbox", "utf8_multipart_attachment.input"))
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := mailbox.ParseMail(raw)
	if err != nil {
		t.Fatal(err)
	}
	fm := mailbox.FetchedMail{UIDKey: "INBOX/7/1", UID: 1, InternalDate: now, Mail: parsed}
	if known, err := f.store.Known(f.ctx, fm.UIDKey); err != nil || known {
		t.Fatalf("known before saving: %v %v", known, err)
	}
	save := func() (bool, error) {
		mail, err := mailbox.Arrived(fm, f.store.Now())
		if err != nil {
			return false, err
		}
		return f.store.SaveMail(f.ctx, mail, nil)
	}
	added, err := save()
	if err != nil || !added {
		t.Fatalf("save: %v %v", added, err)
	}
	if known, _ := f.store.Known(f.ctx, fm.UIDKey); !known {
		t.Error("saved mail is not known by its UID")
	}
	fm.UIDKey = "INBOX/8/1" // the server renumbered its mailbox: the Message-ID still identifies the mail
	if added, err := save(); err != nil || added {
		t.Errorf("second save = %v %v", added, err)
	}
	page, err := f.store.Messages(f.ctx, core.MessageFilter{Channel: "电子邮件"})
	if err != nil || page.Total != 1 {
		t.Fatalf("mail messages = %+v %v", page, err)
	}
	d, err := f.store.Message(f.ctx, page.Items[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	m := d.Message
	if m.SenderEmail != "wangfang@example.org" || m.Subject != "举报耕地上违法建房" || m.Type != "举报" {
		t.Errorf("message = %+v", m)
	}
	// received when the bureau's server received it (INTERNALDATE), never at the sender's own Date header,
	// which is kept apart as 发信时间
	if m.ReceivedAt != "2026-11-20T09:30:00+08:00" || m.SentAt != "2026-11-20T10:30:00+08:00" {
		t.Errorf("received %s, sent %s", m.ReceivedAt, m.SentAt)
	}
	if m.State != core.MsgPending || !strings.HasPrefix(m.Body, "举报：城西村三组") {
		t.Errorf("state %s body %q", m.State, m.Body)
	}
	if len(d.Attachments) != 1 || d.Attachments[0].FileName != "违建现场照片说明.pdf" || d.Attachments[0].Size != 27 {
		t.Fatalf("attachments = %+v", d.Attachments)
	}
	name, data, err := f.store.AttachmentContent(f.ctx, d.Attachments[0].ID)
	if err != nil || name != "违建现场照片说明.pdf" || !strings.HasPrefix(string(data), "%PDF-1.4") {
		t.Errorf("attachment content = %s %q %v", name, data, err)
	}
}

func TestIMAPConfigKeepsThePasswordPrivate(t *testing.T) {
	f := newMailboxFixture(t)
	saved, err := f.store.SaveIMAPConfig(f.ctx, core.IMAPConfig{Host: "imap.example.org", Username: "jzxx", Password: "pw-123456"})
	if err != nil {
		t.Fatal(err)
	}
	if saved.Password != "" || !saved.HasPassword || saved.Port != 993 || saved.Mailbox != "INBOX" {
		t.Errorf("saved = %+v", saved)
	}
	saved.Port = 143
	saved.Security = "starttls"
	if _, err := f.store.SaveIMAPConfig(f.ctx, saved); err != nil { // empty password keeps the stored one
		t.Fatal(err)
	}
	full, err := f.store.FetchConfig(f.ctx)
	if err != nil || full.Password != "pw-123456" || full.Port != 143 {
		t.Errorf("fetch config = %+v %v", full, err)
	}
	if n := f.count(t, `SELECT COUNT(*) FROM audit_log WHERE changes LIKE '%pw-123456%'`); n != 0 {
		t.Error("the password was written to the audit trail")
	}
	if c, _ := f.store.IMAPConfig(f.ctx); c.Password != "" || !c.HasPassword || c.Security != "starttls" {
		t.Errorf("read back: %+v", c)
	}
}

func TestSimilarMessagesFindPastReplies(t *testing.T) {
	f := newMailboxFixture(t)
	svc := app.NewMailboxService(f.store, nil, mbSegmenter{}, t.TempDir(), func(string, ...any) {}, nil)
	f.at(t, "2026-11-02 09:00")
	past := []struct{ body, reply string }{
		{"请问不动产权证书遗失了怎么补办？", "证书遗失的，可持身份证到登记大厅申请补证，登报声明后办理。"},
		{"举报城西村有人在耕地上违建厂房", "经现场核查，已责令停止建设并立案查处。"},
		{"建议增加公交线路", "您的建议已转交交通部门研究。"},
	}
	for _, p := range past {
		m := f.create(t, core.MessageInput{Body: p.body})
		f.forward(t, m.ID, "有关部门", p.reply)
	}
	f.clock.Advance(24 * time.Hour)
	open := f.create(t, core.MessageInput{Body: "我的不动产权证书丢了，补办需要什么手续"})
	got, err := svc.SimilarMessages(open.ID, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 || !strings.HasPrefix(got[0].Reply, "证书遗失的") {
		t.Fatalf("similar = %+v", got)
	}
	for _, s := range got {
		if s.ID == open.ID || s.Score <= 0 || s.Score > 1.000001 {
			t.Errorf("bad hit %+v", s)
		}
	}
}

// The last fetch's time and outcome are kept apart from the account, and shown with it.
func TestLastFetchOutcome(t *testing.T) {
	f := newMailboxFixture(t)
	c, err := f.store.SaveIMAPConfig(f.ctx, core.IMAPConfig{Host: "imap.linjiang.gov.cn", Username: "jzxx", Password: "Mima-2026",
		FetchEveryMinutes: 15, LastFetchAt: "2020-01-01T00:00:00+08:00", LastFetchResult: "伪造"})
	if err != nil || c.FetchEveryMinutes != 15 {
		t.Fatalf("save: %+v %v", c, err)
	}
	if got, _ := f.store.IMAPConfig(f.ctx); got.LastFetchAt != "" || got.FetchEveryMinutes != 15 {
		t.Errorf("a saved account carries no fetch of its own: %+v", got)
	}
	if err := f.store.SaveFetchOutcome(f.ctx, "服务器上3封，新收取2条留言"); err != nil {
		t.Fatal(err)
	}
	got, err := f.store.IMAPConfig(f.ctx)
	if err != nil || got.LastFetchResult != "服务器上3封，新收取2条留言" || !strings.HasPrefix(got.LastFetchAt, "2026-11-20T") {
		t.Errorf("last fetch: %q %q %v", got.LastFetchAt, got.LastFetchResult, err)
	}
}
