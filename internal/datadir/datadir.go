// Package datadir finds PolicyDesk's data directory and guards it against a second running instance.
package datadir

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"policydesk/internal/core"
)

// EnvVar overrides the data directory, e.g. for tests and portable installs.
const EnvVar = "POLICYDESK_DATA_DIR"

// Flag is the command-line option that overrides the data directory (it wins over EnvVar).
const Flag = "--data-dir"

// Resolve returns the data directory: --data-dir DIR (or --data-dir=DIR) in args, else $POLICYDESK_DATA_DIR,
// else os.UserConfigDir()/PolicyDesk. It does not create it.
func Resolve(args []string) (string, error) {
	for i, a := range args {
		if v, ok := strings.CutPrefix(a, Flag+"="); ok {
			return clean(v)
		}
		if v, ok := strings.CutPrefix(a, "-data-dir="); ok {
			return clean(v)
		}
		if (a == Flag || a == "-data-dir") && i+1 < len(args) {
			return clean(args[i+1])
		}
		if a == Flag || a == "-data-dir" {
			return "", errors.New("--data-dir 后面需要一个目录")
		}
	}
	if v := os.Getenv(EnvVar); v != "" {
		return clean(v)
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("无法确定用户数据目录：%w；请用 --data-dir 指定", err)
	}
	return filepath.Join(base, "PolicyDesk"), nil
}

func clean(dir string) (string, error) {
	if strings.TrimSpace(dir) == "" {
		return "", errors.New("数据目录不能为空")
	}
	return filepath.Abs(dir)
}

// DBFlag names a PostgreSQL database to use instead of the data directory's SQLite file (team mode on a
// database the IT department runs); DBEnvVar does the same, and keeps a password off the command line.
const (
	DBFlag   = "--db"
	DBEnvVar = "POLICYDESK_DB"
)

// ResolveDB returns the PostgreSQL DSN given by --db DSN (or --db=DSN) in args, else $POLICYDESK_DB, else ""
// (the data directory's SQLite file).
func ResolveDB(args []string) (string, error) {
	dsn := os.Getenv(DBEnvVar)
	from := DBEnvVar
	for i, a := range args {
		if v, ok := strings.CutPrefix(a, DBFlag+"="); ok {
			dsn, from = v, DBFlag
			break
		}
		if a == DBFlag {
			if i+1 >= len(args) {
				return "", errors.New("--db 后面需要 PostgreSQL 连接串，如 postgres://policydesk@127.0.0.1:5432/policydesk")
			}
			dsn, from = args[i+1], DBFlag
			break
		}
	}
	dsn = strings.TrimSpace(dsn)
	if dsn == "" {
		return "", nil
	}
	if !core.IsPostgresDSN(dsn) {
		return "", fmt.Errorf("%s 须是 PostgreSQL 连接串(postgres://用户@主机:端口/库名)，而不是 %q；本机数据库请用 --data-dir", from, core.RedactDSN(dsn))
	}
	if _, err := url.Parse(dsn); err != nil {
		return "", fmt.Errorf("%s 的连接串格式不正确：%v", from, err)
	}
	return dsn, nil
}

// StripFlag removes --data-dir and --db with their values from args, for code that parses the remaining flags
// itself.
func StripFlag(args []string) []string {
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == Flag || a == "-data-dir" || a == DBFlag:
			i++
		case strings.HasPrefix(a, Flag+"=") || strings.HasPrefix(a, "-data-dir=") || strings.HasPrefix(a, DBFlag+"="):
		default:
			out = append(out, a)
		}
	}
	return out
}

// Paths are the files inside a data directory.
type Paths struct {
	Dir     string
	DB      string // policydesk.db, or the PostgreSQL DSN given by --db (see Postgres)
	Backups string // backups/
	Cache   string // cache/ (segmentation dictionaries, derived data that can be rebuilt)
	Exports string // exports/ (files the user exported: ledgers, reports, audit logs)
	Lock    string // policydesk.lock
	Logs    string // logs/ (the program's rotated log, masked: see internal/applog)
}

// Postgres reports whether the database is a PostgreSQL one (--db) rather than the data directory's file.
func (p Paths) Postgres() bool { return core.IsPostgresDSN(p.DB) }

// DBName names the database in messages: the file, or the DSN without its password.
func (p Paths) DBName() string {
	if p.Postgres() {
		return core.RedactDSN(p.DB)
	}
	return p.DB
}

// FromArgs resolves, creates and returns the data directory that args name (see Resolve), with the PostgreSQL
// database of --db or $POLICYDESK_DB in place of its SQLite file when one is given.
func FromArgs(args []string) (Paths, error) {
	dir, err := Resolve(args)
	if err != nil {
		return Paths{}, err
	}
	dsn, err := ResolveDB(args)
	if err != nil {
		return Paths{}, err
	}
	p, err := Prepare(dir)
	if dsn != "" {
		p.DB = dsn
	}
	return p, err
}

// DBFile is the database file inside a data directory.
func DBFile(dir string) string { return filepath.Join(dir, "policydesk.db") }

// Prepare creates the data directory and its sub-folders and returns their paths.
func Prepare(dir string) (Paths, error) {
	p := Paths{
		Dir:     dir,
		DB:      DBFile(dir),
		Backups: filepath.Join(dir, "backups"),
		Cache:   filepath.Join(dir, "cache"),
		Exports: filepath.Join(dir, "exports"),
		Lock:    filepath.Join(dir, "policydesk.lock"),
		Logs:    filepath.Join(dir, "logs"),
	}
	for _, d := range []string{p.Dir, p.Backups, p.Cache, p.Exports, p.Logs} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return p, fmt.Errorf("无法创建数据目录 %s：%w", d, err)
		}
	}
	return p, nil
}

// ErrLocked means another PolicyDesk is running on the same data directory.
var ErrLocked = errors.New("另一个政策解读与公众参与工作台正在使用这个数据目录")

// Lock takes an exclusive lock on the lock file, held until release is called or the process ends
// (the operating system drops it even on a crash, so a stale lock never blocks a restart).
func Lock(path string) (release func(), err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("无法打开锁文件 %s：%w", path, err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		if errors.Is(err, ErrLocked) {
			return nil, err
		}
		return nil, fmt.Errorf("无法锁定 %s：%w", path, err)
	}
	_ = f.Truncate(0)
	_, _ = fmt.Fprintf(f, "%d\n", os.Getpid())
	return func() {
		_ = unlockFile(f)
		f.Close()
	}, nil
}
