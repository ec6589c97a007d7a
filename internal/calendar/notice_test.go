package calendar

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

// defaultNoticeYear is the year passed to ParseNotice for fixtures whose name carries no year.
const defaultNoticeYear = 2023

// renderNotice writes a parse result one day per line ("date kind name") after a header.
func renderNotice(r NoticeResult) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# year: %d\n# title: %s\n# doc: %s\n", r.Year, r.Title, r.DocNumber)
	for _, w := range r.Warnings {
		fmt.Fprintf(&b, "# warning: %s\n", w)
	}
	for _, l := range r.Lines {
		fmt.Fprintf(&b, "# line: %s | %d rest, %d work\n", l.Name, len(l.RestDays), len(l.Workdays))
	}
	for _, o := range r.Days {
		fmt.Fprintf(&b, "%s %s %s\n", FormatDate(o.Date), o.Kind, o.Name)
	}
	return b.String()
}

var yearInName = regexp.MustCompile(`notice_(\d{4})\.txt$`)

func noticeFiles(t testing.TB) []string {
	files, err := filepath.Glob(testutil.Testdata(t, "calendar", "notice_*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/calendar/notice_*.txt: %v", err)
	}
	return files
}

func TestParseNoticeGolden(t *testing.T) {
	for _, path := range noticeFiles(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			text, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			year := defaultNoticeYear
			if m := yearInName.FindStringSubmatch(path); m != nil {
				year, _ = strconv.Atoi(m[1])
			}
			res, err := ParseNotice(string(text), year)
			if err != nil {
				t.Fatal(err)
			}
			got := renderNotice(res)
			golden := strings.TrimSuffix(path, ".txt") + ".golden"
			testutil.Golden(t, golden, got)
		})
	}
}

// The official notices, parsed, give exactly the built-in data, and without warnings.
func TestParseNoticeMatchesBuiltin(t *testing.T) {
	byYear := make(map[int]Year)
	for _, y := range Builtin() {
		byYear[y.Year] = y
	}
	for _, path := range noticeFiles(t) {
		m := yearInName.FindStringSubmatch(path)
		if m == nil {
			continue
		}
		year, _ := strconv.Atoi(m[1])
		want, ok := byYear[year]
		if !ok {
			continue
		}
		text, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		res, err := ParseNotice(string(text), 0)
		if err != nil {
			t.Fatalf("%s: %v", filepath.Base(path), err)
		}
		if res.Year != year || len(res.Warnings) != 0 || !strings.Contains(want.Source, res.DocNumber) || res.DocNumber == "" {
			t.Errorf("%s: year %d, doc %q, warnings %q", filepath.Base(path), res.Year, res.DocNumber, res.Warnings)
		}
		if !slices.EqualFunc(res.Days, want.Days, equalOverride) {
			t.Errorf("%s: parsed days differ from Builtin:\n got %v\nwant %v", filepath.Base(path), res.Days, want.Days)
		}
	}
}

// The corpus copies of the notices parse cleanly too (2017 in the older 星期 wording).
func TestParseNoticeCorpus(t *testing.T) {
	dir := testutil.Corpus(t, "calendar", "notices")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skipf("no notices under %s", dir)
	}
	official := loadHolidayCN(t, 2025, 2026)
	for _, path := range files {
		text, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		res, err := ParseNotice(string(text), 0)
		if err != nil || len(res.Warnings) != 0 {
			t.Errorf("%s: %v, warnings %q", filepath.Base(path), err, res.Warnings)
			continue
		}
		c := New([]Year{{Year: res.Year, Days: res.Days}})
		for _, o := range res.Days {
			if got, ok := official[FormatDate(o.Date)]; ok && got.off == c.IsWorkday(o.Date) {
				t.Errorf("%s: %s parsed as %s, holiday-cn says off=%v", filepath.Base(path), FormatDate(o.Date), o.Kind, got.off)
			}
		}
	}
}

func equalOverride(a, b Override) bool {
	return a.Date.Equal(b.Date) && a.Kind == b.Kind && a.Name == b.Name
}

func TestParseNoticeWording(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		year     int
		want     []string // "date kind" per day
		warnings int
	}{
		{"DOMAIN example", "一、元旦:1月1日(周四)至3日(周六)放假调休,共3天。1月4日(周日)上班。", 2026,
			[]string{"2026-01-01 holiday", "2026-01-02 holiday", "2026-01-03 holiday", "2026-01-04 workday"}, 0},
		{"full-width punctuation", "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。", 2026,
			[]string{"2026-01-01 holiday", "2026-01-02 holiday", "2026-01-03 holiday", "2026-01-04 workday"}, 0},
		{"span across months", "五、端午节:5月31日(周六)至6月2日(周一)放假,共3天。", 2025,
			[]string{"2025-05-31 holiday", "2025-06-01 holiday", "2025-06-02 holiday"}, 0},
		{"span across the new year", "一、元旦:12月31日(周六)至1月2日(周一)放假调休,共3天。", 2023,
			[]string{"2022-12-31 holiday", "2023-01-01 holiday", "2023-01-02 holiday"}, 0},
		{"explicit years", "一、元旦:2022年12月31日至2023年1月2日放假调休,共3天。", 2023,
			[]string{"2022-12-31 holiday", "2023-01-01 holiday", "2023-01-02 holiday"}, 0},
		{"补休 is a rest day", "一、元旦:1月1日放假,1月2日(星期一)补休。", 2017,
			[]string{"2017-01-01 holiday", "2017-01-02 holiday"}, 0},
		{"与周末连休 adds the weekend", "四、劳动节:5月1日放假,与周末连休。", 2017,
			[]string{"2017-04-29 holiday", "2017-04-30 holiday", "2017-05-01 holiday"}, 0},
		{"single day, no 调休", "一、元旦:1月1日(周三)放假1天,不调休。", 2025, []string{"2025-01-01 holiday"}, 0},
		{"encouraged rest is not a holiday", "二、春节:2月10日至11日放假。鼓励各单位安排职工在除夕(2月9日)休息。", 2024,
			[]string{"2024-02-10 holiday", "2024-02-11 holiday"}, 0},
		{"without ordinal", "国庆节:10月1日至2日放假。", 2026, []string{"2026-10-01 holiday", "2026-10-02 holiday"}, 0},
		{"wrong weekday", "一、元旦:1月1日(周五)放假。", 2026, []string{"2026-01-01 holiday"}, 1},
		{"wrong count", "三、清明节:4月4日至6日放假,共4天。", 2026,
			[]string{"2026-04-04 holiday", "2026-04-05 holiday", "2026-04-06 holiday"}, 1},
		{"Chinese count", "三、清明节:4月4日至6日放假,共三天。", 2026,
			[]string{"2026-04-04 holiday", "2026-04-05 holiday", "2026-04-06 holiday"}, 0},
		{"day given twice", "一、元旦:1月1日放假。二、春节:1月1日上班。", 2026, []string{"2026-01-01 holiday"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ParseNotice(tt.text, tt.year)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, o := range res.Days {
				got = append(got, FormatDate(o.Date)+" "+string(o.Kind))
			}
			if !slices.Equal(got, tt.want) || len(res.Warnings) != tt.warnings {
				t.Errorf("got %v, warnings %q; want %v and %d warnings", got, res.Warnings, tt.want, tt.warnings)
			}
		})
	}
}

func TestParseNoticeErrors(t *testing.T) {
	tests := []struct {
		name, text string
		year       int
	}{
		{"no schedule", "国务院办公厅关于2026年部分节假日安排的通知\n节假日期间,各地区要妥善安排好值班。", 0},
		{"empty", "", 2026},
		{"no year", "一、元旦:1月1日放假。", 0},
		{"item without dates", "一、元旦:放假调休。", 2026},
	}
	for _, tt := range tests {
		_, err := ParseNotice(tt.text, tt.year)
		if core.ErrorCode(err) != core.EINVALID {
			t.Errorf("%s: error %v, want code %s", tt.name, err, core.EINVALID)
		}
	}
}

func TestParseNoticeTitleWinsOverDefaultYear(t *testing.T) {
	res, err := ParseNotice("国务院办公厅关于2025年\n部分节假日安排的通知\n一、元旦:1月1日(周三)放假1天。", 2026)
	if err != nil {
		t.Fatal(err)
	}
	if res.Year != 2025 || FormatDate(res.Days[0].Date) != "2025-01-01" || len(res.Warnings) != 1 {
		t.Errorf("year %d, days %v, warnings %q", res.Year, res.Days, res.Warnings)
	}
}

func FuzzParseNotice(f *testing.F) {
	for _, path := range noticeFiles(f) {
		text, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(text), 2026)
	}
	f.Add("一、元旦:12月31日至1月2日放假,与周末连休,共十天。1日上班", 2023)
	f.Add("元旦:0001年1月1日至9999年12月31日放假", 0)
	f.Fuzz(func(t *testing.T, text string, year int) {
		res, err := ParseNotice(text, year)
		if err != nil {
			if core.ErrorCode(err) != core.EINVALID {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if len(res.Days) == 0 || len(res.Days) > maxSpanDays*len(text) {
			t.Fatalf("%d days from %d bytes", len(res.Days), len(text))
		}
		seen := make(map[dayNum]bool)
		for _, o := range res.Days {
			n := toDayNum(o.Date)
			if seen[n] {
				t.Fatalf("date %s twice", FormatDate(o.Date))
			}
			seen[n] = true
		}
	})
}

// Parsing stays linear in the text: a pasted megabyte of dates must not stall the import dialog.
func TestParseNoticeLargeInput(t *testing.T) {
	text := "一、元旦:" + strings.Repeat("1月1日、", 256<<10/len("1月1日、")) + "放假。"
	start := time.Now()
	res, err := ParseNotice(text, 2026)
	if err != nil || len(res.Days) != 1 {
		t.Fatalf("days %d, err %v", len(res.Days), err)
	}
	if elapsed := time.Since(start); elapsed > 5*time.Second {
		t.Errorf("ParseNotice of %d KB took %v", len(text)/1024, elapsed)
	}
	if _, err := ParseNotice(strings.Repeat("x", maxNoticeBytes+1), 2026); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("oversized text: error %v, want %s", err, core.EINVALID)
	}
}
