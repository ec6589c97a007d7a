package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"policydesk/app"
	"policydesk/internal/core"
	"policydesk/internal/datadir"
	"policydesk/internal/demo"
	"policydesk/internal/server"
)

// teamServer is the demo bureau served as `policydesk serve --demo` serves it, on a loopback test server.
type teamServer struct {
	t   *testing.T
	b   *bureau
	srv *server.Server
	ts  *httptest.Server
}

func newTeamServer(t testing.TB) *teamServer {
	t.Helper()
	paths, err := datadir.Prepare(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return startTeamServer(t, paths, true)
}

// startTeamServer serves the bureau of paths (its SQLite file, or the PostgreSQL database paths.DB names),
// writing the demo bureau into it first when seedDemo is set.
func startTeamServer(t testing.TB, paths datadir.Paths, seedDemo bool) *teamServer {
	t.Helper()
	hub := server.NewHub()
	clock := core.NewFixedClock(time.Date(2026, 11, 20, 9, 0, 0, 0, core.Shanghai))
	b, err := openBureau(paths, clock, bureauOptions{Server: true, SeedDemo: seedDemo, Emit: hub.Emit, Started: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.close)
	base := core.WithActor(context.Background(), core.System)
	app.Start(base, &app.Runtime{}, b.starters()...)
	srv, err := server.New(server.Config{Services: b.services, Auth: &serverAuth{db: b.db, auth: b.auth, idle: 8 * time.Hour},
		Hub: hub, Exports: paths.Exports, Base: base})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	tt, _ := t.(*testing.T)
	return &teamServer{t: tt, b: b, srv: srv, ts: ts}
}

// person is one signed-in browser.
type person struct {
	t    testing.TB
	base string
	c    *http.Client
	csrf string
	sess core.Session
}

func (s *teamServer) signIn(t testing.TB, login string) *person {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	p := &person{t: t, base: s.ts.URL, c: &http.Client{Jar: jar, Timeout: 30 * time.Second}}
	status, body := p.post("/api/login", map[string]string{"login": login, "password": demo.DemoPassword})
	if status != 200 {
		t.Fatalf("sign in %s: %d %s", login, status, body)
	}
	json.Unmarshal([]byte(body), &p.sess)
	p.csrf = p.sess.CSRFToken
	return p
}

func (p *person) post(path string, v any) (int, string) {
	p.t.Helper()
	b, _ := json.Marshal(v)
	req, _ := http.NewRequest("POST", p.base+path, strings.NewReader(string(b)))
	req.Header.Set("Content-Type", "application/json")
	if p.csrf != "" {
		req.Header.Set("X-CSRF-Token", p.csrf)
	}
	res, err := p.c.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	defer res.Body.Close()
	out, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(out)
}

// call posts the arguments and decodes the result into out (when not nil); it returns the status and body.
func (p *person) call(method string, out any, args ...any) (int, string) {
	p.t.Helper()
	if args == nil {
		args = []any{}
	}
	status, body := p.post("/api/"+strings.Replace(method, ".", "/", 1), args)
	if status == 200 && out != nil {
		if err := json.Unmarshal([]byte(body), out); err != nil {
			p.t.Fatalf("%s: %v in %s", method, err, body)
		}
	}
	return status, body
}

func TestServeReachesEveryBoundMethod(t *testing.T) {
	s := newTeamServer(t)
	officer := s.signIn(t, "zhoumy")
	for _, key := range s.srv.Methods() {
		a := app.Permissions[key]
		// one argument too many: the answer comes from the argument check, after routing and permissions
		status, body := officer.post("/api/"+strings.Replace(key, ".", "/", 1), []any{1, 2, 3, 4, 5, 6, 7, 8})
		var be app.BridgeError
		json.Unmarshal([]byte(body), &be)
		switch {
		case a.Endpoint:
			if status != 404 {
				t.Errorf("%s: %d %s", key, status, body)
			}
		case a.DeskOnly:
			if status != 403 || !strings.Contains(be.Message, "本机桌面程序") {
				t.Errorf("%s must be desk only: %d %s", key, status, body)
			}
		default:
			if status != 400 || !strings.Contains(be.Message, "个参数") {
				t.Errorf("%s is not reached: %d %s", key, status, body)
			}
		}
	}
}

func TestServeTeamFlow(t *testing.T) {
	s := newTeamServer(t)
	clerk := s.signIn(t, "linyt")
	boss := s.signIn(t, "zhangwd")
	if clerk.sess.Mode != core.ModeServer || clerk.sess.Name != "林雨桐" {
		t.Fatalf("session %+v", clerk.sess)
	}

	// the page of a signed-out browser
	var page core.LoginPage
	anon := &person{t: t, base: s.ts.URL, c: http.DefaultClient}
	if st, body := anon.call("AuthService.LoginPage", &page); st != 200 || page.Mode != core.ModeServer || !page.NeedsLogin || page.CanKeep {
		t.Errorf("login page: %d %s", st, body)
	}
	if st, _ := anon.call("MailboxService.ListMessages", nil, core.MessageFilter{}); st != 401 {
		t.Errorf("no session: %d", st)
	}

	// the permission table holds through the server
	for _, c := range []struct {
		who    *person
		method string
		args   []any
	}{
		{clerk, "SettingsService.SaveBureau", []any{core.Bureau{Name: "x"}}},
		{clerk, "AuthService.Accounts", nil},
		{clerk, "InterpretationService.DecideSignoff", []any{core.SignoffAction{}}},
		{boss, "SettingsService.SaveBureau", []any{core.Bureau{Name: "x"}}},
	} {
		if st, body := c.who.call(c.method, nil, c.args...); st != 403 {
			t.Errorf("%s calling %s: %d %s", c.who.sess.Name, c.method, st, body)
		}
	}

	// both see the same inbox; a message registered by the clerk is there for the approver
	var created core.Message
	if st, body := clerk.call("MailboxService.CreateMessage", &created, core.MessageInput{Channel: "电话", SenderName: "姚丹",
		Subject: "加装电梯补助咨询", Body: "老旧小区加装电梯有没有补助？"}); st != 200 {
		t.Fatalf("create: %d %s", st, body)
	}
	var detail core.MessageDetail
	if st, body := boss.call("MailboxService.GetMessage", &detail, created.ID); st != 200 || detail.Message.Subject != "加装电梯补助咨询" {
		t.Fatalf("the approver does not see it: %d %s", st, body)
	}

	// a save on a stale version is refused with who changed it
	edit := core.MessageEdit{ID: created.ID, Subject: "加装电梯补助咨询(电话)", Body: created.Body, Type: created.Type,
		SenderName: created.SenderName, Version: created.Version}
	var edited core.Message
	if st, body := clerk.call("MailboxService.UpdateMessage", &edited, edit); st != 200 {
		t.Fatalf("edit: %d %s", st, body)
	}
	edit.Subject = "别的标题"
	st, body := clerk.call("MailboxService.UpdateMessage", nil, edit)
	if st != 409 || !strings.Contains(body, "林雨桐") {
		t.Errorf("stale save: %d %s", st, body)
	}

	// the audit records who acted and from where
	officer := s.signIn(t, "zhoumy")
	var log core.AuditPage
	if st, body := officer.call("SystemService.AuditLog", &log, core.AuditFilter{Entity: "message"}); st != 200 {
		t.Fatalf("audit: %d %s", st, body)
	}
	found := false
	for _, e := range log.Entries {
		if e.PersonName == "林雨桐" && e.ClientKind == core.ClientBrowser && e.ClientAddr == "127.0.0.1" {
			found = true
		}
	}
	if !found {
		t.Errorf("no audit entry by 林雨桐 from a browser at 127.0.0.1 in %d entries", len(log.Entries))
	}

	// account management asks for the password again, which is recorded on the session
	if st, body := officer.call("AuthService.ResetPassword", nil, clerk.sess.PersonID, "Neues-2026!"); st != 403 || !strings.Contains(body, core.ECONFIRM) {
		t.Errorf("reset without confirmation: %d %s", st, body)
	}
	var me core.Session
	if st, body := officer.call("AuthService.ConfirmPassword", &me, demo.DemoPassword); st != 200 || me.ConfirmedAt == "" {
		t.Fatalf("confirm: %d %s", st, body)
	}
	if st, body := officer.call("AuthService.ResetPassword", nil, clerk.sess.PersonID, "Neues-2026!"); st != 200 {
		t.Errorf("reset after confirmation: %d %s", st, body)
	}
}

// Two approvers press 同意 at the same moment: exactly one succeeds.
func TestServeConcurrentSaves(t *testing.T) {
	s := newTeamServer(t)
	clerk := s.signIn(t, "linyt")
	var created core.Message
	if st, body := clerk.call("MailboxService.CreateMessage", &created, core.MessageInput{Channel: "电话", SenderName: "王芳",
		Subject: "不动产登记咨询", Body: "请问不动产登记需要多久？"}); st != 200 {
		t.Fatalf("create: %d %s", st, body)
	}
	var wg sync.WaitGroup
	results := make([]int, 8)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			edit := core.MessageEdit{ID: created.ID, Subject: fmt.Sprintf("不动产登记咨询 %d", i), Body: created.Body, Type: created.Type,
				SenderName: created.SenderName, Version: created.Version}
			results[i], _ = clerk.call("MailboxService.UpdateMessage", nil, edit)
		}()
	}
	wg.Wait()
	ok := 0
	for _, st := range results {
		switch st {
		case 200:
			ok++
		case 409:
		default:
			t.Errorf("status %d", st)
		}
	}
	if ok != 1 {
		t.Errorf("%d saves on the same version succeeded, want exactly 1 (%v)", ok, results)
	}
	// many writers, one chain: the audit log still verifies
	check, err := s.b.db.VerifyAudit(core.WithActor(context.Background(), core.System))
	if err != nil || !check.OK {
		t.Errorf("audit chain after concurrent writes: %+v %v", check, err)
	}
}

// On a desk, the pages' calls go through the same declared access as the server's.
func TestDeskCallsHoldThePermissionTable(t *testing.T) {
	paths, err := datadir.Prepare(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	clock := core.NewFixedClock(time.Date(2026, 11, 20, 9, 0, 0, 0, core.Shanghai))
	b, err := openBureau(paths, clock, bureauOptions{SeedDemo: true, Emit: func(string, ...any) {}, Started: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	defer b.close()
	// the 登录 page asks the pages to wait while a desk's first start writes the demo (its window is up then)
	if page, err := b.auth.LoginPage(); err != nil || !page.Preparing {
		t.Errorf("login page while the demo is written: %+v %v", page, err)
	}
	b.seedDemo()
	ctx := core.WithActorSource(context.Background(), b.desk)
	app.Start(ctx, &app.Runtime{}, b.starters()...)
	desk, err := server.NewDesk(b.services, func() context.Context { return ctx })
	if err != nil {
		t.Fatal(err)
	}
	// before anybody signs in, the 登录 page answers
	if _, err := desk.Call("AuthService", "LoginPage", "[]"); err != nil {
		t.Fatal(err)
	}
	if _, err := desk.Call("AuthService", "Login", fmt.Sprintf(`["linyt", %q, false]`, demo.DemoPassword)); err != nil {
		t.Fatal(err)
	}
	if _, err := desk.Call("MailboxService", "ListMessages", "[{}]"); err != nil {
		t.Errorf("a clerk lists the inbox: %v", err)
	}
	for _, c := range [][3]string{
		{"SettingsService", "SaveBureau", `[{"name":"x"}]`},
		{"CalendarService", "SetDay", `["2026-11-21", "workday", "调休"]`},
		{"AuthService", "Accounts", `[]`},
	} {
		if _, err := desk.Call(c[0], c[1], c[2]); core.ErrorCode(err) != core.EFORBID || !strings.Contains(core.ErrorMessage(err), "林雨桐") {
			t.Errorf("%s.%s by the clerk: %v", c[0], c[1], err)
		}
	}
	if _, err := desk.Call("MailboxService", "ListMessages", "[1, 2]"); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("wrong arguments: %v", err)
	}
	if _, err := desk.Call("NoService", "Nope", "[]"); core.ErrorCode(err) != core.ENOTFOUND {
		t.Errorf("unknown method: %v", err)
	}
}

// A database that fails its checks is reported as damaged (the desk then opens its recovery page), and what was
// opened before the failure is closed.
func TestOpenBureauReportsADamagedDatabase(t *testing.T) {
	paths, err := datadir.Prepare(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(paths.DB, []byte("this is not a database, but it is where one should be"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = openBureau(paths, core.SystemClock{}, bureauOptions{SeedDemo: true, Emit: func(string, ...any) {}, Started: time.Now()})
	var bad *damagedError
	if !errors.As(err, &bad) || !strings.Contains(bad.problem, paths.DB) {
		t.Fatalf("got %v", err)
	}
}

// On the demo bureau, the 问答 of the elevator subsidy policy is offered the questions residents ask about it in
// the 局长信箱 (real jieba keywords), beside the ones from the policy's structure.
func TestDemoQuestionsFromTheMailbox(t *testing.T) {
	s := newTeamServer(t)
	officer := s.signIn(t, "zhoumy")
	var page core.PolicyPage
	if st, body := officer.call("PolicyService.ListPolicies", &page, core.PolicyFilter{Query: "加装电梯", Limit: 5}); st != 200 || len(page.Policies) == 0 {
		t.Fatalf("policies: %d %s", st, body)
	}
	var qs []core.QuestionSuggestion
	if st, body := officer.call("InterpretationService.SuggestQuestions", &qs, page.Policies[0].ID); st != 200 {
		t.Fatalf("suggest: %d %s", st, body)
	}
	var fromMailbox []string
	for _, q := range qs {
		if q.Source == "局长信箱" && len(q.MessageIDs) > 0 {
			fromMailbox = append(fromMailbox, q.Question+" ("+q.Reason+")")
		}
	}
	if len(fromMailbox) == 0 {
		t.Fatalf("no question from the 局长信箱 among %d suggestions", len(qs))
	}
	t.Logf("from the 局长信箱: %v", fromMailbox)
}

// A signed-out session ends at once, though resolved sessions are remembered for a moment.
func TestServeSignOutIsImmediate(t *testing.T) {
	s := newTeamServer(t)
	clerk := s.signIn(t, "linyt")
	if st, _ := clerk.call("MailboxService.ListMessages", nil, core.MessageFilter{}); st != 200 {
		t.Fatal("signed in")
	}
	if st, body := clerk.post("/api/logout", nil); st != 200 {
		t.Fatalf("logout: %d %s", st, body)
	}
	if st, _ := clerk.call("MailboxService.ListMessages", nil, core.MessageFilter{}); st != 401 {
		t.Errorf("after sign-out: %d", st)
	}
}
