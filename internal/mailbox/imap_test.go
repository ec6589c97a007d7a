package mailbox

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2/imapclient"

	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

const dovecotBin = "/usr/sbin/dovecot"

// testPassword must never appear in a log line or an error.
const testPassword = "Xy7-secret-pw-2026"

// dovecot is a real IMAP server started for one test on 127.0.0.1.
type dovecot struct {
	port, tlsPort int
	user          string
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// selfSignedCert writes a certificate for 127.0.0.1 and its key as PEM files.
func selfSignedCert(t *testing.T, dir string) (certPath, keyPath string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	certPath, keyPath = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(certPath, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyPath, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	return certPath, keyPath
}

// startDovecot runs dovecot in the foreground with a generated configuration in a temporary directory:
// passwd-file authentication, maildir storage, plain IMAP and implicit TLS on random loopback ports.
func startDovecot(t *testing.T) dovecot {
	t.Helper()
	if _, err := os.Stat(dovecotBin); err != nil {
		t.Skipf("IMAP test skipped: %s is not installed (apt-get install dovecot-imapd)", dovecotBin)
	}
	dir := t.TempDir()
	// dovecot's auth process runs as its own user and must reach the passwd file.
	for p := dir; p != os.TempDir() && p != "/"; p = filepath.Dir(p) {
		if err := os.Chmod(p, 0o755); err != nil {
			break
		}
	}
	for _, d := range []string{"run", "state", "mail", "home"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	d := dovecot{port: freePort(t), tlsPort: freePort(t), user: "office@example.org"}
	if err := os.WriteFile(filepath.Join(dir, "passwd"), []byte(d.user+":{PLAIN}"+testPassword+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cert, key := selfSignedCert(t, dir)
	uid, gid := os.Getuid(), os.Getgid()
	if uid == 0 {
		// dovecot refuses mail access as root: store the mail as nobody.
		uid, gid = 65534, 65534
		for _, sub := range []string{"mail", "home"} {
			if err := os.Chown(filepath.Join(dir, sub), uid, gid); err != nil {
				t.Fatal(err)
			}
		}
	}
	// As a normal user dovecot cannot switch users: every service then runs as the caller, unchrooted.
	unprivileged := ""
	if os.Getuid() != 0 {
		me := os.Getenv("USER")
		if me == "" {
			t.Skip("IMAP test skipped: cannot tell the current user name for dovecot")
		}
		unprivileged = fmt.Sprintf("default_internal_user = %[1]s\ndefault_login_user = %[1]s\n"+
			"service anvil {\n  chroot =\n}\nservice imap-login {\n  chroot =\n}\n", me)
	}
	conf := fmt.Sprintf(`base_dir = %[1]s/run
state_dir = %[1]s/state
log_path = %[1]s/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <%[2]s
ssl_key = <%[3]s
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:%[1]s/mail/%%n
first_valid_uid = %[4]d
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%%u %[1]s/passwd
}
userdb {
  driver = static
  args = uid=%[4]d gid=%[5]d home=%[1]s/home/%%n
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = %[6]d
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = %[7]d
  }
}
%[8]s`, dir, cert, key, uid, gid, d.port, d.tlsPort, unprivileged)
	confPath := filepath.Join(dir, "dovecot.conf")
	if err := os.WriteFile(confPath, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(dovecotBin, "-F", "-c", confPath)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if t.Failed() {
			log, _ := os.ReadFile(filepath.Join(dir, "dovecot.log"))
			t.Logf("dovecot log:\n%s", log)
		}
		cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", d.port), 200*time.Millisecond)
		if err == nil {
			c.Close()
			return d
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(filepath.Join(dir, "dovecot.log"))
			t.Fatalf("dovecot did not start: %v\n%s\n%s", err, stderr.String(), log)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// appendMails puts raw mails into the user's INBOX with a plain IMAP client.
func appendMails(t *testing.T, d dovecot, mails [][]byte) {
	t.Helper()
	c, err := imapclient.DialInsecure(fmt.Sprintf("127.0.0.1:%d", d.port), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Login(d.user, testPassword).Wait(); err != nil {
		t.Fatal(err)
	}
	for _, raw := range mails {
		cmd := c.Append("INBOX", int64(len(raw)), nil)
		if _, err := cmd.Write(raw); err != nil {
			t.Fatal(err)
		}
		if err := cmd.Close(); err != nil {
			t.Fatal(err)
		}
		if _, err := cmd.Wait(); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.Logout().Wait(); err != nil {
		t.Fatal(err)
	}
}

// memorySink keeps fetched mails by UID key and Message-ID, as the store does.
type memorySink struct {
	mu     sync.Mutex
	byUID  map[string]FetchedMail
	byMsg  map[string]bool
	cancel func() // called after the first save, when set
}

func newMemorySink() *memorySink {
	return &memorySink{byUID: map[string]FetchedMail{}, byMsg: map[string]bool{}}
}

func (s *memorySink) Known(_ context.Context, key string) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.byUID[key]
	return ok, nil
}

func (s *memorySink) Save(_ context.Context, m FetchedMail) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.byMsg[m.Mail.MessageID] {
		return false, nil
	}
	s.byUID[m.UIDKey], s.byMsg[m.Mail.MessageID] = m, true
	if s.cancel != nil {
		s.cancel()
	}
	return true, nil
}

func TestFetchFromDovecot(t *testing.T) {
	d := startDovecot(t)
	cases := mailCases(t)
	var names []string
	for name := range cases {
		names = append(names, name)
	}
	sort.Strings(names)
	var raws [][]byte
	for _, n := range names {
		raws = append(raws, cases[n])
	}
	raws = append(raws, cases[names[0]]) // the same mail twice: taken once, by Message-ID
	appendMails(t, d, raws)

	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	ctx := context.Background()

	for _, variant := range []struct {
		name     string
		security string
		port     int
	}{{"plain", "plain", d.port}, {"tls", "tls", d.tlsPort}} {
		t.Run(variant.name, func(t *testing.T) {
			cfg := core.IMAPConfig{Host: "127.0.0.1", Port: variant.port, Security: variant.security, Username: d.user,
				Password: testPassword, InsecureTLS: true}
			sink := newMemorySink()
			var progress []core.FetchProgress
			res, err := Fetch(ctx, cfg, sink, func(p core.FetchProgress) { progress = append(progress, p) }, logger)
			if err != nil {
				t.Fatal(err)
			}
			if res.Found != len(raws) || res.Added != len(names) || res.Skipped != 1 || res.Failed != 0 || res.LastUID != uint32(len(raws)) {
				t.Errorf("first fetch = %+v", res)
			}
			if last := progress[len(progress)-1]; last.Done != len(raws) || last.Total != len(raws) {
				t.Errorf("progress = %+v", progress)
			}
			for _, m := range sink.byUID {
				name := strings.SplitN(m.Mail.MessageID, "@", 2)[0]
				golden := ""
				for _, n := range names {
					if want, err := os.ReadFile(testutil.Testdata(t, "mailbox", n+".golden")); err == nil &&
						strings.Contains(string(want), "Message-ID: "+m.Mail.MessageID+"\n") {
						golden = string(want)
					}
				}
				if got := describeMail(m.Mail); got != golden {
					t.Errorf("mail %s over IMAP:\n%s\nwant:\n%s", name, got, golden)
				}
				if !strings.HasPrefix(m.UIDKey, "INBOX/") {
					t.Errorf("uid key = %s", m.UIDKey)
				}
			}
			again, err := Fetch(ctx, cfg, sink, nil, logger)
			if err != nil || again.Added != 0 || again.Skipped != len(raws) {
				t.Errorf("second fetch = %+v %v", again, err)
			}
			cfg.SinceUID = 3
			after, err := Fetch(ctx, cfg, newMemorySink(), nil, logger)
			if err != nil || after.Found != len(raws)-3 {
				t.Errorf("fetch since UID 3 = %+v %v", after, err)
			}
		})
	}

	t.Run("cancel", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		sink := newMemorySink()
		sink.cancel = cancel
		cfg := core.IMAPConfig{Host: "127.0.0.1", Port: d.port, Security: "plain", Username: d.user, Password: testPassword}
		res, err := Fetch(cctx, cfg, sink, nil, logger)
		if err != nil || !res.Cancelled || res.Added == 0 || res.Added == len(names) {
			t.Errorf("cancelled fetch = %+v %v", res, err)
		}
	})

	// Last, because dovecot delays the next login after a failed one.
	wrong := core.IMAPConfig{Host: "127.0.0.1", Port: d.port, Security: "plain", Username: d.user, Password: testPassword + "x"}
	_, err := Fetch(ctx, wrong, newMemorySink(), nil, logger)
	if core.ErrorCode(err) != core.EINVALID || strings.Contains(err.Error(), testPassword) {
		t.Errorf("wrong password: %v", err)
	}
	if strings.Contains(logs.String(), testPassword) {
		t.Errorf("the password appears in the log:\n%s", logs.String())
	}
	if !strings.Contains(logs.String(), "imap fetch") {
		t.Errorf("nothing was logged, so the password check proves nothing:\n%s", logs.String())
	}
}

func TestFetchDue(t *testing.T) {
	now := time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)
	for _, c := range []struct {
		name  string
		every int
		last  time.Time
		want  bool
	}{
		{"off", 0, time.Time{}, false},
		{"never fetched", 10, time.Time{}, true},
		{"ten minutes ago", 10, now.Add(-10 * time.Minute), true},
		{"nine minutes ago", 10, now.Add(-9 * time.Minute), false},
		{"a clock set back", 10, now.Add(time.Hour), false},
	} {
		if got := FetchDue(c.every, c.last, now); got != c.want {
			t.Errorf("%s: %v", c.name, got)
		}
	}
	if _, err := NormalizeIMAP(core.IMAPConfig{Host: "imap.x.gov.cn", Username: "a", FetchEveryMinutes: -1}); core.ErrorField(err) != "fetchEveryMinutes" {
		t.Errorf("negative interval: %v", err)
	}
}
