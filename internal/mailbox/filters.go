package mailbox

import (
	"strings"

	"policydesk/internal/core"
)

// The inbox's page sizes: the default and the most one page may hold.
const (
	DefaultPageSize = 50
	MaxPageSize     = 200
)

// CheckFilter checks an inbox filter and fills its defaults: the running clocks first by due date (overdue
// first, the 3-working-day limit decides the day's work), the first page, 50 a page (at most 200); an unknown
// deadline filter or order is refused by name.
func CheckFilter(f core.MessageFilter) (core.MessageFilter, error) {
	switch f.Due {
	case "", core.DueOverdue, core.DueToday, core.DueSoon:
	default:
		return f, core.FieldErrorf(core.EINVALID, "due", "未知的期限筛选“%s”", f.Due)
	}
	switch f.Sort {
	case "":
		f.Sort = core.SortUrgent
	case core.SortUrgent, core.SortReceivedDesc, core.SortReceivedAsc, core.SortDueAsc:
	default:
		return f, core.FieldErrorf(core.EINVALID, "sort", "未知的排序方式“%s”", f.Sort)
	}
	switch {
	case f.PageSize <= 0:
		f.PageSize = DefaultPageSize
	case f.PageSize > MaxPageSize:
		f.PageSize = MaxPageSize
	}
	if f.Page < 1 {
		f.Page = 1
	}
	if f.AssigneeID < 0 {
		return f, core.FieldErrorf(core.EINVALID, "assigneeId", "承办人不正确")
	}
	return f, nil
}

// CheckTopic checks a routing topic before it is saved: a name, keywords that are neither empty nor repeated
// with weights the matcher's prior is tuned for (0.1 to 5), and the example messages trimmed.
func CheckTopic(t core.TopicRecord) (core.TopicRecord, error) {
	t.Name = strings.TrimSpace(t.Name)
	if t.Name == "" {
		return t, core.FieldErrorf(core.EINVALID, "name", "请填写主题名称")
	}
	if t.Keywords == nil {
		t.Keywords = []core.TopicKeyword{}
	}
	seen := map[string]bool{}
	for i, k := range t.Keywords {
		w := strings.TrimSpace(k.Word)
		switch {
		case w == "":
			return t, core.FieldErrorf(core.EINVALID, "keywords", "第%d个关键词为空", i+1)
		case seen[w]:
			return t, core.FieldErrorf(core.EINVALID, "keywords", "关键词“%s”重复", w)
		case k.Weight < 0.1 || k.Weight > 5:
			return t, core.FieldErrorf(core.EINVALID, "keywords", "关键词“%s”的权重应在0.1到5之间", w)
		}
		seen[w] = true
	}
	examples := []string{}
	for _, e := range t.Examples {
		if e = strings.TrimSpace(e); e != "" {
			examples = append(examples, e)
		}
	}
	t.Examples = examples
	return t, nil
}

// CheckFetchConfig refuses to fetch mail before a mail server is set.
func CheckFetchConfig(c core.IMAPConfig) error {
	if c.Host == "" {
		return core.Errorf(core.EINVALID, "尚未设置收件邮箱，请先在设置中填写邮件服务器和账号")
	}
	return nil
}
