// Package sqlite stores PolicyDesk's records in an embedded SQLite database (modernc.org/sqlite, pure Go).
//
// Every exported service method opens a transaction, passes it to unexported helpers and commits once;
// the transaction carries "now" (from the injectable clock) and the person acting, so every write is stamped
// and audited the same way.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"policydesk/internal/core"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// postgresMigrationFS holds PostgreSQL's migrations: a baseline at SQLite's version 27, then the same numbers.
//
//go:embed migrations_postgres/*.sql
var postgresMigrationFS embed.FS

// TimeLayout is how timestamps are written: RFC 3339 in China time, so they sort as text.
const TimeLayout = core.TimeLayout

// postgresMaxConns bounds one server process's connections to PostgreSQL (besides the event listener's and
// the leader lock's).
const postgresMaxConns = 20

// DB is PolicyDesk's database.
type DB struct {
	db      *Handle
	dialect dialect
	// Path is the SQLite file, or a postgres:// DSN.
	Path string
	// DataDir holds the audit key and the audit chain's head file; "" means Path's folder (SQLite only:
	// a PostgreSQL database must be given one).
	DataDir string
	Clock   core.Clock
	// BackupDir, when set, receives a backup of an existing database before any migration changes it.
	BackupDir string
	// MigrationFS holds the numbered migration files under migrations/; nil means the embedded ones.
	MigrationFS fs.FS

	// rules are the decisions the stores apply in their transactions (internal/rules.All).
	rules core.Rules

	dummyOnce sync.Once
	dummy     string // a password hash to verify against for unknown logins

	// writers queue here, in order, rather than in SQLite's busy handler, which sleeps and retries: with many
	// people on one server a write waits for the writes before it, not for a timer.
	writeSem chan struct{}
	// heldWrite, when set, is told how long each write transaction held the write turn (tests measure
	// that long imports leave room for other edits).
	heldWrite func(time.Duration)
	// restores counts the backups restored into the open database: data kept in memory from before is void.
	restores atomic.Int64

	// leading is set while this process holds the leader lock (PostgreSQL; see Lead).
	leading atomic.Bool

	auditMu     sync.Mutex // guards the audit key and the head file
	auditKeyVal []byte
	auditHead   auditHead // what the head file records
}

// NewDB returns a database at path, not yet opened, whose stores apply rules (internal/rules.All). A path
// that is a postgres:// or postgresql:// DSN opens PostgreSQL (then set DataDir).
func NewDB(path string, rules core.Rules) *DB {
	db := &DB{Path: path, Clock: core.SystemClock{}, writeSem: make(chan struct{}, 1), rules: rules}
	if core.IsPostgresDSN(path) {
		db.dialect = dialectPostgres
	}
	return db
}

// DSN is the data source name with the pragmas every connection needs: WAL so that readers never wait for a
// writer, foreign keys enforced, a busy timeout instead of immediate "database is locked", and IMMEDIATE
// transactions so that two writers queue up instead of failing on lock upgrade.
func DSN(path string) string {
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Set("_txlock", "immediate")
	return "file:" + filepath.ToSlash(path) + "?" + q.Encode()
}

// Open opens the database and applies pending migrations.
func (db *DB) Open() error {
	if db.Path == "" {
		return fmt.Errorf("database path required")
	}
	driver, dsn, name := "sqlite", DSN(db.Path), db.Path
	if db.IsPostgres() {
		if db.DataDir == "" {
			return core.Errorf(core.EINVALID, "使用 PostgreSQL 数据库时必须指定数据目录(存放审计密钥与审计链头文件)")
		}
		driver, dsn, name = "pgx", postgresDSN(db.Path), core.RedactDSN(db.Path)
	}
	sqldb, err := sql.Open(driver, dsn)
	if err != nil {
		return err
	}
	if db.IsPostgres() {
		// A bounded pool per server process: with several processes on one database they stay well inside
		// PostgreSQL's max_connections (100 by default), and a burst of requests queues here, not there.
		sqldb.SetMaxOpenConns(postgresMaxConns)
		sqldb.SetMaxIdleConns(postgresMaxConns / 2)
		sqldb.SetConnMaxIdleTime(5 * time.Minute)
	}
	db.db = &Handle{DB: sqldb, pg: db.IsPostgres()}
	if err := db.db.Ping(); err != nil {
		db.db.Close()
		return fmt.Errorf("open %s: %w", name, err)
	}
	if err := db.migrate(); err != nil {
		db.db.Close()
		return fmt.Errorf("migrate %s: %w", name, err)
	}
	return nil
}

// postgresDSN is the DSN with the session settings the store relies on, unless the DSN says otherwise: each
// statement planned with its arguments (the inbox search's plan depends on what is searched; see dialect.go),
// and no JIT compilation. The store's statements are short; JIT compiles any statement whose estimated cost
// passes jit_above_cost, which an inbox search's SET LOCAL enable_seqscan = off does for every statement in its
// transaction that scans a small table: 100 ms of compiling for a query that runs in 0.05 ms.
func postgresDSN(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return dsn // pgx reports what is wrong with it
	}
	q := u.Query()
	if q.Get("plan_cache_mode") == "" {
		q.Set("plan_cache_mode", "force_custom_plan")
	}
	if q.Get("jit") == "" {
		q.Set("jit", "off")
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// Close closes the database.
func (db *DB) Close() error {
	if db.db == nil {
		return nil
	}
	return db.db.Close()
}

// Optimize brings the query planner's statistics up to date where the data has changed much since they were
// taken (SQLite's PRAGMA optimize; all tables on the first run, then those that grew or shrank tenfold). The
// inbox's plans at city scale depend on them: without statistics SQLite would, for instance, sort every
// overdue message for a page of them, or count a month's messages through the state index. The first run on
// a large database takes seconds (7.5 s on 1,000,000 messages), so it runs in the background, in the write
// turn like any writer. PostgreSQL keeps its statistics itself (autovacuum).
func (db *DB) Optimize(ctx context.Context) error {
	if db.IsPostgres() {
		return nil
	}
	_, err := db.exec(ctx, `PRAGMA optimize=0x10002`)
	return err
}

// KeepStatistics runs Optimize after the delay first and then every interval until ctx ends, when lead says
// this process runs the background jobs; a failure is logged, never fatal. The first run waits: on a large
// database that has none yet it holds the write turn for seconds, which should not fall on a start's first
// minutes of work.
func (db *DB) KeepStatistics(ctx context.Context, first, every time.Duration, lead func() bool) {
	wait := first
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		wait = every
		if !lead() {
			continue
		}
		began := time.Now()
		if err := db.Optimize(ctx); err != nil && ctx.Err() == nil {
			slog.Error("updating the query planner's statistics failed", "err", err)
		} else if took := time.Since(began); took > time.Second {
			slog.Info("query planner's statistics updated", "ms", took.Milliseconds())
		}
	}
}

// Now is the store's clock in China time: every legal time comes from here, never from a desk.
func (db *DB) Now() time.Time { return db.Clock.Now().In(core.Shanghai) }

// read runs fn in a read-only transaction.
func (db *DB) read(ctx context.Context, fn func(tx *Tx) error) error {
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

// write runs fn in a write transaction and commits when it succeeds.
func (db *DB) write(ctx context.Context, fn func(tx *Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// SQL exposes the handle for read-only checks and tests; it speaks the database's dialect (? placeholders).
func (db *DB) SQL() *Handle { return db.db }

// Migration is one embedded numbered schema file.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Migrations lists the embedded migrations in order. Files are named NNNN_name.sql.
func Migrations() ([]Migration, error) { return loadMigrations(migrationFS) }

func (db *DB) migrations() ([]Migration, error) {
	if db.MigrationFS != nil {
		return loadMigrations(db.MigrationFS)
	}
	if db.IsPostgres() {
		return loadMigrationsIn(postgresMigrationFS, "migrations_postgres")
	}
	return Migrations()
}

func loadMigrations(fsys fs.FS) ([]Migration, error) { return loadMigrationsIn(fsys, "migrations") }

func loadMigrationsIn(fsys fs.FS, dir string) ([]Migration, error) {
	names, err := fs.Glob(fsys, dir+"/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []Migration
	for _, name := range names {
		base := filepath.Base(name)
		num, rest, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number and _", base)
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, Migration{Version: v, Name: strings.TrimSuffix(rest, ".sql"), SQL: string(body)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Version < ms[j].Version })
	return ms, nil
}

// SchemaVersion is the newest migration applied to the database.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v sql.NullInt64
	err := db.db.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_version`).Scan(&v)
	return int(v.Int64), err
}

// LatestSchemaVersion is the newest migration this build knows.
func LatestSchemaVersion() int {
	ms, err := Migrations()
	if err != nil || len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].Version
}

// PendingMigrations reports how many migrations the database has not had yet.
func (db *DB) PendingMigrations(ctx context.Context) (int, error) {
	if _, err := db.db.ExecContext(ctx, schemaVersionDDL); err != nil {
		return 0, err
	}
	v, err := db.SchemaVersion(ctx)
	if err != nil {
		return 0, err
	}
	ms, err := db.migrations()
	if err != nil {
		return 0, err
	}
	n := 0
	for _, m := range ms {
		if m.Version > v {
			n++
		}
	}
	return n, nil
}

const schemaVersionDDL = `CREATE TABLE IF NOT EXISTS schema_version (
	version    INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	applied_at TEXT NOT NULL
)`

// migrate applies each pending migration in its own transaction, recording it in schema_version. On
// PostgreSQL it holds an advisory lock meanwhile: servers starting at once migrate once, the others wait and
// find nothing left to do.
func (db *DB) migrate() error {
	if db.IsPostgres() {
		ctx := context.Background()
		conn, err := db.db.Conn(ctx)
		if err != nil {
			return err
		}
		defer conn.Close()
		if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, int64(migrateLockKey)); err != nil {
			return err
		}
		defer conn.ExecContext(ctx, `SELECT pg_advisory_unlock($1)`, int64(migrateLockKey))
	}
	if _, err := db.db.Exec(schemaVersionDDL); err != nil {
		return err
	}
	ms, err := db.migrations()
	if err != nil {
		return err
	}
	current, err := db.SchemaVersion(context.Background())
	if err != nil {
		return err
	}
	latest := 0
	if len(ms) > 0 {
		latest = ms[len(ms)-1].Version
	}
	if current > latest {
		return core.Errorf(core.EINVALID, "数据库版本(%d)比本程序支持的版本(%d)新，请升级政策解读与公众参与工作台后再打开。", current, latest)
	}
	if current > 0 && current < latest && db.BackupDir != "" && !db.IsPostgres() {
		if _, err := db.Backup(context.Background(), db.BackupDir, core.BackupBeforeMigrate); err != nil {
			return fmt.Errorf("backup before migration: %w", err)
		}
	}
	for _, m := range ms {
		if m.Version <= current {
			continue
		}
		if err := db.applyMigration(m); err != nil {
			return fmt.Errorf("migration %04d_%s: %w", m.Version, m.Name, err)
		}
	}
	return nil
}

func (db *DB) applyMigration(m Migration) error {
	tx, err := db.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec(m.SQL); err != nil {
		return err
	}
	now := db.Clock.Now().In(core.Shanghai).Format(TimeLayout)
	insert := `INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)`
	if db.IsPostgres() {
		insert = rebind(insert)
	}
	if _, err := tx.Exec(insert, m.Version, m.Name, now); err != nil {
		return err
	}
	return tx.Commit()
}

// Tx is a write (or read) transaction that knows when it happens and who acts.
type Tx struct {
	*sql.Tx
	db    *DB
	now   time.Time
	actor core.CurrentUser
	stmts map[string]*sql.Stmt // see execPrepared
	head  *auditHead           // the newest audit entry this transaction wrote, checkpointed on commit
	base  auditHead            // the newest entry before this transaction's first one

	clientAddr, clientKind string    // where the call came from, recorded with each audit entry
	writer                 bool      // holds the database's write turn until it ends
	began                  time.Time // when the write turn was taken
}

// writeTurn waits for the database's write turn (or ctx's end); release gives it back.
func (db *DB) writeTurn(ctx context.Context) (release func(), err error) {
	if db.writeSem == nil {
		return func() {}, nil
	}
	select {
	case db.writeSem <- struct{}{}:
		var once sync.Once
		return func() { once.Do(func() { <-db.writeSem }) }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// exec runs one writing statement outside a transaction, in its write turn.
func (db *DB) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	release, err := db.writeTurn(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	return db.db.ExecContext(ctx, query, args...)
}

// endTurn gives the write turn back once the transaction has ended.
func (tx *Tx) endTurn() {
	if tx.writer {
		tx.writer = false
		if tx.db.heldWrite != nil {
			tx.db.heldWrite(time.Since(tx.began))
		}
		<-tx.db.writeSem
	}
}

// Rollback ends the transaction without its changes (a no-op error after Commit, as for sql.Tx).
func (tx *Tx) Rollback() error {
	err := tx.Tx.Rollback()
	tx.endTurn()
	return err
}

// Commit commits the transaction and then checkpoints the audit chain's head outside the database.
func (tx *Tx) Commit() error {
	defer tx.endTurn()
	if tx.head != nil {
		if err := tx.db.writeAuditHeadPending(tx.base, *tx.head); err != nil {
			tx.Tx.Rollback()
			return err
		}
	}
	if err := tx.Tx.Commit(); err != nil {
		return err
	}
	if tx.head != nil {
		return tx.db.writeAuditHead(*tx.head)
	}
	return nil
}

// execPrepared runs a statement the transaction may run thousands of times (an import's inserts), prepared
// once per transaction: parsing it anew for every row would cost as much as a large part of the insert.
// The statements close with the transaction.
func (tx *Tx) execPrepared(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := tx.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	if tx.pg() {
		args = pgArgs(args)
	}
	return st.ExecContext(ctx, args...)
}

// prepared is query prepared once in this transaction.
func (tx *Tx) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	st, ok := tx.stmts[query]
	if !ok {
		var err error
		if st, err = tx.PrepareContext(ctx, query); err != nil {
			return nil, err
		}
		if tx.stmts == nil {
			tx.stmts = map[string]*sql.Stmt{}
		}
		tx.stmts[query] = st
	}
	return st, nil
}

// BeginTx starts a transaction stamped with the clock's time and the current user.
func (db *DB) BeginTx(ctx context.Context, opts *sql.TxOptions) (*Tx, error) {
	writer := (opts == nil || !opts.ReadOnly) && db.writeSem != nil
	if writer {
		select {
		case db.writeSem <- struct{}{}:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	began := time.Now()
	tx, err := db.db.BeginTx(ctx, opts)
	if err != nil {
		if writer {
			<-db.writeSem
		}
		return nil, err
	}
	t := &Tx{Tx: tx, db: db, now: db.Clock.Now().In(core.Shanghai), writer: writer, began: began}
	if db.IsPostgres() && (opts == nil || !opts.ReadOnly) {
		// Several server processes may share the database: one writer at a time across all of them.
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(writeLockKey)); err != nil {
			t.Rollback()
			return nil, err
		}
	}
	if a, ok := core.ActorFrom(ctx); ok {
		// The call carries its signed-in person (or 系统): it acts as that person, whoever else uses the desk.
		t.actor = core.CurrentUser{PersonID: a.PersonID, Name: a.Name, SectionID: a.SectionID, Role: a.Role, Set: !a.IsSystem()}
		if a.IsSystem() {
			t.actor.Name = ""
		}
		t.clientAddr, t.clientKind = a.ClientAddr, a.ClientKind
		return t, nil
	}
	if core.HasActorSource(ctx) {
		// A desk where nobody is signed in: once anybody has a login, nothing happens without signing in.
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM accounts WHERE disabled = 0`).Scan(&n); err != nil {
			t.Rollback()
			return nil, err
		}
		if n > 0 {
			t.Rollback()
			return nil, core.Errorf(core.ENOTAUTH, "请先登录")
		}
	}
	// A desk without any login (one person, as before team mode), a test or a script: the desk's stored user.
	if t.actor, err = currentUser(ctx, t); err != nil {
		t.Rollback()
		return nil, err
	}
	return t, nil
}

// Now is the transaction's time.
func (tx *Tx) Now() time.Time { return tx.now }

// Stamp is the transaction's time formatted for storage.
func (tx *Tx) Stamp() string { return tx.now.Format(TimeLayout) }

// Actor is the person acting in this transaction.
func (tx *Tx) Actor() core.CurrentUser { return tx.actor }

// actorID is the acting person's id for *_by columns, NULL when nobody is set yet.
func (tx *Tx) actorID() any {
	if tx.actor.PersonID == 0 {
		return nil
	}
	return tx.actor.PersonID
}

// actorName is how the actor is written in text columns and the audit trail.
func (tx *Tx) actorName() string {
	if tx.actor.Name == "" {
		return "系统"
	}
	return tx.actor.Name
}

// insert runs an INSERT into a table with an id column and returns the new row's ID.
func (tx *Tx) insert(ctx context.Context, query string, args ...any) (int64, error) {
	if tx.pg() {
		var id int64
		err := tx.QueryRowContext(ctx, query+" RETURNING id", args...).Scan(&id)
		return id, err
	}
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// insertPrepared is insert with the statement prepared once per transaction (see execPrepared).
func (tx *Tx) insertPrepared(ctx context.Context, query string, args ...any) (int64, error) {
	if tx.pg() {
		st, err := tx.prepared(ctx, query+" RETURNING id")
		if err != nil {
			return 0, err
		}
		var id int64
		err = st.QueryRowContext(ctx, pgArgs(args)...).Scan(&id)
		return id, err
	}
	res, err := tx.execPrepared(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// nullString maps "" to NULL for optional date columns.
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// nullID maps 0 to NULL for optional foreign keys.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// isUniqueViolation reports a UNIQUE constraint failure.
func isUniqueViolation(err error) bool {
	return err != nil && (strings.Contains(err.Error(), "UNIQUE constraint failed") || pgCode(err) == "23505")
}

// isForeignKeyViolation reports a FOREIGN KEY constraint failure.
func isForeignKeyViolation(err error) bool {
	return err != nil && (strings.Contains(err.Error(), "FOREIGN KEY constraint failed") || pgCode(err) == "23503")
}

var errNoRows = sql.ErrNoRows

func notFound(err error, format string, args ...any) error {
	if errors.Is(err, errNoRows) {
		return core.Errorf(core.ENOTFOUND, format, args...)
	}
	return err
}

// EmbeddedMigrations is the embedded migration files, for tests that build a next version on top of them.
func EmbeddedMigrations() fs.FS { return migrationFS }

// inWrite runs fn in a write transaction and commits when it succeeds, returning fn's result.
func inWrite[T any](ctx context.Context, db *DB, fn func(tx *Tx) (T, error)) (T, error) {
	return inTx(ctx, db.write, fn)
}

// inRead runs fn in a read-only transaction and returns its result.
func inRead[T any](ctx context.Context, db *DB, fn func(tx *Tx) (T, error)) (T, error) {
	return inTx(ctx, db.read, fn)
}

// inTx runs fn in the transaction run gives it (db.read or db.write) and returns fn's result.
func inTx[T any](ctx context.Context, run func(context.Context, func(*Tx) error) error, fn func(tx *Tx) (T, error)) (T, error) {
	var v T
	err := run(ctx, func(tx *Tx) (err error) {
		v, err = fn(tx)
		return err
	})
	return v, err
}

// querier runs queries: the database or a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// scanner reads one row (sql.Row or sql.Rows).
type scanner = interface{ Scan(dest ...any) error }

// queryAll runs query and reads every row with scan; the list is empty, never nil, when nothing matches.
func queryAll[T any](ctx context.Context, q querier, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return scanAll(rows, scan)
}

// whereClause joins the conditions of a query into its WHERE clause, "" when there are none.
func whereClause(where []string) string {
	if len(where) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(where, " AND ")
}

// conditions gathers the WHERE conditions of a list query with their arguments.
type conditions struct {
	where []string
	args  []any
}

// add adds a condition with its arguments.
func (c *conditions) add(cond string, args ...any) {
	c.where, c.args = append(c.where, cond), append(c.args, args...)
}

// clause is the WHERE clause, "" when there are no conditions.
func (c *conditions) clause() string { return whereClause(c.where) }

// equal adds "column = ?" when v is set: a filter field left at its zero value selects everything.
func equal[T comparable](c *conditions, column string, v T) {
	var zero T
	if v != zero {
		c.add(column+" = ?", v)
	}
}

// scanString reads a row of one text column.
func scanString(sc scanner) (string, error) {
	var s string
	err := sc.Scan(&s)
	return s, err
}

// queryPage reads one page of a filtered list: how many rows count finds, and with scan the rows list finds
// (list ends in LIMIT ? OFFSET ?, filled from limit and offset after args).
func queryPage[T any](ctx context.Context, db *Handle, scan func(scanner) (T, error), count, list string, args []any, limit, offset int) (int, []T, error) {
	var total int
	if err := db.QueryRowContext(ctx, count, args...).Scan(&total); err != nil {
		return 0, nil, err
	}
	items, err := queryAll(ctx, db, scan, list, append(args, pageLimit(limit), max(offset, 0))...)
	return total, items, err
}

// queryMap runs a query of two columns, a key and a value, and sets m[key] = value for each row.
func queryMap[K comparable, V any](ctx context.Context, q querier, m map[K]V, query string, args ...any) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k K
		var v V
		if err := rows.Scan(&k, &v); err != nil {
			return err
		}
		m[k] = v
	}
	return rows.Err()
}

// scanAll reads every row of rows with scan and closes them; the list is never nil.
func scanAll[T any](rows *sql.Rows, scan func(scanner) (T, error)) ([]T, error) {
	defer rows.Close()
	list := []T{}
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, v)
	}
	return list, rows.Err()
}
