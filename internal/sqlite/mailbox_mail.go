package sqlite

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"

	"policydesk/internal/core"
)

const imapSettingsKey = "mailbox.imap"

// imapPasswordPurpose binds the sealed password to this setting.
const imapPasswordPurpose = "policydesk mailbox.imap password"

// storedIMAP is the mail account as kept in the settings table: the password sealed with the data
// directory's key (SealedPassword). Password holds a plain-text password only in rows written before
// passwords were sealed; the next save seals it.
type storedIMAP struct {
	core.IMAPConfig
	SealedPassword string `json:"sealedPassword,omitempty"`
}

func readStoredIMAP(tx *Tx) (storedIMAP, error) {
	var st storedIMAP
	raw, err := tx.getSetting(imapSettingsKey)
	if err != nil || raw == "" {
		return st, err
	}
	return st, json.Unmarshal([]byte(raw), &st)
}

func (s *MailboxStore) storedIMAP(ctx context.Context) (storedIMAP, error) {
	return inRead(ctx, s.db, func(tx *Tx) (storedIMAP, error) {
		return readStoredIMAP(tx)
	})
}

// IMAPConfig returns the mail account without its password (HasPassword says whether one is stored), with
// the last fetch's time and outcome.
func (s *MailboxStore) IMAPConfig(ctx context.Context) (core.IMAPConfig, error) {
	st, err := s.storedIMAP(ctx)
	c := st.IMAPConfig
	c.HasPassword, c.Password = c.Password != "" || st.SealedPassword != "", ""
	if err != nil {
		return c, err
	}
	var last lastFetch
	err = s.db.readSetting(ctx, lastFetchKey, &last)
	c.LastFetchAt, c.LastFetchResult = last.At, last.Result
	return c, err
}

// lastFetchKey keeps when the last mail fetch ended and what it did.
const lastFetchKey = "mail.last_fetch"

type lastFetch struct {
	At     string `json:"at"`
	Result string `json:"result"`
}

// SaveFetchOutcome records that a fetch ended now and what it did (a Chinese sentence), for the settings page
// and the scheduler.
func (s *MailboxStore) SaveFetchOutcome(ctx context.Context, result string) error {
	return s.db.write(ctx, func(tx *Tx) error {
		data, err := json.Marshal(lastFetch{At: tx.Now().Format(time.RFC3339), Result: result})
		if err != nil {
			return err
		}
		if err := tx.setSetting(lastFetchKey, string(data)); err != nil {
			return err
		}
		return nil
	})
}

// FetchConfig is the stored account with its password, for the fetcher only; never send it to the UI.
func (s *MailboxStore) FetchConfig(ctx context.Context) (core.IMAPConfig, error) {
	st, err := s.storedIMAP(ctx)
	if err != nil {
		return st.IMAPConfig, err
	}
	c := st.IMAPConfig
	if err := s.db.rules.Mailbox.CheckFetchConfig(c); err != nil {
		return c, err
	}
	if st.SealedPassword != "" {
		if c.Password, err = s.sealer.Open(imapPasswordPurpose, st.SealedPassword); err != nil {
			return c, err
		}
	}
	c.HasPassword = c.Password != ""
	return c, nil
}

// SaveIMAPConfig stores the mail account. An empty password keeps the stored one; a password is stored
// sealed (a plain-text one from an older version is sealed now). The audit entry records which fields
// changed but never the password's value.
func (s *MailboxStore) SaveIMAPConfig(ctx context.Context, c core.IMAPConfig) (core.IMAPConfig, error) {
	c, err := s.db.rules.Mailbox.NormalizeIMAP(c)
	if err != nil {
		return c, err
	}
	var st storedIMAP
	err = s.db.write(ctx, func(tx *Tx) error {
		old, err := readStoredIMAP(tx)
		if err != nil {
			return err
		}
		st = storedIMAP{IMAPConfig: c, SealedPassword: old.SealedPassword}
		st.Password, st.HasPassword = "", false
		if plain := cmp.Or(c.Password, old.Password); plain != "" {
			if st.SealedPassword, err = s.sealer.Seal(imapPasswordPurpose, plain); err != nil {
				return err
			}
		}
		if old.Password != "" && !tx.pg() {
			// The plain-text password is overwritten in place: without secure_delete its bytes would linger
			// in the page's free space, and so in the file. (On PostgreSQL the old row version lingers until
			// VACUUM reclaims it.)
			if _, err := tx.ExecContext(ctx, `PRAGMA secure_delete = ON`); err != nil {
				return err
			}
		}
		data, err := json.Marshal(st)
		if err != nil {
			return err
		}
		if err := tx.setSetting(imapSettingsKey, string(data)); err != nil {
			return err
		}
		changed := c.Password != "" && c.Password != s.plainPassword(old)
		imap := func(c core.IMAPConfig, passwordChanged bool) Columns {
			return Columns{{"host", c.Host}, {"port", c.Port}, {"security", c.Security}, {"username", c.Username}, {"mailbox", c.Mailbox},
				{"only_unseen", c.OnlyUnseen}, {"since_uid", c.SinceUID}, {"insecure_tls", c.InsecureTLS}, {"password_changed", passwordChanged}}
		}
		if cs := diff(imap(old.IMAPConfig, false), imap(c, changed)); len(cs) > 0 {
			return tx.audit("update", "mailbox_imap", 1, "修改收件邮箱设置", cs)
		}
		return nil
	})
	if err != nil {
		return c, err
	}
	c.HasPassword, c.Password = st.SealedPassword != "", ""
	return c, nil
}

// plainPassword is the stored password in clear, "" when there is none or it cannot be opened.
func (s *MailboxStore) plainPassword(st storedIMAP) string {
	if st.SealedPassword == "" {
		return st.Password
	}
	plain, err := s.sealer.Open(imapPasswordPurpose, st.SealedPassword)
	if err != nil {
		return ""
	}
	return plain
}

// Known reports whether the mail with this mailbox/UIDVALIDITY/UID was taken before.
func (s *MailboxStore) Known(ctx context.Context, uidKey string) (bool, error) {
	var n int
	err := s.db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM messages WHERE mail_uid = ?`, uidKey).Scan(&n)
	return n > 0, err
}

// SaveMail stores a fetched mail as a message (channel 电子邮件, mailbox.Arrived) with its attachments, routed
// on arrival by its match (nil: 待分办). A mail whose Message-ID is already stored (the same mail in another folder, or re-sent by the
// server under a new UIDVALIDITY) is not taken again.
func (s *MailboxStore) SaveMail(ctx context.Context, fm core.ArrivedMail, match *core.MatchResult) (bool, error) {
	return inWrite(ctx, s.db, func(tx *Tx) (bool, error) {
		if fm.MessageID != "" {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM messages WHERE message_id = ?`, fm.MessageID).Scan(&n); err != nil || n > 0 {
				return false, err
			}
		}
		in, at, err := s.db.rules.Mailbox.ValidateInput(fm.Input, tx.Now())
		if err != nil {
			return false, err
		}
		rc, err := s.routing(ctx, tx)
		if err != nil {
			return false, err
		}
		id, _, err := tx.insertMessage(ctx, rc, newMessage{in: in, received: at, mailUID: fm.UIDKey, msgID: fm.MessageID, match: match})
		if isUniqueViolation(err) {
			return false, nil
		} else if err != nil {
			return false, err
		}
		if !fm.Sent.IsZero() { // the sender's own date, shown as 发信时间
			if _, err := tx.ExecContext(ctx, `UPDATE messages SET sent_at = ? WHERE id = ?`,
				fm.Sent.In(core.Shanghai).Format(TimeLayout), id); err != nil {
				return false, err
			}
		}
		for _, a := range fm.Attachments {
			sum := sha256.Sum256(a.Data)
			if _, err := tx.ExecContext(ctx, `INSERT INTO attachments (subject_type, subject_id, file_name, mime_type, size, sha256, content, created_at)
				VALUES ('message', ?, ?, ?, ?, ?, ?, ?)`, id, a.FileName, a.MimeType, len(a.Data), hex.EncodeToString(sum[:]), a.Data, tx.Stamp()); err != nil {
				return false, err
			}
		}
		summary := "收取邮件留言 “" + msgExcerpt(orNone(in.Subject, in.Body), 20) + "”"
		if err := tx.audit("create", "message", id, summary, []Change{{Field: "mail_uid", New: fm.UIDKey}, {Field: "message_id", New: fm.MessageID}}); err != nil {
			return false, err
		}
		return true, nil
	})
}

func orNone(s, none string) string {
	if s == "" {
		return none
	}
	return s
}
