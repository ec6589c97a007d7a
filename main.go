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
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"policydesk/app"
	"policydesk/internal/applog"
	"policydesk/internal/buildinfo"
	"policydesk/internal/calendar"
	"policydesk/internal/cli"
	"policydesk/internal/core"
	"policydesk/internal/datadir"
	"policydesk/internal/dedup"
	"policydesk/internal/demo"
	"policydesk/internal/routing"
	"policydesk/internal/rules"
	"policydesk/internal/seal"
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

// `policydesk __extract-pdf`, the process that reads one PDF for an import, is answered by internal/docimport
// (linked through app) before main runs, in the desktop and the server builds alike.
func main() {
	if err := buildinfo.SetVersionFromConfig(wailsJSON); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	// A soft limit on the Go heap: importing a large file (base64 in a request, decoded, then parsed) makes the
	// collector work harder rather than let the heap double past the machine's memory. GOMEMLIMIT overrides it.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(384 << 20)
	}
	cli.Commands["eval-routing"] = routing.EvalCommand
	cli.Commands["serve"] = serveCommand
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

// lockedDataDir resolves the data directory from args (--data-dir, else POLICYDESK_DATA_DIR, else the default)
// and the database (its SQLite file, or the PostgreSQL one of --db or POLICYDESK_DB), prepares it and takes its
// lock; whenLocked tells the person what to do when another program holds it.
func lockedDataDir(args []string, whenLocked string) (datadir.Paths, func(), error) {
	paths, err := datadir.FromArgs(args)
	if err != nil {
		return datadir.Paths{}, nil, err
	}
	unlock, err := datadir.Lock(paths.Lock)
	if errors.Is(err, datadir.ErrLocked) {
		return datadir.Paths{}, nil, fmt.Errorf("%w(%s)。%s", err, paths.Dir, whenLocked)
	} else if err != nil {
		return datadir.Paths{}, nil, err
	}
	// The log file belongs to whoever holds the lock, so two programs never rotate it under each other.
	stopLog, err := applog.Start(paths.Logs)
	if err != nil {
		unlock()
		return datadir.Paths{}, nil, err
	}
	slog.Info("program started", "version", buildinfo.Version, "commit", buildinfo.CommitID(), "os", runtime.GOOS, "arch", runtime.GOARCH)
	return paths, func() {
		slog.Info("program stopped")
		stopLog()
		unlock()
	}, nil
}

// takeDailyBackup takes the day's backup unless one exists, keeping as many as the setting says; a failure is
// logged, never fatal: a missed backup must not stop the bureau's work.
func takeDailyBackup(ctx context.Context, db *sqlite.DB, dir string) {
	keep, err := app.BackupKeep(ctx, db)
	if err == nil {
		_, err = db.DailyBackup(ctx, dir, keep)
	}
	if err != nil {
		slog.Error("daily backup failed", "err", err)
	}
}

// damagedError is a database that failed its checks: the desk opens its recovery page, the server stops.
type damagedError struct{ problem string }

func (e *damagedError) Error() string { return e.problem }

// bureauOptions say how the bureau's data is opened: by the desk or by the server.
type bureauOptions struct {
	Server   bool        // `policydesk serve`: no desk session, events go to the browsers
	SeedDemo bool        // seed the demo bureau on an empty database (always on a desk's first run)
	Emit     app.Emitter // where the services' events go
	Started  time.Time
	// WindowUp, if not nil, is closed when the desk's page shows its first view: work that can wait (loading
	// jieba, writing the demo bureau, the daily backup) starts then instead of competing with the page for the
	// processor.
	WindowUp <-chan struct{}
	// Elsewhere reports whether the desk works on a server's data right now (nil: never): the background jobs
	// on the local data then stand still.
	Elsewhere func() bool
}

// bureau is the opened data directory with its services, in the order the desktop binds them.
type bureau struct {
	paths    datadir.Paths
	clock    core.Clock
	db       *sqlite.DB
	auth     *app.AuthService
	desk     *app.DeskSession // nil on the server
	services []any            // every bound service but RecoveryService and RemoteService
	closers  []func()         // run in reverse order by close
	// seedDemo writes the demo bureau's records on a desk's first start; the desk runs it once its window is
	// up (nil: nothing to seed, or seeded already). preparing is set until it has finished.
	seedDemo  func()
	preparing atomic.Bool
	// reread reads again what the process keeps in memory after another server process changed it (the event's
	// name says what: the calendar, the routing model and dictionary, the topics; "data:restored" all of them).
	reread func(ctx context.Context, event string)
}

func (b *bureau) close() {
	for i := len(b.closers) - 1; i >= 0; i-- {
		b.closers[i]()
	}
}

// starters are the services as app.Start takes them.
func (b *bureau) starters() []app.Starter {
	out := make([]app.Starter, 0, len(b.services))
	for _, s := range b.services {
		if st, ok := s.(app.Starter); ok {
			out = append(out, st)
		}
	}
	return out
}

// openBureau opens, checks and migrates the database of paths (locked by the caller), backs it up once a day,
// seeds the demo bureau on a first run, and builds the services. A damaged database is a *damagedError.
func openBureau(paths datadir.Paths, clock core.Clock, opt bureauOptions) (_ *bureau, err error) {
	b := &bureau{paths: paths, clock: clock}
	defer func() {
		if err != nil {
			b.close() // what was opened before the failure
		}
	}()
	db := sqlite.NewDB(paths.DB, rules.All())
	db.Clock, db.BackupDir, db.DataDir = clock, paths.Backups, paths.Dir
	b.db = db
	ctx := context.Background()
	desk := opt.SeedDemo && !opt.Server && !paths.Postgres() // a desk on its own SQLite file
	if desk {
		if err := discardUnfinishedDemo(paths); err != nil {
			return nil, err
		}
	}
	_, statErr := os.Stat(paths.DB)
	existed := statErr == nil // a database file was there before this start
	if desk && !existed {
		markDemoPending(paths)
	}
	if err := db.Open(); err != nil {
		if core.ErrorCode(err) != core.EINTERNAL {
			return nil, err // e.g. a database from a newer version: nothing to recover
		}
		if paths.Postgres() {
			// The IT department's server: unreachable, refused or misconfigured, never a file to replace.
			return nil, fmt.Errorf("无法使用 PostgreSQL 数据库 %s：%w", paths.DBName(), err)
		}
		return nil, &damagedError{damaged(paths, nil, err)}
	}
	b.closers = append(b.closers, func() { db.Close() })
	if problems, err := db.CheckIntegrity(ctx, false); err != nil || len(problems) > 0 {
		return nil, &damagedError{damaged(paths, problems, err)}
	}
	// The background jobs on this data (backups, mail fetch, training) run here unless the desk works on a
	// server's data, or another server process on the same PostgreSQL database leads (sqlite.DB.Lead).
	local := func() bool { return (opt.Elsewhere == nil || !opt.Elsewhere()) && db.Leading() }
	if local() && opt.WindowUp == nil {
		takeDailyBackup(ctx, db, paths.Backups) // a desk takes it once its page is shown (below)
	}
	calendars := sqlite.NewCalendarStore(db)
	if err := calendars.Load(ctx); err != nil {
		return nil, fmt.Errorf("读取工作日历失败：%w", err)
	}
	settings := sqlite.NewSettingsStore(db)
	empty, err := demo.NeedsSeed(ctx, settings)
	if err != nil {
		return nil, err
	}
	if empty && existed {
		// The file existed but holds none of the bureau's data (emptied, truncated or replaced): demo data
		// would bury what happened. Restoring a backup is the way out.
		return nil, &damagedError{damaged(paths, []string{"数据库文件存在，但其中没有本单位的设置和数据"}, nil)}
	}
	first := empty && opt.SeedDemo

	// jieba's dictionaries take about a second to load: they load in the background, never delaying the window
	// (except on the very first run, when the demo comments are grouped with them).
	routingStore := sqlite.NewRoutingStore(db)
	userWords, err := app.UserWords(ctx, routingStore)
	if err != nil {
		return nil, err
	}
	segmenter := segment.NewAfter(paths.Cache, userWords, opt.WindowUp)
	b.closers = append(b.closers, func() { segmenter.Close() })
	cal := func() *calendar.Calendar { return calendars.Calendar() }
	policies := sqlite.NewPolicyStore(db, cal)
	consultations := sqlite.NewConsultationStore(db, cal, dedup.Grouper{Seg: segmenter}, segmenter)
	interpretations := sqlite.NewInterpretationStore(db, cal)
	mailboxes := sqlite.NewMailboxStore(db, cal, seal.KeyFile{Path: filepath.Join(paths.Dir, seal.SecretKeyFile)}, segmenter)
	disclosures := sqlite.NewDisclosureStore(db, cal)
	seeded := make(chan struct{}) // closed when the demo's records are written (at once if there are none to write)
	seedModules := func() error {
		defer close(seeded)
		started := time.Now()
		if err := demo.Seed(ctx, settings); err != nil {
			return fmt.Errorf("写入示例数据失败：%w", err)
		}
		if err := segmenter.Wait(ctx); err != nil {
			slog.Warn("segmenter not ready for demo data", "err", err)
		}
		err := demo.SeedModules(ctx, demo.Stores{DB: db, Settings: settings, Policies: policies, Consultations: consultations,
			Interpretations: interpretations, Mailbox: mailboxes, Disclosures: disclosures, Calendar: cal, Clock: clock})
		slog.Info("demo bureau seeded", "ms", time.Since(started).Milliseconds(), "err", err)
		return err
	}
	switch {
	case !first:
		close(seeded)
	case opt.Server:
		// the server answers no browser before it listens: it seeds first
		if err := seedModules(); err != nil {
			return nil, err
		}
	default:
		// The desk's window comes up first; the pages say the demo is being prepared and reload when it is.
		// Closing the window meanwhile waits for the demo to be written (a few seconds): a demo cut short by a
		// crash instead is discarded at the next start (discardUnfinishedDemo).
		b.preparing.Store(true)
		var mu sync.Mutex
		begun, closing := false, false
		b.seedDemo = func() {
			mu.Lock()
			defer mu.Unlock()
			if begun || closing {
				return
			}
			begun = true
			if err := seedModules(); err != nil {
				slog.Error("seeding the demo bureau failed", "err", err)
			}
			demoWritten(paths)       // finished, or failed for good: either way nothing is discarded any more
			b.preparing.Store(false) // the page polls the sign-in page's preparing flag
		}
		b.closers = append(b.closers, func() {
			mu.Lock()
			closing = true
			mu.Unlock()
		})
	}
	// Messages are matched to topics by their keywords and, once trained, the model learned from history
	// (the topics are read again once the demo's are written).
	topics, err := mailboxes.MatcherTopics(ctx)
	if err != nil {
		return nil, err
	}
	matcher := routing.NewMatcher(segmenter, nil, topics)

	emit := opt.Emit
	settingsAPI := app.NewSettingsService(settings, emit)
	calendarAPI := app.NewCalendarService(calendars, clock, emit)
	policyAPI := app.NewPolicyService(policies, emit)
	consultationAPI := app.NewConsultationService(consultations, paths.Exports, emit)
	mailboxAPI := app.NewMailboxService(mailboxes, matcher, segmenter, paths.Exports, emit, matcher.SetTopics)
	// 问答 suggestions come from the policy's structure and from what citizens ask about it in the 局长信箱
	interpretationAPI := app.NewInterpretationService(interpretations, segmenter, paths.Exports, clock, emit, app.MailboxQuestions(mailboxAPI))
	b.closers = append(b.closers, func() { app.StopMailbox(mailboxAPI) }, func() { app.StopConsultations(consultationAPI) })
	// New mail is fetched in the background as often as the mail account says (设置 → 收件邮箱).
	watchCtx, stopWatch := context.WithCancel(context.Background())
	b.closers = append(b.closers, stopWatch)
	go app.WatchMail(watchCtx, mailboxAPI, clock, time.Minute, local)
	routingAPI := app.NewRoutingService(routingStore, segmenter, matcher, mailboxes.MatcherTopics, clock, emit)
	b.closers = append(b.closers, func() { app.StopRouting(routingAPI) })
	// The stored model (several MB) is decoded off the start-up path, and a desk's daily backup taken, once the
	// window is up and the demo written; until then topics match by keywords.
	go func() {
		<-seeded
		if opt.WindowUp != nil {
			<-opt.WindowUp
			if local() {
				takeDailyBackup(ctx, db, paths.Backups)
			}
		}
		if first {
			if topics, err := mailboxes.MatcherTopics(ctx); err == nil {
				matcher.SetTopics(topics)
			}
		}
		if err := app.LoadRouting(ctx, routingAPI); err != nil {
			slog.Error("loading the routing model failed", "err", err)
		}
		go db.KeepStatistics(watchCtx, 10*time.Minute, 24*time.Hour, local)
		app.WatchHistory(routingAPI, 10*time.Minute, local)
	}()
	disclosureAPI := app.NewDisclosureService(disclosures, paths.Exports, clock, emit)
	dashboardAPI := app.NewDashboardService(cal, clock, interpretations, app.CalendarDeadlines{Cal: cal}, consultations, interpretations, mailboxes, disclosures)
	systemAPI := app.NewSystemService(app.SystemConfig{
		DataDir: paths.Dir, DBPath: paths.DB, BackupDir: paths.Backups, ExportDir: paths.Exports, LogDir: paths.Logs,
		Clock: clock, DB: db, ListBackups: sqlite.ListBackups, Emit: emit, Started: opt.Started,
		OnRestored: func(ctx context.Context) error {
			if err := calendars.Load(ctx); err != nil {
				return err
			}
			return app.ReloadRouting(ctx, routingAPI)
		},
	})

	b.reread = func(ctx context.Context, event string) {
		var err error
		all := event == app.EventDataRestored
		if all || event == app.EventCalendarChanged {
			err = errors.Join(err, calendars.Load(ctx))
		}
		if all || event == app.EventRoutingChanged {
			err = errors.Join(err, app.RereadRouting(ctx, routingAPI))
		}
		if all || event == app.EventMailboxSettingsChanged {
			topics, terr := mailboxes.MatcherTopics(ctx)
			if terr == nil {
				matcher.SetTopics(topics)
			}
			err = errors.Join(err, terr)
		}
		if err != nil {
			slog.Error("reading again what another server process changed", "event", event, "err", err)
		}
	}

	// On a desk the sign-in lives in memory and every bound call acts as whoever is signed in when it runs; on
	// the server each call carries its own session.
	authCfg := app.AuthConfig{Store: db, Settings: settings, Clock: clock, IsDemo: demo.IsDemo, Demo: demoAccounts(), Emit: emit,
		Server: opt.Server, Preparing: b.preparing.Load}
	if !opt.Server {
		b.desk = &app.DeskSession{Clock: clock}
		authCfg.Desk, authCfg.KeepFile = b.desk, filepath.Join(paths.Dir, "keep-signed-in")
	}
	b.auth = app.NewAuthService(authCfg)
	b.services = []any{b.auth, settingsAPI, calendarAPI, dashboardAPI, systemAPI, policyAPI, consultationAPI, interpretationAPI, mailboxAPI, routingAPI,
		disclosureAPI}
	return b, nil
}

// demoAccounts are the demo sign-ins the 登录 page lists on demo data.
func demoAccounts() []core.DemoAccount {
	out := make([]core.DemoAccount, 0, len(demo.Accounts))
	for _, a := range demo.Accounts {
		out = append(out, core.DemoAccount{Login: a.Login, Password: demo.DemoPassword, Name: a.Name})
	}
	return out
}
