package calendar

import "time"

// holidaySpec is one item of a notice: the rest days from..to (every day, weekends included,
// so the whole period can be marked) and the weekend days worked in exchange.
type holidaySpec struct {
	name     string
	from, to string
	work     []string
}

type builtinYear struct {
	year     int
	source   string
	url      string
	holidays []holidaySpec
}

// builtinYears are the facts of the State Council's notices. Items worded "与周末连休" list the
// adjoining weekend, as the period people actually rest (2024's 元旦 ran 2023-12-30 to 2024-01-01).
// The 2020 春节 period includes the extension to 2 February and so drops the 1 February 调休上班.
var builtinYears = []builtinYear{
	{2020, "国务院办公厅关于2020年部分节假日安排的通知(国办发明电〔2019〕16号);国务院办公厅关于延长2020年春节假期的通知(国办发明电〔2020〕1号)",
		"http://www.gov.cn/zhengce/zhengceku/2019-11/21/content_5454164.htm", []holidaySpec{
			{"元旦", "2020-01-01", "2020-01-01", nil},
			{"春节", "2020-01-24", "2020-02-02", []string{"2020-01-19"}},
			{"清明节", "2020-04-04", "2020-04-06", nil},
			{"劳动节", "2020-05-01", "2020-05-05", []string{"2020-04-26", "2020-05-09"}},
			{"端午节", "2020-06-25", "2020-06-27", []string{"2020-06-28"}},
			{"国庆节、中秋节", "2020-10-01", "2020-10-08", []string{"2020-09-27", "2020-10-10"}},
		}},
	{2021, "国务院办公厅关于2021年部分节假日安排的通知(国办发明电〔2020〕27号)",
		"http://www.gov.cn/zhengce/zhengceku/2020-11/25/content_5564127.htm", []holidaySpec{
			{"元旦", "2021-01-01", "2021-01-03", nil},
			{"春节", "2021-02-11", "2021-02-17", []string{"2021-02-07", "2021-02-20"}},
			{"清明节", "2021-04-03", "2021-04-05", nil},
			{"劳动节", "2021-05-01", "2021-05-05", []string{"2021-04-25", "2021-05-08"}},
			{"端午节", "2021-06-12", "2021-06-14", nil},
			{"中秋节", "2021-09-19", "2021-09-21", []string{"2021-09-18"}},
			{"国庆节", "2021-10-01", "2021-10-07", []string{"2021-09-26", "2021-10-09"}},
		}},
	{2022, "国务院办公厅关于2022年部分节假日安排的通知(国办发明电〔2021〕11号)",
		"http://www.gov.cn/zhengce/zhengceku/2021-10/25/content_5644835.htm", []holidaySpec{
			{"元旦", "2022-01-01", "2022-01-03", nil},
			{"春节", "2022-01-31", "2022-02-06", []string{"2022-01-29", "2022-01-30"}},
			{"清明节", "2022-04-03", "2022-04-05", []string{"2022-04-02"}},
			{"劳动节", "2022-04-30", "2022-05-04", []string{"2022-04-24", "2022-05-07"}},
			{"端午节", "2022-06-03", "2022-06-05", nil},
			{"中秋节", "2022-09-10", "2022-09-12", nil},
			{"国庆节", "2022-10-01", "2022-10-07", []string{"2022-10-08", "2022-10-09"}},
		}},
	{2023, "国务院办公厅关于2023年部分节假日安排的通知(国办发明电〔2022〕16号)",
		"http://www.gov.cn/zhengce/zhengceku/2022-12/08/content_5730844.htm", []holidaySpec{
			{"元旦", "2022-12-31", "2023-01-02", nil},
			{"春节", "2023-01-21", "2023-01-27", []string{"2023-01-28", "2023-01-29"}},
			{"清明节", "2023-04-05", "2023-04-05", nil},
			{"劳动节", "2023-04-29", "2023-05-03", []string{"2023-04-23", "2023-05-06"}},
			{"端午节", "2023-06-22", "2023-06-24", []string{"2023-06-25"}},
			{"中秋节、国庆节", "2023-09-29", "2023-10-06", []string{"2023-10-07", "2023-10-08"}},
		}},
	{2024, "国务院办公厅关于2024年部分节假日安排的通知(国办发明电〔2023〕7号)",
		"https://www.gov.cn/zhengce/zhengceku/202310/content_6911528.htm", []holidaySpec{
			{"元旦", "2023-12-30", "2024-01-01", nil},
			{"春节", "2024-02-10", "2024-02-17", []string{"2024-02-04", "2024-02-18"}},
			{"清明节", "2024-04-04", "2024-04-06", []string{"2024-04-07"}},
			{"劳动节", "2024-05-01", "2024-05-05", []string{"2024-04-28", "2024-05-11"}},
			{"端午节", "2024-06-08", "2024-06-10", nil},
			{"中秋节", "2024-09-15", "2024-09-17", []string{"2024-09-14"}},
			{"国庆节", "2024-10-01", "2024-10-07", []string{"2024-09-29", "2024-10-12"}},
		}},
	{2025, "国务院办公厅关于2025年部分节假日安排的通知(国办发明电〔2024〕12号)",
		"https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm", []holidaySpec{
			{"元旦", "2025-01-01", "2025-01-01", nil},
			{"春节", "2025-01-28", "2025-02-04", []string{"2025-01-26", "2025-02-08"}},
			{"清明节", "2025-04-04", "2025-04-06", nil},
			{"劳动节", "2025-05-01", "2025-05-05", []string{"2025-04-27"}},
			{"端午节", "2025-05-31", "2025-06-02", nil},
			{"国庆节、中秋节", "2025-10-01", "2025-10-08", []string{"2025-09-28", "2025-10-11"}},
		}},
	{2026, "国务院办公厅关于2026年部分节假日安排的通知(国办发明电〔2025〕7号)",
		"https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm", []holidaySpec{
			{"元旦", "2026-01-01", "2026-01-03", []string{"2026-01-04"}},
			{"春节", "2026-02-15", "2026-02-23", []string{"2026-02-14", "2026-02-28"}},
			{"清明节", "2026-04-04", "2026-04-06", nil},
			{"劳动节", "2026-05-01", "2026-05-05", []string{"2026-05-09"}},
			{"端午节", "2026-06-19", "2026-06-21", nil},
			{"中秋节", "2026-09-25", "2026-09-27", nil},
			{"国庆节", "2026-10-01", "2026-10-07", []string{"2026-09-20", "2026-10-10"}},
		}},
}

// Builtin returns the official schedules for 2020–2026. Each call returns fresh slices.
func Builtin() []Year {
	out := make([]Year, 0, len(builtinYears))
	for _, b := range builtinYears {
		y := Year{Year: b.year, Source: b.source, SourceURL: b.url}
		for _, h := range b.holidays {
			for d, end := mustDate(h.from), mustDate(h.to); !d.After(end); d = d.AddDate(0, 0, 1) {
				y.Days = append(y.Days, Override{Date: d, Kind: Holiday, Name: h.name})
			}
			for _, w := range h.work {
				y.Days = append(y.Days, Override{Date: mustDate(w), Kind: Workday, Name: h.name})
			}
		}
		sortOverrides(y.Days)
		out = append(out, y)
	}
	return out
}

// mustDate parses the package's own data; a typo there is a programming error caught by the tests.
func mustDate(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic("calendar: bad built-in date " + s)
	}
	return t
}
