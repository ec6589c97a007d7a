package sqlite

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"policydesk/internal/core"
	"policydesk/internal/docimport"
)

// MessageImportFields are the columns of a website's message export as offices receive them.
func MessageImportFields() []docimport.FieldSpec {
	return []docimport.FieldSpec{
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

// previewRows is how many rows the import preview shows.
const previewRows = 20

// importRow is one table row read as a message.
type importRow struct {
	row       int
	in        core.MessageInput
	received  time.Time
	err       string
	duplicate bool
}

// readMessageTable reads a file and resolves its columns: the caller's choice where given (-1 = none),
// the suggested mapping otherwise.
func readMessageTable(name string, data []byte, columns map[string]int) (docimport.Table, []core.MessageImportField, error) {
	table, err := docimport.ReadTable(name, data)
	if err != nil {
		return table, nil, err
	}
	specs := MessageImportFields()
	mapping := docimport.MapColumns(table.Headers, specs)
	var fields []core.MessageImportField
	var missing []string
	for _, f := range specs {
		col, ok := mapping.Columns[f.Key]
		if !ok {
			col = -1
		}
		if c, chosen := columns[f.Key]; chosen {
			col = c
		}
		if col >= len(table.Headers) || col < -1 {
			return table, nil, core.Errorf(core.EIMPORT, "%s：“%s”所选的列不存在", name, f.Label)
		}
		if f.Required && col < 0 {
			missing = append(missing, f.Label)
		}
		fields = append(fields, core.MessageImportField{Key: f.Key, Label: f.Label, Required: f.Required, Column: col})
	}
	if len(missing) > 0 {
		return table, fields, &core.Error{Code: core.EIMPORT, Field: name, Message: fmt.Sprintf("%s：找不到“%s”列，请指定对应的列", name, strings.Join(missing, "”“"))}
	}
	return table, fields, nil
}

// importRows turns table rows into message inputs, marking row errors and duplicates (of stored messages
// or of earlier rows of the same file).
func importRows(ctx context.Context, tx *Tx, table docimport.Table, fields []core.MessageImportField) ([]importRow, error) {
	col := map[string]int{}
	for _, f := range fields {
		col[f.Key] = f.Column
	}
	cell := func(r []string, key string) string {
		if c := col[key]; c >= 0 && c < len(r) {
			return strings.TrimSpace(r[c])
		}
		return ""
	}
	seenExt, seenText := map[string]bool{}, map[string]bool{}
	out := make([]importRow, 0, len(table.Rows))
	for i, r := range table.Rows {
		ir := importRow{row: table.RowNumbers[i]}
		ir.in = core.MessageInput{
			ExternalID: cell(r, "externalId"), Channel: cell(r, "channel"), ReceivedAt: cell(r, "receivedAt"),
			SenderName: cell(r, "senderName"), SenderPhone: cell(r, "senderPhone"), SenderEmail: cell(r, "senderEmail"),
			SenderAddress: cell(r, "senderAddress"), Subject: cell(r, "subject"), Body: cell(r, "body"), Type: cell(r, "type"),
			AgreePublish: yes(cell(r, "agreePublish")),
		}
		if ir.in.ReceivedAt == "" && col["receivedAt"] >= 0 {
			ir.err = fmt.Sprintf("第%d行: 缺少留言时间", ir.row)
			out = append(out, ir)
			continue
		}
		in, received, err := validateMessageInput(ir.in, tx.Now())
		if err != nil {
			ir.err = fmt.Sprintf("第%d行: %s", ir.row, core.ErrorMessage(err))
			out = append(out, ir)
			continue
		}
		ir.in, ir.received = in, received
		key := messageDedupKey(in.SenderName, in.Body)
		dup := seenText[key] || (in.ExternalID != "" && seenExt[in.ExternalID])
		if !dup {
			if dup, err = isDuplicateMessage(ctx, tx, in); err != nil {
				return nil, err
			}
		}
		ir.duplicate = dup
		seenText[key] = true
		if in.ExternalID != "" {
			seenExt[in.ExternalID] = true
		}
		out = append(out, ir)
	}
	return out, nil
}

// matchAll matches the new rows on every core at once: segmenting and scoring dominate a large import, and
// matchers are safe for concurrent use. Duplicates, which are not inserted, get no match.
func matchAll(ctx context.Context, m core.TopicMatcher, rows []importRow) ([]*core.MatchResult, error) {
	out := make([]*core.MatchResult, len(rows))
	if m == nil {
		return out, nil
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				res := m.Match(matchText(rows[i].in))
				out[i] = &res
			}
		}()
	}
	for i, r := range rows {
		if r.duplicate {
			continue
		}
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return out, ctx.Err()
}

// yes reads a consent cell: 是/同意/Y/1 mean yes, anything else no (publishing needs explicit consent).
func yes(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "是", "同意", "同意公开", "公开", "y", "yes", "1", "true", "√":
		return true
	}
	return false
}

// PreviewImport shows what importing a file would do; nothing is written. columns overrides the suggested
// mapping (field key → column index, -1 for none); nil takes the suggestion.
func (s *MailboxStore) PreviewImport(ctx context.Context, name string, data []byte, columns map[string]int) (core.MessageImportPreview, error) {
	table, fields, err := readMessageTable(name, data, columns)
	p := core.MessageImportPreview{FileName: name, Encoding: table.Encoding, Sheet: table.Sheet, Headers: table.Headers,
		Fields: fields, Rows: []core.MessageImportRow{}, Errors: []string{}, Warnings: table.Warnings, Total: len(table.Rows)}
	if p.Headers == nil {
		p.Headers = []string{}
	}
	if p.Warnings == nil {
		p.Warnings = []string{}
	}
	if err != nil {
		return p, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return p, err
	}
	defer tx.Rollback() // a preview never writes
	rows, err := importRows(ctx, tx, table, fields)
	if err != nil {
		return p, err
	}
	for i, r := range rows {
		if r.err != "" {
			p.Errors = append(p.Errors, r.err)
		}
		if r.duplicate {
			p.Duplicates++
		}
		if i < previewRows {
			p.Rows = append(p.Rows, core.MessageImportRow{Row: r.row, Input: r.in, Duplicate: r.duplicate, Error: r.err})
		}
	}
	return p, nil
}

// ApplyImport imports a file in one transaction: every row is checked first and any row error imports
// nothing; duplicates are skipped and counted; each new message is matched and routed on arrival.
func (s *MailboxStore) ApplyImport(ctx context.Context, name string, data []byte, columns map[string]int) (core.MessageImportResult, error) {
	table, fields, err := readMessageTable(name, data, columns)
	if err != nil {
		return core.MessageImportResult{}, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return core.MessageImportResult{}, err
	}
	defer tx.Rollback()
	rows, err := importRows(ctx, tx, table, fields)
	if err != nil {
		return core.MessageImportResult{}, err
	}
	var problems []string
	for _, r := range rows {
		if r.err != "" {
			problems = append(problems, r.err)
		}
	}
	if len(problems) > 0 {
		more := ""
		if len(problems) > 5 {
			problems, more = problems[:5], fmt.Sprintf("等%d处错误", len(problems))
		}
		return core.MessageImportResult{}, &core.Error{Code: core.EIMPORT, Field: name,
			Message: fmt.Sprintf("%s未导入：%s%s。请修改文件后重新导入。", name, strings.Join(problems, "；"), more)}
	}
	if len(rows) == 0 {
		return core.MessageImportResult{}, core.Errorf(core.EIMPORT, "%s中没有留言数据", name)
	}
	res := core.MessageImportResult{Total: len(rows)}
	batch, err := tx.ExecContext(ctx, `INSERT INTO import_batches (kind, file_name, encoding, rows_total, created_at, created_by)
		VALUES ('messages', ?, ?, ?, ?, ?)`, name, table.Encoding, len(rows), tx.Stamp(), tx.actorID())
	if err != nil {
		return res, err
	}
	if res.BatchID, err = batch.LastInsertId(); err != nil {
		return res, err
	}
	rc, err := s.routing(ctx, tx)
	if err != nil {
		return res, err
	}
	matches, err := matchAll(ctx, rc.matcher, rows)
	if err != nil {
		return core.MessageImportResult{}, err
	}
	for i, r := range rows {
		if err := ctx.Err(); err != nil {
			return core.MessageImportResult{}, err
		}
		if r.duplicate {
			res.Skipped++
			continue
		}
		_, routed, err := tx.insertMessage(ctx, rc, newMessage{in: r.in, received: r.received, batchID: res.BatchID, match: matches[i]})
		if err != nil {
			return core.MessageImportResult{}, fmt.Errorf("第%d行: %w", r.row, err)
		}
		res.Added++
		if routed {
			res.Routed++
		} else {
			res.Pending++
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE import_batches SET rows_added = ?, rows_skipped = ? WHERE id = ?`, res.Added, res.Skipped, res.BatchID); err != nil {
		return res, err
	}
	// One audit entry for the batch: the messages carry batch_id, so each is traceable to it.
	if err := tx.audit("import", "import_batch", res.BatchID, fmt.Sprintf("导入留言 %s：新增%d条，跳过重复%d条，自动分办%d条",
		name, res.Added, res.Skipped, res.Routed), nil); err != nil {
		return res, err
	}
	return res, tx.Commit()
}
