package calendar

import (
	"strings"
	"time"

	"policydesk/internal/core"
)

// The years the calendar can be shown for.
const (
	FirstYear = 1990
	LastYear  = 2100
)

// CheckYear refuses a year the calendar is not shown for.
func CheckYear(year int) error {
	if year < FirstYear || year > LastYear {
		return core.FieldErrorf(core.EINVALID, "year", "年份%d超出范围(%d–%d)", year, FirstYear, LastYear)
	}
	return nil
}

// DayDefault is the kind of a day edit that returns the day to the plain Mon–Fri rule.
const DayDefault = "default"

// CheckDayEdit reads a user's edit of one day and returns it trimmed, with its date. A rest day is named
// 休息日 when left unnamed; a 调休上班 must fall on a weekend (a weekday is a working day already); the kind
// must be a rest day, a working day or the default.
func CheckDayEdit(e core.CalendarDayEdit) (core.CalendarDayEdit, time.Time, error) {
	d, err := ParseDate(e.Date)
	if err != nil {
		return e, d, core.FieldErrorf(core.EINVALID, "date", "日期格式不正确：%s", e.Date)
	}
	e.Name, e.Note = strings.TrimSpace(e.Name), strings.TrimSpace(e.Note)
	switch e.Kind {
	case string(Holiday):
		if e.Name == "" {
			e.Name = "休息日"
		}
	case string(Workday):
		if d.Weekday() != time.Saturday && d.Weekday() != time.Sunday {
			return e, d, core.FieldErrorf(core.EINVALID, "kind", "%s是周一至周五，本来就是工作日，无需设为调休上班", FormatDate(d))
		}
	case DayDefault:
	default:
		return e, d, core.FieldErrorf(core.EINVALID, "kind", "请选择这一天的类型")
	}
	return e, d, nil
}
