package core

import (
	"sync"
	"time"
)

// Clock tells the time. Every date rule takes "now" from a Clock so that tests can set it.
type Clock interface {
	Now() time.Time
}

// Shanghai is the time zone of every date the bureau deals with (China has one).
var Shanghai = mustLoadShanghai()

func mustLoadShanghai() *time.Location {
	if loc, err := time.LoadLocation("Asia/Shanghai"); err == nil {
		return loc
	}
	// Machines without tzdata: China has had no DST since 1991, so a fixed zone is exact.
	return time.FixedZone("CST", 8*3600)
}

// SystemClock is the real clock, in China Standard Time.
type SystemClock struct{}

func (SystemClock) Now() time.Time { return time.Now().In(Shanghai) }

// FixedClock is a settable clock for tests and for the --now option of demos.
type FixedClock struct {
	mu sync.Mutex
	t  time.Time
}

// NewFixedClock returns a clock stopped at t.
func NewFixedClock(t time.Time) *FixedClock { return &FixedClock{t: t} }

func (c *FixedClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Set moves the clock to t.
func (c *FixedClock) Set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

// Advance moves the clock forward by d.
func (c *FixedClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// TimeLayout is how timestamps are written: RFC 3339 in China time, so they sort as text.
const TimeLayout = "2006-01-02T15:04:05-07:00"
