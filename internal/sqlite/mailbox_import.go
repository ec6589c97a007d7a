package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"policydesk/internal/core"
	"policydesk/internal/docimport"
	"policydesk/internal/mailbox"
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
	key       string // messageDedupKey of sender and text
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

// readRows turns table rows into message inputs, marking row errors and the rows that repeat an earlier
// row of the same file. It needs no database, so an import can check and start matching its rows before
// taking the write lock.
func readRows(table docimport.Table, fields []core.MessageImportField, now time.Time) []importRow {
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
		in, received, err := mailbox.ValidateInput(ir.in, now)
		if err != nil {
			ir.err = fmt.Sprintf("第%d行: %s", ir.row, core.ErrorMessage(err))
			out = append(out, ir)
			continue
		}
		ir.in, ir.received = in, received
		ir.key = mailbox.DedupKey(in.SenderName, in.Body)
		ir.duplicate = seenText[ir.key] || (in.ExternalID != "" && seenExt[in.ExternalID])
		seenText[ir.key] = true
		if in.ExternalID != "" {
			seenExt[in.ExternalID] = true
		}
		out = append(out, ir)
	}
	return out
}

// markStored marks the rows whose message is already stored (same external id, or same sender and text).
// It asks in chunks rather than row by row: a 10,000-row file would otherwise cost 20,000 queries.
func markStored(ctx context.Context, tx *Tx, rows []importRow) error {
	var ids, keys []string
	for _, r := range rows {
		if r.err == "" && !r.duplicate {
			if r.in.ExternalID != "" {
				ids = append(ids, r.in.ExternalID)
			}
			keys = append(keys, r.key)
		}
	}
	// The external_id terms repeat the partial index's condition, so the index serves the query.
	storedIDs, err := storedValues(ctx, tx, `SELECT external_id FROM messages WHERE external_id IS NOT NULL AND external_id <> '' AND external_id IN `, ids)
	if err != nil {
		return err
	}
	storedKeys, err := storedValues(ctx, tx, `SELECT dedup_key FROM messages WHERE dedup_key IN `, keys)
	if err != nil {
		return err
	}
	for i := range rows {
		r := &rows[i]
		if r.err == "" && (storedIDs[r.in.ExternalID] || storedKeys[r.key]) {
			r.duplicate = true
		}
	}
	return nil
}

// storedValues runs query (ending in "IN ") over values in chunks and returns the values it found.
func storedValues(ctx context.Context, tx *Tx, query string, values []string) (map[string]bool, error) {
	const chunk = 500
	found := map[string]bool{}
	for len(values) > 0 {
		n := min(chunk, len(values))
		args := make([]any, n)
		for i, v := range values[:n] {
			args[i] = v
		}
		values = values[n:]
		rows, err := tx.QueryContext(ctx, query+"(?"+strings.Repeat(", ?", n-1)+")", args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var v string
			if err := rows.Scan(&v); err != nil {
				rows.Close()
				return nil, err
			}
			found[v] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return found, nil
}

// matching matches an import's rows in the background on every core, in row order, so that storing the
// first messages overlaps with matching the rest: segmenting and scoring cost about as much as writing,
// and matchers are safe for concurrent use.
type matching struct {
	matcher core.TopicMatcher
	results []core.MatchResult
	done    []chan struct{} // done[i] is closed once results[i] is set
	stop    context.CancelFunc
	wg      sync.WaitGroup
}

// startMatching starts matching the rows that will be inserted; call close when done with it. The texts
// are taken before it returns, so the caller may go on marking rows while the matching runs.
func startMatching(ctx context.Context, m core.TopicMatcher, rows []importRow) *matching {
	ctx, stop := context.WithCancel(ctx)
	mt := &matching{matcher: m, results: make([]core.MatchResult, len(rows)), done: make([]chan struct{}, len(rows)), stop: stop}
	if m == nil {
		return mt
	}
	var todo []int
	texts := make([]string, len(rows))
	for i, r := range rows {
		mt.done[i] = make(chan struct{})
		if r.err == "" && !r.duplicate {
			todo, texts[i] = append(todo, i), matchText(r.in)
		}
	}
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		mt.wg.Add(1)
		go func() {
			defer mt.wg.Done()
			for i := range next {
				mt.results[i] = m.Match(texts[i])
				close(mt.done[i])
			}
		}()
	}
	mt.wg.Add(1)
	go func() {
		defer mt.wg.Done()
		defer close(next)
		for _, i := range todo {
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	return mt
}

// result waits for row i's match; nil without a matcher.
func (mt *matching) result(ctx context.Context, i int) (*core.MatchResult, error) {
	if mt.matcher == nil {
		return nil, nil
	}
	select {
	case <-mt.done[i]:
		return &mt.results[i], nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// close stops the matching and waits for its goroutines.
func (mt *matching) close() {
	mt.stop()
	mt.wg.Wait()
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
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return p, err
	}
	defer tx.Rollback() // a preview never writes
	rows := readRows(table, fields, tx.Now())
	if err := markStored(ctx, tx, rows); err != nil {
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
// Matching starts before the write transaction and runs beside it, so the write lock is held little
// longer than writing takes.
func (s *MailboxStore) ApplyImport(ctx context.Context, name string, data []byte, columns map[string]int) (core.MessageImportResult, error) {
	res, err := s.applyImport(ctx, name, data, columns)
	if err != nil && ctx.Err() != nil {
		// database/sql rolls a transaction back when its context ends; later calls then report the
		// transaction as done, which is the cancellation seen late.
		return core.MessageImportResult{}, ctx.Err()
	}
	return res, err
}

func (s *MailboxStore) applyImport(ctx context.Context, name string, data []byte, columns map[string]int) (core.MessageImportResult, error) {
	table, fields, err := readMessageTable(name, data, columns)
	if err != nil {
		return core.MessageImportResult{}, err
	}
	rows := readRows(table, fields, s.db.Clock.Now().In(core.Shanghai))
	if err := rowProblems(name, rows); err != nil {
		return core.MessageImportResult{}, err
	}
	matches := startMatching(ctx, s.Matcher(), rows)
	defer matches.close()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return core.MessageImportResult{}, err
	}
	defer tx.Rollback()
	if err := markStored(ctx, tx, rows); err != nil {
		return core.MessageImportResult{}, err
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
	for i, r := range rows {
		if r.duplicate {
			res.Skipped++
			continue
		}
		match, err := matches.result(ctx, i)
		if err != nil {
			return core.MessageImportResult{}, err
		}
		_, routed, err := tx.insertMessage(ctx, rc, newMessage{in: r.in, received: r.received, batchID: res.BatchID, match: match})
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
	if err := ctx.Err(); err != nil {
		return core.MessageImportResult{}, err
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

// rowProblems refuses a file with row errors (naming the first five) or without rows: an import is all or nothing.
func rowProblems(name string, rows []importRow) error {
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
		return &core.Error{Code: core.EIMPORT, Field: name,
			Message: fmt.Sprintf("%s未导入：%s%s。请修改文件后重新导入。", name, strings.Join(problems, "；"), more)}
	}
	if len(rows) == 0 {
		return core.Errorf(core.EIMPORT, "%s中没有留言数据", name)
	}
	return nil
}
