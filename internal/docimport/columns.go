package docimport

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"policydesk/internal/core"
)

// FieldSpec is a value an import wants from a table and the header names that may hold it.
type FieldSpec struct {
	Key      string   // the program's name for the field, e.g. "text"
	Label    string   // the field's name shown to the user, e.g. "意见内容"
	Synonyms []string // header names that mean this field, the most specific first
	Required bool     // the import cannot proceed without it
}

// ColumnMapping is MapColumns' suggestion, for the user to confirm or correct.
type ColumnMapping struct {
	Columns map[string]int // field key → index into the headers; absent when no column matched
	Missing []string       // keys of required fields without a column
	Message string         // a Chinese sentence naming the missing columns; "" when none is missing
}

// Err returns the mapping's problem as an EIMPORT error naming the file, or nil.
func (m ColumnMapping) Err(name string) error {
	if m.Message == "" {
		return nil
	}
	return &core.Error{Code: core.EIMPORT, Field: name, Message: name + "：" + m.Message}
}

// CommentFields are the columns of a 征求意见 comment sheet as offices keep them.
func CommentFields() []FieldSpec {
	return []FieldSpec{
		{Key: "text", Label: "意见内容", Required: true,
			Synonyms: []string{"意见内容", "意见建议", "建议内容", "意见和建议", "留言内容", "反馈内容", "内容", "意见", "建议"}},
		{Key: "commenter", Label: "提交人",
			Synonyms: []string{"提交人", "意见人", "姓名", "名称", "单位", "提交单位", "单位名称", "反馈人"}},
		{Key: "category", Label: "类别",
			Synonyms: []string{"类别", "身份", "主体类别", "提交人类别", "类型", "来源"}},
		{Key: "received", Label: "提交时间",
			Synonyms: []string{"提交时间", "提交日期", "收到时间", "反馈时间", "日期", "时间"}},
		{Key: "contact", Label: "联系方式",
			Synonyms: []string{"联系方式", "联系电话", "电话", "手机", "邮箱", "电子邮箱"}},
		{Key: "clause", Label: "涉及条款",
			Synonyms: []string{"涉及条款", "条款", "条目", "章节", "修改条款", "意见条款"}},
	}
}

// MapColumns suggests a column for each field: first headers equal to a synonym (or the
// label or key), then headers that contain one, longest synonym first. A column serves one
// field only, and fields listed first choose first.
func MapColumns(headers []string, fields []FieldSpec) ColumnMapping {
	norm := make([]string, len(headers))
	for i, h := range headers {
		norm[i] = normalizeHeader(h)
	}
	taken := make([]bool, len(headers))
	m := ColumnMapping{Columns: map[string]int{}}
	for _, exact := range []bool{true, false} {
		for _, f := range fields {
			if _, done := m.Columns[f.Key]; done {
				continue
			}
			if col := findColumn(norm, taken, names(f, exact), exact); col >= 0 {
				m.Columns[f.Key] = col
				taken[col] = true
			}
		}
	}
	var labels []string
	for _, f := range fields {
		if _, ok := m.Columns[f.Key]; f.Required && !ok {
			m.Missing = append(m.Missing, f.Key)
			labels = append(labels, "“"+f.Label+"”（可用列名："+strings.Join(f.Synonyms, "、")+"）")
		}
	}
	if len(labels) > 0 {
		m.Message = "缺少必需的列：" + strings.Join(labels, "；")
	}
	return m
}

// names are the normalised names a field answers to; for containment they are sorted
// longest first so that "意见内容" wins over "意见", and one-character names are left out.
func names(f FieldSpec, exact bool) []string {
	var out []string
	for _, s := range append([]string{f.Label, f.Key}, f.Synonyms...) {
		if n := normalizeHeader(s); n != "" && (exact || utf8.RuneCountInString(n) >= 2) {
			out = append(out, n)
		}
	}
	if !exact {
		slices.SortStableFunc(out, func(a, b string) int { return utf8.RuneCountInString(b) - utf8.RuneCountInString(a) })
	}
	return out
}

func findColumn(norm []string, taken []bool, names []string, exact bool) int {
	for _, n := range names {
		for col, h := range norm {
			if taken[col] || h == "" {
				continue
			}
			if (exact && h == n) || (!exact && strings.Contains(h, n)) {
				return col
			}
		}
	}
	return -1
}

// normalizeHeader removes what varies between offices' headers without changing the meaning:
// spaces, a required-field star, a trailing note in brackets ("提交时间（年月日）"), letter case.
func normalizeHeader(h string) string {
	h = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r), r == '*', r == '＊', r == ':', r == '：':
			return -1
		case r == '（':
			return '('
		case r == '）':
			return ')'
		}
		return unicode.ToLower(r)
	}, h)
	if i := strings.IndexByte(h, '('); i > 0 && strings.HasSuffix(h, ")") {
		h = h[:i]
	}
	return h
}
