package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"policydesk/internal/core"
	"policydesk/internal/datadir"
	"policydesk/internal/rules"
	"policydesk/internal/seal"
	"policydesk/internal/sqlite"
)

const migrateUsage = `用法: policydesk migrate --from 数据目录 --to postgres://USER@HOST:PORT/DB [--data-dir 服务器数据目录]
  把本机(SQLite)数据库中的全部记录迁入一个新建的空 PostgreSQL 数据库：
  迁移前后各校验一次审计链，逐表核对记录数；目标数据库已有数据时拒绝。
  审计密钥与邮箱密钥复制到服务器数据目录(--data-dir，默认同 policydesk serve)，之后用
  policydesk serve --db postgres://… 启动服务器。源数据目录须没有程序在使用，其内容不变。
`

// migrate moves a SQLite data directory's records into an empty PostgreSQL database.
func migrate(args, rest []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	src := fs.String("from", "", "")
	dsn := fs.String("to", "", "")
	if err := fs.Parse(rest); err != nil || fs.NArg() > 0 || *src == "" || *dsn == "" {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, migrateUsage)
			return 0
		}
		fmt.Fprint(stderr, migrateUsage)
		return 2
	}
	if !core.IsPostgresDSN(*dsn) {
		fmt.Fprintf(stderr, "错误: --to 须是 PostgreSQL 连接串(postgres://…)，而不是 %q\n", core.RedactDSN(*dsn))
		return 2
	}
	paths, err := preparedDataDir(args)
	if err != nil {
		fmt.Fprintln(stderr, "错误:", err)
		return 1
	}
	report, err := migrateInto(context.Background(), *src, *dsn, paths)
	if err != nil {
		fmt.Fprintln(stderr, "错误:", core.ErrorMessage(err))
		if core.ErrorCode(err) == core.EINTERNAL {
			fmt.Fprintln(stderr, "详细信息:", err)
		}
		return 1
	}
	fmt.Fprint(stdout, report)
	return 0
}

func migrateInto(ctx context.Context, src, dsn string, paths datadir.Paths) (string, error) {
	ctx = core.WithActor(ctx, core.System)
	src, err := filepath.Abs(src)
	if err != nil {
		return "", err
	}
	if src == paths.Dir {
		return "", core.Errorf(core.EINVALID, "源数据目录与服务器数据目录(--data-dir)不能是同一个目录")
	}
	if _, err := os.Stat(datadir.DBFile(src)); err != nil {
		return "", core.Errorf(core.EINVALID, "%s 中没有 PolicyDesk 数据库(policydesk.db)：--from 应是桌面程序或服务器的数据目录", src)
	}
	release, err := datadir.Lock(filepath.Join(src, "policydesk.lock"))
	if err != nil {
		return "", core.Errorf(core.EINVALID, "%s 正在被程序使用，请先关闭使用它的程序：%v", src, err)
	}
	defer release()
	releaseDest, err := datadir.Lock(paths.Lock)
	if err != nil {
		return "", core.Errorf(core.EINVALID, "服务器数据目录 %s 正在被程序使用，请先停止服务器：%v", paths.Dir, err)
	}
	defer releaseDest()
	empty, err := sqlite.TargetIsEmpty(ctx, dsn)
	if err != nil {
		return "", err
	}
	if !empty {
		return "", core.Errorf(core.EINVALID, "目标数据库 %s 已有数据，不能迁入：请新建一个空数据库(CREATE DATABASE …)", core.RedactDSN(dsn))
	}

	from := sqlite.NewDB(datadir.DBFile(src), rules.All())
	from.BackupDir = filepath.Join(src, "backups")
	if err := from.Open(); err != nil {
		return "", fmt.Errorf("打开 %s 失败：%w", datadir.DBFile(src), err)
	}
	defer from.Close()
	before, err := from.VerifyAudit(ctx)
	if err != nil {
		return "", err
	}
	if !before.OK {
		return "", core.Errorf(core.EINVALID, "源数据的审计日志校验未通过(%s)，未迁移", before.Problem)
	}
	// The keys travel with the records: the audit key verifies the log, the secret key opens the mail password.
	for _, name := range []string{sqlite.AuditKeyFile, seal.SecretKeyFile} {
		key, err := os.ReadFile(filepath.Join(src, name))
		if errors.Is(err, os.ErrNotExist) {
			continue
		} else if err != nil {
			return "", err
		}
		dest := filepath.Join(paths.Dir, name)
		if have, err := os.ReadFile(dest); err == nil && !bytes.Equal(have, key) {
			return "", core.Errorf(core.EINVALID, "服务器数据目录 %s 中已有另一把 %s：请换一个新的空数据目录", paths.Dir, name)
		}
		if err := os.WriteFile(dest, key, 0o600); err != nil {
			return "", err
		}
	}
	to := sqlite.NewDB(dsn, rules.All())
	to.DataDir = paths.Dir
	if err := to.Open(); err != nil {
		return "", fmt.Errorf("无法使用 PostgreSQL 数据库 %s：%w", core.RedactDSN(dsn), err)
	}
	defer to.Close()
	counts, err := sqlite.CopyInto(ctx, from, to)
	if err != nil {
		return "", err
	}
	after, err := to.VerifyAudit(ctx)
	if err != nil {
		return "", err
	}
	if !after.OK || after.Entries != before.Entries {
		return "", core.Errorf(core.EINVALID, "迁移后的审计日志校验未通过(%s；迁移前 %d 条，迁移后 %d 条)", after.Problem, before.Entries, after.Entries)
	}
	var b bytes.Buffer
	var total int64
	for _, c := range counts {
		total += c.Rows
		if c.Rows > 0 {
			fmt.Fprintf(&b, "  %-28s %8d\n", c.Table, c.Rows)
		}
	}
	fmt.Fprintf(&b, "已从 %s 迁入 %s：%d 张表共 %d 条记录，逐表核对一致；审计日志 %d 条，迁移前后校验均通过。\n",
		src, core.RedactDSN(dsn), len(counts), total, after.Entries)
	fmt.Fprintf(&b, "服务器数据目录 %s 已有审计密钥；启动：policydesk serve --db %s --data-dir %s\n", paths.Dir, core.RedactDSN(dsn), paths.Dir)
	return b.String(), nil
}
