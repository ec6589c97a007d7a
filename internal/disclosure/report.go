package disclosure

import (
	"fmt"
	"time"
)

// Columns of table 三 in the 2021 format (国办公开办函〔2021〕30号).
var Columns = []string{"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"}

// Outcome rows of 三、本年度办理结果, in the statutory order, as label paths.
var Outcomes = []string{
	"（一）予以公开",
	"（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
	"（三）不予公开/1.属于国家秘密",
	"（三）不予公开/2.其他法律行政法规禁止公开",
	"（三）不予公开/3.危及“三安全一稳定”",
	"（三）不予公开/4.保护第三方合法权益",
	"（三）不予公开/5.属于三类内部事务信息",
	"（三）不予公开/6.属于四类过程性信息",
	"（三）不予公开/7.属于行政执法案卷",
	"（三）不予公开/8.属于行政查询事项",
	"（四）无法提供/1.本机关不掌握相关政府信息",
	"（四）无法提供/2.没有现成信息需要另行制作",
	"（四）无法提供/3.补正后申请内容仍不明确",
	"（五）不予处理/1.信访举报投诉类申请",
	"（五）不予处理/2.重复申请",
	"（五）不予处理/3.要求提供公开出版物",
	"（五）不予处理/4.无正当理由大量反复申请",
	"（五）不予处理/5.要求行政机关确认或重新出具已获取信息",
	"（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
	"（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
	"（六）其他处理/3.其他",
}

// Request is one application as the annual report sees it.
type Request struct {
	Column   int  // index into Columns[:6]
	ThisYear bool // received in the report year (else carried over from last year)
	Outcome  int  // index into Outcomes, or -1 while still open at year end
}

// Table3 is the 25 × 7 table; rows in order: 一、二、21 outcomes、（七）总计、四.
type Table3 struct {
	Labels []string
	Cells  [][7]int
}

// BuildTable3 derives table 三 from the records; every row is counted once per column and the
// 总计 column and （七）总计 row are sums, so 一 + 二 = 三（七）+ 四 holds by construction.
func BuildTable3(reqs []Request) (Table3, error) {
	const prefix = "三、本年度办理结果/"
	t := Table3{Labels: []string{"一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量"}}
	for _, o := range Outcomes {
		t.Labels = append(t.Labels, prefix+o)
	}
	t.Labels = append(t.Labels, prefix+"（七）总计", "四、结转下年度继续办理")
	t.Cells = make([][7]int, len(t.Labels))
	total, carry := 2+len(Outcomes), 3+len(Outcomes)
	for i, r := range reqs {
		if r.Column < 0 || r.Column > 5 {
			return Table3{}, fmt.Errorf("第%d条申请的申请人类型无效", i+1)
		}
		if r.ThisYear {
			t.Cells[0][r.Column]++
		} else {
			t.Cells[1][r.Column]++
		}
		switch {
		case r.Outcome < 0:
			t.Cells[carry][r.Column]++
		case r.Outcome < len(Outcomes):
			t.Cells[2+r.Outcome][r.Column]++
			t.Cells[total][r.Column]++
		default:
			return Table3{}, fmt.Errorf("第%d条申请的办理结果无效", i+1)
		}
	}
	for i := range t.Cells {
		for c := 0; c < 6; c++ {
			t.Cells[i][6] += t.Cells[i][c]
		}
	}
	return t, nil
}

// Check verifies the 勾稽关系 一 + 二 = 三（七）+ 四 per column and the 总计 column.
func (t Table3) Check() error {
	n := len(t.Cells)
	for c := 0; c < 7; c++ {
		if t.Cells[0][c]+t.Cells[1][c] != t.Cells[n-2][c]+t.Cells[n-1][c] {
			return fmt.Errorf("%s列：一、二之和不等于三（七）与四之和", Columns[c])
		}
	}
	for i, row := range t.Cells {
		if row[0]+row[1]+row[2]+row[3]+row[4]+row[5] != row[6] {
			return fmt.Errorf("%s：总计列不等于各列之和", t.Labels[i])
		}
	}
	return nil
}

// AnnualReportDue is the deadline the 工作台 counts down to in January: a department publishes the previous
// year's 政府信息公开工作年度报告 by 31 January (条例 第四十九条). ok is false outside January.
func AnnualReportDue(today time.Time) (year int, due time.Time, ok bool) {
	if today.Month() != time.January {
		return 0, time.Time{}, false
	}
	return today.Year() - 1, time.Date(today.Year(), time.January, 31, 0, 0, 0, 0, today.Location()), true
}
