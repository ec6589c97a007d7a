package calendar

import "testing"

func BenchmarkIsWorkday(b *testing.B) {
	day := d(b, "2026-02-13")
	for i := 0; b.Loop(); i++ {
		builtin.IsWorkday(day.AddDate(0, 0, i%40))
	}
}

func BenchmarkAddWorkdays(b *testing.B) {
	day := d(b, "2026-09-28")
	for b.Loop() {
		builtin.AddWorkdays(day, 3)
	}
}

func BenchmarkParseNotice(b *testing.B) {
	text := "一、元旦:1月1日(周四)至3日(周六)放假调休,共3天。1月4日(周日)上班。\n" +
		"二、春节:2月15日(农历腊月二十八、周日)至23日(农历正月初七、周一)放假调休,共9天。2月14日(周六)、2月28日(周六)上班。"
	for b.Loop() {
		if _, err := ParseNotice(text, 2026); err != nil {
			b.Fatal(err)
		}
	}
}
