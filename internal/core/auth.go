package core

import "context"

// Session modes: a desk working on its own database, the bureau's server, or a desk working on the server.
const (
	ModeStandalone = "standalone"
	ModeServer     = "server"
	ModeClient     = "client"
)

// Client kinds recorded with every audit entry written on behalf of a signed-in person.
const (
	ClientDesktop = "desktop" // the desktop app, on its own database or connected to the server
	ClientBrowser = "browser" // a browser on the bureau's server
	ClientSystem  = "system"  // background jobs and the command line
)

// Session is the signed-in person as the UI sees it.
type Session struct {
	PersonID           int64  `json:"personId"`
	Login              string `json:"login"`
	Name               string `json:"name"`
	Role               string `json:"role"`
	SectionID          int64  `json:"sectionId"`
	SectionName        string `json:"sectionName"`
	Title              string `json:"title"`
	Admin              bool   `json:"admin"`
	MustChangePassword bool   `json:"mustChangePassword"`
	CSRFToken          string `json:"csrfToken"`   // server mode only
	ConfirmedAt        string `json:"confirmedAt"` // RFC 3339 of the last password confirmation, "" when none
	Mode               string `json:"mode"`        // ModeStandalone / ModeServer / ModeClient
	Demo               bool   `json:"demo"`
}

// Account is a person's sign-in as the account administrator sees it. The password hash never leaves the store.
type Account struct {
	PersonID           int64  `json:"personId"`
	Login              string `json:"login"`
	Name               string `json:"name"`
	Role               string `json:"role"`
	SectionName        string `json:"sectionName"`
	Admin              bool   `json:"admin"`
	Disabled           bool   `json:"disabled"`
	LockedUntil        string `json:"lockedUntil"` // RFC 3339, "" when not locked
	LastLoginAt        string `json:"lastLoginAt"`
	MustChangePassword bool   `json:"mustChangePassword"`
	Version            int64  `json:"version"`
}

// DemoAccount is a demo sign-in shown on the 登录 page of demo data only.
type DemoAccount struct {
	Login       string `json:"login"`
	Password    string `json:"password"`
	Name        string `json:"name"`
	Role        string `json:"role"`
	RoleLabel   string `json:"roleLabel"`
	SectionName string `json:"sectionName"`
}

// LoginPage is what the 登录 page shows before anybody signs in.
type LoginPage struct {
	Bureau       string        `json:"bureau"`
	NeedsLogin   bool          `json:"needsLogin"`
	Demo         bool          `json:"demo"`
	DemoAccounts []DemoAccount `json:"demoAccounts"`
	Mode         string        `json:"mode"`
	// CanKeep: 在本机保持登录 is offered only while one person has a login on this desk.
	CanKeep bool `json:"canKeep"`
	// Preparing: the desk's first start is still writing the demo bureau (the window comes up first); the
	// pages wait for it and the rest of the page is empty until then.
	Preparing bool `json:"preparing"`
}

// Actor is who acts in a call: the signed-in person, or 系统 (ID 0) for background jobs and the command line.
type Actor struct {
	PersonID    int64
	Name        string
	Role        string
	SectionID   int64
	Admin       bool
	ConfirmedAt string // RFC 3339 of the session's last password confirmation
	// Confirmed: the password was re-entered recently enough for a signature (set by whoever builds the actor,
	// who knows the clock; see auth.RequireConfirmed).
	Confirmed  bool
	ClientAddr string // the remote address, "" on the desk itself
	ClientKind string // ClientDesktop / ClientBrowser / ClientSystem
}

// System is the actor of background jobs and the command line.
var System = Actor{Name: "系统", ClientKind: ClientSystem}

// IsSystem reports whether a is the system actor rather than a person.
func (a Actor) IsSystem() bool { return a.PersonID == 0 }

type actorKey struct{}

type sourceKey struct{}

// ActorSource answers who is signed in at the moment of a call: the desk's in-memory sign-in, which changes
// while the services keep the context they were started with.
type ActorSource interface {
	// Actor returns the signed-in person, or false when nobody is.
	Actor() (Actor, bool)
}

// WithActor returns a context whose calls act as a.
func WithActor(ctx context.Context, a Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// WithActorSource returns a context whose calls act as whoever src says is signed in when they run.
func WithActorSource(ctx context.Context, src ActorSource) context.Context {
	return context.WithValue(ctx, sourceKey{}, src)
}

// ActorFrom returns the actor of ctx and whether one was set: a fixed actor first, else the source's.
func ActorFrom(ctx context.Context) (Actor, bool) {
	if ctx == nil {
		return Actor{}, false
	}
	if a, ok := ctx.Value(actorKey{}).(Actor); ok {
		return a, true
	}
	if src, ok := ctx.Value(sourceKey{}).(ActorSource); ok {
		return src.Actor()
	}
	return Actor{}, false
}

// HasActorSource reports whether ctx belongs to a desk that signs people in (as opposed to a test or a script).
func HasActorSource(ctx context.Context) bool {
	if ctx == nil {
		return false
	}
	_, ok := ctx.Value(sourceKey{}).(ActorSource)
	return ok
}

// SignedIn returns the person acting in ctx, or ENOTAUTH when nobody is signed in (the system is not a person).
func SignedIn(ctx context.Context) (Actor, error) {
	a, ok := ActorFrom(ctx)
	if !ok || a.IsSystem() {
		return Actor{}, Errorf(ENOTAUTH, "请先登录")
	}
	return a, nil
}
