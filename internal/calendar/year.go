package calendar

import (
	"fmt"

	"policydesk/internal/core"
)

// Validate checks a year's data before it is stored, e.g. after a user edited it: a known kind
// on every day, no date given twice, and every date in the year or at its edges (a notice may
// reach into the neighbouring year, as 2023's 元旦 did).
func (y Year) Validate() error {
	if y.Year < minYear || y.Year > maxYear {
		return core.FieldErrorf(core.EINVALID, "year", "年份%d不合理", y.Year)
	}
	seen := make(map[dayNum]bool, len(y.Days))
	for i, o := range y.Days {
		field := fmt.Sprintf("days[%d]", i)
		if o.Kind != Holiday && o.Kind != Workday {
			return core.FieldErrorf(core.EINVALID, field, "第%d天(%s): 类型必须是休息日或调休上班日", i+1, FormatDate(o.Date))
		}
		if dy := o.Date.Year(); dy < y.Year-1 || dy > y.Year+1 {
			return core.FieldErrorf(core.EINVALID, field, "第%d天: %s不属于%d年前后", i+1, FormatDate(o.Date), y.Year)
		}
		n := toDayNum(o.Date)
		if seen[n] {
			return core.FieldErrorf(core.EINVALID, field, "%s重复出现", FormatDate(o.Date))
		}
		seen[n] = true
	}
	return nil
}

// AsYear turns a parsed notice into a year of calendar data, citing the notice as its source.
func (r NoticeResult) AsYear(sourceURL string) Year {
	source := r.Title
	if source == "" {
		source = fmt.Sprintf("国务院办公厅关于%d年部分节假日安排的通知", r.Year)
	}
	if r.DocNumber != "" {
		source += "(" + r.DocNumber + ")"
	}
	return Year{Year: r.Year, Source: source, SourceURL: sourceURL, Days: append([]Override(nil), r.Days...)}
}
