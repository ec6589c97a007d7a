package applog

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoggedTextIsMasked(t *testing.T) {
	cases := []struct {
		name    string
		log     func(*slog.Logger)
		secret  []string // must not be in the file
		visible []string // must be in the file
	}{
		{"mobile in the message", func(l *slog.Logger) { l.Info("来信人电话13912345678无法接通") },
			[]string{"13912345678"}, []string{"无法接通"}},
		{"id number in an error", func(l *slog.Logger) {
			l.Error("unexpected error", "err", fmt.Errorf("import row 3: %w", errors.New("身份证号 110101199003071234 重复")))
		}, []string{"110101199003071234"}, []string{"import row 3", "重复"}},
		{"name after a cue", func(l *slog.Logger) { l.Warn("mail fetch", "subject", "村干部黄明辉不作为") },
			[]string{"黄明辉"}, []string{"村干部"}},
		{"secret keys are withheld", func(l *slog.Logger) {
			l.Info("connect", "password", "hunter2secret", "imap_secret", "abc123def", "session_token", "tok-42")
		}, []string{"hunter2secret", "abc123def", "tok-42"}, []string{Withheld}},
		{"bound attributes and groups", func(l *slog.Logger) {
			l.With("email", "zhang.san@example.com").Info("sent", slog.Group("to", "phone", "020-83456789"))
		}, []string{"zhang.san@example.com", "83456789"}, []string{"sent"}},
		{"bytes are counted, not written", func(l *slog.Logger) { l.Info("upload", "data", []byte("13800001111")) },
			[]string{"13800001111"}, []string{"[11 字节]"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			c.log(NewFileLogger(&buf))
			out := buf.String()
			for _, s := range c.secret {
				if strings.Contains(out, s) {
					t.Errorf("log keeps %q:\n%s", s, out)
				}
			}
			for _, s := range c.visible {
				if !strings.Contains(out, s) {
					t.Errorf("log lost %q:\n%s", s, out)
				}
			}
		})
	}
}

func TestLongValuesAreCut(t *testing.T) {
	var buf bytes.Buffer
	NewFileLogger(&buf).Info("body", "text", strings.Repeat("长", 10*maxValue))
	if n := strings.Count(buf.String(), "长"); n != maxValue {
		t.Errorf("value kept %d characters, want %d", n, maxValue)
	}
}

func TestStartWritesTheFileAndRestoresTheDefault(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "logs")
	before := slog.Default()
	stop, err := Start(dir)
	if err != nil {
		t.Fatal(err)
	}
	slog.Error("daily backup failed", "err", errors.New("disk full at 18612345678"))
	stop()
	if slog.Default() != before {
		t.Error("stop did not restore the previous default logger")
	}
	data, err := os.ReadFile(filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "daily backup failed") || strings.Contains(string(data), "18612345678") {
		t.Errorf("log file:\n%s", data)
	}
	if st, _ := os.Stat(dir); st.Mode().Perm() != 0o700 {
		t.Errorf("log folder mode %v, want 0700", st.Mode().Perm())
	}
}
