// Package intake turns table files (XLSX, CSV in any of the encodings offices use) into validated rows for
// every import: comments on a draft, 局长信箱 messages, labeled history, 依申请公开 registers. Reading goes
// through docimport (its size, row and cell limits); the columns are resolved here, one way for every import;
// each area's rows are checked by its own rules. Nothing here touches storage: the store is handed rows that
// already hold.
package intake

import (
	"fmt"
	"strings"

	"policydesk/internal/core"
	"policydesk/internal/docimport"
)

// Field is a value an import wants from a table and the header names that may hold it.
type Field = docimport.FieldSpec

// Table is a file read for import, its columns resolved to fields.
type Table struct {
	docimport.Table
	Name    string
	Fields  []Field
	Columns map[string]int // field key → column index; absent: the field has no column
}

// Read reads a table file and resolves its columns. given is the user's mapping (field key → column index,
// -1 or absent for none); empty means the suggestion from the headers. problem names what is wrong with the
// mapping (a required field without a column, a column that does not exist, two fields on one column) as a
// sentence for the user; err is a problem with the file itself.
func Read(name string, data []byte, fields []Field, given map[string]int) (t Table, problem string, err error) {
	t = Table{Name: name, Fields: fields, Columns: map[string]int{}}
	if t.Table, err = docimport.ReadTable(name, data); err != nil {
		return t, "", err
	}
	t.Columns, problem = Resolve(t.Headers, fields, given)
	return t, problem, nil
}

// Resolve is the column mapping every import uses: the user's choice when given, else the suggestion.
func Resolve(headers []string, fields []Field, given map[string]int) (map[string]int, string) {
	if len(given) == 0 {
		m := docimport.MapColumns(headers, fields)
		return m.Columns, m.Message
	}
	out := map[string]int{}
	used := map[int]string{}
	for _, f := range fields {
		col, ok := given[f.Key]
		if !ok || col < 0 {
			if f.Required {
				return out, "请为“" + f.Label + "”选择一列"
			}
			continue
		}
		if col >= len(headers) {
			return out, fmt.Sprintf("“%s”对应的列不存在(表格只有%d列)", f.Label, len(headers))
		}
		if other, dup := used[col]; dup {
			return out, fmt.Sprintf("“%s”和“%s”不能对应同一列“%s”", other, f.Label, headers[col])
		}
		used[col] = f.Label
		out[f.Key] = col
	}
	return out, ""
}

// Column is the column of a field, -1 for none.
func (t Table) Column(key string) int {
	if c, ok := t.Columns[key]; ok {
		return c
	}
	return -1
}

// Cell is row i's value of a field, trimmed; "" when the field has no column.
func (t Table) Cell(i int, key string) string {
	if c := t.Column(key); c >= 0 && c < len(t.Rows[i]) {
		return strings.TrimSpace(t.Rows[i][c])
	}
	return ""
}

// Row is the file's own number of row i (CSV: its line), for the messages that name it.
func (t Table) Row(i int) int { return t.RowNumbers[i] }

// RowErrorf is the message of a problem in row n: "第12行: 缺少意见内容".
func RowErrorf(n int, format string, args ...any) string {
	return fmt.Sprintf("第%d行: ", n) + fmt.Sprintf(format, args...)
}

// Refusal is the error of an import refused as a whole: the file's name, the first problems and how many
// there are. An import applies whole or not at all.
func Refusal(name string, problems []string, count int, what string) error {
	shown, more := problems, ""
	if len(shown) > 5 {
		shown = shown[:5]
	}
	if count > len(shown) {
		more = fmt.Sprintf("等%d处错误", count)
	}
	return &core.Error{Code: core.EIMPORT, Field: name,
		Message: fmt.Sprintf("%s未导入任何%s：%s%s。请修改文件后重新导入。", name, what, strings.Join(shown, "；"), more)}
}
