package calendar

import (
	"testing"
	"time"

	"policydesk/internal/core"
)

func TestDayKeepsCivilDate(t *testing.T) {
	late := time.Date(2026, 11, 20, 23, 30, 0, 0, core.Shanghai) // 15:30 UTC the same day
	early := time.Date(2026, 11, 20, 0, 30, 0, 0, core.Shanghai) // 16:30 UTC the day before
	for _, tm := range []time.Time{late, early} {
		if got := FormatDate(Day(tm)); got != "2026-11-20" {
			t.Errorf("Day(%v) = %s, want 2026-11-20", tm, got)
		}
		if Day(tm).Location() != time.UTC || Day(tm).Hour() != 0 {
			t.Errorf("Day(%v) = %v, want 00:00 UTC", tm, Day(tm))
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"2026-01-02", "2026-01-02"},
		{"2026/1/2", "2026-01-02"},
		{"2026年1月2日", "2026-01-02"},
		{" 2026年12月31日 ", "2026-12-31"},
		{"２０２６－０３－０２", "2026-03-02"},
		{"2024-02-29", "2024-02-29"},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if err != nil || FormatDate(got) != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "2026-02-30", "2023-02-29", "2026-13-01", "明天", "26-1-2", "2026-01-02x"} {
		_, err := ParseDate(bad)
		if core.ErrorCode(err) != core.EINVALID {
			t.Errorf("ParseDate(%q) error = %v, want code %s", bad, err, core.EINVALID)
		}
	}
}

func TestDayNumRoundTrip(t *testing.T) {
	for day := d(t, "1899-12-25"); day.Year() < 2201; day = day.AddDate(0, 0, 13) {
		n := toDayNum(day)
		if !n.date().Equal(day) || n.weekday() != day.Weekday() {
			t.Fatalf("day %s: dayNum %d gives %s %s", FormatDate(day), n, FormatDate(n.date()), n.weekday())
		}
	}
}
