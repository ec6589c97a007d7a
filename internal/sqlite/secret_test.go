package sqlite_test

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/seal"
	"policydesk/internal/sqlite"
)

const imapPassword = "Jzxx#2026-Mailbox"

// fileContains reports whether any of the files holds needle; missing files hold nothing.
func fileContains(tb testing.TB, needle string, paths ...string) bool {
	tb.Helper()
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			tb.Fatal(err)
		}
		if bytes.Contains(data, []byte(needle)) {
			return true
		}
	}
	return false
}

// checkpoint moves the write-ahead log into the database file, so the file holds every row.
func checkpoint(tb testing.TB, db *sqlite.DB) {
	tb.Helper()
	if _, err := db.SQL().Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		tb.Fatal(err)
	}
}

func TestIMAPPasswordIsSealedAtRest(t *testing.T) {
	skipOnPostgres(t, "reads the SQLite file and its WAL for the password")
	f := newMailboxFixture(t)
	saved, err := f.store.SaveIMAPConfig(f.ctx, core.IMAPConfig{Host: "imap.example.org", Username: "jzxx", Password: imapPassword})
	if err != nil {
		t.Fatal(err)
	}
	if saved.Password != "" || !saved.HasPassword {
		t.Errorf("saved = %+v, want no password and HasPassword", saved)
	}
	key := filepath.Join(f.db.DataDir, seal.SecretKeyFile)
	info, err := os.Stat(key)
	if err != nil {
		t.Fatalf("no key file after the first save: %v", err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("key file mode = %v, want 0600", info.Mode().Perm())
	}
	if info.Size() != 32 {
		t.Errorf("key file size = %d, want 32", info.Size())
	}

	raw, err := f.db.Setting(f.ctx, "mailbox.imap")
	if err != nil || strings.Contains(raw, imapPassword) || !strings.Contains(raw, "sealedPassword") {
		t.Fatalf("stored setting = %s (%v)", raw, err)
	}
	checkpoint(t, f.db)
	if fileContains(t, imapPassword, f.db.Path, f.db.Path+"-wal") {
		t.Error("the database file contains the password")
	}
	backup, err := f.db.Backup(f.ctx, t.TempDir(), "manual")
	if err != nil {
		t.Fatal(err)
	}
	if fileContains(t, imapPassword, backup.Path) {
		t.Error("the backup contains the password")
	}
	if fileContains(t, string(mustRead(t, key)), backup.Path) {
		t.Error("the backup contains the key")
	}

	full, err := f.store.FetchConfig(f.ctx)
	if err != nil || full.Password != imapPassword {
		t.Fatalf("round trip: %q %v", full.Password, err)
	}
	// Saving without a password keeps the sealed one; a new password replaces it.
	saved.Port = 143
	if _, err := f.store.SaveIMAPConfig(f.ctx, saved); err != nil {
		t.Fatal(err)
	}
	if full, err = f.store.FetchConfig(f.ctx); err != nil || full.Password != imapPassword || full.Port != 143 {
		t.Fatalf("after saving without a password: %+v %v", full, err)
	}
	saved.Password = "another-secret"
	if _, err := f.store.SaveIMAPConfig(f.ctx, saved); err != nil {
		t.Fatal(err)
	}
	if full, err = f.store.FetchConfig(f.ctx); err != nil || full.Password != "another-secret" {
		t.Fatalf("after a new password: %q %v", full.Password, err)
	}
	if n := f.count(t, `SELECT COUNT(*) FROM audit_log WHERE entity = 'mailbox_imap' AND changes LIKE '%password_changed%'`); n != 2 {
		t.Errorf("audit entries recording a password change = %d, want 2 (first save, new password)", n)
	}
}

func TestIMAPPlainTextPasswordIsSealedOnSave(t *testing.T) {
	skipOnPostgres(t, "reads the SQLite file and its WAL for the password")
	f := newMailboxFixture(t)
	legacy := `{"host":"imap.example.org","port":993,"security":"tls","username":"jzxx","password":"` + imapPassword + `","mailbox":"INBOX"}`
	if _, err := f.db.SQL().Exec(`INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('mailbox.imap', ?, '', '')`, legacy); err != nil {
		t.Fatal(err)
	}
	if c, err := f.store.IMAPConfig(f.ctx); err != nil || !c.HasPassword || c.Password != "" {
		t.Fatalf("legacy row read for the UI: %+v %v", c, err)
	}
	if full, err := f.store.FetchConfig(f.ctx); err != nil || full.Password != imapPassword {
		t.Fatalf("legacy row still fetches: %q %v", full.Password, err)
	}
	c, _ := f.store.IMAPConfig(f.ctx)
	c.OnlyUnseen = true
	if _, err := f.store.SaveIMAPConfig(f.ctx, c); err != nil {
		t.Fatal(err)
	}
	if raw, _ := f.db.Setting(f.ctx, "mailbox.imap"); strings.Contains(raw, imapPassword) {
		t.Fatalf("still plain text after saving: %s", raw)
	}
	if full, err := f.store.FetchConfig(f.ctx); err != nil || full.Password != imapPassword || !full.OnlyUnseen {
		t.Fatalf("after sealing: %+v %v", full, err)
	}
	checkpoint(t, f.db)
	if fileContains(t, imapPassword, f.db.Path, f.db.Path+"-wal") {
		t.Error("the plain-text password lingers in the database file")
	}
}

func TestIMAPPasswordNeedsItsKey(t *testing.T) {
	for name, damage := range map[string]func(key string) error{
		"missing": os.Remove,
		"other":   func(key string) error { return os.WriteFile(key, bytes.Repeat([]byte{7}, 32), 0o600) },
		"damaged": func(key string) error { return os.WriteFile(key, []byte("short"), 0o600) },
	} {
		t.Run(name, func(t *testing.T) {
			f := newMailboxFixture(t)
			if _, err := f.store.SaveIMAPConfig(f.ctx, core.IMAPConfig{Host: "imap.example.org", Username: "jzxx", Password: imapPassword}); err != nil {
				t.Fatal(err)
			}
			if err := damage(filepath.Join(f.db.DataDir, seal.SecretKeyFile)); err != nil {
				t.Fatal(err)
			}
			_, err := f.store.FetchConfig(f.ctx)
			if core.ErrorCode(err) != core.EINVALID || core.ErrorField(err) != "password" || !strings.Contains(core.ErrorMessage(err), "重新填写密码") {
				t.Fatalf("fetch without the right key: %v", err)
			}
			if c, err := f.store.IMAPConfig(f.ctx); err != nil || !c.HasPassword {
				t.Errorf("the settings page still opens: %+v %v", c, err)
			}
			if name == "damaged" {
				return // a damaged key is not replaced silently; the administrator removes it
			}
			// Re-entering the password seals it anew (with a new key when the old one is gone).
			if _, err := f.store.SaveIMAPConfig(f.ctx, core.IMAPConfig{Host: "imap.example.org", Username: "jzxx", Password: imapPassword}); err != nil {
				t.Fatal(err)
			}
			if full, err := f.store.FetchConfig(f.ctx); err != nil || full.Password != imapPassword {
				t.Fatalf("after re-entering: %q %v", full.Password, err)
			}
		})
	}
}
