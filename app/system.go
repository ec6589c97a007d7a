package app

import (
	"context"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"policydesk/internal/core"
)

// Version is the application version shown in 设置 → 关于.
const Version = "0.1.0"

// Runtime holds the Wails context once the window exists, and sends events through it.
type Runtime struct {
	mu  sync.RWMutex
	ctx context.Context
}

// Startup records the Wails context.
func (r *Runtime) Startup(ctx context.Context) {
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
	DataDir       string `json:"dataDir"`
	DBPath        string `json:"dbPath"`
	SchemaVersion int    `json:"schemaVersion"`
	StartedAt     string `json:"startedAt"`
	Now           string `json:"now"`
	FixedClock    bool   `json:"fixedClock"` // the clock is set (demo or test), not the real time
}

// SystemService answers questions about the installation itself.
type SystemService struct {
	ctx     context.Context
	info    SystemInfo
	clock   core.Clock
	version func(context.Context) (int, error)
}

// NewSystemService describes an installation.
func NewSystemService(dataDir, dbPath string, clock core.Clock, schemaVersion func(context.Context) (int, error), started time.Time) *SystemService {
	_, fixed := clock.(*core.FixedClock)
	return &SystemService{ctx: context.Background(), clock: clock, version: schemaVersion, info: SystemInfo{
		Version: Version, DataDir: dataDir, DBPath: dbPath, StartedAt: started.Format(time.RFC3339), FixedClock: fixed,
	}}
}

// Startup keeps the Wails context.
func (s *SystemService) Startup(ctx context.Context) { s.ctx = ctx }

// Info returns the installation's details.
func (s *SystemService) Info() (SystemInfo, error) {
	info := s.info
	info.Now = s.clock.Now().Format(time.RFC3339)
	v, err := s.version(s.ctx)
	info.SchemaVersion = v
	return info, err
}
