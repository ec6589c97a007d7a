package mailbox

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"policydesk/internal/core"
)

// FetchedMail is one mail taken from the server: where it came from and what it says.
type FetchedMail struct {
	UIDKey       string // mailbox/UIDVALIDITY/UID: identifies the mail on this server for good
	UID          uint32
	InternalDate time.Time
	Mail         Mail
}

// MailSink is where fetched mails go. Known is asked before a mail's body is downloaded, so mails taken
// before cost one round trip each at most; Save stores a new mail and reports false for one already
// stored under its Message-ID.
type MailSink interface {
	Known(ctx context.Context, uidKey string) (bool, error)
	Save(ctx context.Context, m FetchedMail) (bool, error)
}

// fetchBatch is how many mails one FETCH asks for.
const fetchBatch = 20

// NormalizeIMAP fills defaults and checks a configuration. The password is checked for presence only.
func NormalizeIMAP(c core.IMAPConfig) (core.IMAPConfig, error) {
	c.Host, c.Username, c.Mailbox = strings.TrimSpace(c.Host), strings.TrimSpace(c.Username), strings.TrimSpace(c.Mailbox)
	c.Security = strings.ToLower(strings.TrimSpace(c.Security))
	if c.Security == "" {
		c.Security = "tls"
	}
	if c.Mailbox == "" {
		c.Mailbox = "INBOX"
	}
	switch c.Security {
	case "tls":
		if c.Port == 0 {
			c.Port = 993
		}
	case "starttls", "plain":
		if c.Port == 0 {
			c.Port = 143
		}
	default:
		return c, core.FieldErrorf(core.EINVALID, "security", "连接方式应为 tls、starttls 或 plain")
	}
	switch {
	case c.Host == "":
		return c, core.FieldErrorf(core.EINVALID, "host", "请填写邮件服务器地址")
	case c.Port < 1 || c.Port > 65535:
		return c, core.FieldErrorf(core.EINVALID, "port", "端口应在1至65535之间")
	case c.Username == "":
		return c, core.FieldErrorf(core.EINVALID, "username", "请填写邮箱用户名")
	case c.FetchEveryMinutes < 0 || c.FetchEveryMinutes > MaxFetchEveryMinutes:
		return c, core.FieldErrorf(core.EINVALID, "fetchEveryMinutes", "自动收取间隔应在0(不自动收取)至%d分钟之间", MaxFetchEveryMinutes)
	}
	c.LastFetchAt, c.LastFetchResult = "", "" // kept apart, by the fetcher
	return c, nil
}

// DefaultFetchEveryMinutes is the scheduled fetch's interval a new mail account starts with.
const DefaultFetchEveryMinutes = 10

// MaxFetchEveryMinutes is the longest interval (a day).
const MaxFetchEveryMinutes = 1440

// FetchDue reports whether a scheduled fetch is due at now: an interval is set and at least that many minutes
// have passed since the last fetch ended (a fetch never run is due; a last fetch in the future — a clock set
// back — is treated as just now).
func FetchDue(everyMinutes int, last, now time.Time) bool {
	if everyMinutes <= 0 {
		return false
	}
	if last.IsZero() {
		return true
	}
	return now.Sub(last) >= time.Duration(everyMinutes)*time.Minute
}

func dial(c core.IMAPConfig) (*imapclient.Client, error) {
	addr := net.JoinHostPort(c.Host, strconv.Itoa(c.Port))
	opts := &imapclient.Options{
		WordDecoder: wordDecoder,
		TLSConfig:   &tls.Config{ServerName: c.Host, InsecureSkipVerify: c.InsecureTLS, MinVersion: tls.VersionTLS12},
		Dialer:      &net.Dialer{Timeout: 15 * time.Second},
	}
	switch c.Security {
	case "tls":
		return imapclient.DialTLS(addr, opts)
	case "starttls":
		return imapclient.DialStartTLS(addr, opts)
	}
	return imapclient.DialInsecure(addr, opts)
}

// Fetch takes new mails from the configured mailbox into sink. Mails are read with BODY.PEEK, so the
// server's \Seen flags are left as they were. It stops between mails when ctx is cancelled and reports
// what it did so far. The password appears in no log line and no error.
func Fetch(ctx context.Context, c core.IMAPConfig, sink MailSink, progress func(core.FetchProgress), log *slog.Logger) (core.FetchResult, error) {
	res := core.FetchResult{Errors: []string{}}
	c, err := NormalizeIMAP(c)
	if err != nil {
		return res, err
	}
	if c.Password == "" {
		return res, core.FieldErrorf(core.EINVALID, "password", "请填写邮箱密码")
	}
	if log == nil {
		log = slog.Default()
	}
	log = log.With("host", c.Host, "port", c.Port, "security", c.Security, "user", c.Username, "mailbox", c.Mailbox)
	client, err := dial(c)
	if err != nil {
		log.Warn("imap connect failed", "err", err)
		return res, core.Errorf(core.EINVALID, "无法连接邮件服务器 %s:%d：%v", c.Host, c.Port, err)
	}
	defer client.Close()
	stop := context.AfterFunc(ctx, func() { client.Close() })
	defer stop()

	if err := client.Login(c.Username, c.Password).Wait(); err != nil {
		log.Warn("imap login failed")
		return res, core.Errorf(core.EINVALID, "邮箱登录失败，请检查用户名和密码")
	}
	sel, err := client.Select(c.Mailbox, &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		return res, cancelled(ctx, &res, core.Errorf(core.EINVALID, "无法打开邮件夹“%s”：%v", c.Mailbox, err))
	}
	criteria := &imap.SearchCriteria{}
	if c.OnlyUnseen {
		criteria.NotFlag = []imap.Flag{imap.FlagSeen}
	}
	if c.SinceUID > 0 {
		var set imap.UIDSet
		set.AddRange(imap.UID(c.SinceUID+1), 0) // 0 stands for "*"
		criteria.UID = []imap.UIDSet{set}
	}
	found, err := client.UIDSearch(criteria, nil).Wait()
	if err != nil {
		return res, cancelled(ctx, &res, fmt.Errorf("imap search: %w", err))
	}
	var uids []imap.UID
	for _, u := range found.AllUIDs() {
		if uint32(u) > c.SinceUID { // "n:*" always matches the last mail, even below n
			uids = append(uids, u)
		}
	}
	res.Found = len(uids)
	log.Info("imap fetch", "found", res.Found, "uidvalidity", sel.UIDValidity)
	report := func() {
		if progress != nil {
			progress(core.FetchProgress{Done: res.Added + res.Skipped + res.Failed, Total: res.Found})
		}
	}
	report()
	for start := 0; start < len(uids); start += fetchBatch {
		if ctx.Err() != nil {
			res.Cancelled = true
			return res, nil
		}
		batch := uids[start:min(start+fetchBatch, len(uids))]
		var todo []imap.UID
		for _, u := range batch {
			known, err := sink.Known(ctx, uidKey(c.Mailbox, sel.UIDValidity, u))
			if err != nil {
				return res, err
			}
			if known {
				res.Skipped++
			} else {
				todo = append(todo, u)
			}
			res.LastUID = max(res.LastUID, uint32(u))
		}
		if err := fetchMails(ctx, client, c.Mailbox, sel.UIDValidity, todo, sink, &res, log); err != nil {
			return res, cancelled(ctx, &res, err)
		}
		report()
		if res.Cancelled {
			return res, nil
		}
	}
	if err := client.Logout().Wait(); err != nil {
		log.Debug("imap logout", "err", err)
	}
	return res, nil
}

// cancelled turns an error caused by closing the connection on cancellation into a cancelled result.
func cancelled(ctx context.Context, res *core.FetchResult, err error) error {
	if ctx.Err() != nil {
		res.Cancelled = true
		return nil
	}
	return err
}

func uidKey(mailbox string, validity uint32, uid imap.UID) string {
	return fmt.Sprintf("%s/%d/%d", mailbox, validity, uid)
}

func fetchMails(ctx context.Context, client *imapclient.Client, mailbox string, validity uint32, uids []imap.UID,
	sink MailSink, res *core.FetchResult, log *slog.Logger) error {
	if len(uids) == 0 {
		return nil
	}
	section := &imap.FetchItemBodySection{Peek: true}
	msgs, err := client.Fetch(imap.UIDSetNum(uids...), &imap.FetchOptions{UID: true, InternalDate: true,
		BodySection: []*imap.FetchItemBodySection{section}}).Collect()
	if err != nil {
		return fmt.Errorf("imap fetch: %w", err)
	}
	for _, msg := range msgs {
		if ctx.Err() != nil {
			res.Cancelled = true
			return nil
		}
		key := uidKey(mailbox, validity, msg.UID)
		parsed, err := ParseMail(msg.FindBodySection(section))
		if err != nil {
			res.Failed++
			res.Errors = append(res.Errors, fmt.Sprintf("UID %d：%s", msg.UID, core.ErrorMessage(err)))
			log.Warn("mail unreadable", "uid", msg.UID, "err", err)
			continue
		}
		added, err := sink.Save(ctx, FetchedMail{UIDKey: key, UID: uint32(msg.UID), InternalDate: msg.InternalDate, Mail: parsed})
		var de *core.Error
		switch {
		case errors.As(err, &de):
			res.Failed++
			res.Errors = append(res.Errors, fmt.Sprintf("UID %d(%s)：%s", msg.UID, parsed.Subject, de.Message))
		case err != nil:
			return err
		case added:
			res.Added++
		default:
			res.Skipped++
		}
	}
	return nil
}
