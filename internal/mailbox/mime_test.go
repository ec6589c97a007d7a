package mailbox

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"policydesk/internal/testutil"
)

// mailCases returns the raw mails under testdata/mailbox by case name.
func mailCases(tb testing.TB) map[string][]byte {
	tb.Helper()
	paths, err := filepath.Glob(testutil.Testdata(tb, "mailbox", "*.input"))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no mail fixtures: %v", err)
	}
	out := map[string][]byte{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		out[strings.TrimSuffix(filepath.Base(p), ".input")] = data
	}
	return out
}

// describeMail renders a parsed mail as stable text for golden comparison.
func describeMail(m Mail) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Message-ID: %s\nFrom: %s <%s>\nSubject: %s\n", m.MessageID, m.FromName, m.FromAddress, m.Subject)
	if !m.Date.IsZero() {
		fmt.Fprintf(&b, "Date: %s\n", m.Date.Format(time.RFC3339))
	}
	for _, a := range m.Attachments {
		fmt.Fprintf(&b, "Attachment: %s (%s, %d bytes, sha256 %x)\n", a.FileName, a.MimeType, len(a.Data), sha256.Sum256(a.Data))
	}
	b.WriteString("---\n")
	b.WriteString(m.Text)
	b.WriteString("\n")
	return b.String()
}

func TestParseMailGolden(t *testing.T) {
	for name, raw := range mailCases(t) {
		t.Run(name, func(t *testing.T) {
			m, err := ParseMail(raw)
			if err != nil {
				t.Fatal(err)
			}
			testutil.Golden(t, testutil.Testdata(t, "mailbox", name+".golden"), describeMail(m))
		})
	}
}

func TestParseMailRejectsGarbage(t *testing.T) {
	if _, err := ParseMail([]byte("not a mail at all")); err == nil {
		t.Error("ParseMail accepted text without headers")
	}
	nested := "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
	for i := 0; i < 12; i++ {
		nested += "--b\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
	}
	if _, err := ParseMail([]byte(nested)); err == nil {
		t.Error("ParseMail accepted multiparts nested beyond the limit")
	}
}

func TestHTMLToText(t *testing.T) {
	got := HTMLToText(`<div>第一段&amp;内容</div><p>第二段<br>换行</p><style>.x{}</style><script>var a="<p>"</script>`)
	if got != "第一段&内容\n第二段\n换行" {
		t.Errorf("HTMLToText = %q", got)
	}
}

func FuzzParseMail(f *testing.F) {
	for _, raw := range mailCases(f) {
		f.Add(raw)
	}
	f.Add([]byte("Subject: =?GBK?B?xxx?=\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n\r\n--x--"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		m, err := ParseMail(raw)
		if err != nil {
			return
		}
		if !strings.Contains(describeMail(m), "---") {
			t.Fatal("unreachable: description lost its separator")
		}
	})
}
