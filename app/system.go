package app

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"policydesk/internal/buildinfo"
	"policydesk/internal/core"
	"policydesk/internal/export"
)

// Runtime holds the Wails context once the window exists, and sends events through it.
type Runtime struct {
	mu  sync.RWMutex
	ctx context.Context
}

// startup records the Wails context.
func (r *Runtime) startup(ctx context.Context) {
	r.mu.Lock()
	r.ctx = ctx
	r.mu.Unlock()
}

// Emit sends an event to the frontend; before the window exists it is dropped (nothing listens yet).
func (r *Runtime) Emit(name string, data ...any) {
	r.mu.RLock()
	ctx := r.ctx
	r.mu.RUnlock()
	if ctx != nil {
		runtime.EventsEmit(ctx, name, data...)
	}
}

// SystemInfo describes the running installation for 设置 → 关于 and for support.
type SystemInfo struct {
	Version       string `json:"version"`
	Commit        string `json:"commit"` // the git commit the program was built from
	DataDir       string `json:"dataDir"`
	DBPath        string `json:"dbPath"`
	BackupDir     string `json:"backupDir"`
	ExportDir     string `json:"exportDir"`
	LogDir        string `json:"logDir"`
	SchemaVersion int    `json:"schemaVersion"`
	StartedAt     string `json:"startedAt"`
	Now           string `json:"now"`
	FixedClock    bool   `json:"fixedClock"` // the clock is set (demo or test), not the real time
}

// Backup retention: how many automatic backups stay in backups/ (manual ones are never pruned).
const (
	SettingBackupKeep = "backup.keep"
	DefaultBackupKeep = 14
	minBackupKeep     = 1
	maxBackupKeep     = 365
	backupKeepSummary = "修改自动备份保留份数"
	backupKeepLabel   = "保留份数"
)

// Maintenance is what the system bridge needs from the database.
type Maintenance interface {
	IntSetting(ctx context.Context, key string, def, min, max int) (int, error)
	SetIntSetting(ctx context.Context, key, label, summary string, n, def, min, max int) (int, error)
	SchemaVersion(ctx context.Context) (int, error)
	Backup(ctx context.Context, dir, reason string) (core.BackupInfo, error)
	Restore(ctx context.Context, backupPath, dir string) (core.RestoreResult, error)
	AuditLog(ctx context.Context, f core.AuditFilter) (core.AuditPage, error)
	VerifyAudit(ctx context.Context) (core.AuditCheck, error)
	CheckIntegrity(ctx context.Context, full bool) ([]string, error)
}

// SystemService answers questions about the installation itself: backups, restore, the audit trail.
type SystemService struct {
	ctx        context.Context
	info       SystemInfo
	clock      core.Clock
	db         Maintenance
	backups    func(dir string) ([]core.BackupInfo, error)
	onRestored func(ctx context.Context) error
	emit       Emitter
}

// SystemConfig wires a SystemService.
type SystemConfig struct {
	DataDir, DBPath, BackupDir, ExportDir, LogDir string
	Clock                                         core.Clock
	DB                                            Maintenance
	ListBackups                                   func(dir string) ([]core.BackupInfo, error)
	OnRestored                                    func(ctx context.Context) error // reload caches after a restore
	Emit                                          Emitter
	Started                                       time.Time
}

// NewSystemService describes an installation.
func NewSystemService(c SystemConfig) *SystemService {
	_, fixed := c.Clock.(*core.FixedClock)
	return &SystemService{ctx: context.Background(), clock: c.Clock, db: c.DB, backups: c.ListBackups, onRestored: c.OnRestored, emit: c.Emit,
		info: SystemInfo{Version: buildinfo.Version, Commit: buildinfo.CommitID(), DataDir: c.DataDir, DBPath: c.DBPath, BackupDir: c.BackupDir, ExportDir: c.ExportDir, LogDir: c.LogDir,
			StartedAt: c.Started.Format(time.RFC3339), FixedClock: fixed}}
}

// startup keeps the Wails context.
func (s *SystemService) startup(ctx context.Context) { s.ctx = ctx }

// Info returns the installation's details.
func (s *SystemService) Info() (SystemInfo, error) {
	info := s.info
	info.Now = s.clock.Now().Format(time.RFC3339)
	v, err := s.db.SchemaVersion(s.ctx)
	info.SchemaVersion = v
	return info, err
}

// ListBackups lists the backups, newest first.
func (s *SystemService) ListBackups() ([]core.BackupInfo, error) {
	return nonNil(s.backups(s.info.BackupDir))
}

// BackupKeep is how many automatic backups are kept.
func (s *SystemService) BackupKeep() (int, error) { return BackupKeep(s.ctx, s.db) }

// BackupKeep reads the retention setting (main uses it for the backup taken at start).
func BackupKeep(ctx context.Context, db Maintenance) (int, error) {
	return db.IntSetting(ctx, SettingBackupKeep, DefaultBackupKeep, minBackupKeep, maxBackupKeep)
}

// SetBackupKeep changes how many automatic backups are kept (1–365); older ones are deleted at the next backup.
func (s *SystemService) SetBackupKeep(n int) (int, error) {
	return s.db.SetIntSetting(s.ctx, SettingBackupKeep, backupKeepLabel, backupKeepSummary, n, DefaultBackupKeep, minBackupKeep, maxBackupKeep)
}

// BackupNow takes a manual backup.
func (s *SystemService) BackupNow() (core.BackupInfo, error) {
	return s.db.Backup(s.ctx, s.info.BackupDir, "manual")
}

// RestoreBackup restores a backup from the backups folder by name, after validating it; the current data is
// kept as a backup first.
func (s *SystemService) RestoreBackup(name string) (core.RestoreResult, error) {
	if name == "" || filepath.Base(name) != name {
		return core.RestoreResult{}, core.FieldErrorf(core.EINVALID, "name", "备份文件名不正确")
	}
	res, err := s.db.Restore(s.ctx, filepath.Join(s.info.BackupDir, name), s.info.BackupDir)
	if err != nil {
		return res, err
	}
	if s.onRestored != nil {
		if err := s.onRestored(s.ctx); err != nil {
			return res, err
		}
	}
	s.emit(EventDataRestored, res.Restored.Name)
	return res, nil
}

// AuditLog lists audit entries matching the filter, newest first.
func (s *SystemService) AuditLog(f core.AuditFilter) (core.AuditPage, error) {
	return nonNil(s.db.AuditLog(s.ctx, f))
}

// VerifyAudit checks the audit trail's hash chain and names the first broken entry.
func (s *SystemService) VerifyAudit() (core.AuditCheck, error) { return s.db.VerifyAudit(s.ctx) }

// ExportAudit writes the audit entries matching the filter to an XLSX file in the exports folder and
// returns its path.
func (s *SystemService) ExportAudit(f core.AuditFilter) (string, error) {
	f.Offset, f.Limit = 0, 0
	var rows [][]string
	for {
		f.Limit = 1000
		page, err := s.db.AuditLog(s.ctx, f)
		if err != nil {
			return "", err
		}
		for _, e := range page.Entries {
			rows = append(rows, []string{strconv.FormatInt(e.ID, 10), e.At, e.PersonName, auditActionLabel(e.Action), e.Entity, e.EntityID, e.Summary, e.Changes, e.Hash})
		}
		if len(page.Entries) < f.Limit {
			break
		}
		f.Offset += f.Limit
	}
	if err := os.MkdirAll(s.info.ExportDir, 0o700); err != nil {
		return "", err
	}
	name := "审计日志-" + s.clock.Now().Format("20060102-150405") + ".xlsx"
	path := filepath.Join(s.info.ExportDir, name)
	title := "审计日志"
	if f.From != "" || f.To != "" {
		title += "(" + f.From + "至" + f.To + ")"
	}
	err := export.WriteXLSX(path, export.Table{Sheet: "审计日志", Title: title,
		Headers: []string{"序号", "时间", "人员", "操作", "对象", "对象编号", "摘要", "变更内容", "校验值"}, Rows: rows})
	return path, err
}

var auditActions = map[string]string{
	"create": "新建", "update": "修改", "delete": "删除", "state": "状态变更", "sign": "审签", "publish": "发布", "import": "导入",
}

func auditActionLabel(a string) string {
	if l, ok := auditActions[a]; ok {
		return l
	}
	return a
}

// starter is a bound service that needs the Wails context. The method is unexported so that Wails does not
// offer it to the frontend.
type starter interface{ startup(ctx context.Context) }

// Starter is a service main hands the Wails context to (see Start).
type Starter = starter

// Start hands the Wails context to the runtime and every service, from OnStartup.
func Start(ctx context.Context, rt *Runtime, services ...starter) {
	rt.startup(ctx)
	for _, s := range services {
		s.startup(ctx)
	}
}
