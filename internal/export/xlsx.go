// Package export writes PolicyDesk's records into the files a bureau hands on: XLSX ledgers, DOCX for
// sign-off, self-contained HTML for the website.
package export

import (
	"fmt"
	"io"
	"policydesk/internal/core"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Table is a sheet of text cells with a header row.
type Table struct {
	Sheet   string
	Title   string // optional first row, merged across the columns (e.g. "审计日志(2026-11-01至2026-11-30)")
	Headers []string
	Rows    [][]string
}

// WriteXLSX writes tables into an .xlsx file (one sheet each) atomically: a temporary file is renamed into
// place, so a failed export never leaves a half-written file under the final name.
func WriteXLSX(path string, tables ...Table) error {
	f := excelize.NewFile()
	defer f.Close()
	for i, t := range tables {
		name := t.Sheet
		if name == "" {
			name = fmt.Sprintf("Sheet%d", i+1)
		}
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		if err := writeSheet(f, name, t); err != nil {
			return err
		}
	}
	return core.WriteFileAtomic(path, func(w io.Writer) error { return f.Write(w) })
}

func writeSheet(f *excelize.File, sheet string, t Table) error {
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"#E8EEF7"}, Pattern: 1},
		Border: []excelize.Border{{Type: "bottom", Color: "#8A9BB5", Style: 1}}})
	if err != nil {
		return err
	}
	titleStyle, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	if err != nil {
		return err
	}
	// Column widths from the longest cell (CJK characters count double), capped for readability.
	widths := make([]float64, len(t.Headers))
	measure := func(i int, s string) {
		w := 0.0
		for _, r := range s {
			if utf8.RuneLen(r) > 1 {
				w += 2
			} else {
				w++
			}
		}
		if i < len(widths) && w > widths[i] {
			widths[i] = w
		}
	}
	for i, h := range t.Headers {
		measure(i, h)
	}
	for _, row := range t.Rows {
		for i, c := range row {
			measure(i, c)
		}
	}
	for i, w := range widths {
		if w < 8 {
			w = 8
		}
		if w > 60 {
			w = 60
		}
		if err := sw.SetColWidth(i+1, i+1, w+2); err != nil {
			return err
		}
	}
	row := 1
	if t.Title != "" {
		cell, _ := excelize.CoordinatesToCellName(1, row)
		if err := sw.SetRow(cell, []any{excelize.Cell{Value: t.Title, StyleID: titleStyle}}); err != nil {
			return err
		}
		if len(t.Headers) > 1 {
			end, _ := excelize.CoordinatesToCellName(len(t.Headers), row)
			if err := sw.MergeCell(cell, end); err != nil {
				return err
			}
		}
		row++
	}
	header := make([]any, len(t.Headers))
	for i, h := range t.Headers {
		header[i] = excelize.Cell{Value: h, StyleID: bold}
	}
	cell, _ := excelize.CoordinatesToCellName(1, row)
	if err := sw.SetRow(cell, header); err != nil {
		return err
	}
	for _, r := range t.Rows {
		row++
		vals := make([]any, len(r))
		for i, c := range r {
			vals[i] = SafeCell(c) // always text: ids and numbers like 文号 or phone numbers must not be reformatted
		}
		cell, _ := excelize.CoordinatesToCellName(1, row)
		if err := sw.SetRow(cell, vals); err != nil {
			return err
		}
	}
	return sw.Flush()
}
