package docimport

import (
	"fmt"
	"strings"
	"testing"

	"policydesk/internal/core"
)

func TestMapColumns(t *testing.T) {
	for _, tc := range []struct {
		name    string
		headers []string
		want    map[string]int
		missing []string
	}{
		{"exact names", []string{"序号", "姓名", "提交时间", "意见内容", "身份"},
			map[string]int{"commenter": 1, "received": 2, "text": 3, "category": 4}, nil},
		{"short synonyms", []string{"内容", "日期", "单位", "类别", "电话"},
			map[string]int{"text": 0, "received": 1, "commenter": 2, "category": 3, "contact": 4}, nil},
		{"spacing, stars and notes", []string{" 意见 内容* ", "提交时间（年-月-日）", "联系电话："},
			map[string]int{"text": 0, "received": 1, "contact": 2}, nil},
		{"containment prefers the longer synonym", []string{"具体意见内容", "意见类别"},
			map[string]int{"text": 0, "category": 1}, nil},
		{"a column serves one field", []string{"意见", "建议"},
			map[string]int{"text": 0}, nil},
		{"required column missing", []string{"姓名", "日期"},
			map[string]int{"commenter": 0, "received": 1}, []string{"text"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := MapColumns(tc.headers, CommentFields())
			if fmt.Sprint(m.Columns) != fmt.Sprint(tc.want) || fmt.Sprint(m.Missing) != fmt.Sprint(tc.missing) {
				t.Errorf("got %v missing %v, want %v missing %v", m.Columns, m.Missing, tc.want, tc.missing)
			}
			if (m.Message == "") != (len(tc.missing) == 0) {
				t.Errorf("message %q does not match missing %v", m.Message, tc.missing)
			}
		})
	}
}

func TestColumnMappingErr(t *testing.T) {
	m := MapColumns([]string{"姓名"}, CommentFields())
	err := m.Err("意见.xlsx")
	wantCode(t, err, core.EIMPORT, "意见.xlsx")
	if msg := core.ErrorMessage(err); !strings.Contains(msg, "意见内容") {
		t.Errorf("message %q does not name the missing column", msg)
	}
	if err := MapColumns([]string{"意见"}, CommentFields()).Err("ok.csv"); err != nil {
		t.Errorf("unexpected error %v", err)
	}
}

func TestMapColumnsCustomFields(t *testing.T) {
	fields := []FieldSpec{{Key: "no", Label: "文号", Synonyms: []string{"发文字号"}, Required: true}}
	m := MapColumns([]string{"标题", "发文字号"}, fields)
	if m.Columns["no"] != 1 || m.Message != "" {
		t.Errorf("got %+v", m)
	}
}
