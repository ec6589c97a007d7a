package sqlite

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"policydesk/internal/core"
)

// markStored marks the rows whose message is already stored (same external id, or same sender and text).
// It asks in chunks rather than row by row: a 10,000-row file would otherwise cost 20,000 queries.
func markStored(ctx context.Context, tx *Tx, rows []core.ImportedMessage) error {
	var ids, keys []string
	for _, r := range rows {
		if r.Error == "" && !r.Duplicate {
			if r.Input.ExternalID != "" {
				ids = append(ids, r.Input.ExternalID)
			}
			keys = append(keys, r.Key)
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
		if r.Error == "" && (storedIDs[r.Input.ExternalID] || storedKeys[r.Key]) {
			r.Duplicate = true
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
		stored, err := queryAll(ctx, tx, scanString, query+"(?"+strings.Repeat(", ?", n-1)+")", args...)
		if err != nil {
			return nil, err
		}
		for _, v := range stored {
			found[v] = true
		}
	}
	return found, nil
}

// MarkStored returns the rows with those whose message is already stored (same external id, or same
// sender and text) marked as duplicates; nothing is written.
func (s *MailboxStore) MarkStored(ctx context.Context, rows []core.ImportedMessage) ([]core.ImportedMessage, error) {
	out := slices.Clone(rows)
	err := s.db.read(ctx, func(tx *Tx) error { return markStored(ctx, tx, out) })
	return out, err
}

// ImportMessages stores the checked rows of a message file in one transaction; the caller has refused a file
// with any row error. Duplicates (in the file, or of a message stored meanwhile) are skipped and counted;
// each new message is routed on arrival by its match from matches (mailbox.StartMatching), which the caller
// starts before this transaction so that the write lock is held little longer than writing takes.
func (s *MailboxStore) ImportMessages(ctx context.Context, file core.ImportFile, rows []core.ImportedMessage, matches core.MatchStream) (core.MessageImportResult, error) {
	res, err := s.importMessages(ctx, file, slices.Clone(rows), matches)
	if err != nil && ctx.Err() != nil {
		// database/sql rolls a transaction back when its context ends; later calls then report the
		// transaction as done, which is the cancellation seen late.
		return core.MessageImportResult{}, ctx.Err()
	}
	return res, err
}

func (s *MailboxStore) importMessages(ctx context.Context, file core.ImportFile, rows []core.ImportedMessage, matches core.MatchStream) (core.MessageImportResult, error) {
	for _, r := range rows {
		if r.Error != "" {
			return core.MessageImportResult{}, core.Errorf(core.EIMPORT, "%s未导入：%s", file.Name, r.Error)
		}
	}
	return inWrite(ctx, s.db, func(tx *Tx) (core.MessageImportResult, error) {
		if err := markStored(ctx, tx, rows); err != nil {
			return core.MessageImportResult{}, err
		}
		res := core.MessageImportResult{Total: len(rows)}
		var err error
		res.BatchID, err = tx.insert(ctx, `INSERT INTO import_batches (kind, file_name, encoding, rows_total, created_at, created_by)
			VALUES ('messages', ?, ?, ?, ?, ?)`, file.Name, file.Encoding, len(rows), tx.Stamp(), tx.actorID())
		if err != nil {
			return res, err
		}
		rc, err := s.routing(ctx, tx)
		if err != nil {
			return res, err
		}
		for i, r := range rows {
			if r.Duplicate {
				res.Skipped++
				continue
			}
			match, err := matches.Result(ctx, i)
			if err != nil {
				return core.MessageImportResult{}, err
			}
			_, routed, err := tx.insertMessage(ctx, rc, newMessage{in: r.Input, received: r.Received, batchID: res.BatchID, match: match})
			if err != nil {
				return core.MessageImportResult{}, fmt.Errorf("第%d行: %w", r.Row, err)
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
			file.Name, res.Added, res.Skipped, res.Routed), nil); err != nil {
			return res, err
		}
		return res, nil
	})
}
