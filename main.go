// PolicyDesk (政策解读与公众参与工作台): wiring only. Commands for scripts are answered by internal/cli;
// otherwise the data directory is locked, the database opened and migrated, the services built and bound.
package main

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"

	"policydesk/app"
	"policydesk/internal/buildinfo"
	"policydesk/internal/calendar"
	"policydesk/internal/cli"
	"policydesk/internal/core"
	"policydesk/internal/datadir"
	"policydesk/internal/demo"
	"policydesk/internal/routing"
	"policydesk/internal/segment"
	"policydesk/internal/sqlite"
)

//go:embed all:frontend/dist
var assets embed.FS

// wailsJSON is the one place the version is written (info.productVersion).
//
//go:embed wails.json
var wailsJSON []byte

// appIcon is the window icon on Linux (the 政 mark, rendered by build/package.sh from build/icons/policydesk.svg).
//
//go:embed build/appicon.png
var appIcon []byte

func main() {
	if err := buildinfo.SetVersionFromConfig(wailsJSON); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	cli.Commands["eval-routing"] = routing.EvalCommand
	if handled, code := cli.Run(os.Args[1:], os.Stdout, os.Stderr); handled {
		os.Exit(code)
	}
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "政策解读与公众参与工作台无法启动：", err)
		os.Exit(1)
	}
}

// clockFromEnv returns the real clock, or a fixed one when POLICYDESK_NOW is set (demos and end-to-end tests).
func clockFromEnv() (core.Clock, error) {
	v := os.Getenv("POLICYDESK_NOW")
	if v == "" {
		return core.SystemClock{}, nil
	}
	t, err := time.ParseInLocation("2006-01-02T15:04:05", v, core.Shanghai)
	if err != nil {
		if t, err = time.ParseInLocation("2006-01-02", v, core.Shanghai); err != nil {
			return nil, fmt.Errorf("POLICYDESK_NOW=%q 不是有效时间(应为 2006-01-02T15:04:05)", v)
		}
		t = t.Add(9 * time.Hour)
	}
	return core.NewFixedClock(t), nil
}

// damaged explains a failed integrity check and the way out, without touching the file: the bureau's
// records are evidence, so a damaged database is never silently recreated.
func damaged(paths datadir.Paths, problems []string, err error) string {
	var msg string
	if len(problems) > 0 {
		msg = fmt.Sprintf("数据库文件 %s 完整性检查未通过(%s)，文件可能已损坏。", paths.DB, problems[0])
	} else {
		msg = fmt.Sprintf("数据库文件 %s 无法打开(%v)，文件可能已损坏或无法读取。", paths.DB, err)
	}
	if list, _ := sqlite.ListBackups(paths.Backups); len(list) > 0 {
		msg += fmt.Sprintf("\n可以用最新的备份(%s)替换它；被替换的文件会保留在备份目录中。", list[0].CreatedAt)
	} else {
		msg += "\n备份目录中没有可用的备份，请联系系统管理员。"
	}
	return msg
}

// runRecovery starts the window with only the recovery page, which explains the problem and restores a backup.
func runRecovery(paths datadir.Paths, problem string) error {
	slog.Error("database damaged", "problem", problem)
	fmt.Fprintln(os.Stderr, problem)
	recovery := app.NewRecoveryService(problem, paths.DB, paths.Backups, sqlite.ListBackups, sqlite.ReplaceWithBackup)
	return wails.Run(appOptions([]any{recovery}, func(ctx context.Context) { app.Start(ctx, &app.Runtime{}, recovery) }, time.Now()))
}

// appOptions are the window and bridge settings shared by the normal and the recovery start.
func appOptions(bind []any, onStartup func(ctx context.Context), started time.Time) *options.App {
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
		OnStartup:        onStartup,
		OnDomReady: func(ctx context.Context) {
			slog.Info("window ready", "startup_ms", time.Since(started).Milliseconds())
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

func run() error {
	started := time.Now()
	dir, err := datadir.Resolve(os.Args[1:])
	if err != nil {
		return err
	}
	paths, err := datadir.Prepare(dir)
	if err != nil {
		return err
	}
	release, err := datadir.Lock(paths.Lock)
	if errors.Is(err, datadir.ErrLocked) {
		return fmt.Errorf("%w(%s)。请切换到已打开的窗口；如确认没有其他窗口，请稍候再试。", err, dir)
	} else if err != nil {
		return err
	}
	defer release()
	clock, err := clockFromEnv()
	if err != nil {
		return err
	}

	db := sqlite.NewDB(paths.DB)
	db.Clock, db.BackupDir = clock, paths.Backups
	ctx := context.Background()
	_, statErr := os.Stat(paths.DB)
	existed := statErr == nil // a database file was there before this start
	if err := db.Open(); err != nil {
		if core.ErrorCode(err) != core.EINTERNAL {
			return err // e.g. a database from a newer version: nothing to recover
		}
		return runRecovery(paths, damaged(paths, nil, err))
	}
	defer db.Close()
	if problems, err := db.CheckIntegrity(ctx, false); err != nil || len(problems) > 0 {
		db.Close() // the file is replaced during recovery
		return runRecovery(paths, damaged(paths, problems, err))
	}
	keep, err := app.BackupKeep(ctx, db)
	if err != nil {
		return err
	}
	if _, err := db.DailyBackup(ctx, paths.Backups, keep); err != nil {
		slog.Error("daily backup failed", "err", err) // a missed backup must not stop the bureau's work
	}
	calendars := sqlite.NewCalendarStore(db)
	if err := calendars.Load(ctx); err != nil {
		return fmt.Errorf("读取工作日历失败：%w", err)
	}
	settings := sqlite.NewSettingsService(db)
	first, err := demo.NeedsSeed(ctx, settings)
	if err != nil {
		return err
	}
	if first && existed {
		// The file existed but holds none of the bureau's data (emptied, truncated or replaced): demo data
		// would bury what happened. Restoring a backup is the way out.
		db.Close()
		return runRecovery(paths, damaged(paths, []string{"数据库文件存在，但其中没有本单位的设置和数据"}, nil))
	}
	if first {
		if err := demo.Seed(ctx, settings); err != nil {
			return fmt.Errorf("写入示例数据失败：%w", err)
		}
	}

	// jieba's dictionaries take about a second to load: they load in the background, never delaying the window
	// (except on the very first run, when the demo comments are grouped with them).
	routingStore := sqlite.NewRoutingStore(db)
	userWords, err := app.UserWords(ctx, routingStore)
	if err != nil {
		return err
	}
	segmenter := segment.New(paths.Cache, userWords)
	defer segmenter.Close()
	cal := func() *calendar.Calendar { return calendars.Calendar() }
	policies := sqlite.NewPolicyStore(db, cal)
	consultations := sqlite.NewConsultationStore(db, cal, segmenter)
	interpretations := sqlite.NewInterpretationStore(db, cal, segmenter)
	mailboxes := sqlite.NewMailboxStore(db, cal)
	if first {
		if err := segmenter.Wait(ctx); err != nil {
			slog.Warn("segmenter not ready for demo data", "err", err)
		}
		if err := demo.SeedConsultations(ctx, settings, policies, consultations, clock); err != nil {
			return fmt.Errorf("写入征求意见示例数据失败：%w", err)
		}
		if err := demo.SeedInterpretations(ctx, settings, policies, interpretations, clock); err != nil {
			return fmt.Errorf("写入政策解读示例数据失败：%w", err)
		}
		if err := demo.SeedMailbox(ctx, db, settings, mailboxes, cal); err != nil {
			return fmt.Errorf("写入局长信箱示例数据失败：%w", err)
		}
		if err := demo.SeedAccounts(ctx, settings, db); err != nil {
			return fmt.Errorf("写入示例登录账号失败：%w", err)
		}
	}
	// Messages are matched to topics by their keywords and, once trained, the model learned from history.
	mailboxes.SetSegmenter(segmenter)
	topics, err := mailboxes.MatcherTopics(ctx)
	if err != nil {
		return err
	}
	matcher := routing.NewMatcher(segmenter, nil, topics)
	mailboxes.SetMatcher(matcher)

	rt := &app.Runtime{}
	settingsAPI := app.NewSettingsService(settings, rt.Emit)
	calendarAPI := app.NewCalendarService(calendars, clock, rt.Emit)
	policyAPI := app.NewPolicyService(policies, rt.Emit)
	consultationAPI := app.NewConsultationService(consultations, paths.Exports, rt.Emit)
	interpretationAPI := app.NewInterpretationService(interpretations, paths.Exports, clock, rt.Emit)
	mailboxAPI := app.NewMailboxService(mailboxes, paths.Exports, rt.Emit, matcher.SetTopics)
	defer app.StopMailbox(mailboxAPI)
	routingAPI := app.NewRoutingService(routingStore, segmenter, matcher, mailboxes.MatcherTopics, clock, rt.Emit)
	defer app.StopRouting(routingAPI)
	// The stored model (several MB) is decoded off the start-up path; until then topics match by keywords.
	go func() {
		if err := app.LoadRouting(ctx, routingAPI); err != nil {
			slog.Error("loading the routing model failed", "err", err)
		}
		app.WatchHistory(routingAPI, 10*time.Minute)
	}()
	dashboardAPI := app.NewDashboardService(cal, clock, app.CalendarDeadlines{Cal: cal}, consultations, interpretations, mailboxes)
	systemAPI := app.NewSystemService(app.SystemConfig{
		DataDir: paths.Dir, DBPath: paths.DB, BackupDir: paths.Backups, ExportDir: paths.Exports,
		Clock: clock, DB: db, ListBackups: sqlite.ListBackups, Emit: rt.Emit, Started: started,
		OnRestored: func(ctx context.Context) error {
			if err := calendars.Load(ctx); err != nil {
				return err
			}
			return app.ReloadRouting(ctx, routingAPI)
		},
	})

	// The desk's sign-in lives in memory; every bound call acts as whoever is signed in when it runs.
	desk := &app.DeskSession{}
	authAPI := app.NewAuthService(app.AuthConfig{
		Store: db, Settings: settings, Desk: desk, KeepFile: filepath.Join(paths.Dir, "keep-signed-in"), Clock: clock,
		IsDemo: demo.IsDemo, Demo: demoAccounts(), Emit: rt.Emit,
	})

	recovery := app.NewRecoveryService("", paths.DB, paths.Backups, sqlite.ListBackups, sqlite.ReplaceWithBackup)
	// 设置 → 单位服务器: the desk as a client of the bureau's server (its pin lives in the data directory).
	remoteAPI := app.NewRemoteService(paths.Dir, paths.Exports, rt.Emit)
	defer app.StopRemote(remoteAPI)
	bind := []any{authAPI, recovery, settingsAPI, calendarAPI, dashboardAPI, systemAPI, policyAPI, consultationAPI, interpretationAPI, mailboxAPI, routingAPI, remoteAPI}
	return wails.Run(appOptions(bind, func(ctx context.Context) {
		ctx = core.WithActorSource(ctx, desk)
		app.ResumeSignIn(ctx, authAPI)
		app.Start(ctx, rt, authAPI, recovery, settingsAPI, calendarAPI, dashboardAPI, systemAPI, policyAPI, consultationAPI, interpretationAPI, mailboxAPI, routingAPI, remoteAPI)
	}, started))
}

// demoAccounts are the demo sign-ins the 登录 page lists on demo data.
func demoAccounts() []core.DemoAccount {
	out := make([]core.DemoAccount, 0, len(demo.Accounts))
	for _, a := range demo.Accounts {
		out = append(out, core.DemoAccount{Login: a.Login, Password: demo.DemoPassword, Name: a.Name})
	}
	return out
}
