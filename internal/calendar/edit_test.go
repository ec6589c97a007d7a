package calendar

import (
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

func TestCheckYear(t *testing.T) {
	cases := []struct {
		year int
		msg  string // "" when allowed
	}{
		{1990, ""},
		{2026, ""},
		{2100, ""},
		{1989, "年份1989超出范围(1990–2100)"},
		{2101, "年份2101超出范围(1990–2100)"},
	}
	for _, c := range cases {
		testutil.Invalid(t, CheckYear(c.year), "year", c.msg)
	}
}

func TestCheckDayEdit(t *testing.T) {
	cases := []struct {
		name  string
		in    core.CalendarDayEdit
		field string // "" when allowed
		msg   string
		want  core.CalendarDayEdit // when allowed
		date  string
	}{
		{name: "rest day named", in: core.CalendarDayEdit{Date: "2026-11-20", Kind: "holiday", Name: " 所庆 ", Note: " 停电 "},
			want: core.CalendarDayEdit{Date: "2026-11-20", Kind: "holiday", Name: "所庆", Note: "停电"}, date: "2026-11-20"},
		{name: "rest day unnamed", in: core.CalendarDayEdit{Date: "2026年11月20日", Kind: "holiday", Name: "  "},
			want: core.CalendarDayEdit{Date: "2026年11月20日", Kind: "holiday", Name: "休息日"}, date: "2026-11-20"},
		{name: "调休上班 on a Saturday", in: core.CalendarDayEdit{Date: "2026-11-21", Kind: "workday"},
			want: core.CalendarDayEdit{Date: "2026-11-21", Kind: "workday"}, date: "2026-11-21"},
		{name: "调休上班 on a Sunday", in: core.CalendarDayEdit{Date: "2026-11-22", Kind: "workday", Name: "调休"},
			want: core.CalendarDayEdit{Date: "2026-11-22", Kind: "workday", Name: "调休"}, date: "2026-11-22"},
		{name: "back to the rule", in: core.CalendarDayEdit{Date: "2026-11-20", Kind: DayDefault},
			want: core.CalendarDayEdit{Date: "2026-11-20", Kind: DayDefault}, date: "2026-11-20"},
		{name: "bad date", in: core.CalendarDayEdit{Date: "2026-02-30", Kind: "holiday"}, field: "date", msg: "日期格式不正确：2026-02-30"},
		{name: "调休上班 on a weekday", in: core.CalendarDayEdit{Date: "2026/11/20", Kind: "workday"}, field: "kind",
			msg: "2026-11-20是周一至周五，本来就是工作日，无需设为调休上班"},
		{name: "no kind", in: core.CalendarDayEdit{Date: "2026-11-20"}, field: "kind", msg: "请选择这一天的类型"},
		{name: "unknown kind", in: core.CalendarDayEdit{Date: "2026-11-20", Kind: "half"}, field: "kind", msg: "请选择这一天的类型"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, day, err := CheckDayEdit(c.in)
			if c.field != "" {
				testutil.Refusal(t, err, core.EINVALID, c.field, c.msg)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want || FormatDate(day) != c.date {
				t.Fatalf("got %+v on %s, want %+v on %s", got, FormatDate(day), c.want, c.date)
			}
		})
	}
}
