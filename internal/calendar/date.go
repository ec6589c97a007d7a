package calendar

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"policydesk/internal/core"
)

// Day returns the civil date of t (its own year, month and day) at 00:00 UTC.
// Dates are compared and stored as civil dates so that a time taken in Asia/Shanghai
// late in the evening never slips into the next or previous day.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// FormatDate writes a civil date as "2006-01-02".
func FormatDate(t time.Time) string { return t.Format("2006-01-02") }

var datePattern = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$`)

// ParseDate reads a civil date written as "2006-01-02", "2006/1/2" or "2006年1月2日"
// (full-width digits and spaces are accepted, as people paste them from documents).
func ParseDate(s string) (time.Time, error) {
	m := datePattern.FindStringSubmatch(strings.TrimSpace(normalizeWidth(s)))
	if m == nil {
		return time.Time{}, core.Errorf(core.EINVALID, "日期格式不正确:“%s”,应为 2006-01-02、2006/1/2 或 2006年1月2日", s)
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	t, ok := civilDate(y, mo, d)
	if !ok {
		return time.Time{}, core.Errorf(core.EINVALID, "日期不存在:“%s”", s)
	}
	return t, nil
}

// civilDate builds a date and reports whether it exists (time.Date would silently normalise 2月30日).
func civilDate(y, m, d int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d
}

// dayNum is a civil date as a count of days since 1970-01-01: a compact map key
// that also makes "the next day" a plain increment.
type dayNum int32

// toDayNum converts the civil date of t without allocating (Howard Hinnant's days_from_civil).
func toDayNum(t time.Time) dayNum {
	y, m, d := t.Date()
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (int(m) + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return dayNum(era*146097 + doe - 719468)
}

// date converts back to a civil date at 00:00 UTC.
func (n dayNum) date() time.Time { return time.Unix(int64(n)*86400, 0).UTC() }

// weekday of the day; 1970-01-01 was a Thursday.
func (n dayNum) weekday() time.Weekday {
	return time.Weekday(((int(n)+4)%7 + 7) % 7)
}

func (n dayNum) isWeekend() bool {
	w := n.weekday()
	return w == time.Saturday || w == time.Sunday
}

// normalizeWidth maps full-width ASCII (（）：，０-９ …) and the ideographic space to their
// half-width forms, so that text pasted from Word, WPS or web pages parses the same way.
func normalizeWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '！' && r <= '～':
			return r - '！' + '!'
		case r == '\u3000':
			return ' '
		case r == '〜':
			return '~'
		}
		return r
	}, s)
}

// WeekdayName is the short Chinese name of a weekday (周日 … 周六), as notices and deadlines write it.
func WeekdayName(w time.Weekday) string {
	return "周" + [...]string{"日", "一", "二", "三", "四", "五", "六"}[w]
}
