package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"policydesk/internal/core"
)

// A PostgreSQL database is backed up with pg_dump in its custom format (restored with pg_restore), from the
// snapshot a transaction of this process exports, so the signed manifest beside the dump records exactly the
// audit head the dump holds. The IT department's own means (WAL archiving, a replica) come on top of these.

// PGBinEnv names the folder of pg_dump and pg_restore when they are not on the PATH.
const PGBinEnv = "POLICYDESK_PG_BIN"

// PostgresTool finds a PostgreSQL client program (pg_dump, pg_restore): in $POLICYDESK_PG_BIN, on the PATH, or
// in the newest /usr/lib/postgresql/N/bin (Debian's layout).
func PostgresTool(name string) (string, error) {
	if dir := os.Getenv(PGBinEnv); dir != "" {
		return filepath.Join(dir, name), nil
	}
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	found, _ := filepath.Glob(filepath.Join("/usr/lib/postgresql", "*", "bin", name))
	if len(found) == 0 {
		return "", core.Errorf(core.EINVALID, "找不到 PostgreSQL 客户端程序 %s：请安装与数据库版本相同或更新的 postgresql-client(如 postgresql-client-15)，或用环境变量 %s 指定其目录", name, PGBinEnv)
	}
	sort.Slice(found, func(i, j int) bool { return pgMajor(found[i]) > pgMajor(found[j]) })
	return found[0], nil
}

// pgMajor is the major version in a /usr/lib/postgresql/N/bin/… path.
func pgMajor(path string) int {
	var n int
	fmt.Sscanf(filepath.Base(filepath.Dir(filepath.Dir(path))), "%d", &n)
	return n
}

// PostgresToolEnv splits a DSN for the PostgreSQL client programs: the connection string without its password
// (so no password shows in the process list) and the environment that carries it.
func PostgresToolEnv(dsn string) (conn string, env []string) {
	env = os.Environ()
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return dsn, env
	}
	if pw, ok := u.User.Password(); ok {
		env = append(env, "PGPASSWORD="+pw)
		u.User = url.User(u.User.Username())
	}
	return u.String(), env
}

// dumpPostgres writes policydesk-….dump and its signed manifest into dir.
func (db *DB) dumpPostgres(ctx context.Context, dir, reason string) (core.BackupInfo, error) {
	pgDump, err := PostgresTool("pg_dump")
	if err != nil {
		return core.BackupInfo{}, err
	}
	conn, err := db.db.Conn(ctx)
	if err != nil {
		return core.BackupInfo{}, err
	}
	defer conn.Close()
	// The snapshot stays valid while this transaction is open: pg_dump reads the very state the manifest records.
	tx, err := conn.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return core.BackupInfo{}, err
	}
	defer tx.Rollback()
	var snapshot string
	if err := tx.QueryRowContext(ctx, `SELECT pg_export_snapshot()`).Scan(&snapshot); err != nil {
		return core.BackupInfo{}, err
	}
	path := core.BackupPath(dir, db.Clock.Now(), reason, core.BackupExtPostgres)
	manifest, err := readBackupManifest(ctx, tx, path)
	if err != nil {
		return core.BackupInfo{}, err
	}
	tmp := path + ".partial"
	os.Remove(tmp)
	target, env := PostgresToolEnv(db.Path)
	cmd := exec.CommandContext(ctx, pgDump, "--format=custom", "--no-owner", "--no-privileges",
		"--snapshot="+snapshot, "--file="+tmp, "--dbname="+target)
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		os.Remove(tmp)
		return core.BackupInfo{}, fmt.Errorf("pg_dump 备份失败：%v：%s", err, strings.TrimSpace(stderr.String()))
	}
	if err := db.storeBackupManifest(manifest, path); err != nil {
		os.Remove(tmp)
		return core.BackupInfo{}, fmt.Errorf("backup manifest: %w", err)
	}
	// Only a complete dump gets the .dump name, so a crash mid-backup never leaves a file that looks valid.
	if err := os.Rename(tmp, path); err != nil {
		return core.BackupInfo{}, err
	}
	return core.BackupFileInfo(path)
}

// dumpSchemaVersion is the schema version a dump's manifest records; 0 when it cannot tell.
func dumpSchemaVersion(path string) int {
	data, err := os.ReadFile(path + core.BackupManifestSuffix)
	if err != nil {
		return 0
	}
	var m backupManifest
	if json.Unmarshal(data, &m) != nil {
		return 0
	}
	return m.SchemaVersion
}

// RestoreDump restores a dump this program made into the empty PostgreSQL database dsn: the dump's manifest
// is checked with the audit key of dataDir first, pg_restore runs in one transaction, the database is migrated
// if the dump is older than this version, the restored audit chain must be the one the manifest recorded and
// verify, and dataDir's audit head then records it. It returns the restored database's audit check.
func RestoreDump(ctx context.Context, dsn, dumpPath, dataDir string, clock core.Clock) (core.AuditCheck, error) {
	db := NewDB(dsn, core.Rules{}) // reads and checks only: no rule is applied
	db.DataDir, db.Clock = dataDir, clock
	name := filepath.Base(dumpPath)
	key, err := db.auditKey(false)
	if err != nil {
		return core.AuditCheck{}, err
	}
	if _, problem := loadBackupManifest(dumpPath, key); problem != "" {
		return core.AuditCheck{}, core.Errorf(core.EINVALID, "备份文件 %s 不可用：%s", name, problem)
	}
	pgRestore, err := PostgresTool("pg_restore")
	if err != nil {
		return core.AuditCheck{}, err
	}
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		return core.AuditCheck{}, err
	}
	var tables int
	err = admin.QueryRowContext(ctx, `SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'`).Scan(&tables)
	admin.Close()
	if err != nil {
		return core.AuditCheck{}, fmt.Errorf("无法连接 PostgreSQL 数据库 %s：%w", core.RedactDSN(dsn), err)
	}
	if tables > 0 {
		return core.AuditCheck{}, core.Errorf(core.EINVALID, "数据库 %s 不是空的(已有 %d 张表)：请恢复到一个新建的空数据库，确认无误后再让服务器使用它", core.RedactDSN(dsn), tables)
	}
	target, env := PostgresToolEnv(dsn)
	cmd := exec.CommandContext(ctx, pgRestore, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
		"--dbname="+target, dumpPath)
	cmd.Env = env
	if out, err := cmd.CombinedOutput(); err != nil {
		return core.AuditCheck{}, fmt.Errorf("pg_restore 恢复 %s 失败：%v：%s", name, err, strings.TrimSpace(string(out)))
	}
	if err := db.Open(); err != nil {
		return core.AuditCheck{}, err
	}
	defer db.Close()
	if problem := checkBackupManifest(ctx, db.db.DB, dumpPath, key); problem != "" {
		return core.AuditCheck{}, core.Errorf(core.EINVALID, "恢复后的数据与备份 %s 的校验清单不符：%s", name, problem)
	}
	if err := db.resetAuditHead(); err != nil {
		return core.AuditCheck{}, err
	}
	return db.VerifyAudit(ctx)
}
