// Package cli answers PolicyDesk's command-line entries, for scripts and checks:
//
//	policydesk workday DATE...   true or false for each date, one per line
//	policydesk due DATE N        the date N working days after DATE (DATE not counted)
//	policydesk eval-routing ...  evaluates topic matching on labeled CSV files
//
// The calendar comes from the data directory's database when there is one (so user edits and imported years
// count), else from the built-in official data.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"

	"policydesk/internal/buildinfo"
	"policydesk/internal/calendar"
	"policydesk/internal/core"
	"policydesk/internal/datadir"
	"policydesk/internal/rules"
	"policydesk/internal/sqlite"
)

// Command is a command-line entry.
type Command func(args []string, stdout, stderr io.Writer) int

// Commands are the entries besides the built-in calendar ones; main.go adds eval-routing.
var Commands = map[string]Command{}

// dataCommands work on the data directory, which the full argument list may name (--data-dir).
var dataCommands = map[string]func(args, rest []string, stdout, stderr io.Writer) int{
	"workday": workday, "due": due, "restore": restore, "user": user, "requests": requests, "annual-report": annualReport,
	"migrate": migrate,
}

// Run runs the command named by args[0] if there is one. handled is false when args name no command
// (the caller then starts the desktop app).
func Run(args []string, stdout, stderr io.Writer) (handled bool, code int) {
	rest := datadir.StripFlag(args)
	if len(rest) == 0 {
		return false, 0
	}
	switch rest[0] {
	case "version", "--version", "-version":
		fmt.Fprintln(stdout, buildinfo.Line())
		return true, 0
	case "help", "-h", "--help":
		usage(stdout)
		return true, 0
	}
	if cmd, ok := dataCommands[rest[0]]; ok {
		return true, cmd(args, rest[1:], stdout, stderr)
	}
	if cmd, ok := Commands[rest[0]]; ok {
		return true, cmd(rest[1:], stdout, stderr)
	}
	return false, 0
}

func usage(w io.Writer) {
	fmt.Fprint(w, `政策解读与公众参与工作台 (PolicyDesk)

用法:
  policydesk                         启动桌面程序
  policydesk --version               显示版本号与构建所用的提交
  policydesk workday DATE...         判断各日期是否为工作日，每行输出 true 或 false
  policydesk due DATE N              输出 DATE 之后第 N 个工作日(DATE 当天不计)
  policydesk restore BACKUP.db       程序无法启动时，用备份替换损坏的数据库(须先关闭程序)
  policydesk restore BACKUP.dump --db postgres://…
                                     把 PostgreSQL 备份恢复到新建的空数据库(以数据目录中的审计密钥校验)
  policydesk migrate --from DIR --to postgres://…
                                     把本机数据库的全部记录迁入新建的空 PostgreSQL 数据库(前后校验审计链与记录数)
  policydesk serve [--demo] [--listen ADDR] [--tls-self-signed] [--db postgres://…]
                                     以单位服务器方式运行(无窗口)，浏览器与桌面程序连接使用(policydesk serve --help)
  policydesk user add|passwd|disable|enable|list
                                     管理登录账号(密码从标准输入读取)，如 user add zhoumy --name 周明远 --role 政务公开专员 --section 办公室 --admin
  policydesk eval-routing --train TRAIN.csv [--test TEST.csv | --folds 5]
                                     评估留言主题匹配(CSV 表头 subject,body,label)
  policydesk requests import FILE    导入依申请公开登记台账(.xlsx/.csv；表头 编号、收到日期、申请人、申请人类型、
                                     申请内容、申请方式、办理结果、答复日期；有一行不符即整个文件不导入)
  policydesk annual-report --year YYYY --table 3|4 --format csv
                                     输出政府信息公开工作年度报告的表三或表四
  policydesk annual-report --year YYYY --format docx|html --out FILE
                                     由记录生成整份年度报告(DOCX 供审签存档，HTML 供网站发布)

选项:
  --data-dir DIR                     数据目录(默认为用户配置目录下的 PolicyDesk，也可用环境变量 POLICYDESK_DATA_DIR)
  --db postgres://USER@HOST:PORT/DB  服务器与命令行使用的 PostgreSQL 数据库(也可用环境变量 POLICYDESK_DB)
日期格式: 2026-11-20、2026/11/20 或 2026年11月20日
`)
}

// loadCalendar returns the calendar of the data directory named by args (or the default one), or the built-in
// calendar when there is no database yet.
func loadCalendar(args []string) (*calendar.Calendar, error) {
	dir, err := datadir.Resolve(args)
	if err != nil {
		return nil, err
	}
	path := datadir.DBFile(dir)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return calendar.New(calendar.Builtin()), nil
	}
	db := sqlite.NewDB(path, rules.All())
	if err := db.Open(); err != nil {
		return nil, fmt.Errorf("打开数据库 %s 失败：%w", path, err)
	}
	defer db.Close()
	store := sqlite.NewCalendarStore(db)
	if err := store.Load(context.Background()); err != nil {
		return nil, fmt.Errorf("读取工作日历失败：%w", err)
	}
	return store.Calendar(), nil
}

func workday(args, dates []string, stdout, stderr io.Writer) int {
	cal, err := loadCalendar(args)
	if err != nil {
		fmt.Fprintln(stderr, "错误:", err)
		return 1
	}
	if len(dates) == 0 {
		fmt.Fprintln(stderr, "用法: policydesk workday DATE...")
		return 2
	}
	// Parse everything first so that a bad date prints nothing half-done.
	parsed := make([]bool, len(dates))
	for i, s := range dates {
		d, err := calendar.ParseDate(s)
		if err != nil {
			fmt.Fprintf(stderr, "错误: 第%d个参数“%s”不是有效日期(应为 2006-01-02)\n", i+1, s)
			return 2
		}
		parsed[i] = cal.IsWorkday(d)
	}
	for _, w := range parsed {
		fmt.Fprintln(stdout, strconv.FormatBool(w))
	}
	return 0
}

func due(args, rest []string, stdout, stderr io.Writer) int {
	cal, err := loadCalendar(args)
	if err != nil {
		fmt.Fprintln(stderr, "错误:", err)
		return 1
	}
	if len(rest) != 2 {
		fmt.Fprintln(stderr, "用法: policydesk due DATE N")
		return 2
	}
	d, err := calendar.ParseDate(rest[0])
	if err != nil {
		fmt.Fprintf(stderr, "错误: “%s”不是有效日期(应为 2006-01-02)\n", rest[0])
		return 2
	}
	n, err := strconv.Atoi(rest[1])
	if err != nil || n < 0 || n > 3650 {
		fmt.Fprintf(stderr, "错误: 工作日数“%s”应为0到3650之间的整数\n", rest[1])
		return 2
	}
	fmt.Fprintln(stdout, calendar.FormatDate(cal.AddWorkdays(d, n)))
	return 0
}

// restore replaces a damaged database with a backup, for when the app cannot start. The app must not be
// running (the data directory's lock says so); the damaged file is kept in backups/ rather than deleted.
func restore(args, rest []string, stdout, stderr io.Writer) int {
	if len(rest) != 1 {
		fmt.Fprintln(stderr, "用法: policydesk restore BACKUP.db [--data-dir DIR]\n      policydesk restore BACKUP.dump --db postgres://… [--data-dir DIR]   (恢复到新建的空 PostgreSQL 数据库)")
		return 2
	}
	paths, err := preparedDataDir(args)
	if err != nil {
		fmt.Fprintln(stderr, "错误:", err)
		return 1
	}
	if paths.Postgres() {
		return restoreDump(paths, rest[0], stdout, stderr)
	}
	release, err := datadir.Lock(paths.Lock)
	if err != nil {
		fmt.Fprintln(stderr, "错误:", err, "——请先关闭程序再恢复。")
		return 1
	}
	defer release()
	info, err := sqlite.ReplaceWithBackup(context.Background(), paths.DB, rest[0], paths.Backups)
	if err != nil {
		fmt.Fprintln(stderr, "错误:", core.ErrorMessage(err))
		if core.ErrorCode(err) == core.EINTERNAL {
			fmt.Fprintln(stderr, "详细信息:", err)
		}
		return 1
	}
	fmt.Fprintf(stdout, "已用备份 %s 恢复数据库 %s；原数据库文件已保存为 %s\n", rest[0], paths.DB, info.Name)
	return 0
}

// restoreDump restores a PostgreSQL backup (pg_dump, made by this program) into the empty database of --db,
// checking it with the audit key of the data directory.
func restoreDump(paths datadir.Paths, dump string, stdout, stderr io.Writer) int {
	check, err := sqlite.RestoreDump(context.Background(), paths.DB, dump, paths.Dir, core.SystemClock{})
	if err != nil {
		fmt.Fprintln(stderr, "错误:", core.ErrorMessage(err))
		if core.ErrorCode(err) == core.EINTERNAL {
			fmt.Fprintln(stderr, "详细信息:", err)
		}
		return 1
	}
	if !check.OK {
		fmt.Fprintf(stderr, "错误: 恢复后的审计日志校验未通过：%s\n", check.Problem)
		return 1
	}
	fmt.Fprintf(stdout, "已把备份 %s 恢复到 %s：审计日志 %d 条，校验通过。\n其他服务器进程的数据目录请换上本数据目录中的 %s 后再启动。\n",
		dump, paths.DBName(), check.Entries, sqlite.AuditHeadFile)
	return 0
}

// preparedDataDir is the data directory named by --data-dir (or the default), created if it does not exist yet,
// with the PostgreSQL database of --db (or POLICYDESK_DB) when one is named.
func preparedDataDir(args []string) (datadir.Paths, error) { return datadir.FromArgs(args) }
