package mailbox

import (
	"strings"
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/testutil"
)

func TestCheckFilter(t *testing.T) {
	tests := []struct {
		name       string
		in         core.MessageFilter
		want       string
		sort       string
		page, size int
	}{
		{"defaults: overdue first", core.MessageFilter{}, "", core.SortUrgent, 1, DefaultPageSize},
		{"newest first when asked", core.MessageFilter{Sort: core.SortReceivedDesc}, "", core.SortReceivedDesc, 1, DefaultPageSize},
		{"one 承办人", core.MessageFilter{AssigneeID: 7}, "", core.SortUrgent, 1, DefaultPageSize},
		{"a negative 承办人", core.MessageFilter{AssigneeID: -1}, "invalid assigneeId: 承办人不正确", "", 0, 0},
		{"most urgent first, page 3", core.MessageFilter{Sort: core.SortDueAsc, Page: 3, PageSize: 20, Due: core.DueOverdue}, "", core.SortDueAsc, 3, 20},
		{"a page too large", core.MessageFilter{PageSize: 100000, Page: -2}, "", core.SortUrgent, 1, MaxPageSize},
		{"an unknown deadline filter", core.MessageFilter{Due: "tomorrow"}, "invalid due: 未知的期限筛选“tomorrow”", "", 0, 0},
		{"an unknown order", core.MessageFilter{Sort: "id; DROP TABLE messages"}, "invalid sort: 未知的排序方式“id; DROP TABLE messages”", "", 0, 0},
	}
	for _, tt := range tests {
		got, err := CheckFilter(tt.in)
		if r := testutil.RefusalText(err); r != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, r, tt.want)
			continue
		}
		if err == nil && (got.Sort != tt.sort || got.Page != tt.page || got.PageSize != tt.size) {
			t.Errorf("%s: sort %s page %d size %d", tt.name, got.Sort, got.Page, got.PageSize)
		}
	}
}

func TestCheckTopic(t *testing.T) {
	kw := func(w string, weight float64) core.TopicKeyword { return core.TopicKeyword{Word: w, Weight: weight} }
	tests := []struct {
		name string
		in   core.TopicRecord
		want string
	}{
		{"a topic", core.TopicRecord{Name: " 不动产登记 ", Keywords: []core.TopicKeyword{kw("房产证", 2), kw("过户", 0.1)}, Examples: []string{" 办证难 ", " "}}, ""},
		{"no keywords yet", core.TopicRecord{Name: "其他"}, ""},
		{"no name", core.TopicRecord{Name: " "}, "invalid name: 请填写主题名称"},
		{"an empty keyword", core.TopicRecord{Name: "其他", Keywords: []core.TopicKeyword{kw("房产证", 1), kw(" ", 1)}}, "invalid keywords: 第2个关键词为空"},
		{"a repeated keyword", core.TopicRecord{Name: "其他", Keywords: []core.TopicKeyword{kw("房产证", 1), kw(" 房产证", 1)}}, "invalid keywords: 关键词“房产证”重复"},
		{"too heavy", core.TopicRecord{Name: "其他", Keywords: []core.TopicKeyword{kw("房产证", 5.5)}}, "invalid keywords: 关键词“房产证”的权重应在0.1到5之间"},
		{"too light", core.TopicRecord{Name: "其他", Keywords: []core.TopicKeyword{kw("房产证", 0)}}, "invalid keywords: 关键词“房产证”的权重应在0.1到5之间"},
	}
	for _, tt := range tests {
		got, err := CheckTopic(tt.in)
		if r := testutil.RefusalText(err); r != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, r, tt.want)
			continue
		}
		if err == nil && (got.Keywords == nil || got.Examples == nil || strings.TrimSpace(got.Name) != got.Name) {
			t.Errorf("%s: %+v", tt.name, got)
		}
	}
	got, _ := CheckTopic(tests[0].in)
	if len(got.Examples) != 1 || got.Examples[0] != "办证难" {
		t.Errorf("examples = %q", got.Examples)
	}
}

func TestCheckFetchConfig(t *testing.T) {
	if r := testutil.RefusalText(CheckFetchConfig(core.IMAPConfig{})); r != "invalid : 尚未设置收件邮箱，请先在设置中填写邮件服务器和账号" {
		t.Errorf("no server: %q", r)
	}
	if err := CheckFetchConfig(core.IMAPConfig{Host: "imap.example.org"}); err != nil {
		t.Errorf("a server: %v", err)
	}
}
