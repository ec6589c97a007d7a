package intake

import (
	"strings"
	"testing"
	"time"

	"policydesk/internal/core"
)

func TestResolve(t *testing.T) {
	headers := []string{"序号", "意见内容", "提交人", "提交时间"}
	fields := CommentFields()
	tests := []struct {
		name    string
		given   map[string]int
		want    map[string]int
		problem string
	}{
		{"suggested from the headers", nil, map[string]int{"text": 1, "commenter": 2, "received": 3}, ""},
		{"the user's choice replaces the suggestion", map[string]int{"text": 2}, map[string]int{"text": 2}, ""},
		{"-1 is no column", map[string]int{"text": 1, "commenter": -1}, map[string]int{"text": 1}, ""},
		{"a required field without a column", map[string]int{"commenter": 2}, nil, "请为“意见内容”选择一列"},
		{"a column that does not exist", map[string]int{"text": 9}, nil, "“意见内容”对应的列不存在(表格只有4列)"},
		{"two fields on one column", map[string]int{"text": 1, "commenter": 1}, nil, "“意见内容”和“提交人”不能对应同一列“意见内容”"},
	}
	for _, tt := range tests {
		got, problem := Resolve(headers, fields, tt.given)
		if problem != tt.problem {
			t.Errorf("%s: problem %q, want %q", tt.name, problem, tt.problem)
			continue
		}
		if tt.want == nil {
			continue
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s: columns %v, want %v", tt.name, got, tt.want)
		}
		for k, v := range tt.want {
			if got[k] != v {
				t.Errorf("%s: columns %v, want %v", tt.name, got, tt.want)
			}
		}
	}
}

func TestReadCommentsChecksEveryRow(t *testing.T) {
	today := time.Date(2026, 11, 20, 10, 0, 0, 0, core.Shanghai)
	file := "意见内容,提交时间,反馈渠道,类别,涉及条款\n" +
		"建议延长公示期,2026-11-02,信函,企业,第三条\n" +
		",2026-11-03,网站,,\n" +
		"第二条的期限过短,下周,网站,,\n" +
		"加强监督,,传真机,,\n" +
		"补充说明,,,学生,第九十九条\n"
	c, err := ReadComments(core.ImportRequest{FileName: "意见.csv"}, []byte(file), []string{"第三条"}, today)
	if err != nil {
		t.Fatal(err)
	}
	if c.Errors != 3 || c.Preview.Valid != 2 || c.Preview.Total != 5 {
		t.Fatalf("errors %d valid %d total %d: %+v", c.Errors, c.Preview.Valid, c.Preview.Total, c.Preview.Errors)
	}
	wantFields := []string{"text", "received", "channel"}
	for i, e := range c.Preview.Errors {
		if e.Field != wantFields[i] || !strings.HasPrefix(e.Message, "第") {
			t.Errorf("error %d = %+v, want field %s", i, e, wantFields[i])
		}
	}
	if c.Rows[0].Channel != "信函" || c.Rows[0].ReceivedDate != "2026-11-02" || strings.Join(c.Rows[0].Clauses, ",") != "第三条" {
		t.Errorf("row 0 = %+v", c.Rows[0])
	}
	if c.Rows[1].ReceivedDate != "2026-11-20" || c.Rows[1].Channel != "网站" || c.Rows[1].Category != "其他" {
		t.Errorf("blank date, channel and unknown category take the defaults: %+v", c.Rows[1])
	}
	err = c.Err()
	if core.ErrorCode(err) != core.EIMPORT || !strings.Contains(core.ErrorMessage(err), "意见.csv未导入任何意见：第3行: 缺少意见内容") {
		t.Errorf("refusal = %v", err)
	}
}

func TestReadMessagesMarksRepeatsAndErrors(t *testing.T) {
	now := time.Date(2026, 11, 20, 10, 0, 0, 0, core.Shanghai)
	file := "留言编号,留言时间,留言人,留言内容,是否同意公开\n" +
		"A1,2026-11-18 09:30,张三,小区路灯坏了,是\n" +
		"A2,2026-11-18 10:00,张三,小区路灯坏了,否\n" +
		"A3,,李四,噪音扰民,否\n" +
		"A4,2026-11-19,王五,,否\n"
	m, err := ReadMessages("留言.csv", []byte(file), nil, now)
	if err != nil || m.Problem != "" {
		t.Fatal(err, m.Problem)
	}
	if !m.Rows[0].Input.AgreePublish || m.Rows[0].Duplicate || !m.Rows[1].Duplicate {
		t.Errorf("rows = %+v", m.Rows[:2])
	}
	if m.Rows[2].Error != "第4行: 缺少留言时间" || !strings.HasPrefix(m.Rows[3].Error, "第5行: ") {
		t.Errorf("errors = %q, %q", m.Rows[2].Error, m.Rows[3].Error)
	}
	if m.Preview.Duplicates != 1 || len(m.Preview.Errors) != 2 || core.ErrorCode(m.Err()) != core.EIMPORT {
		t.Errorf("preview = %+v", m.Preview)
	}
	m, err = ReadMessages("留言.csv", []byte(file), map[string]int{"body": 3, "receivedAt": 3}, now)
	if err != nil || m.Problem == "" || core.ErrorCode(m.Err()) != core.EIMPORT {
		t.Errorf("two fields on one column must be refused: %q %v", m.Problem, err)
	}
}

func TestConsent(t *testing.T) {
	for s, want := range map[string]bool{"是": true, " 同意 ": true, "Y": true, "√": true, "否": false, "": false, "不同意": false} {
		if Consent(s) != want {
			t.Errorf("Consent(%q) = %v", s, !want)
		}
	}
}
