package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"policydesk/internal/core"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// Moving up: a SQLite database's records are copied into an empty PostgreSQL one of the same schema version,
// table by table in one transaction (all or nothing), with PostgreSQL's COPY and the target's triggers off.
// What the target derives itself is computed once the rows are in: the message counts by state and the inbox's
// text index; the change feed starts empty; sign-ins and server events are not carried over.

// copySkipped are the tables the copy leaves out, with why.
var copySkipped = map[string]string{
	"schema_version":       "each database records its own migrations",
	"messages_fts":         "the text index is computed from the messages",
	"message_state_counts": "counted from the copied messages",
	"message_changes":      "the change feed of the source's readers",
	"inbox_revision":       "the target keeps its own (migration 0032)",
	"sessions":             "people sign in again on the server",
	"server_events":        "events of the processes of the past",
}

// TargetIsEmpty reports whether the PostgreSQL database dsn holds no PolicyDesk records yet (no tables, or the
// schema alone): the only kind a copy may go into.
func TargetIsEmpty(ctx context.Context, dsn string) (bool, error) {
	conn, err := sql.Open("pgx", dsn)
	if err != nil {
		return false, err
	}
	defer conn.Close()
	var tables int
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'`).Scan(&tables); err != nil {
		return false, fmt.Errorf("无法连接 PostgreSQL 数据库 %s：%w", core.RedactDSN(dsn), err)
	}
	if tables == 0 {
		return true, nil
	}
	var rows int64
	err = conn.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM people) + (SELECT count(*) FROM settings)`).Scan(&rows)
	if err != nil {
		return false, nil // tables of something else
	}
	return rows == 0, nil
}

// CopyInto copies every record of from (SQLite) into to (PostgreSQL, opened, migrated and empty) and returns
// each copied table with its row count, which it has checked on both sides.
func CopyInto(ctx context.Context, from, to *DB) ([]core.TableCount, error) {
	if from.IsPostgres() || !to.IsPostgres() {
		return nil, fmt.Errorf("copy: from SQLite to PostgreSQL only")
	}
	fv, err := from.SchemaVersion(ctx)
	if err != nil {
		return nil, err
	}
	tv, err := to.SchemaVersion(ctx)
	if err != nil {
		return nil, err
	}
	if fv != tv {
		return nil, fmt.Errorf("copy: schema versions differ (%d, %d)", fv, tv)
	}
	tables, err := copyOrder(ctx, to)
	if err != nil {
		return nil, err
	}
	conn, err := to.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	var counts []core.TableCount
	err = conn.Raw(func(dc any) error {
		pg := dc.(*stdlib.Conn).Conn()
		tx, err := pg.Begin(ctx)
		if err != nil {
			return err
		}
		defer tx.Rollback(ctx)
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(writeLockKey)); err != nil {
			return err
		}
		// Some references go both ways (a section's head is a person of a section): within this transaction the
		// foreign keys are checked once everything is in, then made immediate again.
		fks, err := foreignKeys(ctx, tx)
		if err != nil {
			return err
		}
		if err := alterForeignKeys(ctx, tx, fks, "DEFERRABLE INITIALLY DEFERRED"); err != nil {
			return err
		}
		// The rows arrive with what the source's triggers made of them (a group's member count, say): the
		// target's own triggers stay off while they are copied, and what they keep is computed once afterwards.
		if err := alterTriggers(ctx, tx, tables, "DISABLE"); err != nil {
			return err
		}
		for _, t := range tables {
			n, err := copyTable(ctx, from, tx, t)
			if err != nil {
				return fmt.Errorf("复制表 %s 失败：%w", t.name, err)
			}
			counts = append(counts, core.TableCount{Table: t.name, Rows: n})
		}
		if err := fillTextIndex(ctx, from, tx); err != nil {
			return fmt.Errorf("建立留言全文索引失败：%w", err)
		}
		if _, err := tx.Exec(ctx, `SET CONSTRAINTS ALL IMMEDIATE`); err != nil {
			return fmt.Errorf("复制后的记录之间的引用不一致：%w", err)
		}
		if err := alterTriggers(ctx, tx, tables, "ENABLE"); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO message_state_counts (state, n) SELECT state, count(*) FROM messages GROUP BY state`); err != nil {
			return fmt.Errorf("留言状态计数：%w", err)
		}
		if err := alterForeignKeys(ctx, tx, fks, "NOT DEFERRABLE"); err != nil {
			return err
		}
		// Identities go on after the copied rows.
		for _, t := range tables {
			if !slices.Contains(t.columns, "id") {
				continue
			}
			if _, err := tx.Exec(ctx, `SELECT setval(pg_get_serial_sequence($1, 'id'), GREATEST((SELECT MAX(id) FROM `+
				pgx.Identifier{t.name}.Sanitize()+`), 1)) WHERE pg_get_serial_sequence($1, 'id') IS NOT NULL`, t.name); err != nil {
				return fmt.Errorf("identity of %s: %w", t.name, err)
			}
		}
		for i, c := range counts {
			var got int64
			if err := tx.QueryRow(ctx, `SELECT count(*) FROM `+pgx.Identifier{c.Table}.Sanitize()).Scan(&got); err != nil {
				return err
			}
			if got != c.Rows {
				return fmt.Errorf("表 %s 复制后有 %d 行，原有 %d 行", c.Table, got, c.Rows)
			}
			counts[i].Rows = got
		}
		return tx.Commit(ctx)
	})
	if err != nil {
		return nil, err
	}
	to.restores.Add(1) // the target's data was replaced wholesale: what its stores kept in memory is void
	return counts, to.resetAuditHead()
}

// foreignKey is a foreign key constraint of a table.
type foreignKey struct{ table, name string }

func foreignKeys(ctx context.Context, tx pgx.Tx) ([]foreignKey, error) {
	rows, err := tx.Query(ctx, `SELECT c.conrelid::regclass::text, c.conname FROM pg_constraint c
		JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = 'public' ORDER BY 1, 2`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (foreignKey, error) {
		var fk foreignKey
		err := r.Scan(&fk.table, &fk.name)
		return fk, err
	})
}

func alterForeignKeys(ctx context.Context, tx pgx.Tx, fks []foreignKey, how string) error {
	for _, fk := range fks {
		if _, err := tx.Exec(ctx, `ALTER TABLE `+pgx.Identifier{fk.table}.Sanitize()+` ALTER CONSTRAINT `+
			pgx.Identifier{fk.name}.Sanitize()+` `+how); err != nil {
			return fmt.Errorf("foreign key %s.%s: %w", fk.table, fk.name, err)
		}
	}
	return nil
}

func alterTriggers(ctx context.Context, tx pgx.Tx, tables []copyTableInfo, how string) error {
	for _, t := range tables {
		if _, err := tx.Exec(ctx, `ALTER TABLE `+pgx.Identifier{t.name}.Sanitize()+` `+how+` TRIGGER USER`); err != nil {
			return fmt.Errorf("triggers of %s: %w", t.name, err)
		}
	}
	return nil
}

type copyTableInfo struct {
	name    string
	columns []string
}

// copyOrder lists the target's tables to copy, each after the tables its foreign keys point to.
func copyOrder(ctx context.Context, to *DB) ([]copyTableInfo, error) {
	names, err := queryAll(ctx, to.db, scanString, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`)
	if err != nil {
		return nil, err
	}
	deps := map[string][]string{}
	rows, err := to.db.QueryContext(ctx, `SELECT c.conrelid::regclass::text, c.confrelid::regclass::text FROM pg_constraint c
		JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = 'public'`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var t, ref string
		if err := rows.Scan(&t, &ref); err != nil {
			rows.Close()
			return nil, err
		}
		if t != ref {
			deps[t] = append(deps[t], ref)
		}
	}
	rows.Close()
	var out []copyTableInfo
	done := map[string]bool{}
	var visit func(string) error
	visit = func(t string) error {
		if done[t] {
			return nil
		}
		done[t] = true
		for _, d := range deps[t] {
			if err := visit(d); err != nil {
				return err
			}
		}
		if _, skip := copySkipped[t]; skip {
			return nil
		}
		cols, err := queryAll(ctx, to.db, scanString, `SELECT column_name FROM information_schema.columns
			WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position`, t)
		if err != nil {
			return err
		}
		out = append(out, copyTableInfo{name: t, columns: cols})
		return nil
	}
	for _, t := range names {
		if err := visit(t); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// copyTable streams one table from the SQLite database into the transaction with COPY.
func copyTable(ctx context.Context, from *DB, tx pgx.Tx, t copyTableInfo) (int64, error) {
	quoted := make([]string, len(t.columns))
	for i, c := range t.columns {
		quoted[i] = `"` + c + `"`
	}
	order := "rowid"
	if slices.Contains(t.columns, "id") {
		order = "id"
	}
	rows, err := from.db.QueryContext(ctx, `SELECT `+strings.Join(quoted, ", ")+` FROM "`+t.name+`" ORDER BY `+order)
	if err != nil {
		return 0, fmt.Errorf("读取本机数据库：%w", err)
	}
	defer rows.Close()
	vals := make([]any, len(t.columns))
	ptrs := make([]any, len(t.columns))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	n, err := tx.CopyFrom(ctx, pgx.Identifier{t.name}, t.columns, pgx.CopyFromFunc(func() ([]any, error) {
		if !rows.Next() {
			return nil, rows.Err()
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		return vals, nil
	}))
	if err != nil {
		return n, err
	}
	return n, rows.Err()
}

// fillTextIndex computes the inbox's text index for every copied message, reading the messages from the
// source as it goes.
func fillTextIndex(ctx context.Context, from *DB, tx pgx.Tx) error {
	rows, err := from.db.QueryContext(ctx, `SELECT id, subject, body FROM messages ORDER BY id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	_, err = tx.CopyFrom(ctx, pgx.Identifier{"messages_fts"}, []string{"rowid", "grams", "terms"}, pgx.CopyFromFunc(func() ([]any, error) {
		if !rows.Next() {
			return nil, rows.Err()
		}
		var id int64
		var subject, body string
		if err := rows.Scan(&id, &subject, &body); err != nil {
			return nil, err
		}
		grams := IndexGrams(subject + "\n" + body)
		return []any{id, grams, IndexTerms(grams)}, nil
	}))
	return err
}
