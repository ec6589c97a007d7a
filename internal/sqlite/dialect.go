package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"sync"

	"policydesk/internal/core"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// The store is written once, in SQL both databases understand (TEXT dates, ? placeholders, ON CONFLICT,
// LIMIT/OFFSET); where SQLite and PostgreSQL differ, the store asks its dialect. SQLite is the embedded default
// for a desk and a bureau's own server; PostgreSQL is for deployments that outgrow one machine.

// dialect is the SQL flavour of the database behind a DB.
type dialect int

const (
	dialectSQLite dialect = iota
	dialectPostgres
)

// writeLockKey is the one advisory lock every PostgreSQL write transaction takes first: with several server
// processes on one database there is still one writer at a time, so the audit chain never forks.
const writeLockKey = 0x506f6c6963794465 // "PolicyDe"

// migrateLockKey is held while a PostgreSQL database is migrated, so servers starting at once migrate once.
const migrateLockKey = writeLockKey + 1

// IsPostgres reports whether the database is PostgreSQL.
func (db *DB) IsPostgres() bool { return db.dialect == dialectPostgres }

// errSQLiteOnly refuses, on PostgreSQL, a feature that exists only on SQLite so far.
func errSQLiteOnly(feature string) error {
	return core.Errorf(core.EINVALID, "使用 PostgreSQL 数据库时暂不支持%s", feature)
}

// rebound caches each statement's PostgreSQL text: the store's statements are constants, so each is rewritten once.
var rebound sync.Map // string → string

// rebind rewrites a statement for PostgreSQL: the few SQLite idioms the store uses become their PostgreSQL
// forms, and the ? placeholders become $1, $2, … (SQLite's ?NNN becomes $NNN, and ?^ repeats the ? before),
// leaving string literals, quoted names and comments alone.
func rebind(query string) string {
	if v, ok := rebound.Load(query); ok {
		return v.(string)
	}
	out := rebindText(postgresIdioms.Replace(query))
	rebound.Store(query, out)
	return out
}

// postgresIdioms are the SQLite forms in the store's statements with their PostgreSQL equivalents.
var postgresIdioms = strings.NewReplacer(
	// A JSON array of ids given as one argument.
	"SELECT value FROM json_each(?)", "SELECT value::bigint FROM json_array_elements_text(?::json) AS j(value)",
	// A comment's clause paths, a JSON array of text.
	"json_each(m.clause_paths) j", "json_array_elements_text(m.clause_paths::json) AS j(value)",
	// SQLite's IS compares with NULL as a value.
	"IS NOT ?", "IS DISTINCT FROM ?",
	// SQLite's unary + keeps the planner off an index; PostgreSQL plans without it.
	"+m.id IN", "m.id IN",
	"GROUP BY +m.state", "GROUP BY m.state",
	// The inbox's text index: FTS5 on SQLite; on PostgreSQL (migrations_postgres 0030, 0031) a GIN index of each
	// message's terms (IndexTerms) finds the messages holding every term the query needs, which is matching for
	// words of up to three characters; fts_match checks the candidates of longer words. The connection plans
	// each statement with its arguments (plan_cache_mode), so fts_exact is decided once per query, not per
	// message. ?^ is the same argument as the ? before it.
	"messages_fts MATCH ?", "(terms @> fts_terms(?) AND (fts_exact(?^) OR fts_match(grams, ?^)))",
	// A person's search: SQLite's LIKE ignores the case of Latin letters (文号 such as "GH-2026"), PostgreSQL's
	// ILIKE does.
	"LIKE ? ESCAPE", "ILIKE ? ESCAPE",
	// A newline in text built by a statement.
	"char(10)", "chr(10)",
	// Text joined across a group's rows, with the separator given.
	"group_concat(", "string_agg(",
)

func rebindText(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'' || c == '"':
			// A quoted literal or name runs to its closing quote; a doubled quote is an escaped one.
			j := i + 1
			for j < len(q) {
				if q[j] == c {
					if j+1 < len(q) && q[j+1] == c {
						j += 2
						continue
					}
					break
				}
				j++
			}
			end := min(j+1, len(q))
			b.WriteString(q[i:end])
			i = end - 1
		case c == '-' && i+1 < len(q) && q[i+1] == '-':
			j := strings.IndexByte(q[i:], '\n')
			if j < 0 {
				j = len(q) - i
			}
			b.WriteString(q[i : i+j])
			i += j - 1
		case c == '/' && i+1 < len(q) && q[i+1] == '*':
			j := strings.Index(q[i+2:], "*/")
			end := len(q)
			if j >= 0 {
				end = i + 2 + j + 2
			}
			b.WriteString(q[i:end])
			i = end - 1
		case c == '?' && i+1 < len(q) && q[i+1] == '^':
			// the argument of the ? before, once more
			b.WriteString("$" + strconv.Itoa(n))
			i++
		case c == '?':
			j := i + 1
			for j < len(q) && q[j] >= '0' && q[j] <= '9' {
				j++
			}
			b.WriteByte('$')
			if j > i+1 {
				b.WriteString(q[i+1 : j])
			} else {
				n++
				b.WriteString(strconv.Itoa(n))
			}
			i = j - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// pgArgs writes Go bools as 0/1: the schema keeps SQLite's INTEGER flags on PostgreSQL too, so scans into bool
// keep working. args is copied only when it holds a bool.
func pgArgs(args []any) []any {
	for i, a := range args {
		if _, ok := a.(bool); ok {
			out := append([]any(nil), args...)
			for j := i; j < len(out); j++ {
				if v, ok := out[j].(bool); ok {
					out[j] = boolInt(v)
				}
			}
			return out
		}
	}
	return args
}

func boolInt(v bool) int64 {
	if v {
		return 1
	}
	return 0
}

// Handle is the database handle: database/sql's, speaking the database's dialect. On SQLite it passes every
// statement through unchanged.
type Handle struct {
	*sql.DB
	pg bool
}

// Rebind is query as the database takes it, for statements run on a *sql.Tx or *sql.Stmt of the handle's
// (which pass through unchanged).
func (h *Handle) Rebind(query string) string {
	if h.pg {
		return rebind(query)
	}
	return query
}

func (h *Handle) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if h.pg {
		query, args = rebind(query), pgArgs(args)
	}
	return h.DB.ExecContext(ctx, query, args...)
}

func (h *Handle) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if h.pg {
		query, args = rebind(query), pgArgs(args)
	}
	return h.DB.QueryContext(ctx, query, args...)
}

func (h *Handle) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if h.pg {
		query, args = rebind(query), pgArgs(args)
	}
	return h.DB.QueryRowContext(ctx, query, args...)
}

func (h *Handle) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	if h.pg {
		query = rebind(query)
	}
	return h.DB.PrepareContext(ctx, query)
}

func (h *Handle) Exec(query string, args ...any) (sql.Result, error) {
	return h.ExecContext(context.Background(), query, args...)
}

func (h *Handle) Query(query string, args ...any) (*sql.Rows, error) {
	return h.QueryContext(context.Background(), query, args...)
}

func (h *Handle) QueryRow(query string, args ...any) *sql.Row {
	return h.QueryRowContext(context.Background(), query, args...)
}

// The transaction's statements go through the same rewriting, so no call site knows the dialect.

func (tx *Tx) pg() bool { return tx.db.dialect == dialectPostgres }

func (tx *Tx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if tx.pg() {
		query, args = rebind(query), pgArgs(args)
	}
	return tx.Tx.ExecContext(ctx, query, args...)
}

func (tx *Tx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if tx.pg() {
		query, args = rebind(query), pgArgs(args)
	}
	return tx.Tx.QueryContext(ctx, query, args...)
}

func (tx *Tx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if tx.pg() {
		query, args = rebind(query), pgArgs(args)
	}
	return tx.Tx.QueryRowContext(ctx, query, args...)
}

func (tx *Tx) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	if tx.pg() {
		query = rebind(query)
	}
	return tx.Tx.PrepareContext(ctx, query)
}

func (tx *Tx) Exec(query string, args ...any) (sql.Result, error) {
	return tx.ExecContext(context.Background(), query, args...)
}

func (tx *Tx) Query(query string, args ...any) (*sql.Rows, error) {
	return tx.QueryContext(context.Background(), query, args...)
}

func (tx *Tx) QueryRow(query string, args ...any) *sql.Row {
	return tx.QueryRowContext(context.Background(), query, args...)
}

func (tx *Tx) Prepare(query string) (*sql.Stmt, error) {
	return tx.PrepareContext(context.Background(), query)
}

// pgCode is the SQLSTATE of a PostgreSQL error, "" for any other error.
func pgCode(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}
