package sqlite

import (
	"context"
	"crypto/hmac"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"policydesk/internal/core"
)

// backupManifest is what a backup's manifest holds.
type backupManifest struct {
	File          string    `json:"file"`
	SchemaVersion int       `json:"schemaVersion"`
	AuditEntries  int64     `json:"auditEntries"`
	Head          auditHead `json:"auditHead"` // the newest entry; its MAC signs the head
}

// writeBackupManifest reads the finished copy's audit head and writes its signed manifest for the file that
// will be called name.
func (db *DB) writeBackupManifest(ctx context.Context, copyPath, finalPath string) error {
	conn, err := sql.Open("sqlite", "file:"+filepath.ToSlash(copyPath)+"?mode=ro")
	if err != nil {
		return err
	}
	defer conn.Close()
	m, err := readBackupManifest(ctx, conn, finalPath)
	if err != nil {
		return err
	}
	return db.storeBackupManifest(m, finalPath)
}

// readBackupManifest reads what a manifest records (schema version, audit entries and head) from q, which sees
// the database as the backup holds it.
func readBackupManifest(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, finalPath string) (backupManifest, error) {
	m := backupManifest{File: filepath.Base(finalPath)}
	if err := q.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&m.SchemaVersion); err != nil {
		return m, err
	}
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM audit_log`).Scan(&m.AuditEntries); err != nil {
		return m, err
	}
	err := q.QueryRowContext(ctx, `SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`).Scan(&m.Head.ID, &m.Head.Hash)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return m, err
	}
	return m, nil
}

// storeBackupManifest signs m with the audit key and writes it beside the backup finalPath.
func (db *DB) storeBackupManifest(m backupManifest, finalPath string) error {
	key, err := db.auditKey(true)
	if err != nil {
		return err
	}
	m.Head.MAC = manifestMAC(key, m)
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return core.WriteDataAtomic(finalPath+core.BackupManifestSuffix, data)
}

func manifestMAC(key []byte, m backupManifest) string {
	h := m.Head
	h.PendingID, h.PendingHash = m.AuditEntries, fmt.Sprintf("%s;%d", m.File, m.SchemaVersion) // bound into the signature
	return auditHeadMAC(key, h)
}

// loadBackupManifest reads the manifest beside the backup at path and checks its signature; problem names
// what is wrong.
func loadBackupManifest(path string, key []byte) (m backupManifest, problem string) {
	data, err := os.ReadFile(path + core.BackupManifestSuffix)
	if errors.Is(err, os.ErrNotExist) {
		return m, fmt.Sprintf("缺少校验清单 %s(本程序制作的每个备份都附有该文件)，无法确认审计日志在备份后没有被截断或改写", filepath.Base(path)+core.BackupManifestSuffix)
	}
	if err != nil || json.Unmarshal(data, &m) != nil {
		return m, "校验清单无法读取或已损坏"
	}
	if !hmac.Equal([]byte(manifestMAC(key, m)), []byte(m.Head.MAC)) {
		return m, "校验清单的签名无效(清单被改写，或属于另一个数据目录)"
	}
	if m.File != filepath.Base(path) {
		return m, fmt.Sprintf("校验清单属于另一个备份(%s)", m.File)
	}
	return m, ""
}

// checkBackupManifest compares a backup's audit chain (its newest entry and its count) with the head its
// manifest recorded when the backup was taken. It names what is wrong, or returns "".
func checkBackupManifest(ctx context.Context, conn *sql.DB, path string, key []byte) string {
	m, problem := loadBackupManifest(path, key)
	if problem != "" {
		return problem
	}
	var entries int64
	var head auditHead
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM audit_log`).Scan(&entries); err != nil {
		return "无法读取审计日志"
	}
	err := conn.QueryRowContext(ctx, `SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`).Scan(&head.ID, &head.Hash)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "无法读取审计日志"
	}
	switch {
	case entries < m.AuditEntries || head.ID < m.Head.ID:
		return fmt.Sprintf("审计日志比备份时少(备份时 %d 条，截至第 %d 条；现为 %d 条，截至第 %d 条)，末尾记录被删除", m.AuditEntries, m.Head.ID, entries, head.ID)
	case entries > m.AuditEntries || head.ID > m.Head.ID:
		return fmt.Sprintf("审计日志比备份时多(备份时 %d 条，现为 %d 条)，备份在制作后被改动", m.AuditEntries, entries)
	case head.Hash != m.Head.Hash:
		return fmt.Sprintf("第 %d 条审计记录与备份时不同，日志被改写", head.ID)
	}
	return ""
}
