package intake

import "policydesk/internal/core"

// LabeledFields are the columns of a labeled history file: a past message's subject and body and the topic it
// was routed to (the label names a topic).
func LabeledFields() []Field {
	return []Field{
		{Key: "subject", Label: "标题", Synonyms: []string{"subject", "标题", "留言标题", "来信标题", "信件标题"}},
		{Key: "body", Label: "内容", Synonyms: []string{"body", "内容", "留言内容", "来信内容", "信件内容", "正文"}},
		{Key: "label", Label: "主题", Required: true, Synonyms: []string{"label", "topic", "主题", "所属主题", "主题分类", "分类", "标签"}},
	}
}

// ReadLabeled reads a labeled history file (CSV in any of the encodings offices use, or XLSX) by its headers
// and checks every row: a subject or a body, and a label. It returns every row, or a refusal naming the file
// and the rows at fault: an import is all or nothing.
func ReadLabeled(name string, data []byte) ([]core.LabeledMessage, error) {
	table, problem, err := Read(name, data, LabeledFields(), nil)
	if err != nil {
		return nil, err
	}
	if problem == "" && table.Column("subject") < 0 && table.Column("body") < 0 {
		problem = "缺少留言的“标题”或“内容”列（可用列名：subject、body、标题、内容、留言标题、留言内容）"
	}
	if problem != "" {
		return nil, &core.Error{Code: core.EIMPORT, Field: name, Message: name + "：" + problem}
	}
	out := make([]core.LabeledMessage, 0, len(table.Rows))
	var problems []string
	for i := range table.Rows {
		m := core.LabeledMessage{Subject: table.Cell(i, "subject"), Body: table.Cell(i, "body"), Label: table.Cell(i, "label")}
		switch {
		case m.Subject == "" && m.Body == "":
			problems = append(problems, RowErrorf(table.Row(i), "缺少留言内容（标题和内容均为空）"))
		case m.Label == "":
			problems = append(problems, RowErrorf(table.Row(i), "缺少主题（label）"))
		}
		out = append(out, m)
	}
	if len(problems) > 0 {
		return nil, Refusal(name, problems, len(problems), "历史留言")
	}
	if len(out) == 0 {
		return nil, core.Errorf(core.EIMPORT, "%s中只有表头，没有留言", name)
	}
	return out, nil
}
