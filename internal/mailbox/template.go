package mailbox

import (
	"strings"

	"policydesk/internal/core"
)

// TemplateFields are the fields a reply template may contain, in the order the editor offers them.
var TemplateFields = []string{"称呼", "收件日期", "承办科室", "联系电话"}

// TemplateValues are the values for one message.
type TemplateValues = core.TemplateValues

// Salutation is how a reply addresses the sender: the name with 同志, or 网友 when anonymous.
func Salutation(name string) string {
	name = strings.TrimSpace(name)
	if name == "" || strings.Contains(name, "匿名") {
		return "网友"
	}
	return name + "同志"
}

// Render fills {称呼} {收件日期} {承办科室} {联系电话}. A field without a value stays as written so that the
// person replying sees what is missing, and is listed in Missing.
func Render(body string, v TemplateValues) core.RenderedReply {
	values := map[string]string{"称呼": v.Salutation, "收件日期": v.Received, "承办科室": v.Section, "联系电话": v.Phone}
	out := core.RenderedReply{Missing: []string{}}
	pairs := make([]string, 0, 2*len(values))
	for _, f := range TemplateFields {
		if !strings.Contains(body, "{"+f+"}") {
			continue
		}
		if values[f] == "" {
			out.Missing = append(out.Missing, f)
			continue
		}
		pairs = append(pairs, "{"+f+"}", values[f])
	}
	out.Body = strings.NewReplacer(pairs...).Replace(body)
	return out
}

// UnknownFields lists {…} placeholders in body that are not template fields, so a typo is caught on save.
func UnknownFields(body string) []string {
	var out []string
	for rest := body; ; {
		i := strings.Index(rest, "{")
		if i < 0 {
			return out
		}
		j := strings.Index(rest[i:], "}")
		if j < 0 {
			return out
		}
		name := rest[i+1 : i+j]
		if !contains(TemplateFields, name) {
			out = append(out, name)
		}
		rest = rest[i+j+1:]
	}
}
