package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"policydesk/app"
	"policydesk/internal/core"
)

// notes is a small service as the desktop binds them: it remembers who acted.
type NotesService struct {
	ctx context.Context
	mu  *sync.Mutex
	log *[]string
}

type Note struct {
	ID   int64  `json:"id"`
	Text string `json:"text"`
}

func (s *NotesService) Add(n Note, count int) (Note, error) {
	a, err := core.SignedIn(s.ctx)
	if err != nil {
		return Note{}, err
	}
	if n.Text == "" {
		return Note{}, core.FieldErrorf(core.EINVALID, "text", "请填写内容")
	}
	s.mu.Lock()
	*s.log = append(*s.log, fmt.Sprintf("%s:%s:%d", a.Name, n.Text, count))
	s.mu.Unlock()
	n.ID = int64(count)
	return n, nil
}
func (s *NotesService) Stale() error {
	return core.Errorf(core.ECONFLICT, "该留言已被张卫东于10:42修改，请刷新后再处理")
}
func (s *NotesService) Missing() (Note, error) {
	return Note{}, core.Errorf(core.ENOTFOUND, "没有这条记录")
}
func (s *NotesService) Broken() (Note, error) {
	return Note{}, fmt.Errorf("disk on fire at /secret/path")
}
func (s *NotesService) Panics() error { panic("boom") }
func (s *NotesService) Export(name, dir string) (string, error) {
	return dir + "|" + name, nil
}
func (s *NotesService) Page() (string, error) { return "登录页", nil }
func (s *NotesService) Secret() error         { return nil }
func (s *NotesService) Native() error         { return nil }
func (s *NotesService) Approve() error        { return nil }
func (s *NotesService) Undeclared() error     { return nil }

var testAccess = map[string]app.Access{
	"NotesService.Add":     {},
	"NotesService.Stale":   {},
	"NotesService.Missing": {},
	"NotesService.Broken":  {},
	"NotesService.Panics":  {},
	"NotesService.Export":  {LocalDir: 2},
	"NotesService.Page":    {Public: true},
	"NotesService.Secret":  {Admin: true},
	"NotesService.Native":  {DeskOnly: true},
	"NotesService.Approve": {Roles: []string{core.RoleApprover}},
}

// fakeAuth has two people; the password is "pw" + login.
type fakeAuth struct {
	mu       sync.Mutex
	sessions map[string]core.Actor
	n        int
	failures map[string]int
}

func (f *fakeAuth) Login(_ context.Context, login, password string, c Client) (string, core.Session, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.failures[login] >= 5 {
		return "", core.Session{}, core.Errorf(core.EFORBID, "密码错误次数过多，账号已锁定15分钟")
	}
	if password != "pw"+login {
		f.failures[login]++
		return "", core.Session{}, core.Errorf(core.ENOTAUTH, "账号或密码不正确")
	}
	f.n++
	token := fmt.Sprintf("tok%d", f.n)
	a := core.Actor{PersonID: int64(len(login)), Name: login, Role: core.RoleMailbox, ClientAddr: c.Addr, ClientKind: c.Kind}
	if login == "boss" {
		a.Role, a.Admin = core.RoleApprover, true
	}
	f.sessions[token] = a
	return token, core.Session{PersonID: a.PersonID, Name: login, CSRFToken: "csrf-" + token, Mode: core.ModeServer}, nil
}

func (f *fakeAuth) Resolve(_ context.Context, token string, c Client) (core.Session, core.Actor, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	a, ok := f.sessions[token]
	if !ok {
		return core.Session{}, core.Actor{}, core.Errorf(core.ENOTAUTH, "登录已过期，请重新登录")
	}
	return core.Session{PersonID: a.PersonID, Name: a.Name, CSRFToken: "csrf-" + token}, a, nil
}

func (f *fakeAuth) Logout(_ context.Context, token string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.sessions, token)
	return nil
}

func (f *fakeAuth) Confirm(context.Context, string) (string, error) {
	return "2026-11-20T10:00:00+08:00", nil
}

type fixture struct {
	t    *testing.T
	srv  *Server
	ts   *httptest.Server
	auth *fakeAuth
	log  *[]string
	dir  string
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	log := &[]string{}
	svc := &NotesService{ctx: context.Background(), mu: &sync.Mutex{}, log: log}
	auth := &fakeAuth{sessions: map[string]core.Actor{}, failures: map[string]int{}}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "意见采纳情况说明.docx"), []byte("DOCX"), 0o644)
	os.WriteFile(filepath.Join(t.TempDir(), "secret.txt"), []byte("secret"), 0o644)
	srv, err := New(Config{
		Services: []any{svc},
		Auth:     auth,
		Assets:   fstest.MapFS{"index.html": {Data: []byte("<html>PolicyDesk</html>")}, "assets/app.js": {Data: []byte("js")}},
		Exports:  dir,
		MaxBody:  1 << 10,
		Access:   func(k string) (app.Access, bool) { a, ok := testAccess[k]; return a, ok },
		Scope: func(svc any, ctx context.Context) (any, bool) {
			c := *svc.(*NotesService)
			c.ctx = ctx
			return &c, true
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return &fixture{t: t, srv: srv, ts: ts, auth: auth, log: log, dir: dir}
}

type answer struct {
	status int
	body   string
	header http.Header
}

func (a answer) failure() app.BridgeError {
	var be app.BridgeError
	json.Unmarshal([]byte(a.body), &be)
	return be
}

func (f *fixture) do(method, path, cookie, csrf, body string) answer {
	f.t.Helper()
	req, _ := http.NewRequest(method, f.ts.URL+path, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if cookie != "" {
		req.AddCookie(&http.Cookie{Name: CookieName, Value: cookie})
	}
	if csrf != "" {
		req.Header.Set("X-CSRF-Token", csrf)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return answer{res.StatusCode, string(b), res.Header}
}

// login signs in and returns the cookie and CSRF token.
func (f *fixture) login(name string) (string, string) {
	f.t.Helper()
	a := f.do("POST", "/api/login", "", "", fmt.Sprintf(`{"login":%q,"password":"pw%s"}`, name, name))
	if a.status != 200 {
		f.t.Fatalf("login %s: %d %s", name, a.status, a.body)
	}
	var cookie string
	for _, c := range (&http.Response{Header: a.header}).Cookies() {
		if c.Name == CookieName {
			cookie = c.Value
			if !c.HttpOnly || c.SameSite != http.SameSiteStrictMode {
				f.t.Errorf("cookie must be HttpOnly and SameSite=Strict: %+v", c)
			}
		}
	}
	var sess core.Session
	json.Unmarshal([]byte(a.body), &sess)
	return cookie, sess.CSRFToken
}

func TestDispatcherCallsAsTheSessionsPerson(t *testing.T) {
	f := newFixture(t)
	cookie, csrf := f.login("linyt")
	a := f.do("POST", "/api/NotesService/Add", cookie, csrf, `[{"text":"你好"}, 7]`)
	if a.status != 200 || !strings.Contains(a.body, `"id":7`) {
		t.Fatalf("Add: %d %s", a.status, a.body)
	}
	if got := (*f.log)[0]; got != "linyt:你好:7" {
		t.Errorf("acted as %q", got)
	}
	// a folder named by the caller never reaches the service over the network
	a = f.do("POST", "/api/NotesService/Export", cookie, csrf, `["x", "/etc"]`)
	if a.body != `"|x"` {
		t.Errorf("Export got %s, want the folder dropped", a.body)
	}
}

func TestErrorsMapToStatuses(t *testing.T) {
	f := newFixture(t)
	cookie, csrf := f.login("linyt")
	cases := []struct {
		path, body string
		status     int
		code, want string
	}{
		{"/api/NotesService/Add", `[{"text":""}, 1]`, 400, core.EINVALID, "请填写内容"},
		{"/api/NotesService/Stale", `[]`, 409, core.ECONFLICT, "张卫东于10:42修改"},
		{"/api/NotesService/Missing", `[]`, 404, core.ENOTFOUND, "没有这条记录"},
		{"/api/NotesService/Broken", `[]`, 500, core.EINTERNAL, "系统内部错误"},
		{"/api/NotesService/Panics", `[]`, 500, core.EINTERNAL, "系统内部错误"},
		{"/api/NotesService/Nope", `[]`, 404, core.ENOTFOUND, "没有这个接口"},
		{"/api/Other/Add", `[]`, 404, core.ENOTFOUND, "没有这个接口"},
		{"/api/NotesService/Undeclared", `[]`, 403, core.EFORBID, "没有声明访问权限"},
		{"/api/NotesService/Native", `[]`, 403, core.EFORBID, "只能在本机桌面程序中使用"},
		{"/api/NotesService/Secret", `[]`, 403, core.EFORBID, "没有执行此操作的权限"},
		{"/api/NotesService/Approve", `[]`, 403, core.EFORBID, "没有执行此操作的权限"},
		{"/api/NotesService/Add", `[{"text":"a"}]`, 400, core.EINVALID, "需要 2 个参数，收到 1 个"},
		{"/api/NotesService/Add", `[{"text":"a"}, "seven"]`, 400, core.EINVALID, "第 2 个参数无效"},
		{"/api/NotesService/Add", `{"text":"a"}`, 400, core.EINVALID, "JSON 数组"},
		{"/api/NotesService/Add", `[{"text":`, 400, core.EINVALID, "JSON 数组"},
		{"/api/NotesService/Add", `[{"text":"` + strings.Repeat("长", 2000) + `"}, 1]`, 413, core.EINVALID, "不能超过 50 MB"},
	}
	for _, c := range cases {
		a := f.do("POST", c.path, cookie, csrf, c.body)
		be := a.failure()
		if a.status != c.status || be.Code != c.code || !strings.Contains(be.Message, c.want) {
			t.Errorf("%s %.40s: got %d %s, want %d %s %q", c.path, c.body, a.status, a.body, c.status, c.code, c.want)
		}
		if strings.Contains(a.body, "/secret/path") || strings.Contains(a.body, "boom") {
			t.Errorf("%s leaks internals: %s", c.path, a.body)
		}
	}
	if a := f.do("GET", "/api/NotesService/Add", cookie, csrf, ""); a.status != 404 && a.status != 405 {
		t.Errorf("GET on a method: %d", a.status)
	}
}

func TestSessionsAndCSRF(t *testing.T) {
	f := newFixture(t)
	// no session
	if a := f.do("POST", "/api/NotesService/Add", "", "", `[{"text":"x"},1]`); a.status != 401 || a.failure().Code != core.ENOTAUTH {
		t.Errorf("no session: %d %s", a.status, a.body)
	}
	if a := f.do("GET", "/api/me", "", "", ""); a.status != 401 {
		t.Errorf("me without session: %d", a.status)
	}
	if a := f.do("GET", "/api/events", "nope", "", ""); a.status != 401 {
		t.Errorf("events without session: %d", a.status)
	}
	// public methods answer before sign-in
	if a := f.do("POST", "/api/NotesService/Page", "", "", `[]`); a.status != 200 {
		t.Errorf("public: %d %s", a.status, a.body)
	}
	cookie, csrf := f.login("linyt")
	for _, bad := range []string{"", "csrf-other", csrf + "x"} {
		if a := f.do("POST", "/api/NotesService/Add", cookie, bad, `[{"text":"x"},1]`); a.status != 403 {
			t.Errorf("csrf %q: %d", bad, a.status)
		}
	}
	// a form post (not JSON) is refused even with the token
	req, _ := http.NewRequest("POST", f.ts.URL+"/api/NotesService/Add", strings.NewReader("text=x"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: CookieName, Value: cookie})
	req.Header.Set("X-CSRF-Token", csrf)
	if res, _ := http.DefaultClient.Do(req); res.StatusCode != 400 {
		t.Errorf("form post: %d", res.StatusCode)
	}
	// session fixation: signing in with a cookie ends that session and issues a new id
	a := f.do("POST", "/api/login", cookie, "", `{"login":"linyt","password":"pwlinyt"}`)
	if a.status != 200 {
		t.Fatal(a.body)
	}
	fresh := (&http.Response{Header: a.header}).Cookies()[0].Value
	if fresh == cookie || fresh == "" {
		t.Errorf("the session id must change at sign-in")
	}
	if a := f.do("GET", "/api/me", cookie, "", ""); a.status != 401 {
		t.Errorf("the old session must have ended: %d", a.status)
	}
	// logout ends the session
	var sess core.Session
	json.Unmarshal([]byte(a.body), &sess)
	if a := f.do("POST", "/api/logout", fresh, "csrf-"+fresh, ""); a.status != 200 {
		t.Errorf("logout: %d %s", a.status, a.body)
	}
	if a := f.do("GET", "/api/me", fresh, "", ""); a.status != 401 {
		t.Errorf("after logout: %d", a.status)
	}
}

func TestBruteForceIsRefused(t *testing.T) {
	f := newFixture(t)
	for i := 0; i < 5; i++ {
		if a := f.do("POST", "/api/login", "", "", `{"login":"linyt","password":"wrong"}`); a.status != 401 {
			t.Fatalf("attempt %d: %d", i, a.status)
		}
	}
	a := f.do("POST", "/api/login", "", "", `{"login":"linyt","password":"pwlinyt"}`)
	if a.status != 403 || !strings.Contains(a.failure().Message, "锁定") {
		t.Errorf("the sixth attempt must be refused as locked: %d %s", a.status, a.body)
	}
	for _, body := range []string{``, `not json`, `{"login":""}`, `[1,2]`} {
		if a := f.do("POST", "/api/login", "", "", body); a.status != 400 && a.status != 401 {
			t.Errorf("login %q: %d %s", body, a.status, a.body)
		}
	}
}

func TestDownloadStaysInTheExportsFolder(t *testing.T) {
	f := newFixture(t)
	cookie, _ := f.login("linyt")
	a := f.do("GET", "/api/download?file="+urlEscape("意见采纳情况说明.docx"), cookie, "", "")
	if a.status != 200 || a.body != "DOCX" {
		t.Fatalf("download: %d %s", a.status, a.body)
	}
	if cd := a.header.Get("Content-Disposition"); !strings.Contains(cd, "filename*=UTF-8''%E6%84%8F") {
		t.Errorf("Content-Disposition %q lacks the Chinese name", cd)
	}
	for _, name := range []string{"../secret.txt", "..", "/etc/passwd", `..\secret.txt`, ".audit.key", "", "nothere.docx"} {
		if a := f.do("GET", "/api/download?file="+urlEscape(name), cookie, "", ""); a.status == 200 {
			t.Errorf("%q was served", name)
		}
	}
	if a := f.do("GET", "/api/download?file=x.docx", "", "", ""); a.status != 401 {
		t.Errorf("download without a session: %d", a.status)
	}
}

func urlEscape(s string) string {
	r := strings.NewReplacer("%", "%25", " ", "%20", "&", "%26", "+", "%2B", "#", "%23", "?", "%3F")
	return r.Replace(s)
}

func TestDownloadName(t *testing.T) {
	for _, c := range []struct {
		name string
		ok   bool
	}{
		{"局长信箱统计_2026-11.html", true}, {"a.xlsx", true}, {"../a", false}, {"a/b", false}, {`a\b`, false},
		{".hidden", false}, {"", false}, {"..", false}, {"a\x00b", false},
	} {
		_, err := DownloadName(c.name)
		if (err == nil) != c.ok {
			t.Errorf("DownloadName(%q) err=%v", c.name, err)
		}
	}
	if got := ContentDisposition(`意见 "1".docx`); !strings.HasPrefix(got, `attachment; filename="__ _1_.docx"; filename*=UTF-8''`) {
		t.Errorf("ContentDisposition = %s", got)
	}
}

func TestStatusOf(t *testing.T) {
	for code, want := range map[string]int{core.EINVALID: 400, core.EIMPORT: 400, core.ENOTAUTH: 401, core.EFORBID: 403,
		core.ECONFIRM: 403, core.ENOTFOUND: 404, core.ECONFLICT: 409, core.EUNAVAILABLE: 503, core.EINTERNAL: 500, "other": 500} {
		if got := statusOf(code); got != want {
			t.Errorf("statusOf(%s) = %d, want %d", code, got, want)
		}
	}
}

func TestEventsReachOpenPages(t *testing.T) {
	f := newFixture(t)
	cookie, _ := f.login("linyt")
	req, _ := http.NewRequest("GET", f.ts.URL+"/api/events", nil)
	req.AddCookie(&http.Cookie{Name: CookieName, Value: cookie})
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	deadline := time.Now().Add(2 * time.Second)
	for f.srv.cfg.Hub.Subscribers() == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	f.srv.cfg.Hub.Emit("messages:changed", 42)
	got := make(chan []any, 1)
	go app.ParseEvents(res.Body, func(name string, args []any) {
		if name == "messages:changed" {
			got <- args
		}
	})
	select {
	case args := <-got:
		if len(args) != 1 || args[0].(float64) != 42 {
			t.Errorf("event data %v", args)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("the event did not arrive within 2 s")
	}
}

func TestTheUIIsServed(t *testing.T) {
	f := newFixture(t)
	for _, p := range []string{"/", "/mailbox", "/index.html"} {
		a := f.do("GET", p, "", "", "")
		if a.status != 200 || !strings.Contains(a.body, "PolicyDesk") {
			t.Errorf("%s: %d %s", p, a.status, a.body)
		}
		if a.header.Get("Content-Security-Policy") == "" || a.header.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s lacks security headers", p)
		}
	}
	if a := f.do("GET", "/assets/app.js", "", "", ""); a.body != "js" {
		t.Errorf("asset: %s", a.body)
	}
}

// FuzzDispatch: whatever arrives, the answer is a JSON failure with a 4xx status (or a success), never a 500
// from the dispatcher itself or a panic.
func FuzzDispatch(f *testing.F) {
	fx := newFixture(&testing.T{})
	cookie, csrf := fx.login("linyt")
	for _, seed := range []string{`[{"text":"a"},1]`, `[]`, `{}`, `[null,null]`, `["a",1,2]`, `[{"text":1},1.5]`, "\x00", `[{"text":"` + "\xff" + `"},1]`} {
		f.Add("Add", seed)
	}
	f.Add("Export", `[1, {"a":[]}]`)
	f.Add("Undeclared", `[]`)
	f.Fuzz(func(t *testing.T, method, body string) {
		req := httptest.NewRequest("POST", "/api/NotesService/"+urlPath(method), bytes.NewReader([]byte(body)))
		req.Header.Set("Content-Type", "application/json")
		req.AddCookie(&http.Cookie{Name: CookieName, Value: cookie})
		req.Header.Set("X-CSRF-Token", csrf)
		w := httptest.NewRecorder()
		fx.srv.ServeHTTP(w, req)
		if method == "Broken" || method == "Panics" {
			return // these fail on purpose
		}
		if w.Code >= 500 {
			t.Fatalf("%s %q: %d %s", method, body, w.Code, w.Body.String())
		}
		if w.Code != 200 {
			var be app.BridgeError
			if err := json.Unmarshal(w.Body.Bytes(), &be); err != nil || be.Code == "" || be.Message == "" {
				t.Fatalf("%s %q: %d answered %q", method, body, w.Code, w.Body.String())
			}
		}
	})
}

func urlPath(s string) string {
	var b strings.Builder
	for _, r := range s {
		if (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}

// Guessing logins from one address: after 20 failures within 10 minutes it waits 15 minutes, whatever account.
func TestLoginGuard(t *testing.T) {
	g := newLoginGuard()
	now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	for i := 0; i < guardFailures-1; i++ {
		g.failed("10.0.0.9", now.Add(time.Duration(i)*time.Second))
	}
	if g.blocked("10.0.0.9", now.Add(time.Minute)) != 0 {
		t.Fatal("blocked before the limit")
	}
	g.failed("10.0.0.9", now.Add(time.Minute))
	if g.blocked("10.0.0.9", now.Add(2*time.Minute)) == 0 || g.blocked("10.0.0.8", now) != 0 {
		t.Fatal("the address must wait; another must not")
	}
	if g.blocked("10.0.0.9", now.Add(17*time.Minute)) != 0 {
		t.Fatal("the wait ends")
	}
	// failures spread over more than the window do not add up
	g2 := newLoginGuard()
	for i := 0; i < 3*guardFailures; i++ {
		g2.failed("10.0.0.7", now.Add(time.Duration(i)*time.Minute))
	}
	if g2.blocked("10.0.0.7", now.Add(time.Duration(3*guardFailures)*time.Minute)) != 0 {
		t.Fatal("one failure a minute is not guessing")
	}
}

func TestGuessingFromOneAddressIsTurnedAway(t *testing.T) {
	f := newFixture(t)
	for i := 0; i < guardFailures; i++ {
		f.do("POST", "/api/login", "", "", fmt.Sprintf(`{"login":"user%d","password":"x"}`, i))
	}
	a := f.do("POST", "/api/login", "", "", `{"login":"linyt","password":"pwlinyt"}`)
	if a.status != http.StatusTooManyRequests || !strings.Contains(a.failure().Message, "分钟后再试") || a.header.Get("Retry-After") == "" {
		t.Errorf("after %d failures: %d %s", guardFailures, a.status, a.body)
	}
}
