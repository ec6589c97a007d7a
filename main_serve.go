package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	"policydesk/app"
	"policydesk/internal/auth"
	"policydesk/internal/core"
	"policydesk/internal/datadir"
	"policydesk/internal/rules"
	"policydesk/internal/seal"
	"policydesk/internal/server"
	"policydesk/internal/sqlite"

	"github.com/jackc/pgx/v5"
)

const serveUsage = `用法: policydesk serve [选项]
  以单位服务器方式运行(无窗口)：浏览器打开 http(s)://地址/ 使用，桌面程序在 设置 → 单位服务器 中连接。

选项:
  --listen ADDR          监听地址(默认 127.0.0.1:8080；供全单位使用时如 0.0.0.0:8443)
  --data-dir DIR         数据目录(与桌面程序相同的含义)
  --db postgres://USER@HOST:PORT/DB
                         使用 PostgreSQL 15 数据库(由信息部门运维)，而不是数据目录中的本机数据库；
                         也可用环境变量 POLICYDESK_DB(免得密码出现在命令行)。数据目录仍存放审计密钥、证书、日志和导出文件；
                         同一数据库上可运行多个服务器进程(每个进程各用一个数据目录，审计密钥 audit.key 与
                         邮箱密钥 secret.key 须相同)
  --tls-cert FILE        TLS 证书(PEM)，与 --tls-key 一起使用
  --tls-key FILE         TLS 私钥(PEM)
  --tls-self-signed      使用自签名证书(首次运行时生成并保存在数据目录的 tls/ 中，启动时显示其 SHA-256 指纹)
  --demo                 数据目录为空时写入示例单位及示例账号(密码 Demo-2026)
  --idle DURATION        登录空闲多久后失效(默认 8h)
  --import-standalone DIR
                         先把一台桌面电脑的数据目录迁入本服务器(审计链在迁入前后校验；本服务器的数据目录须为空)
`

// serveCommand runs `policydesk serve`.
func serveCommand(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	listen := fs.String("listen", "127.0.0.1:8080", "")
	dataDir := fs.String("data-dir", "", "")
	dbDSN := fs.String("db", "", "")
	certFile := fs.String("tls-cert", "", "")
	keyFile := fs.String("tls-key", "", "")
	selfSigned := fs.Bool("tls-self-signed", false, "")
	demoData := fs.Bool("demo", false, "")
	idle := fs.Duration("idle", 8*time.Hour, "")
	importDir := fs.String("import-standalone", "", "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, serveUsage)
			return 0
		}
		fmt.Fprintf(stderr, "错误: %v\n%s", err, serveUsage)
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "错误: 多余的参数 %q\n%s", fs.Args(), serveUsage)
		return 2
	}
	if (*certFile == "") != (*keyFile == "") {
		fmt.Fprintln(stderr, "错误: --tls-cert 与 --tls-key 须同时给出")
		return 2
	}
	if *idle < time.Minute {
		fmt.Fprintln(stderr, "错误: --idle 至少为 1m")
		return 2
	}
	cfg := serveConfig{listen: *listen, certFile: *certFile, keyFile: *keyFile, selfSigned: *selfSigned, demo: *demoData,
		idle: *idle, importDir: *importDir, dataDir: *dataDir, db: *dbDSN}
	if err := serve(cfg, stdout); err != nil {
		fmt.Fprintln(stderr, "错误:", err)
		return 1
	}
	return 0
}

// leaderRetry is how often a server process on PostgreSQL that does not run the scheduled jobs checks whether
// the one that did has stopped (and one that does, that it still holds the lock).
const leaderRetry = 10 * time.Second

type serveConfig struct {
	listen, certFile, keyFile string
	selfSigned, demo          bool
	idle                      time.Duration
	importDir, dataDir, db    string
}

func serve(cfg serveConfig, stdout io.Writer) error {
	started := time.Now()
	// --data-dir and --db anywhere on the command line, else POLICYDESK_DATA_DIR and POLICYDESK_DB, else the
	// default data directory and its own database; given to serve itself, they come first.
	dirArgs := os.Args[1:]
	if cfg.db != "" {
		dirArgs = append([]string{"--db", cfg.db}, dirArgs...)
	}
	if cfg.dataDir != "" {
		dirArgs = append([]string{"--data-dir", cfg.dataDir}, dirArgs...)
	}
	paths, release, err := lockedDataDir(dirArgs, "本机已有程序在使用该数据目录。")
	if err != nil {
		return err
	}
	defer release()
	dir := paths.Dir
	if cfg.importDir != "" {
		if err := importStandalone(cfg.importDir, paths, stdout); err != nil {
			return err
		}
	}
	clock, err := clockFromEnv()
	if err != nil {
		return err
	}
	hub := server.NewHub()
	emit := hub.Emit
	var relay *server.Relay
	if paths.Postgres() {
		// Several server processes may serve this database: what one changes reaches the others' pages.
		dsn := paths.DB
		relay = server.NewRelay(hub, sqlite.EventChannel, func(ctx context.Context) (*pgx.Conn, error) { return pgx.Connect(ctx, dsn) })
		emit = relay.Emit
	}
	b, err := openBureau(paths, clock, bureauOptions{Server: true, SeedDemo: cfg.demo, Emit: emit, Started: started})
	if err != nil {
		return err
	}
	defer b.close()
	sys := core.WithActor(context.Background(), core.System)
	if n, err := b.db.HasAccounts(sys); err != nil {
		return err
	} else if n == 0 {
		where := "--data-dir " + dir
		if paths.Postgres() {
			where = "--db " + paths.DBName()
		}
		return fmt.Errorf("数据库 %s 中还没有登录账号。请先创建管理员，例如：\n  policydesk user add admin --name 张三 --role officer --section 办公室 --admin %s\n(密码从标准输入读取)；或用 --demo 启动示例单位", paths.DBName(), where)
	}

	base, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	base = core.WithActor(base, core.System) // background work started by a call acts as 系统 once it runs alone
	if relay != nil {
		if err := relay.Start(base, b.db, b.reread); err != nil {
			return fmt.Errorf("无法在 PostgreSQL 数据库上转发事件：%w", err)
		}
		// One process runs the scheduled jobs (mail fetch, training, backups); another takes over if it stops.
		go b.db.Lead(base, leaderRetry)
	}
	app.Start(base, &app.Runtime{}, b.starters()...)

	ui, err := fsSub(assets, "frontend/dist")
	if err != nil {
		return err
	}
	tlsConf, fingerprint, err := serverTLS(cfg, paths.Dir)
	if err != nil {
		return err
	}
	handler, err := server.New(server.Config{
		Services: b.services, Auth: &serverAuth{db: b.db, auth: b.auth, idle: cfg.idle}, Hub: hub, Assets: ui,
		Exports: paths.Exports, Secure: tlsConf != nil, Base: base,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.listen)
	if err != nil {
		return fmt.Errorf("无法监听 %s：%w", cfg.listen, err)
	}
	scheme := "http"
	if tlsConf != nil {
		ln = tls.NewListener(ln, tlsConf)
		scheme = "https"
	}
	// No write timeout: the event stream stays open. A request body (an import of up to 50 MB) must arrive
	// within ten minutes.
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 10 * time.Minute, IdleTimeout: 2 * time.Minute,
		ErrorLog: slog.NewLogLogger(slog.Default().Handler(), slog.LevelWarn)}
	go dailyBackups(base, b)

	fmt.Fprintf(stdout, "政策解读与公众参与工作台 服务器已启动：%s://%s/\n数据目录：%s\n", scheme, ln.Addr(), paths.Dir)
	if fingerprint != "" {
		fmt.Fprintf(stdout, "证书指纹(SHA-256)：%s\n", fingerprint)
	}
	if tlsConf == nil {
		fmt.Fprintln(stdout, "注意：未启用 TLS，仅适合本机或测试；供全单位使用时请加 --tls-self-signed 或 --tls-cert/--tls-key。")
	}
	slog.Info("server started", "addr", ln.Addr().String(), "tls", tlsConf != nil, "startup_ms", time.Since(started).Milliseconds())

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			return err
		}
	case <-base.Done():
		fmt.Fprintln(stdout, "正在停止服务器…")
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	}
	return nil
}

// fsSub is the built UI inside the embedded files.
func fsSub(f fs.FS, dir string) (fs.FS, error) {
	sub, err := fs.Sub(f, dir)
	if err != nil {
		return nil, err
	}
	if _, err := fs.Stat(sub, "index.html"); err != nil {
		return nil, errors.New("程序中没有前端页面(frontend/dist)：请先构建前端")
	}
	return sub, nil
}

// dailyBackups takes the day's backup while the server runs for days (the desk takes it at start).
func dailyBackups(ctx context.Context, b *bureau) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if b.db.Leading() {
				takeDailyBackup(ctx, b.db, b.paths.Backups)
			}
		}
	}
}

// ---- TLS ----

// serverTLS loads the given certificate, or the self-signed one of the data directory (made on first use).
func serverTLS(cfg serveConfig, dataDir string) (*tls.Config, string, error) {
	certFile, keyFile := cfg.certFile, cfg.keyFile
	if certFile == "" && cfg.selfSigned {
		certFile, keyFile = filepath.Join(dataDir, "tls", "server.crt"), filepath.Join(dataDir, "tls", "server.key")
		if _, err := os.Stat(certFile); errors.Is(err, os.ErrNotExist) {
			if err := makeSelfSigned(certFile, keyFile); err != nil {
				return nil, "", fmt.Errorf("生成自签名证书失败：%w", err)
			}
		}
	}
	if certFile == "" {
		return nil, "", nil
	}
	pair, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		return nil, "", fmt.Errorf("读取证书 %s 失败：%w", certFile, err)
	}
	return &tls.Config{Certificates: []tls.Certificate{pair}, MinVersion: tls.VersionTLS12}, app.Fingerprint(pair.Certificate[0]), nil
}

// makeSelfSigned writes a ten-year ECDSA certificate for the machine's names and addresses.
func makeSelfSigned(certFile, keyFile string) error {
	if err := os.MkdirAll(filepath.Dir(certFile), 0o700); err != nil {
		return err
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return err
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 120))
	if err != nil {
		return err
	}
	host, _ := os.Hostname()
	tmpl := &x509.Certificate{
		SerialNumber: serial,
		Subject:      pkix.Name{CommonName: "PolicyDesk " + host, Organization: []string{"PolicyDesk"}},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().AddDate(10, 0, 0),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames:     []string{"localhost"},
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
	}
	if host != "" {
		tmpl.DNSNames = append(tmpl.DNSNames, host)
	}
	if addrs, err := net.InterfaceAddrs(); err == nil {
		for _, a := range addrs {
			if ipn, ok := a.(*net.IPNet); ok && !ipn.IP.IsLoopback() {
				tmpl.IPAddresses = append(tmpl.IPAddresses, ipn.IP)
			}
		}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return err
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return err
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		return err
	}
	return os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644)
}

// ---- sessions ----

// serverAuth signs people in against the accounts table and keeps their sessions in the sessions table. A
// resolved session is remembered for a moment (resolveFor): every call of a page needs it, and reading the
// session, the account and the people for each would be a good part of a call's work. Signing out and a
// password confirmation take effect at once; a change to an account within resolveFor.
type serverAuth struct {
	db   *sqlite.DB
	auth *app.AuthService
	idle time.Duration

	mu     sync.Mutex
	recent map[string]resolved
}

type resolved struct {
	sess  core.Session
	actor core.Actor
	until time.Time
}

// resolveFor is how long a resolved session is reused; maxRecent bounds how many are kept.
const (
	resolveFor = 2 * time.Second
	maxRecent  = 10000
)

func (a *serverAuth) forget(token string) {
	a.mu.Lock()
	delete(a.recent, token)
	a.mu.Unlock()
}

func clientCtx(c server.Client) context.Context {
	sys := core.System
	sys.ClientAddr, sys.ClientKind = c.Addr, c.Kind
	return core.WithActor(context.Background(), sys)
}

func (a *serverAuth) Login(_ context.Context, login, password string, c server.Client) (string, core.Session, error) {
	ctx := clientCtx(c)
	acc, err := a.db.Authenticate(ctx, login, password)
	if err != nil {
		return "", core.Session{}, err
	}
	token, ss, err := a.db.CreateSession(ctx, acc.PersonID, c.Addr, c.Kind)
	if err != nil {
		return "", core.Session{}, err
	}
	sess, err := app.SessionOf(a.auth, ctx, acc)
	if err != nil {
		return "", core.Session{}, err
	}
	sess.CSRFToken = ss.CSRFToken
	return token, sess, nil
}

func (a *serverAuth) Resolve(_ context.Context, token string, c server.Client) (core.Session, core.Actor, error) {
	now := time.Now()
	a.mu.Lock()
	r, ok := a.recent[token]
	a.mu.Unlock()
	if ok && now.Before(r.until) {
		r.actor.ClientAddr = c.Addr
		return r.sess, r.actor, nil
	}
	sess, actor, err := a.resolve(token, c)
	if err != nil {
		a.forget(token)
		return sess, actor, err
	}
	a.mu.Lock()
	if a.recent == nil || len(a.recent) >= maxRecent {
		a.recent = map[string]resolved{}
	}
	a.recent[token] = resolved{sess: sess, actor: actor, until: now.Add(resolveFor)}
	a.mu.Unlock()
	return sess, actor, nil
}

func (a *serverAuth) resolve(token string, c server.Client) (core.Session, core.Actor, error) {
	ctx := clientCtx(c)
	ss, err := a.db.Session(ctx, token, a.idle)
	if err != nil {
		return core.Session{}, core.Actor{}, err
	}
	acc, err := a.db.Account(ctx, ss.PersonID)
	if err != nil {
		return core.Session{}, core.Actor{}, core.Errorf(core.ENOTAUTH, "请先登录")
	}
	sess, err := app.SessionOf(a.auth, ctx, acc)
	if err != nil {
		return core.Session{}, core.Actor{}, err
	}
	sess.CSRFToken, sess.ConfirmedAt = ss.CSRFToken, ss.ConfirmedAt
	actor := core.Actor{PersonID: sess.PersonID, Name: sess.Name, Role: sess.Role, SectionID: sess.SectionID, Admin: sess.Admin,
		ConfirmedAt: ss.ConfirmedAt, ClientAddr: c.Addr, ClientKind: ss.ClientKind,
		Confirmed: auth.RequireConfirmed(ss.ConfirmedAt, a.db.Clock.Now()) == nil}
	return sess, actor, nil
}

// Logout and Confirm forget the remembered session after the change is written, so that no call in between
// keeps the old state.
func (a *serverAuth) Logout(_ context.Context, token string) error {
	err := a.db.EndSession(context.Background(), token)
	a.forget(token)
	return err
}

func (a *serverAuth) Confirm(_ context.Context, token string) (string, error) {
	at, err := a.db.ConfirmSession(context.Background(), token)
	a.forget(token)
	return at, err
}

// importStandalone moves a desk's data directory into this (empty) server data directory: the desk's audit chain
// is verified, a consistent copy of its database is taken with its audit key and head, and the chain is verified
// again in its new place. The desk's own files are left as they were.
func importStandalone(src string, paths datadir.Paths, stdout io.Writer) error {
	if paths.Postgres() {
		return errors.New("--import-standalone 迁入的是本机数据库；迁入 PostgreSQL 请用 policydesk migrate --from 桌面数据目录 --to postgres://…")
	}
	if _, err := os.Stat(paths.DB); err == nil {
		return fmt.Errorf("服务器数据目录 %s 中已有数据库，不能再迁入：请指定一个新的空数据目录", paths.Dir)
	}
	src, err := filepath.Abs(src)
	if err != nil {
		return err
	}
	if _, err := os.Stat(datadir.DBFile(src)); err != nil {
		return fmt.Errorf("%s 中没有 PolicyDesk 数据库(policydesk.db)：请指定桌面程序的数据目录", src)
	}
	release, err := datadir.Lock(filepath.Join(src, "policydesk.lock"))
	if err != nil {
		return fmt.Errorf("%s 正被桌面程序使用，请先关闭该电脑上的程序：%w", src, err)
	}
	defer release()
	ctx := core.WithActor(context.Background(), core.System)
	from := sqlite.NewDB(datadir.DBFile(src), rules.All())
	from.BackupDir = filepath.Join(src, "backups")
	if err := from.Open(); err != nil {
		return fmt.Errorf("打开 %s 失败：%w", datadir.DBFile(src), err)
	}
	defer from.Close()
	before, err := from.VerifyAudit(ctx)
	if err != nil {
		return err
	}
	if !before.OK {
		return fmt.Errorf("桌面数据的审计日志校验未通过(%s)，未迁入", before.Problem)
	}
	tmp := filepath.Join(paths.Dir, "import.tmp")
	defer os.RemoveAll(tmp)
	copyInfo, err := from.Backup(ctx, tmp, "迁入服务器")
	if err != nil {
		return err
	}
	// The keys travel with the data: the audit key verifies the log, the secret key opens the mail password.
	for _, name := range []string{sqlite.AuditKeyFile, sqlite.AuditHeadFile, seal.SecretKeyFile} {
		b, err := os.ReadFile(filepath.Join(src, name))
		if errors.Is(err, os.ErrNotExist) {
			continue
		} else if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(paths.Dir, name), b, 0o600); err != nil {
			return err
		}
	}
	if err := os.Rename(copyInfo.Path, paths.DB); err != nil {
		return err
	}
	to := sqlite.NewDB(paths.DB, rules.All())
	to.BackupDir = paths.Backups
	if err := to.Open(); err != nil {
		return err
	}
	defer to.Close()
	after, err := to.VerifyAudit(ctx)
	if err != nil {
		return err
	}
	if !after.OK || after.Entries != before.Entries {
		os.Remove(paths.DB)
		return fmt.Errorf("迁入后的审计日志校验未通过(%s)，已撤销迁入", after.Problem)
	}
	fmt.Fprintf(stdout, "已从 %s 迁入数据：审计日志 %d 条，迁入前后校验均通过。\n", src, after.Entries)
	return nil
}
