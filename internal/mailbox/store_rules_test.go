package mailbox

import (
	"testing"

	"policydesk/internal/core"
)

func TestCheckTemplate(t *testing.T) {
	tests := []struct {
		name  string
		in    core.ReplyTemplate
		field string
	}{
		{"a template", core.ReplyTemplate{Name: " 不动产登记 ", Body: "{称呼}：您好！您于{收件日期}反映的问题……", Type: "咨询"}, ""},
		{"no name", core.ReplyTemplate{Body: "您好"}, "name"},
		{"no body", core.ReplyTemplate{Name: "空"}, "body"},
		{"an unknown type", core.ReplyTemplate{Name: "x", Body: "您好", Type: "表扬"}, "type"},
		{"an unknown field", core.ReplyTemplate{Name: "x", Body: "{姓名}您好"}, "body"},
	}
	for _, tt := range tests {
		got, err := CheckTemplate(tt.in)
		if tt.field == "" {
			if err != nil || got.Name != "不动产登记" {
				t.Errorf("%s: %+v %v", tt.name, got, err)
			}
			continue
		}
		if ce, ok := err.(*core.Error); !ok || ce.Code != core.EINVALID || ce.Field != tt.field {
			t.Errorf("%s: err = %v, want EINVALID on %s", tt.name, err, tt.field)
		}
	}
}

func TestCheckReply(t *testing.T) {
	tests := []struct {
		name  string
		in    core.ReplySubmission
		field string
	}{
		{"a reply", core.ReplySubmission{Body: " 您好！已转交确权登记组办理。 ", ApproverID: 4}, ""},
		{"no body", core.ReplySubmission{Body: "  ", ApproverID: 4}, "body"},
		{"no approver", core.ReplySubmission{Body: "您好"}, "approverId"},
		{"a field left unfilled", core.ReplySubmission{Body: "{称呼}您好", ApproverID: 4}, "body"},
		{"an unknown field", core.ReplySubmission{Body: "{姓名}您好", ApproverID: 4}, "body"},
	}
	for _, tt := range tests {
		got, err := CheckReply(tt.in)
		if tt.field == "" {
			if err != nil || got.Body != "您好！已转交确权登记组办理。" {
				t.Errorf("%s: %+v %v", tt.name, got, err)
			}
			continue
		}
		if ce, ok := err.(*core.Error); !ok || ce.Code != core.EINVALID || ce.Field != tt.field {
			t.Errorf("%s: err = %v, want EINVALID on %s", tt.name, err, tt.field)
		}
	}
}
