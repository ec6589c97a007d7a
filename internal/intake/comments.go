package intake

import (
	"strconv"
	"strings"
	"time"

	"policydesk/internal/calendar"
	"policydesk/internal/consult"
	"policydesk/internal/core"
	"policydesk/internal/docimport"
)

// CommentFields are the columns a comment sheet may have: the shared comment fields and the channel.
func CommentFields() []Field {
	return append(docimport.CommentFields(), Field{Key: "channel", Label: "反馈渠道",
		Synonyms: []string{"反馈渠道", "提交渠道", "征求渠道", "提交方式", "反馈方式", "渠道"}})
}

// maxCommentErrors caps the row errors a preview lists; the count stays exact.
const maxCommentErrors = 100

// commentPreviewRows is how many rows a preview shows.
const commentPreviewRows = 20

// Comments is a comment file read, mapped and checked against the consultation's draft.
type Comments struct {
	Preview core.ImportPreview
	Rows    []core.ImportRow // the rows that hold, in file order
	Errors  int              // every error, also those past the preview's cap
}

// File is what the batch records of the file.
func (c Comments) File() core.ImportFile {
	return core.ImportFile{Name: c.Preview.FileName, Encoding: c.Preview.Encoding, Total: c.Preview.Total}
}

// Err refuses the file when any row is wrong: nothing of it is imported.
func (c Comments) Err() error {
	if c.Errors == 0 {
		return nil
	}
	problems := make([]string, 0, 5)
	for _, e := range c.Preview.Errors[:min(5, len(c.Preview.Errors))] {
		problems = append(problems, e.Message)
	}
	return Refusal(c.Preview.FileName, problems, c.Errors, "意见")
}

// ReadComments reads a comment file and checks every row: text present, date and channel readable (blank
// ones take the request's defaults, or today and 网站), the category known (else 其他, with a warning), the
// clauses found in the draft (paths; else kept as written, with a warning).
func ReadComments(req core.ImportRequest, data []byte, paths []string, today time.Time) (Comments, error) {
	name := req.FileName
	if name == "" {
		name = "意见表"
	}
	table, problem, err := Read(name, data, CommentFields(), req.Mapping)
	if err != nil {
		return Comments{}, err
	}
	c := Comments{Preview: core.ImportPreview{FileName: name, Encoding: table.Encoding, Sheet: table.Sheet, Headers: table.Headers,
		Mapping: table.Columns, Rows: []core.ImportRow{}, Errors: []core.RowError{}, Warnings: []core.RowError{}, Total: len(table.Rows)}}
	for _, f := range table.Fields {
		c.Preview.Fields = append(c.Preview.Fields, core.ImportField{Key: f.Key, Label: f.Label, Required: f.Required})
	}
	if problem != "" {
		c.addError(core.RowError{Field: "mapping", Message: name + "：" + problem})
		return c, nil
	}
	for _, w := range table.Warnings {
		c.Preview.Warnings = append(c.Preview.Warnings, core.RowError{Message: w})
	}
	defaultDate := calendar.FormatDate(calendar.Day(today))
	if req.DefaultDate != "" {
		d, err := calendar.ParseDate(req.DefaultDate)
		if err != nil {
			return c, core.FieldErrorf(core.EINVALID, "defaultDate", "默认提交日期格式不正确：%s", req.DefaultDate)
		}
		defaultDate = calendar.FormatDate(d)
	}
	defaultChannel := "网站"
	if req.DefaultChannel != "" {
		ch, ok := consult.NormalizeChannel(req.DefaultChannel)
		if !ok {
			return c, core.FieldErrorf(core.EINVALID, "defaultChannel", "未知的反馈渠道“%s”", req.DefaultChannel)
		}
		defaultChannel = ch
	}
	undated := 0
	for i := range table.Rows {
		cell := func(key string) string { return table.Cell(i, key) }
		n := table.Row(i)
		row := core.ImportRow{Row: n, Body: cell("text"), Commenter: cell("commenter"), Contact: cell("contact")}
		ok := true
		fail := func(field, format string, args ...any) {
			ok = false
			c.addError(core.RowError{Row: n, Field: field, Message: RowErrorf(n, format, args...)})
		}
		warn := func(field, format string, args ...any) {
			c.Preview.Warnings = append(c.Preview.Warnings, core.RowError{Row: n, Field: field, Message: RowErrorf(n, format, args...)})
		}
		if row.Body == "" {
			fail("text", "缺少意见内容")
		}
		if raw := cell("received"); raw == "" {
			row.ReceivedDate = defaultDate
			undated++
		} else if d, ok := ParseCellDate(raw); ok {
			row.ReceivedDate = calendar.FormatDate(d)
		} else {
			fail("received", "提交日期“%s”无法识别(应为 2026-03-05、2026/3/5 或 2026年3月5日)", raw)
		}
		row.Channel = defaultChannel
		if raw := cell("channel"); raw != "" {
			if ch, known := consult.NormalizeChannel(raw); known {
				row.Channel = ch
			} else {
				fail("channel", "无法识别的反馈渠道“%s”(可填：%s)", raw, strings.Join(core.Channels, "、"))
			}
		}
		raw := cell("category")
		cat, known := consult.NormalizeCategory(raw)
		if !known {
			warn("category", "类别“%s”无法识别，按“其他”记录", raw)
		}
		row.Category = cat
		clauses, unknown := consult.ResolveClauses(cell("clause"), row.Body, paths)
		row.Clauses = clauses
		if row.Clauses == nil {
			row.Clauses = []string{}
		}
		if len(unknown) > 0 {
			warn("clause", "涉及条款“%s”在征求意见稿中未找到，按原文记录", strings.Join(unknown, "、"))
		}
		if !ok {
			continue
		}
		c.Rows = append(c.Rows, row)
		if len(c.Preview.Rows) < commentPreviewRows {
			c.Preview.Rows = append(c.Preview.Rows, row)
		}
	}
	if undated > 0 {
		c.Preview.Warnings = append(c.Preview.Warnings, core.RowError{Field: "received",
			Message: strconv.Itoa(undated) + "行未填写提交日期，按" + defaultDate + "记录"})
	}
	if c.Preview.Total == 0 {
		c.addError(core.RowError{Message: name + "：表格中没有意见数据"})
	}
	c.Preview.Valid = len(c.Rows)
	return c, nil
}

func (c *Comments) addError(e core.RowError) {
	c.Errors++
	switch {
	case len(c.Preview.Errors) < maxCommentErrors:
		c.Preview.Errors = append(c.Preview.Errors, e)
	case len(c.Preview.Errors) == maxCommentErrors:
		c.Preview.Errors = append(c.Preview.Errors, core.RowError{Message: "错误较多，其余未列出"})
	}
}

// ParseCellDate reads a date cell as offices write it, including a time after the date and Excel's serial
// day numbers (a spreadsheet cell formatted as a number).
func ParseCellDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if d, err := calendar.ParseDate(s); err == nil {
		return d, true
	}
	if head, _, found := strings.Cut(strings.Replace(s, "T", " ", 1), " "); found {
		if d, err := calendar.ParseDate(head); err == nil {
			return d, true
		}
	}
	if n, err := strconv.ParseFloat(s, 64); err == nil && n >= 20000 && n < 80000 {
		return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(n)), true
	}
	return time.Time{}, false
}
