package app

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"policydesk/internal/core"
)

// RemoteService connects a desk to the bureau's PolicyDesk server (设置 → 单位服务器). The server's certificate
// is pinned by its SHA-256 fingerprint (compared by a person at first contact and stored in the desk's data
// directory, not the database); the desk's session cookie and CSRF token stay in this process. While connected
// the frontend forwards every service call through Call, and the server's events come back as Wails events.
type RemoteService struct {
	ctx context.Context
	r   *remote
}

// remote is the mutable state behind a pointer, shared by copies of the service.
type remote struct {
	mu      sync.Mutex
	file    string // <data dir>/server.json
	exports string // where files exported on the server are saved on this desk
	emit    Emitter
	timeout time.Duration

	address     string
	fingerprint string
	connected   bool
	lastErr     string
	client      *http.Client // calls: pinned TLS, cookie jar, timeout
	stream      *http.Client // the event stream: the same transport and jar, no timeout
	csrf        string
	stopEvents  context.CancelFunc
}

// remotePin is the stored pin.
type remotePin struct {
	Address     string `json:"address"`
	Fingerprint string `json:"fingerprint"`
}

// unavailableMessage is what the desk shows when the server does not answer.
const unavailableMessage = "无法连接单位服务器，请检查网络或联系管理员；本次操作没有保存。"

// NewRemoteService reads the pin stored in dataDir (if any): a desk that was connected stays connected.
// Files the server exports are downloaded into exportDir.
func NewRemoteService(dataDir, exportDir string, emit Emitter) *RemoteService {
	r := &remote{file: filepath.Join(dataDir, "server.json"), exports: exportDir, emit: emit, timeout: 60 * time.Second}
	if b, err := os.ReadFile(r.file); err == nil {
		var pin remotePin
		if json.Unmarshal(b, &pin) == nil && pin.Address != "" && pin.Fingerprint != "" {
			r.setPin(pin.Address, pin.Fingerprint)
		} else {
			slog.Warn("ignoring an unreadable server pin", "file", r.file)
		}
	}
	return &RemoteService{ctx: context.Background(), r: r}
}

func (s *RemoteService) startup(ctx context.Context) { s.ctx = ctx }

// StopRemote ends the event subscription (at shutdown).
// RemoteConnected reports whether the desk works on a server's data: its own background jobs (mail fetch,
// routing training, the daily backup) then stand still, since the server runs them on the shared data.
func RemoteConnected(s *RemoteService) bool {
	s.r.mu.Lock()
	defer s.r.mu.Unlock()
	return s.r.connected
}

func StopRemote(s *RemoteService) {
	s.r.mu.Lock()
	defer s.r.mu.Unlock()
	if s.r.stopEvents != nil {
		s.r.stopEvents()
		s.r.stopEvents = nil
	}
}

// Status is the server this desk works on, or none.
func (s *RemoteService) Status() (core.RemoteStatus, error) {
	s.r.mu.Lock()
	defer s.r.mu.Unlock()
	return s.r.status(), nil
}

// Probe contacts address over TLS without trusting it yet and shows its certificate, so that a person can
// compare the fingerprint with the one the server printed at start.
func (s *RemoteService) Probe(address string) (core.RemoteProbe, error) {
	addr, host, err := normalizeAddress(address)
	if err != nil {
		return core.RemoteProbe{}, err
	}
	cert, err := peerCertificate(s.ctx, host, s.r.timeout)
	if err != nil {
		return core.RemoteProbe{}, err
	}
	p := core.RemoteProbe{
		Address:     addr,
		Fingerprint: Fingerprint(cert.Raw),
		Subject:     cert.Subject.String(),
		Issuer:      cert.Issuer.String(),
		NotAfter:    cert.NotAfter.UTC().Format(time.RFC3339),
	}
	// The bureau's name, through a client that trusts exactly this certificate; a failure only leaves it out.
	c := pinnedClient(p.Fingerprint, nil, 10*time.Second)
	if body, err := post(s.ctx, c, addr+"/api/AuthService/LoginPage", "", []byte("[]")); err == nil {
		var page struct {
			Bureau string `json:"bureau"`
		}
		if json.Unmarshal(body, &page) == nil {
			p.Bureau = page.Bureau
		}
	}
	return p, nil
}

// Connect pins fingerprint for address and makes the desk work on that server's data (the person then signs in
// against it). The server must present exactly that certificate now.
func (s *RemoteService) Connect(address, fingerprint string) (core.RemoteStatus, error) {
	addr, host, err := normalizeAddress(address)
	if err != nil {
		return core.RemoteStatus{}, err
	}
	want := normalizeFingerprint(fingerprint)
	if want == "" {
		return core.RemoteStatus{}, core.FieldErrorf(core.EINVALID, "fingerprint", "证书指纹应为64位十六进制（SHA-256），请先探测服务器再连接。")
	}
	cert, err := peerCertificate(s.ctx, host, s.r.timeout)
	if err != nil {
		return core.RemoteStatus{}, err
	}
	if got := Fingerprint(cert.Raw); got != want {
		return core.RemoteStatus{}, core.Errorf(core.EFORBID, "服务器现在出示的证书指纹（%s）与核对的指纹不一致，未连接。请向管理员确认服务器证书后重新探测。", got)
	}
	pin, _ := json.MarshalIndent(remotePin{Address: addr, Fingerprint: want}, "", "  ")
	if err := os.WriteFile(s.r.file, pin, 0o600); err != nil {
		return core.RemoteStatus{}, fmt.Errorf("store server pin: %w", err)
	}
	s.r.mu.Lock()
	defer s.r.mu.Unlock()
	s.r.stopLocked()
	s.r.setPin(addr, want)
	return s.r.status(), nil
}

// Disconnect forgets the server: the desk works on its own data again. The server's data is untouched.
func (s *RemoteService) Disconnect() (core.RemoteStatus, error) {
	s.r.mu.Lock()
	defer s.r.mu.Unlock()
	if s.r.connected && s.r.csrf != "" {
		// sign out on the server as well; a server that does not answer is no reason to stay connected
		_, _ = post(s.ctx, s.r.client, s.r.address+"/api/logout", s.r.csrf, nil)
	}
	s.r.stopLocked()
	s.r.address, s.r.fingerprint, s.r.connected, s.r.lastErr, s.r.csrf = "", "", false, "", ""
	s.r.client, s.r.stream = nil, nil
	if err := os.Remove(s.r.file); err != nil && !errors.Is(err, os.ErrNotExist) {
		return core.RemoteStatus{}, fmt.Errorf("remove server pin: %w", err)
	}
	return s.r.status(), nil
}

// Call forwards one service call to the server: argsJSON is the JSON array of the arguments, the answer the
// JSON result. Sign-in, sign-out and "who am I" use the server's own endpoints; the session stays in Go.
func (s *RemoteService) Call(service, method, argsJSON string) (string, error) {
	s.r.mu.Lock()
	connected, addr, client, csrf := s.r.connected, s.r.address, s.r.client, s.r.csrf
	s.r.mu.Unlock()
	if !connected {
		return "", core.Errorf(core.EINVALID, "本机没有连接单位服务器，请在 设置 → 单位服务器 中连接。")
	}
	if argsJSON == "" {
		argsJSON = "[]"
	}
	var args []json.RawMessage
	if err := json.Unmarshal([]byte(argsJSON), &args); err != nil {
		return "", core.Errorf(core.EINVALID, "调用参数不是JSON数组：%v", err)
	}
	var (
		body []byte
		err  error
	)
	switch {
	case service == "AuthService" && method == "Login":
		if len(args) < 2 {
			return "", core.Errorf(core.EINVALID, "登录需要账号和密码。")
		}
		creds := map[string]json.RawMessage{"login": args[0], "password": args[1]}
		payload, _ := json.Marshal(creds)
		body, err = s.r.do(s.ctx, client, http.MethodPost, addr+"/api/login", "", payload)
		if err == nil {
			s.r.adoptSession(body)
			s.r.subscribe()
		}
	case service == "AuthService" && method == "Logout":
		body, err = s.r.do(s.ctx, client, http.MethodPost, addr+"/api/logout", csrf, nil)
		s.r.mu.Lock()
		s.r.csrf = ""
		s.r.stopLocked()
		s.r.mu.Unlock()
	case service == "AuthService" && method == "Me":
		body, err = s.r.do(s.ctx, client, http.MethodGet, addr+"/api/me", "", nil)
		if err == nil {
			s.r.adoptSession(body)
			s.r.subscribe()
		}
	default:
		u := addr + "/api/" + url.PathEscape(service) + "/" + url.PathEscape(method)
		body, err = s.r.do(s.ctx, client, http.MethodPost, u, csrf, []byte(argsJSON))
	}
	if err != nil {
		return "", err
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return "null", nil
	}
	return string(body), nil
}

// Download fetches a file an export wrote into the server's exports folder (serverPath as the export returned
// it; only its base name is sent) and saves it in this desk's exports folder, returning the local path. A file of
// the same name is not overwritten: the copy gets " (2)", " (3)"… before its extension.
func (s *RemoteService) Download(serverPath string) (string, error) {
	s.r.mu.Lock()
	connected, addr, client := s.r.connected, s.r.address, s.r.client
	s.r.mu.Unlock()
	if !connected {
		return "", core.Errorf(core.EINVALID, "本机没有连接单位服务器，请在 设置 → 单位服务器 中连接。")
	}
	name := filepath.Base(strings.ReplaceAll(serverPath, "\\", "/"))
	if name == "" || name == "." || name == "/" {
		return "", core.FieldErrorf(core.EINVALID, "file", "没有要下载的文件名。")
	}
	body, err := s.r.do(s.ctx, client, http.MethodGet, addr+"/api/download?file="+url.QueryEscape(name), "", nil)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(s.r.exports, 0o755); err != nil {
		return "", fmt.Errorf("create exports folder: %w", err)
	}
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for i := 1; ; i++ {
		p := filepath.Join(s.r.exports, name)
		if i > 1 {
			p = filepath.Join(s.r.exports, fmt.Sprintf("%s (%d)%s", stem, i, ext))
		}
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("save download: %w", err)
		}
		if _, err := f.Write(body); err != nil {
			f.Close()
			return "", fmt.Errorf("save download: %w", err)
		}
		return p, f.Close()
	}
}

// ---- state ----

func (r *remote) status() core.RemoteStatus {
	return core.RemoteStatus{Address: r.address, Fingerprint: r.fingerprint, Connected: r.connected, LastError: r.lastErr}
}

func (r *remote) setPin(address, fingerprint string) {
	jar, _ := cookiejar.New(nil)
	r.address, r.fingerprint, r.connected, r.lastErr, r.csrf = address, fingerprint, true, "", ""
	r.client = pinnedClient(fingerprint, jar, r.timeout)
	r.stream = &http.Client{Transport: r.client.Transport, Jar: jar}
}

func (r *remote) stopLocked() {
	if r.stopEvents != nil {
		r.stopEvents()
		r.stopEvents = nil
	}
}

// adoptSession keeps the CSRF token of the session the server returned.
func (r *remote) adoptSession(body []byte) {
	var sess struct {
		CSRFToken string `json:"csrfToken"`
	}
	if json.Unmarshal(body, &sess) == nil && sess.CSRFToken != "" {
		r.mu.Lock()
		r.csrf = sess.CSRFToken
		r.mu.Unlock()
	}
}

// do sends one request and turns every failure into the error the frontend expects: the server's own
// {code, message, field}, or "unavailable" when it cannot be reached.
func (r *remote) do(ctx context.Context, c *http.Client, method, u, csrf string, payload []byte) ([]byte, error) {
	body, err := request(ctx, c, method, u, csrf, payload)
	r.mu.Lock()
	defer r.mu.Unlock()
	if core.ErrorCode(err) == core.EUNAVAILABLE {
		r.lastErr = core.ErrorMessage(err)
	} else if err == nil || errors.As(err, new(*core.Error)) {
		r.lastErr = ""
	}
	return body, err
}

func post(ctx context.Context, c *http.Client, u, csrf string, payload []byte) ([]byte, error) {
	return request(ctx, c, http.MethodPost, u, csrf, payload)
}

func request(ctx context.Context, c *http.Client, method, u, csrf string, payload []byte) ([]byte, error) {
	if c == nil {
		return nil, core.Errorf(core.EUNAVAILABLE, unavailableMessage)
	}
	var rd io.Reader
	if payload != nil {
		rd = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return nil, core.Errorf(core.EINVALID, "服务器地址无效：%v", err)
	}
	req.Header.Set("Accept", "application/json")
	if method == http.MethodPost {
		req.Header.Set("Content-Type", "application/json")
	}
	if csrf != "" {
		req.Header.Set("X-CSRF-Token", csrf)
	}
	req.Header.Set("X-PolicyDesk-Client", "desktop")
	res, err := c.Do(req)
	if err != nil {
		var pinErr *pinMismatch
		if errors.As(err, &pinErr) {
			return nil, core.Errorf(core.EUNAVAILABLE, "单位服务器出示的证书与本机核对过的不一致（%s），为安全起见未发送任何数据。请联系管理员，确认后在 设置 → 单位服务器 重新连接。", pinErr.got)
		}
		slog.Warn("server unreachable", "url", u, "err", err)
		return nil, core.Errorf(core.EUNAVAILABLE, unavailableMessage)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(io.LimitReader(res.Body, 256<<20))
	if err != nil {
		return nil, core.Errorf(core.EUNAVAILABLE, unavailableMessage)
	}
	if res.StatusCode >= 200 && res.StatusCode < 300 {
		return body, nil
	}
	var be BridgeError
	if json.Unmarshal(body, &be) == nil && be.Code != "" && be.Message != "" {
		return nil, &core.Error{Code: be.Code, Message: be.Message, Field: be.Field}
	}
	switch res.StatusCode {
	case http.StatusUnauthorized:
		return nil, core.Errorf(core.ENOTAUTH, "请先登录。")
	case http.StatusForbidden:
		return nil, core.Errorf(core.EFORBID, "没有执行此操作的权限。")
	case http.StatusNotFound:
		return nil, core.Errorf(core.ENOTFOUND, "单位服务器没有提供这项功能，请确认服务器与本机程序版本一致。")
	case http.StatusConflict:
		return nil, core.Errorf(core.ECONFLICT, "记录已被他人修改，请刷新后再处理。")
	case http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return nil, core.Errorf(core.EUNAVAILABLE, unavailableMessage)
	}
	return nil, core.Errorf(core.EINTERNAL, "单位服务器未能完成操作（HTTP %d），请稍后重试。", res.StatusCode)
}

// ---- events: the server's SSE stream re-emitted as Wails events ----

// subscribe (re)opens the event stream for the current session.
func (r *remote) subscribe() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.stopLocked()
	if !r.connected || r.stream == nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	r.stopEvents = cancel
	go r.events(ctx, r.stream, r.address+"/api/events")
}

func (r *remote) events(ctx context.Context, c *http.Client, u string) {
	wait := time.Second
	for ctx.Err() == nil {
		status, err := r.readEvents(ctx, c, u)
		if ctx.Err() != nil {
			return
		}
		if status == http.StatusUnauthorized || status == http.StatusForbidden {
			return // signed out or expired: the next sign-in subscribes again
		}
		if err != nil {
			slog.Warn("server events interrupted", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		if wait < 30*time.Second {
			wait *= 2
		}
	}
}

// readEvents reads one connection's events until it ends; it returns the HTTP status of a refused connection.
func (r *remote) readEvents(ctx context.Context, c *http.Client, u string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Accept", "text/event-stream")
	req.Header.Set("X-PolicyDesk-Client", "desktop")
	res, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return res.StatusCode, fmt.Errorf("events: HTTP %d", res.StatusCode)
	}
	return 0, ParseEvents(res.Body, func(name string, args []any) { r.emit(name, args...) })
}

// ParseEvents reads a Server-Sent Events stream and calls emit for every event whose data is a JSON array
// (a single JSON value is passed as one argument); comments (pings) and unnamed events are skipped.
func ParseEvents(rd io.Reader, emit func(name string, args []any)) error {
	sc := bufio.NewScanner(rd)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	var name string
	var data []string
	flush := func() {
		if name != "" && len(data) > 0 {
			var v any
			if err := json.Unmarshal([]byte(strings.Join(data, "\n")), &v); err == nil {
				if arr, ok := v.([]any); ok {
					emit(name, arr)
				} else {
					emit(name, []any{v})
				}
			}
		}
		name, data = "", nil
	}
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			flush()
		case strings.HasPrefix(line, ":"):
			// a comment: the server's keep-alive ping
		case strings.HasPrefix(line, "event:"):
			name = strings.TrimSpace(strings.TrimPrefix(line, "event:"))
		case strings.HasPrefix(line, "data:"):
			data = append(data, strings.TrimPrefix(strings.TrimPrefix(line, "data:"), " "))
		}
	}
	flush()
	return sc.Err()
}

// ---- TLS with a pinned certificate ----

// Fingerprint is the SHA-256 of a DER certificate as upper-case hex pairs joined by colons.
func Fingerprint(der []byte) string {
	sum := sha256.Sum256(der)
	h := strings.ToUpper(hex.EncodeToString(sum[:]))
	parts := make([]string, 0, len(sum))
	for i := 0; i < len(h); i += 2 {
		parts = append(parts, h[i:i+2])
	}
	return strings.Join(parts, ":")
}

// normalizeFingerprint accepts the hex with or without colons, spaces or case; "" when it is not a SHA-256.
func normalizeFingerprint(fp string) string {
	clean := strings.NewReplacer(":", "", " ", "", "-", "").Replace(strings.TrimSpace(fp))
	raw, err := hex.DecodeString(clean)
	if err != nil || len(raw) != sha256.Size {
		return ""
	}
	h := strings.ToUpper(clean)
	parts := make([]string, 0, sha256.Size)
	for i := 0; i < len(h); i += 2 {
		parts = append(parts, h[i:i+2])
	}
	return strings.Join(parts, ":")
}

// normalizeAddress turns "host:port" or "https://host:port/" into "https://host:port" and returns host:port.
func normalizeAddress(address string) (string, string, error) {
	a := strings.TrimSpace(address)
	if a == "" {
		return "", "", core.FieldErrorf(core.EINVALID, "address", "请填写单位服务器的地址，例如 https://192.168.1.20:8443")
	}
	if !strings.Contains(a, "://") {
		a = "https://" + a
	}
	u, err := url.Parse(a)
	if err != nil || u.Host == "" {
		return "", "", core.FieldErrorf(core.EINVALID, "address", "地址“%s”无法识别，应形如 https://192.168.1.20:8443", address)
	}
	if u.Scheme != "https" {
		return "", "", core.FieldErrorf(core.EINVALID, "address", "单位服务器须使用 https 加密连接（地址以 https:// 开头）。")
	}
	host := u.Host
	if u.Port() == "" {
		host = net.JoinHostPort(u.Hostname(), "443")
	}
	return "https://" + u.Host, host, nil
}

type pinMismatch struct{ got string }

func (e *pinMismatch) Error() string {
	return "certificate fingerprint " + e.got + " is not the pinned one"
}

// pinnedClient trusts exactly the certificate with that fingerprint (self-signed bureau servers have no CA).
func pinnedClient(fingerprint string, jar http.CookieJar, timeout time.Duration) *http.Client {
	tr := &http.Transport{
		Proxy:               nil, // a bureau's intranet server: never through a proxy
		TLSHandshakeTimeout: 10 * time.Second,
		IdleConnTimeout:     90 * time.Second,
		MaxIdleConnsPerHost: 4,
		DialContext:         (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		TLSClientConfig: &tls.Config{
			MinVersion:         tls.VersionTLS12,
			InsecureSkipVerify: true, // replaced by the pin check below
			VerifyConnection: func(cs tls.ConnectionState) error {
				if len(cs.PeerCertificates) == 0 {
					return &pinMismatch{got: "无证书"}
				}
				if got := Fingerprint(cs.PeerCertificates[0].Raw); got != fingerprint {
					return &pinMismatch{got: got}
				}
				return nil
			},
		},
	}
	return &http.Client{Transport: tr, Jar: jar, Timeout: timeout}
}

// peerCertificate connects to host (host:port) and returns the certificate it presents, trusting nothing yet.
func peerCertificate(ctx context.Context, host string, timeout time.Duration) (*x509.Certificate, error) {
	if timeout <= 0 || timeout > 15*time.Second {
		timeout = 15 * time.Second
	}
	d := &tls.Dialer{NetDialer: &net.Dialer{Timeout: timeout}, Config: &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS12}} // #nosec G402 -- shown to a person to compare, then pinned
	cctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	conn, err := d.DialContext(cctx, "tcp", host)
	if err != nil {
		return nil, core.Errorf(core.EUNAVAILABLE, "无法连接单位服务器 %s：%s。请确认地址和端口，以及服务器已启动。", host, dialReason(err))
	}
	defer conn.Close()
	certs := conn.(*tls.Conn).ConnectionState().PeerCertificates
	if len(certs) == 0 {
		return nil, core.Errorf(core.EUNAVAILABLE, "单位服务器 %s 没有出示证书。", host)
	}
	return certs[0], nil
}

func dialReason(err error) string {
	var ne net.Error
	switch {
	case errors.As(err, &ne) && ne.Timeout():
		return "连接超时"
	case strings.Contains(err.Error(), "refused"):
		return "连接被拒绝"
	case strings.Contains(err.Error(), "no such host"):
		return "找不到该主机"
	case strings.Contains(err.Error(), "tls"), strings.Contains(err.Error(), "handshake"):
		return "不是 https 服务"
	}
	return "网络不通"
}
