package app

import (
	"context"
	"fmt"
	"log/slog"
	"sort"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/dashboard"
)

// DashboardService is the 工作台's bridge: deadlines from every module and a month calendar.
type DashboardService struct {
	ctx      context.Context
	cal      func() *calendar.Calendar
	clock    core.Clock
	signoffs core.SignoffQueue // nil: nobody's sign-off steps are listed
	sources  []core.DeadlineSource
}

// NewDashboardService merges the deadlines of the given sources; signoffs (may be nil) lists the sign-off
// steps waiting for the signed-in person.
func NewDashboardService(cal func() *calendar.Calendar, clock core.Clock, signoffs core.SignoffQueue, sources ...core.DeadlineSource) *DashboardService {
	return &DashboardService{ctx: context.Background(), cal: cal, clock: clock, signoffs: signoffs, sources: sources}
}

// startup keeps the Wails context.
func (s *DashboardService) startup(ctx context.Context) { s.ctx = ctx }

// Deadlines lists what is due, most urgent first. A failing source is logged and skipped so that one
// module's problem never hides the others' deadlines.
func (s *DashboardService) Deadlines() ([]core.Deadline, error) {
	now := s.clock.Now()
	out := []core.Deadline{}
	for _, src := range s.sources {
		ds, err := src.Deadlines(s.ctx, now)
		if err != nil {
			slog.Error("deadline source failed", "source", fmt.Sprintf("%T", src), "err", err)
			continue
		}
		out = append(out, ds...)
	}
	rank := map[string]int{"overdue": 0, "due_today": 1, "warning": 2, "pending": 3, "info": 4}
	sort.SliceStable(out, func(i, j int) bool {
		if rank[out[i].Status] != rank[out[j].Status] {
			return rank[out[i].Status] < rank[out[j].Status]
		}
		return out[i].Due < out[j].Due
	})
	return nonNil(out, nil)
}

// Today is the 工作台's opening view for the signed-in person: the deadlines of scope (mine / section / all;
// "" for the person's default) grouped under 已超期, 今日到期, 3个工作日内 and 其他待办, the sign-off steps
// waiting for them (待我审核) and the set-up warnings.
func (s *DashboardService) Today(scope string) (core.Today, error) {
	actor, ok := core.ActorFrom(s.ctx)
	if !ok {
		actor = core.System
	}
	scope, err := dashboard.CheckScope(scope, actor)
	if err != nil {
		return core.Today{}, err
	}
	all, err := s.Deadlines()
	if err != nil {
		return core.Today{}, err
	}
	var waiting []core.Deadline
	if s.signoffs != nil && !actor.IsSystem() {
		if waiting, err = s.signoffs.WaitingSignoffs(s.ctx, actor.PersonID, dashboard.SignsAnyStep(actor)); err != nil {
			slog.Error("sign-off queue failed", "err", err)
		}
	}
	return nonNil(dashboard.Group(all, waiting, scope, actor), nil)
}

// MonthView lays out a month in weeks (Monday first) with each day's kind and how many deadlines fall on it.
func (s *DashboardService) MonthView(year, month int) (core.MonthView, error) {
	if month < 1 || month > 12 || year < 1990 || year > 2100 {
		return core.MonthView{}, core.Errorf(core.EINVALID, "月份不正确：%d年%d月", year, month)
	}
	cal := s.cal()
	today := calendar.FormatDate(calendar.Day(s.clock.Now()))
	perDay := map[string]int{}
	if ds, err := s.Deadlines(); err == nil {
		for _, d := range ds {
			perDay[d.Due]++
		}
	}
	first := time.Date(year, time.Month(month), 1, 0, 0, 0, 0, time.UTC)
	start := first.AddDate(0, 0, -((int(first.Weekday()) + 6) % 7)) // back to Monday
	view := core.MonthView{Year: year, Month: month}
	for d := start; d.Before(first.AddDate(0, 1, 0)) || d.Weekday() != time.Monday; d = d.AddDate(0, 0, 1) {
		if d.Weekday() == time.Monday {
			view.Weeks = append(view.Weeks, []core.MonthDay{})
		}
		info := cal.Info(d)
		date := calendar.FormatDate(d)
		md := core.MonthDay{
			CalendarDay: core.CalendarDay{Date: date, Weekday: int(d.Weekday()), Workday: info.Workday, Kind: info.Kind, Name: info.Name},
			InMonth:     d.Month() == first.Month(), Today: date == today, Deadlines: perDay[date],
		}
		view.Weeks[len(view.Weeks)-1] = append(view.Weeks[len(view.Weeks)-1], md)
	}
	return nonNil(view, nil)
}

// CalendarDeadlines is the calendar's own contribution to the dashboard until the modules add theirs:
// the reply deadline of a message received today, the next holiday, and a missing year's holiday data.
type CalendarDeadlines struct {
	Cal func() *calendar.Calendar
}

var _ core.DeadlineSource = CalendarDeadlines{}

// Deadlines implements core.DeadlineSource.
func (c CalendarDeadlines) Deadlines(_ context.Context, now time.Time) ([]core.Deadline, error) {
	cal := c.Cal()
	today := calendar.Day(now)
	var out []core.Deadline
	due := cal.AddWorkdays(today, 3)
	cd := cal.Countdown(today, due)
	out = append(out, core.Deadline{
		Module: "局长信箱", Kind: "calendar.reply_due", Title: "今日收到的留言最迟答复日",
		Detail: fmt.Sprintf("收到之日不计，3个工作日内答复：%s(%s)", calendar.FormatDate(due), weekdayName(due)),
		Due:    calendar.FormatDate(due), Status: "info", Label: cd.Label, Workdays: cd.Workdays, Link: "/calendar",
	})
	for _, h := range cal.NextHolidays(today, 1) {
		detail := fmt.Sprintf("%s至%s放假，共%d天", calendar.FormatDate(h.Start), calendar.FormatDate(h.End), h.Days)
		if len(h.MakeupWorkdays) > 0 {
			detail += "；调休上班："
			for i, d := range h.MakeupWorkdays {
				if i > 0 {
					detail += "、"
				}
				detail += calendar.FormatDate(d) + "(" + weekdayName(d) + ")"
			}
		}
		left := cal.WorkdaysBetween(today, h.Start)
		out = append(out, core.Deadline{
			Module: "工作日历", Kind: "calendar.next_holiday", Title: "下一个节假日：" + h.Name, Detail: detail,
			Due: calendar.FormatDate(h.Start), Status: "info", Label: fmt.Sprintf("还有%d个工作日", left), Workdays: left, Link: "/settings/calendar",
		})
	}
	// The State Council publishes next year's notice in the autumn; from November on, remind the officer to import it.
	missing := 0
	if !cal.Covers(today.Year()) {
		missing = today.Year()
	} else if today.Month() >= time.November && !cal.Covers(today.Year()+1) {
		missing = today.Year() + 1
	}
	if missing != 0 {
		end := time.Date(missing, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
		if missing == today.Year() {
			end = today
		}
		out = append(out, core.Deadline{
			Module: "工作日历", Kind: "calendar.missing_year", Title: fmt.Sprintf("尚未录入%d年节假日安排", missing),
			Detail: fmt.Sprintf("国务院办公厅发布%d年部分节假日安排的通知后，请在“设置 → 工作日历”中粘贴导入；未录入前按周一至周五计算工作日。", missing),
			Due:    calendar.FormatDate(end), Status: "warning", Label: "待导入", Link: "/settings/calendar", Setup: true,
		})
	}
	return out, nil
}
