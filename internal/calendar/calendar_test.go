package calendar

import (
	"slices"
	"sync"
	"testing"
	"time"
)

var builtin = New(Builtin())

func TestAddWorkdays(t *testing.T) {
	tests := []struct {
		name string
		from string
		n    int
		want string
	}{
		{"DOMAIN §2: received Friday, due Wednesday", "2026-11-20", 3, "2026-11-25"},
		{"DOMAIN §2: received Saturday, same due date", "2026-11-21", 3, "2026-11-25"},
		{"received Sunday", "2026-11-22", 3, "2026-11-25"},
		{"n == 0 returns the day itself", "2026-11-21", 0, "2026-11-21"},
		{"春节 2026: Saturday 2-14 is worked, then nine days off", "2026-02-12", 3, "2026-02-24"},
		{"春节 2026: the 调休 Saturday is the next working day", "2026-02-13", 1, "2026-02-14"},
		{"春节 2026: received during the holiday", "2026-02-15", 3, "2026-02-26"},
		{"春节 2026: the later 调休 Saturday counts", "2026-02-26", 2, "2026-02-28"},
		{"国庆 2026: 10-10 Saturday is worked", "2026-09-30", 3, "2026-10-10"},
		{"国庆 2026: Sunday 9-20 is worked", "2026-09-18", 1, "2026-09-20"},
		{"中秋 2026 skipped", "2026-09-24", 1, "2026-09-28"},
		{"interpretation lag across 元旦 2026", "2025-12-31", 3, "2026-01-06"},
		{"negative n counts backwards", "2026-10-08", -1, "2026-09-30"},
		{"year without data: Monday–Friday", "2030-12-31", 3, "2031-01-03"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := builtin.AddWorkdays(d(t, tt.from), tt.n)
			if FormatDate(got) != tt.want {
				t.Errorf("AddWorkdays(%s, %d) = %s, want %s", tt.from, tt.n, FormatDate(got), tt.want)
			}
		})
	}
}

func TestAddWorkdaysAcceptsShanghaiTimes(t *testing.T) {
	received := time.Date(2026, 11, 20, 23, 59, 0, 0, time.FixedZone("CST", 8*3600))
	if got := FormatDate(builtin.AddWorkdays(received, 3)); got != "2026-11-25" {
		t.Errorf("AddWorkdays(late Friday in Shanghai, 3) = %s, want 2026-11-25", got)
	}
}

func TestWorkdaysBetween(t *testing.T) {
	tests := []struct {
		from, to string
		want     int
	}{
		{"2026-11-20", "2026-11-25", 3},
		{"2026-11-25", "2026-11-20", -3},
		{"2026-11-20", "2026-11-20", 0},
		{"2026-11-20", "2026-11-22", 0},   // a weekend only
		{"2026-09-30", "2026-10-10", 3},   // 国庆: 10-08, 10-09 and the 调休 Saturday
		{"2026-02-13", "2026-02-28", 6},   // 春节: 2-14, 2-24…2-27, 2-28
		{"2025-12-31", "2026-12-31", 248}, // holiday-cn 2026: 248 working days
	}
	for _, tt := range tests {
		if got := builtin.WorkdaysBetween(d(t, tt.from), d(t, tt.to)); got != tt.want {
			t.Errorf("WorkdaysBetween(%s, %s) = %d, want %d", tt.from, tt.to, got, tt.want)
		}
	}
}

// AddWorkdays and WorkdaysBetween must agree: n working days after d is exactly n away.
func TestAddWorkdaysInvertsWorkdaysBetween(t *testing.T) {
	for day := d(t, "2025-12-01"); day.Year() < 2027; day = day.AddDate(0, 0, 1) {
		for _, n := range []int{1, 3, 10} {
			due := builtin.AddWorkdays(day, n)
			if got := builtin.WorkdaysBetween(day, due); got != n || !builtin.IsWorkday(due) {
				t.Fatalf("AddWorkdays(%s, %d) = %s, which is %d working days away (workday %v)",
					FormatDate(day), n, FormatDate(due), got, builtin.IsWorkday(due))
			}
		}
	}
}

func TestPeriodEnd(t *testing.T) {
	tests := []struct {
		name  string
		start string
		days  int
		want  string
	}{
		{"DOMAIN §2: opened 2026-03-02, 30 days", "2026-03-02", 30, "2026-04-01"},
		{"ends on a Saturday: runs to Monday", "2026-10-08", 30, "2026-11-09"},
		{"ends on 国庆: runs to the first working day after it", "2026-09-01", 30, "2026-10-08"},
		{"ends on a 调休上班 Saturday: that day is a working day", "2026-09-10", 30, "2026-10-10"},
		{"ends inside 春节", "2026-01-16", 30, "2026-02-24"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := builtin.PeriodEnd(d(t, tt.start), tt.days); FormatDate(got) != tt.want {
				t.Errorf("PeriodEnd(%s, %d) = %s, want %s", tt.start, tt.days, FormatDate(got), tt.want)
			}
		})
	}
}

func TestInfo(t *testing.T) {
	tests := []struct {
		day     string
		workday bool
		kind    string
		name    string
	}{
		{"2026-02-14", true, InfoMakeup, "春节"},
		{"2026-02-15", false, InfoHoliday, "春节"}, // a Sunday inside the holiday keeps its name
		{"2026-02-16", false, InfoHoliday, "春节"},
		{"2026-03-07", false, InfoWeekend, ""},
		{"2026-03-09", true, InfoWorkday, ""},
		{"2025-10-06", false, InfoHoliday, "国庆节、中秋节"},
		{"2024-06-08", false, InfoHoliday, "端午节"}, // "6月10日放假,与周末连休"
	}
	for _, tt := range tests {
		got := builtin.Info(d(t, tt.day))
		want := DayInfo{Date: d(t, tt.day), Workday: tt.workday, Kind: tt.kind, Name: tt.name}
		if got != want {
			t.Errorf("Info(%s) = %+v, want %+v", tt.day, got, want)
		}
	}
}

func TestCountdown(t *testing.T) {
	tests := []struct {
		today, due string
		want       Countdown
	}{
		{"2026-11-23", "2026-11-25", Countdown{Status: StatusPending, Workdays: 2, Label: "剩余2个工作日"}},
		{"2026-11-20", "2026-11-25", Countdown{Status: StatusPending, Workdays: 3, Label: "剩余3个工作日"}},
		{"2026-02-13", "2026-02-24", Countdown{Status: StatusPending, Workdays: 2, Label: "剩余2个工作日"}},
		{"2026-11-25", "2026-11-25", Countdown{Status: StatusDueToday, Workdays: 0, Label: "今日到期"}},
		{"2026-11-27", "2026-11-25", Countdown{Status: StatusOverdue, Workdays: 2, Label: "已超期2个工作日"}},
		{"2026-10-08", "2026-09-30", Countdown{Status: StatusOverdue, Workdays: 1, Label: "已超期1个工作日"}},
	}
	for _, tt := range tests {
		if got := builtin.Countdown(d(t, tt.today), d(t, tt.due)); got != tt.want {
			t.Errorf("Countdown(%s, %s) = %+v, want %+v", tt.today, tt.due, got, tt.want)
		}
	}
}

func TestNextHolidays(t *testing.T) {
	span := func(name, start, end string, days int, makeup ...string) HolidaySpan {
		s := HolidaySpan{Name: name, Start: d(t, start), End: d(t, end), Days: days}
		for _, m := range makeup {
			s.MakeupWorkdays = append(s.MakeupWorkdays, d(t, m))
		}
		return s
	}
	tests := []struct {
		from string
		n    int
		want []HolidaySpan
	}{
		{"2026-09-01", 2, []HolidaySpan{
			span("中秋节", "2026-09-25", "2026-09-27", 3),
			span("国庆节", "2026-10-01", "2026-10-07", 7, "2026-09-20", "2026-10-10"),
		}},
		{"2026-01-01", 1, []HolidaySpan{span("元旦", "2026-01-01", "2026-01-03", 3, "2026-01-04")}},
		{"2026-01-02", 1, []HolidaySpan{span("春节", "2026-02-15", "2026-02-23", 9, "2026-02-14", "2026-02-28")}},
		{"2023-12-01", 1, []HolidaySpan{span("元旦", "2023-12-30", "2024-01-01", 3)}},
		{"2020-01-02", 1, []HolidaySpan{span("春节", "2020-01-24", "2020-02-02", 10, "2020-01-19")}},
		{"2026-10-02", 3, nil},
		{"2026-01-01", 0, nil},
	}
	for _, tt := range tests {
		got := builtin.NextHolidays(d(t, tt.from), tt.n)
		if !slices.EqualFunc(got, tt.want, equalSpan) {
			t.Errorf("NextHolidays(%s, %d) = %+v, want %+v", tt.from, tt.n, got, tt.want)
		}
	}
}

func equalSpan(a, b HolidaySpan) bool {
	return a.Name == b.Name && a.Start.Equal(b.Start) && a.End.Equal(b.End) && a.Days == b.Days &&
		slices.EqualFunc(a.MakeupWorkdays, b.MakeupWorkdays, time.Time.Equal)
}

func TestNewReplacesYearAndCovers(t *testing.T) {
	edited := Year{Year: 2026, Source: "用户编辑", Days: []Override{
		{Date: d(t, "2026-11-20"), Kind: Holiday, Name: "局庆"},
	}}
	c := New(append(Builtin(), edited))
	checks := []struct {
		day     string
		workday bool
	}{
		{"2026-11-20", false}, // the edit
		{"2026-10-01", true},  // the built-in 2026 schedule is gone entirely
		{"2026-02-14", false}, // and so is its 调休上班
		{"2025-10-01", false}, // other years untouched
	}
	for _, ck := range checks {
		if got := c.IsWorkday(d(t, ck.day)); got != ck.workday {
			t.Errorf("IsWorkday(%s) = %v, want %v", ck.day, got, ck.workday)
		}
	}
	if !c.Covers(2026) || !c.Covers(2020) || c.Covers(2019) || c.Covers(2027) {
		t.Errorf("Covers: 2026=%v 2020=%v 2019=%v 2027=%v", c.Covers(2026), c.Covers(2020), c.Covers(2019), c.Covers(2027))
	}
	if ys := c.Years(); len(ys) != 7 || ys[6].Source != "用户编辑" {
		t.Errorf("Years() = %d years, last source %q", len(ys), ys[len(ys)-1].Source)
	}
}

// A date's own year decides over a neighbouring year's notice that also lists it.
func TestOwnYearWinsOverNeighbour(t *testing.T) {
	next := Year{Year: 2031, Days: []Override{{Date: d(t, "2030-12-28"), Kind: Holiday, Name: "元旦"}}}
	own := Year{Year: 2030, Days: []Override{{Date: d(t, "2030-12-28"), Kind: Workday, Name: "元旦"}}}
	for _, order := range [][]Year{{own, next}, {next, own}} {
		if c := New(order); !c.IsWorkday(d(t, "2030-12-28")) {
			t.Errorf("order %d,%d: 2030-12-28 should follow 2030's data", order[0].Year, order[1].Year)
		}
	}
}

func TestEmptyCalendarIsMondayToFriday(t *testing.T) {
	c := New(nil)
	if c.Covers(2026) {
		t.Error("empty calendar covers 2026")
	}
	if !c.IsWorkday(d(t, "2026-10-01")) || c.IsWorkday(d(t, "2026-10-03")) {
		t.Error("empty calendar does not follow Monday–Friday")
	}
	if got := c.NextHolidays(d(t, "2026-01-01"), 3); got != nil {
		t.Errorf("NextHolidays on an empty calendar = %v", got)
	}
}

func TestConcurrentUse(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for i := range 500 {
				day := d(t, "2026-01-01").AddDate(0, 0, i%365)
				builtin.AddWorkdays(day, 3)
				builtin.Info(day)
				builtin.NextHolidays(day, 2)
			}
		})
	}
	wg.Wait()
}
