package docimport

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// readXLSX reads one sheet with values as Excel shows them, except dates, which become
// yyyy-mm-dd whatever their display format ("2026/3/5", "3月5日"), so that later parsing
// has one form to handle. Merged cells repeat their value in every cell they cover, so that
// a category merged down a column applies to each row.
func readXLSX(name string, data []byte, sheet string) (t Table, err error) {
	defer func() {
		if p := recover(); p != nil { // the library panics on some malformed workbooks
			t, err = Table{}, importErrorf(name, "Excel 文件已损坏或格式不受支持，无法读取")
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    MaxDecompressed,
		UnzipXMLSizeLimit: MaxDecompressed / 4,
	})
	if err != nil {
		return Table{}, importErrorf(name, "Excel 文件已损坏、已加密或超出大小上限，无法读取")
	}
	defer f.Close()
	sheet, err = pickSheet(name, f, sheet)
	if err != nil {
		return Table{}, err
	}
	grid, err := sheetGrid(f, sheet)
	if err != nil {
		return Table{}, importErrorf(name, "工作表“%s”无法读取", sheet)
	}
	if len(grid) > MaxRows+1 {
		return Table{}, importErrorf(name, "表格超过 %d 行的上限", MaxRows)
	}
	if err := fillMerged(f, sheet, grid); err != nil {
		return Table{}, importErrorf(name, "工作表“%s”的合并单元格无法读取", sheet)
	}
	b := tableBuilder{name: name}
	for i, row := range grid {
		if err := b.add(row, i+1); err != nil {
			return Table{}, err
		}
	}
	t, err = b.table()
	t.Sheet = sheet
	return t, err
}

func pickSheet(name string, f *excelize.File, sheet string) (string, error) {
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return "", importErrorf(name, "Excel 文件中没有工作表")
	}
	if sheet == "" {
		return sheets[0], nil
	}
	for _, s := range sheets {
		if s == sheet {
			return s, nil
		}
	}
	return "", importErrorf(name, "没有名为“%s”的工作表（现有：%s）", sheet, strings.Join(sheets, "、"))
}

// sheetGrid returns the shown values with dates rewritten. Only cells whose raw value differs
// from the shown one can be formatted dates, so styles are looked up for those alone.
func sheetGrid(f *excelize.File, sheet string) ([][]string, error) {
	shown, err := f.GetRows(sheet)
	if err != nil {
		return nil, err
	}
	raw, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	dates := dateStyles{f: f, known: map[int]bool{}}
	props, _ := f.GetWorkbookProps()
	date1904 := props.Date1904 != nil && *props.Date1904
	for r, row := range shown {
		for c, v := range row {
			if r >= len(raw) || c >= len(raw[r]) || raw[r][c] == v {
				continue
			}
			serial, err := strconv.ParseFloat(raw[r][c], 64)
			if err != nil {
				continue
			}
			cell, err := excelize.CoordinatesToCellName(c+1, r+1)
			if err != nil || !dates.isDate(sheet, cell) {
				continue
			}
			if tm, err := excelize.ExcelDateToTime(serial, date1904); err == nil {
				row[c] = tm.Format("2006-01-02")
				if serial != float64(int64(serial)) {
					row[c] = tm.Format("2006-01-02 15:04")
				}
			}
		}
	}
	return shown, nil
}

// dateStyles caches, per style index, whether the number format shows a date.
type dateStyles struct {
	f     *excelize.File
	known map[int]bool
}

func (d dateStyles) isDate(sheet, cell string) bool {
	idx, err := d.f.GetCellStyle(sheet, cell)
	if err != nil {
		return false
	}
	if v, ok := d.known[idx]; ok {
		return v
	}
	isDate := false
	if st, err := d.f.GetStyle(idx); err == nil {
		isDate = builtinDateFormat(st.NumFmt) || (st.CustomNumFmt != nil && customDateFormat(*st.CustomNumFmt))
	}
	d.known[idx] = isDate
	return isDate
}

// builtinDateFormat reports Excel's built-in number formats that show a date, including the
// East Asian ones (yyyy"年"m"月"d"日" and friends); time-only formats are excluded.
func builtinDateFormat(id int) bool {
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)
}

var reFormatLiteral = regexp.MustCompile(`"[^"]*"|\[[^\]]*\]|\\.`)

// customDateFormat reports a custom format with a year or day field once literals, colours
// and locales are removed ("m" alone may be minutes).
func customDateFormat(code string) bool {
	code = strings.ToLower(reFormatLiteral.ReplaceAllString(code, ""))
	return strings.ContainsAny(code, "yd")
}

// fillMerged copies each merged range's top-left value into the other cells of the range,
// growing rows as needed but never past the sheet's used rows.
func fillMerged(f *excelize.File, sheet string, grid [][]string) error {
	merged, err := f.GetMergeCells(sheet, true)
	if err != nil {
		return err
	}
	for _, m := range merged {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r1 > len(grid) || c1 > len(grid[r1-1]) {
			continue
		}
		v := grid[r1-1][c1-1]
		for r := r1; r <= min(r2, len(grid)); r++ {
			if c2 > len(grid[r-1]) {
				if c2 > MaxCells/max(len(grid), 1) {
					return fmt.Errorf("merged range too wide: %s", m.GetEndAxis())
				}
				grid[r-1] = append(grid[r-1], make([]string, c2-len(grid[r-1]))...)
			}
			for c := c1; c <= c2; c++ {
				grid[r-1][c-1] = v
			}
		}
	}
	return nil
}
