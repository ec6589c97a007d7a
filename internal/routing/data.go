package routing

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"policydesk/internal/core"
)

// ReadLabeledCSV reads labelled messages from a UTF-8 CSV file with the header
// subject,body,label (any column order; a byte-order mark is allowed; subject may be empty).
// Errors are core.EIMPORT errors naming the file and line.
func ReadLabeledCSV(path string) ([]core.LabeledMessage, error) {
	data, err := os.ReadFile(path)
	name := filepath.Base(path)
	if err != nil {
		return nil, core.FieldErrorf(core.EIMPORT, path, "无法读取文件 %s：%v", name, errors.Unwrap(err))
	}
	return ParseLabeledCSV(name, data)
}

// ParseLabeledCSV reads labelled messages from CSV data as ReadLabeledCSV does; name is the file's name
// for error messages.
func ParseLabeledCSV(name string, data []byte) ([]core.LabeledMessage, error) {
	fail := func(line int, format string, args ...any) error {
		return core.FieldErrorf(core.EIMPORT, name, "%s 第%d行：%s", name, line, fmt.Sprintf(format, args...))
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		return nil, fail(line, "不是UTF-8编码（请另存为“CSV UTF-8”格式）")
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err == io.EOF {
		return nil, fail(1, "文件为空，缺少表头 subject,body,label")
	}
	if err != nil {
		return nil, csvError(fail, err)
	}
	cols := map[string]int{}
	for i, h := range header {
		cols[strings.ToLower(strings.TrimSpace(h))] = i
	}
	for _, want := range []string{"subject", "body", "label"} {
		if _, ok := cols[want]; !ok {
			return nil, fail(1, "表头缺少“%s”列（应为 subject,body,label）", want)
		}
	}
	var out []core.LabeledMessage
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(fail, err)
		}
		line, _ := r.FieldPos(0)
		if len(rec) != len(header) {
			return nil, fail(line, "应有%d列，实际%d列", len(header), len(rec))
		}
		m := core.LabeledMessage{
			Subject: strings.TrimSpace(rec[cols["subject"]]),
			Body:    strings.TrimSpace(rec[cols["body"]]),
			Label:   strings.TrimSpace(rec[cols["label"]]),
		}
		switch {
		case m.Subject == "" && m.Body == "":
			return nil, fail(line, "缺少留言内容（主题和正文均为空）")
		case m.Label == "":
			return nil, fail(line, "缺少分类标签（label）")
		}
		out = append(out, m)
	}
	if len(out) == 0 {
		return nil, fail(1, "只有表头，没有留言")
	}
	return out, nil
}

func csvError(fail func(int, string, ...any) error, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
			return fail(pe.StartLine, "引号不配对（字段中的双引号须写成两个 \"\"）")
		}
		return fail(pe.StartLine, "CSV格式错误：%v", pe.Err)
	}
	return fail(1, "CSV格式错误：%v", err)
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}
