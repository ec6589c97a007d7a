package calendar

import (
	"testing"

	"policydesk/internal/core"
)

func TestBuiltinYearsAreValid(t *testing.T) {
	for _, y := range Builtin() {
		if err := y.Validate(); err != nil {
			t.Errorf("%d: %v", y.Year, err)
		}
	}
}

func TestYearValidateRejects(t *testing.T) {
	day := func(s string, k Kind) Override { return Override{Date: d(t, s), Kind: k, Name: "元旦"} }
	tests := []struct {
		name string
		year Year
	}{
		{"unknown kind", Year{Year: 2027, Days: []Override{day("2027-01-01", "rest")}}},
		{"date given twice", Year{Year: 2027, Days: []Override{day("2027-01-01", Holiday), day("2027-01-01", Workday)}}},
		{"date far from the year", Year{Year: 2027, Days: []Override{day("2030-01-01", Holiday)}}},
		{"implausible year", Year{Year: 27}},
	}
	for _, tt := range tests {
		if err := tt.year.Validate(); core.ErrorCode(err) != core.EINVALID {
			t.Errorf("%s: error %v, want code %s", tt.name, err, core.EINVALID)
		}
	}
}

func TestNoticeAsYear(t *testing.T) {
	res, err := ParseNotice("国务院办公厅关于2026年部分节假日安排的通知\n国办发明电〔2025〕7号\n一、元旦:1月1日(周四)至3日(周六)放假调休,共3天。1月4日(周日)上班。", 0)
	if err != nil {
		t.Fatal(err)
	}
	y := res.AsYear("https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm")
	want := "国务院办公厅关于2026年部分节假日安排的通知(国办发明电〔2025〕7号)"
	if y.Year != 2026 || y.Source != want || len(y.Days) != 4 || y.Validate() != nil {
		t.Errorf("AsYear = %+v", y)
	}
	if builtinSource := Builtin()[6].Source; builtinSource != want {
		t.Errorf("Builtin 2026 source %q, parsed %q", builtinSource, want)
	}
}
