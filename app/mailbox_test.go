package app

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"policydesk/internal/core"
	"policydesk/internal/rules"
	"policydesk/internal/seal"
	"policydesk/internal/sqlite"
)

// recorder is an Emitter that keeps the events and signals each one.
type recorder struct {
	mu     sync.Mutex
	events []string
	data   []any
	seen   chan string
}

func newRecorder() *recorder { return &recorder{seen: make(chan string, 64)} }

func (r *recorder) emit(name string, data ...any) {
	r.mu.Lock()
	r.events = append(r.events, name)
	if len(data) > 0 {
		r.data = append(r.data, data[0])
	} else {
		r.data = append(r.data, nil)
	}
	r.mu.Unlock()
	r.seen <- name
}

func (r *recorder) waitFor(t *testing.T, name string) any {
	t.Helper()
	timeout := time.After(20 * time.Second)
	for {
		select {
		case got := <-r.seen:
			if got != name {
				continue
			}
			r.mu.Lock()
			defer r.mu.Unlock()
			for i := len(r.events) - 1; i >= 0; i-- {
				if r.events[i] == name {
					return r.data[i]
				}
			}
		case <-timeout:
			t.Fatalf("no %s event", name)
		}
	}
}

func newMailboxAPI(t *testing.T) (*MailboxService, *recorder) {
	t.Helper()
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "app.db"), rules.All())
	db.Clock = core.NewFixedClock(time.Date(2026, 11, 20, 9, 30, 0, 0, core.Shanghai))
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	cals := sqlite.NewCalendarStore(db)
	if err := cals.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	rec := newRecorder()
	return NewMailboxService(sqlite.NewMailboxStore(db, cals.Calendar, seal.KeyFile{Path: filepath.Join(filepath.Dir(db.Path), seal.SecretKeyFile)}, nil), nil, nil, filepath.Join(t.TempDir(), "exports"), rec.emit, nil), rec
}

func TestMailboxImportDataFromTheBrowser(t *testing.T) {
	api, rec := newMailboxAPI(t)
	csv := "留言时间,留言人,留言内容\n2026-11-19 10:00,周杰,请问不动产登记周末上班吗\n"
	data := base64.StdEncoding.EncodeToString([]byte(csv))
	p, err := api.PreviewImportData("留言.csv", data, nil)
	if err != nil || p.Total != 1 || len(p.Errors) != 0 {
		t.Fatalf("preview = %+v %v", p, err)
	}
	res, err := api.ApplyImportData("留言.csv", data, nil)
	if err != nil || res.Added != 1 {
		t.Fatalf("apply = %+v %v", res, err)
	}
	rec.waitFor(t, EventMessagesChanged)
	if _, err := api.PreviewImportData("留言.csv", "%%%", nil); core.ErrorCode(err) != core.EIMPORT {
		t.Errorf("bad base64: %v", err)
	}
}

func TestFetchMailRunsInTheBackground(t *testing.T) {
	api, rec := newMailboxAPI(t)
	if err := api.FetchMail(); core.ErrorCode(err) != core.EINVALID {
		t.Fatalf("fetch without an account: %v", err)
	}
	// A port nobody listens on: the fetch fails in the background and says so by event.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	if _, err := api.SaveIMAPConfig(core.IMAPConfig{Host: "127.0.0.1", Port: port, Security: "plain", Username: "u", Password: "p"}); err != nil {
		t.Fatal(err)
	}
	if err := api.FetchMail(); err != nil {
		t.Fatal(err)
	}
	got := rec.waitFor(t, EventMailFetched)
	if be, ok := got.(BridgeError); !ok || be.Code != core.EINVALID {
		t.Errorf("fetched event = %#v", got)
	}
	StopMailbox(api)
	if running, _ := api.Fetching(); running {
		t.Error("fetch still marked running")
	}
	if was, _ := api.CancelFetch(); was {
		t.Error("CancelFetch reported a fetch that had ended")
	}
}

func TestMailboxExportsWithoutAPathGoToTheExportsFolder(t *testing.T) {
	api, _ := newMailboxAPI(t)
	html, err := api.ExportStatsHTML("2026-11-01", "2026-11-30", "")
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(api.exportDir, "留言受理反馈情况统计_2026-11-01_2026-11-30.html"); html != want {
		t.Errorf("html path = %s, want %s", html, want)
	}
	// Blank dates are the month so far, and the file is named after them.
	xlsx, err := api.ExportDetailXLSX("", "", "")
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(api.exportDir, "局长信箱留言明细_2026-11-01_2026-11-20.xlsx"); xlsx != want {
		t.Errorf("xlsx path = %s, want %s", xlsx, want)
	}
	given := filepath.Join(t.TempDir(), "统计.html")
	if got, err := api.ExportStatsHTML("2026-11-01", "2026-11-30", given); err != nil || got != given {
		t.Errorf("given path: %s %v", got, err)
	}
	for _, p := range []string{html, xlsx, given} {
		if fi, err := os.Stat(p); err != nil || fi.Size() == 0 {
			t.Errorf("%s not written: %v", p, err)
		}
	}
}

// tinyPNG is a valid 1x1 PNG.
const tinyPNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="

func TestDecodePNGDataURL(t *testing.T) {
	data, err := decodePNGDataURL(pngDataURLPrefix + tinyPNG)
	if err != nil || !bytes.HasPrefix(data, pngSignature) {
		t.Fatalf("valid PNG: %d bytes, %v", len(data), err)
	}
	bad := map[string]string{
		"bad prefix": "data:image/jpeg;base64," + tinyPNG,
		"no prefix":  tinyPNG,
		"bad base64": pngDataURLPrefix + "iVBOR%%%",
		"not a PNG":  pngDataURLPrefix + base64.StdEncoding.EncodeToString([]byte("GIF89a not a png")),
		"empty":      pngDataURLPrefix,
		"over 20 MB": pngDataURLPrefix + strings.Repeat("A", maxChartPNG/3*4+8),
	}
	for name, in := range bad {
		if _, err := decodePNGDataURL(in); core.ErrorCode(err) != core.EINVALID {
			t.Errorf("%s: err = %v, want EINVALID", name, err)
		}
	}
}

func TestChartFileNameStaysInTheFolder(t *testing.T) {
	for in, want := range map[string]string{
		"局长信箱月度趋势_2026-11-30.png": "局长信箱月度趋势_2026-11-30.png",
		"趋势":               "趋势.png",
		"../../etc/passwd": "_.._etc_passwd.png",
		`..\..\win.ini`:    "_.._win.ini.png",
		"..":               "局长信箱月度趋势.png",
		"":                 "局长信箱月度趋势.png",
	} {
		if got := chartFileName(in); got != want {
			t.Errorf("chartFileName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSaveChartPNG(t *testing.T) {
	api, _ := newMailboxAPI(t)
	path, err := api.SaveChartPNG(pngDataURLPrefix+tinyPNG, "../趋势.png")
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(path) != api.exportDir {
		t.Errorf("saved outside the exports folder: %s", path)
	}
	data, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(data, pngSignature) {
		t.Errorf("saved file: %v", err)
	}
	if _, err := api.SaveChartPNG("data:text/plain;base64,aGk=", "x"); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("bad URL saved: %v", err)
	}
}

// scheduledStore is a mail account due for a fetch whose fetch cannot start (no server here).
type scheduledStore struct {
	MailboxStore
	mu      sync.Mutex
	cfg     core.IMAPConfig
	fetches int
}

func (s *scheduledStore) IMAPConfig(context.Context) (core.IMAPConfig, error) { return s.cfg, nil }

func (s *scheduledStore) FetchConfig(ctx context.Context) (core.IMAPConfig, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fetches++
	if a, ok := core.ActorFrom(ctx); !ok || !a.IsSystem() {
		return s.cfg, fmt.Errorf("the scheduled fetch must act as 系统, got %+v", a)
	}
	return s.cfg, core.Errorf(core.EINVALID, "邮件服务器不可用")
}

func TestWatchMailFetchesWhenDue(t *testing.T) {
	now := time.Date(2026, 11, 20, 9, 30, 0, 0, core.Shanghai)
	due := core.IMAPConfig{Host: "imap.x", HasPassword: true, FetchEveryMinutes: 10, LastFetchAt: now.Add(-11 * time.Minute).Format(time.RFC3339)}
	for _, c := range []struct {
		name      string
		cfg       core.IMAPConfig
		elsewhere bool // the desk works on a server's data: the server fetches
		want      bool
	}{
		{"due", due, false, true},
		{"due, but the desk is connected to a server", due, true, false},
		{"not yet", core.IMAPConfig{Host: "imap.x", HasPassword: true, FetchEveryMinutes: 10, LastFetchAt: now.Add(-5 * time.Minute).Format(time.RFC3339)}, false, false},
		{"only by hand", core.IMAPConfig{Host: "imap.x", HasPassword: true}, false, false},
		{"no account", core.IMAPConfig{FetchEveryMinutes: 10}, false, false},
	} {
		store := &scheduledStore{cfg: c.cfg}
		svc := NewMailboxService(store, nil, nil, t.TempDir(), func(string, ...any) {}, nil)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		active := func() bool { return !c.elsewhere }
		go func() { WatchMail(ctx, svc, core.NewFixedClock(now), 5*time.Millisecond, active); close(done) }()
		time.Sleep(60 * time.Millisecond)
		cancel()
		<-done
		store.mu.Lock()
		got := store.fetches > 0
		store.mu.Unlock()
		if got != c.want {
			t.Errorf("%s: fetched %v", c.name, got)
		}
	}
}

// slowMatcher takes a while per message, as a large model on a busy machine does.
type slowMatcher struct{}

func (slowMatcher) Match(string) core.MatchResult {
	time.Sleep(10 * time.Millisecond)
	return core.MatchResult{}
}

// A message import runs through the import job: progress is reported while it runs, a second import is
// refused meanwhile, and cancelling it leaves nothing of the file behind.
func TestMailboxImportReportsProgressAndCancels(t *testing.T) {
	api, rec := newMailboxAPI(t)
	api.matcher = slowMatcher{}
	var b strings.Builder
	b.WriteString("留言时间,留言人,留言内容\n")
	for i := 0; i < 400; i++ {
		fmt.Fprintf(&b, "2026-11-19 10:%02d,市民%d,请问第%d号楼的不动产登记何时办结\n", i%60, i, i)
	}
	data := base64.StdEncoding.EncodeToString([]byte(b.String()))
	checkProgressAndCancel(t, cancellableImport{
		rec: rec, event: EventImportProgress,
		run: func() error {
			_, err := api.ApplyImportData("留言.csv", data, nil)
			return err
		},
		cancel: api.CancelImport,
		right:  func(p core.ImportProgress) bool { return p.Total == 400 && p.Done >= 1 && p.Done <= 400 },
		kept: func() int {
			page, err := api.store.Messages(context.Background(), core.MessageFilter{})
			if err != nil {
				t.Fatal(err)
			}
			return page.Total
		},
	})
}
