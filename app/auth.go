package app

import (
	"context"
	"os"
	"strings"
	"sync"
	"time"

	"policydesk/internal/auth"
	"policydesk/internal/core"
)

// DeskSession is the desk's signed-in person, in memory only. It is the actor source of the services' context:
// every call acts as whoever is signed in when it runs.
type DeskSession struct {
	Clock core.Clock // decides whether a password confirmation is still fresh
	mu    sync.Mutex
	sess  *core.Session
}

// Actor implements core.ActorSource.
func (d *DeskSession) Actor() (core.Actor, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.sess == nil {
		return core.Actor{}, false
	}
	s := d.sess
	a := core.Actor{PersonID: s.PersonID, Name: s.Name, Role: s.Role, SectionID: s.SectionID, Admin: s.Admin,
		ConfirmedAt: s.ConfirmedAt, ClientKind: core.ClientDesktop}
	if d.Clock != nil {
		a.Confirmed = auth.RequireConfirmed(s.ConfirmedAt, d.Clock.Now()) == nil
	}
	return a, true
}

// Current returns a copy of the signed-in session, or false.
func (d *DeskSession) Current() (core.Session, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.sess == nil {
		return core.Session{}, false
	}
	return *d.sess, true
}

func (d *DeskSession) set(s *core.Session) {
	d.mu.Lock()
	d.sess = s
	d.mu.Unlock()
}

// AccountStore is the accounts part of the store.
type AccountStore interface {
	HasAccounts(ctx context.Context) (int, error)
	Accounts(ctx context.Context) ([]core.Account, error)
	Account(ctx context.Context, personID int64) (core.Account, error)
	CreateAccount(ctx context.Context, personID int64, login, password string, admin bool) (core.Account, error)
	Authenticate(ctx context.Context, login, password string) (core.Account, error)
	VerifyPassword(ctx context.Context, personID int64, password string) error
	ChangePassword(ctx context.Context, personID int64, oldPassword, newPassword string) (core.Account, error)
	ResetPassword(ctx context.Context, personID int64, newPassword string) (core.Account, error)
	SetAccountDisabled(ctx context.Context, personID int64, disabled bool) (core.Account, error)
	UnlockAccount(ctx context.Context, personID int64) (core.Account, error)
	KeepSignIn(ctx context.Context, personID int64) (string, error)
	KeptSignIn(ctx context.Context, token string) (core.Account, error)
	EndSession(ctx context.Context, token string) error
}

// AuthConfig wires the desk's AuthService.
type AuthConfig struct {
	Store    AccountStore
	Settings core.SettingsStore
	Desk     *DeskSession
	KeepFile string // the data dir's file holding the 在本机保持登录 token
	Clock    core.Clock
	IsDemo   func(core.Bureau) bool
	Demo     []core.DemoAccount // listed on the 登录 page when IsDemo says the data is demo data
	Emit     Emitter
	// Server: the service runs in `policydesk serve` (sign-in, sign-out and "who am I" are the server's own
	// endpoints; Desk is nil and each call's session comes with its context).
	Server bool
	// Preparing reports whether the demo bureau is still being written after the window came up (nil: never).
	Preparing func() bool
}

// AuthService is the 登录 page's and the 账号管理 page's bridge on the desk.
type AuthService struct {
	ctx    context.Context
	cfg    *AuthConfig
	holder sessionHolder // the desk's sign-in, or on the server the session of the call
}

// sessionHolder keeps the signed-in session AuthService works on.
type sessionHolder interface {
	Current() (core.Session, bool)
	set(s *core.Session)
}

// NewAuthService builds the desk's AuthService.
func NewAuthService(cfg AuthConfig) *AuthService {
	s := &AuthService{ctx: context.Background(), cfg: &cfg}
	if cfg.Desk != nil {
		s.holder = cfg.Desk
	} else {
		s.holder = &CallSession{}
	}
	return s
}

func (s *AuthService) startup(ctx context.Context) { s.ctx = ctx }

// system is the context for the sign-in itself, which happens before anybody is signed in.
func (s *AuthService) system() context.Context { return core.WithActor(s.ctx, core.System) }

// session builds the Session of an account.
func (s *AuthService) session(a core.Account) (core.Session, error) {
	people, err := s.cfg.Settings.People(s.system())
	if err != nil {
		return core.Session{}, err
	}
	out := core.Session{PersonID: a.PersonID, Login: a.Login, Name: a.Name, Role: a.Role, SectionName: a.SectionName,
		Admin: a.Admin, MustChangePassword: a.MustChangePassword, Mode: s.mode()}
	for _, p := range people {
		if p.ID == a.PersonID {
			out.SectionID, out.Title = p.SectionID, p.Title
		}
	}
	if b, err := s.cfg.Settings.Bureau(s.system()); err == nil && s.cfg.IsDemo != nil {
		out.Demo = s.cfg.IsDemo(b)
	}
	return out, nil
}

// mode is how this service runs: on a desk, or in the server.
func (s *AuthService) mode() string {
	if s.cfg.Server {
		return core.ModeServer
	}
	return core.ModeStandalone
}

// SessionOf builds the session of an account as the 登录 page and /api/me show it (the server's sign-in). It is a
// function rather than a method so that Wails does not offer it to the frontend.
func SessionOf(s *AuthService, ctx context.Context, a core.Account) (core.Session, error) {
	c := *s
	c.ctx = ctx
	return c.session(a)
}

// ResumeSignIn signs the desk in with its kept token, if any; a stale token is removed.
func ResumeSignIn(ctx context.Context, s *AuthService) {
	if s.cfg.KeepFile == "" {
		return
	}
	b, err := os.ReadFile(s.cfg.KeepFile)
	if err != nil {
		return
	}
	sys := core.WithActor(ctx, core.System)
	a, err := s.cfg.Store.KeptSignIn(sys, strings.TrimSpace(string(b)))
	if err == nil && !a.Disabled && !a.MustChangePassword {
		if n, _ := s.cfg.Store.HasAccounts(sys); n == 1 {
			c := *s
			c.ctx = ctx
			if sess, err := c.session(a); err == nil {
				s.holder.set(&sess)
				return
			}
		}
	}
	os.Remove(s.cfg.KeepFile)
}

// Me returns the signed-in person (ENOTAUTH when nobody is).
func (s *AuthService) Me() (core.Session, error) {
	if sess, ok := s.holder.Current(); ok {
		return sess, nil
	}
	return core.Session{}, core.Errorf(core.ENOTAUTH, "请先登录")
}

// Login signs a person in on this desk. keep (在本机保持登录) stores a token — never the password — in the data
// directory; it is only offered while one person has a login here.
func (s *AuthService) Login(login string, password string, keep bool) (core.Session, error) {
	a, err := s.cfg.Store.Authenticate(s.system(), login, password)
	if err != nil {
		return core.Session{}, err
	}
	sess, err := s.session(a)
	if err != nil {
		return core.Session{}, err
	}
	s.holder.set(&sess)
	s.forget()
	if keep && s.cfg.KeepFile != "" && !a.MustChangePassword {
		if n, _ := s.cfg.Store.HasAccounts(s.system()); n == 1 {
			if token, err := s.cfg.Store.KeepSignIn(s.system(), a.PersonID); err == nil {
				_ = os.WriteFile(s.cfg.KeepFile, []byte(token), 0o600)
			}
		}
	}
	s.changed()
	return sess, nil
}

// forget removes a kept sign-in.
func (s *AuthService) forget() {
	if s.cfg.KeepFile == "" {
		return
	}
	if b, err := os.ReadFile(s.cfg.KeepFile); err == nil {
		_ = s.cfg.Store.EndSession(s.system(), strings.TrimSpace(string(b)))
		os.Remove(s.cfg.KeepFile)
	}
}

func (s *AuthService) changed() {
	if s.cfg.Emit != nil {
		s.cfg.Emit(EventSettingsChanged)
	}
}

// Logout signs the desk out and forgets a kept sign-in.
func (s *AuthService) Logout() error {
	s.holder.set(nil)
	s.forget()
	s.changed()
	return nil
}

// ChangePassword changes the signed-in person's password (also the forced change after a reset).
func (s *AuthService) ChangePassword(oldPassword string, newPassword string) (core.Session, error) {
	me, err := s.Me()
	if err != nil {
		return me, err
	}
	a, err := s.cfg.Store.ChangePassword(s.ctx, me.PersonID, oldPassword, newPassword)
	if err != nil {
		return me, err
	}
	me.MustChangePassword = a.MustChangePassword
	s.holder.set(&me)
	return me, nil
}

// ConfirmPassword re-checks the signed-in person's password (电子签名确认) before a sensitive action.
func (s *AuthService) ConfirmPassword(password string) (core.Session, error) {
	me, err := s.Me()
	if err != nil {
		return me, err
	}
	if err := s.cfg.Store.VerifyPassword(s.system(), me.PersonID, password); err != nil {
		return me, err
	}
	me.ConfirmedAt = s.cfg.Clock.Now().Format(time.RFC3339)
	if cs, ok := s.holder.(*CallSession); ok && cs.confirm != nil {
		if me.ConfirmedAt, err = cs.confirm(s.system()); err != nil {
			return me, err
		}
	}
	s.holder.set(&me)
	return me, nil
}

// LoginPage is what the 登录 page shows before anybody signs in.
func (s *AuthService) LoginPage() (core.LoginPage, error) {
	sys := s.system()
	page := core.LoginPage{Mode: s.mode(), DemoAccounts: []core.DemoAccount{}}
	if s.cfg.Preparing != nil && s.cfg.Preparing() {
		// nothing is read while the demo is written: the pages only wait
		page.Preparing, page.Demo = true, true
		return nonNil(page, nil)
	}
	b, err := s.cfg.Settings.Bureau(sys)
	if err != nil {
		return nonNil(page, err)
	}
	page.Bureau = b.Name
	n, err := s.cfg.Store.HasAccounts(sys)
	if err != nil {
		return nonNil(page, err)
	}
	_, signedIn := s.holder.Current()
	page.NeedsLogin = n > 0 && !signedIn
	page.CanKeep = n == 1 && s.cfg.KeepFile != "" && !s.cfg.Server
	if s.cfg.IsDemo != nil && s.cfg.IsDemo(b) {
		page.Demo = true
		people, err := s.cfg.Settings.People(sys)
		if err != nil {
			return nonNil(page, err)
		}
		for _, d := range s.cfg.Demo {
			for _, p := range people {
				if p.Name == d.Name {
					d.Role, d.RoleLabel, d.SectionName = p.Role, core.RoleLabel(p.Role), p.SectionName
				}
			}
			page.DemoAccounts = append(page.DemoAccounts, d)
		}
	}
	return nonNil(page, nil)
}

// signature refuses a signature (审核/审签 decision, 发布) unless the signed-in person re-entered their password
// within the last minutes (电子签名确认): the frontend then asks for it and repeats the call. Calls that act as
// 系统 or carry no person (scripts, store tests) are left to the stores' own rules.
func signature(ctx context.Context) error {
	a, ok := core.ActorFrom(ctx)
	if !ok || a.IsSystem() || a.Confirmed {
		return nil
	}
	return core.Errorf(core.ECONFIRM, "此操作需要电子签名确认，请输入您的登录密码")
}

// sensitive refuses account management without a fresh password confirmation.
func (s *AuthService) sensitive() error {
	a, ok := core.ActorFrom(s.ctx)
	if !ok {
		return core.Errorf(core.ENOTAUTH, "请先登录")
	}
	return auth.RequireConfirmed(a.ConfirmedAt, s.cfg.Clock.Now())
}

// Accounts lists the sign-in accounts (account administrators only).
func (s *AuthService) Accounts() ([]core.Account, error) { return nonNil(s.cfg.Store.Accounts(s.ctx)) }

// CreateAccount gives a person a sign-in; they choose their own password at the first sign-in.
func (s *AuthService) CreateAccount(personID int64, login string, password string, admin bool) (core.Account, error) {
	if err := s.sensitive(); err != nil {
		return core.Account{}, err
	}
	a, err := s.cfg.Store.CreateAccount(s.ctx, personID, login, password, admin)
	if err == nil {
		s.changed()
	}
	return a, err
}

// ResetPassword sets a new password that must be changed at the next sign-in.
func (s *AuthService) ResetPassword(personID int64, newPassword string) (core.Account, error) {
	if err := s.sensitive(); err != nil {
		return core.Account{}, err
	}
	return s.cfg.Store.ResetPassword(s.ctx, personID, newPassword)
}

// SetAccountDisabled stops or restores a person's sign-in.
func (s *AuthService) SetAccountDisabled(personID int64, disabled bool) (core.Account, error) {
	if err := s.sensitive(); err != nil {
		return core.Account{}, err
	}
	return s.cfg.Store.SetAccountDisabled(s.ctx, personID, disabled)
}

// UnlockAccount lifts a lockout.
func (s *AuthService) UnlockAccount(personID int64) (core.Account, error) {
	if err := s.sensitive(); err != nil {
		return core.Account{}, err
	}
	return s.cfg.Store.UnlockAccount(s.ctx, personID)
}
