package calendar

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"policydesk/internal/testutil"
)

// holidayCN is the holiday-cn file format of the corpus: only named days are listed,
// isOffDay false meaning 调休上班.
type holidayCN struct {
	Year int `json:"year"`
	Days []struct {
		Name     string `json:"name"`
		Date     string `json:"date"`
		IsOffDay bool   `json:"isOffDay"`
	} `json:"days"`
}

type cnDay struct {
	off  bool
	name string
}

// loadHolidayCN reads corpus/calendar/YYYY.json for the given years, keyed by date. A file may
// list days of the previous year (2023's 元旦 began on 2022-12-31).
func loadHolidayCN(t *testing.T, years ...int) map[string]cnDay {
	dir := testutil.Corpus(t, "calendar")
	days := make(map[string]cnDay)
	for _, y := range years {
		raw, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("%d.json", y)))
		if err != nil {
			t.Fatal(err)
		}
		var f holidayCN
		if err := json.Unmarshal(raw, &f); err != nil {
			t.Fatalf("%d.json: %v", y, err)
		}
		for _, x := range f.Days {
			days[x.Date] = cnDay{off: x.IsOffDay, name: x.Name}
		}
	}
	return days
}

func TestBuiltinMatchesHolidayCN(t *testing.T) {
	official := loadHolidayCN(t, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026)
	for day := d(t, "2020-01-01"); day.Year() <= 2026; day = day.AddDate(0, 0, 1) {
		key := FormatDate(day)
		want := day.Weekday() != time.Saturday && day.Weekday() != time.Sunday
		o, listed := official[key]
		if listed {
			want = !o.off
		}
		if got := builtin.IsWorkday(day); got != want {
			t.Errorf("IsWorkday(%s %s) = %v, holiday-cn says %v", key, day.Weekday(), got, want)
		}
		if info := builtin.Info(day); listed && o.off && info.Name != o.name {
			t.Errorf("Info(%s).Name = %q, holiday-cn says %q", key, info.Name, o.name)
		}
	}
}

// Every built-in override is in holiday-cn, except the weekend days added to make a period whole.
func TestBuiltinHasNoStrayDays(t *testing.T) {
	official := loadHolidayCN(t, 2020, 2021, 2022, 2023, 2024, 2025, 2026)
	for _, y := range Builtin() {
		if y.Source == "" || y.SourceURL == "" {
			t.Errorf("%d: missing source", y.Year)
		}
		for _, o := range y.Days {
			key := FormatDate(o.Date)
			got, listed := official[key]
			weekend := toDayNum(o.Date).isWeekend()
			switch {
			case o.Kind == Holiday && !listed && !weekend:
				t.Errorf("%d: rest day %s not in holiday-cn", y.Year, key)
			case o.Kind == Workday && (!listed || got.off):
				t.Errorf("%d: working day %s not a 调休上班 day in holiday-cn", y.Year, key)
			case o.Kind == Workday && !weekend:
				t.Errorf("%d: working day %s is not a weekend day", y.Year, key)
			case listed && got.off && got.name != o.Name:
				t.Errorf("%d: %s named %q, holiday-cn says %q", y.Year, key, o.Name, got.name)
			}
		}
	}
}

func TestBuiltinCoversTwentyTwentyToTwentySix(t *testing.T) {
	for y := 2020; y <= 2026; y++ {
		if !builtin.Covers(y) {
			t.Errorf("Builtin does not cover %d", y)
		}
	}
	if builtin.Covers(2019) || builtin.Covers(2027) {
		t.Error("Builtin covers a year outside 2020–2026")
	}
}

func TestBuiltinReturnsFreshSlices(t *testing.T) {
	a := Builtin()
	a[0].Days[0].Name = "改"
	if Builtin()[0].Days[0].Name == "改" {
		t.Error("Builtin shares its slices between calls")
	}
}
