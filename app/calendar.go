package app

import (
	"context"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

// CalendarStore is what the calendar bridge needs from storage.
type CalendarStore interface {
	Calendar() *calendar.Calendar
	Year(ctx context.Context, year int) (core.CalendarYear, error)
	Years(ctx context.Context) ([]core.CalendarYearInfo, error)
	SetDay(ctx context.Context, e core.CalendarDayEdit) (core.CalendarDay, error)
	PreviewNotice(ctx context.Context, text string, defaultYear int) (core.NoticePreview, error)
	ApplyNotice(ctx context.Context, text string, defaultYear int) (core.CalendarYearInfo, error)
}

// CalendarService is the bridge for 设置 → 工作日历 and for every date shown in the UI.
type CalendarService struct {
	ctx   context.Context
	store CalendarStore
	clock core.Clock
	emit  Emitter
}

// NewCalendarService wraps the calendar store.
func NewCalendarService(store CalendarStore, clock core.Clock, emit Emitter) *CalendarService {
	return &CalendarService{ctx: context.Background(), store: store, clock: clock, emit: emit}
}

// startup keeps the Wails context.
func (s *CalendarService) startup(ctx context.Context) { s.ctx = ctx }

// GetYear returns every day of a year with its kind.
func (s *CalendarService) GetYear(year int) (core.CalendarYear, error) {
	return nonNil(s.store.Year(s.ctx, year))
}

// ListYears lists the years with recorded holiday data and their sources.
func (s *CalendarService) ListYears() ([]core.CalendarYearInfo, error) {
	return nonNil(s.store.Years(s.ctx))
}

// SetDay edits one day.
func (s *CalendarService) SetDay(e core.CalendarDayEdit) (core.CalendarDay, error) {
	day, err := s.store.SetDay(s.ctx, e)
	if err == nil {
		s.emit(EventCalendarChanged, day.Date[:4])
	}
	return day, err
}

// PreviewNotice shows what importing a pasted holiday notice would change.
func (s *CalendarService) PreviewNotice(text string, defaultYear int) (core.NoticePreview, error) {
	return nonNil(s.store.PreviewNotice(s.ctx, text, defaultYear))
}

// ApplyNotice imports a pasted holiday notice.
func (s *CalendarService) ApplyNotice(text string, defaultYear int) (core.CalendarYearInfo, error) {
	info, err := s.store.ApplyNotice(s.ctx, text, defaultYear)
	if err == nil {
		s.emit(EventCalendarChanged, info.Year)
	}
	return info, err
}

// Today describes today for the dashboard: its kind, the reply deadline of a message received today,
// and the next holidays.
func (s *CalendarService) Today() (core.TodayInfo, error) {
	return nonNil(TodayInfo(s.store.Calendar(), s.clock.Now()), nil)
}

// TodayInfo builds the dashboard's date panel for now.
func TodayInfo(cal *calendar.Calendar, now time.Time) core.TodayInfo {
	today := calendar.Day(now)
	info := cal.Info(today)
	due := cal.AddWorkdays(today, 3)
	out := core.TodayInfo{
		Date: calendar.FormatDate(today), WeekdayName: weekdayName(today), Workday: info.Workday, Kind: info.Kind, Name: info.Name,
		Due3: calendar.FormatDate(due), Due3Weekday: weekdayName(due),
		YearCovered: cal.Covers(today.Year()), NextCovered: cal.Covers(today.Year() + 1),
		NextHolidays: []core.HolidaySpan{},
	}
	for _, h := range cal.NextHolidays(today, 3) {
		out.NextHolidays = append(out.NextHolidays, holidaySpan(h))
	}
	return out
}

func holidaySpan(h calendar.HolidaySpan) core.HolidaySpan {
	out := core.HolidaySpan{Name: h.Name, Start: calendar.FormatDate(h.Start), End: calendar.FormatDate(h.End), Days: h.Days, MakeupWorkdays: []string{}}
	for _, d := range h.MakeupWorkdays {
		out.MakeupWorkdays = append(out.MakeupWorkdays, calendar.FormatDate(d))
	}
	return out
}

// AddWorkdays answers "N working days after DATE" (the date itself not counted).
func (s *CalendarService) AddWorkdays(date string, n int) (core.DueResult, error) {
	d, err := calendar.ParseDate(date)
	if err != nil {
		return core.DueResult{}, core.FieldErrorf(core.EINVALID, "date", "日期格式不正确：%s", date)
	}
	if n < 0 || n > 3650 {
		return core.DueResult{}, core.FieldErrorf(core.EINVALID, "workdays", "工作日数须在0到3650之间")
	}
	due := s.store.Calendar().AddWorkdays(d, n)
	return core.DueResult{From: calendar.FormatDate(d), Workdays: n, Due: calendar.FormatDate(due), DueWeekday: weekdayName(due),
		NaturalDays: int(due.Sub(d).Hours() / 24)}, nil
}

// PeriodEnd answers the natural-day period rule: the earliest lawful close date of a period of days
// opened on date (moved past rest days).
func (s *CalendarService) PeriodEnd(date string, days int) (string, error) {
	d, err := calendar.ParseDate(date)
	if err != nil {
		return "", core.FieldErrorf(core.EINVALID, "date", "日期格式不正确：%s", date)
	}
	if days < 1 || days > 3650 {
		return "", core.FieldErrorf(core.EINVALID, "days", "天数须在1到3650之间")
	}
	return calendar.FormatDate(s.store.Calendar().PeriodEnd(d, days)), nil
}

func weekdayName(t time.Time) string { return calendar.WeekdayName(t.Weekday()) }
