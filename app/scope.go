package app

import (
	"context"
	"sync"

	"policydesk/internal/core"
)

// scoped is a bound service that can act for one call of one person: withContext returns a copy that shares
// everything with the service (stores, jobs, caches) except the context its methods act in. The method is
// unexported so that Wails does not offer it to the frontend.
type scoped interface{ withContext(ctx context.Context) any }

// Scoped returns svc acting in ctx (the server's per-call identity), or false when svc cannot act per call.
func Scoped(svc any, ctx context.Context) (any, bool) {
	s, ok := svc.(scoped)
	if !ok {
		return nil, false
	}
	return s.withContext(ctx), true
}

func (s *AuthService) withContext(ctx context.Context) any {
	c := *s
	c.ctx = ctx
	if cs, ok := callSessionFrom(ctx); ok {
		c.holder = cs
	}
	return &c
}

func (s *CalendarService) withContext(ctx context.Context) any {
	c := *s
	c.ctx = ctx
	return &c
}

func (s *ConsultationService) withContext(ctx context.Context) any {
	c := *s
	c.ctx = ctx
	return &c
}

func (s *DashboardService) withContext(ctx context.Context) any {
	c := *s
	c.ctx = ctx
	return &c
}

func (s *DisclosureService) withContext(ctx context.Context) any {
	c := *s
	c.ctx = ctx
	return &c
}

func (s *InterpretationService) withContext(ctx context.Context) any {
	c := *s
	c.ctx = ctx
	return &c
}

func (s *MailboxService) withContext(ctx context.Context) any {
	c := *s
	c.ctx = ctx
	return &c
}

func (s *PolicyService) withContext(ctx context.Context) any {
	c := *s
	c.ctx = ctx
	return &c
}

func (s *RoutingService) withContext(ctx context.Context) any {
	c := *s
	c.ctx = ctx
	return &c
}

func (s *SettingsService) withContext(ctx context.Context) any {
	c := *s
	c.ctx = ctx
	return &c
}

func (s *SystemService) withContext(ctx context.Context) any {
	c := *s
	c.ctx = ctx
	return &c
}

// CallSession is the server session one call runs in: the signed-in person as the 登录 page knows them, and the
// way a password confirmation (电子签名确认) is recorded on that session. It is always used by pointer.
type CallSession struct {
	mu      sync.Mutex
	session core.Session
	confirm func(ctx context.Context) (string, error)
}

// NewCallSession wraps the session of one request (zero when nobody is signed in); confirm stores a fresh
// password confirmation on the session and returns its time.
func NewCallSession(s core.Session, confirm func(ctx context.Context) (string, error)) *CallSession {
	return &CallSession{session: s, confirm: confirm}
}

type callSessionKey struct{}

// WithCallSession returns a context whose AuthService calls act on cs (set by the server for each call).
func WithCallSession(ctx context.Context, cs *CallSession) context.Context {
	return context.WithValue(ctx, callSessionKey{}, cs)
}

func callSessionFrom(ctx context.Context) (*CallSession, bool) {
	cs, ok := ctx.Value(callSessionKey{}).(*CallSession)
	return cs, ok && cs != nil
}

// Current implements sessionHolder.
func (c *CallSession) Current() (core.Session, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.session, c.session.PersonID != 0
}

// Session returns the call's session as it is after the call (e.g. with a new confirmation time).
func (c *CallSession) Session() core.Session {
	s, _ := c.Current()
	return s
}

func (c *CallSession) set(s *core.Session) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s == nil {
		c.session = core.Session{}
		return
	}
	c.session = *s
}
