package docimport

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// maxWarnings caps per-row warnings so that a badly shaped file yields a readable list.
const maxWarnings = 20

// Table is a spreadsheet or CSV file as text: a header row and data rows of the same width.
type Table struct {
	Headers    []string   // the first non-empty row, trimmed; blank headers become "第N列"
	Rows       [][]string // data rows, each len(Headers) cells; blank rows are skipped
	RowNumbers []int      // RowNumbers[i] is the 1-based row (CSV: line) of Rows[i] in the file
	Encoding   string     // source encoding of a CSV file; "" for XLSX
	Sheet      string     // the sheet read from an XLSX file; "" for CSV
	Warnings   []string   // per-row problems that did not stop the import, e.g. "第12行：…"
}

// TableOptions selects what ReadTableWith reads.
type TableOptions struct {
	Sheet string // XLSX sheet name; "" for the first sheet
}

// ReadTable reads the first sheet of an XLSX file or a CSV file (comma, tab or semicolon
// separated, UTF-8/GBK/GB18030/UTF-16 with or without BOM).
func ReadTable(name string, data []byte) (Table, error) {
	return ReadTableWith(name, data, TableOptions{})
}

// ReadTableWith is ReadTable with a choice of sheet.
func ReadTableWith(name string, data []byte, opts TableOptions) (Table, error) {
	if err := checkSize(name, data); err != nil {
		return Table{}, err
	}
	switch sniff(name, data) {
	case formatXLSX:
		return readXLSX(name, data, opts.Sheet)
	case formatCSV, formatTXT:
		return readCSV(name, data)
	case formatOLE:
		return Table{}, importErrorf(name, "旧版 Excel 格式（.xls）不受支持，请另存为 .xlsx 或 .csv 后再导入")
	case formatPDF, formatDOCX:
		return Table{}, importErrorf(name, "这是文档而不是表格，请导入 .xlsx 或 .csv 文件")
	default:
		return Table{}, importErrorf(name, "无法识别的表格类型，支持 .xlsx 和 .csv")
	}
}

// readCSV decodes the file, picks the delimiter from the header line and reads the records.
// A record longer than MaxRecordSize or wider than MaxColumns stops the import at that row:
// without the bound, one 50 MB line becomes tens of millions of cells.
func readCSV(name string, data []byte) (Table, error) {
	text, enc, ok := decodeCSV(data)
	if !ok {
		return Table{}, importErrorf(name, "文字编码无法识别（支持 UTF-8、GBK、GB18030、UTF-16），请另存为 UTF-8 编码的 CSV 后再导入")
	}
	lim := &recordLimiter{r: bytes.NewReader(text)}
	r := csv.NewReader(lim)
	r.Comma = detectDelimiter(text)
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	b := tableBuilder{name: name, shortRows: true}
	line, offset := 1, int64(0) // the line where the next record starts, and its byte offset
	for {
		lim.allow = offset + MaxRecordSize + csvReadAhead
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if errors.Is(err, errRecordTooLong) {
			return Table{}, importErrorf(name, "第%d行：一行内容超过 %d KB 的上限（可能缺少换行或引号不成对）", line, MaxRecordSize>>10)
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return Table{}, importErrorf(name, "第%d行：引号不成对或字段格式错误", pe.StartLine)
		}
		if err != nil {
			return Table{}, importErrorf(name, "读取失败")
		}
		end := r.InputOffset()
		if end-offset > MaxRecordSize {
			return Table{}, importErrorf(name, "第%d行：一行内容超过 %d KB 的上限（可能缺少换行或引号不成对）", line, MaxRecordSize>>10)
		}
		if len(rec) > MaxColumns && !blank(rec[MaxColumns:]) {
			return Table{}, importErrorf(name, "第%d行：有%d列，超过 %d 列的上限", line, len(rec), MaxColumns)
		}
		start, _ := r.FieldPos(0)
		if err := b.add(rec, start); err != nil {
			return Table{}, err
		}
		line += bytes.Count(text[offset:end], []byte("\n"))
		offset = end
	}
	t, err := b.table()
	t.Encoding = enc
	return t, err
}

// decodeCSV is decode for a table: a UTF-8 file without BOM or carriage returns, the usual
// case, is read in place rather than copied (encoding/csv copies the fields it returns).
func decodeCSV(data []byte) ([]byte, string, bool) {
	if !bytes.HasPrefix(data, bomUTF8) && utf8.Valid(data) && bytes.IndexByte(data, '\r') < 0 {
		return data, EncUTF8, readsAsTextBytes(data)
	}
	text, enc, ok := decode(data)
	return []byte(text), enc, ok
}

// csvReadAhead is how far encoding/csv's buffered reader reads beyond the record it parses.
const csvReadAhead = 4096

var errRecordTooLong = errors.New("csv: record too long")

// recordLimiter fails reads past allow, which readCSV moves forward record by record, so that
// a record without end is refused before it is held in memory as millions of fields.
type recordLimiter struct {
	r     io.Reader
	read  int64
	allow int64
}

func (l *recordLimiter) Read(p []byte) (int, error) {
	if l.read >= l.allow {
		return 0, errRecordTooLong
	}
	p = p[:min(int64(len(p)), l.allow-l.read)]
	n, err := l.r.Read(p)
	l.read += int64(n)
	return n, err
}

// detectDelimiter counts commas, tabs and semicolons outside quotes on the first line (up to
// MaxRecordSize, where reading stops anyway) and takes the most frequent; a one-column file
// is read with commas.
func detectDelimiter(text []byte) rune {
	counts := map[rune]int{}
	quoted := false
	for _, r := range string(text[:min(len(text), MaxRecordSize)]) {
		if r == '"' {
			quoted = !quoted
		}
		if quoted {
			continue
		}
		if r == '\n' {
			break
		}
		counts[r]++
	}
	best := ','
	for _, c := range []rune{'\t', ';'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}

// tableBuilder collects records into a Table, enforcing limits and squaring ragged rows.
type tableBuilder struct {
	name      string
	shortRows bool // report rows shorter than the header (CSV; XLSX omits trailing blanks)
	t         Table
	cells     int
	warnings  int
}

// add takes one record and its 1-based row number in the file.
func (b *tableBuilder) add(rec []string, row int) error {
	if blank(rec) {
		return nil
	}
	if b.t.Headers == nil {
		b.t.Headers = headers(rec)
		return nil
	}
	if len(b.t.Rows) >= MaxRows {
		return importErrorf(b.name, "表格超过 %d 行的上限", MaxRows)
	}
	b.cells += len(b.t.Headers)
	if b.cells > MaxCells {
		return importErrorf(b.name, "表格超过 %d 个单元格的上限", MaxCells)
	}
	b.t.Rows = append(b.t.Rows, b.square(rec, row))
	b.t.RowNumbers = append(b.t.RowNumbers, row)
	return nil
}

// square pads short rows and cuts long ones to the header's width; cut cells that hold data
// are reported, since their values would otherwise vanish silently.
func (b *tableBuilder) square(rec []string, row int) []string {
	n := len(b.t.Headers)
	out := make([]string, n)
	for i := range min(n, len(rec)) {
		out[i] = strings.TrimSpace(rec[i])
	}
	switch {
	case len(rec) > n && !blank(rec[n:]):
		b.warn(fmt.Sprintf("第%d行：有%d列，多于表头的%d列，多出的内容未导入", row, len(rec), n))
	case len(rec) < n && b.shortRows:
		b.warn(fmt.Sprintf("第%d行：只有%d列，少于表头的%d列，缺少的按空白处理", row, len(rec), n))
	}
	return out
}

func (b *tableBuilder) warn(msg string) {
	b.warnings++
	switch {
	case b.warnings <= maxWarnings:
		b.t.Warnings = append(b.t.Warnings, msg)
	case b.warnings == maxWarnings+1:
		b.t.Warnings = append(b.t.Warnings, "更多类似问题未逐一列出")
	}
}

func (b *tableBuilder) table() (Table, error) {
	if b.t.Headers == nil {
		return Table{}, importErrorf(b.name, "表格中没有内容")
	}
	return b.t, nil
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// headers trims the header row; a blank header gets a name so that it can still be mapped.
func headers(rec []string) []string {
	end := len(rec)
	for end > 0 && strings.TrimSpace(rec[end-1]) == "" {
		end--
	}
	out := make([]string, end)
	for i, h := range rec[:end] {
		out[i] = strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF"))
		if out[i] == "" {
			out[i] = fmt.Sprintf("第%d列", i+1)
		}
	}
	return out
}
