package demo

import (
	"hash/fnv"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

// Office hours of the demo bureau: what people do (sign, route, publish) happens between these times on
// working days of the official calendar, 调休 included.
const (
	officeOpen  = 8*60 + 30 // 08:30, minutes after midnight
	officeClose = 18 * 60   // 18:00
	lunchStart  = 12 * 60
	lunchEnd    = 13*60 + 30
)

// timeline dates the demo's acts relative to the seeding clock. When that clock is a *core.FixedClock that the
// database also reads (the seeding swaps one in), each act is stamped at the moment it is said to happen, so
// a record drafted two months ago says so; with any other clock the acts are stamped now.
type timeline struct {
	clock *core.FixedClock
	cal   *calendar.Calendar
	now   time.Time // the seeding's "now", where the clock is put back at the end
	today time.Time // now's civil date
}

func newTimeline(clock core.Clock, cal *calendar.Calendar) *timeline {
	now := clock.Now().In(core.Shanghai)
	t := &timeline{cal: cal, now: now, today: calendar.Day(now)}
	if fc, ok := clock.(*core.FixedClock); ok {
		t.clock = fc
	}
	return t
}

// set moves the clock to at (never past now: nothing in the demo happens in the future).
func (t *timeline) set(at time.Time) {
	if t.clock == nil {
		return
	}
	if at.After(t.now) {
		at = t.now
	}
	t.clock.Set(at)
}

// restore puts the clock back at now.
func (t *timeline) restore() {
	if t.clock != nil {
		t.clock.Set(t.now)
	}
}

// workday is the working day n working days from today (n < 0: before), or today for n == 0.
func (t *timeline) workday(n int) time.Time { return t.cal.AddWorkdays(t.today, n) }

// onOrBefore is the latest working day at or before the day offset natural days from today: dates the demo
// gives in natural days (a consultation opened ten days ago) fall on a working day.
func (t *timeline) onOrBefore(offset int) time.Time {
	d := t.today.AddDate(0, 0, offset)
	for !t.cal.IsWorkday(d) {
		d = d.AddDate(0, 0, -1)
	}
	return d
}

// date formats a day as the stores expect.
func date(d time.Time) string { return d.Format("2006-01-02") }

// at is the moment minutes after midnight of day d, in China time.
func at(d time.Time, minutes int) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), minutes/60, minutes%60, 0, 0, core.Shanghai)
}

// officeTime is a working moment on day d (a working day) near minutes after midnight, varied by key (to the
// second) so that acts are spread over the day rather than stamped alike; lunch and the hours outside the
// office are avoided.
func officeTime(d time.Time, minutes int, key string) time.Time {
	m := minutes + jitter(key, 23) - 11
	switch {
	case m < officeOpen:
		m = officeOpen + jitter(key, 20)
	case m >= lunchStart && m < lunchEnd:
		m = lunchEnd + jitter(key, 25)
	case m > officeClose-10:
		m = officeClose - 10 - jitter(key, 30)
	}
	return at(d, m).Add(time.Duration(jitter(key+"s", 60)) * time.Second)
}

// later is the moment minutes of office time after from: what waits overnight is taken up the next working
// morning, what waits over lunch after it.
func (t *timeline) later(from time.Time, minutes int) time.Time {
	f := from.In(core.Shanghai)
	day, m := calendar.Day(f), f.Hour()*60+f.Minute()
	for {
		switch {
		case !t.cal.IsWorkday(day) || m >= officeClose:
			day, m = t.cal.AddWorkdays(day, 1), officeOpen
			continue
		case m < officeOpen:
			m = officeOpen
		case m >= lunchStart && m < lunchEnd:
			m = lunchEnd
		}
		end := officeClose
		if m < lunchStart {
			end = lunchStart
		}
		if m+minutes < end {
			return at(day, m+minutes).Add(time.Duration(jitter(from.String(), 60)) * time.Second)
		}
		minutes -= end - m
		m = end
	}
}

// jitter is a stable pseudo-random number in [0, n) for key.
func jitter(key string, n int) int {
	h := fnv.New32a()
	h.Write([]byte(key)) //nolint:errcheck // hash.Hash never fails
	return int(h.Sum32() % uint32(n))
}
