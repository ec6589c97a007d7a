package app

import (
	"context"
	"path/filepath"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"policydesk/internal/core"
)

// RecoveryStatus tells the frontend, before anything else, whether the database could be opened. When it could
// not (a failed integrity check), the app starts with only the recovery page: the bureau's records are evidence,
// so a damaged database is never silently recreated.
type RecoveryStatus struct {
	OK      bool              `json:"ok"`
	Problem string            `json:"problem"` // in Chinese
	DBPath  string            `json:"dbPath"`
	Backups []core.BackupInfo `json:"backups"` // newest first
}

// RecoveryService is bound in every start; in normal operation Status says OK and nothing else is used.
type RecoveryService struct {
	ctx       context.Context
	status    RecoveryStatus
	backupDir string
	list      func(dir string) ([]core.BackupInfo, error)
	replace   func(ctx context.Context, dbPath, backupPath, backupDir string) (core.BackupInfo, error)
	quit      func(ctx context.Context) // closes the app after a restore
}

// NewRecoveryService describes how the database opened. problem is "" when it opened fine.
func NewRecoveryService(problem, dbPath, backupDir string, list func(string) ([]core.BackupInfo, error),
	replace func(ctx context.Context, dbPath, backupPath, backupDir string) (core.BackupInfo, error)) *RecoveryService {
	return &RecoveryService{ctx: context.Background(), status: RecoveryStatus{OK: problem == "", Problem: problem, DBPath: dbPath},
		backupDir: backupDir, list: list, replace: replace, quit: runtime.Quit}
}

// startup keeps the Wails context.
func (s *RecoveryService) startup(ctx context.Context) { s.ctx = ctx }

// Status reports whether the app started normally and, if not, why and which backups could replace the database.
func (s *RecoveryService) Status() (RecoveryStatus, error) {
	st := s.status
	st.Backups = []core.BackupInfo{}
	if !st.OK {
		list, err := s.list(s.backupDir)
		if err != nil {
			return nonNil(st, err)
		}
		st.Backups = list
	}
	return nonNil(st, nil)
}

// RestoreAndQuit replaces the damaged database with a backup (the damaged file is kept in the backups folder)
// and closes the app, which the user then starts again.
func (s *RecoveryService) RestoreAndQuit(name string) (core.BackupInfo, error) {
	if s.status.OK {
		return core.BackupInfo{}, core.Errorf(core.EFORBID, "数据库正常，无需恢复；如需回到以前的数据，请在“设置 → 数据安全”中恢复备份。")
	}
	if name == "" || filepath.Base(name) != name {
		return core.BackupInfo{}, core.FieldErrorf(core.EINVALID, "name", "备份文件名不正确")
	}
	kept, err := s.replace(s.ctx, s.status.DBPath, filepath.Join(s.backupDir, name), s.backupDir)
	if err != nil {
		return kept, err
	}
	go s.quit(s.ctx)
	return kept, nil
}
