// Package calendar is PolicyDesk's working-day calendar: which days are working days under the
// State Council's yearly holiday notices, and the deadline arithmetic built on it (DOMAIN.md §2).
//
// Weekends are rest days, listed holidays are rest days and listed 调休上班 days are working days.
// Years without data fall back to the plain Monday–Friday rule; Covers tells callers so they can warn.
// The package is pure: no I/O, no clock. Callers pass civil dates (see Day).
package calendar

import (
	"fmt"
	"policydesk/internal/core"
	"sort"
	"time"
)

// Kind says how an Override differs from the Monday–Friday rule.
type Kind string

const (
	Holiday Kind = "holiday" // 法定节假日/调休休息 (rest day that would otherwise be a weekday, or a weekend inside a holiday)
	Workday Kind = "workday" // 调休上班 (a weekend day that is a working day)
)

// Override is one day that differs from the plain Mon–Fri rule, or a named holiday day.
type Override struct {
	Date time.Time
	Kind Kind
	Name string // 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节 (or a user's label)
}

// Year is one year's schedule and where it comes from. Days may include dates of the
// neighbouring year (2023's 元旦 began on 2022-12-31).
type Year struct {
	Year      int
	Source    string // e.g. "国务院办公厅关于2026年部分节假日安排的通知(国办发明电〔2025〕7号)" or "用户编辑"
	SourceURL string
	Days      []Override
}

// DayInfo describes one day for display.
type DayInfo struct {
	Date    time.Time
	Workday bool
	Kind    string // "工作日", "周末", "法定节假日", "调休上班"
	Name    string // the holiday's name for 法定节假日 and 调休上班 days
}

// Display kinds of DayInfo.
const (
	InfoWorkday = "工作日"
	InfoWeekend = "周末"
	InfoHoliday = "法定节假日"
	InfoMakeup  = "调休上班"
)

// HolidaySpan is one holiday period: consecutive rest days with the same name, and the
// weekend days worked in exchange for it.
type HolidaySpan struct {
	Name           string
	Start, End     time.Time
	Days           int
	MakeupWorkdays []time.Time
}

// makeupWindow bounds how far from its holiday a 调休上班 day may lie (notices stay within a few weeks).
const makeupWindow = 45

type entry struct {
	kind Kind
	name string
}

// Calendar answers working-day questions. It is immutable once built and safe for concurrent use.
type Calendar struct {
	days  map[dayNum]entry
	years []Year // effective years, ascending
	spans []HolidaySpan
}

// New builds a calendar from years of data. A later Year with the same Year number replaces an
// earlier one entirely (a user's edit replaces the built-in year). When two years list the same
// date, the year the date belongs to wins over a neighbouring year's notice.
func New(years []Year) *Calendar {
	byYear := make(map[int]Year, len(years))
	for _, y := range years {
		byYear[y.Year] = y
	}
	c := &Calendar{days: make(map[dayNum]entry)}
	for _, y := range byYear {
		c.years = append(c.years, y)
	}
	sort.Slice(c.years, func(i, j int) bool { return c.years[i].Year < c.years[j].Year })
	for _, own := range []bool{false, true} {
		for _, y := range c.years {
			for _, o := range y.Days {
				if (o.Date.Year() == y.Year) == own {
					c.days[toDayNum(o.Date)] = entry{kind: o.Kind, name: o.Name}
				}
			}
		}
	}
	c.spans = c.buildSpans()
	return c
}

// Years returns the effective years of data, ascending. The slices are copies.
func (c *Calendar) Years() []Year {
	out := make([]Year, len(c.years))
	for i, y := range c.years {
		y.Days = append([]Override(nil), y.Days...)
		out[i] = y
	}
	return out
}

// Covers reports whether the calendar has a schedule for year; without one, that year's
// dates follow the plain Monday–Friday rule and may be wrong around holidays.
func (c *Calendar) Covers(year int) bool {
	for _, y := range c.years {
		if y.Year == year {
			return true
		}
	}
	return false
}

// IsWorkday reports whether d is a working day: an override wins, otherwise Monday–Friday.
func (c *Calendar) IsWorkday(d time.Time) bool { return c.isWorkday(toDayNum(d)) }

func (c *Calendar) isWorkday(n dayNum) bool {
	if e, ok := c.days[n]; ok {
		return e.kind == Workday
	}
	return !n.isWeekend()
}

// Info describes d for display.
func (c *Calendar) Info(d time.Time) DayInfo {
	n := toDayNum(d)
	info := DayInfo{Date: n.date()}
	if e, ok := c.days[n]; ok {
		info.Name = e.name
		if e.kind == Workday {
			info.Workday, info.Kind = true, InfoMakeup
		} else {
			info.Kind = InfoHoliday
		}
		return info
	}
	if n.isWeekend() {
		info.Kind = InfoWeekend
	} else {
		info.Workday, info.Kind = true, InfoWorkday
	}
	return info
}

// AddWorkdays returns the n-th working day after d: the event day itself is not counted
// (民法典第二百零一条), so a message received on Friday with n = 3 is due on Wednesday.
// n == 0 returns d; a negative n counts backwards.
func (c *Calendar) AddWorkdays(d time.Time, n int) time.Time {
	day, step := toDayNum(d), dayNum(1)
	if n < 0 {
		n, step = -n, -1
	}
	for n > 0 {
		day += step
		if c.isWorkday(day) {
			n--
		}
	}
	return day.date()
}

// WorkdaysBetween counts the working days in (from, to]; it is negative when to is before from.
func (c *Calendar) WorkdaysBetween(from, to time.Time) int {
	a, b, sign := toDayNum(from), toDayNum(to), 1
	if b < a {
		a, b, sign = b, a, -1
	}
	count := 0
	for day := a + 1; day <= b; day++ {
		if c.isWorkday(day) {
			count++
		}
	}
	return sign * count
}

// PeriodEnd is the last day of a natural-day period ("不少于30日") that starts after start:
// start + days, moved to the next working day when that day is a rest day.
func (c *Calendar) PeriodEnd(start time.Time, days int) time.Time {
	day := toDayNum(start) + dayNum(days)
	for !c.isWorkday(day) {
		day++
	}
	return day.date()
}

// NextHolidays returns up to n holiday periods that start on or after from, in date order.
func (c *Calendar) NextHolidays(from time.Time, n int) []HolidaySpan {
	if n <= 0 {
		return nil
	}
	start := Day(from)
	i := sort.Search(len(c.spans), func(i int) bool { return !c.spans[i].Start.Before(start) })
	var out []HolidaySpan
	for ; i < len(c.spans) && len(out) < n; i++ {
		s := c.spans[i]
		s.MakeupWorkdays = append([]time.Time(nil), s.MakeupWorkdays...)
		out = append(out, s)
	}
	return out
}

// buildSpans groups consecutive rest-day overrides with the same name into periods and
// attaches the 调休上班 days of the same name that lie near each period.
func (c *Calendar) buildSpans() []HolidaySpan {
	var rest, work []dayNum
	for n, e := range c.days {
		if e.kind == Workday {
			work = append(work, n)
		} else {
			rest = append(rest, n)
		}
	}
	sort.Slice(rest, func(i, j int) bool { return rest[i] < rest[j] })
	sort.Slice(work, func(i, j int) bool { return work[i] < work[j] })
	var spans []HolidaySpan
	for i := 0; i < len(rest); {
		name := c.days[rest[i]].name
		j := i + 1
		for j < len(rest) && rest[j] == rest[j-1]+1 && c.days[rest[j]].name == name {
			j++
		}
		first, last := rest[i], rest[j-1]
		span := HolidaySpan{Name: name, Start: first.date(), End: last.date(), Days: int(last-first) + 1}
		for _, w := range work {
			if c.days[w].name == name && w >= first-makeupWindow && w <= last+makeupWindow {
				span.MakeupWorkdays = append(span.MakeupWorkdays, w.date())
			}
		}
		spans = append(spans, span)
		i = j
	}
	return spans
}

// Countdown is a deadline as the dashboard shows it.
type Countdown = core.Countdown

// Countdown statuses.
const (
	StatusPending  = "pending"
	StatusDueToday = "due_today"
	StatusOverdue  = "overdue"
)

// Countdown compares a due date with today, both civil dates, counting working days with the
// calendar rather than plain day differences: due on Monday seen on Friday is 1 working day away.
// Workdays is 0 (with status pending or overdue) when only rest days lie between the two dates.
func (c *Calendar) Countdown(today, due time.Time) Countdown {
	t, d := toDayNum(today), toDayNum(due)
	switch {
	case t == d:
		return Countdown{Status: StatusDueToday, Label: "今日到期"}
	case t < d:
		n := c.WorkdaysBetween(today, due)
		return Countdown{Status: StatusPending, Workdays: n, Label: fmt.Sprintf("剩余%d个工作日", n)}
	default:
		n := c.WorkdaysBetween(due, today)
		return Countdown{Status: StatusOverdue, Workdays: n, Label: fmt.Sprintf("已超期%d个工作日", n)}
	}
}
