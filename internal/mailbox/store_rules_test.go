package mailbox

import (
	"strings"
	"testing"

	"policydesk/internal/core"
)

// accepted checks the error of a case that wants field refused (EINVALID on it), or no error when field is "";
// it reports whether the case was accepted as wanted, so that the caller checks the value too.
func accepted(t *testing.T, name string, err error, field string) bool {
	t.Helper()
	if field == "" {
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
		return err == nil
	}
	if ce, ok := err.(*core.Error); !ok || ce.Code != core.EINVALID || ce.Field != field {
		t.Errorf("%s: err = %v, want EINVALID on %s", name, err, field)
	}
	return false
}

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
		if accepted(t, tt.name, err, tt.field) && got.Name != "不动产登记" {
			t.Errorf("%s: %+v", tt.name, got)
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
		if accepted(t, tt.name, err, tt.field) && got.Body != "您好！已转交确权登记组办理。" {
			t.Errorf("%s: %+v", tt.name, got)
		}
	}
}

func TestCheckMaskKeep(t *testing.T) {
	p := core.PublicationPreview{MessageItems: []core.MaskedItem{{Kind: "name", Label: "姓名", Original: "雷锋", Replacement: "雷*"}},
		ReplyItems: []core.MaskedItem{{Kind: "address", Label: "详细地址", Original: "123号", Replacement: "***"}}}
	tests := []struct {
		name string
		in   core.MaskKeepInput
		code string
	}{
		{"a masked name with a reason", core.MaskKeepInput{Original: " 雷锋 ", Reason: "公众人物的姓名"}, ""},
		{"an item of the reply", core.MaskKeepInput{Original: "123号", Reason: "商户的经营地址"}, ""},
		{"a reason too short", core.MaskKeepInput{Original: "雷锋", Reason: "公众"}, core.EINVALID},
		{"not a masked item", core.MaskKeepInput{Original: "张三", Reason: "公众人物的姓名"}, core.EINVALID},
	}
	for _, tt := range tests {
		k, err := CheckMaskKeep(tt.in, p)
		if core.ErrorCode(err) != tt.code {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.code)
		}
		if tt.code == "" && (k.Label == "" || k.Original != strings.TrimSpace(tt.in.Original)) {
			t.Errorf("%s: kept %+v", tt.name, k)
		}
	}
	// A kept item stays where it stands, every other one is masked.
	m := core.Message{State: core.MsgReplied, AgreePublish: true, SenderName: "王建华", Body: "王建华反映：学习雷锋好榜样，我的电话13812345678。"}
	out := Publication(m, nil, []core.MaskKeep{{Original: "雷锋"}}, nil)
	if !strings.Contains(out.Message, "雷锋") || strings.Contains(out.Message, "13812345678") || strings.Contains(out.Message, "王建华") ||
		len(out.Kept) != 1 || !out.CanPublish {
		t.Errorf("publication with a kept item = %+v", out)
	}
}

// TestPublicationMasksTaggedNames: a name written with no cue (not the sender's) is masked in the message and
// the reply when the tagger found it, and listed among the replacements.
func TestPublicationMasksTaggedNames(t *testing.T) {
	m := core.Message{State: core.MsgReplied, AgreePublish: true, SenderName: "匿名",
		Body: "麦嘉欣和温志坚两家的宅基地纠纷一直没人管。", ReplyBody: "您反映的麦嘉欣、温志坚两户宅基地纠纷，镇政府已受理。"}
	tagged := []core.TaggedWord{{Word: "麦嘉欣", Tag: "x"}, {Word: "和", Tag: "c"}, {Word: "温志坚", Tag: "x"}}
	without := Publication(m, nil, nil, nil)
	if !strings.Contains(without.Message, "麦嘉欣") {
		t.Fatalf("without tags the cue rules alone find no name here: %q", without.Message)
	}
	out := Publication(m, nil, nil, tagged)
	for _, text := range []string{out.Message, out.Reply} {
		if strings.Contains(text, "麦嘉欣") || strings.Contains(text, "温志坚") || !strings.Contains(text, "宅基地纠纷") {
			t.Errorf("tagged names not masked: %q", text)
		}
	}
	if len(out.MessageItems) != 2 || len(out.ReplyItems) != 2 || out.MessageItems[0].Label != "姓名" {
		t.Errorf("replacements: %+v / %+v", out.MessageItems, out.ReplyItems)
	}
}
