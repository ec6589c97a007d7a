package disclosure

import (
	"strings"
	"testing"
)

func TestOutcomeWording(t *testing.T) {
	tests := []struct {
		text string
		want int
		ok   bool
	}{
		{"予以公开", 0, true},
		{"部分公开", 1, true},
		{"4.保护第三方合法权益", 5, true},
		{"保护第三方合法权益", 5, true},
		{"（四）无法提供/1.本机关不掌握相关政府信息", 10, true},
		{"本机关不掌握相关政府信息", 10, true},
		{"", -1, true},
		{"不予公开-保护第三方合法权益", 5, true},
		{"无法提供：本机关不掌握相关政府信息", 10, true},
		{"不予处理-重复申请", 14, true},
		{"（五）不予处理/2.重复申请", 14, true},
		{"不予公开-重复申请", 0, false},
		{"已办结", 0, false},
	}
	for _, tt := range tests {
		got, ok := OutcomeOf(tt.text)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("OutcomeOf(%q) = %d %v, want %d %v", tt.text, got, ok, tt.want, tt.ok)
		}
	}
}

func TestRegisterRefusesBadRowsAllOrNothing(t *testing.T) {
	good := RegisterRow{No: "1", Received: "2025-03-03", Applicant: "张三", ApplicantType: "自然人", Result: "予以公开", Answered: "2025-03-20"}
	tests := []struct {
		name string
		bad  RegisterRow
		want string
	}{
		{"unknown result", RegisterRow{No: "2", Received: "2025-03-03", ApplicantType: "自然人", Result: "已办结", Answered: "2025-03-20"}, "第3行：办理结果"},
		{"answered before received", RegisterRow{No: "2", Received: "2025-03-03", ApplicantType: "自然人", Result: "予以公开", Answered: "2025-03-01"}, "第3行：答复日期 2025-03-01 早于收到日期"},
		{"missing applicant type", RegisterRow{No: "2", Received: "2025-03-03", Result: "予以公开", Answered: "2025-03-20"}, "第3行：缺少申请人类型"},
		{"duplicate number", RegisterRow{No: "1", Received: "2025-03-03", ApplicantType: "其他", Result: "予以公开", Answered: "2025-03-20"}, "第3行：编号“1”与第2行重复"},
	}
	for _, tt := range tests {
		rows, errs := ParseRegister([]RegisterRow{good, tt.bad}, 2)
		if rows != nil || len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), tt.want) {
			t.Errorf("%s: rows %v errs %v", tt.name, rows, errs)
		}
	}
}

// checkedTable3 parses rows as a register, builds table 三 of year from them and checks its sums.
func checkedTable3(t *testing.T, rows []RegisterRow, year int) Table3 {
	t.Helper()
	parsed, errs := ParseRegister(rows, 2)
	if errs != nil {
		t.Fatal(errs)
	}
	tb, err := BuildTable3(RequestsForYear(parsed, year))
	if err != nil {
		t.Fatal(err)
	}
	if err := tb.Check(); err != nil {
		t.Fatal(err)
	}
	return tb
}

func TestRequestsForYearCarryOver(t *testing.T) {
	tb := checkedTable3(t, []RegisterRow{
		{No: "a", Received: "2024-12-20", ApplicantType: "自然人", Result: "予以公开", Answered: "2025-01-10"},
		{No: "b", Received: "2024-06-01", ApplicantType: "自然人", Result: "予以公开", Answered: "2024-06-20"},
		{No: "c", Received: "2025-12-25", ApplicantType: "商业企业", Result: "部分公开", Answered: "2026-01-08"},
		{No: "d", Received: "2025-05-05", ApplicantType: "法律服务机构", Result: "重复申请", Answered: "2025-05-09"},
	}, 2025)
	csv := tb.CSV()
	for _, want := range []string{
		"项目,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计\n",
		"一、本年新收政府信息公开申请数量,0,1,0,0,1,0,2\n",
		"二、上年结转政府信息公开申请数量,1,0,0,0,0,0,1\n",
		"三、本年度办理结果/（五）不予处理/2.重复申请,0,0,0,0,1,0,1\n",
		"四、结转下年度继续办理,0,1,0,0,0,0,1\n",
	} {
		if !strings.Contains(csv, want) {
			t.Errorf("CSV lacks %q:\n%s", want, csv)
		}
	}
}
