// Package datadir finds PolicyDesk's data directory and guards it against a second running instance.
package datadir

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
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

// StripFlag removes --data-dir and its value from args, for code that parses the remaining flags itself.
func StripFlag(args []string) []string {
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == Flag || a == "-data-dir":
			i++
		case strings.HasPrefix(a, Flag+"=") || strings.HasPrefix(a, "-data-dir="):
		default:
			out = append(out, a)
		}
	}
	return out
}

// Paths are the files inside a data directory.
type Paths struct {
	Dir     string
	DB      string // policydesk.db
	Backups string // backups/
	Cache   string // cache/ (segmentation dictionaries, derived data that can be rebuilt)
	Exports string // exports/ (files the user exported: ledgers, reports, audit logs)
	Lock    string // policydesk.lock
	Logs    string // logs/ (the program's rotated log, masked: see internal/applog)
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
