package docimport

import (
	"archive/zip"
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// xlsxInMemoryPart is the largest worksheet excelize keeps in memory; larger sheets are
// unpacked to a temporary file and streamed from there. It is also the limit of the shared
// strings (xlsxPartLimits), which then always stay in memory: excelize's temporary-file path
// for them costs a system call per string (minutes for millions of empty strings).
const xlsxInMemoryPart = 8 << 20

// readXLSX reads one sheet with values as Excel shows them, except dates, which become
// yyyy-mm-dd whatever their display format ("2026/3/5", "3月5日"), so that later parsing
// has one form to handle. Merged cells repeat their value in every cell they cover, so that
// a category merged down a column applies to each row. The sheet is streamed row by row and
// refused at the first row past a limit: excelize's GetRows, GetCellStyle and GetMergeCells
// each hold the whole sheet as structures many times the file's size.
func readXLSX(name string, data []byte, sheet string) (t Table, err error) {
	defer func() {
		if p := recover(); p != nil { // the library panics on some malformed workbooks
			t, err = Table{}, importErrorf(name, "Excel 文件已损坏或格式不受支持，无法读取")
		}
	}()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return Table{}, importErrorf(name, "Excel 文件已损坏、已加密或格式不受支持，无法读取")
	}
	if err := checkArchive(zr); err != nil {
		return Table{}, importErrorf(name, "Excel 文件解压后超过 %d MB 或文件数超过 %d 个的上限", MaxDecompressed>>20, MaxZipEntries)
	}
	if part, limit := oversizedPart(zr); part != "" {
		return Table{}, importErrorf(name, "Excel 文件中的 %s 超过 %d MB 的上限，文件可能已损坏", part, limit>>20)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    MaxDecompressed,
		UnzipXMLSizeLimit: xlsxInMemoryPart,
	})
	if err != nil {
		return Table{}, importErrorf(name, "Excel 文件已损坏、已加密或超出大小上限，无法读取")
	}
	defer f.Close()
	sheet, err = pickSheet(name, f, sheet)
	if err != nil {
		return Table{}, err
	}
	part, err := sheetPart(zr, sheet)
	if err != nil {
		return Table{}, importErrorf(name, "工作表“%s”无法读取", sheet)
	}
	scan, err := scanSheet(f, part)
	switch {
	case errors.Is(err, errSheetTooLarge) && scan.values > MaxCells:
		return Table{}, importErrorf(name, "工作表“%s”有超过 %d 个非空单元格，超过表格单元格的上限", sheet, MaxCells)
	case errors.Is(err, errSheetTooLarge):
		return Table{}, importErrorf(name, "工作表“%s”的范围为 %s，超过 %d 行或 %d 列的上限", sheet, scan.dimension, MaxRows, MaxColumns)
	case errors.Is(err, errMergesTooLarge):
		return Table{}, importErrorf(name, "工作表“%s”的合并单元格覆盖超过 %d 个单元格的上限", sheet, MaxCells)
	case err != nil:
		return Table{}, importErrorf(name, "工作表“%s”无法读取", sheet)
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return Table{}, importErrorf(name, "工作表“%s”无法读取", sheet)
	}
	defer rows.Close()
	b := tableBuilder{name: name}
	merged := newMergeFiller(scan.merges)
	for n := 1; rows.Next(); n++ {
		row, err := rows.Columns()
		if err != nil {
			return Table{}, importErrorf(name, "工作表“%s”第%d行无法读取", sheet, n)
		}
		if len(row) > MaxColumns && !blank(row[MaxColumns:]) {
			return Table{}, importErrorf(name, "工作表“%s”第%d行：有%d列，超过 %d 列的上限", sheet, n, len(row), MaxColumns)
		}
		for c := range row {
			if v, ok := scan.dates[cellPos{n, c + 1}]; ok {
				row[c] = v
			}
		}
		if err := b.add(merged.fill(n, row), n); err != nil {
			return Table{}, err
		}
	}
	if err := rows.Error(); err != nil {
		return Table{}, importErrorf(name, "工作表“%s”无法读取", sheet)
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

// The parts excelize reads whole into structures, and how large each may be unpacked.
var xlsxPartLimits = map[string]uint64{
	"xl/sharedstrings.xml":       xlsxInMemoryPart,
	"xl/styles.xml":              4 << 20,
	"xl/workbook.xml":            4 << 20,
	"xl/_rels/workbook.xml.rels": 4 << 20,
	"[content_types].xml":        4 << 20,
}

// oversizedPart names the first part past its limit.
func oversizedPart(zr *zip.Reader) (string, uint64) {
	for _, f := range zr.File {
		if limit, ok := xlsxPartLimits[strings.ToLower(f.Name)]; ok && f.UncompressedSize64 > limit {
			return f.Name, limit
		}
	}
	return "", 0
}

// sheetPart opens a sheet's XML in the archive, found through the workbook and its relationships.
func sheetPart(zr *zip.Reader, sheet string) (io.ReadCloser, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := decodeZipXML(zr, "xl/workbook.xml", &wb); err != nil {
		return nil, err
	}
	if err := decodeZipXML(zr, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, err
	}
	for _, s := range wb.Sheets {
		if s.Name != sheet {
			continue
		}
		for _, r := range rels.Rels {
			if r.ID != s.ID {
				continue
			}
			target := strings.TrimPrefix(r.Target, "/")
			if !strings.HasPrefix(target, "xl/") {
				target = path.Join("xl", target)
			}
			return openZipPart(zr, target)
		}
	}
	return nil, errPartMissing
}

// decodeZipXML unmarshals a small part (the workbook and its relationships).
func decodeZipXML(zr *zip.Reader, name string, v any) error {
	rc, err := openZipPart(zr, name)
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, xlsxInMemoryPart)).Decode(v)
}

var (
	errSheetTooLarge  = errors.New("xlsx: sheet dimension beyond limits")
	errMergesTooLarge = errors.New("xlsx: merged ranges cover too many cells")
)

// cellPos is a cell's 1-based row and column.
type cellPos struct{ row, col int }

// sheetScan is what one pass over a sheet's XML finds besides the values excelize reads.
type sheetScan struct {
	dimension string             // the used range the sheet declares, e.g. "A1:F200"
	values    int                // cells with a value
	dates     map[cellPos]string // numeric cells shown as dates, as yyyy-mm-dd
	merges    []mergeRange
}

// scanSheet streams a sheet's XML once for its declared range (refusing a sheet whose range
// is past the limits before reading it), its count of cells with a value (refusing past
// MaxCells), the numeric cells whose style shows a date, and its merged ranges. Only cells whose style is a date format are kept, so the pass holds little.
func scanSheet(f *excelize.File, part io.ReadCloser) (scan sheetScan, err error) {
	defer part.Close()
	scan.dates = map[cellPos]string{}
	dates := dateStyles{f: f, known: map[int]bool{}}
	props, _ := f.GetWorkbookProps()
	date1904 := props.Date1904 != nil && *props.Date1904
	dec := xml.NewDecoder(&tokenLimiter{r: part})
	var (
		pos     cellPos
		inDate  bool // inside a date-styled numeric cell
		inValue bool // inside its <v>
		value   []byte
		covered int // cells covered by merged ranges
	)
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			return scan, nil
		}
		if err != nil {
			return scan, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "dimension":
				scan.dimension = attr(t, "ref")
				if cols, rows, ok := rangeSize(scan.dimension); ok && (rows > MaxRows+1 || cols > MaxColumns) {
					return scan, errSheetTooLarge
				}
			case "row":
				pos.row, pos.col = pos.row+1, 0
				if r, err := strconv.Atoi(attr(t, "r")); err == nil {
					pos.row = r
				}
			case "c":
				pos.col++
				if ref := attr(t, "r"); ref != "" {
					if c, r, err := excelize.CellNameToCoordinates(ref); err == nil {
						pos = cellPos{r, c}
					}
				}
				style, _ := strconv.Atoi(attr(t, "s"))
				typ := attr(t, "t")
				inDate = style > 0 && (typ == "" || typ == "n") && dates.isDate(style)
			case "v", "is":
				if scan.values++; scan.values > MaxCells {
					return scan, errSheetTooLarge
				}
				inValue, value = inDate && t.Name.Local == "v", value[:0]
			case "mergeCell":
				m, ok := parseMerge(attr(t, "ref"))
				if !ok {
					continue
				}
				if covered += m.cells(); covered > MaxCells || len(scan.merges) >= MaxCells/2 {
					return scan, errMergesTooLarge
				}
				scan.merges = append(scan.merges, m)
			}
		case xml.CharData:
			if inValue && len(value)+len(t) <= 64 {
				value = append(value, t...)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v":
				if inValue {
					if v, ok := excelDate(string(value), date1904); ok {
						scan.dates[pos] = v
					}
				}
				inValue = false
			case "c":
				inDate = false
			}
		}
	}
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// rangeSize is the width and height of a range such as "A1:F200" ("A1" alone is one cell).
func rangeSize(ref string) (cols, rows int, ok bool) {
	m, ok := cellRange(ref)
	return m.c2 - m.c1 + 1, m.r2 - m.r1 + 1, ok
}

// cellRange reads a range such as "A1:F200" ("A1" alone is one cell), corners in order, 1-based.
func cellRange(ref string) (mergeRange, bool) {
	first, last, found := strings.Cut(ref, ":")
	if !found {
		last = first
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(first)
	c2, r2, err2 := excelize.CellNameToCoordinates(last)
	if err1 != nil || err2 != nil {
		return mergeRange{}, false
	}
	return mergeRange{min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)}, true
}

// excelDate turns a date serial into yyyy-mm-dd, with the time when it has one.
func excelDate(raw string, date1904 bool) (string, bool) {
	serial, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil {
		return "", false
	}
	tm, err := excelize.ExcelDateToTime(serial, date1904)
	if err != nil {
		return "", false
	}
	if serial != float64(int64(serial)) {
		return tm.Format("2006-01-02 15:04"), true
	}
	return tm.Format("2006-01-02"), true
}

// dateStyles caches, per style index, whether the number format shows a date.
type dateStyles struct {
	f     *excelize.File
	known map[int]bool
}

func (d dateStyles) isDate(idx int) bool {
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

// mergeRange is a merged range, 1-based and inclusive, cut to the table limits.
type mergeRange struct{ c1, r1, c2, r2 int }

func parseMerge(ref string) (mergeRange, bool) {
	m, ok := cellRange(ref)
	if !ok {
		return m, false
	}
	m.c2, m.r2 = min(m.c2, MaxColumns), min(m.r2, MaxRows+1)
	return m, m.c1 <= m.c2 && m.r1 <= m.r2
}

func (m mergeRange) cells() int { return (m.c2 - m.c1 + 1) * (m.r2 - m.r1 + 1) }

// mergeFiller copies each merged range's top-left value into the other cells of the range as
// the rows stream past, growing rows as needed. Only the ranges over the current row are
// looked at, so the work is the ranges' total size, which scanSheet bounds.
type mergeFiller struct {
	pending []mergeRange // ranges not reached yet, by first row
	active  []activeMerge
}

type activeMerge struct {
	mergeRange
	value string
}

func newMergeFiller(ranges []mergeRange) *mergeFiller {
	slices.SortStableFunc(ranges, func(a, b mergeRange) int { return cmp.Compare(a.r1, b.r1) })
	return &mergeFiller{pending: ranges}
}

// fill applies the ranges to row n; rows arrive in order.
func (m *mergeFiller) fill(n int, row []string) []string {
	for len(m.pending) > 0 && m.pending[0].r1 <= n {
		r := m.pending[0]
		m.pending = m.pending[1:]
		if r.r1 == n && r.c1 <= len(row) { // an empty top-left cell has nothing to repeat
			m.active = append(m.active, activeMerge{r, row[r.c1-1]})
		}
	}
	m.active = slices.DeleteFunc(m.active, func(a activeMerge) bool { return a.r2 < n })
	for _, a := range m.active {
		if a.c2 > len(row) {
			row = append(row, make([]string, a.c2-len(row))...)
		}
		for c := a.c1; c <= a.c2; c++ {
			row[c-1] = a.value
		}
	}
	return row
}
