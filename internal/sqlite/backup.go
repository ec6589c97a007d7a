package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"policydesk/internal/core"

	sqlitedriver "modernc.org/sqlite"
)

// Backup writes a consistent copy of the database into dir with VACUUM INTO, which reads one snapshot
// (concurrent writers are not blocked) and produces a compact file.
func (db *DB) Backup(ctx context.Context, dir, reason string) (core.BackupInfo, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return core.BackupInfo{}, err
	}
	if db.IsPostgres() {
		return db.dumpPostgres(ctx, dir, reason)
	}
	path := core.BackupPath(dir, db.Clock.Now(), reason, core.BackupExtSQLite)
	tmp := path + ".partial"
	os.Remove(tmp)
	if _, err := db.db.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		os.Remove(tmp)
		return core.BackupInfo{}, fmt.Errorf("backup: %w", err)
	}
	if err := db.writeBackupManifest(ctx, tmp, path); err != nil {
		os.Remove(tmp)
		return core.BackupInfo{}, fmt.Errorf("backup manifest: %w", err)
	}
	// Only a complete file gets the .db name, so a crash mid-backup never leaves a file that looks valid.
	if err := os.Rename(tmp, path); err != nil {
		return core.BackupInfo{}, err
	}
	return core.BackupFileInfo(path)
}

// ListBackups lists the backups in dir, newest first, each with its schema version.
func ListBackups(dir string) ([]core.BackupInfo, error) {
	return core.ListBackupFiles(dir, backupSchemaVersion)
}

// backupSchemaVersion reads a backup's schema version read-only; 0 when the file cannot tell.
func backupSchemaVersion(path string) int {
	if strings.HasSuffix(path, core.BackupExtPostgres) {
		return dumpSchemaVersion(path)
	}
	conn, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path)+"?mode=ro")
	if err != nil {
		return 0
	}
	defer conn.Close()
	var v int
	if err := conn.QueryRow(`SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&v); err != nil {
		return 0
	}
	return v
}

// PruneBackups keeps the newest keep automatic backups in dir and deletes older ones (core.ExpiredBackups).
func PruneBackups(dir string, keep int) error {
	list, err := ListBackups(dir)
	if err != nil {
		return err
	}
	return core.PruneBackupFiles(list, keep)
}

// DailyBackup takes an automatic backup unless one was taken within the last day, then prunes old ones.
func (db *DB) DailyBackup(ctx context.Context, dir string, keep int) (taken bool, err error) {
	list, err := ListBackups(dir)
	if err != nil {
		return false, err
	}
	if core.DailyBackupDue(list, db.Clock.Now()) {
		if _, err := db.Backup(ctx, dir, core.BackupDaily); err != nil {
			return false, err
		}
		taken = true
	}
	return taken, PruneBackups(dir, keep)
}

// CheckIntegrity runs SQLite's quick_check (full integrity_check when full is set) and returns the problems found.
// PostgreSQL checks its own pages (data checksums, amcheck are the IT department's tools): there it only
// checks that the database answers.
func (db *DB) CheckIntegrity(ctx context.Context, full bool) ([]string, error) {
	if db.IsPostgres() {
		return []string{}, db.db.PingContext(ctx)
	}
	return checkIntegrity(ctx, db.db, full)
}

func checkIntegrity(ctx context.Context, q querier, full bool) ([]string, error) {
	pragma := "PRAGMA quick_check"
	if full {
		pragma = "PRAGMA integrity_check"
	}
	lines, err := queryAll(ctx, q, scanString, pragma)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(lines, func(s string) bool { return s == "ok" }), nil
}

// ValidateBackup opens a backup file read-only and checks that it is a genuine PolicyDesk database this build
// can use: integrity check, PolicyDesk's application_id, a schema version this build knows, exactly the tables,
// columns, indexes and triggers that version has (nothing missing, nothing added), and an audit chain that
// verifies (signed entries with the audit key at auditKeyPath, the data directory's).
func ValidateBackup(ctx context.Context, path, auditKeyPath string) (core.BackupInfo, error) {
	info, err := core.BackupFileInfo(path)
	if err != nil {
		return info, core.Errorf(core.ENOTFOUND, "找不到备份文件 %s", filepath.Base(path))
	}
	bad := func(format string, args ...any) (core.BackupInfo, error) {
		return info, core.Errorf(core.EINVALID, "备份文件 %s 不可用："+format, append([]any{info.Name}, args...)...)
	}
	f, err := os.Open(path)
	if err != nil {
		return bad("无法读取(%v)", err)
	}
	header := make([]byte, 16)
	_, err = f.Read(header)
	f.Close()
	if err != nil || string(header) != "SQLite format 3\x00" {
		return bad("不是 SQLite 数据库文件")
	}
	conn, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path)+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		return bad("无法打开(%v)", err)
	}
	defer conn.Close()
	problems, err := checkIntegrity(ctx, conn, true)
	if err != nil {
		return bad("完整性检查失败(%v)", err)
	}
	if len(problems) > 0 {
		return bad("文件已损坏(%s)", problems[0])
	}
	var version int
	if err := conn.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&version); err != nil {
		return bad("不是本程序的数据库(缺少版本记录)")
	}
	if version > LatestSchemaVersion() {
		return bad("来自更新版本的程序(数据库版本%d，本程序支持到%d)", version, LatestSchemaVersion())
	}
	var appID int64
	if err := conn.QueryRowContext(ctx, `PRAGMA application_id`).Scan(&appID); err != nil {
		return bad("无法读取文件标识(%v)", err)
	}
	if appID != ApplicationID && (appID != 0 || version >= appIDVersion) {
		return bad("不是本程序的数据库(文件标识为 %#x，应为 %#x)", appID, ApplicationID)
	}
	if problem, err := schemaDifference(ctx, conn, version); err != nil {
		return bad("无法检查数据结构(%v)", err)
	} else if problem != "" {
		return bad("数据结构与第%d版不符：%s", version, problem)
	}
	readKey := func() ([]byte, error) {
		key, err := os.ReadFile(auditKeyPath)
		if err != nil || len(key) != auditKeySize {
			return nil, core.Errorf(core.EINVALID, "本数据目录的审计密钥 %s 不存在或已损坏", AuditKeyFile)
		}
		return key, nil
	}
	check, _, _, err := verifyChain(ctx, conn, readKey)
	if err != nil {
		return bad("无法检查审计日志(%v)", err)
	}
	if !check.OK {
		return bad("审计日志不完整或被改写(%s)", check.Problem)
	}
	key, err := readKey()
	if err != nil {
		return bad("%s", errMessage(err))
	}
	if problem := checkBackupManifest(ctx, conn, path, key); problem != "" {
		return bad("%s", problem)
	}
	info.SchemaVersion = version
	return info, nil
}

// Restore replaces the database's content with a validated backup, in place, through SQLite's online backup
// API (other connections see the restored data at once; nothing is closed). A copy of the current database is
// kept in dir first, so a restore can itself be undone.
func (db *DB) Restore(ctx context.Context, backupPath, dir string) (core.RestoreResult, error) {
	if db.IsPostgres() {
		return core.RestoreResult{}, errSQLiteOnly("从备份文件恢复(请由信息部门用 pg_restore 恢复)")
	}
	src, err := ValidateBackup(ctx, backupPath, db.auditKeyPath())
	if err != nil {
		return core.RestoreResult{}, err
	}
	safety, err := db.Backup(ctx, dir, core.BackupBeforeRestore)
	if err != nil {
		return core.RestoreResult{}, fmt.Errorf("restore: keeping a copy of the current database: %w", err)
	}
	conn, err := db.db.Conn(ctx)
	if err != nil {
		return core.RestoreResult{}, err
	}
	err = conn.Raw(func(dc any) error {
		r, ok := dc.(interface {
			NewRestore(string) (*sqlitedriver.Backup, error)
		})
		if !ok {
			return errors.New("restore: the sqlite driver has no online backup API")
		}
		b, err := r.NewRestore("file:" + filepath.ToSlash(backupPath) + "?mode=ro")
		if err != nil {
			return err
		}
		for {
			more, err := b.Step(-1)
			if err != nil {
				b.Finish()
				return err
			}
			if !more {
				break
			}
		}
		return b.Finish()
	})
	conn.Close()
	db.restores.Add(1) // even a failed restore may have copied pages: caches of the old data are void
	if err != nil {
		return core.RestoreResult{}, fmt.Errorf("restore %s: %w", src.Name, err)
	}
	// A backup from an older version gets the newer migrations now.
	if err := db.migrate(); err != nil {
		return core.RestoreResult{}, fmt.Errorf("restore %s: migrate: %w", src.Name, err)
	}
	// The restored log is the chain from now on: checkpoint its head.
	if err := db.resetAuditHead(); err != nil {
		return core.RestoreResult{}, fmt.Errorf("restore %s: %w", src.Name, err)
	}
	return core.RestoreResult{Restored: src, SafetyCopy: safety}, nil
}

// ReplaceWithBackup is the offline restore for a database too damaged to open: it validates the backup,
// moves the damaged file (and its WAL) into backupDir under a "damaged" name, and copies the backup into
// place. The caller must hold the data directory's lock.
func ReplaceWithBackup(ctx context.Context, dbPath, backupPath, backupDir string) (core.BackupInfo, error) {
	if _, err := ValidateBackup(ctx, backupPath, filepath.Join(filepath.Dir(dbPath), AuditKeyFile)); err != nil {
		return core.BackupInfo{}, err
	}
	if err := os.MkdirAll(backupDir, 0o700); err != nil {
		return core.BackupInfo{}, err
	}
	// The replacement is written and synced completely before the damaged file is moved aside, so a
	// failure at any step leaves the original where it was.
	data, err := os.ReadFile(backupPath)
	if err != nil {
		return core.BackupInfo{}, err
	}
	tmp := dbPath + ".restoring"
	if err := writeSynced(tmp, data); err != nil {
		os.Remove(tmp)
		return core.BackupInfo{}, fmt.Errorf("写入恢复的数据库失败，原数据库未改动：%w", err)
	}
	kept := core.DamagedDBPath(backupDir, time.Now())
	if fileExists(dbPath) {
		if err := os.Rename(dbPath, kept); err != nil {
			os.Remove(tmp)
			return core.BackupInfo{}, err
		}
		for _, suffix := range []string{"-wal", "-shm"} {
			if fileExists(dbPath + suffix) {
				if err := os.Rename(dbPath+suffix, kept+suffix); err != nil {
					return core.BackupInfo{}, err
				}
			}
		}
	}
	if err := os.Rename(tmp, dbPath); err != nil {
		return core.BackupInfo{}, err
	}
	// The restored log is the chain from now on: checkpoint its head.
	restored := NewDB(dbPath, core.Rules{}) // only its audit head is written
	var conn *sql.DB
	if conn, err = sql.Open("sqlite", "file:"+filepath.ToSlash(dbPath)+"?mode=ro"); err == nil {
		restored.db = &Handle{DB: conn}
		err = restored.resetAuditHead()
		restored.db.Close()
	}
	if err != nil {
		return core.BackupInfo{}, fmt.Errorf("恢复后记录审计链头失败：%w", err)
	}
	return core.BackupInfo{Name: filepath.Base(kept), Path: kept}, nil
}

// writeSynced writes data to a new file and syncs it to disk.
func writeSynced(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
