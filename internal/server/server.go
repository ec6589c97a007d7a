// Package server is PolicyDesk in team mode (`policydesk serve`): one HTTP handler serves the Vue UI to browsers
// and the API to browsers and desks. The API has no per-method handlers: POST /api/<Service>/<Method> reaches any
// method of the services the desktop binds, with the JSON array of its arguments as the body, and answers its
// JSON result or {code, message, field}. Every call acts as the person of its session (cookie + CSRF token), is
// checked against the method's declared access (app.Permissions) and runs on a copy of the service that carries
// that person (app.Scoped).
package server

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"reflect"
	"strings"
	"time"

	"policydesk/app"
	"policydesk/internal/core"
)

// CookieName is the session cookie.
const CookieName = "policydesk_session"

// DefaultMaxBody bounds a request body: a 50 MB import file travels base64-encoded in a JSON array.
const DefaultMaxBody = 50<<20*4/3 + 1<<20

// MaxUploadMB is the import size the users are told about.
const MaxUploadMB = 50

// Client is where a request comes from.
type Client struct {
	Addr string // the remote IP address
	Kind string // core.ClientBrowser or core.ClientDesktop
}

// Auth signs people in and finds the person behind a session token.
type Auth interface {
	// Login checks the password and opens a new session (a fresh token every time).
	Login(ctx context.Context, login, password string, c Client) (token string, s core.Session, err error)
	// Resolve returns the live session of token with its CSRF token, and the person acting in it.
	Resolve(ctx context.Context, token string, c Client) (core.Session, core.Actor, error)
	// Logout ends the session.
	Logout(ctx context.Context, token string) error
	// Confirm records a password confirmation on the session and returns its time (RFC 3339).
	Confirm(ctx context.Context, token string) (string, error)
}

// Config is what the server needs from the wiring.
type Config struct {
	Services []any // the bound services, as the desktop binds them (pointers)
	Auth     Auth
	Hub      *Hub   // events of every service, sent to every open page
	Assets   fs.FS  // the built frontend, index.html at its root; nil serves no UI
	Exports  string // the exports folder, the only place downloads come from
	Secure   bool   // served over TLS: the cookie is Secure
	MaxBody  int64  // 0: DefaultMaxBody
	// Base is the context of calls: background work a call starts (a mail fetch, a training) outlives the
	// request, so calls are not cancelled when the browser goes away.
	Base context.Context
	Log  *slog.Logger
	// Access and Scope default to app.Permissions and app.Scoped (tests give their own).
	Access func(key string) (app.Access, bool)
	Scope  func(svc any, ctx context.Context) (any, bool)
}

// Server is the HTTP handler of team mode.
type Server struct {
	cfg     Config
	methods map[string]*method
	mux     *http.ServeMux
	index   []byte
	guard   *loginGuard
}

// method is one bound method reachable through the dispatcher.
type method struct {
	service string
	name    string
	svc     any
	fn      reflect.Value // the method's func, receiver first
	in      []reflect.Type
	outs    int // 0, 1 (error or value) or 2 (value, error)
	errOnly bool
	access  app.Access
	known   bool // declared in app.Permissions
}

var errorType = reflect.TypeOf((*error)(nil)).Elem()

// New builds the handler; it fails when a service is not a pointer to a named struct.
func New(cfg Config) (*Server, error) {
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.Base == nil {
		cfg.Base = context.Background()
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.Hub == nil {
		cfg.Hub = NewHub()
	}
	if cfg.Access == nil {
		cfg.Access = func(key string) (app.Access, bool) { a, ok := app.Permissions[key]; return a, ok }
	}
	if cfg.Scope == nil {
		cfg.Scope = app.Scoped
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux(), guard: newLoginGuard()}
	var err error
	if s.methods, err = methodsOf(cfg.Services, cfg.Access); err != nil {
		return nil, err
	}
	if cfg.Assets != nil {
		if b, err := fs.ReadFile(cfg.Assets, "index.html"); err == nil {
			s.index = b
		}
	}
	s.mux.HandleFunc("POST /api/login", s.login)
	s.mux.HandleFunc("POST /api/logout", s.logout)
	s.mux.HandleFunc("GET /api/me", s.me)
	s.mux.HandleFunc("GET /api/events", s.events)
	s.mux.HandleFunc("GET /api/download", s.download)
	s.mux.HandleFunc("POST /api/{service}/{method}", s.call)
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, core.Errorf(core.ENOTFOUND, "没有这个接口：%s %s", r.Method, r.URL.Path))
	})
	s.mux.HandleFunc("/", s.static)
	return s, nil
}

// Methods lists every reachable "Service.Method" (tests).
func (s *Server) Methods() []string {
	out := make([]string, 0, len(s.methods))
	for k := range s.methods {
		out = append(out, k)
	}
	return out
}

// ServeHTTP adds the headers every answer carries and recovers from a panic as a 500.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "+
		"font-src 'self' data:; media-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; object-src 'none'")
	if s.cfg.Secure {
		h.Set("Strict-Transport-Security", "max-age=31536000")
	}
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.cfg.Log.Error("panic in request", "path", r.URL.Path, "panic", v)
			writeError(w, http.StatusInternalServerError, errors.New("panic"))
		}
	}()
	s.mux.ServeHTTP(w, r)
}

// ---- answers ----

// statusOf maps an error code to its HTTP status.
func statusOf(code string) int {
	switch code {
	case core.EINVALID, core.EIMPORT:
		return http.StatusBadRequest
	case core.ENOTAUTH:
		return http.StatusUnauthorized
	case core.EFORBID, core.ECONFIRM:
		return http.StatusForbidden
	case core.ENOTFOUND:
		return http.StatusNotFound
	case core.ECONFLICT:
		return http.StatusConflict
	case core.EUNAVAILABLE:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// writeError answers {code, message, field}; status 0 takes the status from the error's code. Unexpected errors
// are logged in full and answered with a generic message.
func writeError(w http.ResponseWriter, status int, err error) {
	be := app.NewBridgeError(err)
	if status == 0 {
		status = statusOf(be.Code)
	}
	writeJSON(w, status, be)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		slog.Error("encode answer", "err", err)
		status, b = http.StatusInternalServerError, []byte(`{"code":"internal","message":"系统内部错误，请稍后重试；如多次出现，请联系管理员并提供日志。"}`)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(b)
}

// ---- sessions ----

func clientOf(r *http.Request) Client {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	kind := core.ClientBrowser
	if r.Header.Get("X-PolicyDesk-Client") == "desktop" {
		kind = core.ClientDesktop
	}
	return Client{Addr: host, Kind: kind}
}

func tokenOf(r *http.Request) string {
	c, err := r.Cookie(CookieName)
	if err != nil {
		return ""
	}
	return c.Value
}

// session resolves the request's session; a missing or expired one is ENOTAUTH.
func (s *Server) session(r *http.Request) (string, core.Session, core.Actor, error) {
	token := tokenOf(r)
	if token == "" {
		return "", core.Session{}, core.Actor{}, core.Errorf(core.ENOTAUTH, "请先登录")
	}
	sess, actor, err := s.cfg.Auth.Resolve(s.cfg.Base, token, clientOf(r))
	return token, sess, actor, err
}

// checkCSRF compares the X-CSRF-Token header with the session's token.
func checkCSRF(r *http.Request, sess core.Session) error {
	got := r.Header.Get("X-CSRF-Token")
	if got == "" || sess.CSRFToken == "" || subtle.ConstantTimeCompare([]byte(got), []byte(sess.CSRFToken)) != 1 {
		return core.Errorf(core.EFORBID, "请求缺少有效的安全令牌，请刷新页面后重试")
	}
	return nil
}

// checkJSON refuses a POST that is not JSON: a cross-site form cannot send one without the browser asking first.
func checkJSON(r *http.Request) error {
	ct := r.Header.Get("Content-Type")
	if r.ContentLength == 0 && ct == "" {
		return nil
	}
	if !strings.HasPrefix(strings.ToLower(strings.TrimSpace(ct)), "application/json") {
		return core.Errorf(core.EINVALID, "请求内容应为 JSON（Content-Type: application/json）")
	}
	return nil
}

func (s *Server) setCookie(w http.ResponseWriter, token string, maxAge int) {
	http.SetCookie(w, &http.Cookie{Name: CookieName, Value: token, Path: "/", HttpOnly: true, Secure: s.cfg.Secure,
		SameSite: http.SameSiteStrictMode, MaxAge: maxAge})
}

// readBody reads at most MaxBody bytes; more is EINVALID with the upload limit in the message.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, int, error) {
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return nil, http.StatusRequestEntityTooLarge, core.Errorf(core.EINVALID, "请求内容过大：导入的文件不能超过 %d MB，请拆分后分批导入", MaxUploadMB)
	}
	if err != nil {
		return nil, http.StatusBadRequest, core.Errorf(core.EINVALID, "没有收到完整的请求内容，请重试")
	}
	return b, 0, nil
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	if err := checkJSON(r); err != nil {
		writeError(w, 0, err)
		return
	}
	body, status, err := s.readBody(w, r)
	if err != nil {
		writeError(w, status, err)
		return
	}
	var creds struct {
		Login    string `json:"login"`
		Password string `json:"password"`
	}
	if err := json.Unmarshal(body, &creds); err != nil {
		writeError(w, 0, core.Errorf(core.EINVALID, "登录请求应为 {\"login\", \"password\"}"))
		return
	}
	if strings.TrimSpace(creds.Login) == "" {
		writeError(w, 0, core.FieldErrorf(core.EINVALID, "login", "请输入账号"))
		return
	}
	client := clientOf(r)
	if wait := s.guard.blocked(client.Addr, time.Now()); wait > 0 {
		w.Header().Set("Retry-After", fmt.Sprint(int(wait.Seconds())+1))
		writeError(w, http.StatusTooManyRequests, core.Errorf(core.EFORBID, "本机登录失败次数过多，请%d分钟后再试", int(wait.Minutes())+1))
		return
	}
	// a session that came with the request ends here: every sign-in gets a new id (no session fixation)
	if old := tokenOf(r); old != "" {
		_ = s.cfg.Auth.Logout(s.cfg.Base, old)
	}
	token, sess, err := s.cfg.Auth.Login(s.cfg.Base, creds.Login, creds.Password, client)
	if err != nil {
		if code := core.ErrorCode(err); code == core.ENOTAUTH || code == core.EFORBID {
			s.guard.failed(client.Addr, time.Now())
		}
		writeError(w, 0, err)
		return
	}
	s.setCookie(w, token, 0)
	writeJSON(w, http.StatusOK, sess)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	token, sess, _, err := s.session(r)
	if err != nil {
		s.setCookie(w, "", -1)
		writeJSON(w, http.StatusOK, nil) // already signed out
		return
	}
	if err := checkCSRF(r, sess); err != nil {
		writeError(w, 0, err)
		return
	}
	if err := s.cfg.Auth.Logout(s.cfg.Base, token); err != nil {
		writeError(w, 0, err)
		return
	}
	s.setCookie(w, "", -1)
	writeJSON(w, http.StatusOK, nil)
}

func (s *Server) me(w http.ResponseWriter, r *http.Request) {
	_, sess, _, err := s.session(r)
	if err != nil {
		writeError(w, 0, err)
		return
	}
	writeJSON(w, http.StatusOK, sess)
}

// ---- the dispatcher ----

func (s *Server) call(w http.ResponseWriter, r *http.Request) {
	key := r.PathValue("service") + "." + r.PathValue("method")
	m, ok := s.methods[key]
	if !ok {
		writeError(w, http.StatusNotFound, core.Errorf(core.ENOTFOUND, "没有这个接口：%s（请确认程序与服务器是同一版本）", key))
		return
	}
	switch {
	case !m.known:
		writeError(w, http.StatusForbidden, core.Errorf(core.EFORBID, "接口 %s 没有声明访问权限，已拒绝", key))
		return
	case m.access.Endpoint:
		writeError(w, http.StatusNotFound, core.Errorf(core.ENOTFOUND, "登录、退出和当前用户请使用 /api/login、/api/logout、/api/me"))
		return
	case m.access.DeskOnly:
		writeError(w, http.StatusForbidden, core.Errorf(core.EFORBID, "“%s”只能在本机桌面程序中使用", key))
		return
	}
	if err := checkJSON(r); err != nil {
		writeError(w, 0, err)
		return
	}
	ctx := s.cfg.Base
	var cs *app.CallSession
	if m.access.Public {
		cs = app.NewCallSession(core.Session{}, nil)
	} else {
		token, sess, actor, err := s.session(r)
		if err != nil {
			writeError(w, 0, err)
			return
		}
		if err := checkCSRF(r, sess); err != nil {
			writeError(w, 0, err)
			return
		}
		if sess.MustChangePassword && key != "AuthService.ChangePassword" {
			writeError(w, http.StatusForbidden, core.Errorf(core.EFORBID, "管理员重置了您的密码，请先修改密码"))
			return
		}
		if !m.access.Allows(actor) {
			writeError(w, http.StatusForbidden, core.Errorf(core.EFORBID, "%s（%s）没有执行此操作的权限", actor.Name, core.RoleLabel(actor.Role)))
			return
		}
		cs = app.NewCallSession(sess, func(ctx context.Context) (string, error) { return s.cfg.Auth.Confirm(ctx, token) })
		ctx = core.WithActor(ctx, actor)
	}
	ctx = app.WithCallSession(ctx, cs)
	body, status, err := s.readBody(w, r)
	if err != nil {
		writeError(w, status, err)
		return
	}
	args, err := m.decode(body, true)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	svc, ok := s.cfg.Scope(m.svc, ctx)
	if !ok {
		writeError(w, http.StatusInternalServerError, fmt.Errorf("service %s cannot act per call", m.service))
		return
	}
	out, err := m.call(svc, args)
	if err != nil {
		writeError(w, 0, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// call runs the method on svc and returns its result (nil for a method that returns only an error).
func (m *method) call(svc any, args []reflect.Value) (any, error) {
	out := m.fn.Call(append([]reflect.Value{reflect.ValueOf(svc)}, args...))
	if m.outs > 0 && m.fn.Type().Out(m.outs-1) == errorType {
		if e, _ := out[m.outs-1].Interface().(error); e != nil {
			return nil, e
		}
	}
	if m.outs == 0 || m.errOnly {
		return nil, nil
	}
	return out[0].Interface(), nil
}

// decode turns the JSON array of arguments into the method's argument values. Over the network a folder or
// file named by the caller (Access.LocalDir) is dropped: files are written to the exports folder only.
func (m *method) decode(body []byte, network bool) ([]reflect.Value, error) {
	var raw []json.RawMessage
	trimmed := bytes.TrimSpace(body) // no copy: an upload's body is tens of MB
	if len(trimmed) == 0 {
		trimmed = []byte("[]")
	}
	if err := json.Unmarshal(trimmed, &raw); err != nil {
		return nil, core.Errorf(core.EINVALID, "请求内容应为参数的 JSON 数组：%s", jsonProblem(err))
	}
	if len(raw) != len(m.in) {
		return nil, core.Errorf(core.EINVALID, "%s.%s 需要 %d 个参数，收到 %d 个", m.service, m.name, len(m.in), len(raw))
	}
	args := make([]reflect.Value, len(m.in))
	for i, t := range m.in {
		v := reflect.New(t)
		if network && m.access.LocalDir == i+1 {
			args[i] = v.Elem()
			continue
		}
		if err := json.Unmarshal(raw[i], v.Interface()); err != nil {
			return nil, core.Errorf(core.EINVALID, "第 %d 个参数无效：%s", i+1, jsonProblem(err))
		}
		args[i] = v.Elem()
	}
	return args, nil
}

// jsonProblem describes a JSON decoding error in Chinese.
func jsonProblem(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("第 %d 个字节处不是有效的 JSON", syn.Offset)
	case errors.As(err, &typ):
		where := typ.Field
		if where == "" {
			where = "值"
		}
		return fmt.Sprintf("%s 应为 %s，收到的是 JSON %s", where, typeName(typ.Type), typ.Value)
	}
	return "不是有效的 JSON"
}

func typeName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "字符串"
	case reflect.Bool:
		return "布尔值"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "整数"
	case reflect.Float32, reflect.Float64:
		return "数字"
	case reflect.Slice, reflect.Array:
		return "数组"
	case reflect.Map, reflect.Struct:
		return "对象"
	}
	return t.String()
}

// ---- the UI ----

// static serves the built frontend; any path that is not a file is the app itself (its router uses the hash).
func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Assets == nil {
		http.Error(w, "PolicyDesk server: no user interface in this build", http.StatusNotFound)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := strings.TrimPrefix(r.URL.Path, "/")
	if name != "" && !strings.HasSuffix(name, "/") && fs.ValidPath(name) {
		if st, err := fs.Stat(s.cfg.Assets, name); err == nil && !st.IsDir() {
			if strings.HasPrefix(name, "assets/") {
				w.Header().Set("Cache-Control", "public, max-age=31536000, immutable") // hashed names
			}
			http.ServeFileFS(w, r, s.cfg.Assets, name)
			return
		}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, "index.html", time.Time{}, strings.NewReader(string(s.index)))
}
