package sqlite

import (
	"context"
	"fmt"
	"time"

	"policydesk/internal/core"
)

// KnownMigrations are the migrations this build applies to db (SQLite's or PostgreSQL's).
func (db *DB) KnownMigrations() ([]Migration, error) { return db.migrations() }

// ObserveWrites has observe told how long each write transaction of db holds the write turn; set it before
// the writes it should see.
func ObserveWrites(db *DB, observe func(time.Duration)) { db.heldWrite = observe }

// SeedTestConsultation creates the policy and consultation (id 1) that ImportTestComments writes into.
func SeedTestConsultation(ctx context.Context, db *DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`INSERT INTO policies (id, title, category, section_id, disclosure, disclosure_basis, created_at, updated_at)
		VALUES (1, '临江市城市更新实施办法(征求意见稿)', '规范性文件', (SELECT MIN(id) FROM sections), '主动公开', '《政府信息公开条例》第十九条', ?, ?)`, tx.Stamp(), tx.Stamp()); err != nil {
		return err
	}
	if _, err := tx.Exec(`INSERT INTO consultations (id, policy_id, open_date, close_date, created_at, updated_at)
		VALUES (1, 1, '2026-11-02', '2026-12-02', ?, ?)`, tx.Stamp(), tx.Stamp()); err != nil {
		return err
	}
	return tx.Commit()
}

// ImportTestComments imports n comments in one transaction, the way a comment import applies: the batch
// record, every row, and the audit entry commit together or not at all.
func ImportTestComments(ctx context.Context, db *DB, consultationID int64, n int, file string) (int64, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	res, err := tx.Exec(`INSERT INTO import_batches (kind, file_name, rows_total, rows_added, created_at) VALUES ('comments', ?, ?, ?, ?)`,
		file, n, n, tx.Stamp())
	if err != nil {
		return 0, err
	}
	batch, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	stmt, err := tx.Prepare(`INSERT INTO comments (consultation_id, received_date, channel, commenter, category, body, batch_id, source_row, created_at, updated_at)
		VALUES (?, '2026-11-10', '网站', ?, '自然人', ?, ?, ?, ?, ?)`)
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	for i := 0; i < n; i++ {
		if _, err := stmt.Exec(consultationID, fmt.Sprintf("市民%d", i), fmt.Sprintf("建议第%d条增加老旧小区加装电梯的资金补助标准。", i%40+1), batch, i+2, tx.Stamp(), tx.Stamp()); err != nil {
			return 0, err
		}
	}
	if err := tx.audit("import", "comment_batch", batch, "导入意见 "+file, []Change{{Field: "rows", New: n}}); err != nil {
		return 0, err
	}
	return batch, tx.Commit()
}

// SetFewMatches changes how many search matches the inbox looks up one by one, so that a small fixture takes
// the paths of a large inbox (0: never look up, test every row; common words then go through the messages
// they do not match). It returns the function that restores the default.
func SetFewMatches(n int) (restore func()) {
	old := fewMatches
	fewMatches = n
	return func() { fewMatches = old }
}

// InboxOrder is the ORDER BY clause of an inbox sort, for the tests that check which index serves it.
func InboxOrder(sort string) string { return inboxOrders[sort] }

// SetListedMatches changes which kept searches pass their ids on PostgreSQL although more than fewMatches (at
// most n matches, while matches² ≤ factor × messages), returning the function that restores both.
func SetListedMatches(n, factor int) (restore func()) {
	oldN, oldFactor := listedMatches, listedFactor
	listedMatches, listedFactor = n, factor
	return func() { listedMatches, listedFactor = oldN, oldFactor }
}

// SearchPlan is how the inbox would use a text's matches now: looked up from a list of ids (ids), tested
// against the text index (index), or against the list of the messages it misses (except).
func SearchPlan(s *MailboxStore, text string) (ids, index, except bool, err error) {
	err = s.db.read(context.Background(), func(tx *Tx) error {
		ts, err := s.planSearch(context.Background(), tx, text)
		ids, except = ts.ids != "", ts.except
		index = ts.query != "" && !ids && !except
		return err
	})
	return ids, index, except, err
}

// InboxPageIDs is the statement that reads the ids of a filter's page (no text search), with its arguments, as
// of today: for the tests that check which index serves it. The filter is checked and completed as Messages
// does.
func InboxPageIDs(s *MailboxStore, f core.MessageFilter, today time.Time) (string, []any, error) {
	f, err := s.db.rules.Mailbox.CheckFilter(f)
	if err != nil {
		return "", nil, err
	}
	return pageIDs(f, s.cal(), today, textSearch{})
}

// CountsRead is how many times the inbox's counts were read from the database rather than from memory.
func CountsRead(s *MailboxStore) int64 { return s.countsRead.Load() }
