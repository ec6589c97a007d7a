package intake

import (
	"strings"
	"time"

	"policydesk/internal/core"
	"policydesk/internal/mailbox"
)

// MessageFields are the columns of a website's message export as offices receive them.
func MessageFields() []Field {
	return []Field{
		{Key: "body", Label: "留言内容", Required: true, Synonyms: []string{"留言内容", "留言详情", "来信内容", "信件内容", "诉求内容", "内容", "正文", "message", "body"}},
		{Key: "subject", Label: "留言标题", Synonyms: []string{"留言标题", "留言主题", "来信标题", "标题", "主题", "subject"}},
		{Key: "receivedAt", Label: "留言时间", Required: true, Synonyms: []string{"留言时间", "来信时间", "提交时间", "收件时间", "受理时间", "时间", "日期", "message_time_iso"}},
		{Key: "externalId", Label: "留言编号", Synonyms: []string{"留言编号", "信件编号", "编号", "工单号", "id"}},
		{Key: "senderName", Label: "留言人", Synonyms: []string{"留言人", "来信人", "姓名", "留言用户", "用户"}},
		{Key: "senderPhone", Label: "联系电话", Synonyms: []string{"联系电话", "手机号码", "手机", "电话"}},
		{Key: "senderEmail", Label: "电子邮箱", Synonyms: []string{"电子邮箱", "邮箱", "email"}},
		{Key: "senderAddress", Label: "联系地址", Synonyms: []string{"联系地址", "通讯地址", "地址"}},
		{Key: "type", Label: "留言类型", Synonyms: []string{"留言类型", "类型", "类别"}},
		{Key: "channel", Label: "来源渠道", Synonyms: []string{"来源渠道", "渠道", "来源"}},
		{Key: "agreePublish", Label: "是否同意公开", Synonyms: []string{"是否同意公开", "同意公开", "是否公开", "公开"}},
	}
}

// messagePreviewRows is how many rows the import preview shows.
const messagePreviewRows = 20

// Messages is a message file read and checked row by row; the rows that repeat an earlier row of the file
// are marked, those already stored are marked by the store (MarkStored).
type Messages struct {
	Preview core.MessageImportPreview
	Rows    []core.ImportedMessage
	Problem string // a mapping problem: the file cannot be imported as mapped
}

// File is what the batch records of the file.
func (m Messages) File() core.ImportFile {
	return core.ImportFile{Name: m.Preview.FileName, Encoding: m.Preview.Encoding, Total: m.Preview.Total}
}

// ReadMessages reads a message file and checks every row by the mailbox's rules (mailbox.ValidateInput);
// now dates rows without a time when the file has no time column.
func ReadMessages(name string, data []byte, columns map[string]int, now time.Time) (Messages, error) {
	table, problem, err := Read(name, data, MessageFields(), columns)
	m := Messages{Preview: core.MessageImportPreview{FileName: name, Encoding: table.Encoding, Sheet: table.Sheet,
		Headers: nonNil(table.Headers), Fields: []core.MessageImportField{}, Rows: []core.MessageImportRow{}, Errors: []string{},
		Warnings: nonNil(table.Warnings), Total: len(table.Rows)}}
	if err != nil {
		return m, err
	}
	for _, f := range table.Fields {
		m.Preview.Fields = append(m.Preview.Fields, core.MessageImportField{Key: f.Key, Label: f.Label, Required: f.Required, Column: table.Column(f.Key)})
	}
	if problem != "" {
		m.Problem = name + "：" + problem
		m.Preview.Errors = append(m.Preview.Errors, m.Problem)
		return m, nil
	}
	seenExt, seenText := map[string]bool{}, map[string]bool{}
	m.Rows = make([]core.ImportedMessage, 0, len(table.Rows))
	for i := range table.Rows {
		cell := func(key string) string { return table.Cell(i, key) }
		r := core.ImportedMessage{Row: table.Row(i), Input: core.MessageInput{
			ExternalID: cell("externalId"), Channel: cell("channel"), ReceivedAt: cell("receivedAt"),
			SenderName: cell("senderName"), SenderPhone: cell("senderPhone"), SenderEmail: cell("senderEmail"),
			SenderAddress: cell("senderAddress"), Subject: cell("subject"), Body: cell("body"), Type: cell("type"),
			AgreePublish: Consent(cell("agreePublish")),
		}}
		if r.Input.ReceivedAt == "" && table.Column("receivedAt") >= 0 {
			r.Error = RowErrorf(r.Row, "缺少留言时间")
		} else if in, received, err := mailbox.ValidateInput(r.Input, now); err != nil {
			r.Error = RowErrorf(r.Row, "%s", core.ErrorMessage(err))
		} else {
			r.Input, r.Received = in, received
			r.Key = mailbox.DedupKey(in.SenderName, in.Body)
			r.Duplicate = seenText[r.Key] || (in.ExternalID != "" && seenExt[in.ExternalID])
			seenText[r.Key] = true
			if in.ExternalID != "" {
				seenExt[in.ExternalID] = true
			}
		}
		m.Rows = append(m.Rows, r)
	}
	m.summarise()
	return m, nil
}

// summarise fills the preview's rows, errors and duplicate count from the rows (again after MarkStored).
func (m *Messages) summarise() {
	p := &m.Preview
	p.Rows, p.Errors, p.Duplicates = []core.MessageImportRow{}, []string{}, 0
	for i, r := range m.Rows {
		if r.Error != "" {
			p.Errors = append(p.Errors, r.Error)
		}
		if r.Duplicate {
			p.Duplicates++
		}
		if i < messagePreviewRows {
			p.Rows = append(p.Rows, core.MessageImportRow{Row: r.Row, Input: r.Input, Duplicate: r.Duplicate, Error: r.Error})
		}
	}
}

// Stored takes the rows back from the store with those already stored marked, and updates the preview.
func (m *Messages) Stored(rows []core.ImportedMessage) {
	m.Rows = rows
	m.summarise()
}

// Err refuses the file when it cannot be mapped, has a row error or has no rows: an import is all or nothing.
func (m Messages) Err() error {
	name := m.Preview.FileName
	if m.Problem != "" {
		return &core.Error{Code: core.EIMPORT, Field: name, Message: m.Problem}
	}
	if len(m.Preview.Errors) > 0 {
		return Refusal(name, m.Preview.Errors, len(m.Preview.Errors), "留言")
	}
	if len(m.Rows) == 0 {
		return core.Errorf(core.EIMPORT, "%s中没有留言数据", name)
	}
	return nil
}

// Consent reads a consent cell: 是/同意/Y/1 mean yes, anything else no (publishing needs explicit consent).
func Consent(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "是", "同意", "同意公开", "公开", "y", "yes", "1", "true", "√":
		return true
	}
	return false
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
