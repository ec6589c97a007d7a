package server

import (
	"sync"
	"time"
)

// Besides each account's own lock (5 wrong passwords: 15 minutes), one address that fails to sign in too often
// across accounts — guessing logins — is turned away for a while.
const (
	guardWindow   = 10 * time.Minute // failures counted over this time
	guardFailures = 20               // failures from one address within the window before it waits
	guardPause    = 15 * time.Minute // how long it waits
	guardMaxAddrs = 10000            // addresses remembered; the oldest are forgotten first
)

type loginGuard struct {
	mu    sync.Mutex
	addrs map[string]*guardState
}

type guardState struct {
	failures []time.Time
	until    time.Time
}

func newLoginGuard() *loginGuard { return &loginGuard{addrs: map[string]*guardState{}} }

// blocked returns how long addr must still wait (0: it may try).
func (g *loginGuard) blocked(addr string, now time.Time) time.Duration {
	g.mu.Lock()
	defer g.mu.Unlock()
	st := g.addrs[addr]
	if st == nil || !now.Before(st.until) {
		return 0
	}
	return st.until.Sub(now)
}

// failed records a failed sign-in from addr.
func (g *loginGuard) failed(addr string, now time.Time) {
	g.mu.Lock()
	defer g.mu.Unlock()
	st := g.addrs[addr]
	if st == nil {
		if len(g.addrs) >= guardMaxAddrs {
			g.addrs = map[string]*guardState{} // a flood of addresses: start again rather than grow
		}
		st = &guardState{}
		g.addrs[addr] = st
	}
	keep := st.failures[:0]
	for _, t := range st.failures {
		if now.Sub(t) < guardWindow {
			keep = append(keep, t)
		}
	}
	st.failures = append(keep, now)
	if len(st.failures) >= guardFailures {
		st.until, st.failures = now.Add(guardPause), nil
	}
}
