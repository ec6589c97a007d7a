package core

// Backup files: what a backup is called, which ones an automatic backup may delete and when the next daily one
// is due, shared by every store; taking the copy itself is the store's job.

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Reasons a backup was taken, written into its file name so people can tell backups apart.
const (
	BackupDaily         = "daily"
	BackupManual        = "manual"
	BackupBeforeMigrate = "before-migrate"
	BackupBeforeRestore = "before-restore"
)

var backupReasonLabels = map[string]string{
	BackupDaily: "每日自动备份", BackupManual: "手动备份", BackupBeforeMigrate: "升级前自动备份", BackupBeforeRestore: "恢复前自动备份",
}

// BackupManifestSuffix names a backup's manifest: beside policydesk-….db, policydesk-….db.manifest.json records the
// audit chain's head at the time of the backup, signed with the audit key.
const BackupManifestSuffix = ".manifest.json"

const backupTimeLayout = "20060102-150405"

// Backup files end in .db (a copy of the SQLite database) or .dump (pg_dump's custom format, of a PostgreSQL
// database).
const (
	BackupExtSQLite   = ".db"
	BackupExtPostgres = ".dump"
)

// BackupPath is where a new backup taken at now for reason goes in dir: policydesk-20261122-104500-daily.db (ext
// .db; .dump for PostgreSQL), with -2, -3… when backups are taken within one second.
func BackupPath(dir string, now time.Time, reason, ext string) string {
	stamp := now.In(Shanghai).Format(backupTimeLayout)
	path := filepath.Join(dir, fmt.Sprintf("policydesk-%s-%s%s", stamp, reason, ext))
	for i := 2; fileExists(path); i++ {
		path = filepath.Join(dir, fmt.Sprintf("policydesk-%s-%s-%d%s", stamp, reason, i, ext))
	}
	return path
}

// backupExt is the backup extension name ends with, "" for a file that is not a backup.
func backupExt(name string) string {
	for _, ext := range []string{BackupExtSQLite, BackupExtPostgres} {
		if strings.HasSuffix(name, ext) {
			return ext
		}
	}
	return ""
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// BackupFileInfo describes the backup file at path from its name (when and why it was taken) and its size.
func BackupFileInfo(path string) (BackupInfo, error) {
	st, err := os.Stat(path)
	if err != nil {
		return BackupInfo{}, err
	}
	info := ParseBackupName(filepath.Base(path))
	info.Path, info.Size = path, st.Size()
	if info.CreatedAt == "" {
		info.CreatedAt = st.ModTime().In(Shanghai).Format(TimeLayout)
	}
	return info, nil
}

// ParseBackupName reads when and why a backup was taken from its file name; CreatedAt is "" for a name this
// program did not give.
func ParseBackupName(name string) BackupInfo {
	info := BackupInfo{Name: name}
	parts := strings.SplitN(strings.TrimSuffix(strings.TrimPrefix(name, "policydesk-"), backupExt(name)), "-", 3)
	if len(parts) != 3 {
		return info
	}
	if t, err := time.ParseInLocation(backupTimeLayout, parts[0]+"-"+parts[1], Shanghai); err == nil {
		info.CreatedAt = t.Format(TimeLayout)
	}
	reason := parts[2]
	if i := strings.LastIndex(reason, "-"); i > 0 && strings.Trim(reason[i+1:], "0123456789") == "" {
		reason = reason[:i]
	}
	info.Reason, info.ReasonLabel = reason, backupReasonLabels[reason]
	return info
}

// ListBackupFiles lists the backups in dir, newest first; version reads a backup's schema version (0 when it cannot tell).
func ListBackupFiles(dir string, version func(path string) int) ([]BackupInfo, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return []BackupInfo{}, nil
	} else if err != nil {
		return nil, err
	}
	list := []BackupInfo{}
	written := map[string]time.Time{}
	for _, e := range entries {
		if e.IsDir() || backupExt(e.Name()) == "" {
			continue
		}
		path := filepath.Join(dir, e.Name())
		info, err := BackupFileInfo(path)
		if err != nil {
			return nil, err
		}
		info.SchemaVersion = version(path)
		if st, err := os.Stat(path); err == nil {
			written[info.Name] = st.ModTime()
		}
		list = append(list, info)
	}
	// Newest first; backups taken within the same second are ordered by when their file was written.
	sort.Slice(list, func(i, j int) bool {
		if list[i].CreatedAt != list[j].CreatedAt {
			return list[i].CreatedAt > list[j].CreatedAt
		}
		if wi, wj := written[list[i].Name], written[list[j].Name]; !wi.Equal(wj) {
			return wi.After(wj)
		}
		return list[i].Name > list[j].Name
	})
	return list, nil
}

// ExpiredBackups are the backups of list (newest first) that pruning deletes to keep the newest keep automatic ones.
// Manual backups and the copies taken before a restore are never deleted automatically: people made or need
// them on purpose.
func ExpiredBackups(list []BackupInfo, keep int) []BackupInfo {
	var out []BackupInfo
	n := 0
	for _, b := range list {
		if b.Reason == BackupManual || b.Reason == BackupBeforeRestore {
			continue
		}
		if n++; n > keep {
			out = append(out, b)
		}
	}
	return out
}

// PruneBackupFiles deletes the expired backups of list and their manifests.
func PruneBackupFiles(list []BackupInfo, keep int) error {
	for _, b := range ExpiredBackups(list, keep) {
		if err := os.Remove(b.Path); err != nil {
			return err
		}
		os.Remove(b.Path + BackupManifestSuffix)
	}
	return nil
}

// DailyBackupDue reports whether an automatic daily backup is due at now: none of list was taken within the last
// 24 hours (a backup dated in the future, from a clock set wrong, does not count).
func DailyBackupDue(list []BackupInfo, now time.Time) bool {
	for _, b := range list {
		if t, err := time.Parse(TimeLayout, b.CreatedAt); err == nil && now.Sub(t) < 24*time.Hour && now.Sub(t) >= 0 {
			return false
		}
	}
	return true
}

// DamagedDBPath is where a database too damaged to open is moved aside in dir when a backup replaces it.
func DamagedDBPath(dir string, now time.Time) string {
	return filepath.Join(dir, "damaged-"+now.In(Shanghai).Format(backupTimeLayout)+".sqlite")
}
