package app

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/rules"
	"policydesk/internal/sqlite"
)

func bridgeError(t *testing.T, err error) BridgeError {
	t.Helper()
	text, ok := FormatError(err).(string)
	if !ok {
		t.Fatalf("FormatError returned %T, want the JSON text Wails passes to new Error()", FormatError(err))
	}
	var b BridgeError
	if err := json.Unmarshal([]byte(text), &b); err != nil {
		t.Fatalf("not JSON: %q", text)
	}
	return b
}

func TestFormatErrorKeepsDomainCodesAndHidesInternals(t *testing.T) {
	got := bridgeError(t, core.FieldErrorf(core.EINVALID, "name", "请填写科室名称"))
	if got.Code != core.EINVALID || got.Message != "请填写科室名称" || got.Field != "name" {
		t.Errorf("domain error = %+v", got)
	}
	got = bridgeError(t, errors.New("sql: database is locked at /home/x"))
	if got.Code != core.EINTERNAL || got.Message == "" || got.Field != "" {
		t.Errorf("internal error = %+v", got)
	}
	for _, r := range got.Message {
		if r < 128 && r != ' ' && r != ',' && r != '.' {
			// The user sees Chinese only; no internal details leak through.
			if r >= 'a' && r <= 'z' {
				t.Fatalf("internal message leaks ASCII text: %q", got.Message)
			}
		}
	}
}

// openTestDB opens a fresh database in a temporary directory whose clock stands still at now.
func openTestDB(t *testing.T, now time.Time) *sqlite.DB {
	t.Helper()
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "p.db"), rules.All())
	db.Clock = core.NewFixedClock(now)
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func testCalendar(t *testing.T) *sqlite.CalendarStore {
	t.Helper()
	db := openTestDB(t, time.Date(2026, 11, 20, 9, 0, 0, 0, core.Shanghai))
	store := sqlite.NewCalendarStore(db)
	if err := store.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	return store
}

func TestTodayInfo(t *testing.T) {
	store := testCalendar(t)
	// Friday 2026-11-20: a message received today is due Wednesday 2026-11-25 (DOMAIN.md §2).
	info := TodayInfo(store.Calendar(), time.Date(2026, 11, 20, 16, 0, 0, 0, core.Shanghai))
	if info.Date != "2026-11-20" || info.WeekdayName != "周五" || !info.Workday || info.Due3 != "2026-11-25" || info.Due3Weekday != "周三" {
		t.Fatalf("today = %+v", info)
	}
	// 2027's notice is not in the built-in data: no holiday is known after 2026's 国庆节.
	if len(info.NextHolidays) != 0 || info.NextCovered || !info.YearCovered {
		t.Fatalf("next holidays = %+v, covered %v/%v", info.NextHolidays, info.YearCovered, info.NextCovered)
	}
	info = TodayInfo(store.Calendar(), time.Date(2026, 9, 21, 9, 0, 0, 0, core.Shanghai))
	if len(info.NextHolidays) < 2 || info.NextHolidays[0].Name != "中秋节" || info.NextHolidays[1].Name != "国庆节" {
		t.Fatalf("next holidays from 2026-09-21 = %+v", info.NextHolidays)
	}
	// Late in the evening China time is still the same civil day.
	info = TodayInfo(store.Calendar(), time.Date(2026, 11, 20, 23, 59, 0, 0, core.Shanghai))
	if info.Date != "2026-11-20" {
		t.Fatalf("late evening = %s", info.Date)
	}
}

func TestCalendarServiceAddWorkdaysAndPeriodEnd(t *testing.T) {
	store := testCalendar(t)
	var events []string
	s := NewCalendarService(store, core.NewFixedClock(time.Date(2026, 11, 20, 9, 0, 0, 0, core.Shanghai)),
		func(name string, _ ...any) { events = append(events, name) })
	r, err := s.AddWorkdays("2026-09-30", 3) // across 国庆 2026: 10-08, 10-09 and the 调休上班 Saturday 10-10
	if err != nil || r.Due != "2026-10-10" || r.DueWeekday != "周六" {
		t.Fatalf("AddWorkdays = %+v, %v", r, err)
	}
	if _, err := s.AddWorkdays("not a date", 3); core.ErrorCode(err) != core.EINVALID {
		t.Fatalf("bad date: %v", err)
	}
	end, err := s.PeriodEnd("2026-03-02", 30)
	if err != nil || end != "2026-04-01" {
		t.Fatalf("PeriodEnd = %s, %v", end, err)
	}
	if _, err := s.SetDay(core.CalendarDayEdit{Date: "2026-11-24", Kind: "holiday", Name: "临时休息"}); err != nil {
		t.Fatal(err)
	}
	if len(events) != 1 || events[0] != EventCalendarChanged {
		t.Fatalf("events = %v", events)
	}
	r, _ = s.AddWorkdays("2026-11-20", 3)
	if r.Due != "2026-11-26" {
		t.Fatalf("after edit due = %s", r.Due)
	}
}

func TestDashboardMonthViewAndCalendarDeadlines(t *testing.T) {
	store := testCalendar(t)
	clock := core.NewFixedClock(time.Date(2026, 11, 20, 9, 0, 0, 0, core.Shanghai))
	cal := func() *calendar.Calendar { return store.Calendar() }
	d := NewDashboardService(cal, clock, nil, CalendarDeadlines{Cal: cal})
	ds, err := d.Deadlines()
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]core.Deadline{}
	for _, x := range ds {
		kinds[x.Kind] = x
	}
	if kinds["calendar.reply_due"].Due != "2026-11-25" || kinds["calendar.reply_due"].Label != "剩余3个工作日" {
		t.Errorf("reply due = %+v", kinds["calendar.reply_due"])
	}
	if _, ok := kinds["calendar.next_holiday"]; ok {
		t.Errorf("a next holiday without 2027 data: %+v", kinds["calendar.next_holiday"])
	}
	// November 2026 and no 2027 data yet: remind the officer to import next year's notice.
	if w, ok := kinds["calendar.missing_year"]; !ok || w.Status != "warning" || ds[0].Kind != "calendar.missing_year" {
		t.Errorf("missing year warning = %+v (first: %s)", w, ds[0].Kind)
	}

	clock.Set(time.Date(2026, 9, 21, 9, 0, 0, 0, core.Shanghai))
	ds, _ = d.Deadlines()
	if len(ds) != 2 || ds[1].Kind != "calendar.next_holiday" || ds[1].Due != "2026-09-25" || ds[1].Label != "还有3个工作日" {
		t.Errorf("deadlines on 2026-09-21 = %+v", ds)
	}

	v, err := d.MonthView(2026, 10)
	if err != nil {
		t.Fatal(err)
	}
	if v.Weeks[0][0].Date != "2026-09-28" || len(v.Weeks) != 5 {
		t.Fatalf("October 2026 starts %s with %d weeks", v.Weeks[0][0].Date, len(v.Weeks))
	}
	found := map[string]core.MonthDay{}
	for _, w := range v.Weeks {
		if len(w) != 7 {
			t.Fatalf("week of %d days", len(w))
		}
		for _, day := range w {
			found[day.Date] = day
		}
	}
	if found["2026-10-01"].Workday || found["2026-10-01"].Name != "国庆节" || !found["2026-10-10"].Workday || !found["2026-10-10"].InMonth {
		t.Errorf("Oct 1 = %+v, Oct 10 = %+v", found["2026-10-01"], found["2026-10-10"])
	}
	if _, err := d.MonthView(2026, 13); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("month 13: %v", err)
	}
}

func TestBackupKeepSetting(t *testing.T) {
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "p.db"), rules.All())
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s := NewSystemService(SystemConfig{Clock: core.SystemClock{}, DB: db, Emit: func(string, ...any) {}})
	if n, err := s.BackupKeep(); err != nil || n != DefaultBackupKeep {
		t.Fatalf("default keep = %d, %v", n, err)
	}
	if _, err := s.SetBackupKeep(0); core.ErrorCode(err) != core.EINVALID {
		t.Fatalf("keep 0 accepted: %v", err)
	}
	if n, err := s.SetBackupKeep(30); err != nil || n != 30 {
		t.Fatalf("set keep = %d, %v", n, err)
	}
	if n, _ := BackupKeep(context.Background(), db); n != 30 {
		t.Fatalf("keep after set = %d", n)
	}
	page, err := db.AuditLog(context.Background(), core.AuditFilter{Entity: "setting", EntityID: SettingBackupKeep})
	if err != nil || page.Total != 1 {
		t.Fatalf("audit of the change: %+v, %v", page, err)
	}
}

type fixedDeadlines []core.Deadline

func (f fixedDeadlines) Deadlines(context.Context, time.Time) ([]core.Deadline, error) { return f, nil }

type fixedQueue struct{ asked []int64 }

func (q *fixedQueue) WaitingSignoffs(_ context.Context, person int64, anySigner bool) ([]core.Deadline, error) {
	q.asked = append(q.asked, person)
	if !anySigner {
		return []core.Deadline{}, nil
	}
	return []core.Deadline{{Kind: "signoff.waiting", Title: "解读待审签", PersonID: person}}, nil
}

func TestDashboardTodayFiltersForTheSignedInPerson(t *testing.T) {
	store := testCalendar(t)
	clock := core.NewFixedClock(time.Date(2026, 11, 20, 9, 0, 0, 0, core.Shanghai))
	cal := func() *calendar.Calendar { return store.Calendar() }
	src := fixedDeadlines{
		{Kind: "mailbox.reply", Title: "mine", Due: "2026-11-19", Status: "overdue", PersonID: 7, SectionID: 3},
		{Kind: "mailbox.reply", Title: "colleague", Due: "2026-11-20", Status: "due_today", PersonID: 8, SectionID: 3},
		{Kind: "disclosure.answer_due", Title: "elsewhere", Due: "2026-11-24", Status: "pending", Workdays: 2, SectionID: 5},
	}
	q := &fixedQueue{}
	d := NewDashboardService(cal, clock, q, CalendarDeadlines{Cal: cal}, src)
	d.ctx = core.WithActor(context.Background(), core.Actor{PersonID: 7, Name: "李娜", Role: core.RoleApprover, SectionID: 3})
	counts := func(v core.Today) [5]int {
		return [5]int{len(v.Overdue), len(v.DueToday), len(v.Soon), len(v.Signoffs), len(v.Setup)}
	}
	for _, tc := range []struct {
		scope, want string
		counts      [5]int
	}{
		{"", core.ScopeSection, [5]int{1, 1, 0, 1, 1}}, // a section head opens on the section
		{core.ScopeMine, core.ScopeMine, [5]int{1, 0, 0, 1, 1}},
		{core.ScopeAll, core.ScopeAll, [5]int{1, 1, 1, 1, 1}},
	} {
		v, err := d.Today(tc.scope)
		if err != nil {
			t.Fatal(err)
		}
		if v.Scope != tc.want || counts(v) != tc.counts {
			t.Errorf("Today(%q) = %s %v, want %s %v", tc.scope, v.Scope, counts(v), tc.want, tc.counts)
		}
		if v.Setup[0].Kind != "calendar.missing_year" {
			t.Errorf("setup = %+v", v.Setup)
		}
		for _, g := range [][]core.Deadline{v.Overdue, v.DueToday, v.Soon, v.Later} {
			for _, x := range g {
				if x.Setup || x.Status == "info" {
					t.Errorf("Today(%q) lists %s among the deadlines", tc.scope, x.Kind)
				}
			}
		}
	}
	if q.asked[0] != 7 {
		t.Errorf("sign-off queue asked for %v", q.asked)
	}
	if _, err := d.Today("team"); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("unknown scope: %v", err)
	}
}
