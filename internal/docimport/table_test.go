package docimport

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

// formatTable renders a table for golden files: one line per row with its row number.
func formatTable(tb Table) string {
	var b strings.Builder
	fmt.Fprintf(&b, "encoding=%s sheet=%s\nheaders: %s\n", tb.Encoding, tb.Sheet, strings.Join(tb.Headers, " | "))
	for i, row := range tb.Rows {
		fmt.Fprintf(&b, "%d: %q\n", tb.RowNumbers[i], row)
	}
	for _, w := range tb.Warnings {
		fmt.Fprintf(&b, "warning: %s\n", w)
	}
	return b.String()
}

func TestReadCSVGolden(t *testing.T) {
	tb, err := ReadTable("comments-gbk.csv", readFixture(t, "comments-gbk.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if tb.Encoding != EncGBK {
		t.Errorf("encoding = %s, want GBK", tb.Encoding)
	}
	testutil.Golden(t, testutil.Testdata(t, "docimport", "comments-gbk.csv.golden"), formatTable(tb))
}

func TestReadCSVShapes(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		headers  []string
		rows     [][]string
		lines    []int
		warnings int
	}{
		{name: "tab", in: "姓名\t意见\n张三\t同意\n",
			headers: []string{"姓名", "意见"}, rows: [][]string{{"张三", "同意"}}, lines: []int{2}},
		{name: "semicolon", in: "姓名;意见\n张三;同意,但需补充\n",
			headers: []string{"姓名", "意见"}, rows: [][]string{{"张三", "同意,但需补充"}}, lines: []int{2}},
		{name: "quoted comma in header", in: "\"意见,建议\",姓名\n内容,李四\n",
			headers: []string{"意见,建议", "姓名"}, rows: [][]string{{"内容", "李四"}}, lines: []int{2}},
		{name: "blank lines and rows skipped, crlf", in: "\r\n意见,姓名\r\n\r\n,\r\n好,王五\r\n",
			headers: []string{"意见", "姓名"}, rows: [][]string{{"好", "王五"}}, lines: []int{5}},
		{name: "multi-line field keeps the record's first line", in: "意见,姓名\n\"第一行\n第二行\",赵六\n下一条,钱七\n",
			headers: []string{"意见", "姓名"}, rows: [][]string{{"第一行\n第二行", "赵六"}, {"下一条", "钱七"}}, lines: []int{2, 4}},
		{name: "ragged rows", in: "意见,姓名,,\n短\n长,孙八,多余\n空尾,周九,,\n",
			headers: []string{"意见", "姓名"}, rows: [][]string{{"短", ""}, {"长", "孙八"}, {"空尾", "周九"}}, lines: []int{2, 3, 4}, warnings: 2},
		{name: "blank header named", in: "意见,,备注\n甲,乙,丙\n",
			headers: []string{"意见", "第2列", "备注"}, rows: [][]string{{"甲", "乙", "丙"}}, lines: []int{2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tb, err := ReadTable("t.csv", []byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(tb.Headers) != fmt.Sprint(tc.headers) || fmt.Sprintf("%q", tb.Rows) != fmt.Sprintf("%q", tc.rows) ||
				fmt.Sprint(tb.RowNumbers) != fmt.Sprint(tc.lines) || len(tb.Warnings) != tc.warnings {
				t.Errorf("got\n%s", formatTable(tb))
			}
		})
	}
}

func TestReadCSVRaggedWarningNamesLine(t *testing.T) {
	tb, err := ReadTable("t.csv", []byte("意见,姓名\n甲,乙\n\n长,孙八,多余\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.Warnings) != 1 || !strings.HasPrefix(tb.Warnings[0], "第4行") {
		t.Errorf("warnings = %v, want one for 第4行", tb.Warnings)
	}
}

func TestReadTableErrors(t *testing.T) {
	var tooLong strings.Builder
	tooLong.WriteString("意见\n")
	for range MaxRows + 1 {
		tooLong.WriteString("x\n")
	}
	for name, data := range map[string][]byte{
		"empty.csv":     nil,
		"blank.csv":     []byte(",,\n \n"),
		"quote.csv":     []byte("意见,姓名\n\"未闭合,张三\n"),
		"bare.csv":      []byte("意见,姓名\n引号\"在中间\",张三\n"),
		"binary.csv":    {0x00, 0xFF, 0x00, 0xFE},
		"long.csv":      []byte(tooLong.String()),
		"old.xls":       []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1..."),
		"doc.csv":       readFixture(t, "policy.pdf"),
		"photo.png":     []byte("\x89PNG\r\n\x1a\n"),
		"broken.xlsx":   []byte("PK\x03\x04 broken"),
		"wrongzip.xlsx": zipOf(t, map[string]string{"xl/workbook.xml": "<workbook/>"}),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ReadTable(name, data)
			wantCode(t, err, core.EIMPORT, name)
		})
	}
}

func TestReadCSVQuoteErrorNamesLine(t *testing.T) {
	_, err := ReadTable("q.csv", []byte("意见,姓名\n好,张三\n引号\"在中间\",李四\n"))
	wantCode(t, err, core.EIMPORT, "q.csv")
	if !strings.Contains(core.ErrorMessage(err), "第3行") {
		t.Errorf("message %q does not name line 3", core.ErrorMessage(err))
	}
}

// commentWorkbook builds a comment sheet as offices keep them: a merged title-free header,
// dates in several display formats, formatted numbers, a category merged down two rows,
// blank cells and a blank row, and a second sheet.
func commentWorkbook(t testing.TB) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const s = "Sheet1"
	rows := [][]any{
		{"序号", "提交人", "提交时间", "意见内容", "类别", "金额"},
		{1, "张三", time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC), "建议延长征求意见期限", "个人", 1234.5},
		{2, "某行业协会", time.Date(2026, 3, 6, 0, 0, 0, 0, time.UTC), "第三条表述不清", nil, nil},
		{},
		{3, nil, time.Date(2026, 3, 7, 14, 30, 0, 0, time.UTC), "同意", "企业", 0.25},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(s, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	cnDate := `yyyy"年"m"月"d"日"`
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &cnDate})
	must(err)
	builtinDate, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(err)
	dateTime, err := f.NewStyle(&excelize.Style{NumFmt: 22})
	must(err)
	money, err := f.NewStyle(&excelize.Style{NumFmt: 4}) // #,##0.00
	must(err)
	percent, err := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	must(err)
	must(f.SetCellStyle(s, "C2", "C2", dateStyle))
	must(f.SetCellStyle(s, "C3", "C3", builtinDate))
	must(f.SetCellStyle(s, "C5", "C5", dateTime))
	must(f.SetCellStyle(s, "F2", "F2", money))
	must(f.SetCellStyle(s, "F5", "F5", percent))
	must(f.MergeCell(s, "E2", "E3"))
	_, err = f.NewSheet("汇总")
	must(err)
	must(f.SetSheetRow("汇总", "A1", &[]any{"类别", "条数"}))
	must(f.SetSheetRow("汇总", "A2", &[]any{"个人", 2}))
	buf, err := f.WriteToBuffer()
	must(err)
	return buf.Bytes()
}

func TestReadXLSX(t *testing.T) {
	tb, err := ReadTable("comments.xlsx", commentWorkbook(t))
	if err != nil {
		t.Fatal(err)
	}
	want := `encoding= sheet=Sheet1
headers: 序号 | 提交人 | 提交时间 | 意见内容 | 类别 | 金额
2: ["1" "张三" "2026-03-05" "建议延长征求意见期限" "个人" "1,234.50"]
3: ["2" "某行业协会" "2026-03-06" "第三条表述不清" "个人" ""]
5: ["3" "" "2026-03-07 14:30" "同意" "企业" "25.00%"]
`
	if got := formatTable(tb); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestReadXLSXNamedSheet(t *testing.T) {
	data := commentWorkbook(t)
	tb, err := ReadTableWith("c.xlsx", data, TableOptions{Sheet: "汇总"})
	if err != nil {
		t.Fatal(err)
	}
	if tb.Sheet != "汇总" || fmt.Sprint(tb.Headers) != "[类别 条数]" || fmt.Sprint(tb.Rows) != "[[个人 2]]" {
		t.Errorf("got\n%s", formatTable(tb))
	}
	_, err = ReadTableWith("c.xlsx", data, TableOptions{Sheet: "不存在"})
	wantCode(t, err, core.EIMPORT, "c.xlsx")
	if !strings.Contains(core.ErrorMessage(err), "汇总") {
		t.Errorf("message %q does not list the sheets", core.ErrorMessage(err))
	}
}

func TestReadXLSXEmptySheet(t *testing.T) {
	f := excelize.NewFile()
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	_, err = ReadTable("blank.xlsx", buf.Bytes())
	wantCode(t, err, core.EIMPORT, "blank.xlsx")
}

// TestReadXLSXRowNumbers checks that row numbers are the sheet's own when the table starts
// lower down, so that messages point at the row the user sees.
func TestReadXLSXRowNumbers(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	for cell, v := range map[string]string{"B3": "意见", "C3": "姓名", "B5": "好", "C5": "张三"} {
		if err := f.SetCellValue("Sheet1", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	tb, err := ReadTable("offset.xlsx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(tb.Headers) != "[第1列 意见 姓名]" || fmt.Sprint(tb.RowNumbers) != "[5]" || fmt.Sprint(tb.Rows) != "[[ 好 张三]]" {
		t.Errorf("got\n%s", formatTable(tb))
	}
}
