package app

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"policydesk/internal/core"
)

// fakeServer answers like `policydesk serve`: /api/login sets the session cookie and returns the CSRF token,
// every other POST needs both, /api/events streams one event to a signed-in client.
func fakeServer(t *testing.T) *httptest.Server {
	t.Helper()
	const session, csrf = "s3cr3t", "tok-1"
	fail := func(w http.ResponseWriter, status int, code, msg string) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(BridgeError{Code: code, Message: msg})
	}
	signedIn := func(r *http.Request) bool {
		c, err := r.Cookie("pd_session")
		return err == nil && c.Value == session
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/AuthService/LoginPage", func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, `{"bureau":"临江市规划和自然资源局","needsLogin":true,"demo":false,"mode":"server"}`)
	})
	mux.HandleFunc("POST /api/login", func(w http.ResponseWriter, r *http.Request) {
		var in struct{ Login, Password string }
		_ = json.NewDecoder(r.Body).Decode(&in)
		if in.Login != "zhou" || in.Password != "Mima-2026" {
			fail(w, http.StatusUnauthorized, "unauthenticated", "账号或密码不正确")
			return
		}
		http.SetCookie(w, &http.Cookie{Name: "pd_session", Value: session, Path: "/", HttpOnly: true, Secure: true})
		_, _ = io.WriteString(w, `{"personId":12,"login":"zhou","name":"周明远","csrfToken":"`+csrf+`","mode":"server"}`)
	})
	mux.HandleFunc("GET /api/me", func(w http.ResponseWriter, r *http.Request) {
		if !signedIn(r) {
			fail(w, http.StatusUnauthorized, "unauthenticated", "请先登录")
			return
		}
		_, _ = io.WriteString(w, `{"personId":12,"login":"zhou","name":"周明远","csrfToken":"`+csrf+`","mode":"server"}`)
	})
	mux.HandleFunc("POST /api/logout", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "pd_session", Value: "", Path: "/", MaxAge: -1})
		_, _ = io.WriteString(w, "null")
	})
	mux.HandleFunc("POST /api/{service}/{method}", func(w http.ResponseWriter, r *http.Request) {
		if !signedIn(r) {
			fail(w, http.StatusUnauthorized, "unauthenticated", "请先登录")
			return
		}
		if r.Header.Get("X-CSRF-Token") != csrf {
			fail(w, http.StatusForbidden, "forbidden", "请求缺少安全令牌")
			return
		}
		var args []any
		if err := json.NewDecoder(r.Body).Decode(&args); err != nil {
			fail(w, http.StatusBadRequest, "invalid", "参数不是JSON数组")
			return
		}
		switch r.PathValue("service") + "." + r.PathValue("method") {
		case "SettingsService.GetBureau":
			_, _ = io.WriteString(w, `{"name":"临江市规划和自然资源局"}`)
		case "MailboxService.SaveMessage":
			fail(w, http.StatusConflict, "conflict", "该留言已被张卫东于10:42修改，请刷新后再处理")
		case "SettingsService.DeletePerson":
			_, _ = io.WriteString(w, "null")
		case "Echo.Args":
			_ = json.NewEncoder(w).Encode(args)
		default:
			fail(w, http.StatusNotFound, "not_found", "没有这个方法")
		}
	})
	mux.HandleFunc("GET /api/download", func(w http.ResponseWriter, r *http.Request) {
		if !signedIn(r) {
			fail(w, http.StatusUnauthorized, "unauthenticated", "请先登录")
			return
		}
		if r.URL.Query().Get("file") != "信箱台账.xlsx" {
			fail(w, http.StatusNotFound, "not_found", "没有这个文件")
			return
		}
		_, _ = io.WriteString(w, "xlsx-bytes")
	})
	mux.HandleFunc("GET /api/events", func(w http.ResponseWriter, r *http.Request) {
		if !signedIn(r) {
			fail(w, http.StatusUnauthorized, "unauthenticated", "请先登录")
			return
		}
		w.Header().Set("Content-Type", "text/event-stream")
		_, _ = io.WriteString(w, ": ping\n\nevent: messages:changed\ndata: [42,\"imported\"]\n\n")
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	})
	srv := httptest.NewTLSServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

type emitted struct {
	mu     sync.Mutex
	events []string
}

func (e *emitted) emit(name string, data ...any) {
	b, _ := json.Marshal(data)
	e.mu.Lock()
	e.events = append(e.events, name+" "+string(b))
	e.mu.Unlock()
}

func (e *emitted) wait(t *testing.T, want string) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) {
		e.mu.Lock()
		for _, ev := range e.events {
			if ev == want {
				e.mu.Unlock()
				return
			}
		}
		e.mu.Unlock()
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("event %q not re-emitted; got %v", want, e.events)
}

func connected(t *testing.T, srv *httptest.Server, dir string, e *emitted) *RemoteService {
	t.Helper()
	s := NewRemoteService(dir, filepath.Join(dir, "exports"), e.emit)
	st, err := s.Connect(srv.URL, Fingerprint(srv.Certificate().Raw))
	if err != nil {
		t.Fatalf("Connect: %v", err)
	}
	if !st.Connected || st.Address != srv.URL {
		t.Fatalf("status after Connect = %+v", st)
	}
	return s
}

func TestRemoteProbeShowsTheCertificateToCompare(t *testing.T) {
	srv := fakeServer(t)
	s := NewRemoteService(t.TempDir(), t.TempDir(), func(string, ...any) {})
	p, err := s.Probe(strings.TrimPrefix(srv.URL, "https://")) // the scheme may be left out
	if err != nil {
		t.Fatal(err)
	}
	if p.Fingerprint != Fingerprint(srv.Certificate().Raw) || len(p.Fingerprint) != 95 {
		t.Errorf("fingerprint = %q", p.Fingerprint)
	}
	if p.Address != srv.URL || p.Bureau != "临江市规划和自然资源局" || p.NotAfter == "" {
		t.Errorf("probe = %+v", p)
	}
	st, _ := s.Status()
	if st.Connected {
		t.Error("a probe must not connect")
	}
}

func TestRemoteProbeRefusesBadAddresses(t *testing.T) {
	s := NewRemoteService(t.TempDir(), t.TempDir(), func(string, ...any) {})
	for _, addr := range []string{"", "http://10.0.0.1:8080", "https://"} {
		if _, err := s.Probe(addr); core.ErrorCode(err) != core.EINVALID {
			t.Errorf("Probe(%q) = %v, want invalid", addr, err)
		}
	}
	// nothing listens there
	if _, err := s.Probe("127.0.0.1:1"); core.ErrorCode(err) != core.EUNAVAILABLE {
		t.Errorf("Probe(closed port) = %v, want unavailable", err)
	}
}

func TestRemoteConnectPinsOnlyTheComparedCertificate(t *testing.T) {
	srv := fakeServer(t)
	dir := t.TempDir()
	s := NewRemoteService(dir, filepath.Join(dir, "exports"), func(string, ...any) {})
	other := strings.Repeat("AB:", 31) + "AB"
	if _, err := s.Connect(srv.URL, other); core.ErrorCode(err) != core.EFORBID {
		t.Fatalf("Connect with another fingerprint = %v, want forbidden", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "server.json")); !os.IsNotExist(err) {
		t.Fatal("a refused connection stored a pin")
	}
	if _, err := s.Connect(srv.URL, "not hex"); core.ErrorCode(err) != core.EINVALID {
		t.Fatalf("Connect with a malformed fingerprint = %v", err)
	}
	// lower case without colons is the same fingerprint
	fp := strings.ToLower(strings.ReplaceAll(Fingerprint(srv.Certificate().Raw), ":", ""))
	if _, err := s.Connect(srv.URL, fp); err != nil {
		t.Fatal(err)
	}
	// the pin lives in the data directory and survives a restart
	again, _ := NewRemoteService(dir, filepath.Join(dir, "exports"), func(string, ...any) {}).Status()
	if !again.Connected || again.Fingerprint != Fingerprint(srv.Certificate().Raw) {
		t.Fatalf("status after restart = %+v", again)
	}
	if st, err := s.Disconnect(); err != nil || st.Connected || st.Address != "" {
		t.Fatalf("Disconnect = %+v, %v", st, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "server.json")); !os.IsNotExist(err) {
		t.Fatal("Disconnect left the pin")
	}
	if _, err := s.Call("SettingsService", "GetBureau", "[]"); core.ErrorCode(err) != core.EINVALID {
		t.Fatalf("Call after Disconnect = %v, want invalid", err)
	}
}

func TestRemoteCallKeepsTheSessionInGo(t *testing.T) {
	srv := fakeServer(t)
	e := &emitted{}
	s := connected(t, srv, t.TempDir(), e)
	defer StopRemote(s)

	if _, err := s.Call("SettingsService", "GetBureau", "[]"); core.ErrorCode(err) != core.ENOTAUTH {
		t.Fatalf("call before sign-in = %v, want unauthenticated", err)
	}
	if _, err := s.Call("AuthService", "Login", `["zhou","wrong",false]`); core.ErrorCode(err) != core.ENOTAUTH || core.ErrorMessage(err) != "账号或密码不正确" {
		t.Fatalf("wrong password = %v", err)
	}
	out, err := s.Call("AuthService", "Login", `["zhou","Mima-2026",false]`)
	if err != nil || !strings.Contains(out, `"name":"周明远"`) {
		t.Fatalf("Login = %q, %v", out, err)
	}
	// cookie and CSRF token were kept: a service call passes
	if out, err = s.Call("SettingsService", "GetBureau", "[]"); err != nil || out != `{"name":"临江市规划和自然资源局"}` {
		t.Fatalf("GetBureau = %q, %v", out, err)
	}
	// arguments arrive as the JSON array they were
	if out, err = s.Call("Echo", "Args", `[1,"二",{"k":true},null]`); err != nil || strings.TrimSpace(out) != `[1,"二",{"k":true},null]` {
		t.Fatalf("Echo = %q, %v", out, err)
	}
	// a method with only an error result answers null
	if out, err = s.Call("SettingsService", "DeletePerson", "[3]"); err != nil || out != "null" {
		t.Fatalf("DeletePerson = %q, %v", out, err)
	}
	// the server's refusal comes back with its code and Chinese message
	_, err = s.Call("MailboxService", "SaveMessage", `[{"id":1,"version":3}]`)
	if core.ErrorCode(err) != core.ECONFLICT || !strings.Contains(core.ErrorMessage(err), "张卫东") {
		t.Fatalf("SaveMessage = %v, want the server's conflict", err)
	}
	if _, err = s.Call("SettingsService", "GetBureau", "{}"); core.ErrorCode(err) != core.EINVALID {
		t.Fatalf("arguments not an array = %v", err)
	}
	// a file exported on the server is saved in the desk's exports folder, never over an existing one
	for _, want := range []string{"信箱台账.xlsx", "信箱台账 (2).xlsx"} {
		p, err := s.Download("/srv/policydesk/exports/信箱台账.xlsx")
		if err != nil || filepath.Base(p) != want {
			t.Fatalf("Download = %q, %v; want %s", p, err, want)
		}
		if b, _ := os.ReadFile(p); string(b) != "xlsx-bytes" {
			t.Fatalf("downloaded %q", b)
		}
	}
	if _, err := s.Download(`C:\exports\别的.xlsx`); core.ErrorCode(err) != core.ENOTFOUND {
		t.Fatalf("Download of another name = %v", err)
	}
	// the server's events reach the desk as Wails events with the same name and arguments
	e.wait(t, `messages:changed [42,"imported"]`)

	if _, err = s.Call("AuthService", "Logout", "[]"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Call("SettingsService", "GetBureau", "[]"); core.ErrorCode(err) != core.ENOTAUTH {
		t.Fatalf("call after sign-out = %v", err)
	}
}

func TestRemoteUnreachableServerWritesNothingAndSaysSo(t *testing.T) {
	srv := fakeServer(t)
	s := connected(t, srv, t.TempDir(), &emitted{})
	defer StopRemote(s)
	if _, err := s.Call("AuthService", "Login", `["zhou","Mima-2026",false]`); err != nil {
		t.Fatal(err)
	}
	srv.Close()
	_, err := s.Call("SettingsService", "GetBureau", "[]")
	if core.ErrorCode(err) != core.EUNAVAILABLE || !strings.Contains(core.ErrorMessage(err), "无法连接单位服务器") {
		t.Fatalf("call to a stopped server = %v, want unavailable", err)
	}
	if st, _ := s.Status(); !st.Connected || st.LastError == "" {
		t.Fatalf("status = %+v: still connected, with the failure", st)
	}
	// the frontend sees the code in the bridge error
	var be BridgeError
	if err := json.Unmarshal([]byte(FormatError(err).(string)), &be); err != nil || be.Code != "unavailable" {
		t.Fatalf("bridge error = %+v, %v", be, err)
	}
}

func TestRemoteRefusesAnotherCertificateAtTheSameAddress(t *testing.T) {
	srv := fakeServer(t)
	dir := t.TempDir()
	pin, _ := json.Marshal(remotePin{Address: srv.URL, Fingerprint: strings.Repeat("0A:", 31) + "0A"})
	if err := os.WriteFile(filepath.Join(dir, "server.json"), pin, 0o600); err != nil {
		t.Fatal(err)
	}
	s := NewRemoteService(dir, filepath.Join(dir, "exports"), func(string, ...any) {})
	_, err := s.Call("AuthService", "Login", `["zhou","Mima-2026",false]`)
	if core.ErrorCode(err) != core.EUNAVAILABLE || !strings.Contains(core.ErrorMessage(err), "证书") {
		t.Fatalf("login against a changed certificate = %v, want a refusal naming the certificate", err)
	}
}

func TestParseEvents(t *testing.T) {
	stream := ": ping\n\n" +
		"event: settings:changed\ndata: []\n\n" +
		"event: mail:progress\ndata: [{\"done\":1,\n" + "data: \"total\":2}]\n\n" +
		"data: [1]\n\n" + // unnamed: skipped
		"event: data:restored\ndata: \"backup-1\"\n\n" +
		"event: broken\ndata: [\n\n" +
		"event: routing:changed\ndata: [7]" // no final blank line
	var got []string
	if err := ParseEvents(strings.NewReader(stream), func(name string, args []any) {
		b, _ := json.Marshal(args)
		got = append(got, name+" "+string(b))
	}); err != nil {
		t.Fatal(err)
	}
	want := []string{`settings:changed []`, `mail:progress [{"done":1,"total":2}]`, `data:restored ["backup-1"]`, `routing:changed [7]`}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("events = %v, want %v", got, want)
	}
}

func TestFingerprintFormat(t *testing.T) {
	fp := Fingerprint([]byte("x"))
	if len(fp) != 95 || strings.ToUpper(fp) != fp || normalizeFingerprint(strings.ReplaceAll(fp, ":", " ")) != fp {
		t.Fatalf("fingerprint %q", fp)
	}
	if normalizeFingerprint("AB:CD") != "" {
		t.Fatal("a short fingerprint was accepted")
	}
}
