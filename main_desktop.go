//go:build !server

package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	wruntime "github.com/wailsapp/wails/v2/pkg/runtime"

	"policydesk/app"
	"policydesk/internal/core"
	"policydesk/internal/datadir"
	"policydesk/internal/server"
	"policydesk/internal/sqlite"
)

// runRecovery starts the window with only the recovery page, which explains the problem and restores a backup.
func runRecovery(paths datadir.Paths, problem string) error {
	slog.Error("database damaged", "problem", problem)
	fmt.Fprintln(os.Stderr, problem)
	recovery := app.NewRecoveryService(problem, paths.DB, paths.Backups, sqlite.ListBackups, sqlite.ReplaceWithBackup)
	return wails.Run(appOptions([]any{recovery}, func(ctx context.Context) { app.Start(ctx, &app.Runtime{}, recovery) }, time.Now(), nil))
}

// appOptions are the window and bridge settings shared by the normal and the recovery start; afterReady, if
// not nil, runs in its own goroutine once the page shows its first view (app.PageShown).
func appOptions(bind []any, onStartup func(ctx context.Context), started time.Time, afterReady func()) *options.App {
	var readyOnce sync.Once
	return &options.App{
		Title:     "政策解读与公众参与工作台",
		Width:     1360,
		Height:    860,
		MinWidth:  1100,
		MinHeight: 700,
		AssetServer: &assetserver.Options{
			Assets: assets,
		},
		BackgroundColour: &options.RGBA{R: 245, G: 247, B: 250, A: 1},
		OnStartup: func(ctx context.Context) {
			if afterReady != nil {
				wruntime.EventsOnce(ctx, app.PageShown, func(...any) {
					slog.Info("page shown", "startup_ms", time.Since(started).Milliseconds())
					go afterReady()
				})
			}
			onStartup(ctx)
		},
		// WebKit reports the page loaded once its HTML is read, which shows the start-up notice of index.html;
		// the app's code runs after that.
		OnDomReady: func(ctx context.Context) {
			readyOnce.Do(func() {
				slog.Info("window ready", "startup_ms", time.Since(started).Milliseconds())
			})
		},
		Bind:           bind,
		ErrorFormatter: app.FormatError,
		Linux: &linux.Options{
			ProgramName:      "policydesk",
			Icon:             appIcon,
			WebviewGpuPolicy: linux.WebviewGpuPolicyNever,
		},
	}
}

// run starts the desktop app on the data directory: standalone, or as a client of the bureau's server.
func run() error {
	started := time.Now()
	paths, release, err := lockedDataDir(os.Args[1:], "请切换到已打开的窗口；如确认没有其他窗口，请稍候再试。")
	if err != nil {
		return err
	}
	defer release()
	if paths.Postgres() {
		return errors.New("桌面程序只使用本机数据目录中的数据库；PostgreSQL 数据库(--db)由 policydesk serve 使用，桌面程序可在 设置 → 单位服务器 中连接该服务器")
	}
	clock, err := clockFromEnv()
	if err != nil {
		return err
	}
	rt := &app.Runtime{}
	// 设置 → 单位服务器: the desk as a client of the bureau's server (its pin lives in the data directory).
	remoteAPI := app.NewRemoteService(paths.Dir, paths.Exports, rt.Emit)
	defer app.StopRemote(remoteAPI)
	windowUp := make(chan struct{})
	var upOnce sync.Once
	b, err := openBureau(paths, clock, bureauOptions{SeedDemo: true, Emit: rt.Emit, Started: started, WindowUp: windowUp,
		Elsewhere: func() bool { return app.RemoteConnected(remoteAPI) }})
	var bad *damagedError
	if errors.As(err, &bad) {
		return runRecovery(paths, bad.problem)
	} else if err != nil {
		return err
	}
	defer b.close()
	// What waits for the page's first view: jieba's dictionaries, and on a first start the demo bureau's
	// records. Should the page never report it (no display), it starts all the same after a few seconds.
	afterReady := func() {
		upOnce.Do(func() {
			close(windowUp)
			if b.seedDemo != nil {
				b.seedDemo()
			}
		})
	}
	time.AfterFunc(5*time.Second, afterReady)

	recovery := app.NewRecoveryService("", paths.DB, paths.Backups, sqlite.ListBackups, sqlite.ReplaceWithBackup)
	services := append([]any{recovery, remoteAPI}, b.services...)
	starters := append([]app.Starter{recovery, remoteAPI}, b.starters()...)
	// The pages call every service through the desk's call path, which holds each method's declared access.
	var deskCtx atomic.Pointer[context.Context]
	calls, err := server.NewDesk(services, func() context.Context {
		if c := deskCtx.Load(); c != nil {
			return *c
		}
		return context.Background()
	})
	if err != nil {
		return err
	}
	return wails.Run(appOptions(append(services, calls), func(ctx context.Context) {
		ctx = core.WithActorSource(ctx, b.desk)
		deskCtx.Store(&ctx)
		app.ResumeSignIn(ctx, b.auth)
		app.Start(ctx, rt, starters...)
	}, started, afterReady))
}
